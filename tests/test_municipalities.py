"""Municipality names in the many spellings exports use."""

import pytest

from seconomy.municipalities import all_municipalities, resolve, short_name


def test_all_municipalities_are_98_with_unique_codes():
    codes = [m.code for m in all_municipalities()]
    assert len(codes) == 98 == len(set(codes))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("København", 101), ("Københavns Kommune", 101), ("KØBENHAVN", 101), ("Koebenhavn", 101), ("kobenhavn", 101),
        ("Kbh.", 101), ("Copenhagen", 101), ("101", 101), ("0101", 101),
        ("Aarhus", 751), ("Århus", 751), ("Aarhus Kommune", 751),
        ("Lyngby-Taarbæk", 173), ("Lyngby Taarbaek", 173), ("Kgs. Lyngby", 173),
        ("Bornholms Regionskommune", 400), ("Nordfyns Kommune", 480), ("Høje-Taastrup Kommune", 169),
        ("Frederiksberg Kommune", 147), ("Gladsaxe", 159),
    ],
)
def test_resolve_known_spellings(text, code):
    assert resolve(text) == code


@pytest.mark.parametrize("text", ["", "   ", None, "Atlantis", "999", "Odense Saftværk ApS"])
def test_resolve_unknown_is_none(text):
    assert resolve(text) is None


def test_short_name_is_the_payer_key():
    assert short_name(101) == "København"
    assert short_name(None) is None
