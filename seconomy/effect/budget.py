"""The before-the-budget list: whom to see, from June, before the municipality's autumn budget.

Danish municipalities negotiate next year's budget in August–October and adopt it by mid-October; the middle
managers who decide what to refer need to know the results before then. For an ``as_of`` date:

- before 1 June the list is empty (status ``before``: it starts on 1 June);
- from 1 June to 15 October it is open (status ``open``); from 16 October to 31 December the budget is adopted
  and the list prepares next year's (status ``adopted``) — same rule, with that note;
- a municipality is on it when its share of income over the trailing 12 full months (ending with the month
  before ``as_of``, and at the latest with the last month with data) is at least the ``major_share`` setting
  (seconomy.risk.concentration by municipality), **or** it has an agreement whose renewal falls in the budget
  season being prepared — August–October of this year, after mid-October of next year (seconomy.risk.exposure_ahead
  from the month of ``as_of``, flag ``budget_season``) —
- **and** the contact log has no meeting or workshop with one of its middle-manager contacts between 1 June and
  ``as_of``. Each entry comes with its effect figures (all placements up to ``as_of``), largest share first.

``as_of`` is always an argument: the core never asks for today's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.effect.figures import Effect, municipality_effect
from seconomy.effect.model import MEETING_KINDS
from seconomy.municipalities import short_name
from seconomy.risk import concentration, exposure_ahead
from seconomy.window import Window, add_months, last_data_date, month_end

ADOPTED_AFTER = (10, 15)  # month, day: budgets are adopted by mid-October


@dataclass(frozen=True)
class BudgetEntry:
    municipality_code: int
    municipality: str
    share_of_income: float | None  # of total income in the share window; None without income from it
    major: bool
    renewals: tuple[dt.date, ...]  # renewal dates of its agreements that fall in the budget season
    last_manager_meeting: dt.date | None  # the latest logged meeting/workshop with a middle manager, up to as_of
    next_meeting: dt.date | None  # the earliest planned meeting (any contact) on or after as_of
    managers: tuple[str, ...]  # its middle-manager contacts, by name
    effect: Effect


@dataclass(frozen=True)
class BudgetList:
    as_of: dt.date
    season_start: dt.date  # 1 June of as_of's year
    status: str  # 'before' | 'open' | 'adopted'
    share_window: Window | None
    entries: tuple[BudgetEntry, ...]


def _status(as_of: dt.date) -> str:
    if as_of < dt.date(as_of.year, 6, 1):
        return "before"
    return "adopted" if as_of > dt.date(as_of.year, *ADOPTED_AFTER) else "open"


def share_window(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> Window | None:
    """The 12 full months ending with the month before ``as_of``, or with the last month with data if earlier."""
    last = last_data_date(con)
    if last is None:
        return None
    end = min(month_end(add_months(as_of, -1)), month_end(last))
    return Window(add_months(end, -11), end)


def _shares(con: duckdb.DuckDBPyConnection, window: Window | None) -> pd.DataFrame:
    if window is None:
        return pd.DataFrame(columns=["municipality_code", "share", "major"])
    groups = concentration(con, window, "municipality").groups
    return groups[["municipality_code", "share", "major"]]


def season_year(as_of: dt.date) -> int:
    """The year whose budget season the list prepares: this year's, after mid-October next year's."""
    return as_of.year + 1 if _status(as_of) == "adopted" else as_of.year


def _renewals(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict[int, list[dt.date]]:
    """Renewal dates of municipal agreements that fall in the season prepared (August–October of ``season_year``).

    The exposure horizon runs from the month of ``as_of`` to the end of the year after that season, so that an
    agreement ending in December with three months' notice (renewal in September) is seen.
    """
    year = season_year(as_of)
    before = month_end(add_months(as_of, -1))
    months = (year + 1) * 12 + 11 - (before.year * 12 + before.month - 1)
    ahead = exposure_ahead(con, before, months).agreements
    out: dict[int, list[dt.date]] = {}
    for season, code, day in zip(ahead["budget_season"], ahead["municipality_code"], ahead["renewal_date"], strict=True):
        if bool(season) and pd.notna(code) and day.year == year:
            out.setdefault(int(code), []).append(day)
    return out


def _meetings(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict[int, dt.date]:
    """The latest logged meeting or workshop with a middle-manager contact, per municipality, up to ``as_of``."""
    rows = con.execute("""SELECT l.municipality_code, max(l.log_date) FROM contact_log l
        JOIN contacts c ON c.id = l.contact_id
        WHERE c.role = 'middle_manager' AND list_contains(?, l.kind) AND l.log_date <= ?
        GROUP BY l.municipality_code""", [list(MEETING_KINDS), as_of]).fetchall()
    return dict(rows)


def _contacts(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> tuple[dict[int, dt.date], dict[int, list[str]]]:
    rows = con.execute("SELECT municipality_code, role, name, next_meeting FROM contacts ORDER BY name, id").fetchall()
    planned: dict[int, dt.date] = {}
    managers: dict[int, list[str]] = {}
    for code, role, name, next_meeting in rows:
        if next_meeting is not None and next_meeting >= as_of and (code not in planned or next_meeting < planned[code]):
            planned[code] = next_meeting
        if role == "middle_manager":
            managers.setdefault(code, []).append(name)
    return planned, managers


def before_budget(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> BudgetList:
    """The before-the-budget list on ``as_of`` (see the module docstring)."""
    season_start = dt.date(as_of.year, 6, 1)
    status = _status(as_of)
    window = share_window(con, as_of)
    if status == "before":
        return BudgetList(as_of, season_start, status, window, ())
    shares = {int(c): (float(s), bool(m)) for c, s, m in _shares(con, window).itertuples(index=False)}
    renewals = _renewals(con, as_of)
    meetings = _meetings(con, as_of)
    planned, managers = _contacts(con, as_of)
    candidates = {c for c, (_, major) in shares.items() if major} | set(renewals)
    entries = []
    for code in candidates:
        last = meetings.get(code)
        if last is not None and last >= season_start:
            continue
        share, major = shares.get(code, (None, False))
        entries.append(BudgetEntry(code, short_name(code), share, major, tuple(sorted(renewals.get(code, []))), last,
                                   planned.get(code), tuple(managers.get(code, [])),
                                   municipality_effect(con, code, None, as_of)))
    entries.sort(key=lambda e: (-(e.share_of_income or 0.0), e.municipality))
    return BudgetList(as_of, season_start, status, window, tuple(entries))


@dataclass(frozen=True)
class IncomeShare:
    """A municipality's share of total income in the share window (shown beside its effect)."""

    share: float | None  # None: no income from it (or no income at all)
    window: Window | None


def share_of_income(con: duckdb.DuckDBPyConnection, code: int, as_of: dt.date) -> IncomeShare:
    """The share of income from municipality ``code`` over the 12 full months of ``share_window``."""
    window = share_window(con, as_of)
    if window is None:
        return IncomeShare(None, None)
    groups = concentration(con, window, "municipality").groups
    match = groups[groups["municipality_code"] == code]
    return IncomeShare(float(match["share"].iloc[0]) if len(match) else None, window)
