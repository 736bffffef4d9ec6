"""Effect figures against the hand-computed file tests/effect/data/hand.csv, the Wilson interval, suppression.

The file (Gladsaxe spelled 'Gladsaxe', 'Gladsaxe Kommune', 'gladsaxe' and '159'; every outcome; one running
placement; one before the window; one started before it; one ending after it; one in Herlev), window 2025:

    id   scheme               period                 days  outcome         in 2025
    P1   virksomhedspraktik   06.01.–28.03.2025        82  job             ended
    P2   ressourceforløb      03.02.–31.07.2025       179  flexjob         ended (10 000 kr./month)
    P3   STU                  03.03.–27.06.2025       117  education       ended
    P4   mentor               07.04.–02.05.2025        26  dropped_out     ended
    P5   jobafklaringsforløb  05.05.–31.10.2025       180  clarified       ended
    P6   § 103                02.06.–26.09.2025       117  other_programme ended
    P7   virksomhedspraktik   03.11.2025–               –  (running)       running
    P8   virksomhedspraktik   02.09.–20.12.2024         –  job             not counted (before the window)
    P9   virksomhedspraktik   04.11.2024–31.01.2025    89  job             ended
    P10  virksomhedspraktik   06.10.2025–30.01.2026     –  job             running (ends after the window)

Gladsaxe: placements 9 = 7 ended + 2 running; exits P1, P2, P3, P9 = 4; rate 4/7; dropped out 1 (P4);
average weeks (82+179+117+26+180+117+89)/7/7 = 790/49; progression over ended with both scores:
P1 +3, P2 +1, P4 −1, P9 +2 → 5/4 = 1.25.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seconomy.effect.business import Assumptions
from seconomy.effect.figures import (
    SUPPRESS_BELOW,
    as_json,
    compute,
    effect_overview,
    half_years,
    municipality_effect,
    price_paid,
    wilson,
)
from tests.effect.conftest import WINDOW

SETTINGS = Assumptions(12, Decimal("0.75"), Decimal("0.5"), {"cash": Decimal(13000), "resource": Decimal(13000),
                                                             "youth": Decimal(7000)})


def test_wilson_against_the_textbook_value():
    # 7 successes of 20: the Wilson 95 % interval is [0.1812, 0.5671] (Newcombe 1998, Table I style).
    low, high = wilson(7, 20)
    assert low == pytest.approx(0.1812, abs=5e-5) and high == pytest.approx(0.5671, abs=5e-5)
    assert wilson(0, 0) is None
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == 1.0


@given(st.integers(min_value=1, max_value=500), st.data())
def test_wilson_stays_in_0_1_and_contains_the_rate(n, data):
    k = data.draw(st.integers(min_value=0, max_value=n))
    low, high = wilson(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0


def test_hand_computed_file(hand_con):
    overview = effect_overview(hand_con, *WINDOW)
    gladsaxe, herlev = overview.rows  # most placements first; the four spellings are one municipality
    assert (gladsaxe.municipality, gladsaxe.municipality_code) == ("Gladsaxe", 159)
    assert (gladsaxe.placements, gladsaxe.running, gladsaxe.ended) == (9, 2, 7)
    assert gladsaxe.exits == 4 and gladsaxe.exit_rate == pytest.approx(4 / 7)
    assert gladsaxe.interval == pytest.approx((0.2505, 0.8418), abs=5e-5)  # Wilson(4, 7)
    assert gladsaxe.dropped_out == 1
    assert gladsaxe.outcomes == {"job": 2, "flexjob": 1, "education": 1, "other_programme": 1, "clarified": 1,
                                 "dropped_out": 1}
    assert gladsaxe.average_weeks == pytest.approx(790 / 49)
    assert gladsaxe.progression == pytest.approx(1.25) and gladsaxe.progression_count == 4
    assert gladsaxe.income == Decimal("115000.00")  # 100 000 + 20 000 − 5 000 (2024 and 2026 lines outside)
    assert not gladsaxe.suppressed
    assert herlev.municipality == "Herlev" and herlev.ended == 1 and herlev.suppressed


def test_price_paid_by_the_agreements_rules(hand_con):
    # Weekly 2 000 kr. × days / 7, monthly 10 000 kr. × days / days in the month, rounded per month:
    # P1 Jan 26 d 7 428.57 + Feb 8 000.00 + Mar 28 d 8 000.00 = 23 428.57
    # P2 Feb 26/28 9 285.71 + Mar–Jul 5 × 10 000 = 59 285.71
    # P3 Mar 29 d 8 285.71 + Apr 8 571.43 + May 8 857.14 + Jun 27 d 7 714.29 = 33 428.57
    # P4 Apr 24 d 6 857.14 + May 2 d 571.43 = 7 428.57
    # P5 May 27 d 7 714.29 + Jun 8 571.43 + Jul 8 857.14 + Aug 8 857.14 + Sep 8 571.43 + Oct 8 857.14 = 51 428.57
    # P6 Jun 29 d 8 285.71 + Jul 8 857.14 + Aug 8 857.14 + Sep 26 d 7 428.57 = 33 428.56
    # P7 (running, to 31.12.) Nov 28 d 8 000.00 + Dec 8 857.14 = 16 857.14
    # P9 only January in the window: 31 d 8 857.14;  P10 Oct 26 d 7 428.57 + Nov 8 571.43 + Dec 8 857.14 = 24 857.14
    # total 258 999.97; per exit / 4 = 64 749.9925 → 64 749.99
    gladsaxe = municipality_effect(hand_con, 159, *WINDOW)
    assert gladsaxe.price_paid == Decimal("258999.97")
    assert gladsaxe.price_per_exit == Decimal("64749.99")
    by_scheme = {s.scheme: s for s in gladsaxe.by_scheme}
    assert by_scheme["ressourceforloeb"].price_paid == Decimal("59285.71")
    assert by_scheme["virksomhedspraktik"].placements == 4  # P1, P7, P9, P10 (P8 is before the window)


def test_municipal_net_is_the_business_case_minus_the_price(hand_con):
    # 9 months saved per exit (12 × 0.75): P1 and P9 virksomhedspraktik 2 × 9 × 13 000 = 234 000,
    # P2 flexjob from ressourceforløb 9 × 13 000 × 0.5 = 58 500, P3 STU 9 × 7 000 = 63 000 → 355 500;
    # net 355 500 − 258 999.97 = 96 500.03
    gladsaxe = municipality_effect(hand_con, 159, *WINDOW)
    assert gladsaxe.case.savings == Decimal("355500.00")
    assert gladsaxe.municipal_net == Decimal("96500.03")
    assert gladsaxe.case.saved_per_krone == pytest.approx(355500 / 258999.97)


def test_the_total_adds_up_the_municipalities(hand_con):
    overview = effect_overview(hand_con, *WINDOW)
    total = overview.total
    assert total.municipality is None
    assert total.placements == sum(e.placements for e in overview.rows) == 10
    assert total.ended == 8 and total.exits == 5
    assert total.price_paid == sum(e.price_paid for e in overview.rows)
    assert total.income == Decimal("115000.00")  # Herlev has no income; the café is not a municipality


def test_all_time_counts_placements_before_the_window_and_all_income(hand_con):
    gladsaxe = municipality_effect(hand_con, 159, None, dt.date(2026, 12, 31))
    # P8 and P10 now ended too: 10 placements, 9 ended (P7 still running), exits + P8 + P10 = 6
    assert (gladsaxe.placements, gladsaxe.ended, gladsaxe.exits) == (10, 9, 6)
    assert gladsaxe.income == Decimal("172000.00")  # 50 000 + 115 000 + 7 000


def test_a_municipality_without_placements_gets_a_row_of_zeros(hand_con):
    empty = municipality_effect(hand_con, 101, *WINDOW)
    assert (empty.placements, empty.ended, empty.exits, empty.exit_rate, empty.price_per_exit) == (0, 0, 0, None, None)
    assert empty.suppressed and empty.price_paid == Decimal("0.00")


@pytest.mark.parametrize(("ended", "suppressed"), [(0, True), (4, True), (5, False), (6, False)])
def test_suppression_below_five_ended(ended, suppressed):
    rows = [_row(dt.date(2025, 1, 6), dt.date(2025, 2, 28), "job") for _ in range(ended)]
    effect = compute(rows, *WINDOW, Decimal(0), SETTINGS, 159)
    assert effect.suppressed is suppressed and SUPPRESS_BELOW == 5


def test_half_years(hand_con):
    halves = half_years(hand_con, *WINDOW, municipality_code=159)
    assert [h.label for h in halves] == ["2025 H1", "2025 H2"]
    h1, h2 = (h.effect for h in halves)
    # H1 (Jan–Jun): ended P1, P3, P4, P9 = 4 (suppressed); exits P1, P3, P9
    assert (h1.ended, h1.exits, h1.suppressed) == (4, 3, True)
    # H2 (Jul–Dec): ended P2, P5, P6 = 3; P7 and P10 running; P2 counted in both halves
    assert (h2.ended, h2.exits, h2.running) == (3, 1, 2)
    assert h1.price_paid + h2.price_paid == Decimal("258999.97")


def test_json_has_the_issue_keys_first(hand_con):
    gladsaxe = municipality_effect(hand_con, 159, *WINDOW)
    keys = list(as_json(gladsaxe))
    assert keys[:15] == ["municipality", "municipality_code", "placements", "running", "ended",
                         "exits_to_work_or_education", "exit_rate", "exit_rate_low", "exit_rate_high", "dropped_out",
                         "average_weeks", "income", "price_per_exit", "municipal_net", "suppressed"]
    assert as_json(gladsaxe)["price_per_exit"] == 64749.99 and as_json(gladsaxe)["income"] == 115000.0


def _row(start: dt.date, end: dt.date | None, outcome: str | None, scheme: str = "virksomhedspraktik") -> dict:
    return {"municipality_code": 159, "scheme": scheme, "start_date": start, "end_date": end, "price": Decimal(1000),
            "price_unit": "week", "outcome": outcome, "score_start": None, "score_end": None}


@st.composite
def placements(draw):
    start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)))
    days = draw(st.one_of(st.none(), st.integers(0, 400)))
    end = None if days is None else start + dt.timedelta(days=days)
    outcome = None if end is None else draw(st.sampled_from(["job", "flexjob", "education", "other_programme",
                                                             "clarified", "dropped_out"]))
    return _row(start, end, outcome, draw(st.sampled_from(["virksomhedspraktik", "stu", "aktivitet_samvaer_104"])))


@given(st.lists(placements(), max_size=30), st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
       st.integers(0, 600))
def test_invariants(rows, start, length):
    end = start + dt.timedelta(days=length)
    effect = compute(rows, start, end, Decimal(0), SETTINGS, 159)
    assert effect.placements == effect.running + effect.ended
    assert effect.exits + effect.dropped_out <= effect.ended == sum(effect.outcomes.values())
    assert effect.price_paid == sum((s.price_paid for s in effect.by_scheme), Decimal(0))
    assert effect.price_paid >= 0 and effect.suppressed == (effect.ended < 5)
    if effect.ended:
        low, high = effect.interval
        assert low <= effect.exit_rate <= high
    # the price of one window is the price of its two halves (each placement's days split, øre rounding apart)
    middle = start + dt.timedelta(days=length // 2)
    if length >= 2:
        halves = [price_paid(r, start, middle) + price_paid(r, middle + dt.timedelta(days=1), end) for r in rows]
        whole = [price_paid(r, start, end) for r in rows]
        assert all(abs(h - w) <= Decimal("0.02") for h, w in zip(halves, whole, strict=True))
