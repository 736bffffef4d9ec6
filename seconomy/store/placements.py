"""Writing placements (forløb), municipal contacts and the contact log.

Rows handed to these functions are already validated (seconomy.effect.validate); the store guards only the
column names, which come from the fixed lists below and never from the user. The database refuses what must
never be stored whatever the caller does: a CPR-shaped participant code, an end without an outcome (or an
outcome without an end), an unknown scheme (CHECK constraints of migration 3).

Edits keep a row's ``is_demo`` flag, so a demo placement the user corrects still goes with the demo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from seconomy.store.sql import ident, idents
from seconomy.store.tx import transaction

PLACEMENT_COLUMNS = (
    "participant_code", "municipality_code", "scheme", "start_date", "end_date", "price", "price_unit",
    "agreement_id", "outcome", "score_start", "score_end", "is_demo",
)
CONTACT_COLUMNS = ("municipality_code", "name", "role", "title", "last_meeting", "next_meeting", "is_demo")
LOG_COLUMNS = ("municipality_code", "contact_id", "log_date", "kind", "summary", "is_demo")
_COLUMNS = {"placements": PLACEMENT_COLUMNS, "contacts": CONTACT_COLUMNS, "contact_log": LOG_COLUMNS}
_KEY = ("participant_code", "start_date")  # a placement is one participant's stay from one start date
_MEETINGS = ("meeting", "workshop")  # log kinds that move a contact's last meeting


def _editable(table: str) -> tuple[str, ...]:
    return tuple(c for c in _COLUMNS[table] if c != "is_demo")


def _insert(con: duckdb.DuckDBPyConnection, table: str, row: Mapping[str, object]) -> int:
    unknown = set(row) - set(_COLUMNS[table])
    if unknown:
        raise ValueError(f"unknown {table} columns: {sorted(unknown)}")
    names = [c for c in _COLUMNS[table] if c in row]
    sql = f"INSERT INTO {ident(table)} ({idents(names)}) VALUES ({', '.join('?' for _ in names)}) RETURNING id"
    return con.execute(sql, [row[c] for c in names]).fetchall()[0][0]


def _update(con: duckdb.DuckDBPyConnection, table: str, row_id: int, row: Mapping[str, object]) -> bool:
    """Set the given columns of one row where any differs; KeyError when there is no such row."""
    unknown = set(row) - set(_editable(table))
    if unknown:
        raise ValueError(f"unknown or read-only {table} columns: {sorted(unknown)}")
    if not con.execute(f"SELECT count(*) FROM {ident(table)} WHERE id = ?", [row_id]).fetchall()[0][0]:
        raise KeyError(row_id)
    names = [c for c in _editable(table) if c in row]
    if not names:
        return False
    sets = ", ".join(f"{ident(c)} = ${i}" for i, c in enumerate(names, start=1))
    differs = " OR ".join(f"{ident(c)} IS DISTINCT FROM ${i}" for i, c in enumerate(names, start=1))
    sql = f"UPDATE {ident(table)} SET {sets} WHERE id = ${len(names) + 1} AND ({differs}) RETURNING id"
    return bool(con.execute(sql, [row[c] for c in names] + [row_id]).fetchall())


def _delete(con: duckdb.DuckDBPyConnection, table: str, row_id: int) -> None:
    if not con.execute(f"DELETE FROM {ident(table)} WHERE id = ? RETURNING id", [row_id]).fetchall():
        raise KeyError(row_id)


def _transaction(con: duckdb.DuckDBPyConnection, work) -> object:
    with transaction(con):  # joins the caller's transaction (the demo installer's)
        return work()


# ---------------------------------------------------------------- placements

def add_placement(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one placement; return its id (ConstraintException if its participant already starts that day)."""
    return _insert(con, "placements", row)


def update_placement(con: duckdb.DuckDBPyConnection, placement_id: int, row: Mapping[str, object]) -> bool:
    """Change a placement's columns (not its id or demo flag); return whether anything changed."""
    return _update(con, "placements", placement_id, row)


def delete_placement(con: duckdb.DuckDBPyConnection, placement_id: int) -> None:
    _delete(con, "placements", placement_id)


@dataclass(frozen=True)
class UpsertCounts:
    """What importing a placements file did (or would do, in a dry run). Nothing is ever removed."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0


_ARROW = {"municipality_code": pa.int16(), "start_date": pa.date32(), "end_date": pa.date32(),
          "price": pa.decimal128(14, 2), "agreement_id": pa.int32(), "score_start": pa.decimal128(5, 2),
          "score_end": pa.decimal128(5, 2)}


def _stage(con: duckdb.DuckDBPyConnection, rows: list[Mapping[str, object]]) -> None:
    """The incoming rows as TEMP TABLE _incoming_placements(position, columns…, known_id)."""
    columns = _editable("placements")
    schema = pa.schema([("position", pa.int32()), *[(c, _ARROW.get(c, pa.string())) for c in columns]])
    batch = pa.Table.from_pylist([{"position": i, **{c: r.get(c) for c in columns}} for i, r in enumerate(rows)],
                                 schema=schema)
    con.register("_placement_rows", batch)
    try:
        con.execute("""CREATE OR REPLACE TEMP TABLE _incoming_placements AS
            SELECT r.*, p.id AS known_id FROM _placement_rows r
            LEFT JOIN placements p ON p.participant_code = r.participant_code AND p.start_date = r.start_date""")
    finally:
        con.unregister("_placement_rows")


def upsert_placements(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping[str, object]], *,
                      dry_run: bool = False) -> UpsertCounts:
    """Add or update placements keyed by (participant_code, start_date), in one transaction; delete nothing.

    A stored placement with the same participant and start is updated in place (keeping its id and demo
    flag) when any column differs; every other row is added as the user's own. ``dry_run`` rolls back.
    """
    rows = list(rows)
    keys = [(r.get("participant_code"), r.get("start_date")) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError("placements: a (participant, start) key appears more than once")
    columns = [c for c in _editable("placements") if c not in _KEY]

    with transaction(con, dry_run=dry_run):
        _stage(con, rows)
        sets = ", ".join(f"{ident(c)} = i.{ident(c)}" for c in columns)
        differs = " OR ".join(f"p.{ident(c)} IS DISTINCT FROM i.{ident(c)}" for c in columns)
        changed = len(con.execute(f"""UPDATE placements AS p SET {sets} FROM _incoming_placements i
            WHERE p.id = i.known_id AND ({differs}) RETURNING p.id""").fetchall())
        known = con.execute("SELECT count(*) FROM _incoming_placements WHERE known_id IS NOT NULL").fetchall()[0][0]
        names = idents(_editable("placements"))
        con.execute(f"""INSERT INTO placements ({names}) SELECT {names} FROM _incoming_placements
            WHERE known_id IS NULL ORDER BY position""")
        con.execute("DROP TABLE _incoming_placements")
    return UpsertCounts(len(rows) - known, changed, known - changed)


def purge_placements(con: duckdb.DuckDBPyConnection, before: dt.date) -> int:
    """Delete every placement that ended before ``before`` (retention); running placements are never touched."""
    return len(con.execute("DELETE FROM placements WHERE end_date < ? RETURNING id", [before]).fetchall())


# ---------------------------------------------------------------- contacts and log

def add_contact(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    return _insert(con, "contacts", row)


def update_contact(con: duckdb.DuckDBPyConnection, contact_id: int, row: Mapping[str, object]) -> bool:
    return _update(con, "contacts", contact_id, row)


def delete_contact(con: duckdb.DuckDBPyConnection, contact_id: int) -> None:
    """Remove a contact; its log entries stay, without the contact (the meeting still happened)."""
    def work() -> None:
        con.execute("UPDATE contact_log SET contact_id = NULL WHERE contact_id = ?", [contact_id])
        _delete(con, "contacts", contact_id)
    _transaction(con, work)


def add_log(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one log entry; a meeting or workshop with a contact also moves that contact's last meeting forward."""
    def work() -> int:
        log_id = _insert(con, "contact_log", row)
        if row.get("contact_id") is not None and row.get("kind") in _MEETINGS:
            con.execute("""UPDATE contacts SET last_meeting = ? WHERE id = ?
                           AND (last_meeting IS NULL OR last_meeting < ?)""",
                        [row["log_date"], row["contact_id"], row["log_date"]])
        return log_id
    return _transaction(con, work)


def delete_log(con: duckdb.DuckDBPyConnection, log_id: int) -> None:
    _delete(con, "contact_log", log_id)
