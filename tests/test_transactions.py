"""Every write is one transaction: nested store calls join the outer one, the demo and an upgrade are all or
nothing, and ``demo --if-empty`` recognises a demo that was left half-written and writes it again."""

from __future__ import annotations

import duckdb
import pytest

from seconomy import demo, store
from seconomy.cli import main
from seconomy.store import schema
from seconomy.store.tx import in_transaction, transaction


def test_a_nested_transaction_joins_the_outer_one(con):
    with pytest.raises(RuntimeError), transaction(con):
        store.set_setting(con, "enterprise_name", "Ydre")
        with transaction(con):  # joins: its end commits nothing
            store.set_setting(con, "cvr", "12345678")
        assert in_transaction(con)
        raise RuntimeError("a failure after the inner block")
    assert not in_transaction(con)
    assert con.execute("SELECT count(*) FROM settings").fetchall()[0][0] == 0


def test_a_dry_run_cannot_hide_inside_a_transaction(con):
    with transaction(con), pytest.raises(ValueError, match="dry run"), transaction(con, dry_run=True):
        pass


def _counts(con) -> dict[str, int]:
    tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}


@pytest.mark.parametrize("earlier_demo", [False, True])
def test_a_demo_that_fails_half_way_leaves_the_database_as_it_was(con, monkeypatch, earlier_demo):
    if earlier_demo:
        demo.install(con)
    before = _counts(con)
    from seconomy.effect import demo as effect_demo

    def broken(_con):  # placements are written late: entries, agreements, the pipeline and costs came before
        raise RuntimeError("killed")

    monkeypatch.setattr(effect_demo, "install", broken)
    with pytest.raises(RuntimeError):
        demo.install(con)
    assert _counts(con) == before
    assert demo.demo_state(con) == ("complete" if earlier_demo else "none")


def test_demo_state_tells_a_complete_demo_from_a_partial_one(con):
    assert demo.demo_state(con) == "none"
    demo.install(con)
    assert demo.demo_state(con) == "complete"
    con.execute("DELETE FROM agreements WHERE id IN (SELECT id FROM agreements WHERE is_demo ORDER BY id DESC LIMIT 5)")
    assert demo.demo_state(con) == "partial"  # 11 of 16 agreements, as a killed older version could leave it
    demo.install(con)
    con.execute("DELETE FROM settings")
    assert demo.demo_state(con) == "partial"  # entries but no settings
    demo.install(con)
    con.execute("DELETE FROM entries WHERE entry_date > '2026-06-30'")
    assert demo.demo_state(con) == "partial"


def _damage(path) -> None:
    """What a kill in the first half-second of an older, non-transactional demo left: entries, no settings,
    part of the agreements."""
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM settings")
    con.execute("DELETE FROM agreements WHERE id > 11")
    con.close()


def test_demo_if_empty_rewrites_a_partial_demo(tmp_path, capsys):
    db = tmp_path / "x.duckdb"
    assert main(["--db", str(db), "demo"]) == 0
    _damage(db)
    capsys.readouterr()
    assert main(["--db", str(db), "demo", "--if-empty"]) == 0
    assert "incomplete demo was replaced" in capsys.readouterr().out
    with store.session(db) as con:
        assert demo.demo_state(con) == "complete"
    assert main(["--db", str(db), "demo", "--if-empty"]) == 0
    assert "not written" in capsys.readouterr().out


def test_demo_if_empty_never_touches_own_data(tmp_path, capsys):
    db = tmp_path / "own.duckdb"
    with store.session(db) as con:
        store.add_agreement(con, {"stream": "foundation_grant", "counterparty": "Egen Fond", "total_amount": 1000,
                                  "schedule": "upfront", "start_date": "2026-01-01", "end_date": "2026-12-31"})
    assert main(["--db", str(db), "demo", "--if-empty"]) == 0
    assert "not written" in capsys.readouterr().out
    assert main(["--db", str(db), "demo"]) == 2  # and the plain command refuses
    with store.session(db) as con:
        assert demo.demo_state(con) == "none"


def test_an_upgrade_is_one_transaction(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    schema.migrate(con, target=2)
    con.close()

    def failing(_con):
        raise RuntimeError("the last step fails")

    last = schema.MIGRATIONS[-1]
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:-1], schema.Migration(last.version, last.name, (
        *last.steps, failing))))
    con = duckdb.connect(str(path))
    with pytest.raises(RuntimeError):
        schema.migrate(con)
    assert schema.schema_version(con) == 2  # not 3 or 4: migrations before the failing one rolled back too
    assert "rules" not in {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    con.close()
