"""Adding, editing, ending and deleting agreements and cost lines, and setting the opening cash.

Each function validates first and writes only a valid row, returning the problems otherwise, so
the page can show them beside the fields and the database never holds a half-checked row. They
take a connection like every domain function; the page calls them through ``ui.data.write``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb

from seconomy import store
from seconomy.agreements import values
from seconomy.agreements.model import ENDED_STATUSES, Problem
from seconomy.agreements.validate import clean_agreement, clean_cost


@dataclass(frozen=True)
class Saved:
    """The outcome of a save: the row's id when it was written, else the problems that stopped it."""

    id: int | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def save_agreement(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object], agreement_id: int | None = None) -> Saved:
    """Validate ``raw`` and add it as a new agreement, or update agreement ``agreement_id`` (keeping its demo flag)."""
    row, problems = clean_agreement(raw)
    if problems:
        return Saved(None, problems)
    if agreement_id is None:
        return Saved(store.add_agreement(con, row))
    store.update_agreement(con, agreement_id, row)
    return Saved(agreement_id)


def save_cost(con: duckdb.DuckDBPyConnection, raw: Mapping[str, object], cost_id: int | None = None) -> Saved:
    """Validate ``raw`` and add it as a new cost line, or update cost line ``cost_id``."""
    row, problems = clean_cost(raw)
    if problems:
        return Saved(None, problems)
    if cost_id is None:
        return Saved(store.add_cost(con, row))
    store.update_cost(con, cost_id, row)
    return Saved(cost_id)


def _start_of(con: duckdb.DuckDBPyConnection, table: str, row_id: int) -> dt.date | None:
    sql = {"agreements": "SELECT start_date FROM agreements WHERE id = ?",
           "costs": "SELECT start_date FROM costs WHERE id = ?"}[table]
    found = con.execute(sql, [row_id]).fetchall()
    if not found:
        raise KeyError(row_id)
    return found[0][0]


def end_agreement(con: duckdb.DuckDBPyConnection, agreement_id: int, end_date: object, status: str = "ended") -> Saved:
    """End an agreement: ``end_date`` is its last paid day; status 'ended' (ran out) or 'cancelled' (terminated)."""
    problems = _end_problems(_start_of(con, "agreements", agreement_id), end_date)
    if status not in ENDED_STATUSES:
        problems.append(Problem("status", "choice", status, {"choices": ", ".join(ENDED_STATUSES)}))
    if problems:
        return Saved(None, problems)
    store.end_agreement(con, agreement_id, values.date(end_date), status)
    return Saved(agreement_id)


def end_cost(con: duckdb.DuckDBPyConnection, cost_id: int, end_date: object) -> Saved:
    """Stop a cost line after ``end_date``."""
    problems = _end_problems(_start_of(con, "costs", cost_id), end_date)
    if problems:
        return Saved(None, problems)
    store.end_cost(con, cost_id, values.date(end_date))
    return Saved(cost_id)


def _end_problems(start: dt.date | None, end_date: object) -> list[Problem]:
    shown = values.text(end_date) or ""
    try:
        end = values.date(end_date)
    except ValueError:
        return [Problem("end_date", "date", shown)]
    if end is None:
        return [Problem("end_date", "end_required")]
    if start and end < start:
        return [Problem("end_date", "end_before_start", shown, {"start": start.isoformat()})]
    return []


def delete_agreement(con: duckdb.DuckDBPyConnection, agreement_id: int) -> None:
    store.delete_agreement(con, agreement_id)


def delete_cost(con: duckdb.DuckDBPyConnection, cost_id: int) -> None:
    store.delete_cost(con, cost_id)


def set_cash(con: duckdb.DuckDBPyConnection, opening_cash: object, cash_date: object) -> list[Problem]:
    """Store the opening cash (may be negative: an overdraft) and the date it refers to (empty: last data date)."""
    problems: list[Problem] = []
    try:
        cash = values.decimal(opening_cash)
    except ValueError:
        problems.append(Problem("opening_cash", "number", values.text(opening_cash) or ""))
        cash = None
    if cash is None and not problems:
        problems.append(Problem("opening_cash", "required"))
    try:
        day = values.date(cash_date)
    except ValueError:
        problems.append(Problem("cash_date", "date", values.text(cash_date) or ""))
        day = None
    if problems:
        return problems
    store.update_settings(con, {"opening_cash": str(cash.quantize(Decimal("0.01"))),
                                "cash_date": day.isoformat() if day else ""})
    return []
