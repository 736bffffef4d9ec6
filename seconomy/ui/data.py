"""The app's access to the store: one shared database per process, results cached per data version, writes guarded.

Why: every widget change reruns the page. Reading the database again when nothing changed wastes time, so each
domain query's result is cached under (database path, data version, arguments). The reads and writes of every
session go through the process's one shared database (``seconomy.store.shared``): opened once, its schema
checked once, a cursor per piece of work, and let go after a moment without use so the CLI can get in. The data
version is the file's stamp, which changes with every write.

``write`` is the one door for changes: it refuses a signed-in viewer (``seconomy.access.NotPermitted``, with the
message in the UI language), whatever button was pressed.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from seconomy.errors import SeconomyError
from seconomy.paths import db_path
from seconomy.store.shared import shared
from seconomy.ui import auth

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


def data_version(path: Path) -> tuple[int, int]:
    """A stamp that changes whenever the data in the database file changes (see seconomy.store.shared)."""
    return shared(path).version()


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(module: str, name: str, path: str, version: tuple, args: tuple, kwargs: tuple) -> Any:
    fn = getattr(importlib.import_module(module), name)
    with shared(path).cursor() as con:
        return fn(con, *args, **dict(kwargs))


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run the domain function ``fn(con, *args)`` on the app's database, cached per data version."""
    path = database()
    return _cached(fn.__module__, fn.__qualname__, str(path), data_version(path), args, tuple(sorted(kwargs.items())))


def read(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a reading function that should not be cached (a download built on click, a file's preview, one saved
    scenario loaded into the editor); anyone signed in may."""
    with shared(database()).cursor() as con:
        return fn(con, *args, **kwargs)


def write(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a writing function ``fn(con, *args)`` (never cached); refused for a viewer."""
    auth.require_editor()
    with shared(database()).cursor() as con:
        return fn(con, *args, **kwargs)


def show_error(exc: SeconomyError) -> None:
    """Turn a domain error into a message and stop the page (the UI's one error edge)."""
    st.error(str(exc))
    for err in getattr(exc, "errors", [])[:50]:
        st.write(f"- {err}")
    st.stop()
