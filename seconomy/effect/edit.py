"""Adding, editing and deleting placements, contacts and log entries, and the retention purge.

Each save validates first (seconomy.effect.validate plus the checks that need the database) and writes only a
valid row, returning the problems otherwise, so the page shows them beside the form and the database never
holds a half-checked row. The page calls these through ``ui.data.write``, the CLI directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb

from seconomy import store
from seconomy.agreements.edit import Saved
from seconomy.effect.files import agreement_problems
from seconomy.effect.model import Problem
from seconomy.effect.queries import agreement_municipalities
from seconomy.effect.validate import clean_contact, clean_log, clean_placement


def _key_taken(con: duckdb.DuckDBPyConnection, row: Mapping[str, object], placement_id: int | None) -> list[Problem]:
    """Another placement of the same participant starting the same day (the import's key) is a problem."""
    if row["participant_code"] is None or row["start_date"] is None:
        return []
    found = con.execute("""SELECT count(*) FROM placements WHERE participant_code = ? AND start_date = ?
                           AND id IS DISTINCT FROM ?""", [row["participant_code"], row["start_date"], placement_id]).fetchall()
    if not found[0][0]:
        return []
    return [Problem("start_date", "key_taken", "", {"start": row["start_date"].isoformat()})]


def save_placement(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object], placement_id: int | None = None) -> Saved:
    """Validate ``raw`` and add it, or update placement ``placement_id`` (keeping its demo flag)."""
    row, problems = clean_placement(raw)
    problems += agreement_problems(row, agreement_municipalities(con)) + _key_taken(con, row, placement_id)
    if problems:
        return Saved(None, problems)
    if placement_id is None:
        return Saved(store.add_placement(con, row))
    store.update_placement(con, placement_id, row)
    return Saved(placement_id)


def delete_placement(con: duckdb.DuckDBPyConnection, placement_id: int) -> None:
    store.delete_placement(con, placement_id)


def save_contact(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object], contact_id: int | None = None) -> Saved:
    """Validate ``raw`` and add it as a contact, or update contact ``contact_id``."""
    row, problems = clean_contact(raw)
    if problems:
        return Saved(None, problems)
    if contact_id is None:
        return Saved(store.add_contact(con, row))
    store.update_contact(con, contact_id, row)
    return Saved(contact_id)


def delete_contact(con: duckdb.DuckDBPyConnection, contact_id: int) -> None:
    store.delete_contact(con, contact_id)


def add_log(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object]) -> Saved:
    """Validate and store a log entry; its contact must exist and work for the same municipality."""
    row, problems = clean_log(raw)
    contact = row.get("contact_id")
    if contact is not None and not problems:
        found = con.execute("SELECT municipality_code FROM contacts WHERE id = ?", [contact]).fetchall()
        if not found:
            problems.append(Problem("contact_id", "contact_unknown", str(contact)))
        elif found[0][0] != row["municipality_code"]:
            problems.append(Problem("contact_id", "contact_municipality", str(contact)))
    if problems:
        return Saved(None, problems)
    return Saved(store.add_log(con, row))


def delete_log(con: duckdb.DuckDBPyConnection, log_id: int) -> None:
    store.delete_log(con, log_id)


def retention_cutoff(today: dt.date, years: int) -> dt.date:
    """The day before which ended placements are past retention: ``years`` years before ``today`` (29 Feb → 28 Feb)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def count_ended_before(con: duckdb.DuckDBPyConnection, before: dt.date) -> int:
    """How many placements ended before ``before`` (what a purge would delete)."""
    return con.execute("SELECT count(*) FROM placements WHERE end_date < ?", [before]).fetchall()[0][0]


def purge(con: duckdb.DuckDBPyConnection, before: dt.date) -> int:
    """Delete the placements that ended before ``before``; return how many went."""
    return store.purge_placements(con, before)
