"""``info``: what is in the database (counts per table, date range, schema version)."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import print_json
from seconomy.paths import db_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="counts per table, date range and schema version",
                       description="Show what the database holds: rows per table, the income date range, "
                                   "the schema version and whether it is the demo enterprise.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.inventory import inventory

    with store.session(args.db) as con:
        info = inventory(con)
    if args.json:
        print_json({"db": str(db_path(args.db)), **info})
        return 0
    print(f"database:        {db_path(args.db)}")
    print(f"schema version:  {info['schema_version']}")
    print(f"dataset:         {info['dataset']}")
    print(f"income entries:  {info['first_date'] or '-'} .. {info['last_date'] or '-'}")
    print("rows per table:")
    for table, count in info["counts"].items():
        print(f"  {table:<18}{count:>10}")
    return 0
