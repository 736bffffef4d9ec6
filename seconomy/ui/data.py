"""The app's access to the store: short-lived sessions, results cached per data version.

Why: every widget change reruns the page. Reading the database again when nothing changed wastes
time, and holding the file open would lock out the CLI. So each domain query runs in its own short
session and its result is cached under (database path, data version, arguments); the data version
is the file's modification stamp, which changes with every write (DuckDB checkpoints on close).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from seconomy import store
from seconomy.errors import SeconomyError
from seconomy.paths import db_path

T = TypeVar("T")


def database() -> Path:
    """The database of this app: ``streamlit run app.py -- --db PATH``, else $SECONOMY_DB, else the default."""
    argv = sys.argv[1:]
    explicit = None
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            explicit = argv[i + 1]
        elif arg.startswith("--db="):
            explicit = arg.split("=", 1)[1]
    return db_path(explicit).resolve()


def data_version(path: Path) -> tuple[int, int, int]:
    """A stamp that changes whenever the database file (or its write-ahead log) changes."""
    stamps = []
    for candidate in (path, Path(f"{path}.wal")):
        try:
            info = os.stat(candidate)
            stamps.append(info.st_mtime_ns ^ info.st_size)
        except FileNotFoundError:
            stamps.append(0)
    return (stamps[0], stamps[1], 0)


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(module: str, name: str, path: str, version: tuple, args: tuple, kwargs: tuple) -> Any:
    fn = getattr(importlib.import_module(module), name)
    with store.session(path) as con:
        return fn(con, *args, **dict(kwargs))


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run the domain function ``fn(con, *args)`` on the app's database, cached per data version."""
    path = database()
    return _cached(fn.__module__, fn.__qualname__, str(path), data_version(path), args, tuple(sorted(kwargs.items())))


def write(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a writing function ``fn(con, *args)`` in its own session (never cached)."""
    with store.session(database()) as con:
        return fn(con, *args, **kwargs)


def show_error(exc: SeconomyError) -> None:
    """Turn a domain error into a message and stop the page (the UI's one error edge)."""
    st.error(str(exc))
    for err in getattr(exc, "errors", [])[:50]:
        st.write(f"- {err}")
    st.stop()
