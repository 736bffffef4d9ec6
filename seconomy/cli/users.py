"""``users hash``: make the password hash of a user to paste into .streamlit/secrets.toml (password login).

The password is read from standard input (one line; typed without echo when stdin is a terminal), never from the
command line, where it would stay in the shell history and in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from seconomy.cli.common import print_json
from seconomy.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="make password hashes for the app's login",
                       description="Tools for the app's password login (see the README's Login section).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    hashing = actions.add_parser(
        "hash", help="read a password from stdin and print its argon2 hash",
        description="Read one password from standard input and print the argon2id hash to paste into "
                    ".streamlit/secrets.toml as password_hash of a [seconomy.users.NAME] table.")
    hashing.add_argument("--json", action="store_true", help='print {"password_hash": ...}')
    hashing.set_defaults(func=run_hash)


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise InputError("the two passwords differ; nothing printed")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run_hash(args: argparse.Namespace) -> int:
    from seconomy.access import hash_password

    hashed = hash_password(_password())
    if args.json:
        print_json({"password_hash": hashed})
    else:
        print(hashed)
    return 0
