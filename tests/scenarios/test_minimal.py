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
    # 10.000 kr. over its 10 complete months, spread evenly (less than 24 months of history: no seasonal profile)
    assert result.monthly["baseline_income"].tolist() == [1000.0] * 3
    # −50 % → 500 kr. a month, received with 25 % VAT (the Jul–Dec VAT is due in March, after the horizon);
    # no costs, no opening cash: 625, 1.250, 1.875
    assert result.monthly["cash"].tolist() == [625.0, 1250.0, 1875.0]
    simulation = simulate(baseline, spec, runs=1000, seed=1)
    assert simulation.probability_negative_cash == 0.0
    answers = reverse_stress_all(baseline, spec)
    assert answers[1].result_cut is None  # there is no municipal income to cut
