"""Exposure ahead: income under agreements that end in the next 12 months, month by month.

Definitions (README "Concentration risk: definitions"):
- the horizon is the 12 months after the last month with data;
- an agreement counts when it is ``active`` and its end date falls in the horizon;
- its monthly income is seconomy.agreements.terms.monthly_rate — the one rule the forecast and the
  Agreements page use: a contract's income by its terms over its last 12 months in force per month in force
  (a weekly price counts the days, 365/12/7 weeks a month), a grant's total over the months of its period;
- its renewal date is the end date minus the notice months (the end date when no notice is set): the day
  by which the payer decides to renew or not;
- the renewal falls in the municipal budget season when the payer is a municipality and the renewal date
  is in August, September or October, when municipalities negotiate next year's budget;
- ``share_of_income`` compares the monthly income to the average monthly income of the trailing 12 months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import numpy as np
import pandas as pd

from seconomy.agreements.terms import monthly_rate
from seconomy.window import add_months, month_end, month_start, trailing_window

BUDGET_SEASON_MONTHS = (8, 9, 10)  # August–October: municipalities negotiate next year's budget
AGREEMENT_COLUMNS = ("id", "payer", "counterparty", "municipality_code", "stream", "end_date", "renewal_date",
                     "budget_season", "monthly_amount", "share_of_income")
MONTH_COLUMNS = ("month", "ending_monthly", "ending_budget_season", "ending_other", "ending_count",
                 "cumulative_monthly", "cumulative_share")

_AGREEMENTS_SQL = """
SELECT g.id, payer_key(g.municipality_code, g.counterparty) AS payer, g.counterparty, g.municipality_code, g.stream,
       g.start_date, g.end_date, (g.end_date - to_months(coalesce(g.notice_months, 0)))::DATE AS renewal_date,
       g.placements, g.price, g.price_unit, g.monthly_amount, g.total_amount, g.schedule, g.status
FROM agreements g
WHERE g.status = 'active' AND g.end_date BETWEEN ? AND ?
ORDER BY g.end_date, g.id"""

_INCOME_SQL = "SELECT coalesce(sum(amount), 0) FROM entries WHERE entry_date BETWEEN ? AND ?"


def _agreements(con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date, monthly_income: Decimal) -> pd.DataFrame:
    cursor = con.execute(_AGREEMENTS_SQL, [first, last])
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        rate = monthly_rate(row)
        season = row["municipality_code"] is not None and row["renewal_date"].month in BUDGET_SEASON_MONTHS
        share = float(rate / monthly_income) if monthly_income else None
        rows.append((row["id"], row["payer"], row["counterparty"], row["municipality_code"], row["stream"],
                     row["end_date"], row["renewal_date"], season, float(rate), share))
    frame = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS)) if rows else \
        pd.DataFrame({c: pd.Series(dtype=object) for c in AGREEMENT_COLUMNS})
    frame = frame.sort_values(["end_date", "monthly_amount", "id"], ascending=[True, False, True], kind="stable")
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    frame["budget_season"] = frame["budget_season"].astype(bool)
    return frame.reset_index(drop=True)


def _months(agreements: pd.DataFrame, first: dt.date, months: int, monthly_income: Decimal) -> pd.DataFrame:
    rows, cumulative = [], Decimal(0)
    for i in range(months):
        month = add_months(first, i)
        ending = agreements.loc[np.array([month_start(d) == month for d in agreements["end_date"]], dtype=bool)]
        amount = sum((Decimal(str(v)) for v in ending["monthly_amount"]), Decimal(0))
        budget = sum((Decimal(str(v)) for v in ending.loc[ending["budget_season"], "monthly_amount"]), Decimal(0))
        cumulative += amount
        rows.append((month, float(amount), float(budget), float(amount - budget), len(ending), float(cumulative),
                     float(cumulative / monthly_income) if monthly_income else None))
    return pd.DataFrame(rows, columns=list(MONTH_COLUMNS))


@dataclass(frozen=True)
class Exposure:
    """Agreements ending in the horizon, and their monthly income month by month."""

    first_day: dt.date
    last_day: dt.date
    monthly_income: Decimal  # average monthly income of the trailing 12 months
    agreements: pd.DataFrame  # AGREEMENT_COLUMNS, by end date
    months: pd.DataFrame  # MONTH_COLUMNS, the months of the horizon

    @property
    def ending_monthly(self) -> float:
        """Monthly income of all agreements ending in the horizon."""
        return float(self.months["cumulative_monthly"].iloc[-1])

    @property
    def budget_season_count(self) -> int:
        """How many of the ending agreements come up for renewal in the municipal budget season."""
        return int(self.agreements["budget_season"].sum())

    @property
    def ending_share(self) -> float | None:
        """The same, as a share of the trailing average monthly income."""
        value = self.months["cumulative_share"].iloc[-1]
        return None if pd.isna(value) else float(value)


def exposure_ahead(con: duckdb.DuckDBPyConnection, last_data_day: dt.date, months: int = 12) -> Exposure:
    """Agreements ending in the ``months`` after the month of ``last_data_day``, month by month."""
    trailing = trailing_window(last_data_day)
    first, last = add_months(month_start(last_data_day), 1), month_end(add_months(last_data_day, months))
    monthly = Decimal(con.execute(_INCOME_SQL, [trailing.start, trailing.end]).fetchall()[0][0]) / 12  # exact shares
    agreements = _agreements(con, first, last, monthly)
    return Exposure(first, last, monthly.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), agreements,
                    _months(agreements, first, months, monthly))
