"""Concentration over time: the HHI and top-1 share of rolling 12-month windows, and the stream mosaic per quarter.

Both use the same definitions as seconomy.risk.measures (groups with no income in a window are
left out; by municipality the HHI is within municipal income and the top-1 share is of all income),
so the rolling row for month M equals ``concentration`` over the 12 full months ending with M.
The "over time" views cover all data up to the end of the chosen window.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from seconomy.risk.groups import check_by, grouped_cte
from seconomy.settings import get_settings
from seconomy.window import add_months, month_end, month_start

ROLLING_COLUMNS = ("month", "window_start", "total", "hhi", "effective_number", "top1_share", "level")
MOSAIC_COLUMNS = ("quarter", "stream", "amount", "share", "hhi")

_ROLLING_SQL = """WITH {grouped},
ends AS (SELECT unnest(generate_series($first_end::DATE, $last_end::DATE, INTERVAL 1 MONTH))::DATE AS period_end),
win AS (SELECT e.period_end, g.key, g.code, g.in_scope, sum(g.amount) AS amount
        FROM ends e JOIN grp g ON g.period > (e.period_end - to_months($months))::DATE AND g.period <= e.period_end
        GROUP BY ALL),
pos AS (SELECT *, (amount * 100)::HUGEINT AS ore FROM win WHERE amount > 0),
per AS (SELECT period_end, sum(amount) AS total,
               10000 * sum(ore * ore) FILTER (WHERE in_scope)
                     / (sum(ore) FILTER (WHERE in_scope) * sum(ore) FILTER (WHERE in_scope)) AS hhi,
               max(amount) FILTER (WHERE in_scope) / sum(amount) AS top1_share
        FROM pos GROUP BY period_end)
SELECT e.period_end, (e.period_end - to_months($months - 1))::DATE, coalesce(p.total, 0)::DOUBLE, p.hhi, 10000 / p.hhi,
       p.top1_share,
       CASE WHEN p.hhi < $moderate THEN 'low' WHEN p.hhi <= $high THEN 'moderate' WHEN p.hhi > $high THEN 'high' END
FROM ends e LEFT JOIN per p USING (period_end) ORDER BY e.period_end"""

_MOSAIC_SQL = """WITH {grouped},
pos AS (SELECT period, key, amount, (amount * 100)::HUGEINT AS ore FROM grp WHERE amount > 0)
SELECT period, key, amount::DOUBLE, amount / sum(amount) OVER q,
       10000 * sum(ore * ore) OVER q / (sum(ore) OVER q * sum(ore) OVER q)
FROM pos WINDOW q AS (PARTITION BY period) ORDER BY period, key"""


def _first_month(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    first = con.execute("SELECT min(entry_date) FROM entries").fetchall()[0][0]
    return month_start(first) if first else None


def rolling(con: duckdb.DuckDBPyConnection, until: dt.date, by: str = "payer", months: int = 12) -> pd.DataFrame:
    """One row per month M with ``months`` full months of data ending with M, up to the month of ``until``.

    Columns: month (first day of M), window_start, total, hhi, effective_number, top1_share, level.
    Empty when the data span is shorter than ``months``.
    """
    first = _first_month(con)
    last_end = month_start(until)
    first_end = add_months(first, months - 1) if first else None
    if first_end is None or first_end > last_end:
        return pd.DataFrame(columns=list(ROLLING_COLUMNS))
    settings = get_settings(con)
    sql = _ROLLING_SQL.format(grouped=grouped_cte(check_by(by), "month"))
    rows = con.execute(sql, {"start": first, "end": month_end(until), "first_end": first_end, "last_end": last_end,
                             "months": months, "moderate": settings["hhi_moderate"], "high": settings["hhi_high"]}).fetchall()
    return pd.DataFrame(rows, columns=list(ROLLING_COLUMNS))


def stream_mosaic(con: duckdb.DuckDBPyConnection, until: dt.date) -> pd.DataFrame:
    """Shares of the six streams per calendar quarter, with each quarter's HHI, from the first data up to ``until``.

    Columns: quarter (first day), stream, amount, share, hhi. A stream with no income in a quarter is left out
    of that quarter. The quarter holding ``until`` may be partial.
    """
    first = _first_month(con)
    if first is None or first > until:
        return pd.DataFrame(columns=list(MOSAIC_COLUMNS))
    rows = con.execute(_MOSAIC_SQL.format(grouped=grouped_cte("stream", "quarter")),
                       {"start": first, "end": until}).fetchall()
    return pd.DataFrame(rows, columns=list(MOSAIC_COLUMNS))
