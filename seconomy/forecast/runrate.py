"""Run rates: what income without an agreement will bring, from each payer's own complete months.

The rules (README "Budget scenarios — Method"; tests pin each):
* Income is taken per (payer, stream, counterparty) over the trailing complete months (at most 12, ``M`` of them).
* It recurs only when it came in at least ``ceil(N · M / 12)`` of those months (N = setting
  ``recurring_min_months``, default 6): a one-off grant or donation is listed apart and left out — unless the user
  chose to keep it (``forecast_kept``).
* The monthly rate is the window's total / M.
* Seasonal profile from the payer's OWN history: when it has at least 24 complete months, the months of the year
  get the weights of its average per month of the year over (at most) its last 36 complete months; otherwise the
  rate is flat. (A payer's history starts with its own first month, not the stream's: flat sales stay flat.)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pandas as pd

from seconomy.forecast.history import Cutoff
from seconomy.window import add_months

SEASON_MONTHS = 36  # complete months behind a seasonal profile
OWN_PROFILE_MONTHS = 24  # a payer needs this much history of its own for a profile
Key = tuple[str, str, str]  # payer, stream, counterparty

_MONTHLY = """SELECT payer, stream, counterparty, max(municipality_code) AS code,
       date_trunc('month', entry_date)::DATE AS month, sum(amount) AS amount
FROM income WHERE entry_date BETWEEN ? AND ? GROUP BY ALL"""
_FIRST = """SELECT payer, stream, counterparty, min(date_trunc('month', entry_date))::DATE FROM income GROUP BY ALL"""


@dataclass
class History:
    """One (payer, stream, counterparty)'s complete months."""

    key: Key
    code: int | None
    first_month: dt.date
    months: dict[dt.date, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class RunRate:
    key: Key
    code: int | None
    total: Decimal  # over the trailing window
    months_paid: int  # months of the window with income
    monthly: Decimal  # total / M
    profile: tuple[float, ...] | None  # 12 month-of-year weights summing to 1 (None: flat)
    recurring: bool
    kept: bool = False


def histories(con: duckdb.DuckDBPyConnection, cut: Cutoff) -> list[History]:
    """Every (payer, stream, counterparty) with income in the complete months of the last three years."""
    since = max(add_months(cut.trailing.end, 1 - SEASON_MONTHS), cut.first_day.replace(day=1))
    found: dict[Key, History] = {}
    firsts = {(p, s, c): f for p, s, c, f in con.execute(_FIRST).fetchall()}
    for payer, stream, counterparty, code, month, amount in con.execute(_MONTHLY, [since, cut.trailing.end]).fetchall():
        key = (payer, stream, counterparty)
        history = found.setdefault(key, History(key, None if code is None else int(code), firsts[key]))
        history.months[month] = amount
    return list(found.values())


def needed_months(cut: Cutoff, minimum: int) -> int:
    """How many months of the window must have income for it to recur: N scaled to a shorter window."""
    return max(1, math.ceil(minimum * cut.complete_months / 12))


def _window_months(cut: Cutoff) -> list[dt.date]:
    return [add_months(cut.trailing.start, i) for i in range(cut.complete_months)]


def _profile(history: History, cut: Cutoff) -> tuple[float, ...] | None:
    """Month-of-year weights from the payer's own last (up to) 36 complete months, if it has 24 of them."""
    span = (cut.trailing.end.year - history.first_month.year) * 12 + cut.trailing.end.month - history.first_month.month + 1
    if span < OWN_PROFILE_MONTHS:
        return None
    sums, counts = [Decimal(0)] * 12, [0] * 12
    month = max(history.first_month, add_months(cut.trailing.end, 1 - SEASON_MONTHS))
    while month <= cut.trailing.end:
        sums[month.month - 1] += history.months.get(month, Decimal(0))
        counts[month.month - 1] += 1
        month = add_months(month, 1)
    averages = [max(s / c, Decimal(0)) if c else Decimal(0) for s, c in zip(sums, counts, strict=True)]
    whole = sum(averages)
    if whole <= 0 or min(counts) == 0:
        return None
    return tuple(float(a / whole) for a in averages)


def run_rates(histories_: Sequence[History], cut: Cutoff, minimum: int, kept: set[Key]) -> list[RunRate]:
    """Each payer's run rate (recurring or not), in a stable order (stream, then largest first)."""
    window = _window_months(cut)
    need = needed_months(cut, minimum)
    out = []
    for h in histories_:
        amounts = [h.months.get(m, Decimal(0)) for m in window]
        total = sum(amounts, Decimal(0))
        if total <= 0:
            continue
        paid = sum(1 for a in amounts if a > 0)
        monthly = total / cut.complete_months
        keep = h.key in kept
        out.append(RunRate(h.key, h.code, total, paid, monthly, _profile(h, cut), paid >= need or keep, keep))
    return sorted(out, key=lambda r: (r.key[1], -r.total, r.key[0], r.key[2]))


def spread(rate: RunRate, months: Sequence[dt.date]) -> list[int]:
    """The rate in whole øre per month: flat, or a year's income (12 × monthly) by the payer's profile."""
    if rate.profile is None:
        value = int((rate.monthly * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return [value] * len(months)
    year = rate.monthly * 12
    return [int((year * Decimal(repr(rate.profile[m.month - 1])) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            for m in months]


def kept_keys(con: duckdb.DuckDBPyConnection) -> set[Key]:
    """The one-off incomes the user chose to keep in the forecast."""
    return {(p, s, c) for p, s, c in con.execute("SELECT payer, stream, counterparty FROM forecast_kept").fetchall()}


def one_offs(rates: Sequence[RunRate]) -> pd.DataFrame:
    """The incomes left out as one-offs (and those kept although they are), for the page's list."""
    rows = [(r.key[0], r.key[1], r.key[2], r.code, float(r.total), r.months_paid, r.kept)
            for r in rates if not r.recurring or r.kept]
    frame = pd.DataFrame(rows, columns=["payer", "stream", "counterparty", "municipality_code", "total", "months_paid", "kept"])
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return frame
