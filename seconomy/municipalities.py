"""The 98 Danish municipalities and the many ways exports spell them.

Matching follows data/README: case-insensitive, æ/ø/å equal to ae/oe/aa, hyphens and spaces
ignored, a trailing "Kommune"/"Regionskommune" dropped, and the genitive "s" of official names
such as "Københavns Kommune" accepted. Codes ("101", "0101") match too.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from seconomy.paths import ALIASES_CSV, KOMMUNER_CSV
from seconomy.text import fold

_SUFFIX = re.compile(r"\s*(regionskommune|kommune)$")


@dataclass(frozen=True)
class Municipality:
    code: int
    name: str
    official_name: str
    region_code: int
    region: str


def _key(text: str) -> str:
    """Matching key: folded, suffix dropped, spaces, hyphens and dots removed."""
    folded = _SUFFIX.sub("", fold(text))
    return re.sub(r"[\s.\-]", "", folded)


@lru_cache(maxsize=1)
def all_municipalities() -> tuple[Municipality, ...]:
    """The 98 municipalities from data/kommuner.csv, in file order."""
    with open(KOMMUNER_CSV, encoding="utf-8", newline="") as fh:
        return tuple(
            Municipality(int(r["code"]), r["name"], r["official_name"], int(r["region_code"]), r["region"])
            for r in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def by_code() -> dict[int, Municipality]:
    return {m.code: m for m in all_municipalities()}


@lru_cache(maxsize=1)
def _name_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for m in all_municipalities():
        index[_key(m.name)] = m.code
        index[_key(m.official_name)] = m.code
        official_stem = _SUFFIX.sub("", fold(m.official_name))
        if official_stem != fold(m.name):  # genitive form such as "Københavns"
            index[_key(official_stem)] = m.code
            index[_key(m.name)] = m.code
    with open(ALIASES_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            index[_key(row["alias"])] = int(row["code"])
    return index


def resolve(text: object) -> int | None:
    """Return the municipality code for a name, official name, alias or code; None if unknown."""
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    if raw.isdigit():  # a code has at most three digits; int() of a 5 000-digit cell would raise
        code = int(raw) if raw.isascii() and len(raw) <= 4 else None
        return code if code in by_code() else None
    key = _key(raw)
    code = _name_index().get(key)
    return code if code is not None else _loose_index().get(_loose(key))


def _loose(key: str) -> str:
    """A looser key for ASCII spellings that drop the second letter ("Kobenhavn", "Tarnby")."""
    return key.replace("aa", "a").replace("oe", "o").replace("ae", "a")


@lru_cache(maxsize=1)
def _loose_index() -> dict[str, int]:
    """Loose keys that point at exactly one municipality (ambiguous ones are left out)."""
    seen: dict[str, set[int]] = {}
    for key, code in _name_index().items():
        seen.setdefault(_loose(key), set()).add(code)
    return {key: codes.pop() for key, codes in seen.items() if len(codes) == 1}


def short_name(code: int | None) -> str | None:
    """The short name as in data/kommuner.csv ("København"), the key used for a municipal payer."""
    if code is None:
        return None
    m = by_code().get(int(code))
    return m.name if m else None


def closest_names(text: object, n: int = 3) -> list[str]:
    """Up to ``n`` municipality names most like ``text`` (for 'did you mean …?' messages)."""
    names = {m.name: m.name for m in all_municipalities()}
    names.update({m.official_name: m.name for m in all_municipalities()})
    found = difflib.get_close_matches(str(text or ""), list(names), n=n * 2, cutoff=0.5)
    return list(dict.fromkeys(names[f] for f in found))[:n]
