"""An agreement renewed on the same terms keeps its own day and term.

2026-01-15..2027-01-14 renews as 2027-01-15..2028-01-14, and January 2027 pays in full (14 days of the old term,
17 of the new), not 2.709,68 of a 6.000 kr. monthly amount. A term that is a whole number of months (the end is
the day before the start's day, some months later) renews by months; any other term renews by its number of days.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator


def add_months_on_day(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_months(start: dt.date, end: dt.date) -> int | None:
    """The term in whole months when ``end`` is the day before a whole number of months after ``start``."""
    nxt = end + dt.timedelta(days=1)
    months = (nxt.year - start.year) * 12 + nxt.month - start.month
    return months if months > 0 and add_months_on_day(start, months) == nxt else None


def renewals(start: dt.date, end: dt.date, until: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    """The successive terms after ``end``, on the same day and term, up to the one running on ``until``."""
    months = term_months(start, end)
    days = (end - start).days + 1
    first, n = end + dt.timedelta(days=1), 1
    while True:
        if months:
            term_start = add_months_on_day(start, months * n)
            term_end = add_months_on_day(start, months * (n + 1)) - dt.timedelta(days=1)
        else:
            term_start = first + dt.timedelta(days=days * (n - 1))
            term_end = term_start + dt.timedelta(days=days - 1)
        if term_start > until:
            return
        yield term_start, term_end
        n += 1
