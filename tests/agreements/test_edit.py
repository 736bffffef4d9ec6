"""The page's writes: validate first, write only valid rows, keep demo rows demo rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from seconomy import demo
from seconomy.agreements import edit
from seconomy.agreements.views import agreements_overview, cash, cost_summary
from seconomy.settings import get_settings

RAW = {"stream": "municipal_contract", "municipality": "Herlev", "department": "Jobcenter", "placements": 2.0,
       "price": 2700.0, "price_unit": "week", "start_date": dt.date(2027, 1, 1), "renewal_probability": "70 %"}


def test_save_adds_a_valid_agreement_and_refuses_an_invalid_one(con):
    saved = edit.save_agreement(con, RAW)
    assert saved.ok and saved.id
    refused = edit.save_agreement(con, {**RAW, "price": -2700.0})
    assert not refused.ok and refused.id is None
    assert [(p.column, p.code) for p in refused.problems] == [("price", "negative")]
    assert con.execute("SELECT count(*) FROM agreements").fetchall() == [(1,)]


def test_editing_a_demo_agreement_keeps_it_a_demo_row(demo_con):
    row = agreements_overview(demo_con, dt.date(2026, 11, 1), grants=False).iloc[0].to_dict()
    saved = edit.save_agreement(demo_con, {**row, "price": "3000"}, row["id"])
    assert saved.ok
    assert demo_con.execute("SELECT price, is_demo FROM agreements WHERE id = ?", [row["id"]]).fetchall() == [
        (Decimal("3000.00"), True)]


def test_end_checks_the_date_against_the_start(con):
    row_id = edit.save_agreement(con, RAW).id
    assert [p.code for p in edit.end_agreement(con, row_id, dt.date(2026, 12, 31)).problems] == ["end_before_start"]
    assert [p.code for p in edit.end_agreement(con, row_id, None).problems] == ["end_required"]
    assert edit.end_agreement(con, row_id, dt.date(2027, 3, 31)).ok
    assert con.execute("SELECT status, end_date FROM agreements").fetchall() == [("ended", dt.date(2027, 3, 31))]


def test_costs_and_their_summary(con):
    assert edit.save_cost(con, {"category": "Husleje", "kind": "fixed", "monthly_amount": 46000.0}).ok
    assert edit.save_cost(con, {"category": "Løn", "kind": "wage", "monthly_amount": "98.000"}).ok
    old = edit.save_cost(con, {"category": "Gammel leje", "kind": "fixed", "monthly_amount": 1, "end_date": "2026-12-31"})
    assert edit.save_cost(con, {"category": "Råvarer", "kind": "variable", "share_of_income": "35 %",
                                "stream": "product_sale"}).ok
    summary = cost_summary(con, dt.date(2027, 1, 1))
    assert (summary.fixed, summary.wage, summary.variable) == (Decimal(46000), Decimal(98000),
                                                               {"product_sale": Decimal("0.35")})
    assert not summary.lines.set_index("id")["in_force"][old.id]
    assert [p.code for p in edit.save_cost(con, {"category": "X", "kind": "fixed", "monthly_amount": -1}).problems] == [
        "negative"]


def test_set_cash_stores_both_settings_and_refuses_nonsense(con):
    assert edit.set_cash(con, Decimal("-1500.5"), dt.date(2026, 10, 31)) == []
    assert cash(con).opening_cash == Decimal("-1500.50") and cash(con).cash_date == dt.date(2026, 10, 31)
    assert [p.code for p in edit.set_cash(con, "lots", None)] == ["number"]
    assert edit.set_cash(con, 1000, None) == [] and cash(con).cash_date is None
    assert get_settings(con)["cash_date"] == ""


def test_grants_overview_shows_the_next_payment(demo_con):
    grants = agreements_overview(demo_con, dt.date(2026, 11, 1), grants=True).set_index("counterparty")
    assert grants.loc["Spirefonden", "next_payment_month"] == dt.date(2027, 1, 1)
    assert grants.loc["Spirefonden", "next_payment"] == Decimal(100000)
    assert grants.loc["Lindegaard Fonden", "next_payment_month"] is None
    assert len(grants) == sum(1 for g in demo.GRANTS) + 1  # plus the pending continuation
