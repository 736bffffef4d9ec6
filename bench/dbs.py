"""The benchmark databases: n synthetic entries with agreements, cost lines and cash, built once per bench run.

Built by ``store.add_entries`` from ``bench.synth.staging_frame`` (40 municipalities, 400 customers, three years),
then 200 agreements, two cost lines and the opening cash, so every page (Scenarios included) has what it needs.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np

from bench.common import WORK, size_label
from bench.synth import staging_frame
from seconomy import store
from seconomy.municipalities import all_municipalities

AGREEMENTS = 200
_BUILT: dict[int, tuple[Path, float]] = {}


def add_plans(con, agreements: int = AGREEMENTS, seed: int = 11) -> None:
    """``agreements`` contracts, wage subsidies and grants, a fixed and a variable cost line, and the cash."""
    rng = np.random.default_rng(seed)
    codes = [m.code for m in all_municipalities()[:40]]
    for i in range(agreements):
        start = dt.date(2023 + int(rng.integers(0, 3)), int(rng.integers(1, 13)), 1)
        end = dt.date(2026 + int(rng.integers(1, 4)), int(rng.integers(1, 13)), 28)
        common = dict(start_date=start, end_date=end, renewal_probability=float(rng.uniform(0.3, 0.95)), status="active")
        if i % 10 == 9:
            store.add_agreement(con, dict(stream="foundation_grant", counterparty=f"Fond {i}", schedule="quarterly",
                                          total_amount=int(rng.integers(1, 10)) * 100000, **common))
        elif i % 5 == 4:
            store.add_agreement(con, dict(stream="wage_subsidy", counterparty=f"Jobcenter {i}", municipality_code=codes[i % 40],
                                          monthly_amount=int(rng.integers(5, 50)) * 1000, **common))
        else:
            store.add_agreement(con, dict(stream="municipal_contract", counterparty=f"Kommune {i}", municipality_code=codes[i % 40],
                                          placements=int(rng.integers(1, 8)), price=int(rng.integers(20, 40)) * 100,
                                          price_unit="week", **common))
    store.add_cost(con, dict(category="Løn", kind="fixed", monthly_amount=900000))
    store.add_cost(con, dict(category="Varer", kind="variable", stream="product_sale", share_of_income=0.35))
    store.set_setting(con, "opening_cash", "2000000")


def entries_db(n: int) -> tuple[Path, float]:
    """The database with ``n`` entries (and the seconds it took to build), made on first use."""
    if n not in _BUILT:
        path = WORK / f"entries_{size_label(n)}.duckdb"
        started = time.perf_counter()
        with store.session(path) as con:
            con.execute("SET enable_progress_bar = false")
            for offset in range(0, n, 1_000_000):  # in slices: a 10M frame at once would need gigabytes
                part = staging_frame(min(1_000_000, n - offset), seed=7 + offset)
                part["line"] += offset
                part["reference"] = part["reference"] + f"-{offset}"
                store.add_entries(con, part, file_name=f"synthetic-{offset}")
            add_plans(con)
        _BUILT[n] = (path, time.perf_counter() - started)
    return _BUILT[n]
