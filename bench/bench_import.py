"""Importing a Danish ledger CSV of 100k and 1M rows (10M with BENCH_BIG=1), beside DuckDB's read_csv of the file.

The reference is what "loading the file" costs at the least: DuckDB's read_csv of the same file into a table of a
new database file, with the Danish options and types (``;``, decimal comma, dd-mm-yyyy, DECIMAL(14,2), DATE). The
import does that and more: every value checked and parsed, municipalities inferred, rules applied, payer resolved,
duplicates looked for on the typed values, one transaction with the import's record. Each run is a fresh process
into a fresh (migrated) database; the child times the work, the parent the whole process and its peak memory.
A re-import of the same file (every row already present) is measured at 100k and 1M.
"""

from __future__ import annotations

from pathlib import Path

from bench.common import BIG, RUNS, SIZES, WORK, Process, Result, fresh, job, measure, median, size_label
from bench.files import write_ledger
from seconomy import store

TARGET = 1.5  # × read_csv, and × DuckDB's peak memory at 10M


def prepared(db: Path) -> Path:
    """A fresh database as the user has it before importing: created and migrated (not timed)."""
    store.connect(fresh(db)).close()
    return db


def steps(runs: list[Process]) -> str:
    """The median time of each step of the import (reported by the child), e.g. 'read 0.9 s · check 5.1 s …'."""
    names = [n for n in ("read", "check", "write", "close") if all(n in r.report.get("steps", {}) for r in runs)]
    return " · ".join(f"{n} {median([r.report['steps'][n] for r in runs]):.2f} s" for n in names)


def compare(area: str, label: str, ours: list[Process], theirs: list[Process], reference: str, size_mb: float,
            big: bool, extra: str = "") -> list[Result]:
    """The three lines of an import: in process, whole process, peak memory."""
    memory_target = {"target_ratio": TARGET, "target_text": f"≤ {TARGET}× DuckDB's"} if big else \
        {"target_text": "(at 10M)" if BIG or label != size_label(1_000_000) else "(at 10M: BENCH_BIG=1)"}
    return [
        Result(area, f"{label}: import (in process)", median([r.inner for r in ours]), reference,
               median([r.inner for r in theirs]), target_ratio=TARGET, target_text=f"≤ {TARGET}×",
               note=f"{size_mb:,.0f} MB file; {steps(ours)}{extra}",
               samples=[r.inner for r in ours], reference_samples=[r.inner for r in theirs]),
        Result(area, f"{label}: import (whole process)", median([r.wall for r in ours]), f"{reference} (whole process)",
               median([r.wall for r in theirs]), target_ratio=TARGET, target_text=f"≤ {TARGET}×",
               note="Python start, imports, open, import, checkpoint", samples=[r.wall for r in ours],
               reference_samples=[r.wall for r in theirs]),
        Result(area, f"{label}: import peak memory", median([r.peak_mb for r in ours]), "DuckDB's read_csv peak",
               median([r.peak_mb for r in theirs]), unit="MB", note="whole process, resident", **memory_target),
    ]


def run() -> list[Result]:
    results = []
    for n in SIZES:
        label = f"ledger {size_label(n)} rows"
        path = WORK / f"ledger_{size_label(n)}.csv"
        write_ledger(path, n)
        db, ref_db = WORK / f"import_{size_label(n)}.duckdb", WORK / f"read_csv_{size_label(n)}.duckdb"
        ours, again, theirs = [], [], []
        for _ in range(RUNS):
            ours.append(measure(job("import", str(path), str(prepared(db)))))
            if n <= 1_000_000:
                again.append(measure(job("import", str(path), str(db))))  # every row already there
            theirs.append(measure(job("read_csv", "ledger", str(path), str(fresh(ref_db)))))
        added = ours[0].report.get("added")
        results += compare("import", label, ours, theirs, "DuckDB read_csv → table in a file", path.stat().st_size / 1e6,
                           n >= 10_000_000, f"; {added:,} rows added")
        if again:
            results.append(Result("import", f"{label}: re-import (all present)", median([r.inner for r in again]),
                                  "DuckDB read_csv → table in a file", median([r.inner for r in theirs]),
                                  note=f"adds {again[0].report.get('added')}; {steps(again)}",
                                  samples=[r.inner for r in again]))
        path.unlink()
        fresh(db), fresh(ref_db)
    return results
