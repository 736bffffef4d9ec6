"""Validating one application: loose values in (widgets, Excel cells, CSV text), a clean row for the store out.

``clean_application(raw)`` takes a mapping of field names (the store's column names) to loose values and
returns ``(row, problems)``; when ``problems`` is empty, ``row`` holds every editable column, typed and
ready for seconomy.store.pipeline, with None for empty fields. Money, dates and shares are read by the
project's one parser (seconomy.agreements.values), so "250.000", "250,000.00" and "250 000 kr." are the
same amount, and a probability may be written 0.25 or 25 %. Every problem is reported, not just the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from seconomy.agreements import values
from seconomy.agreements.validate import _Fields
from seconomy.grants.model import FUNDER_KINDS, SCHEDULES, STAGES, Problem, choice
from seconomy.ingest.cpr import has_cpr, mask
from seconomy.store.pipeline import EDITABLE_COLUMNS

FIELDS: tuple[str, ...] = EDITABLE_COLUMNS
FREE_TEXT = ("funder", "project", "restrictions")  # where a person's name and CPR number could be typed
_HOURS_LIMIT = Decimal("1e6")  # DECIMAL(8,2) holds values below this
_CENT = Decimal("0.01")


class _ApplicationFields(_Fields):
    """The agreements' field reader, reporting the pipeline's Problem (with its own reasons)."""

    def problem(self, name: str, code: str, **params: object) -> None:
        self.problems.append(Problem(name, code, self.shown(name), params))

    def free_text(self, name: str, required: bool = False) -> str | None:
        """Text that must not hold a CPR number (refused, and shown masked: it is never stored nor echoed)."""
        value = self.text(name, required=required)
        if value is not None and has_cpr(value):
            self.problems.append(Problem(name, "cpr", mask(value)))
            return None
        return value

    def shown(self, name: str) -> str:
        value = self.raw.get(name)
        if isinstance(value, (list, tuple)):  # several report dates from the page
            return "; ".join(str(v) for v in value)
        return super().shown(name)

    def hours(self, name: str) -> Decimal | None:
        number = self._parse(name, values.decimal, "number", False)
        if number is None:
            return None
        if number < 0:
            self.problem(name, "negative")
            return None
        rounded = number.quantize(_CENT, rounding=ROUND_HALF_UP)
        if rounded >= _HOURS_LIMIT:
            self.problem(name, "too_large")
            return None
        return rounded

    def days(self, name: str) -> list[dt.date] | None:
        """Several dates: a list (the page), one date cell (Excel), or text separated by ';' (or new lines)."""
        raw = self.raw.get(name)
        if values.is_empty(raw):
            return None
        items = list(raw) if isinstance(raw, (list, tuple)) else str(raw).replace("\n", ";").split(";") \
            if isinstance(raw, str) else [raw]
        try:
            found = [values.date(item) for item in items if not values.is_empty(item)]
        except ValueError:
            self.problem(name, "report_due")
            return None
        return sorted(set(found)) or None


def clean_application(raw: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Validate one application; return (row, problems)."""
    fields = _ApplicationFields(raw)
    funder = fields.free_text("funder", required=True)
    kind = fields.pick("funder_kind", FUNDER_KINDS, lambda s: choice("funder_kind", s), default="foundation")
    amount = fields.money("amount")
    if amount is None and not fields.problems_for("amount"):
        fields.problem("amount", "amount_required")
    schedule = fields.pick("schedule", SCHEDULES, lambda s: choice("schedule", s))
    start, end = fields.period(end_required="end_required")
    stage = fields.pick("stage", STAGES, lambda s: choice("stage", s))
    probability = fields.probability("probability")
    row = {
        "funder": funder, "funder_kind": kind, "project": fields.free_text("project"), "amount": amount,
        "start_date": start, "end_date": end, "schedule": schedule, "stage": stage,
        "probability": None if probability is None else float(probability),
        "deadline": fields.day("deadline"), "decision_date": fields.day("decision_date"),
        "report_due": fields.days("report_due"), "effort_hours": fields.hours("effort_hours"),
        "restrictions": fields.free_text("restrictions"),
    }
    return row, fields.problems
