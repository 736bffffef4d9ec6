"""Which municipality a line belongs to: the municipality column, or a public body named as counterparty.

Inference only trusts a counterparty that names a public body of a municipality: "<name> Kommune"
(also the genitive "Københavns Kommune" and "Odense Kommunes Madservice"), "Jobcenter <name>",
"<name> Jobcenter", "Borgerservice <name>". A private firm whose name merely contains a town
("Odense Saftværk ApS") names no public body and is left alone.
"""

from __future__ import annotations

import re

from seconomy.municipalities import resolve
from seconomy.text import fold

_PUBLIC_BODY = (
    re.compile(r"^(?P<name>.+?)\s+(?:regions)?kommunes?\b"),
    re.compile(r"^(?:jobcent(?:er|ret)|borgerservice|ydelsescent(?:er|ret))\s+(?P<name>.+)$"),
    re.compile(r"^(?P<name>.+?)\s+(?:jobcent(?:er|ret)|borgerservice)$"),
)
# A quick filter (RE2 and Python): only counterparties with one of these words can name a public body.
PUBLIC_WORDS = r"(?i)kommune|jobcent|borgerservice|ydelsescent"


def infer_municipality(counterparty: object) -> int | None:
    """The municipality code of a public body named in ``counterparty`` (None for anyone else)."""
    if counterparty is None:
        return None
    for part in str(counterparty).split(","):
        folded = fold(part)
        for pattern in _PUBLIC_BODY:
            found = pattern.match(folded)
            if found and (code := _resolve_name(found.group("name"))):
                return code
    return None


def _resolve_name(name: str) -> int | None:
    """The name before "Kommune" may carry the genitive s ("Københavns"); resolve handles both."""
    name = name.strip()
    if not name or name in ("den", "the"):
        return None
    return resolve(name) or (resolve(name[:-1]) if name.endswith("s") else None)


def municipality_code(text: object) -> int | None:
    """A municipality column's value as a code: a name, official name, alias or code, or a public body."""
    if text is None or not str(text).strip():
        return None
    return resolve(text) or infer_municipality(text)


_BODY_FIRST = ("jobcenter", "jobcentret", "borgerservice", "ydelsescenter", "ydelsescentret")
_MUNICIPALITY_WORDS = ("kommune", "kommunes", "regionskommune")
_PUNCT = " ,.;:-–"
_MAX_NAME_WORDS = 3


def public_body_at_start(text: object) -> tuple[int, str, str | None] | None:
    """(code, body, rest) when ``text`` starts with a municipality's public body, else None.

    For bank texts, where the payer is only named in the text: "Jobcenter København Løntilskud januar" is
    (101, "Jobcenter København", "Løntilskud januar"); "Gladsaxe Kommune Forløb okt" is (159, "Gladsaxe Kommune",
    "Forløb okt"). The municipality's name may have up to three words ("Lyngby-Taarbæk", "Ikast-Brande"); the
    longest name that resolves wins.
    """
    if text is None:
        return None
    words = str(text).split()
    folded = [fold(w.strip(_PUNCT)) for w in words]
    if not words:
        return None
    found = None
    if folded[0] in _BODY_FIRST:
        found = _name_after(words, folded)
    if found is None:
        found = _name_before(words, folded)
    if found is None:
        return None
    code, used = found
    rest = " ".join(words[used:]).strip(_PUNCT) or None
    return code, " ".join(words[:used]).strip(_PUNCT), rest


def _name_after(words: list[str], folded: list[str]) -> tuple[int, int] | None:
    """'Jobcenter <name> …': the longest name of up to three words after the first word."""
    for size in range(min(_MAX_NAME_WORDS, len(words) - 1), 0, -1):
        code = _resolve_name(" ".join(w.strip(_PUNCT) for w in words[1:1 + size]))
        if code:
            return code, 1 + size
    return None


def _name_before(words: list[str], folded: list[str]) -> tuple[int, int] | None:
    """'<name> Kommune …' or '<name> Jobcenter …': a name of up to three words before the body's word."""
    for index in range(1, min(_MAX_NAME_WORDS, len(words) - 1) + 1):
        if folded[index] in _MUNICIPALITY_WORDS or folded[index] in _BODY_FIRST[:2]:
            code = _resolve_name(" ".join(w.strip(_PUNCT) for w in words[:index]))
            return (code, index + 1) if code else None
    return None
