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
    # Every mark (Mn, Mc, Me) goes, as in DuckDB's strip_accents, so Python and SQL fold alike.
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    text = unicodedata.normalize("NFC", text)  # recomposed as strip_accents leaves it (Hangul syllables)
    return _SPACES.sub(" ", text).strip()


def decode_text(data: bytes, name: str) -> str:
    """A small text file a person wrote (a scenario spec, a report's own sentences): UTF-8, else Windows-1252.

    Why both: Notepad and older Excel on Danish Windows save Windows-1252; refusing æøå there would be unkind. A
    file that is neither (or holds NUL bytes, i.e. is no text) is an InputError naming it, never a traceback.
    """
    from seconomy.errors import InputError

    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name} is not a text file (it contains NUL bytes)")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8")
