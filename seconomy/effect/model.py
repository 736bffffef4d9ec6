"""The vocabulary of placements and relations: schemes, outcomes, roles, log kinds, their words, and a Problem.

Why here: the same values are checked by the form, the file import and the database (CHECK constraints in
seconomy/store/schema.py are built from these tuples), and are shown in Danish or English. Files may use the
ids or the Danish words; ``choice`` folds both (case, æ/ø/å, '§', dots and spaces do not matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from seconomy.agreements.model import Problem as _AgreementProblem
from seconomy.ingest import cpr
from seconomy.text import fold

SCHEMES: tuple[str, ...] = (
    "virksomhedspraktik", "loentilskud", "ressourceforloeb", "jobafklaringsforloeb", "stu",
    "beskyttet_beskaeftigelse_103", "aktivitet_samvaer_104", "mentor", "andet",
)
OUTCOMES: tuple[str, ...] = ("job", "flexjob", "education", "other_programme", "clarified", "dropped_out")
# The exits the issue counts as "to work or education"; a flexjob counts, but saves only a share (business case).
EXIT_OUTCOMES: tuple[str, ...] = ("job", "flexjob", "education")
ROLES: tuple[str, ...] = ("caseworker", "middle_manager", "politician", "other")
LOG_KINDS: tuple[str, ...] = ("meeting", "workshop", "call", "other")
# Log kinds that count as having *seen* someone before the budget (a call does not).
MEETING_KINDS: tuple[str, ...] = ("meeting", "workshop")
PRICE_UNITS: tuple[str, ...] = ("week", "month")

# Which public benefit a citizen in each scheme would otherwise receive (the business case's monthly cost).
# § 103 and § 104 have none: their citizens usually keep their pension, so an exit saves the municipality no benefit.
BENEFIT_OF_SCHEME: dict[str, str | None] = {
    "virksomhedspraktik": "cash", "loentilskud": "cash", "ressourceforloeb": "resource",
    "jobafklaringsforloeb": "resource", "stu": "youth", "beskyttet_beskaeftigelse_103": None,
    "aktivitet_samvaer_104": None, "mentor": "cash", "andet": "cash",
}
BENEFIT_KINDS: tuple[str, ...] = ("cash", "resource", "youth")

PARTICIPANT_MAX = 20
_PARTICIPANT = re.compile(rf"[A-Za-z0-9._-]{{1,{PARTICIPANT_MAX}}}")
TEXT_MAX = 500  # contact names, titles and log summaries: short notes, not case files

_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "scheme": {
        "virksomhedspraktik": ("praktik", "virksomheds praktik", "work placement", "company internship"),
        "loentilskud": ("loentilskud", "lontilskud", "loentilskudsjob", "wage subsidy", "wage subsidised job"),
        "ressourceforloeb": ("ressourceforloeb", "ressourceforlob", "ressource forloeb", "resource programme"),
        "jobafklaringsforloeb": ("jobafklaringsforloeb", "jobafklaring", "jobafklaringsforlob", "job clarification"),
        "stu": ("saerligt tilrettelagt ungdomsuddannelse", "saerligt tilrettelagt uddannelse"),
        "beskyttet_beskaeftigelse_103": ("103", "sel 103", "beskyttet beskaeftigelse", "103 beskyttet beskaeftigelse",
                                         "protected employment", "sheltered employment"),
        "aktivitet_samvaer_104": ("104", "sel 104", "aktivitets og samvaerstilbud", "104 aktivitets og samvaerstilbud",
                                  "aktivitets og samvaerstilbud 104", "samvaerstilbud", "activity and social centre"),
        "mentor": ("mentorstoette", "mentorforloeb", "mentoring"),
        "andet": ("other", "andre", "anden ordning"),
    },
    "outcome": {
        "job": ("ordinaert job", "arbejde", "beskaeftigelse", "employment", "work"),
        "flexjob": ("fleksjob", "flex job"),
        "education": ("uddannelse", "i uddannelse", "studie"),
        "other_programme": ("anden indsats", "andet tilbud", "anden foranstaltning", "other programme", "other program"),
        "clarified": ("afklaret", "afklaring", "pension", "afklaret til pension", "foertidspension"),
        "dropped_out": ("afbrudt", "frafald", "frafaldet", "ophoert", "dropped out", "drop out", "dropout"),
    },
    "price_unit": {"week": ("uge", "pr uge", "weekly"), "month": ("maaned", "md", "pr maaned", "monthly")},
    "role": {
        "caseworker": ("sagsbehandler", "frontmedarbejder", "jobkonsulent", "raadgiver", "case worker"),
        "middle_manager": ("mellemleder", "afdelingsleder", "leder", "chef", "centerchef", "middle manager", "manager"),
        "politician": ("politiker", "borgmester", "udvalgsformand", "raadmand", "mayor"),
        "other": ("andet", "anden"),
    },
    "kind": {
        "meeting": ("moede", "mode"),
        "workshop": ("workshop", "samskabelse", "udviklingsmoede"),
        "call": ("opkald", "telefon", "telefonmoede", "phone call", "phone"),
        "other": ("andet",),
    },
}
_OPTIONS = {"scheme": SCHEMES, "outcome": OUTCOMES, "price_unit": PRICE_UNITS, "role": ROLES, "kind": LOG_KINDS}


def _key(text: object) -> str:
    """Folded and stripped of '§', dots, hyphens, brackets and spaces: '§ 103 Beskyttet beskæftigelse' → '103beskyttetbeskaeftigelse'."""
    return re.sub(r"[\s§.()\-_/,]+", "", fold(str(text)))


def choice(column: str, text: object) -> str | None:
    """The id ('loentilskud', 'flexjob', 'middle_manager' …) for an id or one of its words; None if unknown."""
    key = _key(text)
    for value in _OPTIONS[column]:
        if key == _key(value) or key in {_key(w) for w in _ALIASES[column][value]}:
            return value
    return None


def valid_participant(code: str) -> bool:
    """1–20 letters, digits, '-', '_' or '.'; no spaces (so a name such as 'Anna Jensen' is refused)."""
    return bool(_PARTICIPANT.fullmatch(code))


def looks_like_cpr(text: object) -> bool:
    """A CPR number in any form (ddmmyy-xxxx, ddmmyyxxxx, ddmmyy xxxx) anywhere in the text."""
    return cpr.has_cpr(text, "description")


# English reasons for the CLI; the UI shows the same codes from its catalog (``effect.err.<code>``).
REASONS: dict[str, str] = {
    "required": "is required",
    "number": "is not a number",
    "date": "is not a date (use YYYY-MM-DD or DD-MM-YYYY)",
    "negative": "must not be negative",
    "too_large": "is too large",
    "decimals": "has more than two decimals",
    "end_before_start": "ends before it starts ({start})",
    "municipality": "is not a Danish municipality",
    "choice": "must be one of: {choices}",
    "participant_cpr": "looks like a CPR number: CPR numbers are never stored; use a pseudonym chosen by you",
    "participant_format": "must be a pseudonym of 1-20 letters, digits, '-', '_' or '.' without spaces (never a name)",
    "outcome_required": "an ended placement needs an outcome",
    "end_required": "an outcome needs an end date (a running placement has neither)",
    "price_missing": "give a weekly or a monthly price",
    "price_both": "give a weekly or a monthly price, not both",
    "score": "must be a number from -999.99 to 999.99",
    "agreement": "is not an agreement number (a whole number)",
    "agreement_unknown": "there is no agreement {value}",
    "agreement_municipality": "agreement {value} is with another municipality ({other})",
    "duplicate_key": "participant and start appear more than once (first on line {first})",
    "key_taken": "another placement of this participant starts on {start}",
    "notes_refused": "placements take no free-text notes (personal data about vulnerable citizens): remove this column",
    "identifying_column": "placements take no names, CPR numbers or addresses: remove this column (the participant "
                          "code is the only identifier)",
    "missing_column": "the file needs this column",
    "unknown_column": "unknown column (known: {known}; or the Danish headers)",
    "repeated_column": "names the same column as {other!r}",
    "no_header": "has values but no header",
    "file": "{reason}",
    "no_rows": "the file has a header but no placements",
    "cpr_text": "contains a CPR number: CPR numbers are never stored",
    "text_too_long": "is too long (at most {max} characters)",
    "contact_unknown": "there is no contact {value}",
    "contact_municipality": "the contact works for another municipality",
}


@dataclass(frozen=True)
class Problem(_AgreementProblem):
    """One finding about one field (as in seconomy.agreements), with the reasons of this package.

    The value is always shown masked: a CPR number typed into any field never reaches a message.
    """

    catalog: ClassVar[str] = "effect.err."

    def __post_init__(self) -> None:
        super().__post_init__()  # the value and the texts a reason quotes, masked
        object.__setattr__(self, "value", cpr.mask(self.value))

    @property
    def reason(self) -> str:
        return REASONS[self.code].format(value=self.value, **self.params)
