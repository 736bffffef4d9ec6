"""The vocabulary of agreements and cost lines: the allowed values, their aliases, and a Problem.

Why a Problem and not just a message: the same finding ("price must not be negative") is shown
in Danish or English beside a form field in the app and printed as ``line N: column: reason`` by
the CLI. A Problem carries a stable ``code`` plus the values the message needs; the CLI uses the
English text here, the UI looks the code up in its catalog (``agreements.err.<code>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from seconomy.errors import LineError
from seconomy.ingest.cpr import mask
from seconomy.streams import STREAMS
from seconomy.text import fold

STATUSES: tuple[str, ...] = ("active", "pending", "ended", "cancelled", "rejected")
SCHEDULES: tuple[str, ...] = ("monthly", "quarterly", "half_yearly", "yearly", "upfront")
PRICE_UNITS: tuple[str, ...] = ("week", "month")
COST_KINDS: tuple[str, ...] = ("fixed", "variable", "wage")

# Grants are paid as a total over a period by a schedule; every other stream is a contract paid by its terms.
GRANT_STREAMS: tuple[str, ...] = ("foundation_grant", "public_grant")
CONTRACT_STREAMS: tuple[str, ...] = tuple(s for s in STREAMS if s not in GRANT_STREAMS)
# Streams whose payer is always a municipality (a jobcentre is part of its municipality).
MUNICIPAL_STREAMS: tuple[str, ...] = ("municipal_contract", "wage_subsidy")
# Statuses that need an end date: an agreement cannot have ended without a last day.
ENDED_STATUSES: tuple[str, ...] = ("ended", "cancelled")

# Months between two disbursements; "upfront" pays the whole total in the first month.
SCHEDULE_MONTHS: dict[str, int] = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}

# Danish (and a few English) words for the allowed values, folded when looked up.
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "status": {
        "active": ("aktiv", "igangvaerende", "loebende", "i gang"),
        "pending": ("afventer", "ansoegt", "ansoegning", "afventende", "tilbud"),
        "ended": ("udloebet", "afsluttet", "ophoert", "slut"),
        "cancelled": ("opsagt", "annulleret", "canceled"),
        "rejected": ("afslaaet", "afvist", "declined"),
    },
    "schedule": {
        "monthly": ("maanedlig", "maanedligt", "hver maaned", "month"),
        "quarterly": ("kvartalsvis", "kvartal", "quarter"),
        "half_yearly": ("halvaarlig", "halvaarligt", "half yearly", "half year", "semiannual", "semi annual"),
        "yearly": ("aarlig", "aarligt", "annual", "annually", "year"),
        "upfront": ("forud", "engangsbeloeb", "engang", "one off", "once", "up front"),
    },
    "price_unit": {
        "week": ("uge", "ugentlig", "pr uge", "per week", "weekly", "kr uge"),
        "month": ("maaned", "md", "mdr", "maanedlig", "pr maaned", "pr md", "per month", "monthly", "kr md"),
    },
    "kind": {
        "fixed": ("fast", "faste", "fast omkostning", "faste omkostninger", "fixed cost"),
        "variable": ("variabel", "variable", "variabel omkostning", "variable cost"),
        "wage": ("loen", "loenomkostning", "loenudgift", "loen i loentilskud", "wage cost", "wages"),
    },
}


def choice(column: str, text: object) -> str | None:
    """The canonical value ('active', 'quarterly', 'week', 'fixed') for a value or Danish alias; None if unknown."""
    folded = fold(str(text)).replace(".", "").strip()
    for value, words in _ALIASES[column].items():
        if folded in (fold(value), fold(value.replace("_", " "))) or folded in words:
            return value
    return None


# English reasons for the CLI; the UI has the same codes in Danish and English in its catalog.
REASONS: dict[str, str] = {
    "required": "is required",
    "number": "is not a number",
    "integer": "is not a whole number",
    "date": "is not a date (use YYYY-MM-DD or DD-MM-YYYY)",
    "negative": "must not be negative",
    "too_large": "is too large",
    "decimals": "has more than two decimals",
    "end_before_start": "ends before it starts ({start})",
    "municipality": "is not a Danish municipality",
    "municipality_required": "a municipal contract or wage subsidy needs a municipality",
    "choice": "must be one of: {choices}",
    "probability": "must be between 0 and 1 (or 0 % to 100 %)",
    "terms_missing": "give placements × price (per week or month) or a monthly amount",
    "terms_both": "give either placements × price or a monthly amount, not both",
    "terms_partial": "placements, price and price unit go together: all three are needed",
    "grant_terms": "is not used for grants (a grant has a total amount, a period and a schedule)",
    "contract_terms": "is only used for grants",
    "end_required": "needs an end date",
    "grant_end_required": "a grant needs an end date (the end of its period)",
    "cost_amount": "is not used for variable costs (they are a share of income)",
    "cost_share": "is only used for variable costs",
    "duplicate_id": "id {value} appears more than once (first on line {first})",
    "id": "is not an id (a whole number from an export, or empty for a new line)",
    "type": "must be agreement/aftale or cost/omkostning",
    "unknown_column": "unknown column (known: {known}; or the Danish headers)",
    "repeated_column": "names the same column as {other!r}",
    "no_header": "has values but no header",
    "file": "{reason}",
    "no_rows": "the file has a header but no agreement or cost lines",
    "agreement_only": "is only used for agreements, not for cost lines",
    "rule_cpr": "contains a CPR number (never stored)",
    "cpr": "contains a CPR number: CPR numbers are never stored (write the text without it)",
    "rule_regex": "is not a valid regular expression",
    "rule_flag": "must be yes or no",
    "rule_empty": "a rule must set a stream, a payer or a municipality, or exclude",
    "cost_only": "is only used for cost lines, not for agreements",
}


@dataclass(frozen=True)
class Problem:
    """One finding about one field: which column, a stable code, the offending value, message values."""

    column: str
    code: str
    value: str = ""
    params: dict[str, object] = field(default_factory=dict)
    catalog: ClassVar[str] = "agreements.err."  # the UI's texts of the codes: <catalog><code>

    def __post_init__(self) -> None:
        """Never a CPR number in a message: the value and the texts a reason quotes are masked."""
        object.__setattr__(self, "value", mask(self.value) if self.value else self.value)
        if any(isinstance(v, str) for v in self.params.values()):
            object.__setattr__(self, "params", {k: mask(v) if isinstance(v, str) else v for k, v in self.params.items()})

    @property
    def reason(self) -> str:
        """The English reason, as the CLI prints it."""
        return REASONS[self.code].format(value=self.value, **self.params)

    def line_error(self, line: int, column: str | None = None) -> LineError:
        """As a LineError for a file line (``column`` is the header as the file spells it)."""
        return LineError(line, column or self.column, self.value, self.reason, f"{self.catalog}{self.code}",
                         tuple(self.params.items()))

    def __str__(self) -> str:
        return f"{self.column}: {self.reason}"
