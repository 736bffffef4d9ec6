"""The user's choices about the forecast: one-off incomes to count as recurring after all.

Why stored: the forecast leaves out income that came in fewer than ``recurring_min_months`` of the last 12
months (a donation, a one-year grant). A user who knows better — "the Rotary club gives every December" —
keeps it, and the choice must survive the next import.
"""

from __future__ import annotations

import duckdb


def keep_in_forecast(con: duckdb.DuckDBPyConnection, payer: str, stream: str, counterparty: str) -> None:
    """Count this (payer, stream, counterparty) at its run rate although it looks like a one-off."""
    con.execute("INSERT INTO forecast_kept VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [payer, stream, counterparty])


def drop_from_forecast(con: duckdb.DuckDBPyConnection, payer: str, stream: str, counterparty: str) -> None:
    """Undo ``keep_in_forecast``: the income is judged by the recurrence rule again."""
    con.execute("DELETE FROM forecast_kept WHERE payer = ? AND stream = ? AND counterparty = ?",
                [payer, stream, counterparty])
