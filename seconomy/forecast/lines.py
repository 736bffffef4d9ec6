"""The forecast's income lines: one per agreement, renewal, pending application or run-rate payer.

A line is one source of income (a row of ``meta``) with an amount for every forecast month (a row of the øre
matrix). Keeping the source on the line makes every figure traceable: ``source`` names the agreement or the run
rate it came from, ``probability`` what the line is worth in the *expected* forecast:

* ``agreement`` (in force) and ``run_rate``/``seasonal`` lines: 1 — in both the contracted and the expected line;
* ``renewal`` (the agreement again, on its own day and term, after its end date): its renewal probability —
  in the contracted line only when that is 1, in the expected line weighted by it;
* ``pending`` (an application): its probability (the agreement's ``renewal_probability``, the chance of a
  grant) — never contracted, weighted in the expected line; a pending application for the same counterparty and
  stream as an ending agreement replaces that agreement's renewal (the application IS the renewal: never both).

Coverage (seconomy.forecast.coverage) decides which income the agreements forecast; every other recurring
income gets its run rate (seconomy.forecast.runrate). What an agreement pays in a month is
seconomy.agreements.terms' rule — one rule for the Agreements page, the exposure table and the forecast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from seconomy.agreements.terms import monthly_income_ore as monthly_income
from seconomy.forecast.coverage import coverers, covering
from seconomy.forecast.history import Cutoff
from seconomy.forecast.renewals import renewals
from seconomy.forecast.runrate import RunRate, histories, kept_keys, run_rates, spread
from seconomy.text import fold
from seconomy.window import month_end

LINE_COLUMNS = ("key", "municipality_code", "stream", "counterparty", "agreement_id", "role", "source",
                "probability", "basis", "lag")
ROLES_CERTAIN = ("agreement", "run_rate", "seasonal", "added")
SUPERSEDE_MONTHS = 6  # a pending application starting this close to an agreement's end is its renewal

_AGREEMENTS_SQL = """
SELECT a.id, a.stream, a.counterparty, a.municipality_code, a.placements, a.price, a.price_unit,
       a.monthly_amount, a.total_amount, a.schedule, a.start_date, a.end_date, a.renewal_probability, a.status,
       a.payment_days, payer_key(a.municipality_code, a.counterparty) AS payer
FROM agreements a
WHERE a.status IN ('active', 'pending') ORDER BY a.id"""

_SO_FAR = """SELECT counterparty, stream, sum(amount) FROM income WHERE entry_date BETWEEN ? AND ? GROUP BY ALL"""


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
        meta["lag"] = meta["lag"].fillna(0).astype(int)
        matrix = np.array(self.amounts, dtype=np.float64).reshape(len(self.rows), len(self.months))
        return meta, matrix


def lag_months(days: object) -> int:
    """A payment term in days as whole months (days ÷ 30, rounded): 30 days after the month → the next month."""
    return max(0, int(float(days) / 30 + 0.5)) if days is not None else 0


@dataclass(frozen=True)
class Terms:
    """Payment terms: days after the month per stream (settings), an agreement's own ``payment_days`` first."""

    days: dict[str, int]

    def lag(self, stream: str, own: object = None) -> int:
        return lag_months(own if own is not None else self.days.get(stream, 0))


def agreement_lags(con: duckdb.DuckDBPyConnection, terms: Terms) -> dict[tuple[str, str], int]:
    """(folded counterparty, stream) → the payment term in months of an agreement that states its own."""
    rows = con.execute("SELECT counterparty, stream, payment_days FROM agreements WHERE payment_days IS NOT NULL "
                       "AND status <> 'rejected' ORDER BY id").fetchall()
    return {(fold(c), s): terms.lag(s, d) for c, s, d in rows}


def _so_far(con: duckdb.DuckDBPyConnection, cut: Cutoff) -> dict[tuple[str, str], int]:
    """Income already booked in the partial first forecast month, per (folded counterparty, stream), in øre."""
    if not cut.partial:
        return {}
    rows = con.execute(_SO_FAR, [cut.first_forecast_month, cut.last_day]).fetchall()
    return {(fold(c), s): int(a * 100) for c, s, a in rows}


def _remaining(amounts: list[int], already: int) -> list[int]:
    """The first month's amount less what was already booked in it (never below zero).

    Why not the share of days left: a payer invoiced once a month has either paid (nothing more to come) or not
    (all of it to come); a till taking money daily has booked about the days gone. Subtracting what was booked is
    right in all three cases, and it is the same rule for agreements and run rates.
    """
    if amounts and already:
        amounts = [max(0, amounts[0] - already), *amounts[1:]]
    return amounts


def _superseding(rows: list[dict]) -> dict[int, dict]:
    """Agreement id → the pending application that is its renewal (same counterparty and stream, starting near its end)."""
    pending = [r for r in rows if r["status"] == "pending"]
    out = {}
    for row in rows:
        if row["status"] != "active" or row["end_date"] is None:
            continue
        for p in pending:
            gap = (p["start_date"] - row["end_date"]).days
            if (fold(p["counterparty"]), p["stream"]) == (fold(row["counterparty"]), row["stream"]) \
                    and -31 * SUPERSEDE_MONTHS <= gap <= 31 * SUPERSEDE_MONTHS:
                out[row["id"]] = p
    return out


def _renewal_amounts(row: dict, months: Sequence[dt.date]) -> list[int]:
    """The agreement again, term after term on its own day and term length, from the day after it ends."""
    total = [0] * len(months)
    for start, end in renewals(row["start_date"], row["end_date"], month_end(months[-1])):
        renewed = {**row, "start_date": start, "end_date": end, "status": "active"}
        total = [a + b for a, b in zip(total, monthly_income(renewed, months), strict=True)]
    return total


def add_agreement_lines(con: duckdb.DuckDBPyConnection, lines: LineSet, cut: Cutoff, terms: Terms) -> None:
    """Agreements in force by their terms, their renewals, and pending applications."""
    cursor = con.execute(_AGREEMENTS_SQL)
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    superseded = _superseding(rows)
    already = _so_far(con, cut)
    for row in rows:
        p = float(row["renewal_probability"]) if row["renewal_probability"] is not None else 0.0
        common = dict(key=row["payer"], municipality_code=row["municipality_code"], stream=row["stream"],
                      counterparty=row["counterparty"], agreement_id=row["id"], lag=terms.lag(row["stream"], row["payment_days"]))
        amounts = _remaining(monthly_income(row, lines.months), already.get((fold(row["counterparty"]), row["stream"]), 0))
        if row["status"] == "pending":
            lines.add(amounts, **common, role="pending", source=f"agreement:{row['id']}:pending", probability=p)
            continue
        lines.add(amounts, **common, role="agreement", source=f"agreement:{row['id']}", probability=1.0)
        end = row["end_date"]
        if end is None or end >= month_end(lines.months[-1]) or row["id"] in superseded or p <= 0:
            continue
        lines.add(_renewal_amounts(row, lines.months), **common, role="renewal", source=f"agreement:{row['id']}:renewal",
                  probability=p)


def add_run_rate_lines(con: duckdb.DuckDBPyConnection, lines: LineSet, cut: Cutoff, terms: Terms, minimum: int) -> list[RunRate]:
    """Each uncovered recurring (payer, stream, counterparty) at its run rate; returns every rate (one-offs too)."""
    found = coverers(con, cut.trailing.start)
    rates = run_rates(histories(con, cut), cut, minimum, kept_keys(con))
    uncovered = [r for r in rates if covering(found, r.key[2], r.key[1], r.code) is None]
    already = _so_far(con, cut)
    for rate in uncovered:
        if not rate.recurring:
            continue
        payer, stream, counterparty = rate.key
        role, source = ("seasonal", f"run_rate:{cut.complete_months}m:seasonal") if rate.profile else \
            ("run_rate", f"run_rate:{cut.complete_months}m")
        amounts = _remaining(spread(rate, lines.months), already.get((fold(counterparty), stream), 0))
        lines.add(amounts, key=payer, municipality_code=rate.code, stream=stream,
                  counterparty=counterparty, agreement_id=None, role=role, source=source, probability=1.0,
                  basis=rate.total, lag=terms.lag(stream))
    return uncovered


def coverage_table(con: duckdb.DuckDBPyConnection, cut: Cutoff) -> pd.DataFrame:
    """Which agreement covers which income of the trailing window (for "where the figures come from")."""
    found = coverers(con, cut.trailing.start)
    rows = []
    for payer, stream, counterparty, code, total in con.execute(
            """SELECT payer, stream, counterparty, max(municipality_code), sum(amount) FROM income
               WHERE entry_date BETWEEN ? AND ? GROUP BY payer, stream, counterparty ORDER BY sum(amount) DESC""",
            [cut.trailing.start, cut.trailing.end]).fetchall():
        agreement = covering(found, counterparty, stream, None if code is None else int(code))
        rows.append((payer, stream, counterparty, code, agreement, float(total)))
    frame = pd.DataFrame(rows, columns=["payer", "stream", "counterparty", "municipality_code", "agreement_id", "income"])
    frame["agreement_id"] = frame["agreement_id"].astype("Int64")
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return frame
