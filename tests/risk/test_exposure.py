"""Exposure ahead: agreements ending in the 12 months after the last data month, budget season marked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from seconomy import store
from seconomy.risk import exposure_ahead

D = dt.date
AGREEMENTS = [
    # 2 places × 1 000 kr./week by the days of its last 12 months (2027: 7 months of 31 days at 8 857.14,
    # 4 of 30 at 8 571.43, February 8 000 = 104 285.70) / 12 = 8 690.48 a month (not × 52 / 12);
    # notice 3 months -> renewal 2027-09-30: budget season
    dict(stream="municipal_contract", counterparty="Københavns Kommune, Socialforvaltningen", municipality_code=101,
         placements=2, price=1000, price_unit="week", start_date=D(2025, 1, 1), end_date=D(2027, 12, 31), notice_months=3),
    # 5 000 a month; notice 1 month -> renewal 2027-02-28: not budget season
    dict(stream="wage_subsidy", counterparty="Jobcenter Gladsaxe", municipality_code=159, monthly_amount=5000,
         start_date=D(2025, 1, 1), end_date=D(2027, 3, 31), notice_months=1),
    # 120 000 over 2026-01 .. 2027-08 (20 months) = 6 000 a month; ends in August but is no municipality
    dict(stream="foundation_grant", counterparty="Fonden", total_amount=120000, schedule="quarterly",
         start_date=D(2026, 1, 1), end_date=D(2027, 8, 31)),
    # not counted: ended, ends after the horizon, ends before it, only pending
    dict(stream="municipal_contract", counterparty="Rødovre Kommune", municipality_code=175, monthly_amount=9000,
         start_date=D(2025, 1, 1), end_date=D(2027, 6, 30), status="ended"),
    dict(stream="municipal_contract", counterparty="Herlev Kommune", municipality_code=163, monthly_amount=9000,
         start_date=D(2025, 1, 1), end_date=D(2028, 1, 31)),
    dict(stream="municipal_contract", counterparty="Herlev Kommune", municipality_code=163, monthly_amount=9000,
         start_date=D(2025, 1, 1), end_date=D(2026, 12, 15)),
    dict(stream="foundation_grant", counterparty="Ny Fond", monthly_amount=9000, start_date=D(2027, 1, 1),
         end_date=D(2027, 6, 30), status="pending"),
]


@pytest.fixture
def planned(ledger):
    for row in AGREEMENTS:
        store.add_agreement(ledger, row)
    return ledger


def test_agreements_ending_in_the_horizon(planned):
    ahead = exposure_ahead(planned, D(2026, 12, 31))
    assert (ahead.first_day, ahead.last_day) == (D(2027, 1, 1), D(2027, 12, 31))
    rows = ahead.agreements
    assert list(rows["counterparty"]) == ["Jobcenter Gladsaxe", "Fonden", "Københavns Kommune, Socialforvaltningen"]
    assert list(rows["payer"]) == ["Gladsaxe", "Fonden", "København"]
    assert list(rows["monthly_amount"]) == [5000.0, 6000.0, 8690.48]
    assert list(rows["renewal_date"]) == [D(2027, 2, 28), D(2027, 8, 31), D(2027, 9, 30)]
    assert list(rows["budget_season"]) == [False, False, True] and ahead.budget_season_count == 1
    # trailing 12 months' income: 99 500 (every 2026 row, credit notes included) / 12 = 8 291.67 a month
    assert ahead.monthly_income == Decimal("8291.67")
    assert rows["share_of_income"].iloc[0] == pytest.approx(5000 / (99500 / 12), rel=1e-12)


def test_month_by_month(planned):
    months = exposure_ahead(planned, D(2026, 12, 31)).months
    assert len(months) == 12 and months["month"].iloc[0] == D(2027, 1, 1)
    by_month = {m: (e, b) for m, e, b in zip(months["month"], months["ending_monthly"], months["ending_budget_season"], strict=True)}
    assert by_month[D(2027, 3, 1)] == (5000.0, 0.0)
    assert by_month[D(2027, 8, 1)] == (6000.0, 0.0)
    assert by_month[D(2027, 12, 1)] == (8690.48, 8690.48)
    assert by_month[D(2027, 5, 1)] == (0.0, 0.0)
    assert list(months["cumulative_monthly"])[-1] == 19690.48  # 5 000 + 6 000 + 8 690.48


def test_no_agreements(ledger):
    ahead = exposure_ahead(ledger, D(2026, 12, 31))
    assert ahead.agreements.empty and ahead.ending_monthly == 0.0 and len(ahead.months) == 12


def test_the_monthly_income_is_the_forecasts_rule(planned):
    """The exposure figure of a contract equals the forecast's income for its last whole year (seconomy.agreements.terms)."""
    from seconomy.agreements.terms import monthly_incomes, monthly_rate, months_from

    row = AGREEMENTS[0]
    year = monthly_incomes(row, months_from(D(2027, 1, 1), 12))
    assert monthly_rate(row) == (sum(year) / 12).quantize(Decimal("0.01"))
    short = dict(row, start_date=D(2027, 7, 15))  # in force 15 July … 31 December: 5 months and 17/31
    in_force = Decimal(5) + Decimal(17) / 31
    expected = sum(monthly_incomes(short, months_from(D(2027, 7, 1), 6))) / in_force
    assert monthly_rate(short) == expected.quantize(Decimal("0.01"))
