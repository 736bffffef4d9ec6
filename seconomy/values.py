"""Turning loose cell and widget values into typed ones: empty, Decimal, int, date, probability — the one parser.

Every money input goes through ``money`` (settings, forms, every file): ``1.234.567,50``, ``1234567.50``,
``1 234 567,50 kr.``; NaN, infinities and amounts beyond DECIMAL(14,2) are refused with a reason. Shares go
through ``share`` (``0,35``, ``35 %``), plain numbers through ``decimal``.

Why here and so forgiving: agreements arrive from three places — form widgets (already typed),
Excel cells (numbers, datetimes, NaN for blanks) and CSV text written the Danish or the English
way ("2.900,00", "2,900.00", "01-01-2027", "80 %"). Validation wants one answer per value:
empty, a clean typed value, or a ValueError naming what was wrong. Money and dates are read by
the ledger import's shared parsers (seconomy.ingest.values), so a file means the same in both
imports; counts, placements and shares (which may have more than two decimals) are read here.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from decimal import Decimal, InvalidOperation

from seconomy.ingest.values import parse_amount, parse_date

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def is_empty(value: object) -> bool:
    """None, NaN, NaT, pd.NA and blank text are all 'no value'."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):  # pandas' NA and NaT, without importing pandas
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, Decimal) and value.is_nan():
        return True
    return isinstance(value, str) and not value.strip()


def text(value: object) -> str | None:
    """Stripped text, or None when empty; an Excel number such as 101.0 becomes '101'."""
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number_text(raw: str) -> str:
    """'1.234,50' / '1,234.50' / '1 234,5' / '-13.500,00 kr.' → '1234.50' (a plain decimal string)."""
    raw = _SPACES.sub("", raw).lower().replace("\u2212", "-").removesuffix("kr.").removesuffix("kr").removeprefix("dkk")
    if raw.count(",") and raw.count("."):
        # the separator that comes last is the decimal mark
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_mark, ".")
    elif raw.count(",") == 1:
        raw = raw.replace(",", ".")
    elif raw.count(".") > 1 or raw.count(",") > 1:
        raw = raw.replace(".", "").replace(",", "")  # "1.234.567": dots as thousands
    return raw


def decimal(value: object) -> Decimal | None:
    """A Decimal from a number or Danish/English number text; None when empty; ValueError otherwise."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    if isinstance(value, numbers.Real):  # float, numpy floats
        if not math.isfinite(value):
            raise ValueError("not a number")
        if abs(value) >= 1e15:
            raise ValueError("too large")
        return Decimal(str(float(value)))  # shortest form: 0.1 → 0.1 (not 0.1000000000000000055…)
    raw = str(value)
    if len(raw) > 64:  # a 5 000-digit cell: no honest number is that long (and int() would refuse it anyway)
        raise ValueError("too large")
    try:
        number = Decimal(_number_text(raw))
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite():
        raise ValueError("not a number")
    if abs(number) >= Decimal(10) ** 15:
        raise ValueError("too large")
    return number


def integer(value: object) -> int | None:
    """A whole number (3, '3', 3.0); None when empty; ValueError for 2.5 or text."""
    number = decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError("not a whole number")
    return int(number)


def share(value: object) -> Decimal | None:
    """A share between 0 and 1: 0.35, '0,35', '35 %' and '35%' all give Decimal('0.35')."""
    if is_empty(value):
        return None
    if isinstance(value, str) and value.strip().endswith("%"):
        number = decimal(value.strip().removesuffix("%"))
        return None if number is None else number / 100
    return decimal(value)


def money(value: object) -> Decimal | None:
    """An amount in kroner with at most two decimals, read like the ledger import reads it; None when empty.

    ValueError's message is the ledger import's reason ("not an amount", "more than two decimals",
    "amount too large", "two signs").
    """
    if is_empty(value):
        return None
    return Decimal(parse_amount(value)) / 100


def date(value: object) -> dt.date | None:
    """A date from a date/datetime/Timestamp or text (YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY), as the
    ledger import reads it; None when empty; ValueError ("not a date", "impossible date") otherwise."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):  # a pandas Timestamp is one
        return value.date()
    return parse_date(value)
