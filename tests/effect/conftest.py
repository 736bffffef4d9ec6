"""Fixtures of the effect tests: the hand-computed placements file on a database with a little income."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from seconomy import store
from seconomy.effect import files

DATA = Path(__file__).parent / "data"
HAND = DATA / "hand.csv"
WINDOW = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))

# Gladsaxe's income (every stream counts): only the three middle lines fall in 2025: 100 000 + 20 000 − 5 000.
INCOME = [
    (dt.date(2024, 12, 31), 50_000_00, "municipal_contract", "Gladsaxe Kommune, Jobcenter", 159),
    (dt.date(2025, 3, 31), 100_000_00, "municipal_contract", "Gladsaxe Kommune, Jobcenter", 159),
    (dt.date(2025, 6, 30), 20_000_00, "wage_subsidy", "Jobcenter Gladsaxe", 159),
    (dt.date(2025, 9, 30), -5_000_00, "municipal_contract", "Gladsaxe Kommune, Jobcenter", 159),
    (dt.date(2026, 1, 31), 7_000_00, "municipal_contract", "Gladsaxe Kommune, Jobcenter", 159),
    (dt.date(2025, 4, 30), 30_000_00, "product_sale", "Café Solsikken", None),
]


def add_income(con, rows=INCOME) -> None:
    frame = pd.DataFrame([(i + 2, d, ore, s, c, m, "", f"R{i}") for i, (d, ore, s, c, m) in enumerate(rows)],
                         columns=list(store.STAGING_COLUMNS))
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    store.add_entries(con, frame, file_name="test income")


@pytest.fixture
def hand_con(con):
    """An in-memory database with the income above and the placements of data/hand.csv."""
    add_income(con)
    files.import_file(con, HAND)
    return con
