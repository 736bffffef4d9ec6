"""`agreements export|import`: files by extension, all-or-nothing import, line errors on stderr, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest

from seconomy import demo as _demo
from seconomy import store
from seconomy.cli import main

DEMO_AGREEMENTS = len(_demo.generate().agreements)  # the demo ships this many agreements
DEMO_COSTS = len(_demo.generate().costs)


@pytest.fixture
def db(demo_template, tmp_path):
    path = tmp_path / "cli.duckdb"
    shutil.copy(demo_template, path)
    return str(path)


def _count(db: str) -> tuple[int, int]:
    with store.session(db) as con:
        return (con.execute("SELECT count(*) FROM agreements").fetchall()[0][0],
                con.execute("SELECT count(*) FROM costs").fetchall()[0][0])


@pytest.mark.parametrize("name", ["aftaler.csv", "aftaler.xlsx"])
def test_export_then_import_is_a_no_op(db, tmp_path, capsys, name):
    out = tmp_path / name
    assert main(["--db", db, "agreements", "export", str(out)]) == 0
    assert f"{DEMO_AGREEMENTS + DEMO_COSTS} agreement and cost lines written" in capsys.readouterr().out
    assert main(["--db", db, "agreements", "import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"agreements: 0 added, 0 changed, {DEMO_AGREEMENTS} unchanged, 0 removed" in printed
    assert "cost lines: 0 added, 0 changed, 7 unchanged, 0 removed" in printed


def test_export_headers_follow_the_language_option(db, tmp_path):
    out = tmp_path / "a.csv"
    assert main(["--db", db, "agreements", "export", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8").startswith("type,id,stream,counterparty,")
    assert main(["agreements", "--db", db, "export", str(out)]) == 0  # default: the language setting (Danish)
    assert out.read_text(encoding="utf-8").startswith("type,id,indtægtstype,modpart,")


def test_bad_file_exits_1_with_each_line_on_stderr_and_writes_nothing(db, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("type,stream,municipality,placements,price,price unit,start,end\n"
                   "agreement,municipal_contract,Gladsaxe,4,-2400,week,2027-01-01,2027-12-31\n"
                   "agreement,municipal_contract,Atlantis,4,2400,week,2027-01-01,2026-12-31\n", encoding="utf-8")
    before = _count(db)
    assert main(["--db", db, "agreements", "import", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: 3 problem(s)")
    assert err[1:] == ["line 2: price: must not be negative ('-2400')",
                       "line 3: municipality: is not a Danish municipality ('Atlantis')",
                       "line 3: end: ends before it starts (2027-01-01) ('2026-12-31')"]
    assert _count(db) == before


def test_dry_run_and_json(db, tmp_path, capsys):
    costs = tmp_path / "costs.csv"
    costs.write_text("kategori;omkostningsart;månedligt beløb\nHusleje;fast;50.000,00\n", encoding="cp1252")
    assert main(["--db", db, "agreements", "import", str(costs), "--dry-run", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["dry_run"] is True and summary["agreements"] is None
    assert summary["costs"] == {"added": 1, "changed": 0, "unchanged": 0, "removed": 7}
    assert "semicolon" in summary["format"]
    assert _count(db) == (DEMO_AGREEMENTS, DEMO_COSTS)
    assert main(["--db", db, "agreements", "import", str(costs)]) == 0
    assert "agreements: left as they were" in capsys.readouterr().out
    assert _count(db) == (DEMO_AGREEMENTS, 1)


@pytest.mark.parametrize("args", [
    ["agreements"], ["agreements", "import"], ["agreements", "export"], ["agreements", "frobnicate", "x.csv"],
])
def test_usage_errors_exit_2(db, args):
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, *args])
    assert caught.value.code == 2


def test_missing_file_wrong_extension_and_sheet_of_a_csv_exit_2(db, tmp_path, capsys):
    assert main(["--db", db, "agreements", "import", str(tmp_path / "missing.csv")]) == 2
    assert main(["--db", db, "agreements", "export", str(tmp_path / "a.json")]) == 2
    (tmp_path / "a.csv").write_text("category\nx\n", encoding="utf-8")
    assert main(["--db", db, "agreements", "import", str(tmp_path / "a.csv"), "--sheet", "Aftaler"]) == 2
    assert "error:" in capsys.readouterr().err
