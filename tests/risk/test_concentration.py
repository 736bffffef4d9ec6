"""Concentration figures on the hand-computed fixture (tests/risk/conftest.py), with the arithmetic written out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from seconomy import store
from seconomy.errors import UsageError
from seconomy.risk import as_json, concentration, empty_json, resolve_window
from seconomy.window import Window
from tests.risk.conftest import add_ledger

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _groups(result):
    return [(g["key"], g["municipality_code"], g["amount_dkk"], g["share"]) for g in as_json(result)["groups"]]


def test_default_window_is_the_trailing_twelve_full_months(fixture_db):
    assert resolve_window(fixture_db) == WINDOW  # last entry 2026-12-31 -> Jan..Dec 2026


def test_by_payer_exact_figures(fixture_db):
    result = concentration(fixture_db, WINDOW, "payer")
    # the window's income counts everyone: 50 000 + 20 000 + 15 000 + 10 000 + 5 000 − 500 (Kunde X) = 99 500;
    # the shares are of the payers with income, 100 000 (Kunde X, net −500, is listed apart)
    assert result.total == Decimal("99500.00") and result.share_total == Decimal("100000.00")
    assert [(k, float(a)) for k, _, a in result.left_out_groups.values.tolist()] == [("Kunde X", -500.0)]
    assert _groups(result) == [
        ("København", 101, 50000.0, 0.5),
        ("Gladsaxe", 159, 20000.0, 0.2),
        ("Café Sol", None, 15000.0, 0.15),
        ("Fonden", None, 10000.0, 0.1),
        ("Rotary", None, 5000.0, 0.05),
    ]
    # HHI = 50² + 20² + 15² + 10² + 5² = 2 500 + 400 + 225 + 100 + 25 = 3 250
    assert result.hhi == 3250.0
    assert result.effective_number == 10000 / 3250  # 3.0769…
    assert result.top1_share == 0.5
    assert result.top3_share == 0.85  # 0.50 + 0.20 + 0.15
    assert result.level == "high"  # 3 250 > 2 500
    # major: share ≥ 10 % (Fonden sits exactly on it); critical: ≥ 25 %
    assert list(result.groups["major"]) == [True, True, True, True, False]
    assert list(result.groups["critical"]) == [True, False, False, False, False]
    assert (result.left_out, result.left_out_amount) == (1, Decimal("-500.00"))


def test_a_municipality_with_two_departments_and_a_wage_subsidy_is_one_payer(con):
    add_ledger(con, [
        (dt.date(2026, 1, 31), 3_000_000, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101),
        (dt.date(2026, 2, 28), 1_000_000, "municipal_contract", "Københavns Kommune, Beskæftigelsesforvaltningen", 101),
        (dt.date(2026, 3, 31), 500_000, "wage_subsidy", "Jobcenter København", 101),
        (dt.date(2026, 3, 31), 500_000, "product_sale", "Café", None),
    ])
    payers = as_json(concentration(con, WINDOW, "payer"))["groups"]
    # 30 000 + 10 000 + 5 000 = 45 000 of 50 000 = 0.9, under the short name of data/kommuner.csv
    assert payers[0] == {"key": "København", "municipality_code": 101, "amount_dkk": 45000.0, "share": 0.9}
    assert len(payers) == 2
    counterparties = as_json(concentration(con, WINDOW, "counterparty"))["groups"]
    assert [g["key"] for g in counterparties] == [
        "Københavns Kommune, Socialforvaltningen", "Københavns Kommune, Beskæftigelsesforvaltningen", "Café",
        "Jobcenter København"]
    assert [g["municipality_code"] for g in counterparties] == [101, 101, None, 101]


def test_a_payer_is_one_group_with_its_municipality_looked_up_by_name(con):
    """Grouped by the stored payer alone (one key: half the cost of payer and municipality together); a counterparty
    spelled exactly like a municipality's short name is that municipality's payer, as its name says."""
    add_ledger(con, [
        (dt.date(2026, 1, 31), 3_000_000, "municipal_contract", "Gladsaxe Kommune", 159),
        (dt.date(2026, 2, 28), 1_000_000, "municipal_contract", "Gladsaxe", None),
        (dt.date(2026, 3, 31), 1_000_000, "product_sale", "Café", None),
    ])
    payers = as_json(concentration(con, WINDOW, "payer"))["groups"]
    # Gladsaxe 30 000 + 10 000 = 40 000 of 50 000 = 0.8; Café 10 000 = 0.2
    assert payers == [{"key": "Gladsaxe", "municipality_code": 159, "amount_dkk": 40000.0, "share": 0.8},
                      {"key": "Café", "municipality_code": None, "amount_dkk": 10000.0, "share": 0.2}]


def test_by_municipality_shares_of_total_and_hhi_within_municipal_income(fixture_db):
    out = as_json(concentration(fixture_db, WINDOW, "municipality"))
    # municipal income 50 000 + 20 000 = 70 000 of the 100 000 the shares are of (the window's income is 99 500)
    assert out["municipal_share"] == 0.7
    assert out["total_dkk"] == 99500.0 and out["shares_total_dkk"] == 100000.0
    assert [(g["key"], g["share"], g["share_of_municipal"]) for g in out["groups"]] == [
        ("København", 0.5, 50000 / 70000), ("Gladsaxe", 0.2, 20000 / 70000)]
    # HHI within municipal income = (100·5/7)² + (100·2/7)² = 10 000 · 29/49 = 5 918.37
    assert out["hhi"] == pytest.approx(10000 * 29 / 49, rel=1e-15)
    assert out["effective_number"] == pytest.approx(49 / 29, rel=1e-15)
    assert out["top1_share"] == 0.5 and out["top3_share"] == 0.7  # of all income; only two municipalities
    assert out["level"] == "high"


def test_by_stream_is_the_mosaic(fixture_db):
    out = as_json(concentration(fixture_db, WINDOW, "stream"))
    # municipal_contract 30 000 + 10 000 + 20 000 = 60 000; product_sale 5 000 + 15 000 − 500 = 19 500;
    # foundation_grant 10 000; wage_subsidy 5 000; other 5 000 → total 99 500 (Kunde X nets inside product_sale)
    assert out["total_dkk"] == 99500.0
    assert [(g["key"], g["amount_dkk"]) for g in out["groups"]] == [
        ("municipal_contract", 60000.0), ("product_sale", 19500.0), ("foundation_grant", 10000.0),
        ("other", 5000.0), ("wage_subsidy", 5000.0)]
    assert out["groups"][0]["share"] == 60000 / 99500
    squares = 60000**2 + 19500**2 + 10000**2 + 5000**2 + 5000**2
    assert out["hhi"] == pytest.approx(10000 * squares / 99500**2, rel=1e-15)  # 4 171.8…
    assert all(g["municipality_code"] is None for g in out["groups"])


def test_by_counterparty_departments_apart(fixture_db):
    result = concentration(fixture_db, WINDOW, "counterparty")
    # 30 000, 20 000, 15 000, 10 000, 10 000, 5 000 × 3 of 100 000: HHI 900 + 400 + 225 + 100 + 100 + 3 · 25 = 1 800
    assert result.hhi == 1800.0
    assert result.level == "moderate"
    assert result.top1_share == 0.3 and result.top3_share == 0.65


def test_json_has_exactly_the_contract_keys(fixture_db):
    plain = as_json(concentration(fixture_db, WINDOW, "payer"))
    assert list(plain) == ["from", "to", "by", "total_dkk", "hhi", "effective_number", "top1_share", "top3_share",
                           "level", "groups", "shares_total_dkk", "left_out"]
    assert set(plain["groups"][0]) == {"key", "municipality_code", "amount_dkk", "share"}
    assert (plain["from"], plain["to"], plain["by"]) == ("2026-01-01", "2026-12-31", "payer")
    municipal = as_json(concentration(fixture_db, WINDOW, "municipality"))
    assert set(municipal) == set(plain) | {"municipal_share"}
    assert set(municipal["groups"][0]) == {"key", "municipality_code", "amount_dkk", "share", "share_of_municipal"}


def test_amounts_have_two_decimals(con):
    add_ledger(con, [(dt.date(2026, 3, 1), 123_456_789, "product_sale", "A", None),
                     (dt.date(2026, 3, 2), 1, "product_sale", "B", None)])
    groups = as_json(concentration(con, WINDOW))["groups"]
    assert [g["amount_dkk"] for g in groups] == [1234567.89, 0.01]
    assert groups[1]["share"] == 1 / 123456790  # unrounded fraction


@pytest.mark.parametrize(("moderate", "high", "hhi", "level"), [
    ("3250", "4000", 3250.0, "moderate"),  # at the moderate line: moderate
    ("3000", "3250", 3250.0, "moderate"),  # at the high line: still moderate ("above" is high)
    ("3500", "4000", 3250.0, "low"),
    ("1000", "3000", 3250.0, "high"),
])
def test_level_bands_are_settings(ledger, moderate, high, hhi, level):
    store.set_setting(ledger, "hhi_moderate", moderate)
    store.set_setting(ledger, "hhi_high", high)
    result = concentration(ledger, WINDOW)
    assert (result.hhi, result.level) == (hhi, level)


def test_major_and_critical_shares_are_settings(ledger):
    store.set_setting(ledger, "major_share", "0.15")
    store.set_setting(ledger, "critical_share", "0.20")
    groups = concentration(ledger, WINDOW).groups
    assert list(groups["major"]) == [True, True, True, False, False]
    assert list(groups["critical"]) == [True, True, False, False, False]


def test_window_with_no_income(fixture_db):
    result = concentration(fixture_db, Window(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), "municipality")
    out = as_json(result)
    assert out["groups"] == [] and out["total_dkk"] == 0.0
    assert out["hhi"] is None and out["level"] is None and out["top1_share"] is None and out["municipal_share"] is None


def test_only_private_income_by_municipality_keeps_the_total(con):
    add_ledger(con, [(dt.date(2026, 5, 1), 100_000, "product_sale", "Café", None)])
    out = as_json(concentration(con, WINDOW, "municipality"))
    assert out["total_dkk"] == 1000.0 and out["municipal_share"] == 0.0 and out["groups"] == [] and out["hhi"] is None


def test_empty_database_json(con):
    assert resolve_window(con) is None
    assert empty_json("payer", None)["groups"] == []
    assert "municipal_share" in empty_json("municipality", None)


def test_window_bounds(fixture_db):
    assert resolve_window(fixture_db, dt.date(2026, 6, 1)) == Window(dt.date(2026, 6, 1), dt.date(2026, 12, 31))
    assert resolve_window(fixture_db, None, dt.date(2026, 3, 31)) == Window(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    # a bound outside the default window: 12 full months from/to it
    assert resolve_window(fixture_db, None, dt.date(2025, 6, 15)) == Window(dt.date(2024, 7, 1), dt.date(2025, 6, 15))
    with pytest.raises(UsageError, match="before it starts"):
        resolve_window(fixture_db, dt.date(2026, 5, 1), dt.date(2026, 4, 1))


def test_unknown_grouping_names_the_valid_ones(fixture_db):
    with pytest.raises(UsageError, match="payer, municipality, stream, counterparty"):
        concentration(fixture_db, WINDOW, "region")
