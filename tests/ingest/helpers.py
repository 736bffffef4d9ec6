"""Shared by the ingest tests: the sample files, totals per payer in øre, row counts."""

from __future__ import annotations

from pathlib import Path

import duckdb

DATA = Path(__file__).resolve().parents[1] / "data"
OK = DATA / "ok"
ERRORS = DATA / "errors"
ACCOUNTS = (("1000", "salg"), ("1010", "forløb"), ("1020", "løntilskud"), ("1030", "fond"), ("1040", "pulje"), ("1050", "andet"))


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Income per payer in øre (summed exactly in DuckDB)."""
    rows = con.execute("SELECT payer, CAST(sum(amount) * 100 AS BIGINT) FROM income GROUP BY payer").fetchall()
    return {payer: int(ore) for payer, ore in rows}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table that an import may change."""
    tables = ("entries", "imports", "account_streams", "column_mappings", "settings")
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}
