"""Numbers, amounts, shares, dates, months and quarters written the Danish or the English way.

Why one module: a Danish reader must see ``1.234.567 kr.``, ``30,8 %``, ``31.12.2026``, ``nov. 2026`` and
``K4 2026`` everywhere — metrics, tables, chart labels, reports, the CLI — and an English reader
``DKK 1,234,567``, ``30.8%``, ``31 Dec 2026``, ``Nov 2026`` and ``Q4 2026``, whatever the browser's locale.
The locale rules (digit grouping, decimal mark, month names) come from CLDR through babel; the few
choices CLDR leaves open are fixed here once:

- the minus is U+2212 (``−1.234 kr.``) everywhere, the same character Plotly writes on its axes;
- rounding is half up (999,5 kr. → 1.000 kr.), as people round, not banker's rounding;
- the unit is separated by a plain space (``30,8 %``, ``DKK 12``) in Danish; English percent has none;
- the Danish quarter is ``K4 2026`` (CLDR's "4. kvt. 2026" is not what Danish budgets write);
- an empty value (None, NaN, NaT) is written ``–``, never ``None`` or ``nan``.

Pure functions: no Streamlit. The UI calls them through ``seconomy.ui.i18n`` with the session's language.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import get_month_names
from babel.numbers import format_decimal

LANGUAGES = ("da", "en")
MINUS = "\u2212"
EMPTY = "–"
_LOCALE = {"da": "da_DK", "en": "en"}
_QUARTER = {"da": "K{q} {year}", "en": "Q{q} {year}"}
_PERCENT = {"da": "{} %", "en": "{}%"}
_MONEY = {"da": "{} kr.", "en": "DKK {}"}


def _lang(lang: str) -> str:
    if lang not in _LOCALE:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    return lang


def is_empty(value: object) -> bool:
    """None, NaN, NaT and pandas' NA have no figure to show."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, Decimal) and value.is_nan():
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a truth value is not a number")
    try:
        return Decimal(str(value))  # str(): 0.1 stays 0.1, numpy numbers too
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


@lru_cache(maxsize=32)
def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def number(value: object, lang: str = "da", decimals: int = 0) -> str:
    """1234567.5 → '1.234.568' (da) or '1,234,568' (en); −1234 → '−1.234'; None → '–'."""
    if is_empty(value):
        return EMPTY
    dec = _decimal(value)
    if not dec.is_finite():
        return EMPTY
    rounded = dec.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format_decimal(abs(rounded), format=_pattern(decimals), locale=_LOCALE[_lang(lang)], decimal_quantization=False)
    return (MINUS + text) if rounded < 0 else text


def _positive(value: object, decimals: int) -> bool:
    return _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) > 0


def signed_number(value: object, lang: str = "da", decimals: int = 0) -> str:
    """A change: '+1.234', '−1.234' or '0' (a plus sign only above zero)."""
    text = number(value, lang, decimals)
    return "+" + text if text != EMPTY and _positive(value, decimals) else text


def money(value: object, lang: str = "da", decimals: int = 0) -> str:
    """1234567 → '1.234.567 kr.' (da) or 'DKK 1,234,567' (en); −1234 → '−1.234 kr.' / '−DKK 1,234'."""
    text = number(value, lang, decimals)
    if text == EMPTY:
        return EMPTY
    if lang == "en" and text.startswith(MINUS):
        return MINUS + _MONEY["en"].format(text[1:])
    return _MONEY[lang].format(text)


def signed_money(value: object, lang: str = "da", decimals: int = 0) -> str:
    """A change in kroner: '+1.234 kr.' / '−1.234 kr.' (en: '+DKK 1,234' / '−DKK 1,234')."""
    text = money(value, lang, decimals)
    return "+" + text if text != EMPTY and _positive(value, decimals) else text


def money_delta(value: object, lang: str = "da", decimals: int = 0) -> str:
    """``signed_money`` for st.metric's delta: a loss starts with an ASCII '-' ('-1.234 kr.', '-DKK 1,234').

    Why: st.metric colours and points its delta by whether the text starts with '-'; U+2212 would show a loss
    as a rise."""
    text = signed_money(value, lang, decimals)
    return "-" + text[1:] if text.startswith(MINUS) else text


def percent(share: object, lang: str = "da", decimals: int = 1) -> str:
    """A share as a percentage: 0.308 → '30,8 %' (da) or '30.8%' (en); None → '–'."""
    if is_empty(share):
        return EMPTY
    text = number(_decimal(share) * 100, lang, decimals)
    return EMPTY if text == EMPTY else _PERCENT[lang].format(text)


def percent_suffix(lang: str) -> str:
    """What follows a percentage: ' %' (da) or '%' (en) — for chart axes and hover texts."""
    return _PERCENT[_lang(lang)].format("")


def separators(lang: str) -> str:
    """Plotly's ``layout.separators``: the decimal mark, then the thousands separator."""
    return ",." if _lang(lang) == "da" else ".,"


def _day(value: object) -> dt.date | None:
    """A date from a date, datetime, pandas Timestamp, numpy datetime64 or ISO text; None when empty."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if type(value).__name__ == "datetime64":
        import pandas as pd  # only for numpy dates, which only come with pandas

        return _day(pd.Timestamp(value))
    return dt.date.fromisoformat(str(value)[:10])


@lru_cache(maxsize=4)
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve abbreviated month names of CLDR: 'jan.' … 'dec.' (da), 'Jan' … 'Dec' (en)."""
    names = get_month_names("abbreviated", context="format", locale=_LOCALE[_lang(lang)])
    return tuple(names[m] for m in range(1, 13))


def date(day: object, lang: str = "da") -> str:
    """2026-12-31 → '31.12.2026' (da) or '31 Dec 2026' (en)."""
    value = _day(day)
    if value is None:
        return EMPTY
    if lang == "da":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {month_names(_lang(lang))[value.month - 1]} {value.year}"


def month(day: object, lang: str = "da") -> str:
    """2026-11-01 → 'nov. 2026' (da) or 'Nov 2026' (en)."""
    value = _day(day)
    return EMPTY if value is None else f"{month_names(lang)[value.month - 1]} {value.year}"


def quarter(day: object, lang: str = "da") -> str:
    """Any day of the fourth quarter of 2026 → 'K4 2026' (da) or 'Q4 2026' (en)."""
    value = _day(day)
    return EMPTY if value is None else _QUARTER[_lang(lang)].format(q=(value.month - 1) // 3 + 1, year=value.year)


def datetime(moment: object, lang: str = "da") -> str:
    """A time stamp to the minute: '27.11.2026 14:05' (da) or '27 Nov 2026 14:05' (en)."""
    if is_empty(moment):
        return EMPTY
    if hasattr(moment, "to_pydatetime"):
        moment = moment.to_pydatetime()
    if not isinstance(moment, dt.datetime):
        return date(moment, lang)
    return f"{date(moment, lang)} {moment:%H:%M}"


def yes_no(value: object, lang: str = "da") -> str:
    """A truth value in words ('ja'/'nej', 'yes'/'no'); empty stays '–' (never True/False)."""
    if is_empty(value):
        return EMPTY
    return {"da": ("nej", "ja"), "en": ("no", "yes")}[_lang(lang)][bool(value)]
