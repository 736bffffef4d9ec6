"""Re-applying the rules to the stored entries: one transaction, in the import history, undoable.

Why: rules change after the first import (an edit in the preview, a new "Velux Fonden → foundation grant" rule).
The stored entries keep what their file stated (``stated_stream``, ``stated_municipality_code``) beside what was
resolved, so the same classification (seconomy.ingest.classify) runs again over them: a changed stream,
municipality or payer is written back, an entry a new exclusion rule matches is removed. The earlier values (and
removed entries) are kept with the reclassification's history row, so ``undo`` puts them back.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.errors import InputError
from seconomy.ingest.classify import Context, Own, classify
from seconomy.ingest.payers import PUBLIC_WORDS, infer_municipality
from seconomy.ingest.rules import Rule, stored_rules
from seconomy.ingest.staging import EXTRA_TEXT, PARSED, STAGED
from seconomy.settings import get_settings
from seconomy.store.sql import ident
from seconomy.store.tx import transaction

DIFF = "_reclassified"


@dataclass(frozen=True)
class Reclassified:
    import_id: int | None  # None on a dry run
    checked: int
    changed: int  # entries whose stream, municipality or payer changed
    excluded: int  # entries a rule now excludes (removed)
    by_stream: pd.DataFrame  # stream before, stream after, entries, amount


def _public_bodies(con: duckdb.DuckDBPyConnection) -> None:
    rows = [(c, infer_municipality(c)) for (c,) in con.execute(
        "SELECT DISTINCT counterparty FROM entries WHERE regexp_matches(counterparty, ?)", [PUBLIC_WORDS]).fetchall()]
    frame = pd.DataFrame([r for r in rows if r[1]], columns=["counterparty", "code"]).astype({"counterparty": object})
    con.register("_bodies_frame", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _bodies AS SELECT CAST(counterparty AS VARCHAR) AS counterparty, "
                    "CAST(code AS SMALLINT) AS code FROM _bodies_frame")
    finally:
        con.unregister("_bodies_frame")


def _parsed_from_entries(con: duckdb.DuckDBPyConnection) -> None:
    """The stored entries as the classification reads parsed lines (what the files stated, not what was resolved)."""
    extras = ", ".join(f"CAST(NULL AS VARCHAR) AS {ident(c)}" for c in EXTRA_TEXT)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {ident(PARSED)} AS
        SELECT e.id AS line, e.entry_date, CAST(e.amount * 100 AS BIGINT) AS amount_ore, e.stated_stream,
               CASE WHEN e.stated_stream IS NOT NULL AND e.stream_by NOT LIKE 'rule:%' THEN e.stream_by END AS stated_by,
               e.counterparty, e.stated_municipality_code AS stated_code, b.code AS cp_code, e.description, e.reference,
               e.account, e.account AS account_number, CAST(NULL AS VARCHAR) AS account_name,
               CAST(NULL AS VARCHAR) AS stream_from_account, CAST(NULL AS BIGINT) AS balance_ore,
               CAST(NULL AS VARCHAR) AS date_text, {extras}, true AS ok,
               CAST(NULL AS STRUCT(role VARCHAR, value VARCHAR, code VARCHAR)[]) AS problems
        FROM entries e LEFT JOIN _bodies b ON b.counterparty = e.counterparty""")


def _diff(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {ident(DIFF)} AS
        SELECT e.id, e.amount, e.stream AS old_stream, s.stream AS new_stream, s.kind, s.excluded_by,
               e.municipality_code IS DISTINCT FROM s.municipality_code OR e.stream IS DISTINCT FROM s.stream
               OR e.payer IS DISTINCT FROM s.payer AS changed,
               s.stream, s.municipality_code, s.payer, s.stream_by, s.municipality_by, s.payer_by
        FROM entries e JOIN {ident(STAGED)} s ON s.line = e.id""")


def reclassify(con: duckdb.DuckDBPyConnection, *, rules: tuple[Rule, ...] | None = None, dry_run: bool = False) -> Reclassified:
    """Apply the (stored, or given) rules to every stored entry; record it as one undoable step."""
    if not con.execute("SELECT count(*) FROM entries").fetchall()[0][0]:
        raise InputError("there are no entries to reclassify: import a file first", code="reclassify.empty")
    _public_bodies(con)
    _parsed_from_entries(con)
    own = Own.from_settings(get_settings(con))
    classify(con, Context(rules if rules is not None else stored_rules(con), own=own))
    _diff(con)
    summary = con.execute(f"""SELECT count(*), count(*) FILTER (WHERE changed AND kind = 'income'),
                                     count(*) FILTER (WHERE kind = 'excluded') FROM {ident(DIFF)}""").fetchall()[0]
    by_stream = con.execute(f"""SELECT old_stream, CASE WHEN kind = 'excluded' THEN NULL ELSE new_stream END AS new_stream,
                                       count(*) AS entries, sum(amount) AS amount
                                FROM {ident(DIFF)} WHERE changed OR kind = 'excluded' GROUP BY ALL ORDER BY entries DESC""").df()
    import_id = None if dry_run else _write(con)
    for table in (DIFF, STAGED, PARSED, "_bodies"):
        con.execute(f"DROP TABLE IF EXISTS {ident(table)}")
    return Reclassified(import_id, int(summary[0]), int(summary[1]), int(summary[2]), by_stream)


def _write(con: duckdb.DuckDBPyConnection) -> int:
    """Write the changes, keeping the earlier values with the history row (one transaction)."""
    with transaction(con):
        import_id = con.execute("INSERT INTO imports (file_name, format, kind, layout) VALUES ('reclassify', 'rules', "
                                "'reclassify', 'rules') RETURNING id").fetchall()[0][0]
        con.execute(f"""INSERT INTO entry_changes SELECT ?, e.id, e.stream, e.municipality_code, e.payer, e.stream_by,
                               e.municipality_by, e.payer_by
                        FROM entries e JOIN {ident(DIFF)} d ON d.id = e.id WHERE d.changed AND d.kind = 'income'""", [import_id])
        changed = con.execute(f"""UPDATE entries e SET stream = d.stream, municipality_code = d.municipality_code,
                                         payer = d.payer, stream_by = d.stream_by, municipality_by = d.municipality_by,
                                         payer_by = d.payer_by
                                  FROM {ident(DIFF)} d WHERE d.id = e.id AND d.changed AND d.kind = 'income'
                                  RETURNING 1""").fetchall()
        con.execute(f"""INSERT INTO entries_removed BY NAME SELECT ? AS removed_by, e.* FROM entries e
                        JOIN {ident(DIFF)} d ON d.id = e.id WHERE d.kind = 'excluded'""", [import_id])
        removed = con.execute(f"DELETE FROM entries WHERE id IN (SELECT id FROM {ident(DIFF)} WHERE kind = 'excluded') "
                              "RETURNING 1").fetchall()
        con.execute("UPDATE imports SET rows_added = ?, rows_present = ? WHERE id = ?", [len(changed), len(removed), import_id])
    return import_id
