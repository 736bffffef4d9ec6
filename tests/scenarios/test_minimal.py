"""A ledger with nothing else (no agreements, no costs, no cash): every path still works."""

from __future__ import annotations

import datetime as dt

from seconomy.forecast import build_baseline
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.results import compute
from seconomy.scenarios.reverse import reverse_stress_all
from seconomy.scenarios.spec import parse_spec
from seconomy.store import add_entries
from tests.forecast.fixtures import staging


def test_only_income(con):
    rows = [(dt.date(2026, m, 10), 100000, "product_sale", "Kunde A", None, "Salg", f"A{m}") for m in range(1, 11)]
    add_entries(con, staging(rows), file_name="a.csv")
    baseline = build_baseline(con, months=3)
    spec = parse_spec({"months": 3, "shocks": [{"payer": "Kunde A", "change": -0.5}]})
    result = compute(baseline, spec)
    assert result.totals["baseline_costs"] == 0 and result.opening_cash == 0
    # 10.000 kr. over the trailing 12 months, spread evenly (less than a year of history: no seasonal profile)
    assert result.monthly["baseline_income"].tolist() == [833.33] * 3
    # −50 %: 83.333 øre × 0,5 = 41.666,5 → 41.667 øre (half up); no costs, no opening cash
    assert result.monthly["cash"].tolist() == [416.67, 833.34, 1250.01]
    simulation = simulate(baseline, spec, runs=1000, seed=1)
    assert simulation.probability_negative_cash == 0.0
    answers = reverse_stress_all(baseline, spec)
    assert answers[1].result_cut is None  # there is no municipal income to cut
