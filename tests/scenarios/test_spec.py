"""SPEC.json parsing: clear errors that name the bad shock, defaults, and a lossless round trip."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from seconomy.errors import ScenarioError
from seconomy.scenarios.spec import Simulation, parse_spec

ISSUE_EXAMPLE = {
    "name": "Eksempel", "start": "2027-01", "months": 12,
    "shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
               {"stream": "foundation_grant", "change": -0.5},
               {"payer": "Café Solsikken", "change": -0.2, "from": "2027-03", "to": "2027-08"}],
    "costs": [{"change": 0.05}],
}


def test_the_issue_example_parses():
    spec = parse_spec(json.dumps(ISSUE_EXAMPLE))
    assert spec.name == "Eksempel" and spec.start == dt.date(2027, 1, 1) and spec.months == 12
    gladsaxe, grants, cafe = spec.shocks
    assert gladsaxe.municipality_code == 159 and gladsaxe.change == -1.0 and gladsaxe.start == dt.date(2027, 4, 1)
    assert grants.stream == "foundation_grant" and grants.start is None  # from the first forecast month
    assert cafe.end == dt.date(2027, 8, 1)
    assert spec.costs[0].change == 0.05


def test_defaults_and_official_municipality_names():
    spec = parse_spec({"shocks": [{"municipality": "Københavns Kommune", "amount": -5000}]})
    assert spec.name == "Scenario" and spec.start is None and spec.months == 12
    assert spec.shocks[0].municipality_code == 101 and spec.shocks[0].amount == Decimal("-5000.00")
    assert spec.simulation == Simulation()


def test_round_trip_through_json_is_lossless():
    spec = parse_spec(ISSUE_EXAMPLE | {"simulation": {"cut_probability": {"København": 0.3, "*": 0.1}}})
    assert parse_spec(spec.to_json()) == spec


@pytest.mark.parametrize(("shock", "message"), [
    ({"municipality": "Gladsax", "change": -1}, "shock 2 .*unknown municipality 'Gladsax'"),
    ({"stream": "salg", "change": -2}, "shock 2 .*change -2 is outside -1 … 10"),
    ({"stream": "sodavand", "change": -0.1}, "shock 2 .*unknown stream 'sodavand'"),
    ({"payer": "X", "change": -0.1, "amount": 5}, "shock 2 .*exactly one of change .* or amount"),
    ({"payer": "X"}, "shock 2 .*exactly one of change"),
    ({"change": -0.1}, "shock 2 .*say what it hits"),
    ({"payer": "X", "change": -0.1, "from": "april"}, "shock 2 .*from \"april\" is not a month"),
    ({"payer": "X", "change": -0.1, "from": "2027-05", "to": "2027-04"}, "shock 2 .*to 2027-04 is before from 2027-05"),
    ({"payer": "X", "chnage": -0.1}, "shock 2 .*unknown field 'chnage'"),
    ({"agreement": "7", "change": 0}, "shock 2 .*agreement must be an agreement id"),
])
def test_bad_shocks_are_named_in_the_message(shock, message):
    with pytest.raises(ScenarioError, match=message):
        parse_spec({"shocks": [{"payer": "Y", "change": 0.1}, shock]})


@pytest.mark.parametrize(("spec", "message"), [
    ("{not json", "not valid JSON"),
    ({"months": 40}, "months must be a whole number from 1 to 36"),
    ({"start": "2027-13"}, "start \"2027-13\" is not a month"),
    ({"costs": [{"kind": "rent", "change": 0.1}]}, "cost change 1 .*unknown kind 'rent'"),
    ({"simulation": {"cut_size": [0.5, 0.2]}}, "cut_size must be"),
    ({"simulation": {"cut_probability": {"Atlantis": 0.2}}}, "unknown municipality 'Atlantis'"),
    ({"simulation": {"volatility": {"product_sale": -1}}}, "outside 0 … 2"),
    ({"shocks": {"payer": "X"}}, "shocks and costs must be lists"),
    ({"horizon": 12}, "unknown field 'horizon'"),
])
def test_bad_specs_are_refused(spec, message):
    with pytest.raises(ScenarioError, match=message):
        parse_spec(spec)
