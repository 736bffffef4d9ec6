"""Saved scenarios: create, edit, copy, delete; names unique; the demo's example is there."""

from __future__ import annotations

import json

import pytest

from seconomy import store
from seconomy.errors import ScenarioError
from seconomy.store import scenarios as saved


def test_demo_ships_the_board_scenario(demo_con):
    names = list(saved.list_scenarios(demo_con)["name"])
    assert "Gladsaxe stopper i april, København −30 % fra juli" in names


def test_create_edit_copy_delete(con):
    spec = json.dumps({"shocks": [{"payer": "X", "change": -0.1}]})
    first = saved.create_scenario(con, "Basis", spec)
    with pytest.raises(ScenarioError, match="already exists"):
        saved.create_scenario(con, "Basis", spec)
    saved.update_scenario(con, first, "Basis 2", json.dumps({"months": 24}))
    _, name, stored = saved.load_scenario(con, first)
    assert name == "Basis 2" and json.loads(stored) == {"months": 24, "name": "Basis 2"}
    copy = saved.copy_scenario(con, first)
    again = saved.copy_scenario(con, first)
    assert saved.load_scenario(con, copy)[1] == "Basis 2 (copy)" and saved.load_scenario(con, again)[1] == "Basis 2 (copy 2)"
    assert json.loads(saved.load_scenario(con, copy)[2])["name"] == "Basis 2 (copy)"
    with pytest.raises(ScenarioError, match="already exists"):
        saved.update_scenario(con, copy, "Basis 2", "{}")
    assert saved.delete_scenario(con, first) and not saved.delete_scenario(con, first)
    assert saved.load_scenario(con, "Basis 2") is None
    assert len(saved.list_scenarios(con)) == 2


def test_save_scenario_stays_reachable_from_the_store(con):
    assert store.save_scenario is saved.save_scenario
    store.save_scenario(con, "A", "{}")
    store.save_scenario(con, "A", '{"months": 3}')  # create or replace by name
    assert saved.load_scenario(con, "A")[2] == '{"months": 3}'
