"""``export FILE``: every income entry as CSV (machine-readable) or XLSX, by the file's extension."""

from __future__ import annotations

import argparse
from pathlib import Path

from seconomy import store
from seconomy.cli.common import shown
from seconomy.outputs import check_output, output_kind
from seconomy.paths import db_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export all income entries to .csv or .xlsx",
                       description="Write every income entry to FILE. CSV: UTF-8, comma-separated, header row, "
                                   "ISO dates, amounts like -13500.00, stream id, municipality code and name. "
                                   "XLSX: date and number cells. Text that a spreadsheet would run as a formula "
                                   "(starting with = + - @, a tab or a carriage return) gets a leading apostrophe; "
                                   "numbers are never changed. FILE is never the database; an existing file of "
                                   "another kind is replaced only with --force.")
    p.add_argument("file", metavar="FILE", type=Path, help="the file to write (.csv or .xlsx); an existing file of the "
                   "same kind is replaced")
    p.add_argument("--force", action="store_true", help="replace FILE even when it is a file of another kind")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.ingest.export import write_export

    target = check_output(args.file, output_kind(args.file), database=db_path(args.db), force=args.force)
    with store.session(args.db) as con:
        count = write_export(con, target)
    print(f"exported {count} entries to {shown(args.file)}")
    return 0
