"""The baseline forecast: what happens month by month if nothing changes.

Income comes from the enterprise's active agreements by their terms until their end date (a
renewal only when its probability is 1), and for every payer not covered by an agreement from its
trailing-12-month run rate — product sales spread over the year by their month-of-year pattern.
Costs come from the costs table; the cash starts from the opening cash setting at its cash date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import numpy as np
import pandas as pd

from seconomy.errors import ScenarioError
from seconomy.forecast.costs import CostModel, load_costs
from seconomy.forecast.lines import LineSet, add_agreement_lines, add_run_rate_lines
from seconomy.forecast.months import month_range, month_text, months_between
from seconomy.settings import get_settings
from seconomy.window import Window, add_months, last_data_date, trailing_window

MAX_MONTHS = 36
MAX_DELAY = 24  # a scenario may start at most this many months after the first forecast month
IN_BASELINE_ROLES = ("agreement", "run_rate", "seasonal")


@dataclass(frozen=True)
class Baseline:
    """The forecast model: income lines and cost lines over the forecast months, and the cash."""

    months: tuple[dt.date, ...]  # from the first forecast month to the last reported month
    start: int  # index of the first reported month in ``months``
    lines: pd.DataFrame  # seconomy.forecast.lines.LINE_COLUMNS
    amounts: np.ndarray  # lines × months, whole øre
    costs: CostModel
    opening_cash_ore: int
    cash_date: dt.date
    cash_from: int  # index of the first month whose result is added to the opening cash
    trailing: Window  # the run-rate window

    @property
    def report_months(self) -> tuple[dt.date, ...]:
        return self.months[self.start:]

    @property
    def included(self) -> np.ndarray:
        """Lines in the baseline: agreements, run rates, and renewals that are certain (probability 1)."""
        roles = self.lines["role"].to_numpy()
        certain = (roles == "renewal") & (self.lines["probability"].to_numpy() >= 1.0)
        return np.isin(roles, IN_BASELINE_ROLES) | certain


def first_forecast_month(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The month after the last month with data."""
    last = last_data_date(con)
    if last is None:
        raise ScenarioError("there is no income data to forecast from: import a ledger (or the demo) first")
    return add_months(last, 1)


def _horizon(first: dt.date, start: dt.date | None, months: int) -> tuple[dt.date, int]:
    if not 1 <= months <= MAX_MONTHS:
        raise ScenarioError(f"months must be between 1 and {MAX_MONTHS}, not {months}")
    start = start or first
    if start < first:
        raise ScenarioError(f"start {month_text(start)} is before the first forecast month {month_text(first)} "
                            "(the month after the last data)")
    if months_between(first, start) > MAX_DELAY:
        raise ScenarioError(f"start {month_text(start)} is more than {MAX_DELAY} months after the first forecast "
                            f"month {month_text(first)}")
    return start, months_between(first, start)


def _cash(con: duckdb.DuckDBPyConnection, last_data: dt.date) -> tuple[int, dt.date]:
    settings = get_settings(con)
    cash = Decimal(str(settings["opening_cash"]))
    raw = str(settings["cash_date"] or "").strip()
    try:
        cash_date = dt.date.fromisoformat(raw) if raw else last_data
    except ValueError:
        cash_date = last_data
    return int(cash * 100), cash_date


def build_baseline(con: duckdb.DuckDBPyConnection, start: dt.date | None = None, months: int = 12) -> Baseline:
    """The baseline over ``months`` months from ``start`` (default: the month after the last data)."""
    first = first_forecast_month(con)
    start, offset = _horizon(first, start, months)
    engine = month_range(first, offset + months)
    last_data = last_data_date(con)
    trailing = trailing_window(last_data)
    lines = LineSet(engine)
    add_agreement_lines(con, lines)
    add_run_rate_lines(con, lines, trailing)
    meta, amounts = lines.frame()
    opening, cash_date = _cash(con, last_data)
    cash_from = max(0, months_between(first, cash_date.replace(day=1)) + 1)
    return Baseline(engine, offset, meta, amounts, load_costs(con, engine), opening, cash_date, cash_from, trailing)
