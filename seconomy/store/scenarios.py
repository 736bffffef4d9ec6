"""Saved scenarios: create or replace, rename/edit, copy, delete, and read them back.

``save_scenario`` (create or replace by name) stays in plans.py, where the demo installer has
always found it; it is re-exported here so every scenario write is reachable from one module.
Names are unique: an edit that would take another scenario's name is refused with a ScenarioError.
"""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from seconomy.errors import ScenarioError
from seconomy.store.plans import refuse_cpr_name, save_scenario

__all__ = ["copy_scenario", "create_scenario", "delete_scenario", "list_scenarios", "load_scenario", "save_scenario", "update_scenario"]


def _with_name(spec_json: str, name: str) -> str:
    """The spec with its "name" set to the stored name, so the file and the row never disagree."""
    spec = json.loads(spec_json)
    spec["name"] = name
    return json.dumps(spec, ensure_ascii=False)


def _taken(con: duckdb.DuckDBPyConnection, name: str, other_than: int | None = None) -> bool:
    rows = con.execute("SELECT id FROM scenarios WHERE name = ?", [name]).fetchall()
    return any(r[0] != other_than for r in rows)


def list_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Saved scenarios, newest first: id, name, spec, updated_at, is_demo."""
    return con.execute("SELECT id, name, spec, updated_at, is_demo FROM scenarios ORDER BY updated_at DESC, id DESC").df()


def load_scenario(con: duckdb.DuckDBPyConnection, name_or_id: str | int) -> tuple[int, str, str] | None:
    """(id, name, spec JSON) of a saved scenario by id or exact name; None when there is none."""
    text = str(name_or_id)
    if isinstance(name_or_id, int) or (text.isascii() and text.isdigit() and len(text) <= 10):
        number = int(name_or_id)  # ids are INTEGERs: a longer number can only be a name
        rows = con.execute("SELECT id, name, spec FROM scenarios WHERE id = ?", [number]).fetchall() \
            if 0 <= number < 2**31 else []
        if rows:
            return rows[0]
    rows = con.execute("SELECT id, name, spec FROM scenarios WHERE name = ?", [str(name_or_id)]).fetchall()
    return rows[0] if rows else None


def update_scenario(con: duckdb.DuckDBPyConnection, scenario_id: int, name: str, spec_json: str) -> None:
    """Rename and/or change one saved scenario."""
    name = name.strip()
    if not name:
        raise ScenarioError("a scenario needs a name", code="scenario.no_name")
    refuse_cpr_name(name, spec_json)
    if _taken(con, name, other_than=scenario_id):
        raise ScenarioError(f"a scenario called {name!r} already exists", code="scenario.taken", name=name)
    changed = con.execute(
        "UPDATE scenarios SET name = ?, spec = ?, updated_at = current_localtimestamp() WHERE id = ? RETURNING id",
        [name, _with_name(spec_json, name), scenario_id],
    ).fetchall()
    if not changed:
        raise ScenarioError(f"there is no saved scenario with id {scenario_id}", code="scenario.unknown", id=scenario_id)


def create_scenario(con: duckdb.DuckDBPyConnection, name: str, spec_json: str) -> int:
    """Save a new scenario; refuse a name that is taken (use update_scenario to change one)."""
    name = name.strip()
    if not name:
        raise ScenarioError("a scenario needs a name", code="scenario.no_name")
    if _taken(con, name):
        raise ScenarioError(f"a scenario called {name!r} already exists", code="scenario.taken", name=name)
    return save_scenario(con, name, _with_name(spec_json, name))


def copy_scenario(con: duckdb.DuckDBPyConnection, scenario_id: int, suffix: str = "copy") -> int:
    """Save a copy under "<name> (copy)", "<name> (copy 2)", …; return the new id."""
    found = load_scenario(con, scenario_id)
    if found is None:
        raise ScenarioError(f"there is no saved scenario with id {scenario_id}", code="scenario.unknown", id=scenario_id)
    _, name, spec_json = found
    candidate, n = f"{name} ({suffix})", 2
    while _taken(con, candidate):
        candidate, n = f"{name} ({suffix} {n})", n + 1
    return save_scenario(con, candidate, _with_name(spec_json, candidate))


def delete_scenario(con: duckdb.DuckDBPyConnection, scenario_id: int) -> bool:
    """Delete one saved scenario; return whether it existed."""
    return bool(con.execute("DELETE FROM scenarios WHERE id = ? RETURNING id", [scenario_id]).fetchall())
