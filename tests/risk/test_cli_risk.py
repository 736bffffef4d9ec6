"""``python -m seconomy risk``: the JSON contract, the readable table and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from seconomy import store
from seconomy.cli import main
from tests.conftest import ROOT
from tests.risk.conftest import FIXTURE, add_ledger


@pytest.fixture
def fixture_file(tmp_path):
    path = tmp_path / "fixture.duckdb"
    with store.session(path) as con:
        add_ledger(con, FIXTURE)
    return str(path)


def risk_json(capsys, db, *args):
    assert main(["--db", db, "risk", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_by_payer_on_the_fixture(capsys, fixture_file):
    out = risk_json(capsys, fixture_file, "--by", "payer")
    assert out == {
        "from": "2026-01-01", "to": "2026-12-31", "by": "payer", "total_dkk": 99500.0, "hhi": 3250.0,
        "effective_number": 10000 / 3250, "top1_share": 0.5, "top3_share": 0.85, "level": "high",
        "groups": [
            {"key": "København", "municipality_code": 101, "amount_dkk": 50000.0, "share": 0.5},
            {"key": "Gladsaxe", "municipality_code": 159, "amount_dkk": 20000.0, "share": 0.2},
            {"key": "Café Sol", "municipality_code": None, "amount_dkk": 15000.0, "share": 0.15},
            {"key": "Fonden", "municipality_code": None, "amount_dkk": 10000.0, "share": 0.1},
            {"key": "Rotary", "municipality_code": None, "amount_dkk": 5000.0, "share": 0.05},
        ],
        "shares_total_dkk": 100000.0,
        "left_out": [{"key": "Kunde X", "municipality_code": None, "amount_dkk": -500.0}],
    }


def test_json_by_municipality_with_a_window(capsys, fixture_file):
    out = risk_json(capsys, fixture_file, "--by", "municipality", "--from", "2026-02-01", "--to", "2026-05-31")
    # Feb–May: København 10 000 + 5 000 + 5 000 = 20 000, Gladsaxe 20 000; no other income: total 40 000
    assert (out["from"], out["to"], out["total_dkk"], out["municipal_share"]) == ("2026-02-01", "2026-05-31", 40000.0, 1.0)
    assert [(g["key"], g["share"], g["share_of_municipal"]) for g in out["groups"]] == [
        ("Gladsaxe", 0.5, 0.5), ("København", 0.5, 0.5)]  # a tie: by name
    assert out["hhi"] == 5000.0 and out["effective_number"] == 2.0 and out["level"] == "high"


def test_by_is_payer_by_default_and_text_output(capsys, fixture_file):
    assert main(["--db", fixture_file, "risk"]) == 0
    text = capsys.readouterr().out
    assert "concentration by payer, 2026-01-01 .. 2026-12-31" in text
    assert "HHI:                3,250.0  level: high" in text
    assert "København" in text and "critical" in text and "Kunde X" not in text
    assert "left out:           1 group(s) with a negative net (−DKK 500.00)" in text
    assert "Københavns Kommune — all departments together" in text
    assert "To bring København below 25.0% you need DKK 100,001 more income" in text


def test_empty_database(capsys, tmp_path):
    out = risk_json(capsys, str(tmp_path / "empty.duckdb"), "--by", "stream")
    assert out["groups"] == [] and out["hhi"] is None and out["from"] is None
    assert main(["--db", str(tmp_path / "empty.duckdb"), "risk"]) == 0
    assert "no income" in capsys.readouterr().out


def test_usage_errors_exit_2(fixture_file):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "seconomy", "--db", fixture_file, "risk", *args],
                              cwd=ROOT, capture_output=True, text=True)
    reversed_window = run("--from", "2026-05-01", "--to", "2026-04-30")
    assert reversed_window.returncode == 2 and "before it starts" in reversed_window.stderr
    assert run("--by", "region").returncode == 2
    assert run("--from", "2026-13-01").returncode == 2


def test_cli_json_matches_the_domain_on_the_demo(capsys, demo_db):
    from seconomy.risk import as_json, concentration
    from seconomy.window import default_window
    with store.session(demo_db) as con:
        expected = {by: as_json(concentration(con, default_window(con), by)) for by in ("payer", "municipality")}
    for by, figures in expected.items():
        assert risk_json(capsys, str(demo_db), "--by", by) == figures
    assert expected["payer"]["groups"][0]["key"] == "København"
