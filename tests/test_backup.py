"""Backups and restore: a consistent copy, automatic backups before a migration and an undo (the last N kept),
and a restore that checks what it is given and replaces the database in one rename."""

from __future__ import annotations

import json
import os
import shutil

import duckdb
import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.ingest.history import undo
from seconomy.ingest.importer import import_file
from seconomy.store.backup import copy_to, list_backups
from seconomy.store.schema import SCHEMA_VERSION, migrate

LEDGER = "Dato;Tekst;Beløb;Kunde\n05-01-2026;Kaffe;100,00;Café A\n06-01-2026;Kage;50,00;Café B\n"


def fingerprint(path) -> dict[str, tuple[int, int]]:
    """Rows and a checksum of every row, per table."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: tuple(con.execute(f'SELECT count(*), coalesce(sum(hash(x) % 1000000007), 0) FROM "{t}" x').fetchall()[0])
                for t in tables}
    finally:
        con.close()


def test_backup_is_a_complete_seconomy_database_that_carries_on(demo_db, tmp_path, capsys):
    target = tmp_path / "kopi.duckdb"
    assert main(["--db", str(demo_db), "backup", str(target), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["entries"] > 1000 and out["schema_version"] == SCHEMA_VERSION and out["size"] == target.stat().st_size
    assert fingerprint(target) == fingerprint(demo_db)
    with store.session(target) as con:  # sequences carry their next values: a new row gets a new id
        new_id = store.add_agreement(con, {"stream": "other", "counterparty": "Ny", "monthly_amount": 1,
                                           "start_date": "2027-01-01"})
        assert new_id == con.execute("SELECT max(id) FROM agreements").fetchall()[0][0] > 16


def test_a_backup_is_one_snapshot_while_another_session_writes(con, tmp_path):
    path = tmp_path / "db.duckdb"
    with store.session(path) as source:
        import_file(source, LEDGER.encode(), "a.csv")
        other = source.cursor()
        other.execute("BEGIN TRANSACTION")
        other.execute("DELETE FROM entries")  # not committed while the copy is taken
        copy_to(source, tmp_path / "copy.duckdb")
        other.execute("COMMIT")
    assert fingerprint(tmp_path / "copy.duckdb")["entries"][0] == 2


def test_backup_refuses_the_database_and_other_kinds_of_file(demo_db, tmp_path, capsys):
    assert main(["--db", str(demo_db), "backup", str(demo_db)]) == 2
    notes = tmp_path / "notes.txt"
    notes.write_text("vigtigt")
    assert main(["--db", str(demo_db), "backup", str(notes)]) == 2
    assert notes.read_text() == "vigtigt"
    assert main(["--db", str(demo_db), "backup"]) == 2


def test_restore_brings_a_backup_back_and_keeps_the_database_it_replaced(demo_db, tmp_path, capsys):
    kept = tmp_path / "demo-backup.duckdb"
    assert main(["--db", str(demo_db), "backup", str(kept)]) == 0
    demo_state = fingerprint(demo_db)
    ledger = tmp_path / "egne.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    assert main(["--db", str(demo_db), "import", str(ledger)]) == 0
    own_state = fingerprint(demo_db)
    capsys.readouterr()
    assert main(["--db", str(demo_db), "restore", str(kept), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert fingerprint(demo_db) == demo_state
    previous = out["previous_backup"]
    assert previous and "before-restore" in previous and fingerprint(previous) == own_state
    assert not os.path.exists(f"{demo_db}.wal")
    assert [p.name for p in demo_db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_restore_refuses_what_is_not_a_seconomy_database(demo_db, tmp_path, capsys):
    before = fingerprint(demo_db)
    text = tmp_path / "x.duckdb"
    text.write_text("date,amount\n")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (a INTEGER)").close()
    for path, message in ((text, "not a DuckDB database"), (other, "not a seconomy database"),
                          (demo_db, "the database itself"), (tmp_path / "missing.duckdb", "no such file")):
        assert main(["--db", str(demo_db), "restore", str(path)]) == 2
        assert message in capsys.readouterr().err
    assert fingerprint(demo_db) == before


def test_restore_refuses_a_newer_schema_unless_forced(demo_db, tmp_path, capsys):
    newer = tmp_path / "newer.duckdb"
    shutil.copy(demo_db, newer)
    con = duckdb.connect(str(newer))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, 'from the future')", [SCHEMA_VERSION + 1])
    con.close()
    assert main(["--db", str(demo_db), "restore", str(newer)]) == 2
    assert "newer seconomy" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "restore", str(newer), "--force"]) == 0


def test_a_restore_that_fails_at_the_last_step_leaves_the_database_whole(demo_db, tmp_path, monkeypatch):
    kept = tmp_path / "kept.duckdb"
    with store.session(demo_db) as con:
        copy_to(con, kept)
        con.execute("DELETE FROM costs")
    before = fingerprint(demo_db)

    def refused(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("seconomy.store.backup.os.replace", refused)
    with pytest.raises(OSError):
        store.restore(kept, demo_db)
    assert fingerprint(demo_db) == before
    assert [p.name for p in demo_db.parent.iterdir() if p.name.endswith(".tmp")] == []


def _v01(path) -> None:
    con = duckdb.connect(str(path))
    migrate(con, target=2)
    con.execute("INSERT INTO imports (file_name) VALUES ('old.csv')")
    con.execute("INSERT INTO entries VALUES ('2026-01-05', 125.00, 'product_sale', 'Café', NULL, NULL, 'F1', 1, 'x', 1)")
    con.close()


def test_a_migration_on_a_database_with_data_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "old.duckdb"
    _v01(path)
    old = fingerprint(path)
    store.connect(path).close()
    found = list_backups(path)
    assert [b.reason for b in found] == [f"before-migration-{SCHEMA_VERSION}"]
    assert fingerprint(found[0].path) == old  # the database as it was, at schema 2
    store.connect(path).close()  # up to date now: no second backup
    assert len(list_backups(path)) == 1


def test_a_new_or_empty_database_gets_no_backup(tmp_path):
    store.connect(tmp_path / "new.duckdb").close()
    empty = tmp_path / "empty.duckdb"
    migrate(duckdb.connect(str(empty)), target=2)
    store.connect(empty).close()
    assert not (tmp_path / "backups").exists()


def test_every_undo_is_preceded_by_a_backup_and_the_last_n_are_kept(tmp_path):
    path = tmp_path / "db.duckdb"
    with store.session(path) as con:
        store.change_setting(con, "backups_kept", "2")
        ids = [import_file(con, LEDGER.replace("2026", str(year)).encode(), f"{year}.csv").outcome.import_id
               for year in (2023, 2024, 2025, 2026)]
        for import_id in ids:
            before = fingerprint_of(con)
            undo(con, import_id)
            assert fingerprint(list_backups(path)[0].path) == before
    assert [b.reason for b in list_backups(path)] == [f"before-undo-{ids[3]}", f"before-undo-{ids[2]}"]


def fingerprint_of(con) -> dict[str, tuple[int, int]]:
    tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                                        "ORDER BY 1").fetchall()]
    return {t: tuple(con.execute(f'SELECT count(*), coalesce(sum(hash(x) % 1000000007), 0) FROM "{t}" x').fetchall()[0])
            for t in tables}


def test_backups_kept_zero_turns_automatic_backups_off(tmp_path):
    path = tmp_path / "db.duckdb"
    with store.session(path) as con:
        store.change_setting(con, "backups_kept", "0")
        undo(con, import_file(con, LEDGER.encode(), "a.csv").outcome.import_id)
    assert list_backups(path) == []


def test_backup_list_shows_the_automatic_backups(tmp_path, capsys):
    path = tmp_path / "old.duckdb"
    _v01(path)
    assert main(["--db", str(path), "info"]) == 0  # opening it migrates, after a backup
    capsys.readouterr()
    assert main(["--db", str(path), "backup", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["reason"] for b in listed] == [f"before-migration-{SCHEMA_VERSION}"] and listed[0]["size"] > 0
