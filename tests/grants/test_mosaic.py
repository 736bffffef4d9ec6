"""The mosaic effect: the same measures as the Risk page, before and after the mix, and the warnings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.grants.mosaic import mosaic
from seconomy.risk.measures import Thresholds, concentration, concentration_of_amounts
from seconomy.window import Window
from tests.grants.helpers import D, candidate
from tests.risk.conftest import FIXTURE, add_ledger

WINDOW = Window(D(2026, 1, 1), D(2026, 12, 31))


def _by_payer(con) -> dict[str, Decimal]:
    rows = con.execute("SELECT payer, sum(amount) FROM income WHERE entry_date BETWEEN ? AND ? GROUP BY payer",
                       [WINDOW.start, WINDOW.end]).fetchall()
    return dict(rows)


def test_the_pure_measures_equal_the_risk_pages_sql_on_the_same_income(con):
    ledger = con
    add_ledger(ledger, FIXTURE)  # the risk tests' hand-computed ledger (tests/risk/conftest.py)
    sql = concentration(ledger, WINDOW, "payer")
    pure = concentration_of_amounts(_by_payer(ledger), sql.thresholds)
    assert pure.total == sql.share_total == Decimal("100000.00")  # Kunde X (−500 kr.) left out of the shares in both
    assert sql.total == Decimal("99500.00")  # the window's net income counts it (as the Overview does)
    assert pure.hhi == pytest.approx(sql.hhi, rel=1e-12)
    # 0.5² + 0.2² + 0.15² + 0.1² + 0.05² = 0.25 + 0.04 + 0.0225 + 0.01 + 0.0025 = 0.325 → HHI 3 250
    assert pure.hhi == pytest.approx(3250.0)
    assert (pure.top1_share, pure.top3_share, pure.level) == (sql.top1_share, pytest.approx(sql.top3_share), sql.level)
    assert pure.shares == pytest.approx(dict(zip(sql.groups["key"], sql.groups["share"], strict=True)))
    assert list(pure.shares) == list(sql.groups["key"])  # the same order: largest first


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", "Gladsaxe"]), st.integers(-50_000, 2_000_000)), min_size=1,
                max_size=12))
def test_the_pure_measures_equal_the_sql_on_random_ledgers(rows):
    con = store.connect(store.MEMORY)
    try:
        ledger = [(D(2026, 3, 1 + i % 27), amount, "product_sale", name if name != "Gladsaxe" else "Gladsaxe Kommune",
                   159 if name == "Gladsaxe" else None) for i, (name, amount) in enumerate(rows)]
        add_ledger(con, ledger)
        sql = concentration(con, WINDOW, "payer")
        pure = concentration_of_amounts(_by_payer(con))
        assert pure.total == sql.share_total
        if sql.hhi is None:
            assert pure.hhi is None and pure.shares == {}
        else:
            assert pure.hhi == pytest.approx(sql.hhi, rel=1e-12) and pure.level == sql.level
            assert pure.top1_share == pytest.approx(sql.top1_share)
    finally:
        con.close()


def test_before_and_after_the_mix_as_if_won():
    # before: Café 12.000 kr., Spirefonden (a grant) 4.000 kr. → total 16.000 kr.
    by_payer = {"Café": 1_200_000, "Spirefonden": 400_000}
    grants = {"Spirefonden": 400_000}
    chosen = [candidate(1, 1_000_000, 0.5, payer="Fond A"), candidate(2, 400_000, 0.25, payer="Spirefonden")]
    effect = mosaic(by_payer, grants, chosen, Thresholds(), 0.30, 0.10)
    before, after = effect.before, effect.after
    # before: shares 0.75 / 0.25 → HHI 10 000 · (0.5625 + 0.0625) = 6 250; grants 25 %; largest funder Spirefonden 25 %
    assert before.concentration.hhi == pytest.approx(6250.0)
    assert (before.grant_share, before.largest_funder, before.largest_funder_share) == (0.25, "Spirefonden", 0.25)
    # after, as if both are won: Café 12.000, Fond A 10.000, Spirefonden 8.000 → 30.000 kr.
    # shares 0.4, 0.3333, 0.2667 → HHI 10 000 · (0.16 + 0.1111 + 0.0711) = 3 422.2
    assert after.concentration.hhi == pytest.approx(10000 * (0.4**2 + (1 / 3) ** 2 + (8 / 30) ** 2))
    assert after.grant_share == pytest.approx(18 / 30)
    assert (after.largest_funder, after.largest_funder_share) == ("Fond A", pytest.approx(1 / 3))
    assert effect.added == {"Fond A": 1_000_000, "Spirefonden": 400_000}
    assert [(w.code, w.funder) for w in effect.warnings] == [("grant_share", None), ("funder_share", "Fond A"),
                                                            ("funder_share", "Spirefonden")]


def test_a_municipal_pool_counts_with_the_municipalitys_other_income():
    by_payer = {"København": 3_000_000, "Café": 7_000_000}
    chosen = [candidate(1, 1_000_000, 0.5, payer="København")]
    after = mosaic(by_payer, {}, chosen, Thresholds(), 0.5, 0.5).after
    # København 30.000 + 10.000 kr. of 110.000 kr.: its whole share is the funder's share
    assert after.largest_funder == "København" and after.largest_funder_share == pytest.approx(40 / 110)
    assert after.grant_share == pytest.approx(10 / 110)


def test_no_warning_within_the_limits():
    effect = mosaic({"Café": 9_000_000}, {}, [candidate(1, 500_000, 0.5)], Thresholds(), 0.30, 0.10)
    assert effect.warnings == () and effect.after.largest_funder_share == pytest.approx(5 / 95)
