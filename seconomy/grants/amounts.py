"""What each open application would bring in a given year, and with what probability.

An application counts in year Y with the part of its disbursements that fall in Y, by the agreements'
schedule rule (seconomy.agreements.terms.grant_payments: equal parts in the first month of each paid
period, the last taking the remaining øre) — the same rule the agreement it becomes will be paid by.
Only open applications (idea, drafting, submitted, shortlisted) are the pipeline: a granted one is an
agreement already in the forecast, a rejected one brings nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from seconomy.agreements.terms import grant_payments
from seconomy.grants.model import OPEN_STAGES
from seconomy.grants.queries import load_applications


def year_ore(amount: Decimal, schedule: str, start: dt.date, end: dt.date, year: int) -> int:
    """The part of an application's disbursements paid in ``year``, in whole øre."""
    return sum(int(paid * 100) for day, paid in grant_payments(Decimal(amount), schedule, start, end) if day.year == year)


@dataclass(frozen=True)
class Candidate:
    """One open application as the plan counts it: its year amount (øre) and the probability it is granted."""

    id: int
    funder: str
    project: str | None
    funder_kind: str
    stage: str
    amount: Decimal  # the amount applied for (all years)
    year_ore: int  # the part paid in the plan's year
    p: float  # the probability it counts with (1 when the user asks "what if we win this")
    effort_hours: Decimal | None
    payer: str  # the funder's payer key
    won: bool = False  # the "if we win this" toggle

    @property
    def expected_ore(self) -> float:
        return self.p * self.year_ore


def candidates(frame: pd.DataFrame, year: int, won: Iterable[int] = ()) -> list[Candidate]:
    """The open applications of ``frame`` (as load_applications gives it) with their year amounts, by id."""
    won = set(won)
    out = []
    for row in frame[frame["stage"].isin(OPEN_STAGES)].to_dict("records"):
        hours = row["effort_hours"]
        out.append(Candidate(
            int(row["id"]), row["funder"], row["project"], row["funder_kind"], row["stage"], Decimal(row["amount"]),
            year_ore(row["amount"], row["schedule"], row["start_date"], row["end_date"], year),
            1.0 if row["id"] in won else float(row["p"]), None if hours is None or pd.isna(hours) else Decimal(hours),
            row["payer"], row["id"] in won))
    return out


def open_applications(con: duckdb.DuckDBPyConnection, year: int, won: Iterable[int] = ()) -> list[Candidate]:
    """The pipeline for ``year``: every open application with its year amount and probability."""
    return candidates(load_applications(con), year, won)


def expected_ore(items: Iterable[Candidate]) -> Decimal:
    """Σ p × year amount, to the øre (half up): the pipeline's expected income for the year."""
    total = sum((Decimal(repr(c.p)) * c.year_ore for c in items), Decimal(0))
    return total.quantize(Decimal(1), rounding="ROUND_HALF_UP")
