"""Reading placements, contacts and the contact log, exactly: money and scores stay Decimal, dates stay dates.

Small tables (hundreds of rows), read whole and filtered by municipality when asked; the figures are computed
from these frames in Python with Decimal arithmetic (seconomy.effect.figures).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from seconomy.store.placements import CONTACT_COLUMNS, LOG_COLUMNS, PLACEMENT_COLUMNS

PLACEMENT_FRAME_COLUMNS = ("id", *PLACEMENT_COLUMNS, "municipality")
CONTACT_FRAME_COLUMNS = ("id", *CONTACT_COLUMNS, "municipality")
LOG_FRAME_COLUMNS = ("id", *LOG_COLUMNS, "municipality", "contact_name", "contact_role")

_PLACEMENTS = f"""SELECT p.id, {', '.join('p.' + c for c in PLACEMENT_COLUMNS)}, m.name
    FROM placements p JOIN municipalities m ON m.code = p.municipality_code
    WHERE $code IS NULL OR p.municipality_code = $code
    ORDER BY m.name, p.start_date, p.participant_code"""
_CONTACTS = f"""SELECT c.id, {', '.join('c.' + c for c in CONTACT_COLUMNS)}, m.name
    FROM contacts c JOIN municipalities m ON m.code = c.municipality_code
    WHERE $code IS NULL OR c.municipality_code = $code
    ORDER BY m.name, CASE c.role WHEN 'middle_manager' THEN 0 WHEN 'caseworker' THEN 1 WHEN 'politician' THEN 2 ELSE 3 END,
             c.name, c.id"""
_LOG = f"""SELECT l.id, {', '.join('l.' + c for c in LOG_COLUMNS)}, m.name, c.name, c.role
    FROM contact_log l JOIN municipalities m ON m.code = l.municipality_code
    LEFT JOIN contacts c ON c.id = l.contact_id
    WHERE $code IS NULL OR l.municipality_code = $code
    ORDER BY l.log_date DESC, l.id DESC"""


def _frame(con: duckdb.DuckDBPyConnection, sql: str, columns: tuple[str, ...], code: int | None) -> pd.DataFrame:
    rows = con.execute(sql, {"code": code}).fetchall()
    return pd.DataFrame(rows, columns=list(columns), dtype=object)


def load_placements(con: duckdb.DuckDBPyConnection, municipality_code: int | None = None) -> pd.DataFrame:
    """Placements (all, or of one municipality), by municipality, start and participant; object columns."""
    return _frame(con, _PLACEMENTS, PLACEMENT_FRAME_COLUMNS, municipality_code)


def load_contacts(con: duckdb.DuckDBPyConnection, municipality_code: int | None = None) -> pd.DataFrame:
    """Contacts by municipality, middle managers first (they decide what is referred)."""
    return _frame(con, _CONTACTS, CONTACT_FRAME_COLUMNS, municipality_code)


def load_log(con: duckdb.DuckDBPyConnection, municipality_code: int | None = None) -> pd.DataFrame:
    """The contact log, newest first, with the contact's name and role (None for an entry without a contact)."""
    return _frame(con, _LOG, LOG_FRAME_COLUMNS, municipality_code)


def agreement_municipalities(con: duckdb.DuckDBPyConnection) -> dict[int, int | None]:
    """Every agreement id with its municipality code (None for a grant without one), to check a placement's link."""
    return dict(con.execute("SELECT id, municipality_code FROM agreements").fetchall())


def relation_municipalities(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Municipalities with placements, contacts or log entries, by name: the ones the effect page offers first."""
    rows = con.execute("""SELECT m.code FROM municipalities m WHERE m.code IN (
            SELECT municipality_code FROM placements UNION SELECT municipality_code FROM contacts
            UNION SELECT municipality_code FROM contact_log) ORDER BY m.name""").fetchall()
    return [code for (code,) in rows]


def first_placement_start(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The first day of the earliest placement (None without placements): the page's default period start."""
    return con.execute("SELECT min(start_date) FROM placements").fetchall()[0][0]
