"""The flat file layout of the pipeline: one row per application, Danish or English headers.

Headers are recognised in either language, any case, with or without æ/ø/å. An export writes the
columns below in this order with the headers of one language; its stages, funder kinds and
schedules are written as the app's ids in English and as Danish words in Danish (``indsendt``,
``pulje``, ``kvartalsvis``) — the import reads both, so an export imports back unchanged.
"""

from __future__ import annotations

from seconomy.agreements.layout import Column, _key

COLUMNS: tuple[Column, ...] = (
    Column("id", "id", "id", ("nr", "nummer", "ansoegning nr")),
    Column("funder", "fond", "funder", ("fond pulje", "fond eller pulje", "bevillingsgiver", "giver", "pulje",
                                        "funder name", "foundation")),
    Column("funder_kind", "type", "kind", ("art", "fondstype", "funder kind", "funder type", "type of funder")),
    Column("project", "projekt", "project", ("projektnavn", "project name", "titel", "title")),
    Column("amount", "beløb", "amount", ("ansoegt beloeb", "beloeb kr", "amount applied for", "amount dkk", "sum")),
    Column("start_date", "start", "start", ("startdato", "fra", "start date", "from", "projektstart")),
    Column("end_date", "slut", "end", ("slutdato", "til", "end date", "to", "projektslut")),
    Column("schedule", "udbetaling", "schedule", ("udbetalingsplan", "udbetalinger", "disbursement",
                                                  "disbursement schedule", "payment schedule")),
    Column("stage", "fase", "stage", ("status", "stadie", "trin")),
    Column("probability", "sandsynlighed", "probability", ("chance", "sandsynlighed for bevilling",
                                                            "probability of grant", "odds")),
    Column("deadline", "ansøgningsfrist", "deadline", ("frist", "application deadline", "ansoegningsdato")),
    Column("decision_date", "svardato", "decision", ("svar", "forventet svar", "decision date", "answer")),
    Column("effort_hours", "timer", "effort hours", ("timer tilbage", "arbejdstimer", "effort", "hours",
                                                      "hours left")),
    Column("report_due", "afrapportering", "report due", ("rapportering", "afrapporteringsfrist", "report deadlines",
                                                          "report due dates", "reports")),
    Column("restrictions", "bindinger", "restrictions", ("vilkaar", "betingelser", "conditions")),
)
BY_NAME = {c.name: c for c in COLUMNS}

_INDEX: dict[str, str] = {}
for _column in COLUMNS:
    for _word in (_column.name, _column.da, _column.en, *_column.aliases):
        _INDEX.setdefault(_key(_word), _column.name)

# The Danish words an export in Danish writes (each is one of the import's words for the value).
DANISH = {
    "stage": {"idea": "idé", "drafting": "under udarbejdelse", "submitted": "indsendt", "shortlisted": "shortlistet",
              "granted": "bevilget", "rejected": "afslået"},
    "funder_kind": {"foundation": "fond", "public_pool": "pulje"},
    "schedule": {"monthly": "månedlig", "quarterly": "kvartalsvis", "half_yearly": "halvårlig", "yearly": "årlig",
                 "upfront": "forud"},
}


def field_for(header: object) -> str | None:
    """The field a header names ('Ansøgningsfrist' → 'deadline'); None for an unknown header."""
    return _INDEX.get(_key(header))


def headers(lang: str) -> list[str]:
    """The export's header row in ``lang`` ('da' or 'en')."""
    return [c.da if lang == "da" else c.en for c in COLUMNS]
