"""What an agreement pays, month by month, by its own terms — the forecast's building block.

The rules (the forecast and the Monte Carlo rely on them; tests pin every one):

* **Contracts** (every stream except the grants): paid for the days the agreement is in force
  within the month, from ``start_date`` to ``end_date`` inclusive (open-ended without an end).
  - ``price_unit = 'week'``:  placements × price × days in force / 7
    (a whole 31-day month is 31/7 = 4.43 weeks, as municipalities invoice).
  - ``price_unit = 'month'``: placements × price × days in force / days in the month.
  - ``monthly_amount``:       monthly_amount × days in force / days in the month.
  A contract in force the whole month therefore pays placements × price × days/7, or the full
  monthly price or amount; a month it only partly covers pays pro rata.
* **Grants** (``foundation_grant``, ``public_grant``): the total is paid on the schedule in the
  first month of each paid period. The period runs from the start month to the end month
  inclusive (``span`` months); ``monthly``/``quarterly``/``half_yearly``/``yearly`` pay every
  1/3/6/12 months starting with the start month, ``upfront`` pays everything in the start month.
  The number of payments is ⌈span / step⌉ and each is total / payments rounded down to the øre;
  the last payment takes the remaining øre, so the payments always add up to the total exactly.
* **Status**: ``rejected`` pays nothing (the application was refused). Every other status pays
  by its terms within its dates — ``ended`` and ``cancelled`` agreements have an end date, so
  they stop by themselves; ``pending`` pays as if granted. Whether and how to weight pending
  agreements or renewals (``renewal_probability``) is the forecast's decision, not this module's.
* Every monthly amount is rounded to the øre (half up). Amounts are ``Decimal``; the frame
  versions also carry ``amount_ore`` (int64) for vectorised consumers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import duckdb
import pandas as pd

from seconomy.agreements import values
from seconomy.agreements.model import GRANT_STREAMS, SCHEDULE_MONTHS
from seconomy.agreements.queries import load_agreements
from seconomy.window import add_months, month_end

_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _get(row: Mapping[str, object], name: str) -> object:
    value = row.get(name) if hasattr(row, "get") else getattr(row, name, None)
    return None if values.is_empty(value) else value


def _dec(row: Mapping[str, object], name: str) -> Decimal | None:
    return values.decimal(_get(row, name))


def _days_in_force(start: dt.date, end: dt.date | None, month: dt.date) -> int:
    """Days of ``month`` on which an agreement running ``start``..``end`` (inclusive) is in force."""
    first, last = month.replace(day=1), month_end(month)
    lo, hi = max(first, start), min(last, end) if end else last
    return max(0, (hi - lo).days + 1)


def _contract_month(row: Mapping[str, object], start: dt.date, end: dt.date | None, month: dt.date) -> Decimal:
    days = _days_in_force(start, end, month)
    if not days:
        return _ZERO
    month_days = month_end(month).day
    monthly_amount = _dec(row, "monthly_amount")
    if monthly_amount is not None:
        amount = monthly_amount * days / month_days
    else:
        placements, price = _dec(row, "placements") or _ZERO, _dec(row, "price") or _ZERO
        per = Decimal(7) if _get(row, "price_unit") == "week" else Decimal(month_days)
        amount = placements * price * days / per
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def grant_payments(total: Decimal, schedule: str, start: dt.date, end: dt.date | None) -> list[tuple[dt.date, Decimal]]:
    """The disbursements of a grant: (first day of the paying month, amount), adding up to ``total`` exactly."""
    first = start.replace(day=1)
    span = _month_index(end) - _month_index(start) + 1 if end else 1
    step = span if schedule == "upfront" else SCHEDULE_MONTHS[schedule]
    count = max(1, -(-span // step))
    each = (total / count).quantize(_CENT, rounding=ROUND_DOWN)
    amounts = [each] * (count - 1) + [total - each * (count - 1)]
    return [(add_months(first, i * step), amounts[i]) for i in range(count)]


def monthly_income(agreement_row: Mapping[str, object], month: dt.date) -> Decimal:
    """The income ``agreement_row`` brings in the calendar month containing ``month``, by its terms.

    ``agreement_row`` is a row of the agreements table as a mapping, a pandas Series or a record
    (keys as the table's columns: stream, placements, price, price_unit, monthly_amount,
    total_amount, schedule, start_date, end_date, status); ``month`` is any day of the month.
    Returns a Decimal rounded to the øre (0.00 outside the agreement's months). See the module
    docstring for the rules.
    """
    return monthly_incomes(agreement_row, [month])[0]


def monthly_incomes(agreement_row: Mapping[str, object], months: Sequence[dt.date]) -> list[Decimal]:
    """``monthly_income`` for each of ``months`` (the grant's payments are worked out once, not per month)."""
    if _get(agreement_row, "status") == "rejected":
        return [_ZERO] * len(months)
    start, end = values.date(_get(agreement_row, "start_date")), values.date(_get(agreement_row, "end_date"))
    if start is None:
        raise ValueError("an agreement needs a start date")
    if _get(agreement_row, "stream") not in GRANT_STREAMS:
        return [_contract_month(agreement_row, start, end, month) for month in months]
    total, schedule = _dec(agreement_row, "total_amount"), _get(agreement_row, "schedule")
    if total is None or schedule is None:
        return [_ZERO] * len(months)
    paid: dict[dt.date, Decimal] = {}
    for day, amount in grant_payments(total, str(schedule), start, end):
        paid[day] = paid.get(day, _ZERO) + amount
    return [paid.get(month.replace(day=1), _ZERO) for month in months]


def monthly_income_ore(agreement_row: Mapping[str, object], months: Sequence[dt.date]) -> list[int]:
    """``monthly_income`` for each of ``months``, in whole øre (for vectorised callers such as the forecast)."""
    return [int(amount * 100) for amount in monthly_incomes(agreement_row, months)]


RATE_MONTHS = 12


def monthly_rate(agreement_row: Mapping[str, object]) -> Decimal:
    """What the agreement brings in a month, by these same rules: the income a board loses when it ends.

    Why one rule: the exposure table, the Agreements page and the forecast must agree on what an agreement
    is worth. A contract: its income by its terms over its last 12 months in force (fewer when it is
    shorter), divided by the months in force (a partly covered month counts by its days) — so a weekly price
    counts 365/12/7 weeks a month, as invoiced. A grant: its total over the months of its period.
    Rounded to the øre (half up); 0.00 for a rejected agreement or one without terms.
    """
    start, end = values.date(_get(agreement_row, "start_date")), values.date(_get(agreement_row, "end_date"))
    if start is None or _get(agreement_row, "status") == "rejected":
        return _ZERO
    last = (end or start).replace(day=1)
    if _get(agreement_row, "stream") in GRANT_STREAMS:
        total = _dec(agreement_row, "total_amount")
        span = _month_index(end) - _month_index(start) + 1 if end else 1
        return _ZERO if total is None else (total / span).quantize(_CENT, rounding=ROUND_HALF_UP)
    first = max(start.replace(day=1), add_months(last, 1 - RATE_MONTHS)) if end else start.replace(day=1)
    if end is None:
        last = add_months(first, RATE_MONTHS - 1)
    months = [add_months(first, i) for i in range(_month_index(last) - _month_index(first) + 1)]
    in_force = sum(Decimal(_days_in_force(start, end, m)) / month_end(m).day for m in months)
    if not in_force:
        return _ZERO
    return (sum(monthly_incomes(agreement_row, months), _ZERO) / in_force).quantize(_CENT, rounding=ROUND_HALF_UP)


def months_from(first_month: dt.date, months: int) -> list[dt.date]:
    """``months`` consecutive first-of-month dates starting with the month of ``first_month``."""
    return [add_months(first_month, i) for i in range(months)]


SCHEDULE_COLUMNS = ("agreement_id", "month", "amount", "amount_ore", "stream", "counterparty", "municipality_code",
                    "payer", "status", "renewal_probability", "end_date")


def income_schedule(agreements: pd.DataFrame, first_month: dt.date, months: int) -> pd.DataFrame:
    """Every agreement's income in each of ``months`` months from ``first_month``: one row per (agreement, month).

    ``agreements`` is a frame shaped like ``load_agreements(con)`` (an ``id`` column and the table's
    columns). The result is dense — every agreement × every month, zeros included — ordered by
    agreement then month, with columns SCHEDULE_COLUMNS: ``month`` is the first day of the month
    (datetime.date), ``amount`` a Decimal, ``amount_ore`` the same in whole øre (int64), and the
    agreement's stream, counterparty, municipality_code, payer (municipality short name, else the
    counterparty), status, renewal_probability and end_date repeated on each of its rows so a
    forecast line can be traced to its agreement. ``months`` = 0 or no agreements give an empty frame
    with these columns.
    """
    grid = months_from(first_month, months)
    rows = []
    for record in agreements.to_dict("records"):
        for month, amount in zip(grid, monthly_incomes(record, grid), strict=True):
            rows.append((record["id"], month, amount, int(amount * 100), record.get("stream"), record.get("counterparty"),
                         record.get("municipality_code"), record.get("payer"), record.get("status"),
                         record.get("renewal_probability"), record.get("end_date")))
    frame = pd.DataFrame(rows, columns=list(SCHEDULE_COLUMNS))
    frame["amount_ore"] = frame["amount_ore"].astype("int64")
    return frame


def agreement_income(con: duckdb.DuckDBPyConnection, first_month: dt.date, months: int,
                     statuses: tuple[str, ...] | None = None) -> pd.DataFrame:
    """``income_schedule`` over the agreements stored in the database (optionally only some statuses)."""
    agreements = load_agreements(con)
    if statuses is not None:
        agreements = agreements[agreements["status"].isin(statuses)]
    return income_schedule(agreements, first_month, months)
