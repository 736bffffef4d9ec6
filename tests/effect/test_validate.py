"""Validating placements, contacts and log entries: the vocabulary, the pseudonym rule, CPR numbers never echoed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from seconomy.effect.model import choice
from seconomy.effect.validate import clean_contact, clean_log, clean_placement

GOOD = {"participant_code": "GV-0001", "municipality": "Gladsaxe", "scheme": "virksomhedspraktik",
        "start_date": "06-01-2025", "end_date": "28-03-2025", "weekly_price": "2.000,00", "outcome": "job"}


def _codes(raw: dict) -> list[tuple[str, str]]:
    return [(p.column, p.code) for p in clean_placement(raw)[1]]


@pytest.mark.parametrize(("column", "text", "expected"), [
    ("scheme", "Løntilskud", "loentilskud"), ("scheme", "loentilskud", "loentilskud"), ("scheme", "STU", "stu"),
    ("scheme", "§ 103 beskyttet beskæftigelse", "beskyttet_beskaeftigelse_103"), ("scheme", "§103", "beskyttet_beskaeftigelse_103"),
    ("scheme", "§ 104 aktivitets- og samværstilbud", "aktivitet_samvaer_104"), ("scheme", "Jobafklaringsforløb", "jobafklaringsforloeb"),
    ("scheme", "RESSOURCEFORLØB", "ressourceforloeb"), ("scheme", "mentor", "mentor"), ("scheme", "andet", "andet"),
    ("outcome", "fleksjob", "flexjob"), ("outcome", "Uddannelse", "education"), ("outcome", "anden indsats", "other_programme"),
    ("outcome", "afklaret", "clarified"), ("outcome", "afbrudt", "dropped_out"), ("outcome", "other_programme", "other_programme"),
    ("role", "afdelingsleder", "middle_manager"), ("role", "Borgmester", "politician"), ("role", "frontmedarbejder", "caseworker"),
    ("kind", "møde", "meeting"), ("scheme", "tryllekunst", None), ("outcome", "pension?", None),
])
def test_choice_accepts_ids_and_danish_words(column, text, expected):
    assert choice(column, text) == expected


def test_a_good_placement():
    row, problems = clean_placement(GOOD)
    assert problems == []
    assert row == {"participant_code": "GV-0001", "municipality_code": 159, "scheme": "virksomhedspraktik",
                   "start_date": dt.date(2025, 1, 6), "end_date": dt.date(2025, 3, 28), "price": Decimal("2000.00"),
                   "price_unit": "week", "agreement_id": None, "outcome": "job", "score_start": None, "score_end": None}


@pytest.mark.parametrize("code", ["010190-1234", "0101901234", "010190 1234", "x-311299-9999"])
def test_a_cpr_like_participant_code_is_refused_and_masked(code):
    row, problems = clean_placement({**GOOD, "participant_code": code})
    assert [(p.column, p.code, p.value) for p in problems] == [("participant_code", "participant_cpr", "ddmmyy-xxxx")]
    assert row["participant_code"] is None
    assert code not in str(problems[0].line_error(2))


@pytest.mark.parametrize("code", ["Anna Jensen", "a" * 21, "GV/0001", "Ærø1"])
def test_a_code_that_is_no_pseudonym_is_refused_without_repeating_it(code):
    problems = clean_placement({**GOOD, "participant_code": code})[1]
    assert [(p.code, p.value) for p in problems] == [("participant_format", "")]


def test_end_date_and_outcome_go_together():
    assert _codes({**GOOD, "outcome": None}) == [("outcome", "outcome_required")]
    assert _codes({**GOOD, "end_date": ""}) == [("end_date", "end_required")]
    row, problems = clean_placement({**GOOD, "end_date": None, "outcome": None})  # running
    assert problems == [] and row["end_date"] is None and row["outcome"] is None
    assert _codes({**GOOD, "end_date": "01-01-2025"}) == [("end_date", "end_before_start")]


def test_prices():
    assert _codes({**GOOD, "weekly_price": None}) == [("price", "price_missing")]
    assert _codes({**GOOD, "monthly_price": "9.500"}) == [("monthly_price", "price_both")]
    assert _codes({**GOOD, "weekly_price": "-2000"}) == [("weekly_price", "negative")]
    assert _codes({**GOOD, "weekly_price": "2.000,123"}) == [("weekly_price", "decimals")]
    row = clean_placement({**GOOD, "weekly_price": None, "monthly_price": "9.500,00"})[0]
    assert (row["price"], row["price_unit"]) == (Decimal("9500.00"), "month")
    row = clean_placement({**{k: v for k, v in GOOD.items() if k != "weekly_price"}, "price": 2900, "price_unit": "uge"})[0]
    assert (row["price"], row["price_unit"]) == (Decimal("2900.00"), "week")


def test_scores_agreement_and_required_fields():
    row = clean_placement({**GOOD, "score_start": "3,5", "score_end": 7})[0]
    assert (row["score_start"], row["score_end"]) == (Decimal("3.50"), Decimal("7.00"))
    assert _codes({**GOOD, "score_end": "1000"}) == [("score_end", "score")]
    assert _codes({**GOOD, "agreement_id": "syv"}) == [("agreement_id", "agreement")]
    assert clean_placement({**GOOD, "agreement_id": "7"})[0]["agreement_id"] == 7
    assert _codes({"weekly_price": "1"}) == [("participant_code", "required"), ("municipality", "required"),
                                              ("scheme", "required"), ("start_date", "required")]
    assert _codes({**GOOD, "municipality": "Atlantis", "scheme": "tryllekunst"}) == [("municipality", "municipality"),
                                                                                    ("scheme", "choice")]


def test_a_cpr_number_in_another_field_is_masked_in_the_message():
    problems = clean_placement({**GOOD, "municipality": "010190-1234"})[1]
    assert [(p.code, p.value) for p in problems] == [("municipality", "ddmmyy-xxxx")]


def test_contacts_and_log():
    row, problems = clean_contact({"municipality": "Gladsaxe Kommune", "name": "Lise Kragh", "role": "afdelingsleder",
                                   "title": "Afdelingsleder", "last_meeting": "12-03-2026"})
    assert problems == [] and row["role"] == "middle_manager" and row["last_meeting"] == dt.date(2026, 3, 12)
    problems = clean_contact({"municipality": 159, "name": "", "role": "x"})[1]
    assert [(p.column, p.code) for p in problems] == [("name", "required"), ("role", "choice")]
    row, problems = clean_log({"municipality": 159, "log_date": dt.date(2026, 9, 1), "kind": "workshop",
                               "summary": "Ny indsats formet sammen med jobcentret"})
    assert problems == [] and row["contact_id"] is None
    problems = clean_log({"municipality": 159, "log_date": "2026-09-01", "kind": "meeting",
                          "summary": "Talte om borger 010190-1234"})[1]
    assert [(p.column, p.code, p.value) for p in problems] == [("summary", "cpr_text", "Talte om borger ddmmyy-xxxx")]
    assert [p.code for p in clean_log({"municipality": 159, "log_date": "x", "kind": "meeting", "summary": "y" * 501})[1]] \
        == ["date", "text_too_long"]
