"""The exact distribution of the pipeline's total: hand enumeration, brute force, and the three methods agree."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy.grants.distribution import GRID_LIMIT, distribution, exact
from tests.grants.helpers import exact_p


def test_three_applications_by_hand():
    # A 100 kr. with p 0.5, B 200 kr. with p 0.25, C 300 kr. with p 0.1 (amounts in øre below).
    # Totals ≥ 300 kr.: C alone, A+B, A+C, B+C, A+B+C:
    #   P(C) = 0.1 · P(anything else) = 0.1;  P(A, B, not C) = 0.5 · 0.25 · 0.9 = 0.1125  → 0.2125
    dist = distribution([10000, 20000, 30000], [0.5, 0.25, 0.1])
    assert dist.p_cover(30000) == pytest.approx(0.2125, abs=1e-15)
    # P(total = 0) = 0.5 · 0.75 · 0.9 = 0.3375, P(total ≥ 1 øre) = 1 − 0.3375
    assert dist.p_cover(1) == pytest.approx(0.6625, abs=1e-15)
    # the largest total 600 kr. needs all three: 0.5 · 0.25 · 0.1 = 0.0125; nothing is above it
    assert dist.p_cover(60000) == pytest.approx(0.0125, abs=1e-15)
    assert dist.p_cover(60001) == 0.0
    assert dist.mean == pytest.approx(0.5 * 10000 + 0.25 * 20000 + 0.1 * 30000)


def test_a_gap_of_zero_or_a_surplus_is_covered_for_certain():
    dist = distribution([10000], [0.3])
    assert dist.p_cover(0) == 1.0 and dist.p_cover(-500) == 1.0


def test_no_applications_cover_nothing():
    dist = distribution([], [])
    assert dist.p_cover(1) == 0.0 and dist.p_cover(0) == 1.0


def test_twelve_applications_against_brute_force():
    rng = np.random.default_rng(12)
    amounts = [int(a) for a in rng.integers(1, 60, 12) * 2_500_000 + rng.integers(0, 99, 12)]  # not a round grid
    probs = [Fraction(int(k), 20) for k in rng.integers(1, 20, 12)]
    dist = distribution(amounts, [float(p) for p in probs])
    for gap in (1, sum(amounts) // 5, sum(amounts) // 3, sum(amounts) // 2, sum(amounts)):
        assert dist.p_cover(gap) == pytest.approx(float(exact_p(list(zip(amounts, probs, strict=True)), gap)), abs=1e-12)


def test_round_amounts_use_the_gcd_grid_and_unrelated_ones_the_distinct_sums():
    assert exact([25_000_000, 40_000_000, 10_000_000], [0.2, 0.3, 0.5]).method == "sparse"  # 2³ sums < the grid
    round_amounts = [int(a) * 5_000_000 for a in range(1, 21)]  # 20 applications on a 50.000 kr. grid
    assert exact(round_amounts, [0.3] * 20).method == "grid"
    assert sum(round_amounts) // 5_000_000 + 1 <= GRID_LIMIT


def test_split_halves_give_the_same_probabilities_as_one_exact_part():
    rng = np.random.default_rng(3)
    amounts = [int(a) for a in rng.integers(1, 10**8, 14)]
    probs = [float(p) for p in rng.uniform(0.05, 0.95, 14)]
    whole, split = distribution(amounts, probs), distribution(amounts, probs, limit=2**8)
    assert (whole.method, split.method) == ("sparse", "split")
    points = np.linspace(0, sum(amounts), 57).round()
    assert np.allclose(whole.at_least(points), split.at_least(points), atol=1e-12)
    assert split.mean == pytest.approx(whole.mean)


def test_twenty_five_applications_with_unrelated_amounts_are_exact_and_fast():
    rng = np.random.default_rng(25)
    amounts = [int(a) for a in rng.integers(1, 10**8, 25)]  # to the øre: 2²⁵ distinct sums, no common grid
    probs = [float(p) for p in rng.uniform(0.05, 0.9, 25)]
    started = time.perf_counter()
    dist = distribution(amounts, probs)
    p = dist.p_cover(sum(amounts) // 3)
    dist.curve()
    elapsed = time.perf_counter() - started
    assert dist.method == "split" and 0 < p < 1
    # the same probability from the two halves computed independently here: Σ P(A = a) · P(B ≥ gap − a)
    first, second = amounts[0::2], amounts[1::2]
    a = distribution(first, probs[0::2]).parts[0]
    b = distribution(second, probs[1::2]).parts[0]
    by_hand = sum(pa * float(b.at_least(np.array([sum(amounts) // 3 - s]))[0]) for s, pa in zip(a.sums, a.probs, strict=True))
    assert p == pytest.approx(by_hand, abs=1e-12)
    assert elapsed < 5  # measured ≈ 0.06 s on the 2-core development machine; generous for a loaded CI


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from([0.0, 0.05, 0.25, 0.5, 0.9, 1.0])), max_size=8),
       st.integers(-5, 200))
def test_distribution_invariants(items, gap):
    amounts = [a * 100 for a, _ in items]
    probs = [p for _, p in items]
    dist = distribution(amounts, probs)
    part = dist.parts[0]
    assert part.probs.sum() == pytest.approx(1.0)
    assert np.all(np.diff(part.sums) > 0)  # distinct, ascending
    curve = dist.at_least(np.arange(-1, sum(amounts) + 2, 50))
    assert np.all(np.diff(curve) <= 1e-12)  # P(total ≥ x) never rises with x
    assert dist.mean == pytest.approx(sum(a * p for a, p in items) * 100)
    brute = sum(
        np.prod([p if won else 1 - p for won, p in zip(outcome, probs, strict=True)])
        for outcome in itertools.product((0, 1), repeat=len(items))
        if sum(a for won, a in zip(outcome, amounts, strict=True) if won) >= gap * 100
    ) if gap > 0 else 1.0
    assert dist.p_cover(gap * 100) == pytest.approx(brute, abs=1e-12)
