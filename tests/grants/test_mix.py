"""Choosing the mix: minimal against brute force, the objective, ties, "if we win this", unreachable targets."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy.grants.mix import EXACT_LIMIT, choose
from tests.grants.helpers import candidate, exact_p


def _brute(cands, ps: dict[int, Fraction], gap: int, target: Fraction):
    """The best set by listing every subset: least cost, then highest P, then fewest, then lowest ids."""
    effort = all(c.effort_hours is not None for c in cands)
    best = None
    for size in range(len(cands) + 1):
        for subset in itertools.combinations(cands, size):
            p = exact_p([(c.year_ore, ps[c.id]) for c in subset], gap)
            if p >= target:
                cost = sum(c.effort_hours for c in subset) if effort else len(subset)
                key = (cost, -p, len(subset), tuple(sorted(c.id for c in subset)))
                best = key if best is None or key < best else best
    return best


def test_the_cheapest_pair_that_reaches_the_target():
    # gap 300 kr.; A 300 kr. p 0.5, B 300 kr. p 0.5, C 100 kr. p 0.9, D 200 kr. p 0.9 (no efforts: fewest count).
    # One application: at best 0.5. Pairs: A+B: 1 − 0.5·0.5 = 0.75; C+D: 0.9·0.9 = 0.81;
    # A+D: P(A) + P(not A)·P(D)? D alone is 200 < 300, so A+D covers only when A: 0.5. → C+D is the best pair ≥ 0.8.
    cands = [candidate(1, 30000, 0.5), candidate(2, 30000, 0.5), candidate(3, 10000, 0.9), candidate(4, 20000, 0.9)]
    mix = choose(cands, 30000, 0.8)
    assert mix.ids == (3, 4) and mix.reached and mix.method == "exact" and mix.objective == "count"
    assert mix.p_cover == pytest.approx(0.81)


def test_least_effort_when_every_application_has_its_hours():
    # the same four; A and B need 2 hours each, C and D 40 hours each. Sets under 80 hours:
    #   A+B (4 h): A or B covers → 1 − 0.5·0.5 = 0.75;  A+B+C, A+B+D (44 h): C or D alone is below 300 kr. → 0.75;
    #   A+C, A+D, B+C, B+D (42 h): 0.5. None reaches 0.8; C+D (80 h) gives 0.81: the least effort that does.
    cands = [candidate(1, 30000, 0.5, 2), candidate(2, 30000, 0.5, 2), candidate(3, 10000, 0.9, 40),
             candidate(4, 20000, 0.9, 40)]
    mix = choose(cands, 30000, 0.8)
    assert mix.objective == "effort" and mix.ids == (3, 4) and mix.effort_hours == Decimal(80)
    assert choose(cands, 30000, 0.7).ids == (1, 2)  # 4 hours: 0.75 ≥ 0.7


def test_ties_go_to_the_higher_probability_then_fewer_then_lower_ids():
    same = [candidate(i, 30000, 0.5) for i in (7, 3, 5)]
    assert choose(same, 30000, 0.5).ids == (3,)  # three equal singles: the lowest id
    # zero effort and no amount in the year: never needed, never chosen
    cands = [candidate(1, 30000, 0.6, 1), candidate(2, 0, 0.9, 0)]
    assert choose(cands, 30000, 0.5).ids == (1,)


def test_if_we_win_this_counts_for_certain_and_stays_in_the_mix():
    cands = [candidate(1, 20000, 1.0, won=True), candidate(2, 10000, 0.5), candidate(3, 30000, 0.5)]
    # won: 200 kr. for certain; 100 kr. more is needed: B (0.5) or C (0.5) alone; both: 0.75
    mix = choose(cands, 30000, 0.7)
    assert mix.ids == (1, 2, 3) and mix.p_cover == pytest.approx(0.75)
    assert choose(cands, 30000, 0.5).ids == (1, 2)  # B and C tie at 0.5: the lower id
    assert choose(cands, 15000, 0.9).ids == (1,)  # the won one alone covers the gap


def test_an_unreachable_target_gives_every_application_and_says_so():
    cands = [candidate(1, 10000, 0.2), candidate(2, 10000, 0.2), candidate(3, 0, 0.9)]
    mix = choose(cands, 20000, 0.8)  # both needed: 0.04
    assert not mix.reached and mix.ids == (1, 2) and mix.p_cover == pytest.approx(0.04)


def test_no_gap_needs_no_application():
    mix = choose([candidate(1, 10000, 0.5)], 0, 0.8)
    assert mix.ids == () and mix.p_cover == 1.0 and mix.reached


def test_above_twenty_applications_the_answer_is_a_labelled_heuristic():
    cands = [candidate(i, 1_000_000 * (i % 7 + 1), 0.3 + 0.02 * (i % 5)) for i in range(1, EXACT_LIMIT + 3)]
    mix = choose(cands, 3_000_000, 0.8)
    assert mix.method == "heuristic" and mix.reached and mix.p_cover >= 0.8
    exact = choose(cands[:EXACT_LIMIT], 3_000_000, 0.8)
    assert exact.method == "exact"


def test_many_equal_applications_are_decided_quickly():
    # 20 identical applications: C(20, 12) sets tie on count and probability; the lowest ids must win fast
    cands = [candidate(i, 10_000_000, 0.5) for i in range(1, 21)]
    mix = choose(cands, 50_000_000, 0.8)
    assert mix.ids == tuple(range(1, 13)) and mix.method == "exact" and mix.nodes < 1000


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 100, 200, 200, 300, 500, 800]), st.sampled_from([1, 5, 10, 15, 19, 20]),
                          st.sampled_from([0, 1, 2, 3])), min_size=1, max_size=7),
       st.sampled_from([0, 100, 300, 500, 900, 1500]), st.sampled_from([0, 4, 10, 16, 19, 20]), st.booleans())
def test_the_chosen_set_is_minimal_against_brute_force(items, gap_kr, target_twentieths, with_effort):
    ps = {i: Fraction(k, 20) for i, (_, k, _) in enumerate(items, start=1)}
    cands = [candidate(i, a * 100, float(ps[i]), e if with_effort else None) for i, (a, _, e) in enumerate(items, start=1)]
    target = Fraction(target_twentieths, 20)
    mix = choose(cands, gap_kr * 100, float(target))
    best = _brute(cands, ps, gap_kr * 100, target)
    if best is None:  # no set reaches the target: all applications that can help
        assert not mix.reached
        assert mix.ids == tuple(c.id for c in cands if c.year_ore > 0 and c.p > 0)
    else:
        assert mix.reached and mix.ids == best[3]
        assert mix.p_cover == pytest.approx(float(-best[1]), abs=1e-12)
