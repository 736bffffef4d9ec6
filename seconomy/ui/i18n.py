"""Language handling: the current language and the text lookup used by every page."""

from __future__ import annotations

import streamlit as st

from seconomy import fmt
from seconomy.ui.catalog import CATALOG

DEFAULT_LANGUAGE = "da"
_INDEX = {"da": 0, "en": 1}


def lang() -> str:
    """The language of this browser session ('da' unless the user switched)."""
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled in."""
    text = CATALOG[key][_INDEX[lang()]]
    return text.format(**values) if values else text


def stream_label(stream: str) -> str:
    return t(f"stream.{stream}")


def money(value: object, decimals: int = 0) -> str:
    return fmt.money(value, lang(), decimals)


def money_delta(value: object, decimals: int = 0) -> str:
    return fmt.money_delta(value, lang(), decimals)


def percent(share: float, decimals: int = 1) -> str:
    return fmt.percent(share, lang(), decimals)


def number(value: object, decimals: int = 0) -> str:
    return fmt.number(value, lang(), decimals)


def date(day) -> str:
    return fmt.date(day, lang())


def month(day) -> str:
    return fmt.month(day, lang())
