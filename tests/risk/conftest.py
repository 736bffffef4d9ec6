"""A small hand-computed ledger for the risk figures, and a helper to store any ledger.

The fixture (window 2026-01-01 .. 2026-12-31, the default: its last entry is 2026-12-31):

    payer          rows                                                       net       share
    København      Socialforvaltningen 30 000 + Beskæftigelsesforvaltningen   50 000    0.50
                   10 000 + Jobcenter wage subsidy 5 000 + canteen sale 5 000
    Gladsaxe       20 000                                                     20 000    0.20
    Café Sol       18 000 − 3 000 (credit note)                               15 000    0.15
    Fonden         10 000                                                     10 000    0.10
    Rotary         5 000                                                       5 000    0.05
    Kunde X        2 000 − 2 500 (credit note above the sale)                   −500    left out
    Gammel Kunde   99 999, on 2025-12-31: outside the window
    total of the payers with income                                          100 000
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from seconomy import store

D = dt.date
FIXTURE = [
    (D(2026, 1, 31), 3_000_000, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101),
    (D(2026, 2, 28), 1_000_000, "municipal_contract", "Københavns Kommune, Beskæftigelsesforvaltningen", 101),
    (D(2026, 3, 31), 500_000, "wage_subsidy", "Jobcenter København", 101),
    (D(2026, 4, 15), 500_000, "product_sale", "Københavns Kommune, Rådhuskantinen", 101),
    (D(2026, 5, 31), 2_000_000, "municipal_contract", "Gladsaxe Kommune", 159),
    (D(2026, 6, 10), 1_800_000, "product_sale", "Café Sol", None),
    (D(2026, 6, 20), -300_000, "product_sale", "Café Sol", None),
    (D(2026, 7, 5), 1_000_000, "foundation_grant", "Fonden", None),
    (D(2026, 8, 1), 200_000, "product_sale", "Kunde X", None),
    (D(2026, 8, 5), -250_000, "product_sale", "Kunde X", None),
    (D(2025, 12, 31), 9_999_900, "product_sale", "Gammel Kunde", None),
    (D(2026, 12, 31), 500_000, "other", "Rotary", None),
]


def add_ledger(con, rows, file_name: str = "test.csv") -> int:
    """Store rows (date, amount in øre, stream, counterparty, municipality code or None); return the import id."""
    frame = pd.DataFrame(rows, columns=["entry_date", "amount_ore", "stream", "counterparty", "municipality_code"])
    frame.insert(0, "line", range(2, len(frame) + 2))
    frame["description"] = None
    frame["reference"] = [f"r{i}" for i in range(len(frame))]
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return store.add_entries(con, frame, file_name=file_name).import_id


@pytest.fixture
def ledger(con):
    """The hand-computed fixture in a fresh in-memory database."""
    add_ledger(con, FIXTURE)
    return con


@pytest.fixture(scope="module")
def fixture_db():
    """The fixture, built once per module, for tests that only read."""
    connection = store.connect(store.MEMORY)
    add_ledger(connection, FIXTURE)
    yield connection
    connection.close()
