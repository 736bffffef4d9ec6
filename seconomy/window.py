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
    """Trailing 12 full months ending with the last month that has data (None without data)."""
    last = last_data_date(con)
    return trailing_window(last) if last else None
