"""The plan of a year, computed by hand on the café fixture, and the JSON the CLI prints."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from seconomy.errors import UsageError
from seconomy.grants import edit
from seconomy.grants.plan import parse_gap, parse_target, plan, to_json
from tests.grants.helpers import D, application, exact_p, install_cafe

KEYS = {"year", "gap", "expected_income", "p_cover", "target", "chosen", "p_cover_chosen", "hhi_before", "hhi_after",
        "grant_share_before", "grant_share_after", "largest_funder_share_after", "warnings"}


@pytest.fixture
def cafe(con):
    """The café (2027 gap 13.200 kr.) with three open applications:
    A 10.000 kr. upfront in 2027, own estimate 50 %; B 5.000 kr. upfront, submitted (default 25 %);
    C 20.000 kr. quarterly 2027-07 … 2028-06 (4 × 5.000 kr.: July and October in 2027), shortlisted (50 %);
    and a rejected one that does not count."""
    install_cafe(con)
    edit.save_application(con, application(funder="Fond A", amount="10.000", probability="50 %"))
    edit.save_application(con, application(funder="Fond B", amount="5.000"))
    edit.save_application(con, application(funder="Fond C", amount="20.000", schedule="quarterly", stage="shortlisted",
                                           start_date=D(2027, 7, 1), end_date=D(2028, 6, 30)))
    edit.save_application(con, application(funder="Fond D", amount="99.000", stage="rejected"))
    return con


def test_the_plan_by_hand(cafe):
    result = plan(cafe, 2027, target=0.2)
    assert result.gap == 1_320_000 and not result.gap_overridden
    assert [(c.funder, c.year_ore, c.p) for c in result.candidates] == [
        ("Fond A", 1_000_000, 0.5), ("Fond B", 500_000, 0.25), ("Fond C", 1_000_000, 0.5)]
    # expected: 0.5 · 10.000 + 0.25 · 5.000 + 0.5 · 10.000 = 11.250 kr.
    assert result.expected == 1_125_000
    # 13.200 kr. needs two of the three: A+B 0.5·0.25·0.5 + A+C 0.5·0.75·0.5 + B+C 0.5·0.25·0.5 + all 0.0625 = 0.375
    assert result.p_cover == pytest.approx(0.375)
    # the fewest applications reaching 20 %: the pair A+C (0.25); A+B and B+C give only 0.125
    assert result.mix.ids == (1, 3) and result.mix.p_cover == pytest.approx(0.25) and result.mix.objective == "count"


def test_an_unreachable_target_takes_all_three(cafe):
    result = plan(cafe, 2027, target=0.5)
    assert result.mix.ids == (1, 2, 3) and not result.mix.reached and result.mix.p_cover == pytest.approx(0.375)


def test_if_we_win_a_it_is_certain(cafe):
    result = plan(cafe, 2027, target=0.5, won=[1])
    # A brings 10.000 kr. for sure; 3.200 kr. more: B or C: 1 − 0.75 · 0.5 = 0.625
    assert result.p_cover == pytest.approx(0.625)
    # with A won: A+C gives 0.5 (C alone covers the rest), A+B 0.25 → A+C, the fewest that reach 50 %
    assert result.mix.ids == (1, 3) and result.mix.p_cover == pytest.approx(0.5)
    assert result.expected == 1_000_000 + 125_000 + 500_000


def test_an_own_gap_replaces_the_forecasts(cafe):
    result = plan(cafe, 2027, gap=Decimal("4000"), target=0.7)
    # 4.000 kr.: any one of A or C, or B? B is 5.000 ≥ 4.000 too: 1 − 0.5 · 0.75 · 0.5 = 0.8125
    assert result.gap_overridden and result.gap == 400_000
    exact = exact_p([(1_000_000, Fraction(1, 2)), (500_000, Fraction(1, 4)), (1_000_000, Fraction(1, 2))], 400_000)
    assert result.p_cover == pytest.approx(float(exact)) == pytest.approx(0.8125)
    assert result.mix.ids == (1, 3)  # A+C: 0.75 ≥ 0.7, the best pair


def test_the_mosaic_after_the_mix(cafe):
    result = plan(cafe, 2027, target=0.2)
    after = result.mosaic.after
    # Café 12.000 kr. + Fond A 10.000 + Fond C 10.000 = 32.000 kr.: shares 0.375, 0.3125, 0.3125
    assert after.concentration.hhi == pytest.approx(10000 * (0.375**2 + 2 * 0.3125**2))
    assert after.grant_share == pytest.approx(20 / 32) and after.largest_funder == "Fond A"
    assert result.mosaic.before.concentration.hhi == pytest.approx(10000.0)
    assert {w.code for w in result.mosaic.warnings} == {"grant_share", "funder_share"}


def test_the_json_has_the_issues_keys(cafe):
    out = to_json(plan(cafe, 2027, target=0.2))
    assert set(out) >= KEYS
    assert (out["year"], out["gap"], out["expected_income"], out["target"]) == (2027, 13200.0, 11250.0, 0.2)
    assert [c["id"] for c in out["chosen"]] == [1, 3]
    assert set(out["chosen"][0]) >= {"id", "funder", "project", "amount", "probability"}
    assert out["chosen"][1]["amount"] == 20000.0 and out["chosen"][1]["year_amount"] == 10000.0
    assert out["method"] == "exact" and out["warnings"][0]["code"] == "grant_share"


def test_no_gap_is_a_surplus_covered_for_certain(cafe):
    result = plan(cafe, 2027, gap=Decimal("-500"))
    assert result.p_cover == 1.0 and result.mix.ids == () and result.mix.reached


def test_an_unknown_won_application_is_refused(cafe):
    with pytest.raises(UsageError, match="no open application with id 4"):
        plan(cafe, 2027, won=[4])  # #4 is rejected, not open


@pytest.mark.parametrize(("text", "share"), [("0.8", 0.8), ("80 %", 0.8), ("80%", 0.8), ("80", 0.8), ("0,75", 0.75),
                                             ("100 %", 1.0), ("1", 1.0), ("0", 0.0)])
def test_targets_as_shares_or_percentages(text, share):
    assert parse_target(text) == pytest.approx(share)


@pytest.mark.parametrize("text", ["120 %", "-0.1", "høj", "101"])
def test_bad_targets(text):
    with pytest.raises(UsageError):
        parse_target(text)


@pytest.mark.parametrize(("text", "amount"), [("450.000", Decimal("450000")), ("450,000.00", Decimal("450000")),
                                              ("1.234.567,50", Decimal("1234567.50")), ("-20.000", Decimal("-20000"))])
def test_gaps_in_danish_or_english(text, amount):
    assert parse_gap(text) == amount


def test_a_bad_gap():
    with pytest.raises(UsageError):
        parse_gap("en del")
