"""Writing settings (the one place that changes the settings table)."""

from __future__ import annotations

from decimal import Decimal

import duckdb

from seconomy.errors import InputError, LineError
from seconomy.ingest.cpr import has_cpr
from seconomy.settings import BY_NAME, SettingProblem, canonical, check, get_settings
from seconomy.store.tx import transaction


def set_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting; the name must be in seconomy.settings.SETTINGS."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    text = canonical(name, value)  # refuses what the one parser cannot read; a number stored as it reads: "0101901234" as 101901234
    BY_NAME[name].read(text)
    con.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, text],
    )


def change_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting after checking it together with the others (the cross-checks need them all).

    A problem the stored settings already had does not block changing another one.
    """
    current = {n: str(v) for n, v in get_settings(con).items()}
    before = {(p.name, p.code) for p in check(current)}
    problems = [p for p in check({**current, name: value}) if (p.name, p.code) not in before]
    if problems:
        raise InputError(f"setting {name} not changed", [_line_error(p) for p in problems], code="settings.not_saved")
    set_setting(con, name, canonical(name, value))


def _line_error(problem: SettingProblem) -> LineError:
    return LineError(0, problem.name, problem.value, problem.reason, f"setting.err.{problem.code}")


def update_settings(con: duckdb.DuckDBPyConnection, values: dict[str, object]) -> None:
    """Validate and store several settings at once, all or nothing."""
    problems = check(values)
    if problems:
        raise InputError("settings not saved", [_line_error(p) for p in problems], code="settings.not_saved")
    with transaction(con):
        for name, value in values.items():
            set_setting(con, name, canonical(name, value))


def fill_company(con: duckdb.DuckDBPyConnection, name: str | None, cvr: str | None) -> None:
    """The enterprise's name and CVR from a file's header (SAF-T), where they are not set yet."""
    stored = dict(con.execute("SELECT name, value FROM settings WHERE name IN ('enterprise_name', 'cvr')").fetchall())
    digits = "".join(ch for ch in (cvr or "") if ch.isdigit())
    if name and not stored.get("enterprise_name") and not has_cpr(name, "description"):  # never store a CPR number
        set_setting(con, "enterprise_name", name.strip())
    if len(digits) == 8 and not stored.get("cvr"):
        set_setting(con, "cvr", digits)


def set_cash(con: duckdb.DuckDBPyConnection, ore: int, day: object) -> None:
    """The cash at bank and the date it refers to (a file's closing balance, confirmed by the user)."""
    set_setting(con, "opening_cash", f"{Decimal(ore) / 100:.2f}")
    set_setting(con, "cash_date", day.isoformat() if hasattr(day, "isoformat") else str(day))
