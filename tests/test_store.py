"""The store: migrations, deduplicated inserts, undo, the demo flag, the busy lock."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from decimal import Decimal

import duckdb
import pandas as pd
import pytest

from seconomy import store
from seconomy.errors import StoreBusy
from seconomy.store.schema import MIGRATIONS


def _staging(rows):
    frame = pd.DataFrame(rows, columns=["line", "entry_date", "amount_ore", "stream", "counterparty",
                                        "municipality_code", "description", "reference"])
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return frame


ROWS = [
    (2, dt.date(2026, 1, 5), 1234550, "municipal_contract", "Københavns Kommune", 101, "Forløb jan", "F1"),
    (3, dt.date(2026, 1, 6), 10000, "product_sale", "Café", None, "Kage", None),
    (4, dt.date(2026, 1, 6), 10000, "product_sale", "Café", None, "Kage", None),
]


def test_migrate_fresh_database_reaches_latest_version(con):
    assert store.schema_version(con) == store.SCHEMA_VERSION == MIGRATIONS[-1].version
    assert con.execute("SELECT count(*) FROM municipalities").fetchall()[0][0] == 98


def test_migrate_twice_is_a_no_op(con):
    before = con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0]
    assert store.migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] == before
    assert con.execute("SELECT count(*) FROM municipalities").fetchall()[0][0] == 98


def test_migrate_upgrades_an_old_schema_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    raw = duckdb.connect(str(path))
    assert store.migrate(raw, target=1) == [1]
    raw.execute("INSERT INTO settings VALUES ('opening_cash', '1000')")
    raw.close()
    with store.session(path) as con:  # connect() upgrades
        assert store.schema_version(con) == store.SCHEMA_VERSION
        assert con.execute("SELECT value FROM settings").fetchall() == [("1000",)]
        assert con.execute("SELECT count(*) FROM scenarios").fetchall()[0][0] == 0


def test_add_entries_stores_exact_decimals(con):
    store.add_entries(con, _staging(ROWS), file_name="a.csv")
    total = con.execute("SELECT sum(amount) FROM entries").fetchall()[0][0]
    assert total == Decimal("12345.50") + Decimal("100.00") + Decimal("100.00")
    assert con.execute("SELECT typeof(amount) FROM entries LIMIT 1").fetchall()[0][0] == "DECIMAL(14,2)"


def test_add_entries_twice_adds_nothing_the_second_time(con):
    first = store.add_entries(con, _staging(ROWS), file_name="a.csv")
    second = store.add_entries(con, _staging(ROWS), file_name="a.csv")
    assert (first.rows_added, first.rows_present) == (3, 0)
    assert (second.rows_added, second.rows_present) == (0, 3)
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 3


def test_add_entries_identical_lines_in_one_file_are_two_entries_and_overlap_adds_only_new(con):
    store.add_entries(con, _staging(ROWS[:2]), file_name="jan.csv")
    outcome = store.add_entries(con, _staging(ROWS), file_name="jan-feb.csv")
    assert (outcome.rows_added, outcome.rows_present) == (1, 2)
    assert con.execute("SELECT count(*) FROM entries WHERE counterparty = 'Café'").fetchall()[0][0] == 2


def test_add_entries_dry_run_writes_nothing(con):
    outcome = store.add_entries(con, _staging(ROWS), file_name="a.csv", dry_run=True)
    assert outcome.rows_added == 3 and outcome.import_id is None
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 0
    assert con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 0


def test_add_entries_failure_rolls_back_everything(con):
    bad = _staging([*ROWS, (5, dt.date(2026, 1, 7), 100, "not_a_stream", "X", None, None, None)])
    with pytest.raises(duckdb.Error):
        store.add_entries(con, bad, file_name="bad.csv")
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 0
    assert con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 0


def test_undo_import_removes_its_entries_only(con):
    a = store.add_entries(con, _staging(ROWS[:1]), file_name="a.csv")
    store.add_entries(con, _staging(ROWS[1:]), file_name="b.csv")
    assert store.undo_import(con, a.import_id) == 1
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 2
    assert con.execute("SELECT undone_at IS NOT NULL FROM imports WHERE id = ?", [a.import_id]).fetchall()[0][0]


def test_remove_demo_keeps_own_data(con):
    store.add_entries(con, _staging(ROWS[:1]), file_name="demo", is_demo=True)
    store.add_entries(con, _staging(ROWS[1:]), file_name="own.csv")
    store.add_agreement(con, {"stream": "municipal_contract", "counterparty": "X", "start_date": dt.date(2026, 1, 1),
                              "is_demo": True})
    assert store.has_demo(con)
    store.remove_demo(con)
    assert not store.has_demo(con)
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 2
    assert con.execute("SELECT count(*) FROM agreements").fetchall()[0][0] == 0


def test_income_view_counts_a_municipality_as_one_payer(con):
    rows = [
        (2, dt.date(2026, 1, 5), 100, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101, None, "a"),
        (3, dt.date(2026, 1, 5), 100, "wage_subsidy", "Jobcenter København", 101, None, "b"),
        (4, dt.date(2026, 1, 5), 100, "product_sale", "Odense Saftværk ApS", None, None, "c"),
    ]
    store.add_entries(con, _staging(rows), file_name="a.csv")
    payers = con.execute("SELECT payer, count(*) FROM income GROUP BY payer ORDER BY payer").fetchall()
    assert payers == [("København", 2), ("Odense Saftværk ApS", 1)]


def test_connect_reports_busy_when_another_process_holds_the_file(tmp_path):
    path = tmp_path / "locked.duckdb"
    store.connect(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            time.sleep(20)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match="busy"):
            store.connect(path, wait_s=0.3)
    finally:
        holder.kill()
        holder.wait()
