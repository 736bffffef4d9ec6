"""Danish and English number formats."""

import datetime as dt
from decimal import Decimal

import pytest

from seconomy.text import format as fmt


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1234567, "da", "1.234.567 kr."), (1234567, "en", "DKK 1,234,567"), (Decimal("-13500.00"), "da", "−13.500 kr."),
        (0, "da", "0 kr."), (999.5, "da", "1.000 kr."), (12, "en", "DKK 12"),
    ],
)
def test_money(value, lang, expected):
    assert fmt.money(value, lang) == expected


def test_money_with_decimals():
    assert fmt.money(Decimal("1234567.5"), "da", 2) == "1.234.567,50 kr."
    assert fmt.money(Decimal("1234567.5"), "en", 2) == "DKK 1,234,567.50"


def test_percent_and_dates():
    assert fmt.percent(0.419747, "da") == "42,0 %"
    assert fmt.percent(0.419747, "en") == "42.0%"
    assert fmt.date(dt.date(2026, 11, 27), "da") == "27.11.2026"
    assert fmt.date(dt.date(2026, 11, 27), "en") == "27 Nov 2026"
    assert fmt.month(dt.date(2026, 5, 1), "da") == "maj 2026"
