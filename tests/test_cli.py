"""The command line: demo and info, --help everywhere, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from seconomy.cli import build_parser, main
from tests.conftest import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "seconomy", *args], cwd=ROOT, capture_output=True, text=True)


def test_demo_then_info_prints_counts(tmp_path):
    db = tmp_path / "demo.duckdb"
    created = run_cli("--db", str(db), "demo")
    assert created.returncode == 0, created.stderr
    info = run_cli("--db", str(db), "info")
    assert info.returncode == 0, info.stderr
    assert "entries" in info.stdout and "schema version" in info.stdout and "2023-01-01" in info.stdout


def test_info_json(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["dataset"] == "demo" and info["counts"]["municipalities"] == 98 and info["counts"]["entries"] > 1000


def test_demo_if_empty_keeps_existing_data(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "demo", "--if-empty"]) == 0
    assert "not written" in capsys.readouterr().out


def test_db_option_after_the_command_and_env(tmp_path, monkeypatch, capsys):
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    assert main(["demo"]) == 0
    assert db.exists()
    other = tmp_path / "after.duckdb"
    assert main(["demo", "--db", str(other)]) == 0
    assert other.exists()


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_the_readme(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout
    assert f"`{command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_unknown_command_is_a_usage_error():
    assert run_cli("frobnicate").returncode == 2
