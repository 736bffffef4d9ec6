"""The one query of the one-chart reference page: net income per month over the data."""

from __future__ import annotations

import duckdb
import pandas as pd


def monthly_totals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("""SELECT date_trunc('month', entry_date)::DATE AS month, sum(amount)::DOUBLE AS amount
                          FROM entries GROUP BY ALL ORDER BY month""").df()
