"""``imports``: the import history (file, rows added / already present / rejected, time, undone)."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("imports", help="list earlier imports",
                       description="List every import, newest first: id, time, file, detected format, rows added, "
                                   "rows already present, rows rejected, and when it was undone.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.ingest.history import import_history

    with store.session(args.db) as con:
        history = import_history(con)
    if args.json:
        print_json([{k: (None if v is None or v != v else v) for k, v in row.items()}
                    for row in history.astype(object).to_dict("records")])
        return 0
    shown = history.assign(imported_at=history["imported_at"].dt.strftime("%Y-%m-%d %H:%M"),
                           undone_at=history["undone_at"].dt.strftime("%Y-%m-%d %H:%M").fillna(""))
    print_table(shown)
    return 0
