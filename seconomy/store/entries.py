"""Writing income entries: one import is one transaction, recorded, deduplicated and undoable.

Deduplication: every line gets a fingerprint (date, amount, counterparty, municipality,
description, reference) and an occurrence number (its count among equal lines of the same file).
A line whose (fingerprint, occurrence) is already stored is "already present"; so an export that
overlaps an earlier one adds only the new lines, while two identical lines inside one file stay
two entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.store.sql import ident

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


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def add_entries(
    con: duckdb.DuckDBPyConnection,
    staging: pd.DataFrame | str,
    *,
    file_name: str,
    sha256: str | None = None,
    fmt: str | None = None,
    rows_rejected: int = 0,
    is_demo: bool = False,
    remove_demo_first: bool = False,
    dry_run: bool = False,
    also: Sequence[Callable[[duckdb.DuckDBPyConnection], None]] = (),
) -> ImportOutcome:
    """Store the staged lines that are not yet present, and record the import, in one transaction.

    ``staging`` is a frame with STAGING_COLUMNS or the name of a table (or view) with them on
    ``con``: a million-row import stays inside DuckDB instead of crossing into pandas and back.
    ``remove_demo_first`` deletes the demo enterprise in the same transaction, so a user's first
    real import never mixes with the demo and a failure leaves the demo in place; ``also`` are
    further writes that belong to the same transaction (remembered mappings, the dataset flag).
    """
    if isinstance(staging, str):
        if not _IDENTIFIER.fullmatch(staging):
            raise ValueError(f"not a table name: {staging!r}")
        describe = f"SELECT column_name FROM (DESCRIBE {ident(staging)})"
        columns = {c for (c,) in con.execute(describe).fetchall()}
    else:
        columns = set(staging.columns)
    missing = set(STAGING_COLUMNS) - columns
    if missing:
        raise ValueError(f"staging frame lacks columns {sorted(missing)}")
    con.execute("BEGIN TRANSACTION")
    try:
        if remove_demo_first:
            remove_demo(con, in_transaction=True)
        source = staging if isinstance(staging, str) else staging[list(STAGING_COLUMNS)]
        outcome = _insert(con, source, file_name, sha256, fmt, rows_rejected, is_demo)
        for write in also:
            write(con)
        con.execute("ROLLBACK" if dry_run else "COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if dry_run:
        return ImportOutcome(None, outcome.rows_added, outcome.rows_present, outcome.rows_rejected)
    return outcome


def _insert(con, staging, file_name, sha256, fmt, rows_rejected, is_demo) -> ImportOutcome:
    """One INSERT … ANTI JOIN: fingerprint, occurrence and the 'already present' test in a single statement.

    Speed (a million lines): the fingerprint is computed once (a materialised CTE); only lines whose
    fingerprint's 64-bit hash repeats are numbered by a window (a unique hash means a unique
    fingerprint, so the result is exact); and the stored entries are compared only within the file's
    date range (the fingerprint includes the date).
    """
    import_id = con.execute(
        "INSERT INTO imports (file_name, sha256, format, rows_rejected, is_demo) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [file_name, sha256, fmt, rows_rejected, is_demo],
    ).fetchall()[0][0]
    registered = not isinstance(staging, str)
    source = "_staging" if registered else staging
    if registered:
        con.register("_staging", staging)
    try:
        span = "SELECT count(*), min(entry_date), max(entry_date) FROM " + ident(source)
        total, first, last = con.execute(span).fetchall()[0]
        added = con.execute(
            f"""INSERT INTO entries
            WITH typed AS NOT MATERIALIZED (
                SELECT line, CAST(entry_date AS DATE) AS entry_date,
                       CAST(CAST(amount_ore AS DECIMAL(18,0)) / 100 AS DECIMAL(14,2)) AS amount,
                       stream, counterparty, CAST(municipality_code AS SMALLINT) AS municipality_code,
                       nullif(description, '') AS description, nullif(reference, '') AS reference
                FROM {ident(source)}),
            hashed AS MATERIALIZED (SELECT *, {_FINGERPRINT} AS fingerprint FROM typed),
            keyed AS NOT MATERIALIZED (SELECT *, hash(fingerprint) AS key FROM hashed),
            repeated AS (SELECT key FROM keyed GROUP BY key HAVING count(*) > 1),
            counted AS (
                SELECT k.*, 1 AS occurrence FROM keyed k ANTI JOIN repeated USING (key)
                UNION ALL
                SELECT k.*, row_number() OVER (PARTITION BY fingerprint ORDER BY line) FROM keyed k SEMI JOIN repeated USING (key)),
            stored AS (SELECT fingerprint, occurrence FROM entries WHERE entry_date BETWEEN ? AND ?)
            SELECT c.entry_date, c.amount, c.stream, c.counterparty, c.municipality_code, c.description,
                   c.reference, ?, c.fingerprint, c.occurrence
            FROM counted c
            ANTI JOIN stored e ON e.fingerprint = c.fingerprint AND e.occurrence = c.occurrence""",
            [first, last, import_id],
        ).fetchall()[0][0] if total else 0
    finally:
        if registered:
            con.unregister("_staging")
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
    """Remove every trace of the demo enterprise (entries, agreements, costs, scenarios, placements, contacts, settings)."""
    statements = (
        "DELETE FROM entries WHERE import_id IN (SELECT id FROM imports WHERE is_demo)",
        "DELETE FROM imports WHERE is_demo",
        "UPDATE placements SET agreement_id = NULL WHERE agreement_id IN (SELECT id FROM agreements WHERE is_demo)",
        "DELETE FROM agreements WHERE is_demo",
        "DELETE FROM costs WHERE is_demo",
        "DELETE FROM scenarios WHERE is_demo",
        "DELETE FROM placements WHERE is_demo",
        "DELETE FROM contact_log WHERE is_demo",
        "UPDATE contact_log SET contact_id = NULL WHERE contact_id IN (SELECT id FROM contacts WHERE is_demo)",
        "DELETE FROM contacts WHERE is_demo",
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
