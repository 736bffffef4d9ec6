"""The import history (what was imported when, and how many rows) and undoing one import."""

from __future__ import annotations

import duckdb
import pandas as pd

from seconomy import store
from seconomy.errors import InputError
from seconomy.store.sql import idents

COLUMNS = ["id", "imported_at", "file_name", "format", "rows_added", "rows_present", "rows_rejected", "undone_at", "is_demo"]


def import_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import, newest first."""
    query = f"SELECT {idents(COLUMNS)} FROM imports ORDER BY id DESC"
    return con.execute(query).df()


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Remove the entries one import added; refuse unknown, already undone and demo imports."""
    found = con.execute("SELECT undone_at, is_demo FROM imports WHERE id = ?", [import_id]).fetchall()
    if not found:
        raise InputError(f"there is no import #{import_id}; see the import history ('imports')")
    undone_at, is_demo = found[0]
    if undone_at is not None:
        raise InputError(f"import #{import_id} was already undone on {undone_at:%Y-%m-%d %H:%M}")
    if is_demo:
        raise InputError(f"import #{import_id} is the demo enterprise; it is removed by your first own import")
    return store.undo_import(con, import_id)
