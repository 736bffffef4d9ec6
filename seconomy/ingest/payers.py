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
