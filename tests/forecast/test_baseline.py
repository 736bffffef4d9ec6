"""The baseline forecast on the tiny enterprise, checked against hand computation (tests/forecast/fixtures.py)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from seconomy.errors import ScenarioError
from seconomy.forecast import build_baseline
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import Spec


def _line(baseline, **where):
    meta = baseline.lines
    mask = np.ones(len(meta), dtype=bool)
    for column, value in where.items():
        mask &= (meta[column] == value).fillna(False).to_numpy(dtype=bool)
    assert mask.sum() == 1, f"expected one line for {where}, found {mask.sum()}"
    return meta[mask].iloc[0], baseline.amounts[mask][0] / 100


def test_forecast_starts_the_month_after_the_last_data_and_has_twelve_months_by_default(tiny):
    baseline = build_baseline(tiny)
    assert baseline.months[0] == dt.date(2027, 1, 1) and len(baseline.report_months) == 12


def test_agreement_income_replaces_the_payers_run_rate_in_its_stream(tiny):
    baseline = build_baseline(tiny)
    line, amounts = _line(baseline, key="Gladsaxe", stream="municipal_contract", role="agreement")
    assert line["source"].startswith("agreement:")
    # the agreement says 6.000 kr. a month until 2027-06; the ledger's 5.000 kr. a month is not used
    assert list(amounts) == [6000.0] * 6 + [0.0] * 6
    run_rates = baseline.lines[baseline.lines["role"].isin(["run_rate", "seasonal"])]
    assert not ((run_rates["key"] == "Gladsaxe") & (run_rates["stream"] == "municipal_contract")).any()


def test_uncovered_stream_of_the_same_municipality_keeps_its_run_rate(tiny):
    _, canteen = _line(build_baseline(tiny), key="Gladsaxe", stream="product_sale")
    assert list(canteen) == [300.0] * 12  # a flat own profile: 3.600 kr. a year spread evenly


def test_product_sales_follow_their_month_of_year_pattern(tiny):
    line, cafe = _line(build_baseline(tiny), key="Café A")
    assert line["source"] == "run_rate:12m:seasonal"
    # 15.000 kr. over the trailing 12 months, 2.000 kr. in June–August and 1.000 kr. otherwise
    assert list(cafe) == [1000.0] * 5 + [2000.0] * 3 + [1000.0] * 4


def test_a_one_off_gift_is_listed_and_left_out(tiny):
    baseline = build_baseline(tiny)
    assert "Fond X" not in set(baseline.lines["key"])
    # 1.200 kr. once in the last 12 complete months: 1 month of 12, fewer than the 6 a recurring income needs
    assert baseline.one_offs[["payer", "total", "months_paid", "kept"]].values.tolist() == [["Fond X", 1200.0, 1, False]]


def test_a_kept_one_off_recurs_at_its_trailing_rate(tiny):
    tiny.execute("INSERT INTO forecast_kept VALUES ('Fond X', 'other', 'Fond X')")
    line, gift = _line(build_baseline(tiny), key="Fond X")
    assert line["source"] == "run_rate:12m" and list(gift) == [100.0] * 12  # 1.200 kr. / 12 months


def test_pending_applications_and_uncertain_renewals_count_only_in_the_expected_line(tiny):
    baseline = build_baseline(tiny)
    contracted = baseline.lines[baseline.weights("contracted") > 0]
    assert set(contracted["role"]) == {"agreement", "seasonal"}  # 36 months of history: own (here flat) profiles
    _, pending = _line(baseline, key="Fond Y", role="pending")
    assert pending.sum() == 24000.0
    _, renewal = _line(baseline, key="Gladsaxe", role="renewal")
    assert list(renewal) == [0.0] * 6 + [6000.0] * 6
    expected = dict(zip(baseline.lines["role"], baseline.weights("expected"), strict=True))
    assert expected["pending"] == 0.5 and expected["renewal"] == 0.5


def test_certain_renewal_is_contracted(tiny):
    tiny.execute("UPDATE agreements SET renewal_probability = 1 WHERE stream = 'municipal_contract'")
    baseline = build_baseline(tiny)
    renewal = (baseline.lines["role"] == "renewal").to_numpy()
    assert (baseline.weights("contracted")[renewal] == 1).all()


def _no_terms_no_vat(con) -> None:
    """Cash = the cumulative result: every payment in its month, no VAT (the arithmetic of the tests below)."""
    con.execute("UPDATE settings SET value = '0' WHERE name LIKE 'payment_days_%'")
    for name in ("payment_days_municipal_contract", "payment_days_wage_subsidy"):
        con.execute("INSERT INTO settings VALUES (?, '0') ON CONFLICT (name) DO UPDATE SET value = '0'", [name])
    con.execute("INSERT INTO settings VALUES ('vat_streams', '') ON CONFLICT (name) DO UPDATE SET value = ''")


def test_monthly_income_costs_result_and_cash_match_the_hand_computation(tiny):
    _no_terms_no_vat(tiny)
    monthly = compute(build_baseline(tiny), Spec()).monthly
    # contracted: contract 6.000 until June + café (2.000 in Jun–Aug, else 1.000) + canteen 300
    assert list(monthly["contracted_income"]) == [7300.0] * 5 + [8300.0, 2300.0, 2300.0] + [1300.0] * 4
    # expected: + the pending grant ½ × 6.000 in Jan/Apr/Jul/Oct + the renewal ½ × 6.000 from July
    assert list(monthly["scenario_income"]) == [10300.0, 7300.0, 7300.0, 10300.0, 7300.0, 8300.0, 8300.0, 5300.0,
                                                4300.0, 7300.0, 4300.0, 4300.0]
    # costs: rent 4.000 + wage 1.000 until March + 10 % of product sales (café + canteen)
    assert list(monthly["costs"]) == [5130.0] * 3 + [4130.0] * 2 + [4230.0] * 3 + [4130.0] * 4
    result = [i - c for i, c in zip(monthly["scenario_income"], monthly["costs"], strict=True)]
    cash, running = [], 10000.0
    for r in result:
        running += r
        cash.append(running)
    assert list(monthly["cash"]) == cash


def test_cash_counts_only_months_after_the_cash_date(tiny):
    _no_terms_no_vat(tiny)
    tiny.execute("UPDATE settings SET value = '2027-02-28' WHERE name = 'cash_date'")
    monthly = compute(build_baseline(tiny), Spec()).monthly
    assert list(monthly["cash"][:3]) == [10000.0, 10000.0, 10000.0 + 7300.0 - 5130.0]


def test_a_later_start_carries_the_cash_of_the_months_before_it(tiny):
    _no_terms_no_vat(tiny)
    baseline = build_baseline(tiny, start=dt.date(2027, 3, 1), months=2)
    monthly = compute(baseline, Spec(start=dt.date(2027, 3, 1), months=2)).monthly
    assert list(monthly["month"]) == [dt.date(2027, 3, 1), dt.date(2027, 4, 1)]
    # 10.000 + Jan (10.300 − 5.130) + Feb (7.300 − 5.130) + Mar (7.300 − 5.130) | + Apr (10.300 − 4.130)
    assert list(monthly["cash"]) == [10000.0 + 5170.0 + 2170.0 + 2170.0, 10000.0 + 5170.0 + 2170.0 * 2 + 6170.0]


@pytest.mark.parametrize(("start", "months", "message"), [
    (None, 0, "between 1 and 36"), (None, 37, "between 1 and 36"),
    (dt.date(2026, 12, 1), 12, "before the first forecast month 2027-01"),
    (dt.date(2029, 6, 1), 12, "more than 24 months"),
])
def test_horizon_is_checked(tiny, start, months, message):
    with pytest.raises(ScenarioError, match=message):
        build_baseline(tiny, start=start, months=months)


def test_an_empty_database_has_no_forecast(con):
    with pytest.raises(ScenarioError, match="no income data"):
        build_baseline(con)
