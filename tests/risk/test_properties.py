"""Invariants of the concentration figures on random ledgers (hypothesis).

One in-memory database for the module; each example stores its ledger as one import and undoes it
afterwards (store.undo_import), so examples never see each other's rows.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.risk import BY_OPTIONS, as_json, concentration
from seconomy.window import Window
from tests.risk.conftest import add_ledger

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
CODES = (101, 147, 159, None, None, None)  # three municipalities, three private names
NAMES = ("Kbh Social", "Frb Job", "Gladsaxe", "Café", "Fond", "Kunde")
STREAMS = ("product_sale", "municipal_contract", "wage_subsidy", "foundation_grant")

days = st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
who = st.integers(0, len(NAMES) - 1)
row = st.tuples(days, st.integers(-50_000, 5_000_000), st.sampled_from(STREAMS), who)  # øre; credit notes too
positive_row = st.tuples(days, st.integers(1, 5_000_000), st.sampled_from(STREAMS), who)
ledgers = st.lists(row, min_size=1, max_size=25)
SOME = ("payer", "municipality", "stream")  # counterparty shares the payer path's arithmetic; bounds test covers it
FAST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _rows(ledger, names=NAMES, codes=CODES):
    return [(day, amount, stream, names[i], codes[i]) for day, amount, stream, i in ledger]


@pytest.fixture(scope="module")
def db():
    connection = store.connect(store.MEMORY)
    yield connection
    connection.close()


@contextmanager
def stored(con, rows):
    import_id = add_ledger(con, rows)
    try:
        yield con
    finally:
        store.undo_import(con, import_id)


@FAST
@given(ledgers)
def test_shares_sum_to_one_and_hhi_is_within_its_bounds(db, ledger):
    with stored(db, _rows(ledger)) as con:
        for by in BY_OPTIONS:
            result = concentration(con, WINDOW, by)
            groups = result.groups
            if groups.empty:
                assert result.hhi is None
                continue
            scope = groups["share_of_scope"]
            assert float(scope.sum()) == pytest.approx(1.0, abs=1e-12)
            assert (groups["amount"] > 0).all()
            n = len(groups)
            assert 10000 / n - 1e-9 <= result.hhi <= 10000 + 1e-9
            assert result.effective_number == pytest.approx(10000 / result.hhi)
            if by != "municipality":
                assert float(groups["share"].sum()) == pytest.approx(1.0, abs=1e-12)
            assert 0 < result.top1_share <= result.top3_share <= 1 + 1e-12


@FAST
@given(st.lists(positive_row, min_size=2, max_size=20), st.data())
def test_merging_two_payers_never_lowers_the_hhi(db, ledger, data):
    """Every payer here has income; merging a and b turns a² + b² into (a + b)² ≥ a² + b²."""
    present = sorted({i for *_, i in ledger})
    if len(present) < 2:
        return
    a, b = data.draw(st.permutations(present))[:2]
    with stored(db, _rows(ledger)) as con:
        before = concentration(con, WINDOW, "payer").hhi
    merged = [(day, amount, stream, b if i == a else i) for day, amount, stream, i in ledger]
    with stored(db, _rows(merged)) as con:
        after = concentration(con, WINDOW, "payer").hhi
    assert after >= before - 1e-9


@FAST
@given(ledgers, st.randoms(use_true_random=False))
def test_row_order_changes_nothing(db, ledger, rnd):
    with stored(db, _rows(ledger)) as con:
        before = {by: as_json(concentration(con, WINDOW, by)) for by in SOME}
    shuffled = list(ledger)
    rnd.shuffle(shuffled)
    with stored(db, _rows(shuffled)) as con:
        after = {by: as_json(concentration(con, WINDOW, by)) for by in SOME}
    assert after == before  # exactly: sums are DECIMAL, the HHI is computed in integer øre


@FAST
@given(ledgers, st.data())
def test_splitting_a_row_in_two_changes_nothing(db, ledger, data):
    index = data.draw(st.integers(0, len(ledger) - 1))
    day, amount, stream, who = ledger[index]
    part = data.draw(st.integers(-1_000_000, 1_000_000))
    split = ledger[:index] + [(day, part, stream, who), (day, amount - part, stream, who)] + ledger[index + 1:]
    with stored(db, _rows(ledger)) as con:
        before = {by: as_json(concentration(con, WINDOW, by)) for by in SOME}
    with stored(db, _rows(split)) as con:
        after = {by: as_json(concentration(con, WINDOW, by)) for by in SOME}
    assert after == before


@FAST
@given(ledgers)
def test_payer_groups_equal_the_income_views_payer_column(db, ledger):
    """The fast path (sum per municipality and counterparty, then name) gives the view's payer groups."""
    with stored(db, _rows(ledger)) as con:
        view = con.execute(
            """SELECT payer, sum(amount)::DOUBLE FROM income WHERE entry_date BETWEEN ? AND ?
            GROUP BY payer HAVING sum(amount) > 0 ORDER BY 2 DESC, 1""", [WINDOW.start, WINDOW.end]).fetchall()
        ours = concentration(con, WINDOW, "payer").groups
    assert list(zip(ours["key"], ours["amount"], strict=True)) == view
