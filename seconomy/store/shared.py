"""One database per process, lent out as cursors and let go when idle: fast reads without locking out the CLI.

Why: opening the DuckDB file and checking its schema costs 40–150 ms; a page that runs ten queries through short
sessions paid that ten times on a first run. Holding the file open for the life of the app would be cheap, but
DuckDB lets only one process hold a file (read-write or read-only): a long-held connection would lock out the CLI,
a board member's script, a restore. A read-only connection does not help — it blocks writers just the same, and
one process cannot hold the same file read-only and read-write.

So the app keeps ONE read-write database instance per file, opened on first use (schema checked then, once per
opening) and shared by every thread as its own ``cursor()`` (one DuckDB connection must not be used by two
threads; a cursor is a connection of its own to the same instance, 0,5 ms). When no cursor has been out for
``idle_s`` seconds the instance is closed, which frees the file: a CLI command that meets the lock retries for
5 s (``seconomy.store.db.connect``), longer than the idle time, so it gets in as soon as the app is idle, and the
app, in turn, waits for the CLI the same way (and shows "database busy" after 5 s).

Closing checkpoints the write-ahead log into the file, which changes its stamp without changing its data; the
stamp seen before the close stays the data version (``version``), so cached figures survive an idle close.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from seconomy.store.db import connect

IDLE_S = 2.0  # well under the 5 s a CLI command waits for the lock
Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp:
    """A value that changes whenever the database file or its write-ahead log changes (modification time, size)."""
    parts = []
    for candidate in (path, Path(f"{path}.wal")):
        try:
            info = os.stat(candidate)
            parts.append(info.st_mtime_ns ^ info.st_size)
        except FileNotFoundError:
            parts.append(0)
    return parts[0], parts[1]


class SharedDatabase:
    """The process's one connection to a database file, lent as cursors, closed after ``idle_s`` without use."""

    def __init__(self, path: Path, idle_s: float = IDLE_S, wait_s: float = 5.0):
        self.path = path
        self.idle_s = idle_s
        self.wait_s = wait_s
        self.opened = 0  # how often the file was opened (and its schema checked): a test reads it
        self._root: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_use = 0.0
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._aliases: dict[Stamp, Stamp] = {}  # stamp after our own idle close -> stamp before it (same data)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared instance for one piece of work (a query, a write) in this thread."""
        with self._lock:
            if self._root is None:
                self._root = connect(self.path, wait_s=self.wait_s)  # migrates (the schema check) once per opening
                self.opened += 1
            self._users += 1
            try:
                cur = self._root.cursor()
            except BaseException:
                self._users -= 1
                raise
        try:
            yield cur
        finally:
            try:
                cur.close()
            finally:
                self._released()

    def _released(self) -> None:
        with self._lock:
            self._users -= 1
            self._last_use = time.monotonic()
            if self._users == 0:
                self._schedule(self.idle_s)

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(delay, self._close_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._root is None or self._users:
                return
            left = self.idle_s - (time.monotonic() - self._last_use)
            if left > 0.01:
                self._schedule(left)
                return
            self.close()

    def close(self) -> None:
        """Let go of the file now (no cursor may be out); the next ``cursor()`` opens it again."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._root is None:
                return
            before = self.version()
            self._root.close()
            self._root = None
            after = stamp(self.path)
            if after != before:  # only our checkpoint changed the file: nobody else could write while we held it
                self._aliases[after] = before

    @property
    def is_open(self) -> bool:
        return self._root is not None

    def version(self) -> Stamp:
        """The data version: the file's stamp, where a stamp left by our own idle close counts as the one before."""
        current = stamp(self.path)
        return self._aliases.get(current, current)


_SHARED: dict[str, SharedDatabase] = {}
_REGISTRY_LOCK = threading.Lock()


def shared(path: str | Path, idle_s: float = IDLE_S) -> SharedDatabase:
    """The process's shared database for ``path`` (created on first use)."""
    key = str(Path(path).resolve())
    with _REGISTRY_LOCK:
        found = _SHARED.get(key)
        if found is None:
            found = _SHARED[key] = SharedDatabase(Path(key), idle_s)
        return found


def close_all() -> None:
    """Let go of every shared file (tests, a process about to replace a file, and the process's exit)."""
    with _REGISTRY_LOCK:
        for database in _SHARED.values():
            database.close()


atexit.register(close_all)  # no idle timer may fire into DuckDB while the interpreter shuts down
