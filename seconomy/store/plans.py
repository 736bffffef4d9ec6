"""Writing the enterprise's plans: agreements (contracts, grants), costs and saved scenarios.

Rows handed to these functions are already validated (seconomy.agreements.validate); the store
only guards the column names, which come from the fixed lists below and never from the user.
Edits keep a row's ``is_demo`` flag: a demo agreement the user edits is still part of the demo
and disappears with it on the first real import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from seconomy.store.sql import ident, idents
from seconomy.store.tx import transaction

AGREEMENT_COLUMNS = (
    "stream", "counterparty", "municipality_code", "department", "placements", "price", "price_unit",
    "monthly_amount", "total_amount", "schedule", "start_date", "end_date", "notice_months",
    "renewal_probability", "status", "note", "is_demo", "payment_days",
)
COST_COLUMNS = (
    "category", "kind", "monthly_amount", "share_of_income", "stream", "start_date", "end_date", "note", "is_demo",
)
_COLUMNS = {"agreements": AGREEMENT_COLUMNS, "costs": COST_COLUMNS}  # the only table names used in SQL here


def _insert(con: duckdb.DuckDBPyConnection, table: str, allowed: tuple[str, ...], row: Mapping[str, object]) -> int:
    """Insert one row into a plans table; column names come only from the fixed ``allowed`` list."""
    unknown = set(row) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {table} columns: {sorted(unknown)}")
    names = [c for c in allowed if c in row]
    placeholders = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {ident(table)} ({idents(names)}) VALUES ({placeholders}) RETURNING id"
    return con.execute(sql, [row[c] for c in names]).fetchall()[0][0]


def add_agreement(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one agreement (municipal contract, wage subsidy or grant); return its id."""
    return _insert(con, "agreements", AGREEMENT_COLUMNS, row)


def add_cost(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one cost line (fixed, variable or wage); return its id."""
    return _insert(con, "costs", COST_COLUMNS, row)


def _editable(table: str) -> tuple[str, ...]:
    return tuple(c for c in _COLUMNS[table] if c != "is_demo")


def _update(con: duckdb.DuckDBPyConnection, table: str, row_id: int, row: Mapping[str, object]) -> bool:
    """Set the given columns of one row, if any differs; return whether it changed. KeyError if no such row.

    ``IS DISTINCT FROM`` compares NULLs as values, so re-applying a row's own values writes nothing.
    """
    allowed = _editable(table)
    unknown = set(row) - set(allowed)
    if unknown:
        raise ValueError(f"unknown or read-only {table} columns: {sorted(unknown)}")
    names = [c for c in allowed if c in row]
    if not con.execute("SELECT count(*) FROM " + ident(table) + " WHERE id = ?", [row_id]).fetchall()[0][0]:
        raise KeyError(row_id)
    if not names:
        return False
    sets = ", ".join(f"{ident(c)} = ${i}" for i, c in enumerate(names, start=1))
    differs = " OR ".join(f"{ident(c)} IS DISTINCT FROM ${i}" for i, c in enumerate(names, start=1))
    sql = f"UPDATE {ident(table)} SET {sets} WHERE id = ${len(names) + 1} AND ({differs}) RETURNING id"
    return bool(con.execute(sql, [row[c] for c in names] + [row_id]).fetchall())


def _delete(con: duckdb.DuckDBPyConnection, table: str, row_id: int) -> None:
    if not con.execute("DELETE FROM " + ident(table) + " WHERE id = ? RETURNING id", [row_id]).fetchall():
        raise KeyError(row_id)


def update_agreement(con: duckdb.DuckDBPyConnection, agreement_id: int, row: Mapping[str, object]) -> bool:
    """Change an agreement's columns (not its id or demo flag); return whether anything changed."""
    return _update(con, "agreements", agreement_id, row)


def end_agreement(con: duckdb.DuckDBPyConnection, agreement_id: int, end_date: dt.date, status: str = "ended") -> bool:
    """End an agreement on ``end_date`` (its last paid day) with status 'ended' or 'cancelled'."""
    return _update(con, "agreements", agreement_id, {"end_date": end_date, "status": status})


def delete_agreement(con: duckdb.DuckDBPyConnection, agreement_id: int) -> None:
    """Remove an agreement entered by mistake (an agreement that stops is ended, not deleted)."""
    _delete(con, "agreements", agreement_id)


def update_cost(con: duckdb.DuckDBPyConnection, cost_id: int, row: Mapping[str, object]) -> bool:
    """Change a cost line's columns (not its id or demo flag); return whether anything changed."""
    return _update(con, "costs", cost_id, row)


def end_cost(con: duckdb.DuckDBPyConnection, cost_id: int, end_date: dt.date) -> bool:
    """Stop a cost line after ``end_date`` (the rent contract ends, a post is cut)."""
    return _update(con, "costs", cost_id, {"end_date": end_date})


def delete_cost(con: duckdb.DuckDBPyConnection, cost_id: int) -> None:
    """Remove a cost line entered by mistake."""
    _delete(con, "costs", cost_id)


@dataclass(frozen=True)
class ReplaceCounts:
    """What replacing one table from a file did (or would do, in a dry run)."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0


# Arrow types of the editable columns, so a whole file's rows reach DuckDB in one exact, typed batch.
_DEC = {"placements": pa.decimal128(8, 2), "price": pa.decimal128(14, 2), "monthly_amount": pa.decimal128(14, 2),
        "total_amount": pa.decimal128(14, 2), "share_of_income": pa.decimal128(7, 4)}
_OTHER = {"municipality_code": pa.int16(), "notice_months": pa.int32(), "payment_days": pa.int32(), "renewal_probability": pa.float64(),
          "start_date": pa.date32(), "end_date": pa.date32()}


_DEFAULTS = {"status": "active"}  # the table's default for a row that does not name the column


def _arrow_type(column: str) -> pa.DataType:
    return _DEC.get(column) or _OTHER.get(column) or pa.string()


def _stage(con: duckdb.DuckDBPyConnection, table: str, rows: list[Mapping[str, object]]) -> None:
    """The incoming rows as TEMP TABLE _incoming(position, id, columns…, known), ``known`` = the id is stored.

    Rows are whole rows: a column a row does not name is NULL (``status``: 'active', the table's default).
    """
    ids = [r.get("id") for r in rows if r.get("id") is not None]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{table}: an id appears more than once")
    columns = _editable(table)
    schema = pa.schema([("position", pa.int32()), ("id", pa.int32()), *[(c, _arrow_type(c)) for c in columns]])
    batch = pa.Table.from_pylist(
        [{"position": i, "id": r.get("id"), **{c: r.get(c, _DEFAULTS.get(c)) for c in columns}} for i, r in enumerate(rows)],
        schema=schema)
    con.register("_incoming_rows", batch)
    try:
        incoming = f"""CREATE OR REPLACE TEMP TABLE _incoming AS SELECT r.*, t.id IS NOT NULL AS known
            FROM _incoming_rows r LEFT JOIN {ident(table)} t ON t.id = r.id"""
        con.execute(incoming)
    finally:
        con.unregister("_incoming_rows")


def _replace_table(con: duckdb.DuckDBPyConnection, table: str, rows: list[Mapping[str, object]]) -> ReplaceCounts:
    """Make ``table`` hold exactly ``rows``, set-based: a row whose ``id`` exists is updated in place (keeping
    its id and demo flag) if it differs, a row without a known id is added (in the given order), and every
    stored row not in ``rows`` is removed."""
    _stage(con, table, rows)
    columns = _editable(table)
    sets = ", ".join(f"{ident(c)} = i.{ident(c)}" for c in columns)
    differs = " OR ".join(f"t.{ident(c)} IS DISTINCT FROM i.{ident(c)}" for c in columns)
    names = idents(columns)
    # Inside the caller's transaction: on an error its ROLLBACK also drops the temp table.
    removed = con.execute(
        f"DELETE FROM {ident(table)} WHERE id NOT IN (SELECT id FROM _incoming WHERE known) RETURNING id").fetchall()
    changed = con.execute(
        f"UPDATE {ident(table)} AS t SET {sets} FROM _incoming i WHERE i.known AND t.id = i.id AND ({differs}) RETURNING t.id"
    ).fetchall()
    added, known = con.execute("SELECT count(*) FILTER (NOT known), count(*) FILTER (known) FROM _incoming").fetchall()[0]
    insert = f"INSERT INTO {ident(table)} ({names}) SELECT {names} FROM _incoming WHERE NOT known ORDER BY position"
    con.execute(insert)
    con.execute("DROP TABLE _incoming")
    return ReplaceCounts(added, len(changed), known - len(changed), len(removed))


def replace_plans(
    con: duckdb.DuckDBPyConnection,
    agreements: Iterable[Mapping[str, object]] | None,
    costs: Iterable[Mapping[str, object]] | None,
    *,
    dry_run: bool = False,
) -> dict[str, ReplaceCounts]:
    """Replace all agreements and/or all costs with the given rows, in one transaction.

    None leaves that table as it is (a file with no cost lines does not wipe the costs). Rows may
    carry the ``id`` of a stored row to update it in place — so re-importing an export changes
    nothing, and demo rows stay demo rows — and rows without a known id are added as the user's own.
    ``dry_run`` rolls back and only reports the counts.
    """
    counts: dict[str, ReplaceCounts] = {}
    with transaction(con, dry_run=dry_run):
        for table, rows in (("agreements", agreements), ("costs", costs)):
            if rows is not None:
                counts[table] = _replace_table(con, table, list(rows))
    return counts


def save_scenario(con: duckdb.DuckDBPyConnection, name: str, spec_json: str, *, is_demo: bool = False) -> int:
    """Create or replace the scenario called ``name``; return its id. A CPR number in its name or texts is refused."""
    refuse_cpr_name(name, spec_json)
    return con.execute(
        """INSERT INTO scenarios (name, spec, is_demo) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated_at = current_localtimestamp()
        RETURNING id""",
        [name, spec_json, is_demo],
    ).fetchall()[0][0]


def refuse_cpr_name(name: str, spec_json: str | None = None) -> None:
    """A scenario's name and texts (labels, description) are shown everywhere: they must never hold a CPR number.

    Only the spec's strings are looked at: a number such as a change of 0.1012901234 is no CPR number.
    """
    import json

    from seconomy.errors import ScenarioError
    from seconomy.ingest.cpr import has_cpr

    if has_cpr(name, "description"):
        raise ScenarioError("a scenario name must not contain a CPR number (CPR numbers are never stored)",
                            code="scenario.cpr_name")
    if spec_json is not None and any(has_cpr(text, "description") for text in _strings(json.loads(spec_json))):
        raise ScenarioError("a scenario must not contain a CPR number (CPR numbers are never stored)",
                            code="scenario.cpr_spec")


def _strings(value: object) -> list[str]:
    """Every string in a parsed JSON value (keys and values), without recursion (a spec may be nested deeply)."""
    found, todo = [], [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return found
