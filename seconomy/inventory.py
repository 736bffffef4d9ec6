"""What the database holds: rows per table, date range, schema version, dataset."""

from __future__ import annotations

import duckdb

from seconomy.settings import get_setting
from seconomy.store import schema_version
from seconomy.store.sql import ident

TABLES = ("entries", "imports", "municipalities", "agreements", "applications", "costs", "settings", "scenarios",
          "account_streams", "column_mappings", "placements", "contacts", "contact_log", "actual_costs", "rules",
          "forecast_kept", "schema_migrations")


def inventory(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """A summary for ``info`` and the settings page."""
    counts = {}
    for table in TABLES:  # fixed names, never user input
        counts[table] = con.execute("SELECT count(*) FROM " + ident(table)).fetchall()[0][0]
    first, last = con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0]
    return {
        "schema_version": schema_version(con),
        "dataset": get_setting(con, "dataset"),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "counts": counts,
    }
