"""Writing settings (the one place that changes the settings table)."""

from __future__ import annotations

import duckdb

from seconomy.settings import BY_NAME


def set_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting; the name must be in seconomy.settings.SETTINGS."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    BY_NAME[name].kind(str(value))  # refuse a value the reader could not parse
    con.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, str(value)],
    )
