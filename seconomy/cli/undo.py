"""``undo IMPORT_ID``: remove the entries one import added (the import stays in the history, marked undone)."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import record_id


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("undo", help="undo one import",
                       description="Delete the entries an import added, in one transaction; the import stays in "
                                   "the history marked as undone. See 'imports' for the ids. The database is backed "
                                   "up first into the 'backups' folder beside it (setting backups_kept).")
    p.add_argument("import_id", metavar="IMPORT_ID", type=record_id, help="the id shown by 'imports'")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.ingest.history import undo

    with store.session(args.db) as con:
        removed = undo(con, args.import_id)
    print(f"import #{args.import_id} undone: {removed} entries removed")
    return 0
