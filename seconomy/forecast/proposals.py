"""Cost lines proposed from the booked costs, for a user whose first file had costs but who entered no cost lines.

Why: a bank statement or a SAF-T file holds a year of costs; asking the user to type them in again as monthly
lines is the step where a forecast on zero costs is born. The proposal is each category's (account's) booked
costs over the last 12 months — or over the months the data covers, when that is less — divided by those months,
as a fixed monthly cost line. The user accepts or edits the proposal on the Agreements page.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pandas as pd

from seconomy.window import add_months, month_end

MONTHS = 12
COLUMNS = ("category", "monthly_amount", "total", "months", "first", "last")
UNCATEGORISED = ""  # a cost without a category (a bank without categories): proposed as one line


def proposed_cost_lines(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One fixed monthly cost line per category of the booked costs of the trailing 12 months (largest first)."""
    last = con.execute("SELECT max(entry_date), min(entry_date) FROM actual_costs").fetchall()[0]
    if last[0] is None:
        return pd.DataFrame(columns=list(COLUMNS))
    end: dt.date = month_end(last[0])
    start = max(add_months(last[0], 1 - MONTHS), last[1].replace(day=1))
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    rows = con.execute(
        """SELECT coalesce(category, ?) AS category, sum(amount), min(entry_date), max(entry_date)
           FROM actual_costs WHERE entry_date BETWEEN ? AND ? GROUP BY ALL HAVING sum(amount) > 0
           ORDER BY sum(amount) DESC, category""", [UNCATEGORISED, start, end]).fetchall()
    records = [(category, (total / months).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), total, months, first, latest)
               for category, total, first, latest in rows]
    return pd.DataFrame(records, columns=list(COLUMNS), dtype=object)
