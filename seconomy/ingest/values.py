"""Reading amounts and dates the way Danish and English exports write them.  (Shared API.)

Shared API: ``parse_amount`` and ``parse_date`` are used by the ledger import and by the agreements
import; their signatures and the ValueError-with-a-human-reason contract stay stable.

Why one grammar in two languages: a million-row file is parsed in DuckDB (vectorised SQL), a single
cell in Python. Both use the regular expressions defined here (written in the subset that Python's
``re`` and DuckDB's RE2 both understand), so a value means the same in the preview, in the CLI and in
the bulk import; ``tests/ingest/test_values.py`` checks that the two agree.

Amounts: an optional sign (``-``, ``−``, ``+`` in front or ``-`` behind), an optional currency word
(``kr.``, ``DKK``), digits with or without thousands separators (``.`` or space for a decimal comma,
``,`` or space for a decimal point, also the apostrophe and the no-break space) and at most two
decimals, or the Danish ``,-`` for whole kroner. A single separator followed by exactly three digits
is a thousands separator (money has at most two decimals), so ``1.234`` is 1234 kr.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

MAX_WHOLE_DIGITS = 12  # DECIMAL(14,2): up to 999,999,999,999.99
_CURRENCY = r"(?:kr\.?|dkk)"
_MINUS = "\u2212"  # the real character: RE2 (DuckDB) does not read \u escapes
# Blanks around a value: the same set in Python and SQL (\s and \d differ between re and RE2).
BLANKS = " \t\r\n\u00a0"
_WS = "[ \t\r\n\u00a0]*"
_GROUPS = {",": (r"\.", " ", "\u00a0", "'"), ".": (",", " ", "\u00a0", "'")}  # thousands separators


def amount_pattern(decimal: str) -> str:
    """The amount grammar for a decimal mark (',' or '.'); groups: sign, whole, fraction, trailing sign."""
    if decimal not in _GROUPS:
        raise ValueError(f"decimal mark must be ',' or '.', not {decimal!r}")
    grouped = "|".join(rf"[0-9]{{1,3}}(?:{sep}[0-9]{{3}})+" for sep in _GROUPS[decimal])
    point = "," if decimal == "," else r"\."
    return (
        rf"(?i)^{_WS}{_CURRENCY}?{_WS}([-+{_MINUS}]?){_WS}{_CURRENCY}?{_WS}({grouped}|[0-9]+)"
        rf"(?:{point}([0-9]{{1,2}}|-))?{_WS}(-?){_WS}{_CURRENCY}?{_WS}$"
    )


_AMOUNT_RE = {mark: re.compile(amount_pattern(mark)) for mark in _GROUPS}
_CURRENCY_WORD = re.compile(r"(?i)\b(?:kr\.?|dkk)")

# Dates after '.' and '/' became '-': yyyy-m-d (with an optional time, as Excel text exports write it),
# d-m-yyyy or d-m-yy. Groups: first, middle, last part.
DATE_PATTERN = (rf"^{_WS}([0-9]{{1,4}})-([0-9]{{1,2}})-([0-9]{{1,4}})"
                rf"(?:[T ][0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}}(?:-[0-9]+)?)?)?{_WS}$")
_DATE_RE = re.compile(DATE_PATTERN)
DATE_ORDERS = ("dmy", "mdy")
YEAR_RANGE = (1900, 2100)


def guess_decimal(text: str) -> str | None:
    """The decimal mark one value suggests (',' or '.'), or None when it has no separator.

    The later of ',' and '.' is the decimal mark; a separator that occurs twice, or once before
    exactly three digits, separates thousands.
    """
    text = _CURRENCY_WORD.sub("", text)  # the point of "kr." is no decimal mark: "1.234,50 kr."
    last = max(text.rfind(","), text.rfind("."))
    if last < 0:
        return None
    mark, other = text[last], "." if text[last] == "," else ","
    if other in text[:last] or text.count(mark) > 1:
        return mark if other in text[:last] else other
    tail = re.match("[0-9]*", text[last + 1:]).group(0)
    return other if len(tail) == 3 else mark


def detect_decimal(values: Iterable[object], default: str = ",") -> str:
    """The decimal mark most values of a column suggest; ``default`` when none says."""
    votes = {",": 0, ".": 0}
    for value in values:
        if isinstance(value, str) and (mark := guess_decimal(value)):
            votes[mark] += 1
    if votes[","] == votes["."]:
        return default
    return "," if votes[","] > votes["."] else "."


def ore_from_parts(sign: str, whole: str, fraction: str, trailing: str) -> int:
    """Øre from the four groups of the amount grammar (raises ValueError with a reason)."""
    digits = re.sub("[^0-9]", "", whole)
    if len(digits.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise ValueError("amount too large")
    if sign and trailing:
        raise ValueError("two signs")
    cents = 0 if fraction in ("", "-") else int(fraction.ljust(2, "0"))
    ore = int(digits) * 100 + cents
    return -ore if sign in ("-", "\u2212") or trailing else ore


def parse_amount(text: object, decimal: str | None = None) -> int:
    """An amount as whole øre: ``"-13.500,00"`` → -1350000. Raises ValueError with a human reason.

    ``decimal`` is the file's decimal mark (',' or '.'); None guesses it from the value itself.
    Numbers from Excel cells (int, float, Decimal) are taken as they are, rounded to øre only when
    the float is within floating-point noise of a whole øre.
    """
    if text is None or isinstance(text, bool):
        raise ValueError("missing amount")
    if isinstance(text, (int, float, Decimal)):
        return _ore_from_number(text)
    raw = str(text).strip(BLANKS)
    if not raw:
        raise ValueError("missing amount")
    mark = decimal or guess_decimal(raw) or ","
    found = _AMOUNT_RE[mark].match(raw)
    if not found:
        tail = re.search(rf"[.,]([0-9]+){_WS}$", raw)
        if tail and len(tail.group(1)) > 2 and raw[tail.start()] == mark:
            raise ValueError("more than two decimals")
        raise ValueError("not an amount")
    return ore_from_parts(*found.groups(default=""))


def _ore_from_number(number: int | float | Decimal) -> int:
    if isinstance(number, int):
        value = Decimal(number)
    else:
        try:
            value = Decimal(repr(number)) if isinstance(number, float) else number
        except InvalidOperation as exc:
            raise ValueError("not an amount") from exc
        if not value.is_finite():
            raise ValueError("not an amount")
    ore = value * 100
    rounded = ore.to_integral_value()
    if abs(ore - rounded) > Decimal("0.000001"):
        raise ValueError("more than two decimals")
    if abs(rounded) >= Decimal(10) ** (MAX_WHOLE_DIGITS + 2):
        raise ValueError("amount too large")
    return int(rounded)


def full_year(year: str) -> int:
    """Two-digit years as strptime reads them: 00–68 → 2000s, 69–99 → 1900s."""
    number = int(year)
    if len(year) == 2:
        return number + (2000 if number <= 68 else 1900)
    return number


def date_parts(first: str, middle: str, last: str, order: str | None = None) -> tuple[int, int, int]:
    """(year, month, day) from the three groups of DATE_PATTERN; ValueError when the shape is not a date."""
    if len(first) == 4:
        return int(first), int(middle), int(last)
    if len(first) <= 2 and len(last) in (2, 4):
        if (order or "dmy") == "mdy":
            return full_year(last), int(first), int(middle)
        return full_year(last), int(middle), int(first)
    raise ValueError("not a date")


def parse_date(value: object, order: str | None = None) -> dt.date:
    """A date from an Excel date cell or a text such as ``31-12-2026``, ``31.12.2026``, ``31/12/2026``,
    ``2026-12-31`` (or with two-digit year ``31-12-26``). Raises ValueError with a human reason.

    ``order`` is ``"dmy"`` (default, Danish) or ``"mdy"`` for the day/month order of non-ISO dates;
    ISO dates (year first) are always read as year-month-day.
    """
    if order is not None and order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if value is None or not str(value).strip(BLANKS):
        raise ValueError("missing date")
    found = _DATE_RE.match(str(value).replace(".", "-").replace("/", "-"))
    if not found:
        raise ValueError("not a date")
    year, month, day = date_parts(*found.groups(), order=order)
    try:
        return _checked(dt.date(year, month, day))
    except ValueError as exc:
        raise ValueError("impossible date") from exc


def _checked(day: dt.date) -> dt.date:
    if not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
        raise ValueError("impossible date")
    return day
