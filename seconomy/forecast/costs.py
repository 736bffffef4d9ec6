"""Costs per month: fixed and wage costs within their dates, variable costs as a share of income.

The same function computes costs for the deterministic forecast (income per stream: S × M) and
for every Monte Carlo run at once (N × S × M): one code path, so a simulation with no randomness
lands exactly on the deterministic figures. Amounts are whole øre held in float64 (exact below
2⁵³ øre) and rounded half up after every multiplication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import numpy as np
import pandas as pd

from seconomy.streams import STREAMS
from seconomy.window import month_end

COST_META = ("cost_id", "category", "kind", "stream", "share")


def round_ore(values: np.ndarray) -> np.ndarray:
    """Half-up rounding to whole øre (amounts are non-negative in practice; the rule is the same)."""
    return np.floor(values + 0.5)


@dataclass(frozen=True)
class CostModel:
    """Every cost line of the costs table laid out over the forecast months."""

    meta: pd.DataFrame  # COST_META; stream None on a variable line means a share of all income
    fixed: np.ndarray  # C × M øre of fixed and wage lines (0 on variable lines and outside their dates)
    shares: np.ndarray  # C × M share of income of variable lines in force (0 elsewhere)
    stream_index: np.ndarray  # C: index into STREAMS, -1 for all income

    @property
    def size(self) -> int:
        return len(self.meta)


@dataclass(frozen=True)
class CostOp:
    """One cost change: multiply matched lines in matched months, or add a line of its own."""

    lines: np.ndarray  # bool C (ignored for an added line)
    months: np.ndarray  # bool M
    factor: float | None = None
    amount_ore: float | None = None


def _in_force(start: dt.date | None, end: dt.date | None, month: dt.date) -> bool:
    return (start is None or start <= month_end(month)) and (end is None or end >= month)


def load_costs(con: duckdb.DuckDBPyConnection, months: Sequence[dt.date]) -> CostModel:
    """The costs table over ``months``."""
    rows = con.execute(
        "SELECT id, category, kind, monthly_amount, share_of_income, stream, start_date, end_date FROM costs ORDER BY id"
    ).fetchall()
    meta, fixed, shares, index = [], [], [], []
    for cost_id, category, kind, monthly, share, stream, start, end in rows:
        active = np.array([_in_force(start, end, m) for m in months], dtype=bool)
        variable = kind == "variable"
        ore = float(Decimal(str(monthly or 0)) * 100) if not variable else 0.0
        fixed.append(np.where(active, ore, 0.0))
        shares.append(np.where(active, float(share or 0), 0.0) if variable else np.zeros(len(months)))
        index.append(STREAMS.index(stream) if variable and stream in STREAMS else -1)
        meta.append((cost_id, category, kind, stream, float(share) if share is not None else None))
    shape = (len(rows), len(months))
    return CostModel(
        pd.DataFrame(meta, columns=list(COST_META)),
        np.array(fixed, dtype=np.float64).reshape(shape),
        np.array(shares, dtype=np.float64).reshape(shape),
        np.array(index, dtype=np.int64),
    )


def cost_lines(model: CostModel, income_by_stream: np.ndarray, ops: Sequence[CostOp] = ()) -> np.ndarray:
    """Costs per line and month, shape (..., C + added lines, M), for income per stream (..., S, M).

    Variable lines take their share of that month's income in their stream, so a cut in sales also
    cuts the cost of goods sold. Then the cost changes apply in the order given: a relative change
    multiplies the matched lines of the costs table, an amount is a line of its own.
    """
    total = income_by_stream.sum(axis=-2)
    lead = income_by_stream.shape[:-2]
    lines = np.broadcast_to(model.fixed, lead + model.fixed.shape).copy()
    for c in np.flatnonzero(model.shares.any(axis=1)):
        s = model.stream_index[c]
        income = total if s < 0 else income_by_stream[..., s, :]
        lines[..., c, :] += round_ore(model.shares[c] * income)
    added = []
    for op in ops:
        if op.amount_ore is not None:
            added.append(np.broadcast_to(np.where(op.months, op.amount_ore, 0.0), lead + (len(op.months),)))
            continue
        rows = np.flatnonzero(op.lines)
        if rows.size:
            part = lines[..., rows, :]
            lines[..., rows, :] = np.where(op.months, round_ore(part * op.factor), part)
    if added:
        lines = np.concatenate([lines, np.stack(added, axis=-2)], axis=-2)
    return lines
