"""How much each stream's income wobbles, and how long a wobble lasts — from the enterprise's own history.

Why: the Monte Carlo multiplies income by a level that moves month to month. A 12 % monthly wobble drawn
independently each month averages out to ≈ 3,5 % over a year; real income has runs of good and bad months
(a level shock that lasts). So the level follows an AR(1): xₜ = φ·xₜ₋₁ + σ·√(1−φ²)·εₜ, factor max(0, 1 + xₜ),
with σ the stream's monthly relative spread and φ its persistence. Both are calibrated from a stream's monthly
totals over the complete months of payers with at least 24 months of history (deseasonalised by month of year);
a stream without such history keeps the scenario's default.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb
import numpy as np

from seconomy.forecast.history import Cutoff
from seconomy.window import add_months

MIN_MONTHS = 24
MAX_PERSISTENCE = 0.95

_SQL = """WITH spans AS (SELECT payer, stream, counterparty, min(entry_date) AS first FROM income GROUP BY ALL),
ripe AS (SELECT payer, stream, counterparty FROM spans WHERE first <= ?)
SELECT i.stream, date_trunc('month', i.entry_date)::DATE AS month, sum(i.amount)
FROM income i SEMI JOIN ripe r ON r.payer = i.payer AND r.stream = i.stream AND r.counterparty = i.counterparty
WHERE i.entry_date BETWEEN ? AND ? GROUP BY ALL ORDER BY 1, 2"""


def _series(values: list[float]) -> tuple[float, float] | None:
    """(σ, φ) of a monthly series divided by its month-of-year averages; None when it is too short or empty."""
    if len(values) < MIN_MONTHS:
        return None
    arr = np.array(values, dtype=float)
    by_moy = defaultdict(list)
    for i, v in enumerate(arr):
        by_moy[i % 12].append(v)
    norm = np.array([np.mean(by_moy[i % 12]) for i in range(len(arr))])
    if np.any(norm <= 0):
        return None
    residual = arr / norm - 1.0
    sigma = float(np.std(residual, ddof=1))
    if sigma == 0:
        return 0.0, 0.0
    phi = float(np.corrcoef(residual[:-1], residual[1:])[0, 1])
    return sigma, float(min(max(phi if np.isfinite(phi) else 0.0, 0.0), MAX_PERSISTENCE))


def calibrate(con: duckdb.DuckDBPyConnection, cut: Cutoff) -> dict[str, tuple[float, float]]:
    """Stream → (σ, φ) from the last (up to) 36 complete months of the payers with 24 months of history."""
    end = cut.trailing.end
    start = add_months(end, -35).replace(day=1)
    ripe = add_months(end, 1 - MIN_MONTHS).replace(day=1)
    series: dict[str, dict] = defaultdict(dict)
    for stream, month, amount in con.execute(_SQL, [ripe, max(start, ripe if ripe < start else start), end]).fetchall():
        series[stream][month] = float(amount)
    out = {}
    for stream, months in series.items():
        first = min(months)
        span, month = [], first
        while month <= end:
            span.append(months.get(month, 0.0))
            month = add_months(month, 1)
        found = _series(span)
        if found is not None:
            out[stream] = found
    return out
