"""Domain errors said in the page's language: the UI's one translation of ``SeconomyError`` and ``LineError``.

The domain raises English messages (the CLI prints them) with a ``code`` and its values; here the code becomes
the catalog's ``error.<code>`` text. Values that came from a file or a person (file names, sheet names, cell
values) are escaped: the message is markdown. An error without a code keeps its English message (escaped).
"""

from __future__ import annotations

import datetime as dt
import numbers

import streamlit as st

from seconomy.errors import LineError, SeconomyError
from seconomy.ingest import cpr
from seconomy.ui.i18n import date, datetime, has_text, month, number, t
from seconomy.ui.safe import md

SHOWN_LINES = 50


LISTS = {"roles": "data.role."}  # parameters that hold ids, and the catalog prefix of their words


def _value(value: object, name: str = "") -> str:
    if isinstance(value, (tuple, list)):
        prefix = LISTS.get(name, "")
        return ", ".join(t(f"{prefix}{v}") if prefix and has_text(f"{prefix}{v}") else md(v) for v in value)
    if isinstance(value, bool) or value is None:
        return md(value)
    if isinstance(value, numbers.Integral):
        return number(value)
    if isinstance(value, dt.date) and name.endswith("_month"):  # a month of the forecast: 'mar. 2027'
        return month(value)
    if isinstance(value, dt.datetime):
        return datetime(value)
    if isinstance(value, dt.date):
        return date(value)
    return md(cpr.mask(str(value)))


def message(exc: SeconomyError) -> str:
    """The error's sentence in the page's language (markdown, user values escaped)."""
    code = getattr(exc, "code", None)
    if code and has_text(f"error.{code}"):
        return t(f"error.{code}", **{k: _value(v, k) for k, v in getattr(exc, "params", {}).items()})
    return md(cpr.mask(str(exc)))


def reason(err: LineError) -> str:
    """One bad line's reason in the page's language (plain text, for a table)."""
    if err.key and has_text(err.key):
        return t(err.key, value=cpr.mask(err.value), **dict(err.params))
    return err.reason


def line_text(err: LineError) -> str:
    """'Linje 3: Beløb: beløbet kan ikke læses (12,345)' (markdown, escaped)."""
    shown = f" ({md(cpr.mask(err.value))})" if err.value else ""
    return t("error.line", line=number(err.line), column=md(err.column), reason=md(reason(err))) + shown


def show(exc: SeconomyError, stop: bool = False, container=None) -> None:
    """The error and its first lines as one message; ``stop`` ends the page there."""
    where = container or st
    lines = getattr(exc, "errors", [])
    text = message(exc)
    if lines:
        text += "\n\n" + "\n".join(f"- {line_text(e)}" for e in lines[:SHOWN_LINES])
        if len(lines) > SHOWN_LINES:
            text += "\n\n" + t("error.more_lines", count=number(len(lines) - SHOWN_LINES))
    where.error(text)
    if stop:
        st.stop()
