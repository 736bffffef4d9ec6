"""``settings list|get KEY|set KEY VALUE``: the settings the Settings page edits, with the page's validation."""

from __future__ import annotations

import argparse

from seconomy import store
from seconomy.cli.common import print_json
from seconomy.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="list, show or change the settings",
                       description="The settings of the database (the Settings page): list them with their values and "
                                   "defaults, get one, or set one (validated as on the page; an invalid value is refused "
                                   "with exit 1 and nothing is changed).")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every setting with its value, default and meaning")
    listing.add_argument("--json", action="store_true", help="print a JSON object name -> value")
    getting = actions.add_parser("get", help="one setting's value")
    getting.add_argument("key", metavar="KEY")
    getting.add_argument("--json", action="store_true", help="print the value as JSON")
    setting = actions.add_parser("set", help="change one setting")
    setting.add_argument("key", metavar="KEY")
    setting.add_argument("value", metavar="VALUE")
    setting.add_argument("--json", action="store_true", help="print the stored value as JSON")
    for action in (listing, getting, setting):
        action.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.set_defaults(func=run)


def _known(key: str, editable: bool = False) -> str:
    from seconomy.settings import BY_NAME, EDITABLE

    names = EDITABLE if editable else tuple(BY_NAME)
    if key not in names:
        raise UsageError(f"unknown setting {key!r}; settings are: {', '.join(names)}")
    return key


def _plain(value: object) -> object:
    return value if isinstance(value, (int, float, str, bool)) or value is None else str(value)


def run(args: argparse.Namespace) -> int:
    from seconomy.settings import SETTINGS, get_settings

    with store.session(args.db) as con:
        if args.action == "set":
            store.change_setting(con, _known(args.key, editable=True), args.value)
        values = get_settings(con)
    if args.action == "list":
        if args.json:
            print_json({name: _plain(value) for name, value in values.items()})
            return 0
        for s in SETTINGS:
            print(f"{s.name:<18}{values[s.name]!s:<24}default {s.default or '(empty)':<12}{s.help}")
        return 0
    key = _known(args.key)
    if args.json:
        print_json({key: _plain(values[key])})
    else:
        print(values[key])
    return 0
