"""Reading agreements and cost lines, exactly: money stays Decimal, dates stay dates.

Why not ``.df()``: DuckDB's pandas conversion turns DECIMAL into float64, and a forecast that
starts from float prices no longer adds up to the øre. These readers fetch the rows and build
frames with Decimal and date objects instead; they are small tables (tens to hundreds of rows).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from seconomy.store.plans import AGREEMENT_COLUMNS, COST_COLUMNS

# The payer rule (the payer_key macro, seconomy/store/schema.py), applied to agreements.
_AGREEMENTS_SQL = f"""SELECT a.id, {', '.join('a.' + c for c in AGREEMENT_COLUMNS)}, m.name AS municipality,
    payer_key(a.municipality_code, a.counterparty) AS payer
    FROM agreements a LEFT JOIN municipalities m ON m.code = a.municipality_code ORDER BY a.id"""
_COSTS_SQL = f"SELECT id, {', '.join(COST_COLUMNS)} FROM costs ORDER BY id"

AGREEMENT_FRAME_COLUMNS = ("id", *AGREEMENT_COLUMNS, "municipality", "payer")
COST_FRAME_COLUMNS = ("id", *COST_COLUMNS)


def _frame(con: duckdb.DuckDBPyConnection, sql: str, columns: tuple[str, ...]) -> pd.DataFrame:
    rows = con.execute(sql).fetchall()
    return pd.DataFrame(rows, columns=list(columns), dtype=object)


def load_agreements(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every agreement, ordered by id: the table's columns plus ``municipality`` (short name) and ``payer``.

    Money and placements are Decimal, dates datetime.date, municipality_code int or None,
    renewal_probability float or None (object columns throughout, so nothing is rounded).
    """
    return _frame(con, _AGREEMENTS_SQL, AGREEMENT_FRAME_COLUMNS)


def load_costs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every cost line, ordered by id, with Decimal amounts and shares."""
    return _frame(con, _COSTS_SQL, COST_FRAME_COLUMNS)


def in_force(start: object, end: object, day: dt.date) -> bool:
    """Whether a line running ``start``..``end`` (either may be empty) is in force on ``day``."""
    return (start is None or pd.isna(start) or start <= day) and (end is None or pd.isna(end) or end >= day)
