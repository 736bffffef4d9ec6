"""The import, imports, undo and export commands: arguments, exit codes, stderr and JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from seconomy import store
from seconomy.cli import import_ as import_command
from seconomy.cli import main
from tests.conftest import ROOT
from tests.data.make_samples import EXPECTED_TOTALS
from tests.ingest.helpers import ERRORS, OK, counts

DANISH = str(OK / "da_semicolon_cp1252.csv")


def test_import_json_reports_the_outcome(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", DANISH, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("import_id", "rows_added", "rows_present", "rows_rejected", "dry_run")} == {
        "import_id": 1, "rows_added": 12, "rows_present": 0, "rows_rejected": 0, "dry_run": False}
    assert out["total"] == sum(EXPECTED_TOTALS.values()) / 100
    assert out["format"] == "CSV, Windows-1252, semicolon-separated" and out["columns"]["amount"] == "Beløb"
    assert {r["counterparty"] for r in out["inferred"]} == {"Jobcenter Århus", "Frederiksberg Kommune, Rådhuskantinen"}


def test_dry_run_counts_but_writes_nothing(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", DANISH, "--dry-run"]) == 0
    assert "would add 12 rows" in capsys.readouterr().out
    with store.session(db) as con:
        assert counts(con)["entries"] == 0 and counts(con)["imports"] == 0


def test_skip_invalid_writes_valid_rows_and_a_rejected_file_beside_the_input(tmp_path, capsys):
    source = tmp_path / "bad.csv"
    shutil.copy(ERRORS / "several_bad_rows.csv", source)
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", str(source), "--skip-invalid"]) == 0
    captured = capsys.readouterr()
    assert "added 2 rows, 0 already present, 3 rejected" in captured.out
    assert "line 4: Dato: impossible date ('32-01-2026')" in captured.err
    rejected = (tmp_path / "bad.rejected.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejected[0].endswith(";reason") and len(rejected) == 4


@pytest.mark.parametrize("args", [
    ["--stream", "lotto"], ["--column", "colour=Dato"], ["--column", "amount"], ["--column", "amount=Nope"],
    ["--delimiter", "ab"], ["--encoding", "klingon"],
])
def test_bad_options_are_usage_errors(tmp_path, args, capsys):
    assert main(["--db", str(tmp_path / "x.duckdb"), "import", DANISH, *args]) in (1, 2)
    assert main(["--db", str(tmp_path / "x.duckdb"), "import", DANISH, *args]) == (1 if args[0] == "--encoding" else 2)
    assert capsys.readouterr().err.startswith("error: ")


@pytest.mark.parametrize("args", [["--decimal", "x"], ["--date-order", "ymd"]])
def test_options_outside_their_choices_are_usage_errors(tmp_path, args):
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(tmp_path / "x.duckdb"), "import", DANISH, *args])
    assert exited.value.code == 2


def test_missing_file_is_a_usage_error(tmp_path):
    assert main(["--db", str(tmp_path / "x.duckdb"), "import", str(tmp_path / "nope.csv")]) == 2


def test_progress_goes_to_stderr_for_big_files(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(import_command, "BIG_FILE", 0)
    assert main(["--db", str(tmp_path / "x.duckdb"), "import", DANISH]) == 0
    err = capsys.readouterr().err
    assert "reading the file" in err and "writing to the database" in err and "[100%] done" in err


def test_imports_undo_and_undo_again(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", DANISH]) == 0
    assert main(["--db", db, "import", DANISH]) == 0
    capsys.readouterr()
    assert main(["--db", db, "imports", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["rows_added"], h["rows_present"]) for h in history] == [(2, 0, 12), (1, 12, 0)]
    assert main(["--db", db, "imports"]) == 0
    assert "da_semicolon_cp1252.csv" in capsys.readouterr().out
    assert main(["--db", db, "undo", "1"]) == 0
    assert "12 entries removed" in capsys.readouterr().out
    assert main(["--db", db, "undo", "1"]) == 1
    assert "already undone" in capsys.readouterr().err
    assert main(["--db", db, "undo", "99"]) == 1
    with store.session(db) as con:
        assert counts(con)["entries"] == 0


def test_the_demo_import_cannot_be_undone_on_its_own(demo_db, capsys):
    assert main(["--db", str(demo_db), "undo", "1"]) == 1
    assert "demo" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["all.csv", "all.xlsx"])
def test_export_writes_by_extension(tmp_path, name, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", DANISH]) == 0
    assert main(["--db", db, "export", str(tmp_path / name)]) == 0
    assert "exported 12 entries" in capsys.readouterr().out
    assert (tmp_path / name).stat().st_size > 0
    assert main(["--db", db, "export", str(tmp_path / "all.txt")]) == 2


def test_a_busy_database_gives_a_clear_message_and_exit_3(tmp_path):
    db = tmp_path / "busy.duckdb"
    with store.session(db):
        pass
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("locked", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = subprocess.run([sys.executable, "-m", "seconomy", "--db", str(db), "import", DANISH],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert "busy" in result.stderr and "Traceback" not in result.stderr
