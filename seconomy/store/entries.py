"""Writing income entries and actual costs: one import is one transaction, recorded, deduplicated and undoable.

Deduplication on the typed values: a line is "already present" when an entry with the same date, amount,
counterparty, description and reference — and the same occurrence number, its count among equal lines of its
file — is stored. So an export that overlaps an earlier one adds only the new lines, while two identical lines
inside one file stay two entries. Nothing derived is stored for it; a 64-bit hash of the values only narrows the
comparison, which is on the values themselves.

Entries carry what the import resolved (seconomy.ingest.classify): the payer, the municipality and the stream,
and what decided each; every figure groups by those stored columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from seconomy.ingest.cpr import mask
from seconomy.ingest.sql import blank_to_null
from seconomy.store.sql import ident
from seconomy.store.tx import transaction

# Columns of the staging frame or table handed to add_entries. amount_ore is the amount in øre (int64): exact,
# and fast to move; SQL turns it into DECIMAL(14,2). RESOLVED columns may be missing (the demo's own frame):
# the payer then follows the payer rule from the municipality and the counterparty.
STAGING_COLUMNS = (
    "line", "entry_date", "amount_ore", "stream", "counterparty",
    "municipality_code", "description", "reference",
)
RESOLVED = ("payer", "account", "stated_stream", "stated_code", "stream_by", "municipality_by", "payer_by")
COST_COLUMNS = ("line", "entry_date", "amount_ore", "counterparty", "category", "account", "description", "reference")
_VALUES = "entry_date, amount, counterparty, description, reference"
_SAME = ("e.key = c.key AND e.occurrence = c.occurrence AND e.entry_date = c.entry_date AND e.amount = c.amount "
         "AND e.counterparty IS NOT DISTINCT FROM c.counterparty AND e.description IS NOT DISTINCT FROM c.description "
         "AND e.reference IS NOT DISTINCT FROM c.reference")


@dataclass(frozen=True)
class ImportOutcome:
    import_id: int | None
    rows_added: int
    rows_present: int
    rows_rejected: int
    costs_added: int = 0
    costs_present: int = 0


@dataclass(frozen=True)
class Recorded:
    """What the import history keeps about a file beyond its rows (the import's own summary)."""

    layout: str | None = None
    income_total_ore: int | None = None
    cost_total_ore: int | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    closing_balance: tuple[object, int] | None = None  # (date, øre)


def _columns(con: duckdb.DuckDBPyConnection, staging: pd.DataFrame | str) -> set[str]:
    if isinstance(staging, str):
        return {c for (c,) in con.execute(f"SELECT column_name FROM (DESCRIBE {ident(staging)})").fetchall()}
    return set(staging.columns)


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
    costs: pd.DataFrame | str | None = None,
    recorded: Recorded = Recorded(),
    also: Sequence[Callable[[duckdb.DuckDBPyConnection], None]] = (),
) -> ImportOutcome:
    """Store the staged lines (income, and ``costs``) that are not yet present, and record the import, in one transaction.

    ``staging`` is a frame with STAGING_COLUMNS (and optionally RESOLVED) or the name of a table (or view) with them
    on ``con``: a million-row import stays inside DuckDB instead of crossing into pandas and back. ``costs`` likewise
    with COST_COLUMNS (amount_ore negative for money out). ``remove_demo_first`` deletes the demo enterprise in the
    same transaction, so a user's first real import never mixes with the demo and a failure leaves the demo in place;
    ``also`` are further writes that belong to the same transaction (remembered mappings, the dataset flag).
    """
    for source, needed in ((staging, STAGING_COLUMNS), (costs, COST_COLUMNS)):
        if isinstance(source, str) and not ident(source):
            raise ValueError(f"not a table name: {source!r}")
        if source is not None:
            missing = set(needed) - _columns(con, source)
            if missing:
                raise ValueError(f"staging lacks columns {sorted(missing)}")
    with transaction(con, dry_run=dry_run):
        if remove_demo_first:
            remove_demo(con)
        import_id = _record(con, mask(file_name), sha256, fmt, rows_rejected, is_demo, recorded)
        if remove_demo_first:
            con.execute("UPDATE imports SET replaced_demo = true WHERE id = ?", [import_id])
        added, total = _with(con, staging, "_staging", lambda name: _insert_income(con, name, import_id))
        cost_added, cost_total = _with(con, costs, "_staging_costs", lambda name: _insert_costs(con, name, import_id)) \
            if costs is not None else (0, 0)
        con.execute("UPDATE imports SET rows_added = ?, rows_present = ?, costs_added = ? WHERE id = ?",
                    [added, total - added, cost_added, import_id])
        for write in also:
            write(con)
    return ImportOutcome(None if dry_run else import_id, added, total - added, rows_rejected, cost_added,
                         cost_total - cost_added)


def _record(con, file_name, sha256, fmt, rows_rejected, is_demo, recorded: Recorded) -> int:
    balance_date, balance = recorded.closing_balance or (None, None)
    return con.execute(
        """INSERT INTO imports (file_name, sha256, format, rows_rejected, is_demo, kind, layout, income_total, cost_total,
                                skipped, closing_balance, closing_balance_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS DECIMAL(18,0)) / 100, CAST(? AS DECIMAL(18,0)) / 100, ?,
                   CAST(? AS DECIMAL(18,0)) / 100, ?) RETURNING id""",
        [file_name, sha256, fmt, rows_rejected, is_demo, "demo" if is_demo else "import", recorded.layout,
         recorded.income_total_ore, recorded.cost_total_ore, json.dumps(recorded.skipped) if recorded.skipped else None,
         balance, balance_date],
    ).fetchall()[0][0]


def _with(con, source: pd.DataFrame | str, name: str, work: Callable[[str], tuple[int, int]]) -> tuple[int, int]:
    """Run ``work`` on a table name: the staging table itself, or the frame registered for the moment."""
    if isinstance(source, str):
        return work(source)
    con.register(name, source)
    try:
        return work(name)
    finally:
        con.unregister(name)


def _span(con, source: str) -> tuple[int, object, object]:
    return tuple(con.execute("SELECT count(*), min(entry_date), max(entry_date) FROM " + ident(source)).fetchall()[0])


def _resolved(con, source: str) -> str:
    """The resolved columns of the staging, or what the payer rule gives when the staging has none."""
    present = _columns(con, source)
    value = {
        "payer": "payer" if "payer" in present else "payer_key(CAST(municipality_code AS SMALLINT), counterparty)",
        "account": "account" if "account" in present else "CAST(NULL AS VARCHAR)",
        "stated_stream": "stated_stream" if "stated_stream" in present else "stream",
        "stated_municipality_code": "CAST(stated_code AS SMALLINT)" if "stated_code" in present
        else "CAST(municipality_code AS SMALLINT)",
        "stream_by": "stream_by" if "stream_by" in present else "'column'",
        "municipality_by": "municipality_by" if "municipality_by" in present
        else "CASE WHEN municipality_code IS NOT NULL THEN 'column' END",
        "payer_by": "payer_by" if "payer_by" in present
        else "CASE WHEN municipality_code IS NOT NULL THEN 'municipality' ELSE 'counterparty' END",
    }
    return ", ".join(f"{expression} AS {name}" for name, expression in value.items())


def _canonical(column: str, *, required: bool = False) -> str:
    """A stored text as the import reads it back: without surrounding blanks, and NULL when empty.

    Why here too: an entry written by any path (the demo, a test, an import) must compare equal to the same line
    read from an export of it, or re-importing the export would add it twice (README: round trips are exact).
    A required text that is only blanks stays as it is (the import refuses such a line before it gets here).
    """
    canonical = blank_to_null(ident(column))
    return f"coalesce({canonical}, {ident(column)})" if required else canonical


def _counted(typed: str) -> str:
    """Number equal lines within the file (their occurrence); only lines whose values' hash repeats need the window.

    A unique hash means unique values, so numbering only the repeated hashes is exact and spares a window over a
    million lines.
    """
    return f"""{typed},
keyed AS MATERIALIZED (SELECT *, hash({_VALUES}) AS key FROM typed),
repeated AS (SELECT key FROM keyed GROUP BY key HAVING count(*) > 1),
counted AS (
    SELECT k.*, 1 AS occurrence FROM keyed k ANTI JOIN repeated USING (key)
    UNION ALL
    SELECT k.*, row_number() OVER (PARTITION BY {_VALUES} ORDER BY line) FROM keyed k SEMI JOIN repeated USING (key))"""


def _insert_income(con, source: str, import_id: int) -> tuple[int, int]:
    """One INSERT … ANTI JOIN: occurrence and the 'already present' test in a single statement; (added, total)."""
    total, first, last = _span(con, source)
    if not total:
        return 0, 0
    typed = f"""WITH typed AS NOT MATERIALIZED (
    SELECT line, CAST(entry_date AS DATE) AS entry_date,
           CAST(CAST(amount_ore AS DECIMAL(18,0)) / 100 AS DECIMAL(14,2)) AS amount,
           stream, {_canonical('counterparty', required=True)} AS counterparty,
           CAST(municipality_code AS SMALLINT) AS municipality_code,
           {_canonical('description')} AS description, {_canonical('reference')} AS reference, {_resolved(con, source)}
    FROM {ident(source)})"""
    added = con.execute(
        f"""INSERT INTO entries BY NAME
        {_counted(typed)},
        stored AS (SELECT hash({_VALUES}) AS key, {_VALUES}, occurrence FROM entries WHERE entry_date BETWEEN ? AND ?)
        SELECT c.* EXCLUDE (line, key), CAST(? AS INTEGER) AS import_id
        FROM counted c ANTI JOIN stored e ON {_SAME}""",
        [first, last, import_id],
    ).fetchall()[0][0]
    return int(added), int(total)


def _insert_costs(con, source: str, import_id: int) -> tuple[int, int]:
    """Actual costs (money out as a positive cost), deduplicated like income; (added, total)."""
    total, first, last = _span(con, source)
    if not total:
        return 0, 0
    typed = f"""WITH typed AS NOT MATERIALIZED (
    SELECT line, CAST(entry_date AS DATE) AS entry_date,
           CAST(CAST(-amount_ore AS DECIMAL(18,0)) / 100 AS DECIMAL(14,2)) AS amount,
           {_canonical('counterparty')} AS counterparty, nullif(category, '') AS category, nullif(account, '') AS account,
           {_canonical('description')} AS description, {_canonical('reference')} AS reference
    FROM {ident(source)})"""
    added = con.execute(
        f"""INSERT INTO actual_costs BY NAME
        {_counted(typed)},
        stored AS (SELECT hash({_VALUES}) AS key, {_VALUES}, occurrence FROM actual_costs WHERE entry_date BETWEEN ? AND ?)
        SELECT c.* EXCLUDE (line, key), CAST(? AS INTEGER) AS import_id
        FROM counted c ANTI JOIN stored e ON {_SAME}""",
        [first, last, import_id],
    ).fetchall()[0][0]
    return int(added), int(total)


def undo_import(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Undo one import (its entries and costs go) or one reclassification (the earlier resolution returns); return
    how many entries were removed or restored."""
    found = con.execute("SELECT undone_at, kind FROM imports WHERE id = ?", [import_id]).fetchall()
    if not found:
        raise KeyError(import_id)
    with transaction(con):
        if found[0][1] == "reclassify":
            touched = _restore(con, import_id)
        else:
            touched = len(con.execute("DELETE FROM entries WHERE import_id = ? RETURNING 1", [import_id]).fetchall())
            con.execute("DELETE FROM actual_costs WHERE import_id = ?", [import_id])
        con.execute("UPDATE imports SET undone_at = current_localtimestamp() WHERE id = ?", [import_id])
    return touched


def _restore(con, import_id: int) -> int:
    """Put back what a reclassification changed: earlier resolutions, and the entries it excluded."""
    changed = con.execute(
        """UPDATE entries e SET stream = c.stream, municipality_code = c.municipality_code, payer = c.payer,
               stream_by = c.stream_by, municipality_by = c.municipality_by, payer_by = c.payer_by
           FROM entry_changes c WHERE c.import_id = ? AND c.entry_id = e.id RETURNING 1""", [import_id]).fetchall()
    back = con.execute("INSERT INTO entries BY NAME SELECT * EXCLUDE (removed_by) FROM entries_removed WHERE removed_by = ? "
                       "RETURNING 1", [import_id]).fetchall()
    con.execute("DELETE FROM entries_removed WHERE removed_by = ?", [import_id])
    return len(changed) + len(back)


def remove_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Remove every trace of the demo enterprise (entries, actual costs, agreements, applications, cost lines,
    scenarios, placements, contacts, settings), in one transaction or in the caller's."""
    statements = (
        "DELETE FROM entries WHERE import_id IN (SELECT id FROM imports WHERE is_demo)",
        "DELETE FROM actual_costs WHERE import_id IN (SELECT id FROM imports WHERE is_demo)",
        "DELETE FROM imports WHERE is_demo",
        "UPDATE placements SET agreement_id = NULL WHERE agreement_id IN (SELECT id FROM agreements WHERE is_demo)",
        "DELETE FROM agreements WHERE is_demo",
        "DELETE FROM applications WHERE is_demo",
        "DELETE FROM costs WHERE is_demo",
        "DELETE FROM scenarios WHERE is_demo",
        "DELETE FROM placements WHERE is_demo",
        "DELETE FROM contact_log WHERE is_demo",
        "UPDATE contact_log SET contact_id = NULL WHERE contact_id IN (SELECT id FROM contacts WHERE is_demo)",
        "DELETE FROM contacts WHERE is_demo",
        "DELETE FROM settings WHERE name IN ('opening_cash', 'cash_date', 'enterprise_name', 'dataset')",
    )
    with transaction(con):
        for sql in statements:
            con.execute(sql)


def has_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True while the database holds the demo enterprise."""
    return bool(con.execute("SELECT count(*) FROM imports WHERE is_demo").fetchall()[0][0])
