"""The `scenario` and `scenarios` commands: the JSON contract, exit codes, reproducible simulation."""

from __future__ import annotations

import json
import re

import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.scenarios.results import run_scenario, to_json
from tests.scenarios.test_spec import ISSUE_EXAMPLE

DEMO_SCENARIO = "Gladsaxe stopper i april, København −30 % fra juli"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse refuses an argument's value with exit code 2
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def spec_file(tmp_path):
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_has_the_documented_keys(demo_db, spec_file, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "scenario", str(spec_file), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"months", "by_payer", "totals", "first_negative_cash_month"} <= set(data)
    assert len(data["months"]) == 12 and data["months"][0]["month"] == "2027-01"
    assert {"month", "baseline_income", "scenario_income", "costs", "result", "cash",
            "expected_income", "contracted_income", "baseline_contracted_income", "actual"} <= set(data["months"][0])
    assert set(data["by_payer"][0]) == {"key", "municipality_code", "baseline", "scenario"}
    kbh = next(p for p in data["by_payer"] if p["key"] == "København")
    assert kbh["municipality_code"] == 101  # payers keyed as in `risk`
    assert "simulation" not in data


def test_json_equals_the_domain_result(demo_db, spec_file, capsys):
    _, out, _ = _run(capsys, "--db", str(demo_db), "scenario", str(spec_file), "--json")
    with store.session(demo_db) as con:
        expected = to_json(run_scenario(con, spec_file.read_text(encoding="utf-8")))
    assert json.loads(out) == json.loads(json.dumps(expected))


def test_demo_board_scenario_runs_out_of_cash_while_the_baseline_does_not(demo_db, tmp_path, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "scenarios", "show", DEMO_SCENARIO)
    assert code == 0
    path = tmp_path / "board.json"
    path.write_text(out, encoding="utf-8")
    _, out, _ = _run(capsys, "--db", str(demo_db), "scenario", str(path), "--json")
    data = json.loads(out)
    assert data["first_negative_cash_month"] is not None
    assert data["totals"]["baseline_first_negative_cash_month"] is None
    assert min(m["cash"] for m in data["months"]) < 0


def test_simulation_with_the_same_seed_gives_the_same_json(demo_db, spec_file, capsys):
    args = ("--db", str(demo_db), "scenario", str(spec_file), "--json", "--simulate", "1500", "--seed", "9")
    _, first, _ = _run(capsys, *args)
    _, second, _ = _run(capsys, *args)
    assert first == second
    simulation = json.loads(first)["simulation"]
    assert simulation["runs"] == 1500 and simulation["seed"] == 9
    assert {"probability_deficit", "probability_negative_cash", "revenue_at_risk", "cash_percentiles",
            "income_percentiles", "result_percentiles"} <= set(simulation)
    assert set(simulation["cash_percentiles"][0]) == {"month", "p5", "p25", "p50", "p75", "p95"}
    _, other, _ = _run(capsys, *args[:-1], "10")
    assert json.loads(other)["simulation"] != simulation


def test_text_output_names_the_first_negative_month(demo_db, spec_file, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "scenario", str(spec_file))
    assert code == 0 and "scenario: Eksempel" in out and "first month with negative cash:" in out


@pytest.mark.parametrize(("spec", "argv", "code", "message"), [
    ({"shocks": [{"municipality": "Gladsax", "change": -1}]}, (), 1, "shock 1 .*unknown municipality 'Gladsax'"),
    ({"shocks": [{"payer": "Nobody", "change": -1}]}, (), 1, "matches no income"),
    ({}, ("--seed", "3"), 2, "--seed only goes with --simulate"),
    ({}, ("--simulate", "0"), 2, "--simulate: a number of runs from 1 to 100000"),
])
def test_errors_and_exit_codes(demo_db, tmp_path, capsys, spec, argv, code, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    got, _, err = _run(capsys, "--db", str(demo_db), "scenario", str(path), *argv)
    assert got == code
    assert re.search(message, err), err


def test_missing_file_is_a_usage_error(demo_db, capsys):
    code, _, err = _run(capsys, "--db", str(demo_db), "scenario", "/nonexistent/spec.json")
    assert code == 2 and "cannot read" in err


def test_empty_database_is_invalid_input(tmp_path, spec_file, capsys):
    code, _, err = _run(capsys, "--db", str(tmp_path / "empty.duckdb"), "scenario", str(spec_file))
    assert code == 1 and "no income data" in err


def test_scenarios_save_list_show_delete(demo_db, spec_file, capsys):
    db = ("--db", str(demo_db))
    assert _run(capsys, *db, "scenarios", "save", str(spec_file))[0] == 0
    _, out, _ = _run(capsys, *db, "scenarios", "list", "--json")
    assert {"Eksempel", DEMO_SCENARIO} <= {row["name"] for row in json.loads(out)}
    _, out, _ = _run(capsys, *db, "scenarios", "show", "Eksempel")
    assert json.loads(out)["shocks"][0]["municipality"] == "Gladsaxe"
    assert _run(capsys, *db, "scenarios", "delete", "Eksempel")[0] == 0
    assert _run(capsys, *db, "scenarios", "show", "Eksempel")[0] == 2
