"""Issue 8's files: a 1M-line SAF-T Financial DK file and a 1M-row Danske Bank CSV, beside DuckDB's own reading.

- SAF-T: the reference is DuckDB's read_csv of the very same ledger lines written as a CSV (date, amount, account,
  its name and type, customer, text, document) into a table of a new database — what the data costs to load when
  it comes as text. The import parses the XML (streamed, entities off), looks up accounts and customers, and then
  stages and stores like any import: sales as income, expenses as costs.
- Danske Bank: the reference reads the same Windows-1252 file with DuckDB's read_csv (latin-1, ';', quoted,
  dd.mm.yyyy) and casts the amounts with thousands dots to DECIMAL(14,2) in the same statement.
"""

from __future__ import annotations

from bench.bench_import import compare, prepared
from bench.common import RUNS, WORK, Result, fresh, job, measure
from bench.files import write_bank, write_saft, write_saft_lines_csv

LINES = 1_000_000


def _pair(label: str, path, kind: str, reference_file, reference: str) -> list[Result]:
    db, ref_db = WORK / f"{kind}.duckdb", WORK / f"{kind}_ref.duckdb"
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(measure(job("import", str(path), str(prepared(db)))))
        theirs.append(measure(job("read_csv", kind, str(reference_file), str(fresh(ref_db)))))
    report = ours[0].report
    extra = f"; {report.get('added', 0):,} income rows, {report.get('costs', 0):,} cost rows"
    results = compare("books", label, ours, theirs, reference, path.stat().st_size / 1e6, False, extra)
    fresh(db), fresh(ref_db)
    return results


def run() -> list[Result]:
    saft, lines_csv, bank = WORK / "saft_1m.xml", WORK / "saft_1m_lines.csv", WORK / "danske_1m.csv"
    write_saft(saft, LINES)
    write_saft_lines_csv(lines_csv, LINES)
    results = _pair("SAF-T 1M lines", saft, "saft_lines", lines_csv, "DuckDB read_csv of the same lines as CSV")
    saft.unlink(), lines_csv.unlink()
    write_bank(bank, LINES)
    results += _pair("Danske Bank 1M rows", bank, "bank", bank, "DuckDB read_csv of the same file")
    bank.unlink()
    return results
