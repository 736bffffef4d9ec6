"""No output path can destroy data: the database, its WAL, inputs, missing folders and files of another kind are
refused before anything is written or imported; writes are atomic; an output failing after an import is a warning."""

from __future__ import annotations

import errno
import os
import shutil

import duckdb
import pytest

from seconomy import outputs, store
from seconomy.cli import main
from seconomy.errors import UsageError
from seconomy.outputs import check_output, content_kind

LEDGER = "Dato;Tekst;Beløb;Kunde\n05-01-2026;Kaffe;100,00;Café A\nikke en dato;Kage;50,00;Café B\n"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "data" / "seconomy.duckdb"
    path.parent.mkdir()
    store.connect(path).close()
    return path


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(LEDGER, encoding="utf-8")
    return path


def _entries(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM entries").fetchall()[0][0]
    finally:
        con.close()


# ---------------------------------------------------------------- the checker

def test_the_database_and_its_wal_are_refused_by_any_spelling(db, tmp_path):
    spellings = [db, tmp_path / "data" / ".." / "data" / "seconomy.duckdb", f"{db}.wal"]
    link = tmp_path / "innocent.csv"
    link.symlink_to(db)
    hard = tmp_path / "hard.csv"
    os.link(db, hard)
    for path in (*spellings, link, hard):
        with pytest.raises(UsageError, match="database"):
            check_output(path, "csv", database=db, force=True)  # --force never allows it


def test_an_input_of_the_same_command_is_refused(tmp_path, ledger, db):
    with pytest.raises(UsageError, match="being read"):
        check_output(tmp_path / "." / "in.csv", "csv", database=db, inputs=(ledger,), force=True)


def test_a_missing_folder_and_a_folder_are_refused(tmp_path, db):
    with pytest.raises(UsageError, match="does not exist"):
        check_output(tmp_path / "nope" / "x.csv", "csv", database=db)
    with pytest.raises(UsageError, match="is a folder"):
        check_output(tmp_path, "csv", database=db)


@pytest.mark.parametrize(("content", "kind", "found"), [
    (None, "csv", "duckdb"),  # another DuckDB database where a CSV goes
    (b"PK\x03\x04....[Content_Types].xml", "csv", "xlsx"),
    (b"date,amount\n", "xlsx", "text"),
    (b"%PDF-1.7", "html", "pdf"),
    (b"\x00\x01\x02binary", "csv", "binary"),
])
def test_an_existing_file_of_another_kind_needs_force(tmp_path, db, content, kind, found):
    target = tmp_path / f"out.{kind}"
    if content is None:
        store.connect(target).close()
    else:
        target.write_bytes(content)
    assert content_kind(target) == found
    with pytest.raises(UsageError, match="--force"):
        check_output(target, kind, database=db)
    assert check_output(target, kind, database=db, force=True) == target.resolve()


@pytest.mark.parametrize(("content", "kind"), [(b"old,csv\n", "csv"), (b"", "csv"), (b"<!DOCTYPE html><p>", "html")])
def test_a_file_of_the_same_kind_is_replaced(tmp_path, db, content, kind):
    target = tmp_path / f"out.{kind}"
    target.write_bytes(content)
    assert check_output(target, kind, database=db) == target.resolve()


def test_a_failed_write_leaves_the_earlier_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "export.csv"
    target.write_text("the earlier export\n")

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        outputs.write_bytes(target, b"new")
    assert target.read_text() == "the earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]  # no temporary file left behind


# ---------------------------------------------------------------- the commands

def test_import_with_the_database_as_rejected_file_exits_2_and_imports_nothing(db, ledger, capsys):
    before = db.read_bytes()
    code = main(["--db", str(db), "import", str(ledger), "--skip-invalid", "--rejected", str(db)])
    assert code == 2 and "is the database itself" in capsys.readouterr().err
    assert db.read_bytes() == before and _entries(db) == 0


def test_import_with_a_rejected_file_in_a_missing_folder_exits_2_and_imports_nothing(db, ledger, tmp_path, capsys):
    code = main(["--db", str(db), "import", str(ledger), "--skip-invalid", "--rejected", str(tmp_path / "no" / "r.csv")])
    assert code == 2 and "does not exist" in capsys.readouterr().err
    assert _entries(db) == 0


def test_import_refuses_its_own_file_as_rejected_file(db, ledger, capsys):
    assert main(["--db", str(db), "import", str(ledger), "--skip-invalid", "--rejected", str(ledger)]) == 2
    assert ledger.read_text(encoding="utf-8") == LEDGER and _entries(db) == 0


def test_a_rejected_file_that_cannot_be_written_after_the_import_is_a_warning(db, ledger, tmp_path, monkeypatch, capsys):
    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("seconomy.cli.import_.write_bytes", full_disk)
    code = main(["--db", str(db), "import", str(ledger), "--skip-invalid", "--rejected", str(tmp_path / "r.csv")])
    err = capsys.readouterr().err
    assert code == 0 and "imported; the rejected rows could not be written" in err and "Traceback" not in err
    assert _entries(db) == 1


@pytest.mark.parametrize("command", [
    ["export"], ["agreements", "export"], ["pipeline", "export"], ["placements", "export"], ["rules", "export"],
    ["backup"],
])
def test_no_export_command_writes_over_the_database(demo_db, tmp_path, command, capsys):
    copy = tmp_path / "copy.csv"
    copy.symlink_to(demo_db)  # an innocent-looking name that IS the database
    before = demo_db.read_bytes()
    assert main(["--db", str(demo_db), *command, str(copy)]) == 2
    assert "is the database itself" in capsys.readouterr().err
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize("command", [["export"], ["agreements", "export"], ["pipeline", "export"], ["placements", "export"]])
def test_exports_refuse_to_replace_another_database_without_force(demo_db, tmp_path, command, capsys):
    other = tmp_path / "other.xlsx"
    shutil.copy(demo_db, other)
    assert main(["--db", str(demo_db), *command, str(other)]) == 2
    assert "DuckDB database" in capsys.readouterr().err and content_kind(other) == "duckdb"
    assert main(["--db", str(demo_db), *command, str(other), "--force"]) == 0
    assert content_kind(other) == "xlsx"


def test_effect_report_is_checked_before_it_is_written(demo_db, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("Vores egne ord.", encoding="utf-8")
    argv = ["--db", str(demo_db), "effect", "--municipality", "Gladsaxe", "--report"]
    assert main([*argv, str(notes), "--text", str(notes)]) == 2  # the report would overwrite its own text
    assert notes.read_text(encoding="utf-8") == "Vores egne ord."
    assert main([*argv, str(tmp_path / "missing" / "r.html")]) == 2
    assert main([*argv, str(demo_db)]) == 2
    assert main([*argv, str(tmp_path / "r.html"), "--text", str(notes)]) == 0
    assert content_kind(tmp_path / "r.html") == "html"
