"""Validating one agreement or one cost line: loose values in, a clean row for the store out.

Both ``clean_agreement`` and ``clean_cost`` take a mapping of field names (the store's column
names; ``municipality`` may be a name, an official name, an alias or a code) to loose values —
widget values, Excel cells or CSV text — and return ``(row, problems)``. When ``problems`` is
empty, ``row`` holds every editable column of the table, typed and ready for
``store.add_agreement``/``store.update_agreement``; empty fields are None so an update clears
them. Every problem is reported, not just the first, so a manager fixes a form in one go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from seconomy import municipalities
from seconomy.agreements import values
from seconomy.agreements.model import (
    COST_KINDS,
    ENDED_STATUSES,
    GRANT_STREAMS,
    MUNICIPAL_STREAMS,
    PRICE_UNITS,
    SCHEDULES,
    STATUSES,
    Problem,
    choice,
)
from seconomy.ingest.cpr import has_cpr
from seconomy.store.plans import AGREEMENT_COLUMNS, COST_COLUMNS
from seconomy.streams import STREAMS, parse_stream

AGREEMENT_FIELDS: tuple[str, ...] = tuple(c for c in AGREEMENT_COLUMNS if c != "is_demo")
COST_FIELDS: tuple[str, ...] = tuple(c for c in COST_COLUMNS if c != "is_demo")

_CENT = Decimal("0.01")
_PLACEMENTS_LIMIT = Decimal("1e6")  # DECIMAL(8,2) holds values below this
# The ledger parser's reasons (seconomy.ingest.values.parse_amount) as problem codes.
_MONEY_CODES = {"more than two decimals": "decimals", "amount too large": "too_large"}


class _Fields:
    """Reads fields of one raw mapping, collecting a Problem for each bad one."""

    def __init__(self, raw: Mapping[str, object]):
        self.raw = raw
        self.problems: list[Problem] = []

    def has(self, name: str) -> bool:
        return not values.is_empty(self.raw.get(name))

    def problems_for(self, name: str) -> bool:
        return any(p.column == name for p in self.problems)

    def shown(self, name: str) -> str:
        return values.text(self.raw.get(name)) or ""

    def problem(self, name: str, code: str, **params: object) -> None:
        self.problems.append(Problem(name, code, self.shown(name), params))

    def _parse(self, name: str, parse: Callable[[object], object], code: str, required: bool) -> object:
        try:
            value = parse(self.raw.get(name))
        except (ValueError, ArithmeticError):
            self.problem(name, code)
            return None
        if value is None and required:
            self.problem(name, "required")
        return value

    def text(self, name: str, required: bool = False) -> str | None:
        """Free text (counterparty, department, category, note): a CPR number is refused, never stored."""
        value = self._parse(name, values.text, "required", required)
        if value is not None and has_cpr(value, "description"):
            self.problem(name, "cpr")
            return None
        return value

    def money(self, name: str, required: bool = False) -> Decimal | None:
        """A non-negative amount in kroner with at most two decimals (read as the ledger import reads amounts)."""
        try:
            number = values.money(self.raw.get(name))
        except ValueError as exc:
            self.problem(name, _MONEY_CODES.get(str(exc), "number"))
            return None
        if number is None:
            if required:
                self.problem(name, "required")
            return None
        if number < 0:
            self.problem(name, "negative")
            return None
        return number

    def placements(self, name: str) -> Decimal | None:
        """A non-negative number of placements, to two decimals (2.5 placements is a half-time place)."""
        number = self._parse(name, values.decimal, "number", False)
        if number is None:
            return None
        if number < 0:
            self.problem(name, "negative")
            return None
        if number >= _PLACEMENTS_LIMIT:  # before rounding: 1e308 has no two-decimal form
            self.problem(name, "too_large")
            return None
        rounded = number.quantize(_CENT, rounding=ROUND_HALF_UP)
        if rounded >= _PLACEMENTS_LIMIT:
            self.problem(name, "too_large")
            return None
        return rounded

    def count(self, name: str, limit: int = 1200) -> int | None:
        number = self._parse(name, values.integer, "integer", False)
        if number is not None and number < 0:
            self.problem(name, "negative")
            return None
        if number is not None and number > limit:
            self.problem(name, "too_large")
            return None
        return number

    def day(self, name: str, required: bool = False) -> dt.date | None:
        return self._parse(name, values.date, "date", required)

    def probability(self, name: str, places: int = 4) -> Decimal | None:
        number = self._parse(name, values.share, "probability", False)
        if number is not None and not (0 <= number <= 1):
            self.problem(name, "probability")
            return None
        return None if number is None else number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    def pick(self, name: str, options: tuple[str, ...], parse: Callable[[str], str | None], default: str | None = None,
             required: bool = True) -> str | None:
        if not self.has(name):
            if default is None and required:
                self.problem(name, "required")
            return default
        value = parse(str(self.raw[name]))
        if value not in options:
            self.problem(name, "choice", choices=", ".join(options))
            return None
        return value

    def period(self, end_required: str | None = None) -> tuple[dt.date | None, dt.date | None]:
        """start_date and end_date, with end on or after start."""
        start = self.day("start_date", required=True)
        end = self.day("end_date")
        if end is None and end_required and not self.has("end_date"):
            self.problem("end_date", end_required)
        if start and end and end < start:
            self.problem("end_date", "end_before_start", start=start.isoformat())
        return start, end

    def not_given(self, names: tuple[str, ...], code: str) -> None:
        for name in names:
            if self.has(name):
                self.problem(name, code)


def _municipality(fields: _Fields) -> int | None:
    """The municipality code from ``municipality`` (name, alias or code) or ``municipality_code``."""
    name = "municipality" if fields.has("municipality") else "municipality_code"
    raw = values.text(fields.raw.get(name))
    if raw is None:
        return None
    code = municipalities.resolve(raw.removesuffix(".0"))
    if code is None:
        fields.problem(name, "municipality")
    return code


def _default_counterparty(code: int | None, department: str | None) -> str | None:
    """'Gladsaxe Kommune, Jobcenter' when only the municipality (and department) was given."""
    if code is None:
        return None
    official = municipalities.by_code()[code].official_name
    return f"{official}, {department}" if department else official


def _contract_terms(fields: _Fields) -> dict[str, object]:
    """Placements × price per week or month, or a monthly amount — exactly one of the two."""
    fields.not_given(("total_amount", "schedule"), "contract_terms")
    placements = fields.placements("placements")
    price = fields.money("price")
    unit = fields.pick("price_unit", PRICE_UNITS, lambda s: choice("price_unit", s), required=False)
    monthly = fields.money("monthly_amount")
    per_unit = [fields.has(n) for n in ("placements", "price", "price_unit")]
    if any(per_unit) and fields.has("monthly_amount"):
        fields.problem("monthly_amount", "terms_both")
    elif any(per_unit) and not all(per_unit):
        for name, given in zip(("placements", "price", "price_unit"), per_unit, strict=True):
            if not given:
                fields.problem(name, "terms_partial")
    elif not any(per_unit) and not fields.has("monthly_amount"):
        fields.problem("price", "terms_missing")
    return {"placements": placements, "price": price, "price_unit": unit, "monthly_amount": monthly,
            "total_amount": None, "schedule": None}


def _grant_terms(fields: _Fields) -> dict[str, object]:
    """A total amount paid by a schedule over the period."""
    fields.not_given(("placements", "price", "price_unit", "monthly_amount"), "grant_terms")
    total = fields.money("total_amount", required=True)
    schedule = fields.pick("schedule", SCHEDULES, lambda s: choice("schedule", s))
    return {"placements": None, "price": None, "price_unit": None, "monthly_amount": None,
            "total_amount": total, "schedule": schedule}


def clean_agreement(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one agreement (municipal contract, wage subsidy, grant…); return (row, problems)."""
    fields = _Fields(raw)
    stream = fields.pick("stream", STREAMS, parse_stream)
    code = _municipality(fields)
    department = fields.text("department")
    if stream in MUNICIPAL_STREAMS and code is None and not fields.problems_for("municipality"):
        fields.problem("municipality", "municipality_required")
    counterparty = fields.text("counterparty") or _default_counterparty(code, department)
    if counterparty is None and not fields.problems_for("municipality"):  # one finding is enough: name a municipality
        fields.problem("counterparty", "required")
    grant = stream in GRANT_STREAMS
    terms = _grant_terms(fields) if grant else _contract_terms(fields)
    status = fields.pick("status", STATUSES, lambda s: choice("status", s), default="active")
    needs_end = "grant_end_required" if grant else ("end_required" if status in ENDED_STATUSES else None)
    start, end = fields.period(end_required=needs_end)
    probability = fields.probability("renewal_probability")
    row = {
        "stream": stream, "counterparty": counterparty, "municipality_code": code, "department": department,
        **terms, "start_date": start, "end_date": end, "notice_months": fields.count("notice_months"),
        "payment_days": fields.count("payment_days", limit=365),
        "renewal_probability": None if probability is None else float(probability), "status": status,
        "note": fields.text("note"),
    }
    return row, fields.problems


def clean_cost(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one cost line: fixed or wage costs per month, or variable costs as a share of a stream's income."""
    fields = _Fields(raw)
    category = fields.text("category", required=True)
    kind = fields.pick("kind", COST_KINDS, lambda s: choice("kind", s))
    if kind == "variable":
        fields.not_given(("monthly_amount",), "cost_amount")
        monthly, share_of_income = None, fields.probability("share_of_income")
        if share_of_income is None and not fields.problems_for("share_of_income"):
            fields.problem("share_of_income", "required")
        stream = fields.pick("stream", STREAMS, parse_stream)
    else:
        fields.not_given(("share_of_income",), "cost_share")
        monthly = fields.money("monthly_amount", required=kind is not None)
        share_of_income = None
        stream = fields.pick("stream", STREAMS, parse_stream, required=False)
    start = fields.day("start_date")
    end = fields.day("end_date")
    if start and end and end < start:
        fields.problem("end_date", "end_before_start", start=start.isoformat())
    row = {"category": category, "kind": kind, "monthly_amount": monthly, "share_of_income": share_of_income,
           "stream": stream, "start_date": start, "end_date": end, "note": fields.text("note")}
    return row, fields.problems
