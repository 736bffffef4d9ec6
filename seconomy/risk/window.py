"""The window of a risk question: the default trailing 12 full months, or the dates the user gave."""

from __future__ import annotations

import datetime as dt

import duckdb

from seconomy.errors import UsageError
from seconomy.window import Window, add_months, default_window, month_end


def resolve_window(con: duckdb.DuckDBPyConnection, start: dt.date | None = None, end: dt.date | None = None) -> Window | None:
    """The inclusive window ``[start, end]``.

    Without dates: the default window (trailing 12 full months ending with the last month that has
    data; None for a database without income). A missing bound is taken from the default window,
    unless that would leave no window (or there is none): then it is 12 full months from/to the given one.
    """
    default = default_window(con)
    if start is None and end is None:
        return default
    if start is None:
        start = default.start if default and default.start <= end else add_months(end, -11)
    if end is None:
        end = default.end if default and default.end >= start else month_end(add_months(start, 11))
    if end < start:
        raise UsageError(f"the window ends ({end}) before it starts ({start})")
    return Window(start, end)
