"""Writing income entries: one import is one transaction, recorded, deduplicated and undoable.

Deduplication: every line gets a fingerprint (date, amount, counterparty, municipality,
description, reference) and an occurrence number (its count among equal lines of the same file).
A line whose (fingerprint, occurrence) is already stored is "already present"; so an export that
overlaps an earlier one adds only the new lines, while two identical lines inside one file stay
two entries.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

# Columns of the staging frame handed to add_entries. amount_ore is the amount in øre (int64):
# exact, and fast to move; SQL turns it into DECIMAL(14,2).
STAGING_COLUMNS = (
    "line", "entry_date", "amount_ore", "stream", "counterparty",
    "municipality_code", "description", "reference",
)

_FINGERPRINT = """md5(concat_ws('|', entry_date::VARCHAR, amount::VARCHAR, counterparty,
    coalesce(municipality_code::VARCHAR, ''), coalesce(description, ''), coalesce(reference, '')))"""


@dataclass(frozen=True)
class ImportOutcome:
    import_id: int | None
    rows_added: int
    rows_present: int
    rows_rejected: int


def add_entries(
    con: duckdb.DuckDBPyConnection,
    staging: pd.DataFrame,
    *,
    file_name: str,
    sha256: str | None = None,
    fmt: str | None = None,
    rows_rejected: int = 0,
    is_demo: bool = False,
    remove_demo_first: bool = False,
    dry_run: bool = False,
) -> ImportOutcome:
    """Store the staged lines that are not yet present, and record the import, in one transaction.

    ``remove_demo_first`` deletes the demo enterprise in the same transaction, so a user's first
    real import never mixes with the demo and a failure leaves the demo in place.
    """
    missing = set(STAGING_COLUMNS) - set(staging.columns)
    if missing:
        raise ValueError(f"staging frame lacks columns {sorted(missing)}")
    con.execute("BEGIN TRANSACTION")
    try:
        if remove_demo_first:
            remove_demo(con, in_transaction=True)
        outcome = _insert(con, staging[list(STAGING_COLUMNS)], file_name, sha256, fmt, rows_rejected, is_demo)
        con.execute("ROLLBACK" if dry_run else "COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if dry_run:
        return ImportOutcome(None, outcome.rows_added, outcome.rows_present, outcome.rows_rejected)
    return outcome


def _insert(con, staging, file_name, sha256, fmt, rows_rejected, is_demo) -> ImportOutcome:
    import_id = con.execute(
        "INSERT INTO imports (file_name, sha256, format, rows_rejected, is_demo) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [file_name, sha256, fmt, rows_rejected, is_demo],
    ).fetchall()[0][0]
    con.register("_staging", staging)
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _candidates AS
            WITH typed AS (
                SELECT line, CAST(entry_date AS DATE) AS entry_date,
                       CAST(CAST(amount_ore AS DECIMAL(18,0)) / 100 AS DECIMAL(14,2)) AS amount,
                       stream, counterparty, CAST(municipality_code AS SMALLINT) AS municipality_code,
                       nullif(description, '') AS description, nullif(reference, '') AS reference
                FROM _staging),
            hashed AS (SELECT *, {_FINGERPRINT} AS fingerprint FROM typed)
            SELECT *, row_number() OVER (PARTITION BY fingerprint ORDER BY line) AS occurrence FROM hashed"""
        )
    finally:
        con.unregister("_staging")
    con.execute(
        """INSERT INTO entries
        SELECT c.entry_date, c.amount, c.stream, c.counterparty, c.municipality_code, c.description,
               c.reference, ?, c.fingerprint, c.occurrence
        FROM _candidates c
        ANTI JOIN entries e ON e.fingerprint = c.fingerprint AND e.occurrence = c.occurrence""",
        [import_id],
    )
    added = con.execute("SELECT count(*) FROM entries WHERE import_id = ?", [import_id]).fetchall()[0][0]
    total = con.execute("SELECT count(*) FROM _candidates").fetchall()[0][0]
    con.execute("DROP TABLE _candidates")
    con.execute(
        "UPDATE imports SET rows_added = ?, rows_present = ? WHERE id = ?", [added, total - added, import_id]
    )
    return ImportOutcome(import_id, added, total - added, rows_rejected)


def undo_import(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Delete the entries an import added and mark it undone; return how many entries went."""
    found = con.execute("SELECT undone_at FROM imports WHERE id = ?", [import_id]).fetchall()
    if not found:
        raise KeyError(import_id)
    con.execute("BEGIN TRANSACTION")
    try:
        removed = con.execute(
            "DELETE FROM entries WHERE import_id = ? RETURNING 1", [import_id]
        ).fetchall()
        con.execute("UPDATE imports SET undone_at = current_localtimestamp() WHERE id = ?", [import_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(removed)


def remove_demo(con: duckdb.DuckDBPyConnection, *, in_transaction: bool = False) -> None:
    """Remove every trace of the demo enterprise (entries, agreements, costs, scenarios, settings)."""
    statements = (
        "DELETE FROM entries WHERE import_id IN (SELECT id FROM imports WHERE is_demo)",
        "DELETE FROM imports WHERE is_demo",
        "DELETE FROM agreements WHERE is_demo",
        "DELETE FROM costs WHERE is_demo",
        "DELETE FROM scenarios WHERE is_demo",
        "DELETE FROM settings WHERE name IN ('opening_cash', 'cash_date', 'enterprise_name', 'dataset')",
    )
    if not in_transaction:
        con.execute("BEGIN TRANSACTION")
    try:
        for sql in statements:
            con.execute(sql)
        if not in_transaction:
            con.execute("COMMIT")
    except BaseException:
        if not in_transaction:
            con.execute("ROLLBACK")
        raise


def has_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True while the database holds the demo enterprise."""
    return bool(con.execute("SELECT count(*) FROM imports WHERE is_demo").fetchall()[0][0])
