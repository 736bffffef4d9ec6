"""Where the data stops: the last day, whether its month is complete, and the complete months run rates use.

Why: an export taken on 5 December holds five days of December. Counting December as a month would put a
fifth of a month into a twelve-month run rate (19.167 instead of 20.000 a month); forecasting December in full
would count the five days twice. So only complete months count, and the current partial month is forecast as the
month's forecast less what is already booked in it (seconomy.forecast.lines).

A month is complete when the data reaches its last day, or when it was over at the time of the import that
brought its latest entries (an export made in January holds all of December, even if no entry falls on the
31st).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from seconomy.errors import ScenarioError
from seconomy.window import Window, add_months, month_end, month_start

TRAILING_MONTHS = 12


@dataclass(frozen=True)
class Cutoff:
    """The data's last day, and what it means for the forecast."""

    first_day: dt.date  # the first entry date
    last_day: dt.date  # the last entry date
    partial: bool  # the last day's month is not over: the forecast starts in it, for the days after last_day
    first_forecast_month: dt.date  # the month of last_day when partial, else the month after
    trailing: Window  # the complete months run rates are taken from (at most 12)

    @property
    def complete_months(self) -> int:
        """How many months the trailing window holds."""
        start, end = self.trailing.start, self.trailing.end
        return (end.year - start.year) * 12 + end.month - start.month + 1


def _imported_after_month(con: duckdb.DuckDBPyConnection, month: dt.date) -> bool:
    """Whether an import holding entries of ``month`` was made after that month was over."""
    found = con.execute(
        """SELECT max(i.imported_at) FROM imports i
           WHERE i.undone_at IS NULL AND EXISTS (SELECT 1 FROM entries e WHERE e.import_id = i.id AND e.entry_date >= ?)""",
        [month]).fetchall()[0][0]
    return found is not None and found.date() > month_end(month)


def cutoff(con: duckdb.DuckDBPyConnection) -> Cutoff:
    """The cutoff of the data in ``con`` (ScenarioError without income)."""
    first, last = con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0]
    if last is None:
        raise ScenarioError("there is no income data to forecast from: import a ledger (or the demo) first",
                            code="forecast.no_data")
    partial = last < month_end(last) and not _imported_after_month(con, month_start(last))
    last_complete = add_months(last, -1) if partial else month_start(last)
    if last_complete < month_start(first):  # not one complete month: the partial month stands in for one
        last_complete = month_start(last)
    start = max(add_months(last_complete, 1 - TRAILING_MONTHS), month_start(first))
    return Cutoff(first, last, partial, month_start(last) if partial else add_months(last, 1),
                  Window(start, month_end(last_complete)))
