"""Scenario invariants: no shocks = baseline, −100 % everywhere = no income, a payer shock touches only
that payer by exactly its fraction in exactly its months, and the documented order of composition."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy.errors import ScenarioError
from seconomy.forecast.months import month_range
from seconomy.scenarios.engine import apply, evaluate
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import Spec, parse_spec
from seconomy.streams import STREAMS

MONTH_PAIRS = ("baseline_income", "scenario_income"), ("baseline_costs", "costs"), ("baseline_result", "result"), \
    ("baseline_cash", "cash")


def _income(baseline, spec):
    applied = apply(baseline, spec)
    return applied, applied.amounts * applied.active[:, None]


def test_no_shocks_gives_exactly_the_baseline(demo_baseline):
    result = compute(demo_baseline, Spec())
    for base, scen in MONTH_PAIRS:
        assert result.monthly[base].tolist() == result.monthly[scen].tolist()
    assert (result.by_payer["baseline"] == result.by_payer["scenario"]).all()
    assert result.first_negative_cash_month == result.baseline_first_negative_cash_month
    assert result.waterfall["amount"].iloc[0] == result.waterfall["amount"].iloc[-1]


def test_minus_100_percent_on_every_stream_gives_zero_income_and_no_variable_costs(demo_baseline):
    present = [s for s in STREAMS if s in set(demo_baseline.lines["stream"])]  # every shock must match something
    spec = parse_spec({"shocks": [{"stream": s, "change": -1.0} for s in present]})
    result = compute(demo_baseline, spec)
    assert (result.monthly["scenario_income"] == 0).all()
    assert (result.by_payer["scenario"] == 0).all()
    variable = result.costs[result.costs["kind"] == "variable"]
    assert (variable["scenario"] == 0).all() and (variable["baseline"] > 0).all()


PAYERS = ["København", "Gladsaxe", "Café Solsikken", "Caféens kasse", "Spirefonden", "Herlev"]
MONTHS = month_range(dt.date(2026, 11, 1), 12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payer=st.sampled_from(PAYERS), change=st.floats(-1.0, 2.0, allow_nan=False),
       first=st.integers(0, 11), length=st.integers(1, 12))
def test_a_payer_shock_changes_only_that_payer_by_exactly_its_fraction_in_exactly_its_months(
        demo_baseline, payer, change, first, length):
    last = min(11, first + length - 1)
    spec = parse_spec({"shocks": [{"payer": payer, "change": change, "from": MONTHS[first].isoformat()[:7],
                                   "to": MONTHS[last].isoformat()[:7]}]})
    _, before = _income(demo_baseline, Spec())
    applied, after = _income(demo_baseline, spec)
    hit = (applied.lines["key"] == payer).to_numpy()
    in_range = np.zeros(len(MONTHS), dtype=bool)
    in_range[first:last + 1] = True
    assert np.array_equal(after[~hit], before[~hit]), "other payers changed"
    assert np.array_equal(after[hit][:, ~in_range], before[hit][:, ~in_range]), "months outside the shock changed"
    expected = before[hit][:, in_range] * (1 + change)
    assert np.abs(after[hit][:, in_range] - expected).max() <= 0.5  # exact to the øre (half-up rounding)


def test_payer_may_be_given_by_official_municipality_name(demo_baseline):
    short = compute(demo_baseline, parse_spec({"shocks": [{"payer": "København", "change": -0.3}]}))
    official = compute(demo_baseline, parse_spec({"shocks": [{"payer": "Københavns Kommune", "change": -0.3}]}))
    assert short.monthly.equals(official.monthly)


def test_all_municipalities_star_hits_every_municipal_line_and_nothing_else(demo_baseline):
    applied, after = _income(demo_baseline, parse_spec({"shocks": [{"municipality": "*", "change": -1.0}]}))
    municipal = applied.lines["municipality_code"].notna().to_numpy()
    _, before = _income(demo_baseline, Spec())
    assert (after[municipal] == 0).all() and np.array_equal(after[~municipal], before[~municipal])


def test_criteria_combine_with_and(demo_baseline):
    applied, after = _income(demo_baseline, parse_spec(
        {"shocks": [{"municipality": "København", "stream": "municipal_contract", "change": -1.0}]}))
    _, before = _income(demo_baseline, Spec())
    kbh = (applied.lines["key"] == "København").to_numpy()
    contract = (applied.lines["stream"] == "municipal_contract").to_numpy()
    assert (after[kbh & contract] == 0).all()
    assert np.array_equal(after[kbh & ~contract], before[kbh & ~contract]) and before[kbh & ~contract].sum() > 0


# Composition order on the tiny enterprise: Café A sells 1.000 kr. in January 2027.
def _cafe_january(tiny_baseline, shocks):
    applied, income = _income(tiny_baseline, parse_spec({"shocks": shocks}))
    return income[(applied.lines["key"] == "Café A").to_numpy()].sum(axis=0)[0] / 100


def test_relative_shocks_compound_in_order(tiny_baseline):
    assert _cafe_january(tiny_baseline, [{"payer": "Café A", "change": -0.5}, {"payer": "Café A", "change": -0.5}]) == 250.0


def test_shocks_apply_in_the_order_listed(tiny_baseline):
    cut_then_add = [{"payer": "Café A", "change": -0.5}, {"payer": "Café A", "amount": 1000}]
    add_then_cut = list(reversed(cut_then_add))
    assert _cafe_january(tiny_baseline, cut_then_add) == 1000 * 0.5 + 1000  # 1.500 kr.
    assert _cafe_january(tiny_baseline, add_then_cut) == (1000 + 1000) * 0.5  # 1.000 kr.


def test_a_negative_amount_never_takes_income_below_zero(tiny_baseline):
    assert _cafe_january(tiny_baseline, [{"payer": "Café A", "amount": -5000}]) == 0.0
    assert _cafe_january(tiny_baseline, [{"payer": "Café A", "amount": -400}]) == 600.0


def test_an_amount_from_someone_new_says_so(tiny_baseline):
    spec = parse_spec({"shocks": [{"counterparty": "Ny Fond", "stream": "foundation_grant", "amount": 2500, "from": "2027-03",
                                   "new": True}]})
    result = compute(tiny_baseline, spec)
    new = result.by_payer[result.by_payer["key"] == "Ny Fond"].iloc[0]
    assert new["baseline"] == 0 and new["scenario"] == 2500 * 10


def test_naming_a_pending_application_grants_it(tiny, tiny_baseline):
    pending = tiny.execute("SELECT id FROM agreements WHERE status = 'pending'").fetchall()[0][0]
    granted = compute(tiny_baseline, parse_spec({"shocks": [{"agreement": pending, "change": 0.0}]}))
    # contracted: the 24.000 kr. come in; expected: the half its 50 % chance left out comes too
    assert granted.totals["contracted_income"] - granted.totals["baseline_contracted_income"] == 24000_00
    assert granted.totals["scenario_income"] - granted.totals["baseline_income"] == 12000_00
    # a stream shock that happens to match the application does not grant it
    stream = compute(tiny_baseline, parse_spec({"shocks": [{"stream": "foundation_grant", "change": 0.5}]}))
    assert stream.totals["contracted_income"] == stream.totals["baseline_contracted_income"]


def test_variable_costs_follow_the_scenario_income(tiny_baseline):
    result = compute(tiny_baseline, parse_spec({"shocks": [{"stream": "product_sale", "change": -1.0}]}))
    goods = result.costs.set_index("category").loc["Varer"]
    assert goods["baseline"] == 0.1 * (15000 + 3600) and goods["scenario"] == 0


def test_cost_changes_multiply_matched_lines_or_add_a_line(tiny_baseline):
    result = compute(tiny_baseline, parse_spec({"costs": [
        {"category": "Husleje", "change": 0.05, "from": "2027-07"},
        {"amount": 2000, "label": "Ny medarbejder", "from": "2027-10"}]}))
    costs = result.costs.set_index("category")
    assert costs.loc["Husleje", "scenario"] == 6 * 4000 + 6 * 4200
    assert costs.loc["Ny medarbejder", "scenario"] == 3 * 2000 and costs.loc["Ny medarbejder", "baseline"] == 0


def test_waterfall_walks_from_baseline_to_scenario_shock_by_shock(demo_baseline):
    spec = parse_spec({"shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
                                  {"municipality": "København", "change": -0.3, "from": "2027-07"}],
                       "costs": [{"change": 0.05}]})
    waterfall = compute(demo_baseline, spec).waterfall
    assert list(waterfall["step"]) == ["baseline", "shock:1", "shock:2", "cost:1", "scenario"]
    assert waterfall["amount"].iloc[:-1].sum() == pytest.approx(waterfall["amount"].iloc[-1], abs=0.01)
    assert (waterfall["amount"].iloc[1:4] < 0).all()


@pytest.mark.parametrize(("shock", "message"), [
    ({"payer": "Cafe Solsikkeen", "change": -0.2}, "shock .*payer: Cafe Solsikkeen.*matches no income"),
    ({"municipality": "Aarhus", "change": -0.2}, "matches no income"),
    ({"agreement": 999, "change": -1}, "agreement 999 is neither in force nor a pending application"),
    ({"payer": "København", "change": -0.2, "from": "2031-01"}, "starts \\(2031-01\\) after the forecast ends"),
])
def test_shocks_that_cannot_apply_are_refused_with_the_shock_named(demo_baseline, shock, message):
    with pytest.raises(ScenarioError, match=message):
        apply(demo_baseline, parse_spec({"shocks": [shock]}))


def test_evaluation_is_in_whole_ore(demo_baseline):
    figures = evaluate(demo_baseline, apply(demo_baseline, parse_spec({"shocks": [{"payer": "København", "change": -0.333}]})))
    for array in (figures.income, figures.costs, figures.cash):
        assert np.array_equal(array, np.round(array))
