"""The flat file layout of agreements and cost lines: one row per agreement or cost line.

One sheet (or one CSV) holds both, told apart by the ``type`` column (``agreement``/``aftale`` or
``cost``/``omkostning``; when it is empty, a row with a category or cost kind is a cost line).
Headers are recognised in Danish or English, in any case, with or without æ/ø/å. An export
writes the columns below, in this order, with the headers of one language; values are the ids
the app uses (``municipal_contract``, ``week``, ``quarterly``, ``active``, ``fixed``) and the
import also accepts their Danish words (``kommunal kontrakt``, ``uge``, ``kvartalsvis``, ``aktiv``, ``fast``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seconomy.text import fold


@dataclass(frozen=True)
class Column:
    name: str  # the field name used by validation and the store
    da: str
    en: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("type", "type", "type", ("linjetype", "record", "aftale eller omkostning")),
    Column("id", "id", "id", ("nr", "nummer")),
    Column("stream", "indtægtstype", "stream", ("income stream", "indtaegt")),
    Column("counterparty", "modpart", "counterparty", ("betaler", "kunde", "fond", "bevillingsgiver", "payer", "funder",
                                                       "customer")),
    Column("municipality", "kommune", "municipality", ("kommunekode", "kommunenr", "municipality code")),
    Column("department", "afdeling", "department", ("forvaltning", "enhed i kommunen")),
    Column("placements", "pladser", "placements", ("antal pladser", "antal", "places")),
    Column("price", "pris", "price", ("pris pr plads", "price per placement", "takst")),
    Column("price_unit", "prisenhed", "price unit", ("enhed", "unit", "pr", "per")),
    Column("monthly_amount", "månedligt beløb", "monthly amount", ("beloeb pr maaned", "maanedsbeloeb",
                                                                    "amount per month", "beloeb")),
    Column("total_amount", "samlet beløb", "total amount", ("bevilget beloeb", "bevilling", "total")),
    Column("schedule", "udbetaling", "schedule", ("udbetalingsplan", "udbetalinger", "disbursement",
                                                  "disbursement schedule", "payment schedule")),
    Column("start_date", "start", "start", ("startdato", "fra", "start date", "from", "begyndelse")),
    Column("end_date", "slut", "end", ("slutdato", "til", "end date", "to", "udloeb", "udloebsdato")),
    Column("notice_months", "opsigelse (mdr.)", "notice (months)", ("opsigelsesvarsel", "opsigelse", "notice",
                                                                     "notice months", "notice period")),
    Column("payment_days", "betalingsfrist (dage)", "payment term (days)",
           ("betalingsfrist", "betalingsbetingelser", "kredittid", "payment days", "payment term", "terms")),
    Column("renewal_probability", "sandsynlighed for forlængelse", "renewal probability",
           ("forlaengelse", "sandsynlighed", "renewal", "probability of renewal")),
    Column("status", "status", "status", ("tilstand",)),
    Column("category", "kategori", "category", ("omkostningskategori", "cost category", "post")),
    Column("kind", "omkostningsart", "cost kind", ("art", "kind", "omkostningstype", "cost type")),
    Column("share_of_income", "andel af indtægt", "share of income", ("andel", "share", "andel af indtaegten")),
    Column("note", "note", "note", ("bemaerkning", "kommentar", "comment", "notes")),
)
BY_NAME = {c.name: c for c in COLUMNS}

TYPES = {"agreement": ("aftale", "aftaler", "kontrakt", "bevilling", "contract", "grant", "agreements"),
         "cost": ("omkostning", "omkostninger", "udgift", "costs", "expense")}


def _key(header: object) -> str:
    """A header's matching key: folded, with dots, brackets and colons dropped."""
    return re.sub(r"\s+", " ", re.sub(r"[.():]", " ", fold(str(header)))).strip()


_HEADER_INDEX: dict[str, str] = {}
for _column in COLUMNS:
    for _word in (_column.name, _column.da, _column.en, *_column.aliases):
        _HEADER_INDEX.setdefault(_key(_word), _column.name)


def field_for(header: object) -> str | None:
    """The field a header names ('Månedligt beløb' → 'monthly_amount'); None for an unknown header."""
    return _HEADER_INDEX.get(_key(header))


def row_type(value: object) -> str | None:
    """'agreement' or 'cost' for a type cell (any language); None when unknown."""
    folded = _key(value)
    for name, words in TYPES.items():
        if folded == name or folded in words:
            return name
    return None


def headers(lang: str) -> list[str]:
    """The export's header row in ``lang`` ('da' or 'en')."""
    return [c.da if lang == "da" else c.en for c in COLUMNS]
