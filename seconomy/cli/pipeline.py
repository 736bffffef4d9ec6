"""``pipeline import|export|list``: the grant pipeline as one flat file, and as a list.

The file becomes the pipeline (rows keep their ids, so re-importing an export changes nothing); a row
set to granted gets its grant agreement in the same transaction. See seconomy.grants.files.
"""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import dkk, print_json, print_table
from seconomy.grants.files import ImportSummary, export_file, import_file
from seconomy.grants.queries import load_applications
from seconomy.settings import get_setting
from seconomy.text import format as fmt

LIST_KEYS = ("id", "funder", "kind", "project", "amount", "start", "end", "schedule", "stage", "probability",
             "probability_override", "deadline", "decision_date", "report_due", "effort_hours", "restrictions",
             "agreement_id")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pipeline", help="import, export or list the grant pipeline (applications)",
                       description="The grant applications to foundations and public pools. 'import' makes the "
                                   "pipeline exactly the file's rows (rows with the id of a stored application update "
                                   "it, so re-importing an export changes nothing); a row whose stage is granted gets "
                                   "its grant agreement in the same transaction.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="replace the pipeline with FILE's applications (CSV/XLSX)",
                             description="Validate FILE and, if every line is valid, make the stored applications "
                                         "exactly its rows, in one transaction. Any bad line: nothing is written, "
                                         "exit 1, and each problem on stderr as 'line N: column: reason'.")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx file (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="validate and report the changes, write nothing")
    imp.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    imp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    imp.set_defaults(func=run_import)

    exp = actions.add_parser("export", help="write every application to FILE (.csv or .xlsx)",
                             description="Write every application to FILE; .csv (UTF-8, comma, ISO dates, decimal "
                                         "point, ';' between report dates) or .xlsx by the extension.")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--lang", choices=("da", "en"), help="header language (default: the 'language' setting)")
    exp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    exp.set_defaults(func=run_export)

    lst = actions.add_parser("list", help="list the applications with their stage and probability",
                             description="Every application: funder, project, amount, period, stage, the probability "
                                         "it counts with (its own estimate or the stage's default), dates, effort.")
    lst.add_argument("--json", action="store_true", help="print a JSON list")
    lst.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    lst.set_defaults(func=run_list)


def run_import(args: argparse.Namespace) -> int:
    with store.session(args.db) as con:
        summary: ImportSummary = import_file(con, args.file, sheet=args.sheet, dry_run=args.dry_run)
    if args.json:
        print_json({"file": args.file, **summary.as_dict()})
        return 0
    c = summary.counts
    print(f"read {summary.format}")
    print(f"applications: {c.added} added, {c.changed} changed, {c.unchanged} unchanged, {c.removed} removed")
    print(f"grant agreements: {c.granted} created, {c.ungranted} removed")
    if summary.dry_run:
        print("dry run: nothing written")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with store.session(args.db) as con:
        lang = args.lang or str(get_setting(con, "language"))
        rows = export_file(con, args.file, lang)
    print(f"{rows} applications written to {args.file}")
    return 0


def _day(value: object) -> str | None:
    return value.isoformat() if value is not None else None


def listing(frame) -> list[dict[str, object]]:
    """The applications as ``pipeline list --json`` prints them."""
    out = []
    for r in frame.to_dict("records"):
        out.append({
            "id": int(r["id"]), "funder": r["funder"], "kind": r["funder_kind"], "project": r["project"],
            "amount": dkk(r["amount"]), "start": _day(r["start_date"]), "end": _day(r["end_date"]),
            "schedule": r["schedule"], "stage": r["stage"], "probability": float(r["p"]),
            "probability_override": r["probability"], "deadline": _day(r["deadline"]),
            "decision_date": _day(r["decision_date"]), "report_due": [d.isoformat() for d in r["report_due"]],
            "effort_hours": None if r["effort_hours"] is None else float(r["effort_hours"]),
            "restrictions": r["restrictions"], "agreement_id": None if r["agreement_id"] is None else int(r["agreement_id"]),
        })
    return out


def run_list(args: argparse.Namespace) -> int:
    with store.session(args.db) as con:
        frame = load_applications(con)
    rows = listing(frame)
    if args.json:
        print_json(rows)
        return 0
    table = frame.assign(
        amount=[fmt.money(a, "da") for a in frame["amount"]],
        probability=[fmt.percent(p, "da", 0) for p in frame["p"]],
        period=[f"{s.isoformat()}..{e.isoformat()}" for s, e in zip(frame["start_date"], frame["end_date"], strict=True)],
        decision=[_day(d) or "" for d in frame["decision_date"]],
    )
    print_table(table[["id", "funder", "project", "amount", "period", "schedule", "stage", "probability", "decision"]]
                .fillna(""))
    return 0
