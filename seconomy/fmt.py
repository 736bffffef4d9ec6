"""Formatting numbers and dates the Danish or the English way (pure; used by the UI and the CLI)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

LANGUAGES = ("da", "en")
_MONTHS = {
    "da": ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _grouped(value: Decimal, decimals: int, thousands: str, point: str) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):.{decimals}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = thousands.join(groups)
    return sign + text + (point + frac if decimals else "")


def number(value: object, lang: str = "da", decimals: int = 0) -> str:
    """1234567.5 → '1.234.568' (da) or '1,234,568' (en)."""
    dec = Decimal(str(value))
    return _grouped(dec, decimals, ".", ",") if lang == "da" else _grouped(dec, decimals, ",", ".")


def money(value: object, lang: str = "da", decimals: int = 0) -> str:
    """1234567 → '1.234.567 kr.' (da) or 'DKK 1,234,567' (en)."""
    text = number(value, lang, decimals)
    return f"{text} kr." if lang == "da" else f"DKK {text}"


def money_delta(value: object, lang: str = "da", decimals: int = 0) -> str:
    """A change of money with its sign first: '+1.234 kr.', '-1.234 kr.', '-DKK 1,234'.

    Why: a change reads by its sign, and st.metric colours its delta by whether the text starts with '-';
    'DKK -1,234' would show as a rise.
    """
    dec = Decimal(str(value))
    body = money(abs(dec), lang, decimals)
    if number(abs(dec), lang, decimals).strip("0.,") == "":
        return body
    return ("-" if dec < 0 else "+") + body


def percent(share: float, lang: str = "da", decimals: int = 1) -> str:
    """0.4197 → '42,0 %' (da) or '42.0%' (en)."""
    text = number(Decimal(str(share)) * 100, lang, decimals)
    return f"{text} %" if lang == "da" else f"{text}%"


def date(day: dt.date, lang: str = "da") -> str:
    """2026-11-27 → '27.11.2026' (da) or '27 Nov 2026' (en)."""
    if lang == "da":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def month(day: dt.date, lang: str = "da") -> str:
    """2026-11-01 → 'nov. 2026' (da) or 'Nov 2026' (en)."""
    return f"{_MONTHS[lang][day.month - 1]} {day.year}"
