"""``python -m seconomy``: a thin command line over the same functions the app uses.

Each command lives in its own module in this package with a ``register(subparsers)`` function
that adds its parser and sets ``func``; they are discovered here, so adding a command never
touches this file. Domain errors become one line on stderr and an exit code:
0 done, 1 invalid input (nothing written), 2 usage error, 3 database busy or unreadable.

Every message is masked for CPR numbers (seconomy.errors, and argparse's own messages here). Errors are fixed
where they arise (the parsers turn bad input into domain errors); the one handler for anything else prints
"internal error: …, please report" — the fuzz tests (tests/test_fuzz_inputs.py) assert it is never reached.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from seconomy import __version__
from seconomy.errors import InputError, SeconomyError, StoreError
from seconomy.ingest.cpr import mask

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


class Parser(argparse.ArgumentParser):
    """argparse, with its error messages masked for CPR numbers (it echoes the offending argument)."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        super().error(mask(message))


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    except Exception as exc:  # the last resort: a bug, reported as one line (SECONOMY_DEBUG=1 shows the traceback)
        if os.environ.get("SECONOMY_DEBUG"):
            raise
        logging.getLogger("seconomy").debug("internal error", exc_info=True)  # silent unless logging is set up
        print(f"internal error: {type(exc).__name__}: {mask(str(exc))[:300]}, please report", file=sys.stderr)
        return EXIT_INVALID
