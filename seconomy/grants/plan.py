"""The grant plan of a year: the gap, the pipeline's chance of covering it, the mix to go for, its mosaic effect.

``plan`` is the one function the Grants page and the ``grants`` command call, so both show the same
numbers; ``to_json`` is the command's ``--json`` object. Steps:

1. the gap = costs − expected income without the pipeline, for the year under a saved scenario or the
   baseline (seconomy.grants.gap), unless the user gives a gap of their own (a what-if);
2. the open applications with their year amounts and probabilities (the "if we win this" ones at 1);
3. the exact distribution of the pipeline's total and P(total ≥ gap);
4. the smallest mix that reaches the target probability (seconomy.grants.mix);
5. the payer mosaic before and after the mix is won (seconomy.grants.mosaic).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import duckdb

from seconomy.agreements import values
from seconomy.errors import UsageError
from seconomy.forecast import first_forecast_month
from seconomy.grants.amounts import Candidate, expected_ore, open_applications
from seconomy.grants.distribution import Distribution, distribution
from seconomy.grants.gap import YearFigures, available_years, default_year, scenario_spec, year_figures
from seconomy.grants.mix import Mix, choose
from seconomy.grants.mosaic import Mosaic, mosaic
from seconomy.risk.measures import Thresholds
from seconomy.settings import get_settings
from seconomy.store.scenarios import list_scenarios


@dataclass(frozen=True)
class Plan:
    year: int
    figures: YearFigures  # the forecast's income without the pipeline, costs, income per payer
    gap: int  # øre: the gap the plan covers (the user's, or costs − income)
    gap_overridden: bool
    target: float
    candidates: tuple[Candidate, ...]  # the open applications, by id
    expected: int  # øre: Σ p × year amount
    distribution: Distribution  # of the whole pipeline's total
    p_cover: float
    mix: Mix
    chosen_distribution: Distribution
    mosaic: Mosaic

    @property
    def chosen(self) -> tuple[Candidate, ...]:
        ids = set(self.mix.ids)
        return tuple(c for c in self.candidates if c.id in ids)


def parse_target(text: object) -> float:
    """A target probability written 0.8, '80 %' or 80; UsageError outside 0–100 %."""
    try:
        share = values.share(text)
    except ValueError:
        share = None
    if share is not None and 1 < share <= 100 and not str(text).strip().endswith("%"):
        share = share / 100  # a bare 80 means 80 %
    if share is None or not 0 <= share <= 1:
        raise UsageError(f"the target must be a probability from 0 to 1 or 0 % to 100 %, not {text!r}")
    return float(share)


def parse_gap(text: object) -> Decimal:
    """A gap in kroner written the Danish or the English way ('450.000', '450,000.00', '-20.000' for a surplus)."""
    try:
        amount = values.money(text)
    except ValueError:
        amount = None
    if amount is None:
        raise UsageError(f"the gap must be an amount in kroner (e.g. 450.000 or 450,000.00), not {text!r}")
    return amount


def _series(items: Iterable[Candidate]) -> Distribution:
    items = list(items)
    return distribution([c.year_ore for c in items], [c.p for c in items])


def plan(con: duckdb.DuckDBPyConnection, year: int | None = None, scenario: str | None = None,
         gap: Decimal | None = None, target: float | None = None, won: Iterable[int] = ()) -> Plan:
    """The plan of ``year`` (default: see seconomy.grants.gap.default_year) under the saved ``scenario``
    (None: the baseline), covering ``gap`` kroner if given, aiming at ``target`` (default: the setting
    ``grant_target``), with the applications in ``won`` counted as won."""
    settings = get_settings(con)
    year = default_year(con) if year is None else int(year)
    figures = year_figures(con, year, scenario_spec(con, scenario))
    won = tuple(sorted(set(won)))
    candidates = tuple(open_applications(con, year, won))
    unknown = set(won) - {c.id for c in candidates}
    if unknown:
        raise UsageError(f"no open application with id {', '.join(map(str, sorted(unknown)))}")
    target = float(settings["grant_target"]) if target is None else float(target)
    if not 0 <= target <= 1:
        raise UsageError(f"the target must be between 0 and 1, not {target}")
    gap_ore = figures.gap if gap is None else int(Decimal(gap) * 100)
    whole = _series(candidates)
    mix = choose(candidates, gap_ore, target)
    chosen = [c for c in candidates if c.id in set(mix.ids)]
    effect = mosaic(figures.by_payer, figures.grants_by_payer, chosen, Thresholds.from_settings(settings),
                    float(settings["max_grant_share"]), float(settings["max_funder_share"]))
    return Plan(year, figures, gap_ore, gap is not None, target, candidates, int(expected_ore(candidates)), whole,
                whole.p_cover(gap_ore), mix, _series(chosen), effect)


def _dkk(ore: int | float | Decimal) -> float:
    return float((Decimal(int(round(ore))) / 100).quantize(Decimal("0.01")))


def _application(c: Candidate, chosen: set[int]) -> dict[str, object]:
    return {"id": c.id, "funder": c.funder, "project": c.project, "amount": _dkk(c.amount * 100), "probability": c.p,
            "year_amount": _dkk(c.year_ore), "expected": _dkk(c.expected_ore), "stage": c.stage, "kind": c.funder_kind,
            "effort_hours": None if c.effort_hours is None else float(c.effort_hours), "won": c.won,
            "chosen": c.id in chosen}


def to_json(result: Plan) -> dict[str, object]:
    """The ``grants --json`` object (README "Grant planner")."""
    chosen = set(result.mix.ids)
    before, after = result.mosaic.before, result.mosaic.after
    figures = result.figures
    return {
        "year": result.year,
        "scenario": figures.scenario,
        "gap": _dkk(result.gap),
        "gap_overridden": result.gap_overridden,
        "income_without_pipeline": _dkk(figures.income),
        "costs": _dkk(figures.costs),
        "months_actual": figures.months_actual,
        "months_forecast": figures.months_forecast,
        "expected_income": _dkk(result.expected),
        "p_cover": result.p_cover,
        "target": result.target,
        "target_reached": result.mix.reached,
        "method": result.mix.method,
        "objective": result.mix.objective,
        "chosen": [{k: v for k, v in _application(c, chosen).items() if k not in ("won", "chosen")}
                   for c in result.chosen],
        "chosen_effort_hours": None if result.mix.effort_hours is None else float(result.mix.effort_hours),
        "p_cover_chosen": result.mix.p_cover,
        "hhi_before": before.concentration.hhi,
        "hhi_after": after.concentration.hhi,
        "grant_share_before": before.grant_share,
        "grant_share_after": after.grant_share,
        "largest_funder_before": before.largest_funder,
        "largest_funder_share_before": before.largest_funder_share,
        "largest_funder_after": after.largest_funder,
        "largest_funder_share_after": after.largest_funder_share,
        "warnings": [{"code": w.code, "share": w.share, "limit": w.limit, "funder": w.funder, "message": w.message}
                     for w in result.mosaic.warnings],
        "applications": [_application(c, chosen) for c in result.candidates],
        "distribution": {"method": result.distribution.method, "mean": _dkk(result.distribution.mean),
                         "min": _dkk(result.distribution.low), "max": _dkk(result.distribution.high)},
    }


@dataclass(frozen=True)
class Options:
    """What a plan can be made for: the years within the forecast, the default year, the saved scenarios, the target."""

    years: tuple[int, ...]
    default_year: int
    scenarios: tuple[str, ...]
    target: float
    first_forecast_month: dt.date


def options(con: duckdb.DuckDBPyConnection) -> Options:
    """The choices of the plan's inputs (ScenarioError when there is no income to forecast from)."""
    first = first_forecast_month(con)
    names = tuple(sorted(list_scenarios(con)["name"], key=str.casefold))
    return Options(tuple(available_years(con)), default_year(con), names, float(get_settings(con)["grant_target"]), first)
