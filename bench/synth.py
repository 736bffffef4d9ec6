"""Synthetic ledgers for benchmarks: n entries over 3 years, ~40 municipal and ~400 private payers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from seconomy.municipalities import all_municipalities
from seconomy.streams import STREAMS


def staging_frame(n: int, seed: int = 7) -> pd.DataFrame:
    """A staging frame (seconomy.store.STAGING_COLUMNS) with n plausible entries."""
    rng = np.random.default_rng(seed)
    codes = np.array([m.code for m in all_municipalities()[:40]], dtype="int64")
    start = np.datetime64(dt.date(2023, 11, 1))
    days = rng.integers(0, 3 * 365, n)
    municipal = rng.random(n) < 0.45
    code = np.where(municipal, codes[rng.integers(0, len(codes), n)], 0)
    stream_idx = np.where(municipal, rng.choice([1, 2, 0], n, p=[0.7, 0.2, 0.1]), rng.choice([0, 3, 4, 5], n, p=[0.85, 0.07, 0.05, 0.03]))
    amount = (rng.lognormal(8.5, 1.0, n) * 100).astype("int64")
    amount = np.where(rng.random(n) < 0.03, -amount // 5, amount)
    private = np.array([f"Kunde {i:03d} ApS" for i in range(400)], dtype=object)
    counterparty = np.where(municipal, "Kommune " + code.astype(str), private[rng.integers(0, 400, n)])
    frame = pd.DataFrame({
        "line": np.arange(2, n + 2),
        "entry_date": start + days.astype("timedelta64[D]"),
        "amount_ore": amount,
        "stream": np.array(STREAMS, dtype=object)[stream_idx],
        "counterparty": counterparty,
        "municipality_code": pd.array(np.where(municipal, code, 0), dtype="Int16"),
        "description": "Faktura",
        "reference": np.char.add("F", np.arange(n).astype(str)).astype(object),
    })
    frame.loc[~municipal, "municipality_code"] = pd.NA
    return frame
