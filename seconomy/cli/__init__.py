"""``python -m seconomy``: a thin command line over the same functions the app uses.

Each command lives in its own module in this package with a ``register(subparsers)`` function
that adds its parser and sets ``func``; they are discovered here, so adding a command never
touches this file. Domain errors become one line on stderr and an exit code:
0 done, 1 invalid input (nothing written), 2 usage error, 3 database busy or unreadable.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from seconomy import __version__
from seconomy.errors import InputError, SeconomyError, StoreError

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m seconomy",
        description="Income concentration risk and budget scenarios for social-economy enterprises.",
    )
    parser.add_argument("--db", metavar="PATH", help="DuckDB file (default: $SECONOMY_DB or data/seconomy.duckdb)")
    parser.add_argument("--version", action="version", version=f"seconomy {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or EXIT_OK)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        return EXIT_INVALID
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORE
    except SeconomyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into head & co.
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
