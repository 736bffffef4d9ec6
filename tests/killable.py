"""The child side of tests/test_kill.py: run one CLI command in a process the test may SIGKILL at any moment.

A module of its own so the forkserver can import it cheaply (the server preloads seconomy, pandas and duckdb;
each child is a fork of it and starts in milliseconds, so the kill lands in the command, not in Python's start-up).
"""

from __future__ import annotations

import os
import sys

PRELOAD = ["seconomy.cli", "seconomy.ingest.importer", "seconomy.ingest.reclassify", "seconomy.demo", "duckdb", "pandas"]


def run(argv: list[str], started) -> None:
    """Signal the start, then run the command as ``python -m seconomy`` would (its exit code is the process's)."""
    from seconomy.cli import main

    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the child's output is not looked at
    started.set()
    code = main(argv)
    sys.stdout.flush()
    os._exit(code)
