"""``agreements export FILE`` / ``agreements import FILE``: the agreements and costs as one flat file.

The file replaces each section it contains (agreements, cost lines); rows keep their ids, so
re-importing an export changes nothing. See seconomy.agreements.files for the rules.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from seconomy import store
from seconomy.cli.common import print_json, shown
from seconomy.outputs import check_output, output_kind
from seconomy.paths import db_path

if TYPE_CHECKING:
    from seconomy.agreements.files import ImportSummary
    from seconomy.store.plans import ReplaceCounts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreements", help="export or import the agreements and costs (CSV/XLSX)",
                       description="Export the enterprise's agreements (contracts, wage subsidies, grants) and cost "
                                   "lines to one CSV or XLSX file, or import such a file. An import replaces each "
                                   "section the file contains (agreements and/or cost lines); rows with the id of a "
                                   "stored row update it, so re-importing an export changes nothing.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    exp = actions.add_parser("export", help="write all agreements and cost lines to FILE (.csv or .xlsx)",
                             description="Write every agreement and cost line to FILE; .csv (UTF-8, comma, ISO dates, "
                                         "decimal point) or .xlsx by the extension. Existing files are overwritten.")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--lang", choices=("da", "en"), help="header language (default: the 'language' setting)")
    exp.add_argument("--force", action="store_true", help="replace FILE even when it is a file of another kind")
    exp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    exp.set_defaults(func=run_export)

    imp = actions.add_parser("import", help="replace the agreements and/or costs with FILE's rows",
                             description="Validate FILE and, if every line is valid, replace the stored agreements "
                                         "(if FILE has agreement rows) and cost lines (if it has cost rows) with its "
                                         "rows, in one transaction. Any bad line: nothing is written, exit 1, and "
                                         "each problem on stderr as 'line N: column: reason'.")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx file (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="validate and report the changes, write nothing")
    imp.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    imp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    imp.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from seconomy.agreements.files import export_file
    from seconomy.settings import get_setting

    target = check_output(args.file, output_kind(args.file), database=db_path(args.db), force=args.force)
    with store.session(args.db) as con:
        lang = args.lang or str(get_setting(con, "language"))
        rows = export_file(con, target, lang)
    print(f"{rows} agreement and cost lines written to {shown(args.file)}")
    return 0


def _counts(label: str, counts: ReplaceCounts | None) -> str:
    if counts is None:
        return f"{label}: left as they were (none in the file)"
    return (f"{label}: {counts.added} added, {counts.changed} changed, {counts.unchanged} unchanged, "
            f"{counts.removed} removed")


def _print_summary(summary: ImportSummary) -> None:
    print(f"read {summary.format}")
    print(_counts("agreements", summary.agreements))
    print(_counts("cost lines", summary.costs))
    if summary.dry_run:
        print("dry run: nothing written")


def run_import(args: argparse.Namespace) -> int:
    from seconomy.agreements.files import import_file

    with store.session(args.db) as con:
        summary = import_file(con, args.file, sheet=args.sheet, dry_run=args.dry_run)
    if args.json:
        print_json({"file": shown(args.file), **summary.as_dict()})
    else:
        _print_summary(summary)
    return 0
