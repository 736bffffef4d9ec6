"""Writing settings (the one place that changes the settings table)."""

from __future__ import annotations

import re
from decimal import Decimal

import duckdb

from seconomy.errors import InputError, LineError
from seconomy.ingest.cpr import has_cpr
from seconomy.settings import BY_NAME, Share, get_settings, validate
from seconomy.store.tx import transaction

_LEADING_ZEROS = re.compile(r"^([-+]?)0+(?=[0-9])")


def set_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting; the name must be in seconomy.settings.SETTINGS."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    kind = BY_NAME[name].kind
    BY_NAME[name].read(value)  # refuse a value the reader could not parse
    text = str(value)
    if kind in (int, float, Decimal, Share):  # a number is stored as a number reads: "0101901234" (a CPR?) as 101901234
        text = _LEADING_ZEROS.sub(r"\1", text.strip())
    con.execute(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        [name, text],
    )


def change_setting(con: duckdb.DuckDBPyConnection, name: str, value: object) -> None:
    """Store one setting after checking it together with the others (the cross-checks need them all).

    A problem the stored settings already had does not block changing another one.
    """
    current = {n: str(v) for n, v in get_settings(con).items()}
    before = set(validate(current))
    problems = [p for p in validate({**current, name: value}) if p not in before]
    if problems:
        raise InputError(f"setting {name} not changed",
                         [LineError(0, n, str(value) if n == name else current.get(n, ""), reason) for n, reason in problems])
    set_setting(con, name, str(value).strip())


def update_settings(con: duckdb.DuckDBPyConnection, values: dict[str, object]) -> None:
    """Validate and store several settings at once, all or nothing."""
    problems = validate(values)
    if problems:
        raise InputError("settings not saved", [LineError(0, name, str(values.get(name, "")), reason)
                                                for name, reason in problems])
    with transaction(con):
        for name, value in values.items():
            set_setting(con, name, str(value).strip())


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
