"""Writing placements, contacts and the log: the database's own guards, upsert, purge, demo removal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest

from seconomy import demo, store
from seconomy.effect import edit
from seconomy.effect.queries import load_contacts, load_log

ROW = {"participant_code": "GV-1", "municipality_code": 159, "scheme": "stu", "start_date": dt.date(2025, 1, 6),
       "end_date": None, "price": Decimal("2400.00"), "price_unit": "week", "outcome": None}


def test_the_database_refuses_cpr_numbers_names_and_half_ended_placements(con):
    for code in ("010190-1234", "0101901234", "Anna Jensen"):
        with pytest.raises(duckdb.ConstraintException):
            store.add_placement(con, {**ROW, "participant_code": code})
    with pytest.raises(duckdb.ConstraintException):
        store.add_placement(con, {**ROW, "end_date": dt.date(2025, 3, 1)})  # an end without an outcome
    with pytest.raises(duckdb.ConstraintException):
        store.add_placement(con, {**ROW, "scheme": "magic"})
    assert con.execute("SELECT count(*) FROM placements").fetchall() == [(0,)]


def test_placements_have_no_note_column(con):
    columns = {c for (c,) in con.execute("SELECT column_name FROM (DESCRIBE placements)").fetchall()}
    assert not columns & {"note", "notes", "description", "name"}


def test_upsert_dry_run_and_keys(con):
    first = store.upsert_placements(con, [ROW, {**ROW, "participant_code": "GV-2"}], dry_run=True)
    assert first == store.UpsertCounts(added=2) and con.execute("SELECT count(*) FROM placements").fetchall() == [(0,)]
    store.upsert_placements(con, [ROW])
    counts = store.upsert_placements(con, [{**ROW, "end_date": dt.date(2025, 6, 27), "outcome": "education"},
                                           {**ROW, "start_date": dt.date(2025, 8, 4)}])
    assert counts == store.UpsertCounts(added=1, changed=1, unchanged=0)
    with pytest.raises(ValueError, match="more than once"):
        store.upsert_placements(con, [ROW, ROW])


def test_purge_deletes_only_placements_ended_before_the_day(con):
    early = dt.date(2019, 1, 7)
    store.add_placement(con, {**ROW, "participant_code": "old", "start_date": early, "end_date": dt.date(2020, 5, 1),
                              "outcome": "job"})
    store.add_placement(con, {**ROW, "participant_code": "edge", "start_date": early, "end_date": dt.date(2021, 12, 1),
                              "outcome": "job"})
    store.add_placement(con, {**ROW, "participant_code": "running", "start_date": dt.date(2019, 1, 1)})
    cutoff = edit.retention_cutoff(dt.date(2026, 12, 1), 5)
    assert cutoff == dt.date(2021, 12, 1)
    assert edit.count_ended_before(con, cutoff) == 1
    assert edit.purge(con, cutoff) == 1
    assert sorted(c for (c,) in con.execute("SELECT participant_code FROM placements").fetchall()) == ["edge", "running"]
    assert edit.retention_cutoff(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)


def test_a_meeting_moves_the_contacts_last_meeting_and_deleting_a_contact_keeps_the_log(con):
    contact = store.add_contact(con, {"municipality_code": 159, "name": "Lise Kragh", "role": "middle_manager",
                                      "last_meeting": dt.date(2026, 3, 12)})
    store.add_log(con, {"municipality_code": 159, "contact_id": contact, "log_date": dt.date(2026, 2, 1), "kind": "meeting"})
    store.add_log(con, {"municipality_code": 159, "contact_id": contact, "log_date": dt.date(2026, 9, 1), "kind": "call"})
    assert load_contacts(con)["last_meeting"].tolist() == [dt.date(2026, 3, 12)]  # earlier meeting, a call: unchanged
    store.add_log(con, {"municipality_code": 159, "contact_id": contact, "log_date": dt.date(2026, 8, 20), "kind": "workshop"})
    assert load_contacts(con)["last_meeting"].tolist() == [dt.date(2026, 8, 20)]
    store.delete_contact(con, contact)
    log = load_log(con)
    assert len(log) == 3 and log["contact_id"].isna().all() and log["contact_name"].isna().all()


def test_a_log_contact_must_work_for_the_same_municipality(con):
    contact = store.add_contact(con, {"municipality_code": 101, "name": "Mette Lund", "role": "middle_manager"})
    saved = edit.add_log(con, {"municipality": "Gladsaxe", "contact_id": contact, "log_date": "2026-09-01", "kind": "møde"})
    assert [p.code for p in saved.problems] == ["contact_municipality"]
    saved = edit.add_log(con, {"municipality": "København", "contact_id": contact + 1, "log_date": "2026-09-01", "kind": "møde"})
    assert [p.code for p in saved.problems] == ["contact_unknown"]


def test_saving_a_placement_checks_the_key_and_keeps_the_demo_flag(con):
    first = edit.save_placement(con, {"participant_code": "GV-1", "municipality": "Gladsaxe", "scheme": "stu",
                                      "start_date": "2025-01-06", "price": 2400, "price_unit": "week"})
    assert first.ok
    clash = edit.save_placement(con, {"participant_code": "GV-1", "municipality": "Herlev", "scheme": "mentor",
                                      "start_date": "2025-01-06", "price": 1, "price_unit": "month"})
    assert [p.code for p in clash.problems] == ["key_taken"]
    con.execute("UPDATE placements SET is_demo = true")
    assert edit.save_placement(con, {"participant_code": "GV-1", "municipality": "Gladsaxe", "scheme": "stu",
                                     "start_date": "2025-01-06", "end_date": "2025-06-27", "outcome": "uddannelse",
                                     "price": 2400, "price_unit": "uge"}, first.id).ok
    assert con.execute("SELECT outcome, is_demo FROM placements").fetchall() == [("education", True)]


def test_remove_demo_removes_demo_placements_contacts_and_log_only(con):
    demo.install(con)
    own = store.add_placement(con, {**ROW, "agreement_id": 3})
    own_log = store.add_log(con, {"municipality_code": 159, "contact_id": 4, "log_date": dt.date(2026, 11, 1), "kind": "meeting"})
    store.remove_demo(con)
    assert con.execute("SELECT id, agreement_id FROM placements").fetchall() == [(own, None)]
    assert con.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
    assert con.execute("SELECT id, contact_id FROM contact_log").fetchall() == [(own_log, None)]
