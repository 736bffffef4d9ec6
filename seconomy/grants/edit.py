"""Adding, editing, granting, un-granting and deleting applications, with validation first.

Each function validates and writes only valid rows (all of a batch or none of it), so the page can
show every problem beside the row it belongs to and the database never holds a half-checked
application. Granting goes through the store in one transaction with the grant agreement; the page
calls these through ``ui.data.write``, the CLI through a session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import duckdb

from seconomy import store
from seconomy.agreements.edit import Saved
from seconomy.grants.model import UNGRANT_FALLBACK, Problem, agreement_row
from seconomy.grants.validate import clean_application
from seconomy.store.pipeline import PipelineCounts


@dataclass(frozen=True)
class Batch:
    """The outcome of saving several rows: the counts when written, else the problems per row (nothing written)."""

    counts: PipelineCounts | None
    problems: dict[int | None, list[Problem]] = field(default_factory=dict)  # row id (None: a new row) -> problems

    @property
    def ok(self) -> bool:
        return not self.problems


def save_application(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object], app_id: int | None = None) -> Saved:
    """Validate ``raw`` and add it, or update application ``app_id``; a stage of 'granted' grants it at once."""
    row, problems = clean_application(raw)
    if problems:
        return Saved(None, problems)
    if app_id is None:
        return Saved(store.add_application(con, row, agreement_row))
    store.update_application(con, app_id, row, agreement_row)
    return Saved(app_id)


def save_changes(con: duckdb.DuckDBPyConnection, changes: Sequence[tuple[int | None, Mapping[str, object]]]) -> Batch:
    """Validate every (id, raw) pair and, if all are valid, write them in one transaction (the page's inline edits)."""
    cleaned, problems = [], {}
    for app_id, raw in changes:
        row, found = clean_application(raw)
        if found:
            problems[app_id] = found
        cleaned.append((app_id, row))
    if problems:
        return Batch(None, problems)
    return Batch(store.save_applications(con, cleaned, agreement_row))


def grant(con: duckdb.DuckDBPyConnection, app_id: int) -> int:
    """Grant an application (its agreement in the same transaction); return the agreement id. Twice is once."""
    return store.grant_application(con, app_id, agreement_row)


def ungrant(con: duckdb.DuckDBPyConnection, app_id: int) -> str | Problem:
    """The one undo of a grant: remove its agreement and restore the stage before; return that stage (or a Problem)."""
    try:
        return store.ungrant_application(con, app_id, UNGRANT_FALLBACK)
    except ValueError:
        return Problem("stage", "not_granted")


def delete(con: duckdb.DuckDBPyConnection, app_id: int) -> None:
    """Delete an application entered by mistake (a granted one's agreement stays)."""
    store.delete_application(con, app_id)
