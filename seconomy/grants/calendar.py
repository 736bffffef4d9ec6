"""The fundraiser's calendar and the grant cliff.

* **Calendar**: every application deadline and decision date of the open applications, and every
  report deadline (afrapportering) of the granted ones, with the days left from an as-of date the
  caller gives (never today() in here, so the figures are reproducible).
* **Cliff**: grant income by month from the grant agreements (foundation grants and public pools,
  paid by their schedule, seconomy.agreements.terms) over the next months, each grant's last
  payment and end date marked — where the money stops unless something new is won — and beside it
  the pipeline's expected disbursements (probability × payment) by month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.agreements.model import GRANT_STREAMS
from seconomy.agreements.queries import load_agreements
from seconomy.agreements.terms import grant_payments, income_schedule
from seconomy.grants.model import GRANTED, OPEN_STAGES
from seconomy.grants.queries import load_applications
from seconomy.window import add_months

EVENT_KINDS = ("deadline", "decision", "report")
EVENT_COLUMNS = ("date", "kind", "id", "funder", "project", "stage", "days")
PAID_STATUSES = ("active", "ended", "cancelled")  # granted grants; 'pending' is not granted yet


def events_of(frame: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Deadlines and decisions of open applications, report deadlines of granted ones; ``days`` from ``as_of``."""
    rows = []
    for row in frame.to_dict("records"):
        common = {"id": row["id"], "funder": row["funder"], "project": row["project"], "stage": row["stage"]}
        if row["stage"] in OPEN_STAGES:
            rows += [{"date": row[column], "kind": kind, **common}
                     for column, kind in (("deadline", "deadline"), ("decision_date", "decision")) if row[column]]
        elif row["stage"] == GRANTED:
            rows += [{"date": day, "kind": "report", **common} for day in row["report_due"]]
    out = pd.DataFrame(rows, columns=list(EVENT_COLUMNS[:-1]))
    out["days"] = [(day - as_of).days for day in out["date"]]
    order = {k: i for i, k in enumerate(EVENT_KINDS)}
    out = out.assign(_k=out["kind"].map(order)).sort_values(["date", "_k", "id"], kind="stable").drop(columns="_k")
    return out.reset_index(drop=True)


def calendar(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> pd.DataFrame:
    """Every dated event of the pipeline (EVENT_COLUMNS), in date order."""
    return events_of(load_applications(con), as_of)


def upcoming(con: duckdb.DuckDBPyConnection, as_of: dt.date, days: int = 90) -> pd.DataFrame:
    """The events from ``as_of`` to ``days`` days later, inclusive."""
    events = calendar(con, as_of)
    return events[(events["days"] >= 0) & (events["days"] <= days)].reset_index(drop=True)


@dataclass(frozen=True)
class Cliff:
    months: tuple[dt.date, ...]
    granted: pd.DataFrame  # month, agreement_id, funder, amount (Decimal): the grant agreements' payments, >0 only
    pipeline: pd.DataFrame  # month, expected (Decimal, p × payment of the open applications)
    ends: pd.DataFrame  # agreement_id, funder, end_date, last_payment (month): grants ending from the first month on

    @property
    def total_by_month(self) -> pd.Series:
        sums = self.granted.groupby("month")["amount"].sum() if len(self.granted) else pd.Series(dtype=object)
        return pd.Series([sums.get(m, 0) for m in self.months], index=list(self.months), dtype=object)


def _pipeline(con: duckdb.DuckDBPyConnection, months: tuple[dt.date, ...]) -> pd.DataFrame:
    expected = {m: 0.0 for m in months}
    frame = load_applications(con)
    for row in frame[frame["stage"].isin(OPEN_STAGES)].to_dict("records"):
        for day, amount in grant_payments(row["amount"], row["schedule"], row["start_date"], row["end_date"]):
            if day in expected:
                expected[day] += float(row["p"]) * float(amount)
    return pd.DataFrame({"month": list(months), "expected": [round(v, 2) for v in expected.values()]})


def cliff(con: duckdb.DuckDBPyConnection, first_month: dt.date, months: int = 24) -> Cliff:
    """Grant income by month for ``months`` months from ``first_month``, and where the current grants end."""
    first = first_month.replace(day=1)
    grid = tuple(add_months(first, i) for i in range(months))
    agreements = load_agreements(con)
    grants = agreements[agreements["stream"].isin(GRANT_STREAMS) & agreements["status"].isin(PAID_STATUSES)]
    schedule = income_schedule(grants, first, months)
    paid = schedule[schedule["amount_ore"] > 0]
    granted = pd.DataFrame({"month": paid["month"], "agreement_id": paid["agreement_id"], "funder": paid["payer"],
                            "amount": paid["amount"]}).reset_index(drop=True)
    ends = []
    for row in grants[grants["end_date"].notna()].to_dict("records"):
        if row["end_date"] >= first:
            payments = grant_payments(row["total_amount"], row["schedule"], row["start_date"], row["end_date"])
            ends.append({"agreement_id": row["id"], "funder": row["payer"], "end_date": row["end_date"],
                         "last_payment": payments[-1][0]})
    ends_frame = pd.DataFrame(ends, columns=["agreement_id", "funder", "end_date", "last_payment"])
    return Cliff(grid, granted, _pipeline(con, grid), ends_frame.sort_values("end_date", kind="stable").reset_index(drop=True))
