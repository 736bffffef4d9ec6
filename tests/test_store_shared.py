"""The app's shared database (seconomy.store.shared): one opening and one schema check for many reads, cursors per
thread, the file let go when idle — so the CLI can import while the app runs — and a data version that only moves
when the data does."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from seconomy import store
from seconomy.store import db as store_db
from seconomy.store.shared import SharedDatabase
from tests.data.banks.make_banks import HERE as BANKS
from tests.ui.apptest import ROOT


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "shared.duckdb"
    with store.session(target) as con:
        con.execute("INSERT INTO settings (name, value) VALUES ('enterprise_name', 'Grønt Værksted')")
    return target


def _name(con) -> str:
    return con.execute("SELECT value FROM settings WHERE name = 'enterprise_name'").fetchall()[0][0]


def test_many_reads_open_the_file_and_check_the_schema_once(path, monkeypatch):
    checks = []
    monkeypatch.setattr(store_db, "pending", lambda con: checks.append(1) or [])  # the schema check
    shared = SharedDatabase(path, idle_s=30)
    try:
        for _ in range(10):
            with shared.cursor() as con:
                assert _name(con) == "Grønt Værksted"
        assert shared.opened == 1 and checks == [1]
    finally:
        shared.close()


def test_threads_each_get_their_own_cursor(path):
    shared = SharedDatabase(path, idle_s=30)
    seen, errors = [], []

    def work():
        try:
            for _ in range(20):
                with shared.cursor() as con:
                    seen.append(con.execute("SELECT count(*) FROM municipalities").fetchall()[0][0])
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    shared.close()
    assert not errors and seen == [98] * 80 and shared.opened == 1


def _other_process_can_open(path) -> bool:
    probe = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(path)!r}).close()"],
                           capture_output=True, text=True, timeout=60)
    return probe.returncode == 0


def test_the_file_is_let_go_after_the_idle_time(path):
    shared = SharedDatabase(path, idle_s=0.3)
    with shared.cursor() as con:
        _name(con)
        assert not _other_process_can_open(path)  # held while in use (the lock is DuckDB's)
    deadline = time.monotonic() + 5
    while shared.is_open and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not shared.is_open and _other_process_can_open(path)
    with shared.cursor() as con:  # and opened again on the next read
        assert _name(con) == "Grønt Værksted"
    shared.close()
    assert shared.opened == 2


def test_the_cli_imports_while_the_app_reads(path):
    """The CLI meets the app's lock (a page still reading), waits — it retries for 5 s — gets in once the app has
    been idle for idle_s, and the app then sees the new rows under a new data version."""
    shared = SharedDatabase(path, idle_s=0.5)
    version = shared.version()
    reading = threading.Event()

    def long_page():
        with shared.cursor() as con:
            con.execute("SELECT count(*) FROM entries").fetchall()
            reading.set()
            time.sleep(2.0)

    page = threading.Thread(target=long_page)
    page.start()
    reading.wait(10)
    started = time.monotonic()
    cli = subprocess.run([sys.executable, "-m", "seconomy", "--db", str(path), "import", str(BANKS / "danske_bank.csv")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    page.join()
    assert cli.returncode == 0, cli.stderr
    assert time.monotonic() - started >= 2.0  # it could only write after the page was done and the app let go
    assert shared.version() != version  # the app's caches see a new data version
    with shared.cursor() as con:
        assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] > 0
    shared.close()


def test_the_data_version_moves_with_writes_only(path):
    shared = SharedDatabase(path, idle_s=30)
    with shared.cursor() as con:
        _name(con)
    before = shared.version()
    shared.close()  # closing checkpoints the file: its stamp may change, the data has not
    assert shared.version() == before
    with shared.cursor() as con:
        store.set_setting(con, "enterprise_name", "Blåt Værksted")
    assert shared.version() != before
    shared.close()
    with store.session(path) as con:  # another writer (the CLI) changes the file after we let go
        after_ours = store.schema_version(con)
        store.set_setting(con, "enterprise_name", "Gult Værksted")
    assert after_ours and shared.version() != before
