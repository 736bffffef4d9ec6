"""``settings list|get|set``: the Settings page's validation from the command line."""

from __future__ import annotations

import json

from seconomy.cli import main


def test_settings_set_get_and_list(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "settings", "set", "enterprise_name", "Kaffekollektivet ApS"]) == 0
    assert main(["--db", db, "settings", "set", "own_accounts", "5678901234, 1234-5678901"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "settings", "get", "enterprise_name"]) == 0
    assert capsys.readouterr().out.strip() == "Kaffekollektivet ApS"
    assert main(["--db", db, "settings", "list", "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["own_accounts"] == "5678901234, 1234-5678901" and values["cvr"] == "" and values["language"] == "da"


def test_an_invalid_setting_is_refused_and_nothing_changes(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "settings", "set", "critical_share", "0.05"]) == 1
    assert "critical_share" in capsys.readouterr().err
    assert main(["--db", db, "settings", "get", "critical_share", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"critical_share": 0.25}


def test_an_unknown_setting_is_a_usage_error(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "settings", "get", "colour"]) == 2
    assert "settings are:" in capsys.readouterr().err
    assert main(["--db", db, "settings", "set", "dataset", "own"]) == 2
