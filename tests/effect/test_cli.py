"""`placements import|export|list|purge` and `effect`: exact JSON keys, exit codes, CPR numbers never echoed."""

from __future__ import annotations

import json
import shutil

import pytest

from seconomy import store
from seconomy.cli import main
from tests.effect.conftest import HAND, add_income

KEYS = ["municipality", "municipality_code", "placements", "running", "ended", "exits_to_work_or_education",
        "exit_rate", "exit_rate_low", "exit_rate_high", "dropped_out", "average_weeks", "income", "price_per_exit",
        "municipal_net", "suppressed"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "effect.duckdb"
    with store.session(path) as con:
        add_income(con)
    return str(path)


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_and_effect_json(db, capsys):
    code, out, _ = cli(capsys, "--db", db, "placements", "import", str(HAND), "--json")
    assert code == 0 and json.loads(out) | {"file": None} == {"file": None, "format": "CSV, UTF-8, semicolon-separated",
                                                               "rows": 11, "added": 11, "changed": 0, "unchanged": 0,
                                                               "dry_run": False}
    code, out, _ = cli(capsys, "--db", db, "placements", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 11 and {r["participant"] for r in listed} >= {"P1", "P7"}
    code, out, _ = cli(capsys, "--db", db, "effect", "--from", "2025-01-01", "--to", "2025-12-31", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["municipality"] for r in rows] == ["Gladsaxe", "Herlev"]
    gladsaxe = rows[0]
    assert list(gladsaxe)[:15] == KEYS
    assert {k: gladsaxe[k] for k in KEYS if k not in ("exit_rate", "exit_rate_low", "exit_rate_high", "average_weeks")} == {
        "municipality": "Gladsaxe", "municipality_code": 159, "placements": 9, "running": 2, "ended": 7,
        "exits_to_work_or_education": 4, "dropped_out": 1, "income": 115000.0, "price_per_exit": 64749.99,
        "municipal_net": 96500.03, "suppressed": False}
    assert gladsaxe["exit_rate"] == 4 / 7 and gladsaxe["exit_rate_low"] == pytest.approx(0.2505, abs=5e-5)
    assert rows[1]["suppressed"] is True
    assert [h["period"] for h in gladsaxe["half_years"]] == ["2025-H1", "2025-H2"]


def test_one_municipality_any_spelling_and_unknown_names(db, capsys):
    cli(capsys, "--db", db, "placements", "import", str(HAND))
    code, out, _ = cli(capsys, "--db", db, "effect", "--municipality", "Gladsaxe Kommune", "--from", "2025-01-01",
                       "--to", "2025-12-31", "--json")
    assert code == 0 and [r["municipality_code"] for r in json.loads(out)] == [159]
    code, out, err = cli(capsys, "--db", db, "effect", "--municipality", "Gladsax")
    assert code == 2 and "unknown municipality 'Gladsax'; did you mean: Gladsaxe?" in err and out == ""
    code, out, _ = cli(capsys, "--db", db, "effect", "--municipality", "101", "--json")
    assert code == 0 and json.loads(out)[0]["placements"] == 0  # a municipality without placements: zeros


def test_text_output_and_the_total(db, capsys):
    cli(capsys, "--db", db, "placements", "import", str(HAND))
    code, out, _ = cli(capsys, "--db", db, "effect", "--from", "2025-01-01", "--to", "2025-12-31")
    assert code == 0 and "(all)" in out and "57.1% (25.0%-84.2%)" in out and "fewer than 5 ended" in out


def test_a_cpr_like_code_is_refused_not_echoed_not_stored(db, capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("deltager;kommune;ordning;start;pris pr. uge\n010190-1234;Gladsaxe;STU;06-01-2025;2.000\n"
                   "0101901234;Gladsaxe;STU;06-01-2025;2.000\n", encoding="utf-8")
    code, out, err = cli(capsys, "--db", db, "placements", "import", str(bad))
    assert code == 1
    assert err.splitlines()[1:] == [
        "line 2: deltager: looks like a CPR number: CPR numbers are never stored; use a pseudonym chosen by you ('ddmmyy-xxxx')",
        "line 3: deltager: looks like a CPR number: CPR numbers are never stored; use a pseudonym chosen by you ('ddmmyy-xxxx')"]
    assert "010190" not in out + err
    with store.session(db) as con:
        assert con.execute("SELECT count(*) FROM placements").fetchall() == [(0,)]


def test_dry_run_and_export(db, capsys, tmp_path):
    code, out, _ = cli(capsys, "--db", db, "placements", "import", str(HAND), "--dry-run")
    assert code == 0 and "11 added" in out and "dry run" in out
    cli(capsys, "--db", db, "placements", "import", str(HAND))
    shared, full = tmp_path / "shared.csv", tmp_path / "full.xlsx"
    code, out, _ = cli(capsys, "--db", db, "placements", "export", str(shared), "--lang", "en")
    assert code == 0 and "without participant codes" in out and "P1" not in shared.read_text()
    assert cli(capsys, "--db", db, "placements", "export", str(full), "--with-codes")[0] == 0
    code, out, _ = cli(capsys, "--db", db, "placements", "import", str(full))
    assert code == 0 and "0 added, 0 changed, 11 unchanged" in out
    assert cli(capsys, "--db", db, "placements", "export", str(tmp_path / "x.pdf"))[0] == 2


def test_report(db, capsys, tmp_path):
    cli(capsys, "--db", db, "placements", "import", str(HAND))
    text, report = tmp_path / "own.txt", tmp_path / "gladsaxe.html"
    text.write_text("Tak for et godt samarbejde <3", encoding="utf-8")
    code, out, _ = cli(capsys, "--db", db, "effect", "--municipality", "Gladsaxe", "--from", "2025-01-01", "--to",
                       "2025-12-31", "--report", str(report), "--text", str(text), "--lang", "en")
    html = report.read_text(encoding="utf-8")
    assert code == 0 and f"written to {report}" in out
    assert "Documented effect for Gladsaxe Kommune" in html and "samarbejde &lt;3" in html and "P1" not in html
    code, out, err = cli(capsys, "--db", db, "effect", "--municipality", "159", "--report", str(report), "--json")
    assert code == 0 and json.loads(out)[0]["municipality"] == "Gladsaxe" and "written to" in err  # stdout: JSON only
    assert cli(capsys, "--db", db, "effect", "--report", str(report))[0] == 2  # needs --municipality
    assert cli(capsys, "--db", db, "effect", "--from", "2090-01-01")[0] == 2  # starts after today
    assert cli(capsys, "--db", db, "effect", "--municipality", "Gladsaxe", "--report", str(report), "--text",
               str(tmp_path / "missing.txt"))[0] == 2


def test_purge(db, capsys, monkeypatch):
    cli(capsys, "--db", db, "placements", "import", str(HAND))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = cli(capsys, "--db", db, "placements", "purge", "--before", "2025-02-01")
    assert code == 2 and "2 placements ended before 2025-02-01; nothing deleted: confirm with --yes" in err  # P8, P9
    code, out, _ = cli(capsys, "--db", db, "placements", "purge", "--before", "2025-02-01", "--yes")
    assert code == 0 and "2 placements that ended before 2025-02-01 deleted" in out
    code, out, _ = cli(capsys, "--db", db, "placements", "purge", "--before", "2025-02-01")
    assert code == 0 and "nothing to delete" in out
    with pytest.raises(SystemExit) as exited:  # argparse's own usage error
        main(["--db", db, "placements", "purge", "--before", "someday"])
    assert exited.value.code == 2


def test_before_budget_json(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_template, db)
    code, out, _ = cli(capsys, "--db", str(db), "effect", "--before-budget", "--as-of", "2026-12-01", "--json")
    result = json.loads(out)
    assert code == 0 and result["status"] == "adopted" and result["season_start"] == "2026-06-01"
    (gladsaxe,) = result["municipalities"]
    assert gladsaxe["municipality"] == "Gladsaxe" and gladsaxe["renewals"] == ["2027-09-30"]
    assert gladsaxe["last_middle_manager_meeting"] == "2026-03-12" and gladsaxe["middle_managers"] == ["Lise Kragh"]
    assert list(gladsaxe["effect"])[:15] == KEYS
    code, out, _ = cli(capsys, "--db", str(db), "effect", "--before-budget", "--as-of", "2026-05-01")
    assert code == 0 and "the list starts on 2026-06-01" in out
