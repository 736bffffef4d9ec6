"""Validating one application: Danish and English values, every problem with its code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seconomy.grants.model import choice, probability_of
from seconomy.grants.validate import clean_application
from tests.grants.helpers import D, application


def _codes(raw) -> dict[str, str]:
    return {p.column: p.code for p in clean_application(raw)[1]}


def test_a_danish_row_is_read_into_typed_values():
    row, problems = clean_application(application(
        funder="Egebjerg Fonden", funder_kind="pulje", amount="250.000,50", start_date="01-03-2027",
        end_date="2028-02-29", schedule="kvartalsvis", stage="indsendt", probability="35 %",
        deadline="15.01.2027", decision_date="2027-03-01", report_due="30-09-2027; 2028-03-31", effort_hours="12,5",
        restrictions="Medfinansiering 20 %"))
    assert problems == []
    assert row == {
        "funder": "Egebjerg Fonden", "funder_kind": "public_pool", "project": "Projekt", "amount": Decimal("250000.50"),
        "start_date": D(2027, 3, 1), "end_date": D(2028, 2, 29), "schedule": "quarterly", "stage": "submitted",
        "probability": 0.35, "deadline": D(2027, 1, 15), "decision_date": D(2027, 3, 1),
        "report_due": [D(2027, 9, 30), D(2028, 3, 31)], "effort_hours": Decimal("12.50"),
        "restrictions": "Medfinansiering 20 %"}


@pytest.mark.parametrize(("word", "stage"), [("idé", "idea"), ("Idea", "idea"), ("under udarbejdelse", "drafting"),
                                             ("Indsendt", "submitted"), ("shortlistet", "shortlisted"),
                                             ("BEVILGET", "granted"), ("afslået", "rejected"), ("declined", "rejected")])
def test_stages_in_danish_or_english(word, stage):
    assert choice("stage", word) == stage


def test_a_probability_may_be_a_share_or_a_percentage_but_not_a_bare_35():
    assert clean_application(application(probability="0,25"))[0]["probability"] == 0.25
    assert clean_application(application(probability="25%"))[0]["probability"] == 0.25
    assert _codes(application(probability="35")) == {"probability": "probability"}
    assert _codes(application(probability="-5 %")) == {"probability": "probability"}
    assert clean_application(application(probability=""))[0]["probability"] is None  # the stage's default


def test_every_problem_is_reported_at_once():
    codes = _codes(application(funder="", amount="-5", schedule="hver uge", stage="maybe", end_date="2026-12-31",
                               report_due="snart; 2027-05-01", effort_hours="-1", funder_kind="bank"))
    assert codes == {"funder": "required", "amount": "negative", "schedule": "choice", "stage": "choice",
                     "end_date": "end_before_start", "report_due": "report_due", "effort_hours": "negative",
                     "funder_kind": "choice"}


def test_amount_period_and_schedule_are_required():
    codes = _codes({"funder": "Fond A", "stage": "idé"})
    assert codes == {"amount": "amount_required", "schedule": "required", "start_date": "required",
                     "end_date": "end_required"}


def test_the_end_may_be_the_start_day_but_not_before_it():
    assert _codes(application(start_date=D(2027, 1, 1), end_date=D(2027, 1, 1))) == {}
    problem = clean_application(application(start_date=D(2027, 2, 1), end_date=D(2027, 1, 31)))[1][0]
    assert problem.reason == "ends before it starts (2027-02-01)"


def test_the_kind_defaults_to_a_foundation():
    assert clean_application(application(funder_kind=None))[0]["funder_kind"] == "foundation"


def test_stage_probabilities_default_and_fixed():
    defaults = {"idea": 0.05, "drafting": 0.1, "submitted": 0.25, "shortlisted": 0.5, "granted": 1.0, "rejected": 0.0}
    assert probability_of("submitted", None, defaults) == 0.25
    assert probability_of("submitted", 0.6, defaults) == 0.6
    assert probability_of("granted", 0.2, defaults) == 1.0 and probability_of("rejected", 0.9, defaults) == 0.0


@pytest.mark.parametrize("column", ["funder", "project", "restrictions"])
def test_a_cpr_number_is_refused_and_never_echoed(column):
    row, problems = clean_application(application(**{column: "Mentor for Jens 010190-1234"}))
    assert [(p.column, p.code, p.value) for p in problems] == [(column, "cpr", "Mentor for Jens ddmmyy-xxxx")]
    assert "1234" not in str(problems[0].line_error(2)) and row[column] is None
