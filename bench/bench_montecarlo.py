"""Monte Carlo speed: 10 000 runs × 36 months × 200 agreements, beside same-run references.

The model is built the real way (a synthetic ledger and 200 agreements in an in-memory DuckDB, then
build_baseline over 36 months), so the figure includes grouping, renewals, cuts, volatility and
costs. References measured in the same run: a plain numpy core of the same shape (draw 10 000 × 200
renewals, multiply by 200 × 36 amounts, cumulate) and the deterministic forecast of the scenario.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from bench.common import Result, best_of
from bench.synth import staging_frame
from seconomy import store
from seconomy.forecast import build_baseline
from seconomy.municipalities import all_municipalities
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import parse_spec

RUNS, MONTHS, AGREEMENTS = 10_000, 36, 200
TARGET = 0.5  # seconds


def _agreements(con, rng: np.random.Generator) -> None:
    codes = [m.code for m in all_municipalities()[:40]]
    for i in range(AGREEMENTS):
        start = dt.date(2023 + int(rng.integers(0, 3)), int(rng.integers(1, 13)), 1)
        end = dt.date(2026 + int(rng.integers(1, 4)), int(rng.integers(1, 13)), 28)
        common = dict(start_date=start, end_date=end, renewal_probability=float(rng.uniform(0.3, 0.95)), status="active")
        if i % 10 == 9:
            total = int(rng.integers(1, 10)) * 100000
            store.add_agreement(con, dict(stream="foundation_grant", counterparty=f"Fond {i}", total_amount=total,
                                          schedule="quarterly", **common))
        elif i % 5 == 4:
            store.add_agreement(con, dict(stream="wage_subsidy", counterparty=f"Jobcenter {i}", municipality_code=codes[i % 40],
                                          monthly_amount=int(rng.integers(5, 50)) * 1000, **common))
        else:
            store.add_agreement(con, dict(stream="municipal_contract", counterparty=f"Kommune {i}", municipality_code=codes[i % 40],
                                          placements=int(rng.integers(1, 8)), price=int(rng.integers(20, 40)) * 100, price_unit="week",
                                          **common))
    store.add_cost(con, dict(category="Løn", kind="fixed", monthly_amount=900000))
    store.add_cost(con, dict(category="Varer", kind="variable", stream="product_sale", share_of_income=0.35))
    store.set_setting(con, "opening_cash", "2000000")


def _model():
    rng = np.random.default_rng(11)
    con = store.connect(store.MEMORY)
    store.add_entries(con, staging_frame(50_000), file_name="bench")
    _agreements(con, rng)
    spec = parse_spec({"months": MONTHS, "shocks": [{"municipality": "*", "change": -0.1, "from": "2027-07"}]})
    baseline = build_baseline(con, None, MONTHS)
    con.close()
    return baseline, spec


def _numpy_core(amounts: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The bare vectorised core of the same shape: renewals drawn, summed over agreements, cumulated."""
    rng = np.random.default_rng(1)
    renewed = rng.random((RUNS, amounts.shape[0])) < p[None, :]
    return np.cumsum(renewed.astype(np.float64) @ amounts, axis=1)


def run() -> list[Result]:
    baseline, spec = _model()
    agreements = int((baseline.lines["role"] == "agreement").sum())
    renewals = int((baseline.lines["role"] == "renewal").sum())
    amounts = np.random.default_rng(2).uniform(0, 50_000_00, (AGREEMENTS, MONTHS))
    p = np.random.default_rng(3).uniform(0.3, 0.95, AGREEMENTS)
    simulated = best_of(lambda: simulate(baseline, spec, RUNS, seed=1), repeat=3)
    core = best_of(lambda: _numpy_core(amounts, p), repeat=3)
    deterministic = best_of(lambda: compute(baseline, spec), repeat=3)
    shape = f"{RUNS:,} runs × {MONTHS} months × {agreements} agreements ({renewals} renewals drawn, {len(baseline.lines)} lines)"
    return [
        Result("monte carlo: simulate()", simulated, "plain numpy core, same shape", core, TARGET, note=shape),
        Result("deterministic scenario: compute()", deterministic, "monte carlo / 10,000 runs", simulated / RUNS,
               note="one forecast with waterfall; reference = cost per simulated run"),
    ]
