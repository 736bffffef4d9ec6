"""The first hour with one's own data: what the dashboard still needs before its forecast can be trusted.

Why: after a first import the database has income but no costs, no cash and no agreements, and a forecast on
zero costs tells the board the cash "stays positive". The checklist names what is missing, and the pages that
depend on an item say so instead of computing on nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from seconomy.settings import get_settings
from seconomy.window import default_window

PAGES = {"name": "pages/settings.py", "cash": "pages/agreements.py", "costs": "pages/agreements.py",
         "agreements": "pages/agreements.py"}
TOP_MUNICIPALITIES = 3
MIN_SHARE = 0.05  # a municipality that pays less than this of the income needs no agreement on the checklist


@dataclass(frozen=True)
class Step:
    key: str  # name, cash, costs, agreements
    done: bool
    page: str
    missing: tuple[str, ...] = field(default_factory=tuple)  # for agreements: the municipalities without one


def municipalities_without_agreement(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The largest municipal payers of the trailing window (up to three, ≥ 5 % each) with no active agreement."""
    window = default_window(con)
    if window is None:
        return ()
    rows = con.execute(
        """WITH paid AS (SELECT municipality_code AS code, payer, sum(amount) AS amount FROM income
                         WHERE entry_date BETWEEN ? AND ? GROUP BY ALL),
                total AS (SELECT sum(amount) AS amount FROM income WHERE entry_date BETWEEN ? AND ?)
           SELECT p.payer FROM paid p, total t
           WHERE p.code IS NOT NULL AND p.amount > 0 AND p.amount >= ? * t.amount
             AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.municipality_code = p.code AND a.status = 'active')
           ORDER BY p.amount DESC LIMIT ?""",
        [window.start, window.end, window.start, window.end, MIN_SHARE, TOP_MUNICIPALITIES]).fetchall()
    return tuple(r[0] for r in rows)


def has_costs(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM costs").fetchall()[0][0])


def checklist(con: duckdb.DuckDBPyConnection) -> list[Step]:
    """Enterprise name, cash and its date, cost lines, agreements for the largest municipal payers."""
    settings = get_settings(con)
    stored = {n for (n,) in con.execute("SELECT name FROM settings").fetchall()}
    missing = municipalities_without_agreement(con)
    return [
        Step("name", bool(str(settings["enterprise_name"]).strip()), PAGES["name"]),
        Step("cash", {"opening_cash", "cash_date"} <= stored and bool(settings["cash_date"]), PAGES["cash"]),
        Step("costs", has_costs(con), PAGES["costs"]),
        Step("agreements", not missing, PAGES["agreements"], missing),
    ]
