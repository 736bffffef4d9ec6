"""Language handling: the current language and the text lookup used by every page.

The words and formats themselves live in ``seconomy.text`` (the catalog and ``seconomy.text.format``); this
module only knows which language the browser session chose and hands it over.
"""

from __future__ import annotations

import streamlit as st

from seconomy.text import format as fmt
from seconomy.text.catalog import CATALOG
from seconomy.text.words import Words
from seconomy.text.words import words as bundle

DEFAULT_LANGUAGE = "da"
_INDEX = {"da": 0, "en": 1}


def lang() -> str:
    """The language of this browser session ('da' unless the user switched)."""
    chosen = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return chosen if chosen in _INDEX else DEFAULT_LANGUAGE


def words() -> Words:
    """The words and formats of this session's language (for charts, reports and sentences of the core)."""
    return bundle(lang())


def t(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled in."""
    text = CATALOG[key][_INDEX[lang()]]
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    return key in CATALOG


def stream_label(stream: object) -> str:
    return words().stream(stream)


def money(value: object, decimals: int = 0) -> str:
    return fmt.money(value, lang(), decimals)


def money_delta(value: object, decimals: int = 0) -> str:
    return fmt.money_delta(value, lang(), decimals)


def signed_money(value: object, decimals: int = 0) -> str:
    return fmt.signed_money(value, lang(), decimals)


def percent(share: object, decimals: int = 1) -> str:
    return fmt.percent(share, lang(), decimals)


def number(value: object, decimals: int = 0) -> str:
    return fmt.number(value, lang(), decimals)


def date(day: object) -> str:
    return fmt.date(day, lang())


def month(day: object) -> str:
    return fmt.month(day, lang())


def quarter(day: object) -> str:
    return fmt.quarter(day, lang())


def datetime(moment: object) -> str:
    return fmt.datetime(moment, lang())


def yes_no(value: object) -> str:
    return fmt.yes_no(value, lang())
