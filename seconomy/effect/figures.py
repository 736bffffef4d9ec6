"""The documented effect of a municipality's placements in a window, and the same for all municipalities.

Definitions (README "Documented effect"), for a window [from, to] (from may be open: all time):
- a placement *counts* when its period overlaps the window (start ≤ to, and no end or end ≥ from);
- *ended*: its end date falls in the window; *running*: no end date, or an end after ``to``;
  so placements = running + ended;
- *exits to work or education* = ended with outcome job, flexjob or education; *exit rate* = exits / ended
  (None without ended placements) with the Wilson 95 % interval (z = 1.959964);
- *dropped out*: ended with outcome dropped_out; *average weeks*: of the ended placements, (end − start + 1 day) / 7;
- *progression*: the average of score_end − score_start over the ended placements that have both;
- *income*: the municipality's income in the window (the ``income`` view, every stream);
- *price paid*: what the placements cost the municipality in the window by their own price, by the agreements'
  rules (seconomy.agreements.terms: a weekly price × days / 7, a monthly price × days / days in the month);
- *price per exit* = price paid / exits (None without exits); *municipal net* = business-case savings − price paid;
- *suppressed*: fewer than 5 ended placements — small numbers identify people, so anything meant for the
  municipality shows "under 5" and no rates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import duckdb

from seconomy.agreements.terms import monthly_incomes, months_from
from seconomy.effect.business import Assumptions, BusinessCase, business_case
from seconomy.effect.model import EXIT_OUTCOMES, OUTCOMES, SCHEMES
from seconomy.effect.queries import load_placements
from seconomy.municipalities import short_name
from seconomy.settings import get_settings

Z95 = 1.959964
SUPPRESS_BELOW = 5
_ZERO = Decimal("0.00")
_CENT = Decimal("0.01")
_EARLIEST = dt.date(1900, 1, 1)


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of ``successes`` out of ``n`` (None for n = 0); stays within [0, 1]."""
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At 0 of n and n of n the bound is exactly 0 or 1; floating point would miss it by an ulp.
    return (0.0 if successes == 0 else centre - half), (1.0 if successes == n else centre + half)


@dataclass(frozen=True)
class SchemeFigures:
    """What one scheme amounted to in the window: the 'what was bought' of the report."""

    scheme: str
    placements: int
    running: int
    ended: int
    exits: int
    price_paid: Decimal


@dataclass(frozen=True)
class Effect:
    """The effect figures of one municipality (``municipality_code`` None: all municipalities together)."""

    municipality_code: int | None
    municipality: str | None  # short name ('Gladsaxe'); None for all
    start: dt.date | None  # None: from the first placement
    end: dt.date
    placements: int
    running: int
    ended: int
    exits: int
    dropped_out: int
    outcomes: Mapping[str, int]  # outcome -> ended placements, every outcome present
    average_weeks: float | None
    progression: float | None
    progression_count: int
    income: Decimal
    price_paid: Decimal
    case: BusinessCase
    by_scheme: tuple[SchemeFigures, ...]
    first_start: dt.date | None  # the period of the placements counted
    last_day: dt.date | None

    @property
    def exit_rate(self) -> float | None:
        return self.exits / self.ended if self.ended else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.exits, self.ended)

    @property
    def suppressed(self) -> bool:
        return self.ended < SUPPRESS_BELOW

    @property
    def price_per_exit(self) -> Decimal | None:
        return (self.price_paid / self.exits).quantize(_CENT, rounding=ROUND_HALF_UP) if self.exits else None

    @property
    def municipal_net(self) -> Decimal:
        return self.case.net


def _overlaps(row: Mapping, start: dt.date | None, end: dt.date) -> bool:
    return row["start_date"] <= end and (row["end_date"] is None or start is None or row["end_date"] >= start)


def _ended(row: Mapping, start: dt.date | None, end: dt.date) -> bool:
    return row["end_date"] is not None and row["end_date"] <= end and (start is None or row["end_date"] >= start)


def price_paid(row: Mapping, start: dt.date | None, end: dt.date) -> Decimal:
    """What one placement cost in the window, month by month by the agreements' rules (rounded per month)."""
    first = max(row["start_date"], start or row["start_date"])
    last = min(row["end_date"] or end, end)
    if last < first:
        return _ZERO
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    terms = {"stream": "municipal_contract", "placements": 1, "price": row["price"], "price_unit": row["price_unit"],
             "start_date": first, "end_date": last, "status": "active"}
    return sum(monthly_incomes(terms, months_from(first, months)), _ZERO)


def _schemes(counted: list[Mapping], ended: list[Mapping], paid: list[Decimal]) -> tuple[SchemeFigures, ...]:
    rows = []
    for scheme in SCHEMES:
        mine = [i for i, r in enumerate(counted) if r["scheme"] == scheme]
        if not mine:
            continue
        done = [r for r in ended if r["scheme"] == scheme]
        rows.append(SchemeFigures(scheme, len(mine), len(mine) - len(done), len(done),
                                  sum(1 for r in done if r["outcome"] in EXIT_OUTCOMES),
                                  sum((paid[i] for i in mine), _ZERO)))
    return tuple(rows)


def compute(rows: Iterable[Mapping], start: dt.date | None, end: dt.date, income: Decimal, assumptions: Assumptions,
            code: int | None = None) -> Effect:
    """The effect figures of ``rows`` (placement records) in the window; see the module docstring."""
    counted = [r for r in rows if _overlaps(r, start, end)]
    ended = [r for r in counted if _ended(r, start, end)]
    outcomes = {o: sum(1 for r in ended if r["outcome"] == o) for o in OUTCOMES}
    scored = [r["score_end"] - r["score_start"] for r in ended if r["score_start"] is not None and r["score_end"] is not None]
    days = sum((r["end_date"] - r["start_date"]).days + 1 for r in ended)
    paid = [price_paid(r, start, end) for r in counted]
    exits = {s: (sum(1 for r in ended if r["scheme"] == s and r["outcome"] in ("job", "education")),
                 sum(1 for r in ended if r["scheme"] == s and r["outcome"] == "flexjob")) for s in SCHEMES}
    total_paid = sum(paid, _ZERO)
    lasts = [min(r["end_date"] or end, end) for r in counted]
    return Effect(
        code, short_name(code), start, end, len(counted), len(counted) - len(ended), len(ended),
        sum(outcomes[o] for o in EXIT_OUTCOMES), outcomes["dropped_out"], outcomes,
        days / len(ended) / 7 if ended else None, float(sum(scored) / len(scored)) if scored else None, len(scored),
        Decimal(income), total_paid, business_case(exits, total_paid, assumptions), _schemes(counted, ended, paid),
        min((r["start_date"] for r in counted), default=None), max(lasts, default=None))


def _income(con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date) -> dict[int, Decimal]:
    """Income per municipality in the window (every stream), from the ``income`` view."""
    rows = con.execute("""SELECT municipality_code, sum(amount) FROM income
        WHERE municipality_code IS NOT NULL AND entry_date BETWEEN ? AND ? GROUP BY municipality_code""",
                       [start or _EARLIEST, end]).fetchall()
    return {code: Decimal(amount) for code, amount in rows}


@dataclass(frozen=True)
class Overview:
    """The effect per municipality (most placements first) and for all of them together."""

    rows: tuple[Effect, ...]
    total: Effect


def _records(con: duckdb.DuckDBPyConnection, code: int | None = None) -> list[dict]:
    return load_placements(con, code).to_dict("records")


def effect_overview(con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date,
                    municipality_code: int | None = None) -> Overview:
    """Each municipality with placements in the window — or only ``municipality_code``, even without any."""
    assumptions = Assumptions.from_settings(get_settings(con))
    records = _records(con, municipality_code)
    income = _income(con, start, end)
    codes = {r["municipality_code"] for r in records if _overlaps(r, start, end)}
    if municipality_code is not None:
        codes = {municipality_code}
    rows = [compute([r for r in records if r["municipality_code"] == c], start, end, income.get(c, _ZERO), assumptions, c)
            for c in codes]
    rows.sort(key=lambda e: (-e.placements, e.municipality or ""))
    total = compute([r for r in records if r["municipality_code"] in codes], start, end,
                    sum((income.get(c, _ZERO) for c in codes), _ZERO), assumptions)
    return Overview(tuple(rows), total)


def municipality_effect(con: duckdb.DuckDBPyConnection, code: int, start: dt.date | None, end: dt.date) -> Effect:
    """The effect of one municipality's placements in the window."""
    return effect_overview(con, start, end, code).rows[0]


@dataclass(frozen=True)
class HalfYear:
    """One calendar half year of the trend (clipped to the window)."""

    label: str  # '2025 H1' (the JSON's period is '2025-H1'; people read "1. halvår 2025" / "H1 2025")
    start: dt.date
    end: dt.date
    effect: Effect

    @property
    def year(self) -> int:
        return int(self.label[:4])

    @property
    def half(self) -> int:
        return int(self.label[-1])


def half_years(con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date,
               municipality_code: int | None = None) -> tuple[HalfYear, ...]:
    """The trend: the effect per calendar half year (H1 January–June, H2 July–December) within the window."""
    assumptions = Assumptions.from_settings(get_settings(con))
    records = [r for r in _records(con, municipality_code) if _overlaps(r, start, end)]
    first = start or min((r["start_date"] for r in records), default=None)
    if first is None or first > end:
        return ()
    out = []
    year, half = first.year, 0 if first.month <= 6 else 1
    while dt.date(year, 1 + 6 * half, 1) <= end:
        lo = max(dt.date(year, 1 + 6 * half, 1), first)
        hi = min(dt.date(year, 6, 30) if half == 0 else dt.date(year, 12, 31), end)
        income = _income(con, lo, hi)
        amount = income.get(municipality_code, _ZERO) if municipality_code is not None else \
            sum((income.get(c, _ZERO) for c in {r["municipality_code"] for r in records}), _ZERO)
        out.append(HalfYear(f"{year} H{half + 1}", lo, hi, compute(records, lo, hi, amount, assumptions, municipality_code)))
        year, half = (year, 1) if half == 0 else (year + 1, 0)
    return tuple(out)


def _dkk(value: Decimal | None) -> float | None:
    """DKK with two decimals as a JSON number (exact from the Decimal)."""
    return None if value is None else float(Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP))


def as_json(effect: Effect, trend: Iterable[HalfYear] | None = None) -> dict[str, object]:
    """The CLI's object for one municipality: the issue's keys first (money in DKK, rates unrounded), then extras."""
    low, high = effect.interval or (None, None)
    out: dict[str, object] = {
        "municipality": effect.municipality, "municipality_code": effect.municipality_code,
        "placements": effect.placements, "running": effect.running, "ended": effect.ended,
        "exits_to_work_or_education": effect.exits, "exit_rate": effect.exit_rate, "exit_rate_low": low,
        "exit_rate_high": high, "dropped_out": effect.dropped_out, "average_weeks": effect.average_weeks,
        "income": _dkk(effect.income), "price_per_exit": _dkk(effect.price_per_exit),
        "municipal_net": _dkk(effect.municipal_net), "suppressed": effect.suppressed,
        # extras
        "from": effect.start.isoformat() if effect.start else None, "to": effect.end.isoformat(),
        "outcomes": dict(effect.outcomes), "progression": effect.progression,
        "progression_count": effect.progression_count, "price_paid": _dkk(effect.price_paid),
        "savings": _dkk(effect.case.savings), "saved_per_krone": effect.case.saved_per_krone,
    }
    if trend is not None:
        out["half_years"] = [{"period": h.label.replace(" ", "-"), "from": h.start.isoformat(), "to": h.end.isoformat(),
                              "placements": h.effect.placements, "ended": h.effect.ended,
                              "exits_to_work_or_education": h.effect.exits, "exit_rate": h.effect.exit_rate,
                              "suppressed": h.effect.suppressed} for h in trend]
    return out
