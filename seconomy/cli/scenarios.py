"""``scenarios``: the saved scenarios — list, show (as SPEC JSON), save from a file, delete."""

from __future__ import annotations

import argparse
import json

from seconomy import store
from seconomy.cli.common import print_json, print_table
from seconomy.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scenarios", help="list, show, save or delete saved scenarios",
                       description="Work with the scenarios saved in the database (the ones the Scenarios page "
                                   "shows). 'show' prints a saved scenario as SPEC JSON, ready for 'scenario -'.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("action", choices=("list", "show", "save", "delete"))
    p.add_argument("target", nargs="?", help="show/delete: a scenario's name or id; save: a SPEC.json file ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="list: print JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from seconomy.cli.scenario import _read
    from seconomy.scenarios.spec import parse_spec
    from seconomy.store import scenarios as saved

    if args.action != "list" and not args.target:
        raise UsageError(f"scenarios {args.action} needs a {'file' if args.action == 'save' else 'name or id'}")
    with store.session(args.db) as con:
        if args.action == "list":
            frame = saved.list_scenarios(con)[["id", "name", "updated_at", "is_demo"]]
            if args.json:
                print_json(frame.to_dict(orient="records"))
            else:
                print_table(frame)
            return 0
        if args.action == "save":
            spec = parse_spec(_read(args.target))
            scenario_id = store.save_scenario(con, spec.name, spec.to_json())
            print(f"saved scenario {scenario_id}: {spec.name}")
            return 0
        found = saved.load_scenario(con, args.target)
        if found is None:
            raise UsageError(f"no saved scenario called {args.target!r}")
        if args.action == "show":
            print(json.dumps(json.loads(found[2]), ensure_ascii=False, indent=2))
        else:
            saved.delete_scenario(con, found[0])
            print(f"deleted scenario {found[0]}: {found[1]}")
    return 0
