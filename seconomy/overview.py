"""The overview's figures: trailing income, the mosaic by stream, the largest payer, months of cash.

All sums are done in DuckDB on DECIMAL amounts; only the final figures become Python Decimals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from seconomy.settings import get_settings
from seconomy.window import Coverage, Window, coverage


@dataclass(frozen=True)
class Overview:
    window: Window
    total: Decimal  # income of the window (every entry, credit notes and negative-net payers included)
    by_stream: pd.DataFrame  # stream, amount, share
    largest_payer: str | None
    largest_payer_share: float | None
    payer_count: int
    monthly_costs: Decimal
    cash: Decimal
    months_of_cash: float | None
    actual_costs: Decimal | None = None  # costs booked in the window (bank, SAF-T); None when no costs were imported
    coverage: Coverage | None = None
    has_cost_lines: bool = False
    planned_costs: Decimal | None = None  # the cost lines applied to the window's months (None without cost lines)

    @property
    def costs(self) -> Decimal | None:
        """The window's costs: booked when any were imported, else what the cost lines say, else None."""
        return self.actual_costs if self.actual_costs is not None else self.planned_costs

    @property
    def result(self) -> Decimal | None:
        """Income minus the window's costs (booked, else from the cost lines; None with neither)."""
        return None if self.costs is None else self.total - self.costs


def income_by_stream(con: duckdb.DuckDBPyConnection, window: Window) -> pd.DataFrame:
    """Net income per stream in the window, largest first, with shares of the total."""
    return con.execute(
        """SELECT stream, sum(amount) AS amount, sum(amount) / sum(sum(amount)) OVER () AS share
        FROM entries WHERE entry_date BETWEEN ? AND ?
        GROUP BY stream HAVING sum(amount) <> 0 ORDER BY amount DESC, stream""",
        [window.start, window.end],
    ).df()


TREEMAP_TOP = 25  # payers shown per stream; the rest become one "others" leaf


def income_by_stream_and_payer(con: duckdb.DuckDBPyConnection, window: Window, top: int = TREEMAP_TOP) -> pd.DataFrame:
    """Net income per (stream, payer) in the window: the treemap's leaves, the ``top`` largest payers of each stream
    and one leaf for the rest (payer NULL, ``others`` = how many payers it holds; 0 on a named payer's leaf).

    Why aggregate: a ledger with thousands of customers drew a leaf for each (1.731 at 1M entries), which made the
    first page slow to draw and unreadable; the stream totals stay exact.
    """
    return con.execute(
        """WITH p AS (SELECT stream, payer, sum(amount) AS amount FROM income
                      WHERE entry_date BETWEEN $start AND $end GROUP BY stream, payer HAVING sum(amount) > 0),
        r AS (SELECT *, row_number() OVER (PARTITION BY stream ORDER BY amount DESC, payer) <= $top AS shown FROM p)
        SELECT stream, CASE WHEN shown THEN payer END AS payer, sum(amount)::DOUBLE AS amount,
               CASE WHEN shown THEN 0 ELSE count(*) END AS others
        FROM r GROUP BY stream, shown, CASE WHEN shown THEN payer END
        ORDER BY stream, NOT shown, amount DESC, payer""",
        {"start": window.start, "end": window.end, "top": top},
    ).df()


def monthly_income_by_stream(con: duckdb.DuckDBPyConnection, window: Window) -> pd.DataFrame:
    """Net income per calendar month and stream in the window (long format)."""
    return con.execute(
        """SELECT date_trunc('month', entry_date)::DATE AS month, stream, sum(amount)::DOUBLE AS amount
        FROM entries WHERE entry_date BETWEEN ? AND ? GROUP BY ALL ORDER BY month, stream""",
        [window.start, window.end],
    ).df()


def _largest_payer(con: duckdb.DuckDBPyConnection, window: Window) -> tuple[str | None, float | None, int]:
    """The largest payer, its share and the number of payers — by the Risk page's definitions (one for both)."""
    from seconomy.risk.measures import concentration

    found = concentration(con, window, "payer")
    if found.groups.empty:
        return None, None, 0
    return str(found.groups["key"].iloc[0]), found.top1_share, len(found.groups)


def monthly_costs(con: duckdb.DuckDBPyConnection, window: Window) -> Decimal:
    """Average monthly costs: fixed and wage costs in force at the window's end, plus variable
    costs as their share of the window's average monthly income in their stream."""
    months = (window.end.year - window.start.year) * 12 + window.end.month - window.start.month + 1
    return con.execute(
        """WITH s AS (SELECT stream, sum(amount) / ? AS monthly FROM entries
                      WHERE entry_date BETWEEN ? AND ? GROUP BY stream)
        SELECT coalesce(sum(CASE WHEN c.kind = 'variable'
                                 THEN c.share_of_income * coalesce(s.monthly, 0)
                                 ELSE c.monthly_amount END), 0)::DECIMAL(14,2)
        FROM costs c LEFT JOIN s ON s.stream = c.stream
        WHERE (c.start_date IS NULL OR c.start_date <= ?) AND (c.end_date IS NULL OR c.end_date >= ?)""",
        [months, window.start, window.end, window.end, window.end],
    ).fetchall()[0][0]


def overview(con: duckdb.DuckDBPyConnection, window: Window) -> Overview:
    """Every figure of the overview page for one window."""
    by_stream = income_by_stream(con, window)
    total = con.execute(
        "SELECT coalesce(sum(amount), 0) FROM entries WHERE entry_date BETWEEN ? AND ?", [window.start, window.end]
    ).fetchall()[0][0]
    by_stream["amount"] = by_stream["amount"].astype(float)
    by_stream["share"] = by_stream["share"].astype(float)
    payer, share, count = _largest_payer(con, window)
    booked = actual_costs(con, window)
    covered = coverage(con, window)
    lines = bool(con.execute("SELECT count(*) FROM costs").fetchall()[0][0])
    # Without cost lines, the booked costs' monthly average stands in (a bank statement or SAF-T file has them).
    costs = monthly_costs(con, window) if lines or booked is None or covered is None else \
        (booked / covered.months).quantize(Decimal("0.01"))
    cash = Decimal(str(get_settings(con)["opening_cash"]))
    runway = float(cash / costs) if costs > 0 else None
    planned = planned_costs(con, window) if booked is None else None
    return Overview(window, total, by_stream, payer, share, count, costs, cash, runway, booked, covered, lines, planned)


def planned_costs(con: duckdb.DuckDBPyConnection, window: Window) -> Decimal | None:
    """The cost lines applied to each month of the window (variable costs as their share of that month's income).

    Why: a user who keeps costs as lines on the Agreements page (no bank statement imported) still sees a result;
    it is the forecast's cost rule (seconomy.forecast.costs) run over months that have happened.
    """
    from seconomy.forecast.cash import income_by_stream_months
    from seconomy.forecast.costs import cost_lines, load_costs
    from seconomy.forecast.months import month_range

    if not con.execute("SELECT count(*) FROM costs").fetchall()[0][0]:
        return None
    first = window.start.replace(day=1)
    months = month_range(first, (window.end.year - first.year) * 12 + window.end.month - first.month + 1)
    ore = cost_lines(load_costs(con, months), income_by_stream_months(con, months)).sum()
    return (Decimal(int(round(float(ore)))) / 100).quantize(Decimal("0.01"))


def actual_costs(con: duckdb.DuckDBPyConnection, window: Window) -> Decimal | None:
    """The costs booked in the window (from bank statements and SAF-T files); None when none were ever imported."""
    any_costs, total = con.execute(
        "SELECT count(*) > 0, (SELECT coalesce(sum(amount), 0) FROM actual_costs WHERE entry_date BETWEEN ? AND ?) FROM actual_costs",
        [window.start, window.end]).fetchall()[0]
    return Decimal(total) if any_costs else None


def data_span(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    """First and last entry date in the database."""
    return tuple(con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0])
