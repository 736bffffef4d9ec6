"""Reverse stress test: the answer, applied as a shock, lands the result (or the lowest cash) at zero."""

from __future__ import annotations

import datetime as dt

import pytest

from seconomy.scenarios.engine import apply, evaluate
from seconomy.scenarios.reverse import largest_payer, reverse_stress, reverse_stress_all
from seconomy.scenarios.spec import Spec, parse_spec

START = dt.date(2027, 1, 1)


def _figures(baseline, spec, shock):
    figures = evaluate(baseline, apply(baseline, spec.with_shocks((*spec.shocks, shock))))
    return figures.result[baseline.start:].sum() / 100, figures.cash[baseline.start:].min() / 100


@pytest.mark.parametrize("target", ["largest_payer", "municipal"])
def test_result_answer_applied_lands_the_result_at_zero(tiny_baseline, target):
    answer = reverse_stress(tiny_baseline, Spec(), target, START)
    assert answer.base_result > 0 and 0 < answer.result_cut < 1
    result, _ = _figures(tiny_baseline, Spec(), answer.shock(answer.result_cut))
    assert abs(result) <= 1.0


@pytest.mark.parametrize("target", ["largest_payer", "municipal"])
def test_cash_answer_applied_lands_the_lowest_cash_at_zero(demo_baseline, target):
    answer = reverse_stress(demo_baseline, Spec(), target, START)
    assert 0 < answer.cash_cut < 1
    _, lowest = _figures(demo_baseline, Spec(), answer.shock(answer.cash_cut))
    assert abs(lowest) <= 1.0
    assert answer.cash_month is not None


def test_largest_payer_is_the_payer_with_most_income(demo_baseline):
    assert largest_payer(demo_baseline, Spec()) == "København"


def test_an_already_negative_result_needs_no_cut_and_an_unreachable_one_has_no_answer(tiny_baseline):
    sunk = parse_spec({"costs": [{"amount": 100000}]})
    assert reverse_stress(tiny_baseline, sunk, "municipal", START).result_cut == 0.0
    rich = parse_spec({"shocks": [{"counterparty": "Ny Fond", "amount": 1_000_000, "new": True}]})
    answer = reverse_stress(tiny_baseline, rich, "largest_payer", START)
    assert answer.key == "Ny Fond"  # the largest payer is now the new one …
    rich_elsewhere = parse_spec({"shocks": [{"counterparty": "Ny Fond", "amount": 1_000_000, "new": True}]})
    municipal = reverse_stress(tiny_baseline, rich_elsewhere, "municipal", START)
    assert municipal.result_cut is None and municipal.cash_cut is None  # … and no municipal cut can sink it


def test_both_targets_with_progress(tiny_baseline):
    seen = []
    answers = reverse_stress_all(tiny_baseline, Spec(), START, progress=seen.append)
    assert [a.target for a in answers] == ["largest_payer", "municipal"] and seen == [0.5, 1.0]
