"""Monte Carlo: degenerate draws reproduce the deterministic forecast; the same seed gives the same numbers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from seconomy.forecast import build_baseline
from seconomy.scenarios.engine import apply, evaluate
from seconomy.scenarios.montecarlo import build_model, run_model, simulate
from seconomy.scenarios.results import simulation_json
from seconomy.scenarios.spec import Spec, parse_spec

CERTAIN = {"cut_probability": 1.0, "cut_size": [0.0, 0.0], "volatility": {s: 0 for s in (
    "product_sale", "municipal_contract", "wage_subsidy", "foundation_grant", "public_grant", "other")}}


def test_every_probability_1_and_no_volatility_equals_the_deterministic_forecast(demo_con):
    # every renewal certain (so the deterministic forecast renews too), every cut certain but of size 0, σ = 0
    demo_con.execute("UPDATE agreements SET renewal_probability = 1")
    baseline = build_baseline(demo_con)
    spec = parse_spec({"shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"}], "simulation": CERTAIN})
    applied = apply(baseline, spec)
    figures = evaluate(baseline, applied)
    income, result, cash = run_model(build_model(baseline, applied, spec.simulation), runs=50, seed=7)
    assert np.array_equal(income, np.broadcast_to(figures.income, income.shape))
    assert np.array_equal(result, np.broadcast_to(figures.result, result.shape))
    assert np.array_equal(cash, np.broadcast_to(figures.cash, cash.shape))


def test_a_certain_cut_of_fixed_size_equals_the_same_cut_as_a_shock(demo_baseline):
    sim = {**CERTAIN, "cut_probability": {"København": 1.0, "*": 0.0}, "cut_size": [0.25, 0.25], "cut_month": 7}
    spec = parse_spec({"simulation": sim})
    model = build_model(demo_baseline, apply(demo_baseline, spec), spec.simulation)
    assert model.random_p.size > 0
    # no uncertain line comes: the contracted forecast (at correlation 1 a municipality's lines are ladders of its
    # budget draw, with thresholds from their probabilities; without the ladders none of them is counted)
    model = replace(model, random_p=np.zeros_like(model.random_p), ladders=())
    _, _, cash = run_model(model, runs=20, seed=1)
    shocked = parse_spec({"shocks": [{"municipality": "København", "change": -0.25, "from": "2027-07"}]})
    expected = evaluate(demo_baseline, apply(demo_baseline, shocked), "contracted").cash  # only the certain lines
    assert np.abs(cash - expected).max() < 100  # within a krone (the shock rounds per line, the simulation does not)


def test_same_seed_same_numbers_other_seed_other_numbers(demo_baseline):
    first = simulate(demo_baseline, Spec(), runs=2500, seed=42)
    again = simulate(demo_baseline, Spec(), runs=2500, seed=42)
    other = simulate(demo_baseline, Spec(), runs=2500, seed=43)
    assert simulation_json(first) == simulation_json(again)
    assert not first.cash.equals(other.cash)


def test_progress_is_reported_and_does_not_change_the_numbers(demo_baseline):
    seen: list[float] = []
    with_progress = simulate(demo_baseline, Spec(), runs=3000, seed=5, progress=seen.append)
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert simulation_json(with_progress) == simulation_json(simulate(demo_baseline, Spec(), runs=3000, seed=5))


def test_summary_is_coherent(demo_baseline):
    sim = simulate(demo_baseline, parse_spec({"shocks": [{"municipality": "Gladsaxe", "change": -1.0}]}), runs=2000, seed=3)
    fan = sim.cash
    assert (fan["p5"] <= fan["p25"]).all() and (fan["p25"] <= fan["p50"]).all() and (fan["p75"] <= fan["p95"]).all()
    assert 0 <= sim.probability_negative_cash <= 1 and 0 <= sim.probability_deficit <= 1
    assert sim.revenue_at_risk == pytest.approx(sim.expected_income - sim.income["p5"], abs=0.01)
    assert sim.forecast_income < sim.baseline_income


def test_a_municipalitys_lines_that_come_are_summed_exactly_from_the_ladders(demo_baseline):
    """At correlation 1 the lines one budget draw decides are summed by prefix sums; each run must get exactly the
    lines whose threshold Φ⁻¹(1 − p) is below its draw, as if every line were tested one by one."""
    from seconomy.scenarios.montecarlo import _add_ladders, normal_quantile

    spec = parse_spec({})
    model = build_model(demo_baseline, apply(demo_baseline, spec), spec.simulation, 1.0)
    assert model.ladders and model.drawn is not None
    rng = np.random.default_rng(3)
    n, k = 400, len(model.cut_p)
    common = rng.standard_normal((n, k, model.years))
    running = np.ones((n, k, model.years + 1))  # no cuts: the sum of the lines alone
    got = np.zeros((n, len(model.group.stream), model.months))
    _add_ladders(model, common, running, got)
    expected = np.zeros_like(got)
    thresholds = normal_quantile(1.0 - model.random_p)
    for line in np.flatnonzero(model.random_slot < k):
        came = common[:, model.random_slot[line], model.random_year[line]] > thresholds[line]
        expected[:, model.random_group[line], :] += came[:, None] * model.random_lines[line][None, :]
    assert np.array_equal(got, expected)  # whole øre: exact in any order
    assert len(np.unique(got.sum(axis=(1, 2)))) > 1  # the draws decide: runs get different lines
