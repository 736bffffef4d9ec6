"""One unit of benchmark work in a fresh interpreter, timed inside, its timing printed as JSON on the last line.

    python -m bench.job import FILE DB           # seconomy's import into an existing (migrated) database
    python -m bench.job read_csv KIND FILE DB    # DuckDB's read_csv of the same file into a table of a new database

The parent (bench.common.measure) measures the whole process around it: wall time and peak memory. So each run
gives both the in-process time of the work and what the user waits for and pays in memory. The reference imports
nothing but duckdb; KIND selects its read_csv options (the Danish ones for the same file).
"""

from __future__ import annotations

import json
import sys
import time

# read_csv of the same file, with the options and types a Danish export needs (the reference's whole work).
LEDGER = """CREATE TABLE ledger AS SELECT * FROM read_csv(?, delim = ';', header = true, decimal_separator = ',',
    dateformat = '%d-%m-%Y', columns = {'Dato': 'DATE', 'Bilag': 'VARCHAR', 'Tekst': 'VARCHAR', 'Kunde': 'VARCHAR',
    'Kommune': 'VARCHAR', 'Kategori': 'VARCHAR', 'Beløb': 'DECIMAL(14,2)'})"""
# A bank's amounts have thousands dots ('1.935,78'), which read_csv cannot type: read as text, then cast.
BANK = """CREATE TABLE statement AS SELECT "Dato", "Kategori", "Underkategori", "Tekst",
    CAST(replace(replace("Beløb", '.', ''), ',', '.') AS DECIMAL(14,2)) AS "Beløb",
    CAST(replace(replace("Saldo", '.', ''), ',', '.') AS DECIMAL(14,2)) AS "Saldo", "Status", "Afstemt"
    FROM read_csv(?, delim = ';', quote = '"', header = true, encoding = 'latin-1', dateformat = '%d.%m.%Y',
    columns = {'Dato': 'DATE', 'Kategori': 'VARCHAR', 'Underkategori': 'VARCHAR', 'Tekst': 'VARCHAR', 'Beløb': 'VARCHAR',
               'Saldo': 'VARCHAR', 'Status': 'VARCHAR', 'Afstemt': 'VARCHAR'})"""
SAFT_LINES = """CREATE TABLE lines AS SELECT * FROM read_csv(?, delim = ';', header = true, dateformat = '%Y-%m-%d',
    columns = {'line': 'BIGINT', 'date': 'DATE', 'amount': 'DECIMAL(14,2)', 'account': 'VARCHAR', 'account_name': 'VARCHAR',
               'account_type': 'VARCHAR', 'counterparty': 'VARCHAR', 'description': 'VARCHAR', 'reference': 'VARCHAR'})"""
READ_CSV = {"ledger": LEDGER, "bank": BANK, "saft_lines": SAFT_LINES}


def import_job(path: str, db: str) -> dict:
    from pathlib import Path

    from seconomy import store
    from seconomy.ingest.importer import import_file

    steps: dict[str, float] = {}
    start = time.perf_counter()

    def progress(_fraction: float, step: str) -> None:  # when each step of the import begins
        steps.setdefault(step, time.perf_counter() - start)

    con = store.connect(db)
    outcome = import_file(con, path, Path(path).name, progress=progress).outcome
    steps["close"] = time.perf_counter() - start
    con.close()  # the checkpoint belongs to the work: the data is in the file only then
    seconds = time.perf_counter() - start
    marks = [("read", "check"), ("check", "checked"), ("write", "done"), ("close", None)]
    spent = {name: (steps.get(end) if end else seconds) - steps[name] for name, end in marks
             if name in steps and (end is None or end in steps)}
    return {"seconds": seconds, "added": outcome.rows_added, "present": outcome.rows_present,
            "costs": outcome.costs_added, "steps": spent}


def read_csv_job(kind: str, path: str, db: str) -> dict:
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect(db, config={"threads": 2})
    con.execute("SET enable_progress_bar = false")
    con.execute(READ_CSV[kind], [path])
    con.close()
    return {"seconds": time.perf_counter() - start}


def main(argv: list[str]) -> int:
    kind, *args = argv
    report = import_job(*args) if kind == "import" else read_csv_job(*args)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
