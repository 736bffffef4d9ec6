"""A process killed (SIGKILL) at a random moment leaves the database exactly as before or exactly as after.

For each writing operation — import of a 200 000-row file, undo, demo, reclassify, and the migration of a v0.1
database — the command runs once to the end to learn the "after" state and its duration, then KILLS times in a
fresh copy of the "before" database, each killed after a seeded random delay within that duration. After every
kill the database opens and, table by table, its row count and a checksum over every row's values (timestamps of
the moment left out) equal the "before" or the "after" state. The children are forks of a forkserver that has
already imported seconomy, so a kill lands in the command, not in Python's start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from seconomy import demo, store
from seconomy.ingest.importer import import_file
from seconomy.ingest.rules import Rule, stored_rules
from seconomy.store.schema import migrate
from tests import killable

KILLS = int(os.environ.get("KILL_TEST_KILLS", "8"))  # per operation; seeded, so the same moments every run
ROWS = 200_000  # the import's file
SMALL = 50_000  # reclassify and the migration: enough rows for a write that takes a while, in bounded time
SEED = 11
_TIMESTAMP_TYPES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE")


@pytest.fixture(scope="module")
def forkserver():
    """A forkserver that has imported seconomy (children start in milliseconds); one BLAS thread, nothing to tear."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(killable.PRELOAD)
    return context


# Surrogate keys of rows a bulk INSERT … SELECT writes: DuckDB's parallel insert hands out the sequence's numbers in
# no fixed order, so two complete runs of the same import number the same rows differently (the rows are equal).
_BULK_IDS = {("entries", "id"), ("actual_costs", "id"), ("entries_removed", "id")}


def snapshot(path: Path) -> dict[str, tuple[int, int]]:
    """Per table: (rows, checksum over the rows' values without timestamps), plus the recorded schema version."""
    con = duckdb.connect(str(path))  # read-write: a WAL left by the kill is replayed, no migration runs
    try:
        state = {}
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1").fetchall()]
        for table in tables:
            columns = [c for c, kind in con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND database_name = current_database()",
                [table]).fetchall() if kind not in _TIMESTAMP_TYPES and (table, c) not in _BULK_IDS]
            values = ", ".join(f'"{c}"' for c in columns)
            state[table] = tuple(con.execute(
                f'SELECT count(*), coalesce(sum(hash(struct_pack({values})) % 1000000007), 0) FROM "{table}"').fetchall()[0])
        return state
    finally:
        con.close()


def _ledger(path: Path, rows: int) -> Path:
    """A Danish ledger of ``rows`` lines without a stream column (the rules classify it, so reclassify has work)."""
    parties = ["MobilePay", "Egebjerg Fonden", "Puljen for Grønne Jobs", "Café Solsikken", "Kantine Nordlys A/S",
               "Jobcenter København Løntilskud", "Københavns Kommune, Socialforvaltningen", "Rotary Klub"]
    rng = random.Random(SEED)
    lines = ["Dato;Tekst;Beløb;Kunde;Bilag"]
    for i in range(rows):
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        ore = rng.randrange(100, 5_000_000)
        lines.append(f"{day:02d}-{month:02d}-2025;Faktura {i};{ore // 100}.{ore % 100:02d};{parties[i % len(parties)]};F{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def states(forkserver, tmp_path_factory) -> dict[str, object]:
    """The "before" database of every operation, made once (each kill works on a copy); the import's own run to
    the end is the "after" state of the import and the "before" state of the undo."""
    folder = tmp_path_factory.mktemp("kill")
    made: dict[str, object] = {"ledger": _ledger(folder / "ledger.csv", ROWS), "small": _ledger(folder / "small.csv", SMALL)}
    made["demo"] = folder / "empty.duckdb"  # the demo is written into an empty, migrated database
    store.connect(made["demo"]).close()
    made["import"] = folder / "demo.duckdb"  # the import replaces the demo in the same transaction
    with store.session(made["import"]) as con:
        demo.install(con)
    made["undo"] = folder / "imported.duckdb"
    shutil.copy(made["import"], made["undo"])
    made["import_duration"] = _run(forkserver, _argv("import", made["undo"], made), None)
    made["reclassify"] = folder / "rules_changed.duckdb"  # a smaller ledger: reclassify's time goes with the rows
    with store.session(made["reclassify"]) as con:
        import_file(con, made["small"], "small.csv")
        # a new first rule: every MobilePay line becomes "other"
        store.replace_rules(con, [Rule("mobilepay", "any", "other", None, None, False, "user"), *stored_rules(con)])
    made["migration"] = folder / "v01.duckdb"
    con = duckdb.connect(str(made["migration"]))
    migrate(con, target=2)
    con.execute("INSERT INTO imports (file_name) VALUES ('old.csv')")
    con.execute("""INSERT INTO entries SELECT DATE '2024-01-01' + (i % 700)::INTEGER, (i % 90000) / 100 + 1,
                   'product_sale', 'Kunde ' || (i % 500), NULL, 'Faktura', 'F' || i, 1, md5(i::VARCHAR), 1
                   FROM range(?) t(i)""", [SMALL])
    con.close()
    return made


def _argv(operation: str, db: Path, states: dict[str, object]) -> list[str]:
    return {"import": ["--db", str(db), "import", str(states["ledger"])],
            "undo": ["--db", str(db), "undo", str(_last_import(db))],
            "demo": ["--db", str(db), "demo"],
            "reclassify": ["--db", str(db), "reclassify"],
            "migration": ["--db", str(db), "info"]}[operation]


def _last_import(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT max(id) FROM imports WHERE NOT is_demo").fetchall()[0][0]
    finally:
        con.close()


def _run(context, argv: list[str], kill_after: float | None) -> float:
    """Run the command in a forked child; SIGKILL it ``kill_after`` seconds after it started (None: let it finish).
    Returns the seconds from the start to the end (or the kill)."""
    started = context.Event()
    child = context.Process(target=killable.run, args=(argv, started))
    child.start()
    assert started.wait(30), "the child did not start"
    begin = time.monotonic()
    if kill_after is None:
        child.join(120)
        assert child.exitcode == 0, f"{argv} failed with exit code {child.exitcode}"
    else:
        child.join(kill_after)
        if child.is_alive():
            child.kill()
        child.join(10)
    return time.monotonic() - begin


@pytest.mark.parametrize("operation", ["import", "undo", "demo", "reclassify", "migration"])
def test_a_kill_at_any_moment_leaves_the_database_as_before_or_as_after(forkserver, states, tmp_path, operation):
    before_path = states[operation]
    before = snapshot(before_path)
    if operation == "import":  # its run to the end was made with the states: the undo starts from it
        after, duration = snapshot(states["undo"]), states["import_duration"]
    else:
        reference = tmp_path / "reference.duckdb"
        shutil.copy(before_path, reference)
        duration = _run(forkserver, _argv(operation, reference, states), None)
        after = snapshot(reference)
    assert after != before, "the operation must change the database"
    rng = random.Random(f"{SEED}-{operation}")
    seen = {"before": 0, "after": 0}
    for attempt in range(KILLS):
        db = tmp_path / f"killed-{attempt}.duckdb"
        shutil.copy(before_path, db)
        delay = rng.uniform(0, duration)
        _run(forkserver, _argv(operation, db, states), delay)
        state = snapshot(db)
        assert state in (before, after), (
            f"{operation} killed after {delay:.2f} s of {duration:.2f} s left a state that is neither before nor after: "
            + ", ".join(f"{t}: {state.get(t)} (before {before.get(t)}, after {after.get(t)})"
                        for t in sorted(set(state) | set(after)) if state.get(t) not in (before.get(t), after.get(t))))
        seen["before" if state == before else "after"] += 1
        db.unlink()
    assert sum(seen.values()) == KILLS
