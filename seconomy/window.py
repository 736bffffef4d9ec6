"""Time windows: the default trailing 12 full months, and month arithmetic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Window:
    """Inclusive dates [start, end]."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(day: dt.date) -> dt.date:
    return add_months(day, 1) - dt.timedelta(days=1)


def last_data_date(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The date of the newest income entry, or None for an empty database."""
    return con.execute("SELECT max(entry_date) FROM entries").fetchall()[0][0]


def trailing_window(last_day: dt.date, months: int = 12) -> Window:
    """The ``months`` full months ending with the month of ``last_day``."""
    return Window(add_months(last_day, 1 - months), month_end(last_day))


def default_window(con: duckdb.DuckDBPyConnection) -> Window | None:
    """The 12 calendar months ending with the last month that has data — or fewer, from the first month with data,
    when the history is shorter (None without data)."""
    first, last = con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0]
    if last is None:
        return None
    window = trailing_window(last)
    return Window(max(window.start, month_start(first)), window.end)


@dataclass(frozen=True)
class Coverage:
    """What a window really covers of the data: its first and last day with data, and the calendar months."""

    first: dt.date
    last: dt.date
    months: int  # calendar months from the first to the last covered day
    partial_last: bool  # the data stops before the end of the last month


def coverage(con: duckdb.DuckDBPyConnection, window: Window) -> Coverage | None:
    """The part of ``window`` the data covers (None when there is no data in it)."""
    first, last = con.execute("SELECT min(entry_date), max(entry_date) FROM entries WHERE entry_date BETWEEN ? AND ?",
                              [window.start, window.end]).fetchall()[0]
    if first is None:
        return None
    span_first, span_last = con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0]
    start = max(window.start, month_start(span_first))
    end = min(window.end, span_last)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return Coverage(start, end, months, end < month_end(end))
