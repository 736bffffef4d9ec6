"""The baseline forecast: what happens month by month if nothing changes — and what it is worth in cash.

Income comes from the agreements in force by their terms (their renewals on their own day and term, pending
applications with their chance), and for income no agreement covers from run rates of the complete months —
each payer's own seasonal profile when it has 24 months of history, else flat; one-offs left out. Costs come from
the cost lines. Two honest lines: *contracted* (agreements in force, renewals that are certain, run rates) and
*expected* (renewals and pending applications weighted by their probability — the Monte Carlo's mean). Cash
follows payment terms and VAT, from the cash figure rolled forward to the forecast start (seconomy.forecast.cash).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from seconomy.errors import ScenarioError
from seconomy.forecast.calibration import calibrate
from seconomy.forecast.cash import CashModel, VatRules, build_cash
from seconomy.forecast.costs import CostModel, load_costs
from seconomy.forecast.history import Cutoff, cutoff
from seconomy.forecast.lines import ROLES_CERTAIN, LineSet, Terms, add_agreement_lines, add_run_rate_lines, agreement_lags, coverage_table
from seconomy.forecast.months import month_range, month_text, months_between
from seconomy.forecast.runrate import one_offs
from seconomy.settings import get_settings
from seconomy.streams import STREAMS
from seconomy.window import Window

MAX_MONTHS = 36
MAX_DELAY = 24  # a scenario may start at most this many months after the first forecast month
WEIGHTS = ("contracted", "expected")


@dataclass(frozen=True)
class Baseline:
    """The forecast model: income and cost lines over the forecast months, the cash model, and where it came from."""

    months: tuple[dt.date, ...]  # from the first forecast month to the last reported month
    start: int  # index of the first reported month in ``months``
    lines: pd.DataFrame  # seconomy.forecast.lines.LINE_COLUMNS
    amounts: np.ndarray  # lines × months, whole øre
    costs: CostModel
    cash: CashModel
    cut: Cutoff
    one_offs: pd.DataFrame  # income left out as one-off (seconomy.forecast.runrate.one_offs)
    coverage: pd.DataFrame  # which agreement covers which income (seconomy.forecast.lines.coverage_table)
    calibration: dict[str, tuple[float, float]]  # stream → (σ, persistence) from the history, where it suffices
    opening_cash_ore: int  # the cash figure as entered (before the roll-forward)

    @property
    def report_months(self) -> tuple[dt.date, ...]:
        return self.months[self.start:]

    @property
    def cash_date(self) -> dt.date:
        return self.cash.cash_date

    @property
    def trailing(self) -> Window:
        return self.cut.trailing

    def weights(self, kind: str = "expected") -> np.ndarray:
        """What each line counts for in the contracted or the expected forecast (0 … 1)."""
        roles = self.lines["role"].to_numpy()
        p = self.lines["probability"].to_numpy()
        certain = np.isin(roles, ROLES_CERTAIN)
        if kind == "contracted":
            return (certain | ((roles == "renewal") & (p >= 1.0))).astype(float)
        return np.where(certain, 1.0, np.where(np.isin(roles, ["renewal", "pending"]), p, 0.0))

    @property
    def included(self) -> np.ndarray:
        """Lines in the contracted forecast (for callers that want the certain part)."""
        return self.weights("contracted") > 0


def first_forecast_month(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The first month with forecast income: the data's partial last month, else the month after it."""
    return cutoff(con).first_forecast_month


def _horizon(first: dt.date, start: dt.date | None, months: int) -> tuple[dt.date, int]:
    if not 1 <= months <= MAX_MONTHS:
        raise ScenarioError(f"months must be between 1 and {MAX_MONTHS}, not {months}", code="forecast.months",
                            max=MAX_MONTHS, months=months)
    start = start or first
    if start < first:
        raise ScenarioError(f"start {month_text(start)} is before the first forecast month {month_text(first)} "
                            "(the month after the last complete month of data)", code="forecast.start_early",
                            start_month=start, first_month=first)
    if months_between(first, start) > MAX_DELAY:
        raise ScenarioError(f"start {month_text(start)} is more than {MAX_DELAY} months after the first forecast "
                            f"month {month_text(first)}", code="forecast.start_late", start_month=start, first_month=first,
                            delay=MAX_DELAY)
    return start, months_between(first, start)


def _cash_figure(settings: dict[str, object], cut: Cutoff) -> tuple[object, dt.date]:
    raw = str(settings["cash_date"] or "").strip()
    try:
        day = dt.date.fromisoformat(raw) if raw else cut.last_day
    except ValueError:
        day = cut.last_day
    return settings["opening_cash"], day


def _vat(settings: dict[str, object]) -> VatRules:
    streams = tuple(s.strip() for s in str(settings["vat_streams"] or "").split(",") if s.strip() in STREAMS)
    return VatRules(float(settings["vat_rate"]), streams, str(settings["vat_period"]))


def build_baseline(con: duckdb.DuckDBPyConnection, start: dt.date | None = None, months: int = 12) -> Baseline:
    """The baseline over ``months`` months from ``start`` (default: the first forecast month)."""
    cut = cutoff(con)
    start, offset = _horizon(cut.first_forecast_month, start, months)
    axis = month_range(cut.first_forecast_month, offset + months)
    settings = get_settings(con)
    terms = Terms({s: int(settings[f"payment_days_{s}"]) for s in STREAMS})
    lines = LineSet(axis)
    add_agreement_lines(con, lines, cut, terms)
    rates = add_run_rate_lines(con, lines, cut, terms, int(settings["recurring_min_months"]))
    meta, amounts = lines.frame()
    costs = load_costs(con, axis)
    opening, cash_date = _cash_figure(settings, cut)
    cash = build_cash(con, cut, axis, opening, cash_date, {s: terms.lag(s) for s in STREAMS}, _vat(settings), costs,
                      agreement_lags(con, terms))
    return Baseline(axis, offset, meta, amounts, costs, cash, cut, one_offs(rates), coverage_table(con, cut),
                    calibrate(con, cut), int(opening * 100))
