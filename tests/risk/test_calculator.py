"""The diversification calculator on the fixture: exact amounts and the HHI that follows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from seconomy.risk import concentration, diversify
from seconomy.risk.calculator import payer_options
from seconomy.window import Window

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_bringing_the_largest_payer_below_a_quarter(fixture_db):
    result = diversify(fixture_db, WINDOW, "København", 0.25, 101)
    # a = 50 000, T = 100 000: a / (T + X) < 0.25 <=> X > 50 000 / 0.25 − 100 000 = 100 000 -> 100 001 kr.
    assert (result.amount, result.total, result.extra) == (Decimal("50000.00"), Decimal("100000.00"), Decimal("100001.00"))
    assert result.share_before == 0.5
    assert result.share_after == 50_000 / 200_001 < 0.25
    # Σaᵢ² = 50² + 20² + 15² + 10² + 5² (thousands²) = 3 250 · 10⁶; HHI before 3 250
    assert result.hhi_before == 3250.0
    # many new small payers: 10 000 · 3 250 · 10⁶ / 200 001²
    assert result.hhi_new_small_payers == pytest.approx(10_000 * 3_250e6 / 200_001**2, rel=1e-12)
    # one new payer of 100 001: add 10 000 · 100 001² / 200 001²
    assert result.hhi_one_new_payer == pytest.approx(10_000 * (3_250e6 + 100_001**2) / 200_001**2, rel=1e-12)
    # the others (50 000) grow to 150 001: k = 150 001 / 50 000; their Σ 750 · 10⁶ grows by k²
    k = 150_001 / 50_000
    assert result.hhi_others_grow == pytest.approx(10_000 * (50_000**2 + k * k * 750e6) / 200_001**2, rel=1e-12)
    assert result.hhi_new_small_payers < result.hhi_others_grow < result.hhi_one_new_payer


def test_already_below_needs_nothing(fixture_db):
    result = diversify(fixture_db, WINDOW, "Fonden", 0.25)
    assert result.extra == Decimal("0.00") and result.share_after == result.share_before == 0.1
    assert result.hhi_new_small_payers == result.hhi_before


def test_exactly_at_the_threshold_needs_one_krone(fixture_db):
    # Fonden has exactly 10 %: "below" 10 % needs X > 10 000 / 0.1 − 100 000 = 0 -> 1 kr.
    assert diversify(fixture_db, WINDOW, "Fonden", 0.10).extra == Decimal("1.00")


def test_unknown_payer_and_bad_threshold(fixture_db):
    assert diversify(fixture_db, WINDOW, "Nobody", 0.25) is None
    assert diversify(fixture_db, WINDOW, "København", 0.25, None) is None  # a private payer of that name: none
    with pytest.raises(ValueError, match="between 0 and 1"):
        diversify(fixture_db, WINDOW, "København", 25, 101)


def test_payer_options_are_plain_python(fixture_db):
    options = payer_options(concentration(fixture_db, WINDOW).groups)
    assert options[:2] == [("København", 101), ("Gladsaxe", 159)] and options[2] == ("Café Sol", None)
    assert payer_options(pd.DataFrame({"key": [], "municipality_code": []})) == []
