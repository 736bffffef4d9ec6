"""``grants``: the grant plan of a year — gap, the pipeline's chance of covering it, the mix, its mosaic effect.

The same function as the Grants page (seconomy.grants.plan.plan), so the CLI and the page show the
same numbers. See the README, "Grant planner", for the method and the JSON keys.
"""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import print_json
from seconomy.errors import UsageError
from seconomy.grants.plan import Plan, parse_gap, parse_target, plan, to_json
from seconomy.text import format as fmt


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "grants", help="the grant plan of a year: funding gap, P(covered), the smallest mix, its mosaic effect",
        description="For a year and a saved scenario (or the baseline): the funding gap (costs minus expected income "
                    "without the pipeline), the pipeline's expected income, the exact probability that the open "
                    "applications cover the gap, the smallest set of applications that reaches the target "
                    "probability, and the payer HHI, grant share and largest funder's share before and after it.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--year", metavar="YYYY", type=int, help="the year (default: the first forecast month's year if at "
                                                            "least 6 of its months are ahead, else the next year)")
    p.add_argument("--scenario", metavar="NAME", help="a saved scenario's name (default: the baseline forecast)")
    p.add_argument("--gap", metavar="AMOUNT", help="use this gap in kroner instead of the forecast's (a what-if)")
    p.add_argument("--target", metavar="P", help="the probability to reach: 0.8, 80 %% or 80 (default: setting grant_target)")
    p.add_argument("--win", metavar="ID", type=int, action="append", default=[],
                   help="count application ID as won (probability 1; repeatable), like the page's 'if we win this'")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def _text(result: Plan) -> None:
    money = lambda ore: fmt.money(ore / 100, "da")  # noqa: E731 - a local shorthand
    share = lambda value: "–" if value is None else fmt.percent(value, "da")  # noqa: E731
    figures, mix, before, after = result.figures, result.mix, result.mosaic.before, result.mosaic.after
    print(f"grant plan {result.year} ({figures.scenario or 'baseline'})")
    print(f"costs {money(figures.costs)}, income without the pipeline {money(figures.income)}"
          + (f" ({figures.months_actual} months actual)" if figures.months_actual else ""))
    label = "gap (given)" if result.gap_overridden else "gap"
    print(f"{label}: {money(result.gap)}" + ("  (a surplus)" if result.gap <= 0 else ""))
    print(f"pipeline: {len(result.candidates)} open applications, expected {money(result.expected)}, "
          f"P(gap covered) {share(result.p_cover)}")
    how = f"{mix.method}, least {'effort' if mix.objective == 'effort' else 'applications'}"
    if mix.reached:
        print(f"mix ({how}): P {share(mix.p_cover)}, reaching the target {share(result.target)}")
    else:
        print(f"mix ({how}): no set reaches the target {share(result.target)}; all applications give "
              f"P {share(mix.p_cover)}")
    for c in result.chosen:
        print(f"  #{c.id} {c.funder} – {c.project or ''}: {money(c.amount * 100)}, in {result.year} {money(c.year_ore)}, "
              f"p {share(c.p)}")
    hhi = lambda v: "–" if v is None else fmt.number(v, "da")  # noqa: E731
    print(f"payer HHI {hhi(before.concentration.hhi)} → {hhi(after.concentration.hhi)}; grant share "
          f"{share(before.grant_share)} → {share(after.grant_share)}; largest funder after: "
          f"{after.largest_funder or '–'} {share(after.largest_funder_share)}")
    for warning in result.mosaic.warnings:
        print(f"warning: {warning.message}")


def run(args: argparse.Namespace) -> int:
    target = parse_target(args.target) if args.target is not None else None
    gap = parse_gap(args.gap) if args.gap is not None else None
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise UsageError(f"--year takes a year such as 2027, not {args.year}")
    with store.session(args.db) as con:
        result = plan(con, args.year, args.scenario, gap, target, args.win)
    if args.json:
        print_json(to_json(result))
    else:
        _text(result)
    return 0
