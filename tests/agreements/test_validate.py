"""Validation of agreements and cost lines: every problem found, named by field and code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seconomy.agreements.model import REASONS, Problem
from seconomy.agreements.validate import AGREEMENT_FIELDS, COST_FIELDS, clean_agreement, clean_cost

CONTRACT = {"stream": "municipal_contract", "municipality": "Gladsaxe", "department": "Jobcenter", "placements": "4",
            "price": "2.400,00", "price_unit": "uge", "start_date": "01-01-2027", "end_date": "31-12-2027",
            "notice_months": "3", "renewal_probability": "70 %", "status": "aktiv"}
GRANT = {"stream": "fond", "counterparty": "Spirefonden", "total_amount": "400000", "schedule": "kvartalsvis",
         "start_date": "2026-04-01", "end_date": "2027-03-31"}


def codes(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.column, p.code) for p in problems}


def test_contract_is_cleaned_to_typed_store_columns():
    row, problems = clean_agreement(CONTRACT)
    assert problems == []
    assert set(row) == set(AGREEMENT_FIELDS)
    assert row["municipality_code"] == 159 and row["price"] == Decimal("2400.00") and row["price_unit"] == "week"
    assert row["placements"] == Decimal("4.00") and row["renewal_probability"] == 0.7 and row["status"] == "active"
    assert row["start_date"] == dt.date(2027, 1, 1) and row["notice_months"] == 3
    assert row["counterparty"] == "Gladsaxe Kommune, Jobcenter"  # derived from municipality and department


def test_grant_is_cleaned_with_its_schedule():
    row, problems = clean_agreement(GRANT)
    assert problems == []
    assert (row["stream"], row["total_amount"], row["schedule"]) == ("foundation_grant", Decimal("400000"), "quarterly")
    assert row["placements"] is None and row["monthly_amount"] is None and row["status"] == "active"


@pytest.mark.parametrize(("change", "expected"), [
    ({"price": "-2900"}, {("price", "negative")}),
    ({"placements": "-1"}, {("placements", "negative")}),
    ({"end_date": "31-12-2026"}, {("end_date", "end_before_start")}),
    ({"municipality": "Atlantis"}, {("municipality", "municipality")}),
    ({"municipality": None}, {("municipality", "municipality_required")}),
    ({"price_unit": "fortnight"}, {("price_unit", "choice")}),
    ({"status": "maybe"}, {("status", "choice")}),
    ({"renewal_probability": "1.5"}, {("renewal_probability", "probability")}),
    ({"renewal_probability": "-10 %"}, {("renewal_probability", "probability")}),
    ({"start_date": None}, {("start_date", "required")}),
    ({"start_date": "31-02-2027"}, {("start_date", "date")}),
    ({"notice_months": "2,5"}, {("notice_months", "integer")}),
    ({"monthly_amount": "10000"}, {("monthly_amount", "terms_both")}),
    ({"price": None}, {("price", "terms_partial")}),
    ({"price": "2900,5555"}, {("price", "decimals")}),
    ({"placements": None, "price": None, "price_unit": None}, {("price", "terms_missing")}),
    ({"total_amount": "5000"}, {("total_amount", "contract_terms")}),
    ({"status": "ended", "end_date": None}, {("end_date", "end_required")}),
    ({"stream": "sodavand"}, {("stream", "choice")}),
])
def test_contract_problems_are_named_by_field_and_code(change, expected):
    row, problems = clean_agreement({**CONTRACT, **change})
    assert codes(problems) == expected


def test_every_problem_is_reported_not_just_the_first():
    _row, problems = clean_agreement({**CONTRACT, "price": "-1", "end_date": "2020-01-01", "municipality": "Atlantis"})
    assert codes(problems) == {("price", "negative"), ("end_date", "end_before_start"), ("municipality", "municipality")}


@pytest.mark.parametrize(("change", "expected"), [
    ({"end_date": None}, {("end_date", "grant_end_required")}),
    ({"total_amount": None}, {("total_amount", "required")}),
    ({"total_amount": "-1"}, {("total_amount", "negative")}),
    ({"schedule": None}, {("schedule", "required")}),
    ({"schedule": "weekly"}, {("schedule", "choice")}),
    ({"price": "100"}, {("price", "grant_terms")}),
    ({"counterparty": ""}, {("counterparty", "required")}),
])
def test_grant_problems(change, expected):
    _row, problems = clean_agreement({**GRANT, **change})
    assert codes(problems) == expected


def test_wage_subsidy_with_a_monthly_amount_and_a_code_for_the_municipality():
    row, problems = clean_agreement({"stream": "løntilskud", "municipality": "0101", "monthly_amount": "46.000,00",
                                     "start_date": "2023-01-01"})
    assert problems == [] and row["municipality_code"] == 101 and row["monthly_amount"] == Decimal("46000")
    assert row["counterparty"] == "Københavns Kommune"


@pytest.mark.parametrize(("raw", "expected"), [
    ({"category": "Husleje", "kind": "fast", "monthly_amount": "46.000"}, {}),
    ({"category": "Råvarer", "kind": "variabel", "share_of_income": "35 %", "stream": "produktsalg"}, {}),
    ({"category": "Løn", "kind": "løn", "monthly_amount": "98000", "start_date": "2027-01-01"}, {}),
    ({"category": "", "kind": "fixed", "monthly_amount": "1"}, {("category", "required")}),
    ({"category": "X", "kind": "fixed"}, {("monthly_amount", "required")}),
    ({"category": "X", "kind": "fixed", "monthly_amount": "-5"}, {("monthly_amount", "negative")}),
    ({"category": "X", "kind": "fixed", "monthly_amount": "5", "share_of_income": "0.1"}, {("share_of_income", "cost_share")}),
    ({"category": "X", "kind": "variable", "stream": "product_sale"}, {("share_of_income", "required")}),
    ({"category": "X", "kind": "variable", "share_of_income": "0.1"}, {("stream", "required")}),
    ({"category": "X", "kind": "variable", "share_of_income": "120 %", "stream": "other"}, {("share_of_income", "probability")}),
    ({"category": "X", "kind": "variable", "share_of_income": "0.1", "stream": "other", "monthly_amount": "1"},
     {("monthly_amount", "cost_amount")}),
    ({"category": "X", "kind": "sometimes", "monthly_amount": "1"}, {("kind", "choice")}),
    ({"category": "X", "kind": "fixed", "monthly_amount": "1", "start_date": "2027-02-01", "end_date": "2027-01-31"},
     {("end_date", "end_before_start")}),
])
def test_cost_lines(raw, expected):
    row, problems = clean_cost(raw)
    assert codes(problems) == set(expected)
    assert set(row) == set(COST_FIELDS)


def test_every_problem_has_an_english_reason():
    for code in REASONS:
        text = Problem("price", code, "x", {"start": "2027-01-01", "choices": "a, b", "first": 2, "known": "k",
                                            "other": "o", "reason": "r"}).reason
        assert text and "{" not in text


money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(places=st.integers(0, 50), price=money, unit=st.sampled_from(["week", "month"]),
       start=st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)), days=st.integers(0, 4000),
       probability=st.decimals(0, 1, places=2))
def test_any_well_formed_contract_is_valid_and_keeps_its_values(places, price, unit, start, days, probability):
    raw = {"stream": "municipal_contract", "municipality": "101", "placements": places, "price": price, "price_unit": unit,
           "start_date": start, "end_date": start + dt.timedelta(days=days), "renewal_probability": probability}
    row, problems = clean_agreement(raw)
    assert problems == []
    assert row["price"] == price and row["placements"] == places and row["renewal_probability"] == float(probability)
