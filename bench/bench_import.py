"""Importing a 1,000,000-row Danish ledger CSV, beside DuckDB loading the same file on the same run.

The file looks like a real export: semicolons, decimal commas with thousands dots, dd-mm-yyyy, Danish
headers, invoice texts of 20–40 characters, 40 municipalities written by name, 400 private customers
and public bodies named only in the counterparty (inferred). The reference is DuckDB's own read_csv of
the file into a table of a fresh database file (what "loading the file" costs at the least); the
import does that and more: it checks every row, infers municipalities, deduplicates and records the
import in one transaction. Target: within 2x the reference. A second reference, read_csv into memory,
is shown for scale.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import duckdb

from bench.common import Result
from seconomy import store
from seconomy.ingest.importer import import_file, preview
from seconomy.paths import KOMMUNER_CSV

ROWS = int(os.environ.get("SECONOMY_BENCH_IMPORT_ROWS", 1_000_000))
REPEAT = 3


def write_ledger(path: Path, rows: int = ROWS) -> None:
    """A deterministic Danish ledger export of ``rows`` lines (written by DuckDB: a second, not a minute)."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute("CREATE TABLE m AS SELECT row_number() OVER () AS k, name FROM read_csv(?) LIMIT 40", [str(KOMMUNER_CSV)])
    con.execute(
        """COPY (
        WITH n AS (SELECT i, CAST(hash(i) % 1000000007 AS BIGINT) AS h FROM range(?) t(i)),
        l AS (SELECT i, h, (h % 100) < 45 AS municipal, (h // 7) % 40 + 1 AS k, (h // 11) % 400 AS c,
                     ((h // 13) % 4000000 + 5000) * CASE WHEN (h % 97) < 3 THEN -1 ELSE 1 END AS ore FROM n)
        SELECT strftime(DATE '2023-11-01' + CAST((h // 17) % 1095 AS INTEGER), '%d-%m-%Y') AS "Dato",
               'F' || (100000 + i) AS "Bilag",
               (['Faktura forløb uge ', 'Salg af kager og saft nr. ', 'Løntilskud for medarbejder ', 'Bevilling rate '])[1 + i % 4]
                   || (i % 52) AS "Tekst",
               CASE WHEN municipal THEN m.name || ' Kommune, Socialforvaltningen'
                    WHEN c < 8 THEN 'Jobcenter ' || (['Odense', 'Aarhus', 'Aalborg', 'Vejle'])[1 + c % 4]
                    ELSE 'Kunde ' || c || ' ApS' END AS "Kunde",
               CASE WHEN municipal THEN m.name ELSE '' END AS "Kommune",
               CASE WHEN municipal THEN (['Forløb', 'Løntilskud', 'Salg'])[1 + i % 3] WHEN c < 8 THEN 'Løntilskud'
                    ELSE (['Salg', 'Salg', 'Salg', 'Fond', 'Pulje', 'Andet'])[1 + i % 6] END AS "Kategori",
               translate(format('{:,.2f}', ore / 100), ',.', '.,') AS "Beløb"
        FROM l JOIN m USING (k) ORDER BY i)
        TO ? (DELIMITER ';', HEADER true)""",
        [rows, str(path)],
    )
    con.close()


def _fresh(path: Path) -> None:
    for suffix in ("", ".wal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _reference(csv_path: Path, db: Path) -> float:
    _fresh(db)
    start = time.perf_counter()
    con = duckdb.connect(str(db), config={"threads": 2})
    con.execute("CREATE TABLE ledger AS SELECT * FROM read_csv(?)", [str(csv_path)])
    con.close()
    return time.perf_counter() - start


def _in_memory(csv_path: Path) -> float:
    con = duckdb.connect(config={"threads": 2})
    start = time.perf_counter()
    con.execute("CREATE TABLE ledger AS SELECT * FROM read_csv(?)", [str(csv_path)])
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def _import(csv_path: Path, db: Path, again: bool = False) -> tuple[float, int]:
    if not again:
        _fresh(db)
        with store.session(db):  # the user's database exists before they import (migrations not timed)
            pass
    start = time.perf_counter()
    con = store.connect(db)
    outcome = import_file(con, csv_path, csv_path.name).outcome
    con.close()
    return time.perf_counter() - start, outcome.rows_added


def _preview(csv_path: Path, db: Path) -> float:
    con = store.connect(db)
    start = time.perf_counter()
    preview(con, csv_path, csv_path.name)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="seconomy-bench-") as tmp:
        csv_path, db, ref_db = Path(tmp) / "ledger.csv", Path(tmp) / "import.duckdb", Path(tmp) / "reference.duckdb"
        write_ledger(csv_path)
        size = csv_path.stat().st_size / 1e6
        reference = min(_reference(csv_path, ref_db) for _ in range(REPEAT))
        memory = min(_in_memory(csv_path) for _ in range(REPEAT))
        imports = [_import(csv_path, db) for _ in range(REPEAT)]
        seconds, added = min(imports)
        again, _ = _import(csv_path, db, again=True)
        previews = min(_preview(csv_path, db) for _ in range(REPEAT))
    ref_name = "duckdb read_csv -> table in a db file"
    note = f"{ROWS:,} rows, {size:.0f} MB, {added:,} added"
    return [
        Result(f"import {ROWS:,}-row Danish CSV", seconds, ref_name, reference, target=2 * reference, note=note),
        Result(f"re-import same file (all {ROWS:,} present)", again, ref_name, reference, note="adds nothing"),
        Result("preview (parse and check, no write)", previews, ref_name, reference),
        Result("duckdb read_csv -> in-memory table", memory, ref_name, reference, note="for scale"),
    ]


if __name__ == "__main__":
    for result in run():
        print(result.line())
