"""CPR numbers (Danish personal identity numbers) must never be stored: finding and masking them.

A CPR number is ddmmyy-xxxx. The hyphenated form is refused in every text field. The bare ten-digit
form (ddmmyyxxxx) is refused in the free-text fields (counterparty, description), where a citizen's
name and number get typed together; in reference and account columns ten-digit voucher and invoice
numbers are common, and refusing them would make honest files unimportable. The first six digits
must look like a day and month, which keeps phone and account numbers out.
The patterns are shared by Python (``re``) and DuckDB (RE2): no look-arounds.
"""

from __future__ import annotations

import re

_DAY_MONTH = r"(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}"
HYPHENATED = rf"(^|[^0-9]){_DAY_MONTH}-[0-9]{{4}}([^0-9]|$)"
FREE_TEXT = rf"(^|[^0-9]){_DAY_MONTH}[- ]?[0-9]{{4}}([^0-9]|$)"  # also ddmmyyxxxx and ddmmyy xxxx
FREE_TEXT_ROLES = ("counterparty", "description")
MASK = "ddmmyy-xxxx"

_COMPILED = {HYPHENATED: re.compile(HYPHENATED), FREE_TEXT: re.compile(FREE_TEXT)}
# Masking (Python only, so look-arounds are fine): the shape anywhere that is not part of a longer number, so a
# timestamp such as 20261201-225013 stays readable while every value has_cpr finds is masked.
_ANY = re.compile(rf"(?<![0-9]){_DAY_MONTH}[- ]?[0-9]{{4}}(?![0-9])")


def pattern_for(role: str) -> str:
    """The pattern that finds a CPR number in a column of this role."""
    return FREE_TEXT if role in FREE_TEXT_ROLES else HYPHENATED


def has_cpr(text: object, role: str = "description") -> bool:
    """True when ``text`` holds a CPR number (by the rules of its column's role)."""
    return text is not None and bool(_COMPILED[pattern_for(role)].search(str(text)))


def mask(text: object) -> str:
    """The text with anything shaped like a CPR number replaced by 'ddmmyy-xxxx' (for messages and files)."""
    return _ANY.sub(MASK, "" if text is None else str(text))
