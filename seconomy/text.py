"""Text folding shared by every matcher (headers, streams, municipality names)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\-_]+")


def fold(text: str) -> str:
    """Fold text for matching: lower case, æ/ø/å as ae/oe/aa, other accents dropped, spaces squeezed.

    Why: exports spell the same word "Beløb", "BELOB", "belob" or "Beloeb"; all must match.
    """
    text = text.strip().lower()
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    # Every mark (Mn, Mc, Me) goes, as in DuckDB's strip_accents, so Python and SQL fold alike.
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    text = unicodedata.normalize("NFC", text)  # recomposed as strip_accents leaves it (Hangul syllables)
    return _SPACES.sub(" ", text).strip()
