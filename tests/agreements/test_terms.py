"""What an agreement pays per month by its terms — the rules the forecast builds on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from seconomy import demo
from seconomy.agreements.terms import (
    SCHEDULE_COLUMNS,
    agreement_income,
    grant_payments,
    income_schedule,
    monthly_income,
    monthly_income_ore,
    months_from,
)

JAN, FEB = dt.date(2027, 1, 1), dt.date(2027, 2, 1)


def contract(**terms) -> dict:
    return {"stream": "municipal_contract", "start_date": dt.date(2027, 1, 1), "end_date": None, "status": "active",
            **terms}


def test_weekly_price_counts_the_days_of_the_month_over_seven():
    row = contract(placements=Decimal(6), price=Decimal(2900), price_unit="week")
    assert monthly_income(row, JAN) == Decimal("77057.14")  # 6 × 2900 × 31/7 = 77057.142…
    assert monthly_income(row, FEB) == Decimal(17400 * 4)  # February 2027: 28 days, exactly four weeks


def test_monthly_price_and_monthly_amount_pay_the_whole_month():
    assert monthly_income(contract(placements=3, price=9500, price_unit="month"), FEB) == Decimal("28500.00")
    assert monthly_income(contract(monthly_amount=Decimal("46000")), FEB) == Decimal("46000.00")


def test_a_partly_covered_month_pays_pro_rata_by_days_in_force():
    row = contract(monthly_amount=Decimal(3100), start_date=dt.date(2027, 1, 17), end_date=dt.date(2027, 3, 14))
    assert monthly_income(row, JAN) == Decimal("1500.00")  # 15 of 31 days
    assert monthly_income(row, FEB) == Decimal("3100.00")
    assert monthly_income(row, dt.date(2027, 3, 1)) == Decimal("1400.00")  # 14 of 31 days
    weekly = contract(placements=1, price=Decimal(700), price_unit="week", end_date=dt.date(2027, 2, 14))
    assert monthly_income(weekly, FEB) == Decimal("1400.00")  # 14 days = two weeks


def test_nothing_before_the_start_or_after_the_end_and_open_ended_runs_on():
    row = contract(monthly_amount=1000, start_date=dt.date(2027, 2, 1), end_date=dt.date(2027, 2, 28))
    assert [monthly_income(row, m) for m in months_from(JAN, 3)] == [0, 1000, 0]
    assert monthly_income(contract(monthly_amount=1000), dt.date(2040, 6, 1)) == 1000


def test_any_day_of_the_month_names_the_month():
    row = contract(monthly_amount=1000)
    assert monthly_income(row, dt.date(2027, 1, 19)) == monthly_income(row, JAN)


def test_rejected_pays_nothing_and_pending_pays_by_its_terms():
    row = contract(monthly_amount=1000)
    assert monthly_income({**row, "status": "rejected"}, JAN) == 0
    assert monthly_income({**row, "status": "pending"}, JAN) == 1000


def test_grant_pays_on_the_first_month_of_each_period():
    grant = {"stream": "foundation_grant", "total_amount": Decimal(400000), "schedule": "quarterly",
             "start_date": dt.date(2026, 4, 1), "end_date": dt.date(2027, 3, 31), "status": "active"}
    paid = [monthly_income(grant, m) for m in months_from(dt.date(2026, 4, 1), 12)]
    assert paid == [100000, 0, 0] * 4
    upfront = {**grant, "schedule": "upfront"}
    assert [monthly_income(upfront, m) for m in months_from(dt.date(2026, 3, 1), 3)] == [0, 400000, 0]


def test_grant_remainder_goes_to_the_last_payment():
    payments = grant_payments(Decimal(100000), "quarterly", dt.date(2027, 1, 1), dt.date(2027, 9, 30))
    assert [a for _, a in payments] == [Decimal("33333.33"), Decimal("33333.33"), Decimal("33333.34")]
    assert [d for d, _ in payments] == [JAN, dt.date(2027, 4, 1), dt.date(2027, 7, 1)]


def test_a_short_last_period_still_gets_a_payment():
    payments = grant_payments(Decimal(700000), "half_yearly", dt.date(2024, 7, 1), dt.date(2026, 12, 31))
    assert len(payments) == 5 and payments[-1][0] == dt.date(2026, 7, 1)
    assert len(grant_payments(Decimal(7), "yearly", dt.date(2027, 1, 1), dt.date(2028, 1, 31))) == 2  # 13 months


@given(total=st.decimals(0, 10**9, places=2), schedule=st.sampled_from(["monthly", "quarterly", "half_yearly", "yearly",
                                                                         "upfront"]),
       start=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), months=st.integers(1, 60))
def test_grant_payments_add_up_to_the_total_exactly_inside_the_period(total, schedule, start, months):
    end = months_from(start, months)[-1].replace(day=28)
    payments = grant_payments(total, schedule, start, end)
    assert sum(a for _, a in payments) == total
    assert all(start.replace(day=1) <= d <= end for d, _ in payments)
    assert all(a >= 0 for _, a in payments)
    row = {"stream": "public_grant", "total_amount": total, "schedule": schedule, "start_date": start, "end_date": end}
    assert sum(monthly_income(row, m) for m in months_from(start, months)) == total


@given(places=st.integers(0, 20), price=st.decimals(0, 50000, places=2), unit=st.sampled_from(["week", "month"]),
       start_day=st.integers(0, 400), length=st.integers(0, 800))
def test_contract_months_are_whole_øre_and_never_negative(places, price, unit, start_day, length):
    start = dt.date(2026, 1, 1) + dt.timedelta(days=start_day)
    row = contract(placements=Decimal(places), price=price, price_unit=unit, start_date=start,
                   end_date=start + dt.timedelta(days=length))
    for month in months_from(dt.date(2026, 1, 1), 40):
        amount = monthly_income(row, month)
        assert amount >= 0 and amount == amount.quantize(Decimal("0.01"))


def test_monthly_income_accepts_a_pandas_row_with_missing_values():
    frame = pd.DataFrame([{"stream": "wage_subsidy", "monthly_amount": 12500.0, "placements": float("nan"),
                           "price": None, "start_date": pd.Timestamp("2024-02-01"), "end_date": pd.NaT,
                           "status": "active"}])
    assert monthly_income(frame.iloc[0], JAN) == Decimal("12500.00")


def test_income_schedule_is_dense_and_agrees_with_monthly_income():
    agreements = pd.DataFrame([
        {"id": 1, **contract(monthly_amount=Decimal(1000), end_date=dt.date(2027, 1, 31)), "payer": "Gladsaxe"},
        {"id": 2, "stream": "foundation_grant", "total_amount": Decimal(900), "schedule": "quarterly", "status": "active",
         "start_date": JAN, "end_date": dt.date(2027, 9, 30), "payer": "Fonden"},
    ])
    schedule = income_schedule(agreements, JAN, 6)
    assert list(schedule.columns) == list(SCHEDULE_COLUMNS)
    assert len(schedule) == 12
    assert schedule["amount"].tolist() == [1000, 0, 0, 0, 0, 0, 300, 0, 0, 300, 0, 0]
    assert schedule["amount_ore"].dtype == "int64" and schedule["amount_ore"].sum() == 160000
    assert schedule["payer"].tolist()[:1] == ["Gladsaxe"]
    assert monthly_income_ore(agreements.iloc[1].to_dict(), months_from(JAN, 4)) == [30000, 0, 0, 30000]
    assert income_schedule(agreements.iloc[:0], JAN, 6).empty


def test_the_demo_grants_pay_what_the_demo_ledger_received(demo_con):
    """The demo ledger books its grants by the same schedule rule: the agreements must reproduce them to the øre."""
    months = months_from(demo.FIRST_MONTH, 46)
    schedule = agreement_income(demo_con, demo.FIRST_MONTH, len(months))
    grants = schedule[schedule["stream"].isin(["foundation_grant", "public_grant"])]
    expected = demo_con.execute(
        """SELECT date_trunc('month', entry_date)::DATE AS month, counterparty, sum(amount)
        FROM entries WHERE stream IN ('foundation_grant', 'public_grant') GROUP BY ALL""").fetchall()
    by_month = grants.groupby(["month", "counterparty"])["amount"].sum()
    assert {(m, c): a for m, c, a in expected} == {k: v for k, v in by_month.items() if v}
