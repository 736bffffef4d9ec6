"""Writing settings (the one place that changes the settings table)."""

from __future__ import annotations

import duckdb

from seconomy.errors import InputError, LineError
from seconomy.settings import BY_NAME, validate


def set_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting; the name must be in seconomy.settings.SETTINGS."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    BY_NAME[name].kind(str(value))  # refuse a value the reader could not parse
    con.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, str(value)],
    )


def update_settings(con: duckdb.DuckDBPyConnection, values: dict[str, object]) -> None:
    """Validate and store several settings at once, all or nothing."""
    problems = validate(values)
    if problems:
        raise InputError("settings not saved", [LineError(0, name, str(values.get(name, "")), reason)
                                                for name, reason in problems])
    con.execute("BEGIN TRANSACTION")
    try:
        for name, value in values.items():
            set_setting(con, name, str(value).strip())
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
