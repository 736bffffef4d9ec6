"""``backup PATH`` / ``backup --list``: a consistent copy of the database, and the automatic backups kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from seconomy import outputs, store
from seconomy.cli.common import print_json, shown
from seconomy.errors import UsageError
from seconomy.paths import db_path
from seconomy.store.backup import inspect


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="write a consistent copy of the database to PATH, or list the automatic backups",
                       description="Write a consistent copy of the database to PATH (a DuckDB file that 'restore' "
                                   "takes back, or that opens with --db PATH). The copy is taken in one transaction "
                                   "while the file stays usable. --list shows the automatic backups in the 'backups' "
                                   "folder beside the database (made before each migration, undo and restore).")
    p.add_argument("path", metavar="PATH", nargs="?", type=Path, help="the file to write (e.g. backup.duckdb)")
    p.add_argument("--list", action="store_true", help="list the automatic backups instead")
    p.add_argument("--force", action="store_true", help="replace PATH even when it is a file of another kind")
    p.add_argument("--json", action="store_true", help="print one JSON object (--list: a JSON list)")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = db_path(args.db)
    if args.list:
        return _list(database, args.json)
    if args.path is None:
        raise UsageError("backup needs a PATH to write (or --list)")
    target = outputs.check_output(args.path, "duckdb", database=database, force=args.force, option="the backup")
    with store.session(database) as con:
        store.copy_to(con, target)
    found = inspect(target)
    size = target.stat().st_size
    if args.json:
        print_json({"backup": shown(args.path), "size": size, "schema_version": found.schema_version,
                    "entries": found.entries})
    else:
        print(f"backup written to {shown(args.path)} ({size / 1e6:.1f} MB, schema {found.schema_version}, "
              f"{found.entries} income entries); 'restore {shown(args.path)}' brings it back")
    return 0


def _list(database: Path, as_json: bool) -> int:
    found = store.list_backups(database)
    if as_json:
        print_json([{"path": shown(b.path), "created": b.created.isoformat(timespec="seconds"), "size": b.size,
                     "reason": b.reason} for b in found])
        return 0
    if not found:
        print(f"no automatic backups of {shown(database)} yet")
    for b in found:
        print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.size / 1e6:8.1f} MB  {b.reason:<24} {shown(b.path)}")
    return 0
