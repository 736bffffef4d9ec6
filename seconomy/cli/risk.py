"""``risk``: concentration of income per payer, municipality, stream or counterparty in a window."""

from __future__ import annotations

import argparse
import datetime as dt

import pandas as pd

from seconomy import store
from seconomy.cli.common import print_json, print_table
from seconomy.risk import (
    BY_OPTIONS,
    Concentration,
    Diversification,
    as_json,
    concentration,
    diversify,
    empty_json,
    render,
    resolve_window,
    verdict,
)
from seconomy.text import format as fmt


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "risk", help="concentration risk: shares, HHI, top-1/top-3 per payer, municipality, stream or counterparty",
        description="How concentrated the income is in a window: each group's net amount and share of total income, "
                    "the HHI (sum of (100 * share)^2), the effective number (10000 / HHI), the top-1 and top-3 shares and "
                    "the level. A municipality is one payer across all its departments and streams. --by municipality "
                    "adds the municipal share, and its HHI is taken within municipal income. Groups with no income in "
                    "the window are left out.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--by", choices=BY_OPTIONS, default="payer", help="how to group income (default: payer)")
    p.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD",
                   help="first day of the window (default: start of the trailing 12 full months with data)")
    p.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD",
                   help="last day of the window, inclusive (default: end of the last month with data)")
    p.add_argument("--json", action="store_true", help="print one JSON object (shares as unrounded fractions)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with store.session(args.db) as con:
        window = resolve_window(con, args.start, args.end)
        result = concentration(con, window, args.by) if window else None
        advice = _advice(con, result) if result is not None and not args.json else None
    if args.json:
        print_json(as_json(result) if result else empty_json(args.by, None))
        return 0
    if result is None:
        print("no income in the database")
        return 0
    _print_text(result, advice)
    return 0


def _advice(con, result: Concentration) -> Diversification | None:
    """For a critical top payer: what the page's calculator would say for the critical share."""
    top = result.groups.head(1)
    if result.by != "payer" or top.empty or not bool(top["critical"].iloc[0]):
        return None
    code = top["municipality_code"].iloc[0]
    return diversify(con, result.window, top["key"].iloc[0], result.thresholds.critical_share,
                     None if pd.isna(code) else int(code))


def _print_text(result: Concentration, advice: Diversification | None) -> None:
    def pct(value: float | None) -> str:
        return "-" if value is None else fmt.percent(value, "en")

    print(f"concentration by {result.by}, {result.window.start} .. {result.window.end}")
    print(f"total income:       {fmt.money(result.total, 'en', 2)}")
    if result.by == "municipality":
        print(f"municipal share:    {pct(result.municipal_share)}   (HHI below is within municipal income)")
    hhi = "-" if result.hhi is None else fmt.number(result.hhi, "en", 1)
    effective = "-" if result.effective_number is None else fmt.number(result.effective_number, "en", 2)
    print(f"HHI:                {hhi}  level: {result.level or '-'}  effective number: {effective}")
    print(f"top-1 share:        {pct(result.top1_share)}   top-3 share: {pct(result.top3_share)}")
    if result.left_out:
        print(f"left out:           {result.left_out} group(s) with a negative net ({fmt.money(result.left_out_amount, 'en', 2)})")
    groups = result.groups
    table = pd.DataFrame({
        "key": groups["key"], "municipality_code": groups["municipality_code"].astype("string").fillna("-"),
        "amount_dkk": [fmt.number(a, "en", 2) for a in groups["amount"]],
        "share": [pct(s) for s in groups["share"]],
    })
    if result.by == "municipality":
        table["share_of_municipal"] = [pct(s) for s in groups["share_of_scope"]]
    if result.by != "stream":
        table["flag"] = ["critical" if c else "major" if m else "" for c, m in zip(groups["critical"], groups["major"], strict=True)]
    print()
    print_table(table)
    print()
    print(render([s for s in verdict(result) if s.key != "risk.verdict.advice"], "en"))
    if advice is not None:
        print(f"To bring {advice.key} below {pct(advice.threshold)} you need {fmt.money(advice.extra, 'en')} more income "
              f"from others in the window; the HHI would then be {fmt.number(advice.hhi_new_small_payers, 'en')} "
              f"(new small payers) to {fmt.number(advice.hhi_one_new_payer, 'en')} (one new payer).")
