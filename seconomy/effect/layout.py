"""The placements file: one row per placement, headers in Danish or English, any case, with or without æ/ø/å.

A column for free-text notes (``note``, ``bemærkning`` …) or for identifying people (``navn``, ``cpr`` …) is
refused with its own reason: placements are personal data about vulnerable citizens, and the participant
code is their only identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seconomy.text import fold


@dataclass(frozen=True)
class Column:
    name: str  # the field name of seconomy.effect.validate.clean_placement
    da: str
    en: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("participant_code", "deltager", "participant", ("deltagerkode", "deltager id", "deltagernr", "participant code",
                                                          "participant id", "pseudonym", "kode")),
    Column("municipality", "kommune", "municipality", ("kommunekode", "municipality code", "betalende kommune")),
    Column("scheme", "ordning", "scheme", ("indsats", "tilbud", "forloebstype", "type", "programme")),
    Column("start_date", "start", "start", ("startdato", "fra", "start date", "from")),
    Column("end_date", "slut", "end", ("slutdato", "til", "end date", "to")),
    Column("weekly_price", "pris pr. uge", "weekly price", ("ugepris", "pris uge", "pris pr uge", "price per week")),
    Column("monthly_price", "pris pr. måned", "monthly price", ("maanedspris", "pris maaned", "pris pr md",
                                                                "price per month")),
    Column("outcome", "udfald", "outcome", ("resultat", "afslutning", "result")),
    Column("agreement_id", "aftale", "agreement", ("aftale nr", "aftalenr", "agreement id", "kontrakt", "contract")),
    Column("score_start", "score start", "progression start", ("score ved start", "start score", "progression ved start")),
    Column("score_end", "score slut", "progression end", ("score ved slut", "end score", "slut score",
                                                          "progression ved slut")),
)
BY_NAME = {c.name: c for c in COLUMNS}
# Refused columns: what they are and why (a problem code of seconomy.effect.model).
REFUSED = {
    "notes_refused": ("note", "noter", "notat", "notes", "bemaerkning", "bemaerkninger", "kommentar", "kommentarer",
                      "comment", "comments", "beskrivelse", "description", "fritekst", "free text"),
    "identifying_column": ("navn", "name", "fulde navn", "full name", "fornavn", "efternavn", "cpr", "cpr nr",
                           "cprnr", "cpr nummer", "personnummer", "foedselsdato", "birth date", "adresse", "address"),
}


def _key(header: object) -> str:
    """A header's matching key: folded, dots, brackets, colons and hyphens as spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[.():\-]", " ", fold(str(header)))).strip()


_INDEX: dict[str, str] = {}
for _column in COLUMNS:
    for _word in (_column.name, _column.da, _column.en, *_column.aliases):
        _INDEX.setdefault(_key(_word), _column.name)
_REFUSED_INDEX = {_key(word): code for code, words in REFUSED.items() for word in words}


def field_for(header: object) -> str | None:
    """The field a header names ('Pris pr. måned' → 'monthly_price'); None for an unknown header."""
    return _INDEX.get(_key(header))


def refused(header: object) -> str | None:
    """The problem code of a header that must not be in a placements file ('Bemærkning' → 'notes_refused')."""
    return _REFUSED_INDEX.get(_key(header))


def headers(lang: str, with_codes: bool) -> list[str]:
    """The export's header row in ``lang``; without the participant column unless ``with_codes``."""
    return [c.da if lang == "da" else c.en for c in COLUMNS if with_codes or c.name != "participant_code"]
