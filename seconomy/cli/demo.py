"""``demo``: write the fictional demo enterprise into the database."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import seed
from seconomy.errors import UsageError

SEED = 2026  # seconomy.demo.SEED, written out so --help needs no pandas (a test keeps them equal)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create the demo enterprise (replaces an earlier demo)",
                       description="Write the fictional demo enterprise 'Grønt Værksted' (2023-01 to 2026-10) "
                                   "into the database. An earlier demo is replaced; the command refuses to run "
                                   "on a database that holds your own data.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--seed", type=seed, default=SEED, help=f"random seed, 0 or more (default {SEED})")
    p.add_argument("--if-empty", action="store_true",
                   help="do nothing when the database already holds data or the complete demo (used by 'make run'); "
                        "a demo left incomplete (a process killed while writing it) is written again")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy import demo

    with store.session(args.db) as con:
        own = demo.has_own_data(con)
        state = demo.demo_state(con)
        if args.if_empty and (own or state == "complete"):
            print("database already holds data; demo not written")
            return 0
        if own:
            raise UsageError("this database holds your own data; the demo is only written to a database without it")
        outcome = demo.install(con, args.seed)
    again = " (an incomplete demo was replaced)" if state == "partial" else ""
    print(f"demo enterprise written: {outcome.rows_added} income entries{again}")
    return 0
