"""``export FILE``: every income entry as CSV (machine-readable) or XLSX, by the file's extension."""

from __future__ import annotations

import argparse
from pathlib import Path

from seconomy import store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export all income entries to .csv or .xlsx",
                       description="Write every income entry to FILE. CSV: UTF-8, comma-separated, header row, "
                                   "ISO dates, amounts like -13500.00, stream id, municipality code and name. "
                                   "XLSX: date and number cells. Text that a spreadsheet would run as a formula "
                                   "(starting with = + - @) gets a leading apostrophe; numbers are never changed.")
    p.add_argument("file", metavar="FILE", type=Path, help="the file to write (.csv or .xlsx); an existing file is replaced")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.ingest.export import write_export

    with store.session(args.db) as con:
        count = write_export(con, args.file)
    print(f"exported {count} entries to {args.file}")
    return 0
