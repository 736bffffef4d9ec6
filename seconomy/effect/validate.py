"""Validating one placement, contact or log entry: loose values in, a clean row for the store out.

``clean_placement`` takes the fields of a form or of one file line (``participant_code``, ``municipality``,
``scheme``, ``start_date``, ``end_date``, either ``price`` + ``price_unit`` or ``weekly_price`` /
``monthly_price``, ``agreement_id``, ``outcome``, ``score_start``, ``score_end``) and returns ``(row, problems)``.
Every problem is reported, not only the first. Checks that need the database (does agreement 7 exist? is this
participant's start already taken?) are made by ``edit`` and ``files``, which have a connection.

Privacy: a participant code that looks like a CPR number is refused with the number masked, and a code that is
not a pseudonym (a space: 'Anna Jensen') is refused without repeating it. Contact and log texts are refused when
they hold a CPR number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from seconomy import municipalities
from seconomy.agreements import values
from seconomy.effect.model import (
    LOG_KINDS,
    OUTCOMES,
    PRICE_UNITS,
    ROLES,
    SCHEMES,
    TEXT_MAX,
    Problem,
    choice,
    looks_like_cpr,
    valid_participant,
)
from seconomy.ingest import cpr

_SCORE_LIMIT = Decimal("999.99")
_MONEY_CODES = {"more than two decimals": "decimals", "amount too large": "too_large"}


class _Reader:
    """Reads the fields of one raw mapping, collecting a Problem for each bad one."""

    def __init__(self, raw: Mapping[str, object]):
        self.raw = raw
        self.problems: list[Problem] = []

    def has(self, name: str) -> bool:
        return not values.is_empty(self.raw.get(name))

    def shown(self, name: str) -> str:
        return values.text(self.raw.get(name)) or ""

    def problem(self, name: str, code: str, value: str | None = None, **params: object) -> None:
        self.problems.append(Problem(name, code, self.shown(name) if value is None else value, params))

    def day(self, name: str, required: bool = False) -> dt.date | None:
        try:
            day = values.date(self.raw.get(name))
        except ValueError:
            self.problem(name, "date")
            return None
        if day is None and required:
            self.problem(name, "required")
        return day

    def money(self, name: str) -> Decimal | None:
        try:
            amount = values.money(self.raw.get(name))
        except ValueError as exc:
            self.problem(name, _MONEY_CODES.get(str(exc), "number"))
            return None
        if amount is not None and amount < 0:
            self.problem(name, "negative")
            return None
        return amount

    def score(self, name: str) -> Decimal | None:
        try:
            number = values.decimal(self.raw.get(name))
        except ValueError:
            self.problem(name, "score")
            return None
        if number is not None and (abs(number) > _SCORE_LIMIT or number != number.quantize(Decimal("0.01"))):
            self.problem(name, "score")
            return None
        return None if number is None else number.quantize(Decimal("0.01"))

    def pick(self, name: str, options: tuple[str, ...], column: str, required: bool = True) -> str | None:
        if not self.has(name):
            if required:
                self.problem(name, "required")
            return None
        value = choice(column, values.text(self.raw[name]))
        if value is None:
            self.problem(name, "choice", choices=", ".join(options))
        return value

    def text(self, name: str, required: bool = False) -> str | None:
        text = values.text(self.raw.get(name))
        if text is None:
            if required:
                self.problem(name, "required")
            return None
        if looks_like_cpr(text):
            self.problem(name, "cpr_text", cpr.mask(text))
            return None
        if len(text) > TEXT_MAX:
            self.problem(name, "text_too_long", "", max=TEXT_MAX)
            return None
        return text

    def number(self, name: str, parse: Callable[[object], int | None], code: str) -> int | None:
        try:
            number = parse(self.raw.get(name))
        except ValueError:
            self.problem(name, code)
            return None
        if number is not None and number <= 0:
            self.problem(name, code)
            return None
        return number

    def municipality(self, name: str = "municipality") -> int | None:
        raw = values.text(self.raw.get(name))
        if raw is None:
            self.problem(name, "required")
            return None
        code = municipalities.resolve(raw.removesuffix(".0"))
        if code is None:
            self.problem(name, "municipality")
        return code


def participant_problem(raw: object) -> Problem | None:
    """Why ``raw`` cannot be a participant code (CPR-like, not a pseudonym, empty), or None when it can."""
    text = values.text(raw)
    if text is None:
        return Problem("participant_code", "required")
    if looks_like_cpr(text):
        return Problem("participant_code", "participant_cpr", cpr.MASK)
    if not valid_participant(text):
        return Problem("participant_code", "participant_format")  # not echoed: it may be a person's name
    return None


def _price(fields: _Reader) -> tuple[Decimal | None, str | None]:
    """The price and its unit, from ``price`` + ``price_unit`` (form) or ``weekly_price`` / ``monthly_price`` (file)."""
    if fields.has("weekly_price") or fields.has("monthly_price"):
        if fields.has("weekly_price") and fields.has("monthly_price"):
            fields.problem("monthly_price", "price_both")
            return None, None
        name = "weekly_price" if fields.has("weekly_price") else "monthly_price"
        return fields.money(name), "week" if name == "weekly_price" else "month"
    if not fields.has("price"):
        fields.problem("price", "price_missing", "")
        return None, None
    price = fields.money("price")
    unit = fields.pick("price_unit", PRICE_UNITS, "price_unit")
    return price, unit


def _ending(fields: _Reader, start: dt.date | None) -> tuple[dt.date | None, str | None]:
    """End date and outcome go together: a running placement has neither, an ended one both."""
    end = fields.day("end_date")
    outcome = fields.pick("outcome", OUTCOMES, "outcome", required=False)
    if start and end and end < start:
        fields.problem("end_date", "end_before_start", start=start.isoformat())
    if fields.has("end_date") and not fields.has("outcome"):
        fields.problem("outcome", "outcome_required", "")
    if fields.has("outcome") and not fields.has("end_date"):
        fields.problem("end_date", "end_required", "")
    return end, outcome


def clean_placement(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one placement; return (row with the store's columns, problems)."""
    fields = _Reader(raw)
    problem = participant_problem(raw.get("participant_code"))
    if problem is not None:
        fields.problems.append(problem)
    code = fields.municipality()
    scheme = fields.pick("scheme", SCHEMES, "scheme")
    start = fields.day("start_date", required=True)
    end, outcome = _ending(fields, start)
    price, unit = _price(fields)
    row = {
        "participant_code": None if problem else values.text(raw.get("participant_code")),
        "municipality_code": code, "scheme": scheme, "start_date": start, "end_date": end, "price": price,
        "price_unit": unit, "agreement_id": fields.number("agreement_id", values.integer, "agreement"),
        "outcome": outcome, "score_start": fields.score("score_start"), "score_end": fields.score("score_end"),
    }
    return row, fields.problems


def clean_contact(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one contact: municipality, name, role, title, last and next meeting."""
    fields = _Reader(raw)
    row = {"municipality_code": fields.municipality(), "name": fields.text("name", required=True),
           "role": fields.pick("role", ROLES, "role"), "title": fields.text("title"),
           "last_meeting": fields.day("last_meeting"), "next_meeting": fields.day("next_meeting")}
    return row, fields.problems


def clean_log(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one log entry: municipality, contact (optional), date, kind, summary."""
    fields = _Reader(raw)
    row = {"municipality_code": fields.municipality(),
           "contact_id": fields.number("contact_id", values.integer, "contact_unknown"),
           "log_date": fields.day("log_date", required=True), "kind": fields.pick("kind", LOG_KINDS, "kind"),
           "summary": fields.text("summary")}
    return row, fields.problems
