"""A scenario's results: monthly figures for baseline and scenario, by payer and stream, the
waterfall shock by shock, the first month with negative cash and the runway.

Money is carried as whole øre (int) until the edge; the frames hold kroner as floats (øre / 100,
exact to the øre for display), the JSON turns øre into DKK with two decimals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from seconomy.forecast import Baseline, build_baseline
from seconomy.forecast.history import Cutoff, cutoff
from seconomy.forecast.months import month_text
from seconomy.scenarios.engine import Applied, Figures, apply, evaluate
from seconomy.scenarios.spec import Spec, parse_spec
from seconomy.streams import STREAMS

MONTH_COLUMNS = ("month", "baseline_income", "scenario_income", "baseline_contracted_income", "contracted_income",
                 "baseline_costs", "costs", "baseline_result", "result", "baseline_cash", "cash", "contracted_cash", "actual")


@dataclass(frozen=True)
class ScenarioResult:
    spec: Spec
    months: tuple[dt.date, ...]  # the reported months
    monthly: pd.DataFrame  # MONTH_COLUMNS, kroner
    by_payer: pd.DataFrame  # key, municipality_code, baseline, scenario (kroner, over the horizon)
    by_stream: pd.DataFrame  # stream, baseline, scenario
    stream_months: pd.DataFrame  # month, stream, baseline, scenario
    lines: pd.DataFrame  # every income line in either forecast: source, key, stream, baseline, scenario
    costs: pd.DataFrame  # category, kind, baseline, scenario
    waterfall: pd.DataFrame  # step, label, kind ('base'|'shock'|'cost'|'total'), amount
    totals: dict[str, int] = field(default_factory=dict)  # øre
    first_negative_cash_month: dt.date | None = None
    baseline_first_negative_cash_month: dt.date | None = None
    runway_months: int | None = None  # reported months before the cash first turns negative (None: never)
    baseline_runway_months: int | None = None
    opening_cash: int = 0  # øre: the cash figure as entered
    cash_date: dt.date | None = None
    trailing: tuple[dt.date, dt.date] | None = None
    contracted_first_negative_cash_month: dt.date | None = None
    one_offs: pd.DataFrame = field(default_factory=pd.DataFrame)
    coverage: pd.DataFrame = field(default_factory=pd.DataFrame)
    roll_forward: object = None  # seconomy.forecast.cash.RollForward
    partial_month: dt.date | None = None  # the first forecast month when the data stops inside it
    warnings: tuple[str, ...] = ()


def _kr(ore: np.ndarray | int) -> np.ndarray | float:
    return np.asarray(ore, dtype=np.float64) / 100 if isinstance(ore, np.ndarray) else ore / 100


def first_negative(cash: np.ndarray, months: tuple[dt.date, ...]) -> tuple[dt.date | None, int | None]:
    """The first month whose closing cash is below zero, and how many months came before it."""
    below = np.flatnonzero(cash < 0)
    return (months[below[0]], int(below[0])) if below.size else (None, None)


def _monthly(months, base: Figures, scen: Figures, base_c: Figures, scen_c: Figures, report: slice,
             actual: dict[dt.date, float]) -> pd.DataFrame:
    frame = pd.DataFrame({"month": list(months)})
    for name, values in (("baseline_income", base.income), ("scenario_income", scen.income),
                         ("baseline_contracted_income", base_c.income), ("contracted_income", scen_c.income),
                         ("baseline_costs", base.costs), ("costs", scen.costs), ("baseline_result", base.result),
                         ("result", scen.result), ("baseline_cash", base.cash), ("cash", scen.cash),
                         ("contracted_cash", scen_c.cash)):
        frame[name] = _kr(values[report])
    frame["actual"] = [actual.get(m) for m in months]
    return frame


def _by_payer(baseline: Baseline, applied: Applied, base: Figures, scen: Figures, report: slice) -> pd.DataFrame:
    n = len(baseline.lines)
    lines = applied.lines[["key", "municipality_code"]].copy()
    lines["baseline"] = np.concatenate([base.income_lines[:, report].sum(axis=1), np.zeros(len(lines) - n)])
    lines["scenario"] = scen.income_lines[:, report].sum(axis=1)
    grouped = lines.groupby(["key"], sort=False, dropna=False).agg(
        municipality_code=("municipality_code", "first"), baseline=("baseline", "sum"), scenario=("scenario", "sum"))
    grouped = grouped[(grouped["baseline"] != 0) | (grouped["scenario"] != 0)].reset_index()
    grouped = grouped.sort_values(["baseline", "scenario", "key"], ascending=[False, False, True], kind="stable")
    grouped[["baseline", "scenario"]] = grouped[["baseline", "scenario"]] / 100
    return grouped.reset_index(drop=True)


def _streams(months, base: Figures, scen: Figures, report: slice) -> tuple[pd.DataFrame, pd.DataFrame]:
    by_stream = pd.DataFrame({"stream": list(STREAMS), "baseline": _kr(base.income_by_stream[:, report].sum(axis=1)),
                              "scenario": _kr(scen.income_by_stream[:, report].sum(axis=1))})
    by_stream = by_stream[(by_stream["baseline"] != 0) | (by_stream["scenario"] != 0)].reset_index(drop=True)
    rows = [(m, s, base.income_by_stream[i, j] / 100, scen.income_by_stream[i, j] / 100)
            for j, m in enumerate(months) for i, s in enumerate(STREAMS)
            if j >= report.start and (base.income_by_stream[i, j] or scen.income_by_stream[i, j])]
    return by_stream, pd.DataFrame(rows, columns=["month", "stream", "baseline", "scenario"])


def _lines(baseline: Baseline, applied: Applied, base: Figures, scen: Figures, report: slice) -> pd.DataFrame:
    n = len(baseline.lines)
    frame = applied.lines[["source", "key", "municipality_code", "stream", "counterparty", "agreement_id", "role",
                           "basis"]].copy()
    frame["baseline"] = np.concatenate([base.income_lines[:, report].sum(axis=1), np.zeros(len(frame) - n)]) / 100
    frame["scenario"] = scen.income_lines[:, report].sum(axis=1) / 100
    keep = (frame["baseline"] != 0) | (frame["scenario"] != 0) | applied.active
    return frame[keep].reset_index(drop=True)


def _costs(baseline: Baseline, applied: Applied, base: Figures, scen: Figures, report: slice) -> pd.DataFrame:
    meta = baseline.costs.meta[["category", "kind"]]
    extra = pd.DataFrame({"category": list(applied.cost_labels), "kind": ["scenario"] * len(applied.cost_labels)})
    frame = pd.concat([meta, extra], ignore_index=True)
    n = len(meta)
    frame["baseline"] = np.concatenate([base.cost_lines[:, report].sum(axis=1), np.zeros(len(frame) - n)]) / 100
    frame["scenario"] = scen.cost_lines[:, report].sum(axis=1) / 100
    return frame


def _waterfall(baseline: Baseline, spec: Spec, base: Figures, scen: Figures, report: slice) -> pd.DataFrame:
    """Baseline result → scenario result over the horizon, one step per shock in the order applied."""
    rows = [("baseline", "base", int(base.result[report].sum()))]
    previous = base.result[report].sum()
    steps = [(k, None) for k in range(1, len(spec.shocks) + 1)]
    steps += [(len(spec.shocks), k) for k in range(1, len(spec.costs) + 1)]
    for n_income, n_costs in steps:
        figures = evaluate(baseline, apply(baseline, spec, n_income, n_costs or 0))
        total = figures.result[report].sum()
        label = f"shock:{n_income}" if n_costs is None else f"cost:{n_costs}"
        rows.append((label, "shock" if n_costs is None else "cost", int(total - previous)))
        previous = total
    rows.append(("scenario", "total", int(scen.result[report].sum())))
    frame = pd.DataFrame(rows, columns=["step", "kind", "amount"])
    frame["amount"] = frame["amount"] / 100
    return frame


def _totals(base: Figures, scen: Figures, report: slice) -> dict[str, int]:
    return {
        "baseline_income": int(base.income[report].sum()), "scenario_income": int(scen.income[report].sum()),
        "baseline_costs": int(base.costs[report].sum()), "scenario_costs": int(scen.costs[report].sum()),
        "baseline_result": int(base.result[report].sum()), "scenario_result": int(scen.result[report].sum()),
        "baseline_closing_cash": int(base.cash[-1]), "scenario_closing_cash": int(scen.cash[-1]),
        "baseline_lowest_cash": int(base.cash[report].min()), "scenario_lowest_cash": int(scen.cash[report].min()),
    }


def _warnings(baseline: Baseline) -> tuple[str, ...]:
    out = []
    if baseline.cash.roll.stale:
        out.append("cash_stale")
    if not baseline.costs.size:
        out.append("no_costs")
    return tuple(out)


def compute(baseline: Baseline, spec: Spec, with_waterfall: bool = True, actual: dict | None = None) -> ScenarioResult:
    """Every result of ``spec`` on ``baseline``: the expected forecast, with the contracted one beside it."""
    report = slice(baseline.start, None)
    applied = apply(baseline, spec)
    empty = Spec(start=spec.start, months=spec.months)
    base_applied = apply(baseline, empty)
    base, scen = evaluate(baseline, base_applied), evaluate(baseline, applied)
    base_c, scen_c = evaluate(baseline, base_applied, "contracted"), evaluate(baseline, applied, "contracted")
    months = baseline.report_months
    by_stream, stream_months = _streams(baseline.months, base, scen, report)
    first, runway = first_negative(scen.cash[report], months)
    base_first, base_runway = first_negative(base.cash[report], months)
    contracted_first, _ = first_negative(scen_c.cash[report], months)
    waterfall = _waterfall(baseline, spec, base, scen, report) if with_waterfall else pd.DataFrame()
    return ScenarioResult(
        spec, months, _monthly(months, base, scen, base_c, scen_c, report, actual or {}),
        _by_payer(baseline, applied, base, scen, report), by_stream, stream_months,
        _lines(baseline, applied, base, scen, report), _costs(baseline, applied, base, scen, report),
        waterfall, {**_totals(base, scen, report), **_contracted_totals(base_c, scen_c, report)}, first, base_first, runway,
        base_runway, baseline.opening_cash_ore, baseline.cash_date, (baseline.trailing.start, baseline.trailing.end),
        contracted_first, baseline.one_offs, baseline.coverage, baseline.cash.roll,
        baseline.cut.first_forecast_month if baseline.cut.partial else None, _warnings(baseline),
    )


def _contracted_totals(base: Figures, scen: Figures, report: slice) -> dict[str, int]:
    return {"baseline_contracted_income": int(base.income[report].sum()),
            "contracted_income": int(scen.income[report].sum()),
            "contracted_result": int(scen.result[report].sum()),
            "contracted_lowest_cash": int(scen.cash[report].min())}


def run_scenario(con: duckdb.DuckDBPyConnection, spec_json: str) -> ScenarioResult:
    """Parse ``spec_json``, build its baseline and compute every result (the page and the CLI both call this)."""
    spec = parse_spec(spec_json)
    baseline = build_baseline(con, spec.start, spec.months)
    return compute(baseline, spec, actual=booked_in_partial_month(con, baseline))


def booked_in_partial_month(con: duckdb.DuckDBPyConnection, baseline: Baseline) -> dict[dt.date, float]:
    """The income already booked in the first forecast month when the data stops inside it (kroner)."""
    return _booked(con, baseline.cut)


def booked_so_far(con: duckdb.DuckDBPyConnection) -> dict[dt.date, float]:
    """``booked_in_partial_month`` from the data alone, so the page can cache it without hashing a baseline."""
    return _booked(con, cutoff(con))


def _booked(con: duckdb.DuckDBPyConnection, cut: Cutoff) -> dict[dt.date, float]:
    if not cut.partial:
        return {}
    month = cut.first_forecast_month
    booked = con.execute("SELECT coalesce(sum(amount), 0) FROM income WHERE entry_date BETWEEN ? AND ?",
                         [month, cut.last_day]).fetchall()[0][0]
    return {month: float(booked)}


def _dkk(ore: float | int) -> float:
    return round(int(round(ore)) / 100, 2)


def _month_json(row) -> dict[str, object]:
    return {"month": month_text(row.month), "baseline_income": round(row.baseline_income, 2),
            "scenario_income": round(row.scenario_income, 2), "costs": round(row.costs, 2),
            "result": round(row.result, 2), "cash": round(row.cash, 2),
            "expected_income": round(row.scenario_income, 2), "contracted_income": round(row.contracted_income, 2),
            "baseline_contracted_income": round(row.baseline_contracted_income, 2),
            "contracted_cash": round(row.contracted_cash, 2),
            "actual": None if row.actual is None or pd.isna(row.actual) else round(float(row.actual), 2)}


def to_json(result: ScenarioResult) -> dict[str, object]:
    """The CLI's ``--json`` object (also offered as a download on the page)."""
    roll = result.roll_forward
    return {
        "name": result.spec.name,
        "start": month_text(result.months[0]),
        "end": month_text(result.months[-1]),
        "opening_cash": _dkk(result.opening_cash),
        "cash_date": result.cash_date.isoformat() if result.cash_date else None,
        "cash_roll_forward": None if roll is None else {
            "from": roll.cash_date.isoformat(), "to": roll.to_date.isoformat(), "income": round(roll.income, 2),
            "costs": round(roll.costs, 2), "stale": roll.stale},
        "partial_month": month_text(result.partial_month) if result.partial_month else None,
        "warnings": list(result.warnings),
        "months": [_month_json(row) for row in result.monthly.itertuples()],
        "by_payer": [
            {"key": row.key, "municipality_code": None if pd.isna(row.municipality_code) else int(row.municipality_code),
             "baseline": round(row.baseline, 2), "scenario": round(row.scenario, 2)}
            for row in result.by_payer.itertuples()
        ],
        "one_offs": [
            {"payer": r.payer, "stream": r.stream, "counterparty": r.counterparty, "total": round(float(r.total), 2),
             "months_paid": int(r.months_paid), "kept": bool(r.kept)} for r in result.one_offs.itertuples()
        ] if len(result.one_offs) else [],
        "totals": {**{k: _dkk(v) for k, v in result.totals.items()},
                   "expected_income": _dkk(result.totals["scenario_income"]),
                   "runway_months": result.runway_months,
                   "baseline_first_negative_cash_month": month_text(result.baseline_first_negative_cash_month)
                   if result.baseline_first_negative_cash_month else None,
                   "contracted_first_negative_cash_month": month_text(result.contracted_first_negative_cash_month)
                   if result.contracted_first_negative_cash_month else None},
        "first_negative_cash_month": month_text(result.first_negative_cash_month) if result.first_negative_cash_month else None,
    }


def simulation_json(simulation) -> dict[str, object]:
    """The Monte Carlo part of the CLI's JSON: percentiles and probabilities (same seed, same JSON)."""
    return {
        "runs": simulation.runs,
        "seed": simulation.seed,
        "probability_deficit": simulation.probability_deficit,
        "probability_negative_cash": simulation.probability_negative_cash,
        "revenue_at_risk": simulation.revenue_at_risk,
        "baseline_income": simulation.baseline_income,
        "expected_income": simulation.expected_income,
        "mean_income": simulation.mean_income,
        "income_percentiles": simulation.income,
        "result_percentiles": simulation.result,
        "lowest_cash_percentiles": simulation.lowest_cash,
        "cash_percentiles": [
            {"month": month_text(row.month), **{f"p{q}": float(getattr(row, f"p{q}")) for q in (5, 25, 50, 75, 95)}}
            for row in simulation.cash.itertuples()
        ],
    }
