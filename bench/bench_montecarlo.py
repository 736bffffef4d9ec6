"""Monte Carlo 10 000 runs × 36 months × 200 agreements, and a 5-shock scenario, beside same-run references.

The model is built the real way (50k synthetic entries, 200 agreements and two cost lines in an in-memory DuckDB,
then build_baseline over 36 months), so the figures include grouping, renewals, cuts, volatility and costs.
References measured in the same run, interleaved: a plain numpy core of the same shape for the Monte Carlo (draw
10 000 × 200 renewals, multiply by 200 × 36 amounts, cumulate), and the same scenario without shocks for the
5-shock scenario (what applying five shocks adds to computing a forecast).
"""

from __future__ import annotations

import numpy as np

from bench.common import RUNS, Result, interleaved, median, timed
from bench.dbs import add_plans
from bench.synth import staging_frame
from seconomy import store
from seconomy.forecast import build_baseline
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import parse_spec

SIMULATIONS, MONTHS, AGREEMENTS = 10_000, 36, 200
TARGET = 0.3  # seconds
SHOCKS = [
    {"municipality": "*", "change": -0.1, "from": "2027-07"},
    {"payer": "Kunde 001 ApS", "change": -1.0, "from": "2027-03"},
    {"stream": "foundation_grant", "change": -0.5, "from": "2027-01"},
    {"stream": "product_sale", "change": 0.15, "from": "2027-06"},
    {"municipality": "*", "change": -0.05, "from": "2028-01"},
]


def _model():
    con = store.connect(store.MEMORY)
    store.add_entries(con, staging_frame(50_000), file_name="bench")
    add_plans(con, AGREEMENTS)
    baseline = build_baseline(con, None, MONTHS)
    con.close()
    return baseline


def _numpy_core(amounts: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The bare vectorised core of the same shape: renewals drawn, summed over agreements, cumulated."""
    rng = np.random.default_rng(1)
    renewed = rng.random((SIMULATIONS, amounts.shape[0])) < p[None, :]
    return np.cumsum(renewed.astype(np.float64) @ amounts, axis=1)


def run() -> list[Result]:
    baseline = _model()
    spec = parse_spec({"months": MONTHS, "shocks": SHOCKS[:1]})
    shocked = parse_spec({"months": MONTHS, "shocks": SHOCKS})
    plain = parse_spec({"months": MONTHS, "shocks": []})
    agreements = int((baseline.lines["role"] == "agreement").sum())
    amounts = np.random.default_rng(2).uniform(0, 50_000_00, (AGREEMENTS, MONTHS))
    p = np.random.default_rng(3).uniform(0.3, 0.95, AGREEMENTS)
    simulated, core = interleaved(timed(lambda: simulate(baseline, spec, SIMULATIONS, seed=1)),
                                  timed(lambda: _numpy_core(amounts, p)), runs=RUNS, warmup=1)
    five, none = interleaved(timed(lambda: compute(baseline, shocked)), timed(lambda: compute(baseline, plain)),
                             runs=max(RUNS, 7), warmup=1)
    shape = f"{SIMULATIONS:,} runs × {MONTHS} months × {agreements} agreements ({len(baseline.lines)} lines)"
    return [
        Result("scenarios", "Monte Carlo: simulate()", median(simulated), "plain numpy core, same shape", median(core),
               target_value=TARGET, target_text=f"≤ {TARGET:g} s", note=shape, samples=simulated, reference_samples=core),
        Result("scenarios", "5-shock scenario: compute()", median(five), "the same scenario without shocks", median(none),
               note="36 months, with waterfall, by payer and stream", samples=five, reference_samples=none),
    ]
