"""``placements import|export|list|purge``: the placements (forløb) as a file, on the terminal, and their retention.

Import adds or updates placements keyed by (participant, start) and deletes nothing, all or nothing; export
writes no participant codes unless ``--with-codes``; purge deletes placements that ended before a date. See
seconomy.effect.files and the README section "Documented effect".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from seconomy import store
from seconomy.cli.common import dkk, print_json, print_table, shown
from seconomy.errors import UsageError
from seconomy.outputs import check_output, output_kind
from seconomy.paths import db_path

if TYPE_CHECKING:
    import pandas as pd


def day(text: str) -> dt.date:
    """A date argument (YYYY-MM-DD or DD-MM-YYYY), as argparse's type: a bad one is a usage error (exit 2)."""
    from seconomy.agreements import values

    try:
        parsed = values.date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return parsed


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("placements", help="import, export, list or purge the placements (forløb)",
                       description="The enterprise's placements (forløb) per municipality: a participant code (a "
                                   "pseudonym, never a name or CPR number), municipality, scheme, start, end, price and "
                                   "outcome. Import adds or updates placements keyed by (participant, start) and deletes "
                                   "nothing; export leaves the participant codes out unless --with-codes.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="add or update placements from FILE (.csv or .xlsx), all or nothing",
                             description="Validate FILE and, if every line is valid, add its placements and update the "
                                         "stored ones with the same participant and start, in one transaction. Nothing "
                                         "is deleted. Any bad line: nothing is written, exit 1, and each problem on "
                                         "stderr as 'line N: column: reason' (a CPR-like code is shown as ddmmyy-xxxx).")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx file (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
    imp.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    imp.set_defaults(func=run_import)

    exp = actions.add_parser("export", help="write every placement to FILE (.csv or .xlsx)",
                             description="Write every placement to FILE; .csv (UTF-8, comma, ISO dates, decimal point) "
                                         "or .xlsx by the extension. Without --with-codes the participant column is left "
                                         "out (a file to share, which cannot be imported back).")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--with-codes", action="store_true", help="include the participant codes (needed to import back)")
    exp.add_argument("--lang", choices=("da", "en"), help="header language (default: the 'language' setting)")
    exp.add_argument("--force", action="store_true", help="replace FILE even when it is a file of another kind")
    exp.set_defaults(func=run_export)

    lst = actions.add_parser("list", help="the stored placements", description="Every stored placement, by "
                             "municipality and start: id, participant, municipality, scheme, dates, price, outcome.")
    lst.add_argument("--json", action="store_true", help="print a JSON list")
    lst.set_defaults(func=run_list)

    purge = actions.add_parser("purge", help="delete placements that ended before a date (retention)",
                               description="Delete every placement whose end date is before DATE (default: today minus "
                                           "the 'placement_retention_years' setting). Running placements are never "
                                           "deleted. Asks for confirmation on a terminal; elsewhere --yes is required.")
    purge.add_argument("--before", type=day, metavar="DATE", help="delete placements that ended before this day")
    purge.add_argument("--yes", action="store_true", help="delete without asking")
    purge.set_defaults(func=run_purge)
    for action in (imp, exp, lst, purge):
        action.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run_import(args: argparse.Namespace) -> int:
    from seconomy.effect.files import import_file

    with store.session(args.db) as con:
        summary = import_file(con, args.file, sheet=args.sheet, dry_run=args.dry_run)
    if args.json:
        print_json({"file": shown(args.file), **summary.as_dict()})
        return 0
    counts = summary.counts
    print(f"read {summary.format}")
    print(f"placements: {counts.added} added, {counts.changed} changed, {counts.unchanged} unchanged (none removed)")
    if summary.dry_run:
        print("dry run: nothing written")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from seconomy.effect.files import export_file
    from seconomy.settings import get_setting

    target = check_output(args.file, output_kind(args.file), database=db_path(args.db), force=args.force)
    with store.session(args.db) as con:
        lang = args.lang or str(get_setting(con, "language"))
        rows = export_file(con, target, lang, args.with_codes)
    codes = "with" if args.with_codes else "without"
    print(f"{rows} placements written to {shown(args.file)} ({codes} participant codes)")
    return 0


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    out = []
    for r in frame.to_dict("records"):
        out.append({"id": r["id"], "participant": r["participant_code"], "municipality": r["municipality"],
                    "municipality_code": r["municipality_code"], "scheme": r["scheme"],
                    "start": r["start_date"].isoformat(), "end": r["end_date"].isoformat() if r["end_date"] else None,
                    "price": dkk(r["price"]), "price_unit": r["price_unit"], "outcome": r["outcome"],
                    "agreement": r["agreement_id"],
                    "score_start": None if r["score_start"] is None else float(r["score_start"]),
                    "score_end": None if r["score_end"] is None else float(r["score_end"])})
    return out


def run_list(args: argparse.Namespace) -> int:
    import pandas as pd

    from seconomy.effect.queries import load_placements

    with store.session(args.db) as con:
        records = _records(load_placements(con))
    if args.json:
        print_json(records)
        return 0
    table = pd.DataFrame(records, columns=["id", "participant", "municipality", "scheme", "start", "end", "price",
                                           "price_unit", "outcome", "agreement", "score_start", "score_end"])
    print_table(table.astype(object).where(table.notna(), "-"))
    return 0


def run_purge(args: argparse.Namespace) -> int:
    from seconomy.effect import edit
    from seconomy.settings import get_settings

    with store.session(args.db) as con:
        years = int(get_settings(con)["placement_retention_years"])
        before = args.before or edit.retention_cutoff(dt.date.today(), years)
        count = edit.count_ended_before(con, before)
        if not count:
            print(f"no placements ended before {before}: nothing to delete")
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(f"{count} placements ended before {before}; nothing deleted: confirm with --yes")
            answer = input(f"delete {count} placements that ended before {before}? [y/N] ").strip().lower()
            if answer not in ("y", "yes", "j", "ja"):
                print("nothing deleted")
                return 0
        deleted = edit.purge(con, before)
    print(f"{deleted} placements that ended before {before} deleted")
    return 0
