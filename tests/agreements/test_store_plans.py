"""Writing agreements and costs: updates keep ids and demo flags, replace-from-file is one transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from seconomy import store

ROW = {"stream": "municipal_contract", "counterparty": "Gladsaxe Kommune", "municipality_code": 159,
       "placements": Decimal(2), "price": Decimal(2400), "price_unit": "week", "start_date": dt.date(2027, 1, 1)}
COST = {"category": "Husleje", "kind": "fixed", "monthly_amount": Decimal(46000)}


def _agreements(con):
    return con.execute("SELECT id, counterparty, price, is_demo, status, end_date FROM agreements ORDER BY id").fetchall()


def test_update_changes_only_what_differs_and_keeps_the_demo_flag(con):
    demo_id = store.add_agreement(con, {**ROW, "is_demo": True})
    assert store.update_agreement(con, demo_id, {"price": Decimal("2500.00")}) is True
    assert store.update_agreement(con, demo_id, {"price": Decimal("2500")}) is False  # same value: nothing written
    assert _agreements(con) == [(demo_id, "Gladsaxe Kommune", Decimal("2500.00"), True, "active", None)]


def test_update_refuses_unknown_columns_the_demo_flag_and_missing_rows(con):
    row_id = store.add_agreement(con, ROW)
    with pytest.raises(ValueError):
        store.update_agreement(con, row_id, {"is_demo": True})
    with pytest.raises(ValueError):
        store.update_agreement(con, row_id, {"price; DROP TABLE agreements": 1})
    with pytest.raises(KeyError):
        store.update_agreement(con, row_id + 1, {"price": 1})


def test_end_and_delete(con):
    row_id = store.add_agreement(con, ROW)
    store.end_agreement(con, row_id, dt.date(2027, 6, 30), "cancelled")
    assert _agreements(con)[0][4:] == ("cancelled", dt.date(2027, 6, 30))
    store.delete_agreement(con, row_id)
    assert _agreements(con) == []
    with pytest.raises(KeyError):
        store.delete_agreement(con, row_id)
    cost_id = store.add_cost(con, COST)
    store.end_cost(con, cost_id, dt.date(2027, 12, 31))
    assert con.execute("SELECT end_date FROM costs").fetchall() == [(dt.date(2027, 12, 31),)]
    store.delete_cost(con, cost_id)
    assert con.execute("SELECT count(*) FROM costs").fetchall() == [(0,)]


def test_replace_updates_by_id_adds_new_and_removes_the_rest(con):
    keep = store.add_agreement(con, {**ROW, "is_demo": True})
    gone = store.add_agreement(con, {**ROW, "counterparty": "Herlev Kommune", "municipality_code": 163})
    counts = store.replace_plans(con, [{"id": keep, **ROW, "price": Decimal(2600)}, {"id": None, **ROW,
                                                                                       "counterparty": "Ny"}], None)
    assert counts == {"agreements": store.ReplaceCounts(added=1, changed=1, unchanged=0, removed=1)}
    rows = _agreements(con)
    assert [(r[1], r[2], r[3]) for r in rows] == [("Gladsaxe Kommune", Decimal("2600.00"), True), ("Ny", Decimal("2400.00"), False)]
    assert rows[0][0] == keep and gone not in [r[0] for r in rows]


def test_replace_with_the_same_rows_changes_nothing(con):
    row_id = store.add_agreement(con, ROW)
    counts = store.replace_plans(con, [{"id": row_id, **ROW}], [])
    assert counts["agreements"] == store.ReplaceCounts(unchanged=1)
    assert counts["costs"] == store.ReplaceCounts()


def test_replace_leaves_a_section_given_as_none_alone(con):
    store.add_cost(con, COST)
    store.replace_plans(con, [], None)
    assert con.execute("SELECT count(*) FROM costs").fetchall() == [(1,)]


def test_replace_dry_run_and_failure_write_nothing(con):
    row_id = store.add_agreement(con, ROW)
    before = _agreements(con)
    counts = store.replace_plans(con, [{"id": None, **ROW}], [COST], dry_run=True)
    assert counts["agreements"].removed == 1 and counts["costs"].added == 1
    assert _agreements(con) == before
    with pytest.raises(Exception):  # noqa: B017 - the CHECK constraint's error; what matters is the rollback
        store.replace_plans(con, [{"id": row_id, **ROW, "price": Decimal(1)}, {**ROW, "stream": "nonsense"}], [COST])
    assert _agreements(con) == before
    assert con.execute("SELECT count(*) FROM costs").fetchall() == [(0,)]


def test_user_rows_survive_the_demo_removal_and_demo_rows_go(con):
    store.add_agreement(con, {**ROW, "is_demo": True})
    store.add_agreement(con, {**ROW, "counterparty": "Mine"})
    store.remove_demo(con)
    assert [r[1] for r in _agreements(con)] == ["Mine"]
