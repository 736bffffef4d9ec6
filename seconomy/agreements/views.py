"""The figures the Agreements page shows: each agreement with its income this month, costs in force, cash.

Plain functions over a connection, like every domain function, so the page only draws them and
the tests check them without Streamlit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from seconomy.agreements.model import GRANT_STREAMS
from seconomy.agreements.queries import in_force, load_agreements, load_costs
from seconomy.agreements.terms import grant_payments, monthly_income
from seconomy.settings import get_settings
from seconomy.window import add_months, month_end


def agreements_overview(con: duckdb.DuckDBPyConnection, month: dt.date, grants: bool) -> pd.DataFrame:
    """The contracts (``grants=False``) or the grants, with ``month_income``: what each pays in ``month`` by its terms."""
    frame = load_agreements(con)
    frame = frame[frame["stream"].isin(GRANT_STREAMS) == grants].reset_index(drop=True)
    records = frame.to_dict("records")
    frame["month_income"] = [monthly_income(row, month) for row in records]
    frame["notice_by"] = [notice_by(row["end_date"], row.get("notice_months")) for row in records]
    if grants:
        upcoming = [_next_payment(row, month) for row in records]
        frame["next_payment_month"] = [u[0] for u in upcoming]
        frame["next_payment"] = [u[1] for u in upcoming]
    return frame


def notice_by(end: object, notice_months: object) -> dt.date | None:
    """The last day to give (or expect) notice: the end date minus the notice months, the day clamped to the month
    (31.12 minus 3 months is 30.09), as the Risk page's renewal date (seconomy.risk.exposure)."""
    if end is None or pd.isna(end) or notice_months is None or pd.isna(notice_months):
        return None
    end = pd.Timestamp(end).date()
    first = add_months(end.replace(day=1), -int(notice_months))
    return first.replace(day=min(end.day, month_end(first).day))


def _next_payment(row: dict, month: dt.date) -> tuple[dt.date | None, Decimal | None]:
    """A grant's first disbursement in or after ``month`` (None when all are paid, or it was rejected)."""
    if row["status"] == "rejected" or row["total_amount"] is None or row["schedule"] is None:
        return None, None
    due = [(day, amount) for day, amount in grant_payments(row["total_amount"], row["schedule"], row["start_date"],
                                                          row["end_date"]) if day >= month.replace(day=1)]
    return due[0] if due else (None, None)


@dataclass(frozen=True)
class CostSummary:
    """Costs in force on one day: fixed and wage costs per month, variable costs as shares per stream."""

    day: dt.date
    fixed: Decimal
    wage: Decimal
    variable: dict[str, Decimal]  # stream -> total share of that stream's income
    lines: pd.DataFrame  # every cost line, with ``in_force`` on ``day``


def cost_summary(con: duckdb.DuckDBPyConnection, day: dt.date) -> CostSummary:
    """Sum the cost lines in force on ``day`` (Decimal sums; variable shares added per stream)."""
    lines = load_costs(con)
    lines["in_force"] = [in_force(s, e, day) for s, e in zip(lines["start_date"], lines["end_date"], strict=True)]
    current = lines[lines["in_force"].astype(bool)]
    fixed = sum((a for k, a in zip(current["kind"], current["monthly_amount"], strict=True) if k == "fixed"), Decimal(0))
    wage = sum((a for k, a in zip(current["kind"], current["monthly_amount"], strict=True) if k == "wage"), Decimal(0))
    variable: dict[str, Decimal] = {}
    for kind, stream, share in zip(current["kind"], current["stream"], current["share_of_income"], strict=True):
        if kind == "variable":
            variable[stream] = variable.get(stream, Decimal(0)) + share
    return CostSummary(day, fixed, wage, variable, lines)


@dataclass(frozen=True)
class Cash:
    opening_cash: Decimal
    cash_date: dt.date | None  # None: the last data date


def cash(con: duckdb.DuckDBPyConnection) -> Cash:
    """The opening cash and the date it refers to, from the settings."""
    settings = get_settings(con)
    day = str(settings["cash_date"] or "")
    return Cash(Decimal(str(settings["opening_cash"])), dt.date.fromisoformat(day) if day else None)


@dataclass(frozen=True)
class FileBalance:
    """The cash at bank a file showed (a bank statement's last balance, a SAF-T file's bank accounts)."""

    amount: Decimal
    day: dt.date
    file_name: str


def latest_file_balance(con: duckdb.DuckDBPyConnection) -> FileBalance | None:
    """The newest closing balance among the imports not undone (by its date, then the import)."""
    rows = con.execute("""SELECT closing_balance, closing_balance_date, file_name FROM imports
                          WHERE closing_balance IS NOT NULL AND undone_at IS NULL
                          ORDER BY closing_balance_date DESC, id DESC LIMIT 1""").fetchall()
    return FileBalance(*rows[0]) if rows else None
