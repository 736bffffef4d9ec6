"""Opening the DuckDB file: short-lived connections, migrations on open, a clear 'busy' error.

Why short-lived: DuckDB lets only one process hold the file read-write, and a process that holds
it blocks every other one (the CLI, a board member's script) even from reading. The app and the
CLI therefore open the file for one piece of work and close it again, and a process that meets
the lock retries briefly before telling the user the database is busy.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from seconomy.errors import StoreBusy, StoreError
from seconomy.paths import db_path
from seconomy.store.backup import automatic_backup
from seconomy.store.schema import migrate, pending

MEMORY = ":memory:"
_LOCK = re.compile(r"Could not set lock on file|Conflicting lock is held", re.IGNORECASE)
_PID = re.compile(r"PID (\d+)")


def open_raw(path: str | Path, *, wait_s: float = 5.0) -> duckdb.DuckDBPyConnection:
    """Open the database file read-write as it is (no migration); retry while another process holds the lock."""
    target = str(path)
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return duckdb.connect(target, config={"threads": 2})
        except duckdb.IOException as exc:
            if not _LOCK.search(str(exc)):
                raise StoreError(f"cannot open database {target}: {exc}") from exc
            if time.monotonic() >= deadline:
                pid = _PID.search(str(exc))
                holder = f" (held by process {pid.group(1)})" if pid else ""
                raise StoreBusy(
                    f"database {target} is busy{holder}: another seconomy process is using it. "
                    "Try again in a moment."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {target}: {exc}") from exc


def connect(path: str | Path | None = None, *, wait_s: float = 5.0) -> duckdb.DuckDBPyConnection:
    """Open (and migrate) the database read-write; retry while another process holds the lock.

    ``path`` is ``":memory:"`` for a throw-away database (tests), else a file path; None means
    the configured default (``--db``/``$SECONOMY_DB``/``data/seconomy.duckdb``). Before migrations run on a
    database that holds data, it is backed up (``backups/``, see seconomy.store.backup).
    """
    target = MEMORY if str(path) == MEMORY else str(db_path(path))
    if target != MEMORY:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = open_raw(target, wait_s=wait_s)
    try:
        steps = pending(con)
        if steps:
            automatic_backup(con, f"before-migration-{steps[-1].version}")
            migrate(con)
    except Exception:
        con.close()
        raise
    return con


@contextmanager
def session(path: str | Path | None = None, *, wait_s: float = 5.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for one piece of work, closed afterwards so other processes can get in."""
    con = connect(path, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()
