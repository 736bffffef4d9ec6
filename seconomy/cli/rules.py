"""``rules export|import FILE``: the classification rules as a file (``match;field;stream;payer;municipality;exclude``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from seconomy import store
from seconomy.cli.common import print_json, shown
from seconomy.errors import UsageError
from seconomy.outputs import check_output, write_bytes
from seconomy.paths import db_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="export or import the classification rules",
                       description="The ordered rule table that gives lines without a stream (plain ledgers, bank "
                                   "statements, SAF-T) their stream, payer and municipality, or excludes them. "
                                   "'export' writes it as CSV; 'import' replaces it with a file's rules, all or nothing. "
                                   "Run 'reclassify' afterwards to apply changed rules to stored entries.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (("export", "write the rules to FILE (CSV)"), ("import", "replace the rules with FILE's")):
        action = actions.add_parser(name, help=text)
        action.add_argument("file", metavar="FILE", type=Path)
        action.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
        if name == "export":
            action.add_argument("--force", action="store_true", help="replace FILE even when it is a file of another kind")
        if name == "import":
            action.add_argument("--dry-run", action="store_true", help="check the file, change nothing")
            action.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.ingest.rulefile import read_rules, rules_csv
    from seconomy.ingest.rules import stored_rules

    if args.action == "export":
        target = check_output(args.file, "csv", database=db_path(args.db), force=getattr(args, "force", False))
        with store.session(args.db) as con:
            rules = list(stored_rules(con))
        write_bytes(target, rules_csv(rules))
        print(f"{len(rules)} rules written to {shown(args.file)}")
        return 0
    if not args.file.is_file():
        raise UsageError(f"no such file: {shown(args.file)}")
    rules = read_rules(args.file, args.file.name)
    if not args.dry_run:
        with store.session(args.db) as con:
            store.replace_rules(con, rules)
    if args.json:
        print_json({"rules": len(rules), "dry_run": args.dry_run,
                    "user_rules": sum(r.origin == "user" for r in rules)})
    else:
        print(f"{len(rules)} rules {'checked' if args.dry_run else 'stored'}; 'reclassify' applies them to stored entries")
    return 0
