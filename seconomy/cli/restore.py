"""``restore PATH``: replace the database with a backup, atomically, after backing up the database as it was."""

from __future__ import annotations

import argparse
from pathlib import Path

from seconomy import store
from seconomy.cli.common import print_json, shown
from seconomy.paths import db_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help="replace the database with a backup (PATH)",
                       description="Replace the database with the backup PATH (made by 'backup', or one of the "
                                   "automatic backups in the 'backups' folder). PATH must be a seconomy database; one "
                                   "made by a newer seconomy is refused unless --force. The database as it was is "
                                   "backed up first, and is replaced in one rename, never half-way.")
    p.add_argument("path", metavar="PATH", type=Path, help="the backup to restore")
    p.add_argument("--force", action="store_true", help="restore a backup with a newer schema than this seconomy knows")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = db_path(args.db)
    done = store.restore(args.path, database, force=args.force)
    before = shown(done.previous_backup) if done.previous_backup else None
    if args.json:
        print_json({"restored": shown(args.path), "database": shown(database), "schema_version": done.schema_version,
                    "entries": done.entries, "previous_backup": before})
        return 0
    print(f"restored {shown(args.path)} into {shown(database)} (schema {done.schema_version}, {done.entries} income "
          f"entries)")
    print(f"the database as it was is kept as {before}" if before else "there was no database with data before")
    return 0
