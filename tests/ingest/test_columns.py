"""Recognising columns by header, in Danish and English, and the user's own mapping."""

from __future__ import annotations

import pytest

from seconomy.errors import UsageError
from seconomy.ingest.columns import detect_columns, header_key, resolve_columns


@pytest.mark.parametrize(("header", "role"), [
    ("Dato", "date"), ("Bogføringsdato", "date"), ("FAKTURADATO", "date"), ("Date", "date"),
    ("Beløb", "amount"), ("belob", "amount"), ("Beloeb", "amount"), ("Amount (DKK)", "amount"), ("Beløb (DKK)", "amount"),
    ("Beløb ekskl. moms", "net_amount"), ("Netto", "net_amount"), ("Net amount", "net_amount"),
    ("Beløb inkl. moms", "gross_amount"), ("Moms", "vat"), ("Debet", "debit"), ("Kredit", "credit"),
    ("Kategori", "stream"), ("Type", "stream"), ("Indtægtstype", "stream"), ("stream", "stream"),
    ("Kunde", "counterparty"), ("Debitor", "counterparty"), ("Modpart", "counterparty"), ("Betaler", "counterparty"),
    ("Customer", "counterparty"), ("Payer", "counterparty"), ("Kommune", "municipality"), ("Municipality", "municipality"),
    ("municipality_code", "municipality_code"), ("Tekst", "description"), ("Beskrivelse", "description"),
    ("Bilag", "reference"), ("Bilagsnr.", "reference"), ("Fakturanr", "reference"), ("Voucher", "reference"),
    ("Invoice", "reference"), ("Konto", "account"), ("Kontonr", "account"), ("Kontonavn", "account_name"),
])
def test_headers_are_recognised_case_and_accent_insensitively(header, role):
    assert detect_columns([header]) == {role: 0}


def test_unknown_headers_map_to_nothing_and_the_first_of_two_wins():
    assert detect_columns(["Posted", "Sum"]) == {}
    assert detect_columns(["Beløb", "Amount"]) == {"amount": 0}


def test_user_mapping_overrides_and_unmaps():
    header = ["Posted", "Kunde", "Sum", "Tekst"]
    mapping = resolve_columns(header, {"date": "Posted", "amount": "3", "description": ""})
    assert mapping.columns == {"date": 0, "counterparty": 1, "amount": 2}
    assert mapping.origin["date"] == "chosen" and mapping.origin["counterparty"] == "detected"


def test_a_column_has_one_role_and_remembered_mappings_apply_before_the_users():
    header = ["Kunde", "Navn"]
    mapping = resolve_columns(header, {"counterparty": "Navn"}, {"description": "Kunde"})
    assert mapping.columns == {"counterparty": 1, "description": 0}


def test_bad_choices_are_usage_errors():
    with pytest.raises(UsageError, match="no column 'Nope'"):
        resolve_columns(["Dato"], {"date": "Nope"})
    with pytest.raises(UsageError, match="unknown column role"):
        resolve_columns(["Dato"], {"colour": "Dato"})


def test_header_key_ignores_case_and_spelling_of_the_same_header():
    assert header_key(["Beløb", "Dato"]) == header_key(["BELOEB", "dato "])
    assert header_key(["Beløb", "Dato"]) != header_key(["Dato", "Beløb"])
