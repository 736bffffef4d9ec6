"""Writing the grant pipeline: applications, and the grant agreement a granted application becomes.

Why the agreement is written here, in the same transaction: a granted application *is* a grant
agreement from then on (the forecast counts it, the pipeline no longer does). Writing both in one
transaction means the database never holds a granted application without its agreement, or an
agreement whose application still counts as open — and the undo (``ungrant_application``) removes
the agreement and restores the stage before the grant in one transaction too.

Rows handed to these functions are already validated (seconomy.grants.validate). The agreement row
for an application comes from the caller (``agreement_of``, seconomy.grants.model.agreement_row):
the store writes, the domain decides what a grant agreement of an application looks like.
Granting is idempotent: an application that already has its agreement never gets a second one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import duckdb

from seconomy.store.plans import add_agreement, delete_agreement, update_agreement
from seconomy.store.sql import ident, idents
from seconomy.store.tx import transaction

APPLICATION_COLUMNS = (
    "funder", "funder_kind", "project", "amount", "start_date", "end_date", "schedule", "stage", "probability",
    "deadline", "decision_date", "report_due", "effort_hours", "restrictions", "is_demo",
)
EDITABLE_COLUMNS = tuple(c for c in APPLICATION_COLUMNS if c != "is_demo")
SYSTEM_COLUMNS = ("agreement_id", "stage_before_grant")  # set by granting; the demo may give them on insert
OPEN_STAGES = ("idea", "drafting", "submitted", "shortlisted")
GRANTED, REJECTED = "granted", "rejected"
# The agreement columns an application decides; kept in step when a granted application is edited.
SYNCED_AGREEMENT_COLUMNS = ("stream", "counterparty", "municipality_code", "total_amount", "schedule", "start_date",
                            "end_date", "note")

AgreementOf = Callable[[Mapping[str, object]], Mapping[str, object]]

_SELECT = f"SELECT id, {idents(APPLICATION_COLUMNS)}, agreement_id, stage_before_grant FROM applications WHERE id = ?"


@dataclass
class PipelineCounts:
    """What a batch write did (or would do, in a dry run): rows added/changed/unchanged/removed, grants made/undone."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    granted: int = 0
    ungranted: int = 0
    ids: list[int] = field(default_factory=list)  # the id of every written row, in the order given

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("added", "changed", "unchanged", "removed", "granted", "ungranted")}


def _transaction(con: duckdb.DuckDBPyConnection, dry_run: bool = False):
    """The store's transaction (joins the caller's, e.g. the demo installer's)."""
    return transaction(con, dry_run=dry_run)


def _stored(con: duckdb.DuckDBPyConnection, app_id: int) -> dict[str, object] | None:
    cursor = con.execute(_SELECT, [app_id])
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return dict(zip(names, rows[0], strict=True)) if rows else None


def _agreement_exists(con: duckdb.DuckDBPyConnection, agreement_id: object) -> bool:
    if agreement_id is None:
        return False
    return bool(con.execute("SELECT count(*) FROM agreements WHERE id = ?", [agreement_id]).fetchall()[0][0])


def _check(row: Mapping[str, object], allowed: tuple[str, ...]) -> list[str]:
    unknown = set(row) - set(allowed)
    if unknown:
        raise ValueError(f"unknown or read-only application columns: {sorted(unknown)}")
    return [c for c in allowed if c in row]


def _insert(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    names = _check(row, APPLICATION_COLUMNS + SYSTEM_COLUMNS)
    sql = f"INSERT INTO applications ({idents(names)}) VALUES ({', '.join('?' for _ in names)}) RETURNING id"
    return con.execute(sql, [row[c] for c in names]).fetchall()[0][0]


def _set(con: duckdb.DuckDBPyConnection, app_id: int, row: Mapping[str, object], allowed: tuple[str, ...]) -> bool:
    """Set the given columns if any differs (``IS DISTINCT FROM``: NULLs compare as values); return whether it changed."""
    names = _check(row, allowed)
    if not names:
        return False
    sets = ", ".join(f"{ident(c)} = ${i}" for i, c in enumerate(names, start=1))
    differs = " OR ".join(f"{ident(c)} IS DISTINCT FROM ${i}" for i, c in enumerate(names, start=1))
    sql = (f"UPDATE applications SET {sets}, updated_at = current_localtimestamp() "
           f"WHERE id = ${len(names) + 1} AND ({differs}) RETURNING id")
    return bool(con.execute(sql, [row[c] for c in names] + [app_id]).fetchall())


def _link(con: duckdb.DuckDBPyConnection, app_id: int, agreement_id: int | None, before: object) -> None:
    con.execute("UPDATE applications SET agreement_id = ?, stage_before_grant = ?, updated_at = current_localtimestamp() "
                "WHERE id = ?", [agreement_id, before, app_id])


def _new_agreement(con: duckdb.DuckDBPyConnection, app_id: int, agreement_of: AgreementOf) -> int:
    """Create the grant agreement of the stored application ``app_id`` (its demo flag follows the application)."""
    stored = _stored(con, app_id)
    return add_agreement(con, {**agreement_of(stored), "is_demo": bool(stored["is_demo"])})


def _grant(con: duckdb.DuckDBPyConnection, app_id: int, before: object, agreement_of: AgreementOf) -> bool:
    """Mark ``app_id`` granted with its agreement; create the agreement only if it has none. True if one was created."""
    stored = _stored(con, app_id)
    con.execute("UPDATE applications SET stage = 'granted' WHERE id = ?", [app_id])
    if _agreement_exists(con, stored["agreement_id"]):
        return False
    _link(con, app_id, _new_agreement(con, app_id, agreement_of), before)
    return True


def _ungrant(con: duckdb.DuckDBPyConnection, app_id: int) -> bool:
    """Remove the agreement of ``app_id`` (if it still exists) and unlink it; True if an agreement was removed."""
    stored = _stored(con, app_id)
    removed = _agreement_exists(con, stored["agreement_id"])
    if removed:
        delete_agreement(con, stored["agreement_id"])
    con.execute("UPDATE applications SET agreement_id = NULL WHERE id = ?", [app_id])
    return removed


def _sync_agreement(con: duckdb.DuckDBPyConnection, app_id: int, agreement_of: AgreementOf) -> None:
    """Keep a granted application's agreement in step with an edit of the application's terms."""
    stored = _stored(con, app_id)
    if _agreement_exists(con, stored["agreement_id"]):
        wanted = agreement_of(stored)
        update_agreement(con, stored["agreement_id"], {c: wanted.get(c) for c in SYNCED_AGREEMENT_COLUMNS})


def _write(con: duckdb.DuckDBPyConnection, app_id: int | None, row: Mapping[str, object], agreement_of: AgreementOf,
           counts: PipelineCounts) -> int:
    """Insert or update one application, granting or undoing its grant when its stage crosses 'granted'."""
    stored = _stored(con, app_id) if app_id is not None else None
    if stored is None:
        new_id = _insert(con, row)
        counts.added += 1
        if row.get("stage") == GRANTED and not _agreement_exists(con, row.get("agreement_id")):
            _link(con, new_id, _new_agreement(con, new_id, agreement_of), row.get("stage_before_grant"))
            counts.granted += 1
        return new_id
    old, new = stored["stage"], row.get("stage", stored["stage"])
    changed = _set(con, app_id, row, EDITABLE_COLUMNS)
    if old != GRANTED and new == GRANTED:
        before = old if old in OPEN_STAGES else stored["stage_before_grant"]
        counts.granted += _grant(con, app_id, before, agreement_of)
    elif old == GRANTED and new != GRANTED:
        counts.ungranted += _ungrant(con, app_id)
    elif old in OPEN_STAGES and new == REJECTED:
        con.execute("UPDATE applications SET stage_before_grant = ? WHERE id = ?", [old, app_id])
    elif old == GRANTED and changed:
        _sync_agreement(con, app_id, agreement_of)
    if new in OPEN_STAGES and stored["stage_before_grant"] is not None:  # back in the pipeline: no decision to remember
        con.execute("UPDATE applications SET stage_before_grant = NULL WHERE id = ?", [app_id])
    counts.changed += changed
    counts.unchanged += not changed
    return app_id


def add_application(con: duckdb.DuckDBPyConnection, row: Mapping[str, object], agreement_of: AgreementOf) -> int:
    """Store one application (granting it at once if its stage is 'granted'); return its id."""
    with _transaction(con):
        return _write(con, None, row, agreement_of, PipelineCounts())


def save_applications(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[int | None, Mapping[str, object]]],
                      agreement_of: AgreementOf, *, dry_run: bool = False) -> PipelineCounts:
    """Add (id None) or update each (id, row) in one transaction; a stage change to or from 'granted' grants or
    undoes the grant in the same transaction. ``dry_run`` rolls back and only reports the counts."""
    counts = PipelineCounts()
    with _transaction(con, dry_run):
        counts.ids = [_write(con, app_id, row, agreement_of, counts) for app_id, row in rows]
    return counts


def update_application(con: duckdb.DuckDBPyConnection, app_id: int, row: Mapping[str, object],
                       agreement_of: AgreementOf) -> bool:
    """Change one application's columns; return whether anything changed. KeyError if there is no such row."""
    if _stored(con, app_id) is None:
        raise KeyError(app_id)
    counts = save_applications(con, [(app_id, row)], agreement_of)
    return bool(counts.changed)


def grant_application(con: duckdb.DuckDBPyConnection, app_id: int, agreement_of: AgreementOf) -> int:
    """Grant ``app_id``: stage 'granted' and its grant agreement, in one transaction; return the agreement's id.

    Granting an application that is already granted with its agreement changes nothing and returns that agreement.
    """
    with _transaction(con):
        stored = _stored(con, app_id)
        if stored is None:
            raise KeyError(app_id)
        before = stored["stage"] if stored["stage"] in OPEN_STAGES else stored["stage_before_grant"]
        _grant(con, app_id, before, agreement_of)
        return _stored(con, app_id)["agreement_id"]


def ungrant_application(con: duckdb.DuckDBPyConnection, app_id: int, fallback_stage: str = "submitted") -> str:
    """The one undo of a grant: delete its agreement and restore the stage before the grant, in one transaction.

    An application entered as granted has no stage before; it goes back to ``fallback_stage``. Returns the stage
    restored. KeyError if there is no such application, ValueError if it is not granted.
    """
    with _transaction(con):
        stored = _stored(con, app_id)
        if stored is None:
            raise KeyError(app_id)
        if stored["stage"] != GRANTED:
            raise ValueError(f"application {app_id} is not granted")
        _ungrant(con, app_id)
        stage = stored["stage_before_grant"] or fallback_stage
        con.execute("UPDATE applications SET stage = ?, stage_before_grant = NULL, updated_at = current_localtimestamp() "
                    "WHERE id = ?", [stage, app_id])
        return stage


def delete_application(con: duckdb.DuckDBPyConnection, app_id: int) -> None:
    """Remove an application entered by mistake. A granted one's agreement stays: it is a real grant now."""
    if not con.execute("DELETE FROM applications WHERE id = ? RETURNING id", [app_id]).fetchall():
        raise KeyError(app_id)


def replace_applications(con: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, object]], agreement_of: AgreementOf,
                         *, dry_run: bool = False) -> PipelineCounts:
    """Make the pipeline exactly ``rows`` (an import), in one transaction.

    A row whose ``id`` is stored updates that application in place (keeping its id, demo flag and agreement); other
    rows are added as the user's own; stored applications missing from ``rows`` are removed (their agreements stay).
    Stage changes to or from 'granted' create or remove the agreement as in ``save_applications``. So re-importing
    an unedited export changes nothing.
    """
    ids = [r.get("id") for r in rows if r.get("id") is not None]
    if len(ids) != len(set(ids)):
        raise ValueError("applications: an id appears more than once")
    counts = PipelineCounts()
    with _transaction(con, dry_run):
        removed = con.execute("SELECT id FROM applications WHERE NOT list_contains(?::INTEGER[], id)", [ids]).fetchall()
        for (app_id,) in removed:
            delete_application(con, app_id)
        counts.removed = len(removed)
        for row in rows:
            fields = {k: v for k, v in row.items() if k != "id"}
            counts.ids.append(_write(con, row.get("id"), fields, agreement_of, counts))
    return counts
