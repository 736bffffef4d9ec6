"""``demo``: write the fictional demo enterprise into the database."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.errors import UsageError

SEED = 2026  # seconomy.demo.SEED, written out so --help needs no pandas (a test keeps them equal)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create the demo enterprise (replaces an earlier demo)",
                       description="Write the fictional demo enterprise 'Grønt Værksted' (2023-01 to 2026-10) "
                                   "into the database. An earlier demo is replaced; the command refuses to run "
                                   "on a database that holds your own data.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    p.add_argument("--if-empty", action="store_true",
                   help="do nothing when the database already holds data (used by 'make run')")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy import demo
    from seconomy.settings import get_setting

    with store.session(args.db) as con:
        if args.if_empty and con.execute("SELECT count(*) FROM imports").fetchall()[0][0]:
            print("database already holds data; demo not written")
            return 0
        own = con.execute("SELECT count(*) FROM imports WHERE NOT is_demo").fetchall()[0][0]
        if own or get_setting(con, "dataset") == "own":
            raise UsageError("this database holds your own data; the demo is only written to an empty database")
        outcome = demo.install(con, args.seed)
    print(f"demo enterprise written: {outcome.rows_added} income entries")
    return 0
