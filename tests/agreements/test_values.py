"""Loose values from widgets, Excel cells and CSV text become typed values, or a ValueError."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pandas as pd
import pytest

from seconomy.agreements import values


@pytest.mark.parametrize("empty", [None, "", "  ", math.nan, pd.NA, pd.NaT, Decimal("NaN")])
def test_is_empty_covers_every_blank(empty):
    assert values.is_empty(empty)
    assert values.decimal(empty) is None and values.money(empty) is None and values.date(empty) is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("2.900,00", "2900.00"), ("2,900.00", "2900.00"), ("2900", "2900"), (2900.0, "2900"), ("1.234.567,50", "1234567.50"),
    ("46000 kr.", "46000"),
])
def test_money_reads_danish_and_english_amounts(raw, expected):
    assert values.money(raw) == Decimal(expected)


@pytest.mark.parametrize(("raw", "reason"), [("abc", "not an amount"), ("12,345", None), ("1.5.5", "not an amount")])
def test_money_refuses_what_is_not_an_amount(raw, reason):
    if reason is None:  # "12,345" is twelve thousand: a separator before three digits groups thousands
        assert values.money(raw) == Decimal("12345")
        return
    with pytest.raises(ValueError, match=reason):
        values.money(raw)


@pytest.mark.parametrize(("raw", "expected"), [("35 %", "0.35"), ("35%", "0.35"), ("0,35", "0.35"), (0.35, "0.35"),
                                               ("1", "1")])
def test_share_accepts_fractions_and_percentages(raw, expected):
    assert values.share(raw) == Decimal(expected)


def test_integer_refuses_fractions():
    assert values.integer("3") == 3 and values.integer(3.0) == 3
    with pytest.raises(ValueError):
        values.integer("2,5")


@pytest.mark.parametrize("raw", ["2027-01-31", "31-01-2027", "31.01.2027", "31/01/2027", dt.datetime(2027, 1, 31, 0, 0),
                                 pd.Timestamp("2027-01-31"), dt.date(2027, 1, 31)])
def test_date_reads_every_common_spelling(raw):
    assert values.date(raw) == dt.date(2027, 1, 31)


def test_date_refuses_impossible_dates():
    with pytest.raises(ValueError):
        values.date("31-02-2027")
    with pytest.raises(ValueError):
        values.date("next week")
