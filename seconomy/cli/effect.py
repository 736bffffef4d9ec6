"""``effect``: the documented effect per municipality, the municipality's report, and the before-the-budget list.

The figures come from the same functions as the effect page (seconomy.effect.figures), so page and CLI show the
same numbers; the report is the page's download (seconomy.effect.report).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd

from seconomy import store
from seconomy.cli.common import print_json, print_table
from seconomy.cli.placements import day
from seconomy.effect.budget import BudgetList, before_budget
from seconomy.effect.figures import Effect, as_json, effect_overview, half_years
from seconomy.effect.report import municipality_report
from seconomy.errors import UsageError
from seconomy.municipalities import closest_names, resolve
from seconomy.settings import get_setting
from seconomy.text import format as fmt


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "effect", help="documented effect per municipality: exits to work or education, business case, report",
        description="Per municipality with placements in the window: placements, running, ended, exits to work or "
                    "education (job, flexjob, education) and their share with a 95% Wilson interval, dropped out, "
                    "average weeks, the municipality's income, the price per exit and its net by the business case. "
                    "Fewer than 5 ended placements: suppressed. --report writes the municipality's offline HTML report; "
                    "--before-budget prints whom to see before the budget.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--municipality", metavar="NAME", help="one municipality (name, official name, alias or code)")
    p.add_argument("--from", dest="start", type=day, metavar="DATE", help="first day of the window (default: all time)")
    p.add_argument("--to", dest="end", type=day, metavar="DATE", help="last day of the window, inclusive (default: today)")
    p.add_argument("--json", action="store_true", help="print a JSON list of municipalities (money in DKK, rates unrounded)")
    p.add_argument("--report", metavar="FILE", type=Path, help="write the municipality's report (HTML) to FILE")
    p.add_argument("--text", metavar="FILE", type=Path, help="the report's own two or three sentences (UTF-8 text)")
    p.add_argument("--lang", choices=("da", "en"), help="language of the report (default: the 'language' setting)")
    p.add_argument("--before-budget", action="store_true", help="the before-the-budget list instead")
    p.add_argument("--as-of", type=day, metavar="DATE", help="the day of the before-the-budget list (default: today)")
    p.set_defaults(func=run)


def municipality_code(name: str) -> int:
    """The code of a municipality named on the command line; a usage error naming the closest names otherwise."""
    code = resolve(name)
    if code is None:
        close = closest_names(name)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise UsageError(f"unknown municipality {name!r}{hint}")
    return code


def _check(args: argparse.Namespace) -> None:
    if args.report and not args.municipality:
        raise UsageError("--report needs --municipality NAME (one report per municipality)")
    if (args.text or args.lang) and not args.report:
        raise UsageError("--text and --lang belong to --report")
    if args.as_of and not args.before_budget:
        raise UsageError("--as-of belongs to --before-budget")
    if args.start and args.end and args.end < args.start:
        raise UsageError(f"the window ends ({args.end}) before it starts ({args.start})")
    if args.text and not args.text.is_file():
        raise UsageError(f"no such file: {args.text}")


def run(args: argparse.Namespace) -> int:
    _check(args)
    code = municipality_code(args.municipality) if args.municipality else None
    today = dt.date.today()
    end = args.end or today
    if args.start and args.start > end:
        raise UsageError(f"the window starts ({args.start}) after it ends ({end})")
    with store.session(args.db) as con:
        if args.before_budget:
            return _budget(before_budget(con, args.as_of or today), args.json)
        if args.report:
            lang = args.lang or str(get_setting(con, "language"))
            text = args.text.read_text(encoding="utf-8") if args.text else None
            args.report.write_text(municipality_report(con, code, args.start, end, lang, text, today), encoding="utf-8")
        overview = effect_overview(con, args.start, end, code)
        trends = {e.municipality_code: half_years(con, args.start, end, e.municipality_code) for e in overview.rows}
    if args.json:
        print_json([as_json(e, trends[e.municipality_code]) for e in overview.rows])
    else:
        _print(overview.rows, overview.total if code is None else None, args.start, end)
    if args.report:
        done = f"report for {overview.rows[0].municipality} written to {args.report}"
        print(done, file=sys.stderr if args.json else sys.stdout)  # stdout stays pure JSON with --json
    return 0


def _pct(value: float | None) -> str:
    return "-" if value is None else fmt.percent(value, "en")


def _line(e: Effect) -> dict[str, str]:
    low, high = e.interval or (None, None)
    rate = "-" if e.exit_rate is None else f"{_pct(e.exit_rate)} ({_pct(low)}-{_pct(high)})"
    return {"municipality": e.municipality or "(all)", "placements": str(e.placements), "running": str(e.running),
            "ended": str(e.ended), "exits": str(e.exits), "exit_rate (95% interval)": rate,
            "dropped_out": str(e.dropped_out),
            "avg_weeks": "-" if e.average_weeks is None else fmt.number(e.average_weeks, "en", 1),
            "income": fmt.number(e.income, "en", 2), "price_per_exit": "-" if e.price_per_exit is None else
            fmt.number(e.price_per_exit, "en", 2), "municipal_net": fmt.number(e.municipal_net, "en", 2),
            "note": "fewer than 5 ended" if e.suppressed else ""}


def _print(rows: tuple[Effect, ...], total: Effect | None, start: dt.date | None, end: dt.date) -> None:
    print(f"documented effect, {start or 'all time'} .. {end}")
    if not rows:
        print("no placements in the window")
        return
    print_table(pd.DataFrame([_line(e) for e in (*rows, *([total] if total else []))]))
    if any(e.suppressed for e in rows):
        print("\nfewer than 5 ended placements: read with care; the municipality's report shows them as 'fewer than 5'.")


def _budget_json(result: BudgetList) -> dict[str, object]:
    window = result.share_window
    return {
        "as_of": result.as_of.isoformat(), "status": result.status, "season_start": result.season_start.isoformat(),
        "share_window": None if window is None else {"from": window.start.isoformat(), "to": window.end.isoformat()},
        "municipalities": [{
            "municipality": e.municipality, "municipality_code": e.municipality_code, "share_of_income": e.share_of_income,
            "major": e.major, "renewals": [d.isoformat() for d in e.renewals],
            "last_middle_manager_meeting": e.last_manager_meeting.isoformat() if e.last_manager_meeting else None,
            "next_meeting": e.next_meeting.isoformat() if e.next_meeting else None,
            "middle_managers": list(e.managers), "effect": as_json(e.effect)} for e in result.entries],
    }


_STATUS = {"before": "the list starts on {start}: municipalities prepare their budget from June",
           "open": "budget season: municipalities without a middle-manager meeting logged since {start}",
           "adopted": "the budget is adopted (mid-October); meetings now prepare next year's season; "
                      "municipalities without a middle-manager meeting logged since {start}"}


def _budget(result: BudgetList, as_json_output: bool) -> int:
    if as_json_output:
        print_json(_budget_json(result))
        return 0
    print(f"before the budget, as of {result.as_of}: {_STATUS[result.status].format(start=result.season_start)}")
    if result.status != "before" and not result.entries:
        print("none: every important municipality has seen a middle manager this year")
    elif result.entries:
        print_table(pd.DataFrame([{
            "municipality": e.municipality, "share_of_income": _pct(e.share_of_income),
            "renewal_in_season": ", ".join(d.isoformat() for d in e.renewals) or "-",
            "last_manager_meeting": e.last_manager_meeting.isoformat() if e.last_manager_meeting else "-",
            "next_meeting": e.next_meeting.isoformat() if e.next_meeting else "-",
            "middle_managers": ", ".join(e.managers) or "(none recorded)", "ended": e.effect.ended,
            "exits": e.effect.exits, "exit_rate": _pct(e.effect.exit_rate)} for e in result.entries]))
    return 0
