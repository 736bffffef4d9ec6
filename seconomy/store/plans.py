"""Writing the enterprise's plans: agreements (contracts, grants), costs and saved scenarios."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

AGREEMENT_COLUMNS = (
    "stream", "counterparty", "municipality_code", "department", "placements", "price", "price_unit",
    "monthly_amount", "total_amount", "schedule", "start_date", "end_date", "notice_months",
    "renewal_probability", "status", "note", "is_demo",
)
COST_COLUMNS = (
    "category", "kind", "monthly_amount", "share_of_income", "stream", "start_date", "end_date", "note", "is_demo",
)


def _insert(con: duckdb.DuckDBPyConnection, table: str, allowed: tuple[str, ...], row: Mapping[str, object]) -> int:
    """Insert one row into a plans table; column names come only from the fixed ``allowed`` list."""
    unknown = set(row) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {table} columns: {sorted(unknown)}")
    names = [c for c in allowed if c in row]
    placeholders = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders}) RETURNING id"
    return con.execute(sql, [row[c] for c in names]).fetchall()[0][0]


def add_agreement(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one agreement (municipal contract, wage subsidy or grant); return its id."""
    return _insert(con, "agreements", AGREEMENT_COLUMNS, row)


def add_cost(con: duckdb.DuckDBPyConnection, row: Mapping[str, object]) -> int:
    """Store one cost line (fixed, variable or wage); return its id."""
    return _insert(con, "costs", COST_COLUMNS, row)


def save_scenario(con: duckdb.DuckDBPyConnection, name: str, spec_json: str, *, is_demo: bool = False) -> int:
    """Create or replace the scenario called ``name``; return its id."""
    return con.execute(
        """INSERT INTO scenarios (name, spec, is_demo) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated_at = current_localtimestamp()
        RETURNING id""",
        [name, spec_json, is_demo],
    ).fetchall()[0][0]
