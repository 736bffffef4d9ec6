"""``scenario``: run a budget scenario (SPEC.json) against the database, optionally with Monte Carlo.

The output comes from the same functions as the Scenarios page (seconomy.scenarios.results.run_scenario
and .montecarlo.simulate), so the CLI and the page give the same numbers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from seconomy import store
from seconomy.cli.common import print_json
from seconomy.errors import UsageError
from seconomy.forecast import build_baseline
from seconomy.forecast.months import month_text
from seconomy.scenarios.montecarlo import MAX_RUNS, SimulationResult, simulate
from seconomy.scenarios.results import ScenarioResult, compute, simulation_json, to_json
from seconomy.scenarios.spec import parse_spec
from seconomy.text import format as fmt

DEFAULT_SEED = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "scenario", help="run a budget scenario (SPEC.json): months, payers, cash, optional Monte Carlo",
        description="Apply the shocks of SPEC.json to the baseline forecast and print income, costs, result and "
                    "cash per month, the income per payer, and the first month with negative cash. "
                    "SPEC is a JSON file ('-' reads standard input); see the README, 'Budget scenarios'.")
    p.add_argument("spec", metavar="SPEC.json", help="the scenario specification ('-' for standard input)")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--simulate", metavar="N", type=int, help=f"also run N Monte Carlo runs (1–{MAX_RUNS})")
    p.add_argument("--seed", metavar="S", type=int, help=f"random seed of the simulation (default {DEFAULT_SEED})")
    p.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _text(result: ScenarioResult, simulation: SimulationResult | None) -> None:
    money = lambda v: fmt.money(v, "da")  # noqa: E731 - a local shorthand
    print(f"scenario: {result.spec.name}   {month_text(result.months[0])} .. {month_text(result.months[-1])}")
    print(f"{'month':<9}{'baseline income':>18}{'scenario income':>18}{'costs':>16}{'result':>16}{'cash':>16}")
    for row in result.monthly.itertuples():
        print(f"{month_text(row.month):<9}{money(row.baseline_income):>18}{money(row.scenario_income):>18}"
              f"{money(row.costs):>16}{money(row.result):>16}{money(row.cash):>16}")
    totals = result.totals
    print(f"result over the horizon: baseline {money(totals['baseline_result'] / 100)}, "
          f"scenario {money(totals['scenario_result'] / 100)}")
    first = result.first_negative_cash_month
    print(f"first month with negative cash: {month_text(first) if first else 'none within the horizon'}")
    if simulation:
        print(f"simulation: {simulation.runs} runs, seed {simulation.seed}: "
              f"P(deficit) {fmt.percent(simulation.probability_deficit, 'da')}, "
              f"P(negative cash) {fmt.percent(simulation.probability_negative_cash, 'da')}, "
              f"revenue at risk {money(simulation.revenue_at_risk)}")


def run(args: argparse.Namespace) -> int:
    if args.seed is not None and args.simulate is None:
        raise UsageError("--seed only goes with --simulate N")
    if args.simulate is not None and not 1 <= args.simulate <= MAX_RUNS:
        raise UsageError(f"--simulate takes 1 to {MAX_RUNS} runs, not {args.simulate}")
    spec = parse_spec(_read(args.spec))
    with store.session(args.db) as con:
        baseline = build_baseline(con, spec.start, spec.months)
    result = compute(baseline, spec)
    simulation = None
    if args.simulate is not None:
        simulation = simulate(baseline, spec, args.simulate, DEFAULT_SEED if args.seed is None else args.seed)
    if args.json:
        out = to_json(result)
        if simulation is not None:
            out["simulation"] = simulation_json(simulation)
        print_json(out)
    else:
        _text(result, simulation)
    return 0
