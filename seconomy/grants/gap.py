"""The funding gap of a year: costs − expected income without the pipeline, under a scenario or the baseline.

The dependency on the forecast is in ONE function, ``year_figures``: it runs the scenario over the
months of the year and reads the forecast's ``scenario_income`` and ``costs`` — the *expected* forecast
(seconomy.forecast.lines: renewals and pending agreements weighted by their probability, so a pending
agreement is counted here at its chance, never again in the pipeline), the income per payer and the
grant income per funder. Months of the year before the first forecast month are months that have
happened: they count with their actual income (the ledger) and the costs of the costs table for
those months (variable costs as their share of that actual income).

The scenario's months are made to cover the year: it starts in January of the year (or the first
forecast month, if later) and runs to December. Its shocks keep their meaning: a shock without a
``from`` still starts with the scenario's own first month, and shocks that start after the year are
left out. A year wholly before the forecast, or beyond its horizon (the forecast may start at most
24 months after the first forecast month), is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import duckdb
import numpy as np

from seconomy.agreements.model import GRANT_STREAMS
from seconomy.errors import UsageError
from seconomy.forecast import build_baseline, first_forecast_month
from seconomy.forecast.baseline import MAX_DELAY
from seconomy.forecast.costs import cost_lines, load_costs
from seconomy.forecast.months import month_range, month_text, months_between
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import Spec, parse_spec
from seconomy.store.scenarios import list_scenarios, load_scenario
from seconomy.streams import STREAMS
from seconomy.window import add_months

_ACTUAL_SQL = """SELECT date_trunc('month', entry_date)::DATE AS month, payer, stream, sum(amount) AS amount
    FROM income WHERE entry_date BETWEEN ? AND ? GROUP BY ALL"""


@dataclass(frozen=True)
class YearFigures:
    """A year's income without the pipeline, its costs, and its income per payer (all in whole øre)."""

    year: int
    income: int  # expected income without the pipeline
    costs: int
    months_forecast: int
    months_actual: int  # months of the year before the first forecast month (actual figures)
    first_forecast_month: dt.date
    by_payer: dict[str, int]  # payer key -> income in the year
    grants_by_payer: dict[str, int]  # payer key -> grant income (foundation and public grants) in the year
    scenario: str | None = None  # the scenario's name; None for the baseline

    @property
    def gap(self) -> int:
        return self.costs - self.income


def horizon_years(first: dt.date) -> tuple[int, int]:
    """The first and last year a plan can be made for: the forecast must start by January of the year."""
    return first.year, add_months(first, MAX_DELAY).year


def available_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    low, high = horizon_years(first_forecast_month(con))
    return list(range(low, high + 1))


def default_year_for(first: dt.date) -> int:
    """The year of the first forecast month if it has at least 6 forecast months (that month included), else the next."""
    return first.year if 13 - first.month >= 6 else first.year + 1


def default_year(con: duckdb.DuckDBPyConnection) -> int:
    return default_year_for(first_forecast_month(con))


def _span(first: dt.date, year: int) -> tuple[dt.date, int]:
    """The scenario's first month and number of months covering the forecast part of ``year``."""
    low, high = horizon_years(first)
    if not low <= year <= high:
        raise UsageError(f"year {year} is outside the forecast: plans can be made for {low}–{high} (the forecast starts "
                         f"{month_text(first)} and may start at most {MAX_DELAY} months later)")
    start = max(dt.date(year, 1, 1), first)
    return start, 12 - start.month + 1


def _for_year(spec: Spec, first: dt.date, start: dt.date, months: int) -> Spec:
    """The scenario over ``months`` months from ``start``, its shocks pinned to the months they meant."""
    own_start = spec.start or first
    last = dt.date(start.year, 12, 1)
    shocks = tuple(s if s.start else dataclasses.replace(s, start=own_start) for s in spec.shocks)
    costs = tuple(c if c.start else dataclasses.replace(c, start=own_start) for c in spec.costs)
    return dataclasses.replace(spec, start=start, months=months, shocks=tuple(s for s in shocks if s.start <= last),
                               costs=tuple(c for c in costs if c.start <= last))


def scenario_spec(con: duckdb.DuckDBPyConnection, name: str | None) -> Spec | None:
    """The saved scenario called ``name`` (None: the baseline); a usage error naming the saved ones if unknown."""
    if name is None:
        return None
    found = load_scenario(con, name)
    if found is None:
        names = ", ".join(repr(n) for n in list_scenarios(con)["name"]) or "none"
        raise UsageError(f"no saved scenario called {name!r} (saved: {names})")
    return parse_spec(found[2])


def _ore(kroner: object) -> int:
    return int(round(float(kroner) * 100))


def _actual(con: duckdb.DuckDBPyConnection, year: int, first: dt.date) -> tuple[int, int, dict, dict]:
    """Income, costs, income per payer and grant income per payer of the months of ``year`` before ``first``."""
    months = month_range(dt.date(year, 1, 1), months_between(dt.date(year, 1, 1), first))
    if not months:
        return 0, 0, {}, {}
    rows = con.execute(_ACTUAL_SQL, [months[0], first - dt.timedelta(days=1)]).fetchall()
    by_stream = np.zeros((len(STREAMS), len(months)))
    payers: dict[str, int] = defaultdict(int)
    grants: dict[str, int] = defaultdict(int)
    for month, payer, stream, amount in rows:
        ore = int(amount * 100)
        by_stream[STREAMS.index(stream), months.index(month)] += ore
        payers[payer] += ore
        if stream in GRANT_STREAMS:
            grants[payer] += ore
    costs = int(cost_lines(load_costs(con, months), by_stream).sum())
    return int(by_stream.sum()), costs, dict(payers), dict(grants)


def year_figures(con: duckdb.DuckDBPyConnection, year: int, spec: Spec | None = None) -> YearFigures:
    """Income without the pipeline, costs and income per payer of ``year`` under ``spec`` (None: the baseline)."""
    first = first_forecast_month(con)
    start, months = _span(first, year)
    scenario = _for_year(spec or Spec(), first, start, months)
    result = compute(build_baseline(con, start, months), scenario, with_waterfall=False)
    income = sum(_ore(v) for v in result.monthly["scenario_income"])
    costs = sum(_ore(v) for v in result.monthly["costs"])
    by_payer: dict[str, int] = defaultdict(int)
    for key, amount in zip(result.by_payer["key"], result.by_payer["scenario"], strict=True):
        by_payer[str(key)] += _ore(amount)
    grants: dict[str, int] = defaultdict(int)
    lines = result.lines[result.lines["stream"].isin(GRANT_STREAMS)]
    for key, amount in zip(lines["key"], lines["scenario"], strict=True):
        grants[str(key)] += _ore(amount)
    a_income, a_costs, a_payers, a_grants = _actual(con, year, first)
    for key, ore in a_payers.items():
        by_payer[key] += ore
    for key, ore in a_grants.items():
        grants[key] += ore
    return YearFigures(year, income + a_income, costs + a_costs, months, 12 - months, first,
                       {k: v for k, v in by_payer.items() if v}, {k: v for k, v in grants.items() if v},
                       spec.name if spec else None)
