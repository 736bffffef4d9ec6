"""Everything that speaks: text folding for matching (here), the catalog of Danish and English texts
(``seconomy.text.catalog``), the formats of numbers and dates (``seconomy.text.format``) and the bundle of
both for one language (``seconomy.text.words``).

Why a package of its own: the core (risk verdicts, reports), the CLI and the UI all need the same words and
formats; none of them may depend on the UI. This package imports neither Streamlit nor ``seconomy.ui``.
``fold`` stays importable as ``seconomy.text.fold``: every matcher uses it, and importing it loads no babel.
"""

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
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()
