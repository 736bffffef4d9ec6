"""Months as the forecast counts them: the first day of a calendar month, written 'YYYY-MM' in specs."""

from __future__ import annotations

import datetime as dt
import re

from seconomy.window import add_months

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


def parse_month(text: object) -> dt.date:
    """'2027-04' (or '2027-04-01', or a date) → date(2027, 4, 1); ValueError for anything else."""
    if isinstance(text, dt.date):
        return text.replace(day=1)
    match = _MONTH.match(str(text))
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"{text!r} is not a month (use YYYY-MM)")
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def month_text(month: dt.date) -> str:
    """date(2027, 4, 1) → '2027-04' (the spec and JSON form)."""
    return f"{month.year:04d}-{month.month:02d}"


def month_index(month: dt.date) -> int:
    """A running month number, so month arithmetic is integer arithmetic."""
    return month.year * 12 + month.month - 1


def months_between(first: dt.date, last: dt.date) -> int:
    """Number of months from ``first`` to ``last`` (0 when they are the same month)."""
    return month_index(last) - month_index(first)


def month_range(first: dt.date, count: int) -> tuple[dt.date, ...]:
    """``count`` consecutive months starting with the month of ``first``."""
    return tuple(add_months(first, i) for i in range(count))
