"""Which income an agreement covers: its own counterparty (department) and stream — not its whole municipality.

Why: Københavns Kommune buys from several departments. An agreement with Socialforvaltningen (5.000 kr./month)
says nothing about what Beskæftigelsesforvaltningen buys; treating it as covering all of København turned a
55.000 kr./month run rate into 5.000. So an agreement covers the income of the counterparty it names, in its
stream. An agreement that names only the municipality itself ("Gladsaxe Kommune", no department) covers every
department of that municipality in its stream.

Covered income is forecast from the agreement's terms only (never counted twice); every other income keeps
its run rate. Agreements count for coverage while active, or when they ended (or were cancelled) within the
trailing window — a contract that just ended is not replaced by its own history as a run rate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from seconomy.municipalities import resolve
from seconomy.text import fold

_AGREEMENTS = """SELECT id, counterparty, stream, municipality_code, department, status, end_date FROM agreements
    WHERE status = 'active' OR (status IN ('ended', 'cancelled') AND end_date >= ?) ORDER BY id"""


@dataclass(frozen=True)
class Coverer:
    agreement_id: int
    counterparty: str  # folded
    stream: str
    municipality_code: int | None
    whole_municipality: bool  # names the municipality itself, no department: covers all its departments


def _whole(counterparty: str, department: object, code: object) -> bool:
    if code is None or (department is not None and str(department).strip()):
        return False
    return resolve(counterparty) == int(code)


def coverers(con: duckdb.DuckDBPyConnection, since: dt.date) -> list[Coverer]:
    """The agreements that cover income (active, or ended on or after ``since``)."""
    return [Coverer(i, fold(c), s, None if m is None else int(m), _whole(c, d, m))
            for i, c, s, m, d, _status, _end in con.execute(_AGREEMENTS, [since]).fetchall()]


def covering(found: list[Coverer], counterparty: str, stream: str, code: int | None) -> int | None:
    """The id of the agreement that covers this income (its counterparty, stream, municipality), else None."""
    folded = fold(counterparty)
    for c in found:
        if c.stream != stream:
            continue
        if c.whole_municipality and code is not None and c.municipality_code == code:
            return c.agreement_id
        if c.counterparty == folded and c.municipality_code == code:
            return c.agreement_id
    return None
