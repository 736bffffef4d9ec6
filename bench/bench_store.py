"""The app's reads at 1M entries: a cursor of the shared database beside opening the file for each query.

Before, each page query opened the database, ran the migrations' check and closed it again (a session per query);
now every read borrows a cursor of the process's one shared database (seconomy.store.shared), opened and checked
once. The figure is one small query (the settings) each way, interleaved.
"""

from __future__ import annotations

from bench.common import RUNS, Result, interleaved, median, timed
from bench.dbs import entries_db
from seconomy import store
from seconomy.settings import get_settings
from seconomy.store.shared import SharedDatabase


def run() -> list[Result]:
    db, _ = entries_db(1_000_000)
    shared = SharedDatabase(db, idle_s=60)
    runs = max(RUNS, 9)

    def borrowed() -> None:
        with shared.cursor() as con:
            get_settings(con)

    def opened() -> float:
        shared.close()  # nobody else holds the file: the session really opens it (not timed)
        seconds = timed(lambda: _session(db))()
        borrowed()  # the shared database open again for the next run (not timed)
        return seconds

    try:
        borrowed()
        ours, theirs = interleaved(timed(borrowed), opened, runs=runs, warmup=1)
    finally:
        shared.close()
    return [Result("store", "1M entries: one page query, shared database", median(ours),
                   "the same query in its own session (open, schema check, close)", median(theirs),
                   note="a cursor of the open database", samples=ours, reference_samples=theirs)]


def _session(db) -> None:
    with store.session(db) as con:
        get_settings(con)
