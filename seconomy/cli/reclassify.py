"""``reclassify``: apply the rules to the stored entries again (one undoable step in the import history)."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import dkk, print_json
from seconomy.ingest.reclassify import reclassify
from seconomy.text import format as fmt


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reclassify", help="apply the classification rules to stored entries",
                       description="Re-apply the rule table to every stored entry: streams, municipalities and payers "
                                   "the rules now decide differently are changed, entries a rule now excludes are "
                                   "removed. One transaction, listed in 'imports' and undone with 'undo ID'.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--dry-run", action="store_true", help="count what would change, change nothing")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with store.session(args.db) as con:
        result = reclassify(con, dry_run=args.dry_run)
    moves = [{"from": r.old_stream, "to": r.new_stream, "entries": int(r.entries), "amount": dkk(r.amount)}
             for r in result.by_stream.itertuples()]
    if args.json:
        print_json({"import_id": result.import_id, "dry_run": args.dry_run, "checked": result.checked,
                    "changed": result.changed, "excluded": result.excluded, "moves": moves})
        return 0
    verb = "would change" if args.dry_run else "changed"
    print(f"{result.checked} entries checked: {verb} {result.changed}, {'would exclude' if args.dry_run else 'excluded'} "
          f"{result.excluded}" + (f" (undo with 'undo {result.import_id}')" if result.import_id else ""))
    for move in moves:
        print(f"  {move['from']} -> {move['to'] or 'excluded'}: {move['entries']} entries, {fmt.money(move['amount'], 'en', 2)}")
    return 0
