"""The baseline's income lines: one per agreement, renewal, pending application or run-rate payer.

A line is one source of income (a row of ``meta``) with an amount for every forecast month (a row
of the øre matrix). Keeping the source on the line is what makes each baseline figure traceable:
``source`` names the agreement id or the run rate it came from.

Coverage (so contract income is not counted twice): a payer's income in a stream is *covered by
an agreement* when an agreement with the same payer key (a municipality's short name for a
municipal agreement, else the counterparty) and the same stream is active, or ended/cancelled
no earlier than the first day of the trailing 12 months. Covered income is forecast from the
agreements' terms only; every other (payer, stream, counterparty) gets its trailing-12-month run rate.

What an agreement pays in a month by its terms is seconomy.agreements.terms' rule (one rule for
the Agreements page and the forecast); this module decides which agreements count and how.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import numpy as np
import pandas as pd

from seconomy.agreements.terms import monthly_income_ore as monthly_income
from seconomy.forecast.months import months_between
from seconomy.window import Window, add_months, month_end

LINE_COLUMNS = ("key", "municipality_code", "stream", "counterparty", "agreement_id", "role", "source",
                "probability", "basis")
# Roles: 'agreement' (active, in the baseline), 'renewal' (the same agreement again after its end date:
# in the baseline only when its renewal probability is 1, else drawn by the simulation), 'pending'
# (an application: only in a scenario that grants it), 'run_rate' and 'seasonal' (payers without an
# agreement), 'added' (new income a scenario brings in).
SEASON_MONTHS = 36  # months of history behind a seasonal profile
OWN_PROFILE_MONTHS = 24  # a payer needs this much history for a profile of its own

_AGREEMENTS_SQL = """
SELECT a.id, a.stream, a.counterparty, a.municipality_code, a.placements, a.price, a.price_unit,
       a.monthly_amount, a.total_amount, a.schedule, a.start_date, a.end_date, a.renewal_probability, a.status,
       payer_key(a.municipality_code, a.counterparty) AS payer
FROM agreements a
WHERE a.status IN ('active', 'pending') ORDER BY a.id"""

_COVERED = """covered AS (
    SELECT DISTINCT payer_key(a.municipality_code, a.counterparty) AS payer, a.stream
    FROM agreements a
    WHERE a.status = 'active' OR (a.status IN ('ended', 'cancelled') AND a.end_date >= $from))"""

_RUN_RATE_SQL = f"""
WITH {_COVERED}
SELECT i.payer, i.stream, i.counterparty, max(i.municipality_code) AS municipality_code, sum(i.amount) AS total
FROM income i ANTI JOIN covered c ON c.payer = i.payer AND c.stream = i.stream
WHERE i.entry_date BETWEEN $from AND $to
GROUP BY i.payer, i.stream, i.counterparty HAVING sum(i.amount) > 0
ORDER BY i.stream, total DESC, i.payer, i.counterparty"""

_SEASON_SQL = """
SELECT payer, counterparty, month(entry_date) AS moy, sum(amount) AS amount
FROM income WHERE stream = 'product_sale' AND entry_date BETWEEN $from AND $to GROUP BY ALL"""

_FIRST_SALE_SQL = """
SELECT payer, counterparty, min(entry_date) AS first FROM income WHERE stream = 'product_sale' GROUP BY ALL"""


@dataclass
class LineSet:
    """Lines being collected: metadata rows and øre amounts per month."""

    months: tuple[dt.date, ...]
    rows: list[dict] = field(default_factory=list)
    amounts: list[list[int]] = field(default_factory=list)

    def add(self, amounts: Sequence[int], **meta: object) -> None:
        self.rows.append({c: meta.get(c) for c in LINE_COLUMNS})
        self.amounts.append(list(amounts))

    def frame(self) -> tuple[pd.DataFrame, np.ndarray]:
        meta = pd.DataFrame(self.rows, columns=list(LINE_COLUMNS))
        meta["municipality_code"] = meta["municipality_code"].astype("Int16")
        meta["agreement_id"] = meta["agreement_id"].astype("Int64")
        meta["probability"] = meta["probability"].astype(float)
        matrix = np.array(self.amounts, dtype=np.float64).reshape(len(self.rows), len(self.months))
        return meta, matrix


def _renewal_amounts(row: dict, months: Sequence[dt.date]) -> list[int]:
    """The agreement again, term after term of the same length, from the month after it ends."""
    start, end = row["start_date"].replace(day=1), row["end_date"]
    term = months_between(start, end.replace(day=1)) + 1
    total = [0] * len(months)
    shift = term
    while months and add_months(start, shift) <= months[-1]:
        renewed = {**row, "start_date": add_months(start, shift), "end_date": month_end(add_months(end, shift))}
        total = [a + b for a, b in zip(total, monthly_income(renewed, months), strict=True)]
        shift += term
    return total


def add_agreement_lines(con: duckdb.DuckDBPyConnection, lines: LineSet) -> None:
    """Active agreements by their terms, their renewals, and pending applications."""
    cursor = con.execute(_AGREEMENTS_SQL)
    names = [d[0] for d in cursor.description]
    first = lines.months[0]
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        p = float(row["renewal_probability"]) if row["renewal_probability"] is not None else 0.0
        common = dict(key=row["payer"], municipality_code=row["municipality_code"], stream=row["stream"],
                      counterparty=row["counterparty"], agreement_id=row["id"])
        if row["status"] == "pending":
            lines.add(monthly_income(row, lines.months), **common, role="pending", source=f"agreement:{row['id']}:pending",
                      probability=0.0)
            continue
        lines.add(monthly_income(row, lines.months), **common, role="agreement", source=f"agreement:{row['id']}",
                  probability=1.0)
        end = row["end_date"]
        if end is not None and end < month_end(lines.months[-1]) and end >= add_months(first, -1) and p > 0:
            lines.add(_renewal_amounts(row, lines.months), **common, role="renewal",
                      source=f"agreement:{row['id']}:renewal", probability=p)


def _profiles(con: duckdb.DuckDBPyConnection, last_month: dt.date) -> tuple[dict, list[Decimal] | None, dict]:
    """Month-of-year sales per (payer, counterparty), the stream's profile, and each line's first sale."""
    season = Window(add_months(last_month, 1 - SEASON_MONTHS), month_end(last_month))
    own: dict[tuple[str, str], list[Decimal]] = {}
    stream = [Decimal(0)] * 12
    for payer, counterparty, moy, amount in con.execute(_SEASON_SQL, {"from": season.start, "to": season.end}).fetchall():
        own.setdefault((payer, counterparty), [Decimal(0)] * 12)[moy - 1] += amount
        stream[moy - 1] += amount
    first = {(p, c): d for p, c, d in con.execute(_FIRST_SALE_SQL).fetchall()}
    data_first = min(first.values(), default=season.start)
    # Average per month of the year over the months that had data, so a short history is not lopsided.
    seen = [0] * 12
    m = max(season.start, data_first.replace(day=1))
    while m <= last_month:
        seen[m.month - 1] += 1
        m = add_months(m, 1)
    if min(seen) == 0:
        return {}, None, first
    stream_profile = [stream[i] / seen[i] for i in range(12)]
    own_profiles = {k: [v[i] / seen[i] for i in range(12)] for k, v in own.items()}
    return own_profiles, stream_profile, first


def _spread(total: Decimal, profile: list[Decimal] | None, months: Sequence[dt.date]) -> list[int] | None:
    """``total`` (a year's income) spread over the months of the year by ``profile``; None if unusable."""
    if profile is None:
        return None
    weights = [max(w, Decimal(0)) for w in profile]
    whole = sum(weights)
    if whole <= 0:
        return None
    return [int((total * weights[m.month - 1] / whole * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for m in months]


def add_run_rate_lines(con: duckdb.DuckDBPyConnection, lines: LineSet, trailing: Window) -> None:
    """Each uncovered (payer, stream, counterparty) at its trailing-12-month income; sales by season."""
    params = {"from": trailing.start, "to": trailing.end}
    rows = con.execute(_RUN_RATE_SQL, params).fetchall()
    if not rows:
        return
    last_month = trailing.end.replace(day=1)
    own, stream_profile, first = _profiles(con, last_month)
    own_before = add_months(last_month, 1 - OWN_PROFILE_MONTHS)
    for payer, stream, counterparty, code, total in rows:
        amounts, role, source = None, "run_rate", "run_rate:12m"
        if stream == "product_sale":
            mature = first.get((payer, counterparty), last_month) <= own_before
            profile = own.get((payer, counterparty)) if mature else stream_profile
            amounts = _spread(total, profile, lines.months)
            if amounts is not None:
                role, source = "seasonal", "run_rate:12m:seasonal" + (":own" if mature else ":stream")
        if amounts is None:
            monthly = int((total / 12 * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            amounts = [monthly] * len(lines.months)
        lines.add(amounts, key=payer, municipality_code=code, stream=stream, counterparty=counterparty,
                  agreement_id=None, role=role, source=source, probability=1.0, basis=total)
