"""Exposure ahead: income under agreements that end in the next 12 months, month by month.

Definitions (README "Concentration risk: definitions"):
- the horizon is the 12 months after the last month with data;
- an agreement counts when it is ``active`` and its end date falls in the horizon;
- its monthly income is ``monthly_amount`` if set, else placements × price (a weekly price × 52 / 12),
  else ``total_amount`` spread evenly over the months from start to end;
- its renewal date is the end date minus the notice months (the end date when no notice is set): the day
  by which the payer decides to renew or not;
- the renewal falls in the municipal budget season when the payer is a municipality and the renewal date
  is in August, September or October, when municipalities negotiate next year's budget;
- ``share_of_income`` compares the monthly income to the average monthly income of the trailing 12 months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from seconomy.window import add_months, month_end, trailing_window

BUDGET_SEASON_MONTHS = (8, 9, 10)  # August–October: municipalities negotiate next year's budget
AGREEMENT_COLUMNS = ("id", "payer", "counterparty", "municipality_code", "stream", "end_date", "renewal_date",
                     "budget_season", "monthly_amount", "share_of_income")
MONTH_COLUMNS = ("month", "ending_monthly", "ending_budget_season", "ending_other", "ending_count",
                 "cumulative_monthly", "cumulative_share")

_BASE = """WITH a AS (
    SELECT g.id, payer_key(g.municipality_code, g.counterparty) AS payer,
           g.counterparty, g.municipality_code, g.stream, g.end_date,
           (g.end_date - to_months(coalesce(g.notice_months, 0)))::DATE AS renewal_date,
           coalesce(g.monthly_amount,
                    CASE g.price_unit WHEN 'week' THEN g.placements * g.price * 52 / 12 ELSE g.placements * g.price END,
                    g.total_amount / (date_diff('month', g.start_date, g.end_date) + 1))::DECIMAL(14, 2) AS monthly
    FROM agreements g LEFT JOIN municipalities m ON m.code = g.municipality_code
    WHERE g.status = 'active' AND g.end_date BETWEEN $first AND $last),
flagged AS (SELECT *, municipality_code IS NOT NULL AND list_contains($season, month(renewal_date)) AS budget_season
            FROM a),
income AS (SELECT coalesce(sum(amount), 0) / 12 AS monthly FROM entries WHERE entry_date BETWEEN $income_start AND $income_end)
"""

_AGREEMENTS_SQL = _BASE + """SELECT f.id, f.payer, f.counterparty, f.municipality_code, f.stream, f.end_date, f.renewal_date,
       f.budget_season, f.monthly::DOUBLE, (f.monthly / nullif(i.monthly, 0))::DOUBLE
FROM flagged f, income i ORDER BY f.end_date, f.monthly DESC, f.id"""

_MONTHS_SQL = _BASE + """,
months AS (SELECT unnest(generate_series($first::DATE, $last::DATE, INTERVAL 1 MONTH))::DATE AS month),
per AS (SELECT m.month, coalesce(sum(f.monthly), 0) AS ending,
               coalesce(sum(f.monthly) FILTER (WHERE f.budget_season), 0) AS ending_budget, count(f.id) AS n
        FROM months m LEFT JOIN flagged f ON date_trunc('month', f.end_date) = m.month GROUP BY m.month)
SELECT p.month, p.ending::DOUBLE, p.ending_budget::DOUBLE, (p.ending - p.ending_budget)::DOUBLE, p.n,
       (sum(p.ending) OVER w)::DOUBLE,
       (sum(p.ending) OVER w / nullif(i.monthly, 0))::DOUBLE, i.monthly::DECIMAL(14, 2)
FROM per p, income i WINDOW w AS (ORDER BY p.month) ORDER BY p.month"""


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
    params = {"first": add_months(last_data_day, 1), "last": month_end(add_months(last_data_day, months)),
              "income_start": trailing.start, "income_end": trailing.end, "season": list(BUDGET_SEASON_MONTHS)}
    agreements = pd.DataFrame(con.execute(_AGREEMENTS_SQL, params).fetchall(), columns=list(AGREEMENT_COLUMNS))
    agreements["municipality_code"] = agreements["municipality_code"].astype("Int16")
    rows = con.execute(_MONTHS_SQL, params).fetchall()
    per_month = pd.DataFrame([r[:7] for r in rows], columns=list(MONTH_COLUMNS))
    return Exposure(params["first"], params["last"], rows[0][7], agreements, per_month)
