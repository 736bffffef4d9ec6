"""Agreements: the monthly income schedule the forecast starts from, and an agreements file import.

References measured in the same run: DuckDB computing the contracts' placements × price grid set-based
(what a pure-SQL schedule would cost), and DuckDB's own read_csv of the same agreements file.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from decimal import Decimal
from pathlib import Path

from bench.common import RUNS, Result, interleaved, median, timed
from seconomy import store
from seconomy.agreements import files
from seconomy.agreements.terms import agreement_income

MONTHS = 36
FIRST = dt.date(2027, 1, 1)
SCHEDULES = ("monthly", "quarterly", "half_yearly", "yearly", "upfront")
CODES = (101, 147, 151, 153, 157, 159, 161, 163, 165, 167)

_REFERENCE_SQL = """SELECT a.id, (DATE '2027-01-01' + to_months(r.range))::DATE AS month,
    round(a.placements * a.price * CASE WHEN a.price_unit = 'week'
        THEN day(last_day(DATE '2027-01-01' + to_months(r.range))) / 7 ELSE 1 END, 2) AS amount
    FROM agreements a, range(36) r WHERE a.price IS NOT NULL"""


def _agreements(n: int, seed: int = 11) -> list[dict]:
    """n plausible agreements: three in four municipal contracts, one in four grants."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        if i % 4 == 0:
            start = dt.date(2026, rng.randint(1, 12), 1)
            rows.append({"stream": "foundation_grant", "counterparty": f"Fond {i}", "schedule": rng.choice(SCHEDULES),
                         "total_amount": Decimal(rng.randint(50, 900) * 1000), "start_date": start,
                         "end_date": dt.date(2028, 12, 31), "renewal_probability": 0.5})
        else:
            rows.append({"stream": "municipal_contract", "counterparty": f"Kommune {i}", "municipality_code": rng.choice(CODES),
                         "placements": Decimal(rng.randint(1, 6)), "price": Decimal(rng.randint(20, 100) * 100),
                         "price_unit": rng.choice(("week", "month")), "start_date": dt.date(2025, 1, 1),
                         "end_date": dt.date(2028, rng.randint(1, 12), 28), "renewal_probability": 0.8})
    return rows


def run() -> list[Result]:
    con = store.connect(store.MEMORY)
    for row in _agreements(200):
        store.add_agreement(con, row)
    ours, grid = interleaved(timed(lambda: agreement_income(con, FIRST, MONTHS)),
                             timed(lambda: con.execute(_REFERENCE_SQL).fetchall()), runs=RUNS, warmup=1)
    results = [Result("agreements", "agreements: income schedule 200 agr. × 36 months", median(ours),
                      "duckdb: contracts' price grid (SQL)", median(grid), target_value=0.25, target_text="≤ 0.25 s",
                      note="exact Decimal, pro rata, grant schedules", samples=ours, reference_samples=grid)]
    for row in _agreements(800, seed=12):
        store.add_agreement(con, row)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agreements.csv"
        files.export_file(con, path, "da")
        ours, read = interleaved(timed(lambda: files.import_file(con, path, dry_run=True)),
                                 timed(lambda: con.read_csv(str(path)).fetchall()), runs=RUNS, warmup=1)
        results.append(Result("agreements", "agreements: import 1,000-line CSV (dry run)", median(ours),
                              "duckdb: read_csv of the same file", median(read), note="read, validate every field, diff, roll back",
                              samples=ours, reference_samples=read))
    con.close()
    return results
