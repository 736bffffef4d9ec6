"""The vocabulary of the grant pipeline: stages, funder kinds, their Danish words, probabilities, and a Problem.

An application moves through the open stages idea → drafting → submitted → shortlisted and is decided
granted or rejected. Each open stage has a default probability of ending granted (settings
``stage_probability_<stage>``) that an application may override; granted counts as 1 and rejected as
0, fixed. A granted application becomes a grant agreement (``agreement_row``): a foundation's grant is
the stream ``foundation_grant``, a public pool's ``public_grant``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from seconomy import municipalities
from seconomy.agreements.model import REASONS as AGREEMENT_REASONS
from seconomy.agreements.model import SCHEDULES
from seconomy.agreements.model import Problem as _AgreementProblem
from seconomy.agreements.model import choice as schedule_choice
from seconomy.store.pipeline import GRANTED, OPEN_STAGES, REJECTED
from seconomy.text import fold

STAGES: tuple[str, ...] = (*OPEN_STAGES, GRANTED, REJECTED)
DECIDED_STAGES: tuple[str, ...] = (GRANTED, REJECTED)
FUNDER_KINDS: tuple[str, ...] = ("foundation", "public_pool")
KIND_STREAM: dict[str, str] = {"foundation": "foundation_grant", "public_pool": "public_grant"}
STAGE_SETTINGS: dict[str, str] = {s: f"stage_probability_{s}" for s in OPEN_STAGES}
FIXED_PROBABILITY: dict[str, float] = {GRANTED: 1.0, REJECTED: 0.0}
UNGRANT_FALLBACK = "submitted"  # the stage an application entered as granted returns to on undo
__all__ = ["DECIDED_STAGES", "FUNDER_KINDS", "KIND_STREAM", "OPEN_STAGES", "SCHEDULES", "STAGES", "Problem",
           "agreement_row", "choice", "payer_key", "probability_of", "stage_defaults"]

_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "stage": {
        "idea": ("ide", "idee", "ideen", "ideer"),
        "drafting": ("under udarbejdelse", "udarbejdelse", "udkast", "skrives", "i gang", "draft", "in progress",
                     "writing"),
        "submitted": ("indsendt", "sendt", "ansoegt", "afsendt", "sent", "applied"),
        "shortlisted": ("shortlistet", "short listed", "short list", "shortlist", "paa shortlist", "videre",
                        "anden runde", "second round"),
        "granted": ("bevilget", "bevilling", "tilsagn", "vundet", "won", "awarded", "approved"),
        "rejected": ("afslaaet", "afslag", "afvist", "declined", "lost", "refused"),
    },
    "funder_kind": {
        "foundation": ("fond", "fonde", "legat", "fondsbevilling", "privat fond", "foundation grant"),
        "public_pool": ("pulje", "offentlig pulje", "puljer", "public pool", "pool", "public", "public grant",
                        "offentlig"),
    },
}


def choice(column: str, text: object) -> str | None:
    """The canonical value of a stage, funder kind or schedule written as an id or a (Danish) word; None if unknown."""
    if column == "schedule":
        return schedule_choice("schedule", text)
    folded = fold(str(text)).replace(".", "").replace("_", " ").replace("-", " ").strip()
    for value, words in _ALIASES[column].items():
        if folded in (fold(value), fold(value.replace("_", " "))) or folded in words:
            return value
    return None


REASONS: dict[str, str] = {
    **AGREEMENT_REASONS,
    "report_due": "is not a list of dates (write them as YYYY-MM-DD or DD-MM-YYYY, separated by ;)",
    "amount_required": "a grant application needs the amount applied for",
    "unknown_column": "unknown column (known: {known}; or the Danish headers)",
    "no_rows": "the file has a header but no applications",
    "not_granted": "is not granted, so there is no grant to undo",
    "cpr": "holds a CPR number; CPR numbers are never stored (write the text without it)",
}


@dataclass(frozen=True)
class Problem(_AgreementProblem):
    """A finding about one field of an application (same shape as the agreements' Problem, with the pipeline's reasons)."""

    catalog: ClassVar[str] = "grants.err."

    @property
    def reason(self) -> str:
        return REASONS[self.code].format(value=self.value, **self.params)


def stage_defaults(settings: Mapping[str, object]) -> dict[str, float]:
    """The probability each stage stands for: the open stages' settings, 1 for granted, 0 for rejected."""
    return {**{s: float(settings[name]) for s, name in STAGE_SETTINGS.items()}, **FIXED_PROBABILITY}


def probability_of(stage: str, override: object, defaults: Mapping[str, float]) -> float:
    """The probability an application is granted: its own estimate if it has one (open stages), else its stage's."""
    if stage in FIXED_PROBABILITY:
        return FIXED_PROBABILITY[stage]
    if override is None or override != override:  # None or NaN: no estimate of its own
        return defaults[stage]
    return float(override)


def payer_key(funder: str) -> str:
    """The payer key of a funder, as the risk page keys payers: a municipality (a municipal pool) is its short name."""
    code = municipalities.resolve(funder)
    return municipalities.short_name(code) if code is not None else funder


def agreement_row(application: Mapping[str, object]) -> dict[str, object]:
    """The grant agreement a granted application becomes: the funder pays the amount by the schedule over the period.

    A funder that is a municipality (a municipal pool) is stored with its municipality code, so the payer rule
    counts the grant with that municipality's other income.
    """
    code = municipalities.resolve(application["funder"])
    return {
        "stream": KIND_STREAM[str(application["funder_kind"])], "counterparty": application["funder"],
        "municipality_code": code, "total_amount": application["amount"], "schedule": application["schedule"],
        "start_date": application["start_date"], "end_date": application["end_date"], "status": "active",
        "note": application.get("project"),
    }
