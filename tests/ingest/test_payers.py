"""Which municipality a line belongs to, and CPR numbers found and masked."""

from __future__ import annotations

import pytest

from seconomy.ingest.cpr import has_cpr, mask
from seconomy.ingest.payers import infer_municipality, municipality_code


@pytest.mark.parametrize(("counterparty", "code"), [
    ("Københavns Kommune, Socialforvaltningen", 101),
    ("Jobcenter Århus", 751),
    ("Aarhus Jobcenter", 751),
    ("Frederiksberg Kommune, Rådhuskantinen", 147),
    ("Gladsaxe Kommune, Jobcenter Gladsaxe", 159),
    ("Odense Kommunes Madservice", 461),
    ("Bornholms Regionskommune", 400),
    ("Borgerservice Vejle", 630),
    ("kobenhavns kommune", 101),
])
def test_public_bodies_name_their_municipality(counterparty, code):
    assert infer_municipality(counterparty) == code


@pytest.mark.parametrize("counterparty", [
    "Odense Saftværk ApS", "Café København", "Aarhus Bryghus", "Kommunernes Landsforening", "Region Hovedstaden",
    "Lindegaard Fonden", "Kommune 187", None, "",
])
def test_private_firms_and_others_name_no_municipality(counterparty):
    assert infer_municipality(counterparty) is None


@pytest.mark.parametrize(("text", "code"), [("København", 101), ("Københavns Kommune", 101), ("kbh", 101), ("0101", 101),
                                            ("101", 101), ("Aarhus", 751), ("Århus", 751), ("Hoeje-Taastrup", 169),
                                            ("Atlantis", None), ("999", None), ("", None)])
def test_municipality_column_values(text, code):
    assert municipality_code(text) == code


@pytest.mark.parametrize(("text", "role", "found"), [
    ("Jens 010190-1234", "description", True),
    ("Jens 0101901234", "description", True),
    ("Jens 010190 1234", "counterparty", True),
    ("ref 010190-1234", "reference", True),
    ("0101901234", "reference", False),  # ten-digit voucher numbers are common in reference columns
    ("tlf 12345678", "description", False),
    ("321390-1234", "description", False),  # day 32 is no date
    ("Faktura 2026-01-05", "description", False),
    ("12010190-12345", "description", False),
])
def test_cpr_numbers_are_found_by_their_columns_rules(text, role, found):
    assert has_cpr(text, role) is found


def test_mask_hides_every_cpr_shaped_number():
    assert mask("Jens 010190-1234 og 0202021234") == "Jens ddmmyy-xxxx og ddmmyy-xxxx"
