"""Danish and English formats of amounts, shares, numbers, dates, months and quarters (seconomy.text.format).

Every expected string is written out by hand from the issue's formats: Danish ``1.234.567 kr.``, ``30,8 %``,
``31.12.2026``, ``nov. 2026``, ``K4 2026``; English ``DKK 1,234,567``, ``30.8%``, ``31 Dec 2026``, ``Nov 2026``,
``Q4 2026``; the minus is U+2212 everywhere.
"""

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seconomy import fmt as legacy
from seconomy.agreements import values
from seconomy.text import format as fmt

M = "\u2212"


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (1234567, "da", "1.234.567 kr."), (1234567, "en", "DKK 1,234,567"),
    (Decimal("-13500.00"), "da", f"{M}13.500 kr."), (-1234, "en", f"{M}DKK 1,234"),
    (0, "da", "0 kr."), (0, "en", "DKK 0"), (Decimal("-0.4"), "da", "0 kr."),  # rounds to zero: no minus
    (999.5, "da", "1.000 kr."), (0.5, "en", "DKK 1"), (2.5, "da", "3 kr."),  # half up, not banker's rounding
    (12, "en", "DKK 12"), (Decimal("123456789012.34"), "da", "123.456.789.012 kr."),
    (10 ** 15, "en", "DKK 1,000,000,000,000,000"), (None, "da", "–"), (float("nan"), "en", "–"),
])
def test_money(value, lang, expected):
    assert fmt.money(value, lang) == expected


def test_money_with_decimals():
    assert fmt.money(Decimal("1234567.5"), "da", 2) == "1.234.567,50 kr."
    assert fmt.money(Decimal("1234567.5"), "en", 2) == "DKK 1,234,567.50"
    assert fmt.money(Decimal("-0.005"), "da", 2) == f"{M}0,01 kr."  # −0.005 rounds half up (away from zero) to −0.01


def test_signed_money_and_number():
    assert fmt.signed_money(1500, "da") == "+1.500 kr." and fmt.signed_money(-1500, "en") == f"{M}DKK 1,500"
    assert fmt.signed_money(0, "da") == "0 kr." and fmt.signed_number(0.04, "da", 1) == "0,0"
    assert fmt.signed_number(Decimal("2.5"), "en", 1) == "+2.5"


@pytest.mark.parametrize(("share", "lang", "decimals", "expected"), [
    (0.308, "da", 1, "30,8 %"), (0.308, "en", 1, "30.8%"), (0.419747, "da", 1, "42,0 %"), (0.419747, "en", 1, "42.0%"),
    (0, "da", 1, "0,0 %"), (0.25, "en", 0, "25%"), (-0.3, "da", 0, f"{M}30 %"), (-0.035, "en", 1, f"{M}3.5%"),
    (12.5, "da", 0, "1.250 %"), (Decimal("0.0005"), "en", 1, "0.1%"), (None, "da", 1, "–"),
])
def test_percent(share, lang, decimals, expected):
    assert fmt.percent(share, lang, decimals) == expected


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (1234567.5, "da", 0, "1.234.568"), (1234567.5, "en", 0, "1,234,568"), (7.25, "da", 2, "7,25"), (-7.25, "en", 1, f"{M}7.3"),
    (np.float64(1234.5), "en", 1, "1,234.5"), (np.int64(7), "da", 0, "7"), (0, "en", 2, "0.00"),
])
def test_number(value, lang, decimals, expected):
    assert fmt.number(value, lang, decimals) == expected


@pytest.mark.parametrize(("day", "da", "en"), [
    (dt.date(2026, 12, 31), "31.12.2026", "31 Dec 2026"), (dt.date(2026, 1, 2), "02.01.2026", "2 Jan 2026"),
    (pd.Timestamp("2026-09-05 14:30"), "05.09.2026", "5 Sep 2026"), (np.datetime64("2026-05-01"), "01.05.2026", "1 May 2026"),
    (dt.datetime(2000, 2, 29, 23, 59), "29.02.2000", "29 Feb 2000"), (None, "–", "–"), (pd.NaT, "–", "–"),
])
def test_date(day, da, en):
    assert fmt.date(day, "da") == da and fmt.date(day, "en") == en


def test_months_by_their_names():
    assert [fmt.month(dt.date(2026, m, 1), "da") for m in (1, 5, 6, 9, 11, 12)] == [
        "jan. 2026", "maj 2026", "jun. 2026", "sep. 2026", "nov. 2026", "dec. 2026"]
    assert [fmt.month(dt.date(2026, m, 1), "en") for m in (1, 5, 6, 9, 11, 12)] == [
        "Jan 2026", "May 2026", "Jun 2026", "Sep 2026", "Nov 2026", "Dec 2026"]
    assert fmt.month(pd.Timestamp("2026-11-30"), "da") == "nov. 2026"


@pytest.mark.parametrize(("day", "da", "en"), [
    (dt.date(2026, 1, 1), "K1 2026", "Q1 2026"), (dt.date(2026, 3, 31), "K1 2026", "Q1 2026"),
    (dt.date(2026, 4, 1), "K2 2026", "Q2 2026"), (dt.date(2026, 11, 15), "K4 2026", "Q4 2026"),
    (dt.date(2026, 12, 31), "K4 2026", "Q4 2026"),
])
def test_quarter(day, da, en):
    assert fmt.quarter(day, "da") == da and fmt.quarter(day, "en") == en


def test_time_stamps_and_truth_values():
    moment = dt.datetime(2026, 11, 27, 14, 5)
    assert fmt.datetime(moment, "da") == "27.11.2026 14:05" and fmt.datetime(moment, "en") == "27 Nov 2026 14:05"
    assert (fmt.yes_no(True, "da"), fmt.yes_no(False, "en"), fmt.yes_no(None, "da")) == ("ja", "no", "–")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        fmt.money(1, "de")


def test_the_old_module_is_the_same_functions():
    assert legacy.money is fmt.money and legacy.percent is fmt.percent and legacy.month is fmt.month


@given(st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=2))
def test_an_amount_reads_back_in_both_languages(amount):
    """What the page shows, typed back into a field, is the same amount (the one parser reads both languages)."""
    for lang in ("da", "en"):
        assert values.money(fmt.money(amount, lang, 2)) == amount


@given(st.integers(min_value=0, max_value=10_000))
def test_a_share_reads_back(per_mille):
    share = Decimal(per_mille) / 1000
    for lang in ("da", "en"):
        assert values.share(fmt.percent(share, lang, 1)) == share


def test_the_page_minus_reads_back():
    assert values.share(fmt.percent(-0.3, "da", 0)) == Decimal("-0.3")
    assert values.decimal(fmt.number(-1234.5, "en", 1)) == Decimal("-1234.5")
    assert values.money(fmt.money(-5, "da", 2)) == Decimal("-5")


@pytest.mark.parametrize("value, da, en", [(-1234.5, "-1.235 kr.", "-DKK 1,235"), (1234.4, "+1.234 kr.", "+DKK 1,234"),
                                           (0, "0 kr.", "DKK 0"), (-0.4, "0 kr.", "DKK 0")])
def test_a_change_of_money_for_a_metric_starts_with_an_ascii_sign(value, da, en):
    # st.metric colours a delta by whether its text starts with '-': U+2212 or 'DKK -1,235' would show as a rise
    assert (fmt.money_delta(value, "da"), fmt.money_delta(value, "en")) == (da, en)
