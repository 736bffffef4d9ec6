"""Inputs that take what people type: amounts, shares and numbers in Danish or English, months and dates by name.

Why not ``st.number_input``: it shows ``2.00`` and ``-1500.00`` whatever the language, and refuses ``2.900,50``
or ``35 %``. These widgets are text inputs read by the project's one parser (seconomy.agreements.values:
``1.234.567,50``, ``1,234,567.50``, ``1 234 567,50 kr.``, ``35 %``) and written back in the page's language
(``2.900,5`` becomes ``2.900,50``; switching to English shows ``2,900.50``). A value that cannot be read is
explained in the page's language right under its field, and handed on as the text it is, so the domain's
validation refuses it too and nothing is saved.

Each helper returns the typed value (Decimal or None when empty) or, when unreadable, the raw text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import streamlit as st

from seconomy.agreements import values
from seconomy.text import format as fmt
from seconomy.ui.i18n import lang, t

DATE_FORMAT = {"da": "DD.MM.YYYY", "en": "YYYY-MM-DD"}  # Streamlit's date_input takes only these kinds of pattern
PLACEHOLDER_DATE = {"da": "dd.mm.åååå", "en": "yyyy-mm-dd"}
# The parser's reasons (seconomy.ingest.values, seconomy.agreements.values) → catalog keys input.err.<reason>.
REASONS = {"not an amount": "amount", "more than two decimals": "decimals", "amount too large": "large",
           "two signs": "signs", "not a number": "number", "missing amount": "amount"}


class Unreadable(str):
    """The raw text of an input the parser could not read (its reason is shown beside the field)."""

    reason: str = "number"


def _figure_text(value: Decimal | None, decimals: int | None) -> str:
    """A value as the page's language writes it in an input: grouping, and only the decimals it needs."""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else max(2, -value.normalize().as_tuple().exponent)
    return fmt.number(value, lang(), decimals).replace(fmt.MINUS, "-")


def _share_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    percent = (Decimal(value) * 100).normalize()
    decimals = max(0, -percent.as_tuple().exponent)
    return fmt.percent(value, lang(), min(decimals, 4)).replace(fmt.MINUS, "-")


def parse_share(text: object) -> Decimal | None:
    """A share from '35 %', '35%', '0,35', 0.35 or a bare '35' (more than 1 without a sign means per cent)."""
    share = values.share(text)
    if share is not None and share > 1 and not str(text).strip().endswith("%"):
        share = share / 100
    return share


def _reader(kind: str):
    return {"amount": values.money, "share": parse_share, "number": values.decimal}[kind]


def _plain_text(value: Decimal | None, decimals: int | None) -> str:
    """A plain number without thousands separators ('1500', '2,5'): the parser reads '1.500' as 1.5, not 1500."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    text = format(value.normalize() if decimals is None else value, "f")
    return text.replace(".", ",") if lang() == "da" else text


def _formatter(kind: str, decimals: int | None):
    if kind == "share":
        return _share_text
    if kind == "number":
        return lambda v: _plain_text(v, decimals)
    return lambda v: _figure_text(v, 2 if kind == "amount" and decimals is None and v is not None and
                                  v != v.to_integral_value() else decimals)


def _normalise(key: str, kind: str, decimals: int | None) -> None:
    """Rewrite what the user typed in the page's language before the widget is drawn again (readable values only)."""
    raw = st.session_state.get(key)
    if not isinstance(raw, str) or not raw.strip():
        return
    try:
        parsed = _reader(kind)(raw)
    except (ValueError, ArithmeticError):
        return
    st.session_state[key] = _formatter(kind, decimals)(parsed)


def _typed(container, label: str, value: object, key: str, kind: str, decimals: int | None = None,
           help: str | None = None, placeholder: str | None = None, disabled: bool = False) -> object:
    if key not in st.session_state:
        initial = None if values.is_empty(value) else Decimal(str(value))
        st.session_state[key] = _formatter(kind, decimals)(initial)
    else:
        _normalise(key, kind, decimals)
    raw = container.text_input(label, key=key, help=help, placeholder=placeholder or t(f"input.placeholder.{kind}"),
                               disabled=disabled)
    try:
        return _reader(kind)(raw)
    except (ValueError, ArithmeticError) as exc:
        bad = Unreadable(raw)
        bad.reason = REASONS.get(str(exc), kind)
        container.caption(":red[:material/error: " + t(f"input.err.{bad.reason}") + "]")
        return bad


def amount(container, label: str, value: object, key: str, help: str | None = None, decimals: int | None = None,
           placeholder: str | None = None, disabled: bool = False) -> object:
    """An amount in kroner ('2.900', '2.900,50', '2,900.50', '46.000 kr.'); Decimal, None, or the unreadable text."""
    return _typed(container, label, value, key, "amount", decimals, help, placeholder, disabled)


def share(container, label: str, value: object, key: str, help: str | None = None, placeholder: str | None = None,
          disabled: bool = False) -> object:
    """A share ('35 %', '35', '0,35' all give 0.35); shown back as '35 %' (da) or '35%' (en)."""
    return _typed(container, label, value, key, "share", None, help, placeholder, disabled)


def number(container, label: str, value: object, key: str, help: str | None = None, decimals: int | None = None,
           placeholder: str | None = None, disabled: bool = False) -> object:
    """A plain number ('2,5', '2.5', '1500'), shown without thousands separators; Decimal, None, or the unreadable text."""
    return _typed(container, label, value, key, "number", decimals, help, placeholder, disabled)


def is_unreadable(*items: object) -> bool:
    return any(isinstance(item, Unreadable) for item in items)


def date(container, label: str, value: dt.date | None, key: str, min_value: dt.date | None = None,
         max_value: dt.date | None = None, help: str | None = None, **kwargs) -> dt.date | None:
    """A date picker written DD.MM.YYYY (da) or YYYY-MM-DD (en), the two patterns Streamlit offers for them."""
    return container.date_input(label, value=value, min_value=min_value, max_value=max_value, key=key, help=help,
                                format=DATE_FORMAT[lang()], **kwargs)


def month(container, label: str, options: Sequence[dt.date], value: dt.date | None, key: str,
          help: str | None = None) -> dt.date:
    """A month chosen by its name ('nov. 2026' / 'Nov 2026'), never as '2026-11'."""
    shown = {m: fmt.month(m, lang()) for m in options}
    index = list(options).index(value) if value in options else 0
    return container.selectbox(label, list(options), index=index, key=key, help=help, format_func=shown.__getitem__)
