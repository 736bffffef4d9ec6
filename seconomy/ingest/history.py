"""The import history (what was imported or reclassified when, and how many rows) and undoing one step."""

from __future__ import annotations

import duckdb
import pandas as pd

from seconomy import store
from seconomy.errors import InputError
from seconomy.store.sql import idents

COLUMNS = ["id", "imported_at", "file_name", "format", "layout", "kind", "rows_added", "rows_present", "rows_rejected",
           "costs_added", "undone_at", "is_demo"]


def import_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import and reclassification, newest first."""
    query = f"SELECT {idents(COLUMNS)} FROM imports ORDER BY id DESC"
    return con.execute(query).df()


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Undo one import (its entries and costs go) or reclassification (the earlier values return).

    Refused: unknown or already undone steps, the demo, and a reclassification that a later one (not undone)
    builds on — undo the later one first. The database is backed up first (``backups/``, setting ``backups_kept``).
    """
    found = con.execute("SELECT undone_at, is_demo, kind FROM imports WHERE id = ?", [import_id]).fetchall()
    if not found:
        raise InputError(f"there is no import #{import_id}; see the import history ('imports')", code="undo.unknown", id=import_id)
    undone_at, is_demo, kind = found[0]
    if undone_at is not None:
        raise InputError(f"import #{import_id} was already undone on {undone_at:%Y-%m-%d %H:%M}", code="undo.done", id=import_id,
                         at=undone_at)
    if is_demo:
        raise InputError(f"import #{import_id} is the demo enterprise; it is removed by your first own import", code="undo.demo",
                         id=import_id)
    later = con.execute("SELECT max(id) FROM imports WHERE kind = 'reclassify' AND undone_at IS NULL AND id > ?",
                        [import_id]).fetchall()[0][0]
    if later is not None and kind == "reclassify":
        raise InputError(f"reclassification #{later} came after #{import_id}; undo #{later} first", code="undo.later",
                         id=import_id, later=later)
    store.automatic_backup(con, f"before-undo-{import_id}")  # an undo deletes: the database before it is kept
    return store.undo_import(con, import_id)


def demo_restorable(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every own import was undone and the first of them had replaced the demo: the demo can come back."""
    active, replaced = con.execute(
        "SELECT count(*) FILTER (WHERE undone_at IS NULL AND kind = 'import' AND NOT is_demo), count(*) FILTER (WHERE replaced_demo) "
        "FROM imports").fetchall()[0]
    entries = con.execute("SELECT count(*) FROM entries").fetchall()[0][0]
    return not active and bool(replaced) and not entries
