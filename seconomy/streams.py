"""The six income streams of the mosaic economy and the words people use for them."""

from __future__ import annotations

from seconomy.text import fold

STREAMS: tuple[str, ...] = (
    "product_sale",
    "municipal_contract",
    "wage_subsidy",
    "foundation_grant",
    "public_grant",
    "other",
)

# Words seen in real exports, folded (lower case, æ/ø/å as ae/oe/aa) when looked up.
STREAM_ALIASES: dict[str, tuple[str, ...]] = {
    "product_sale": ("produktsalg", "salg", "varesalg", "product sale", "product sales", "sales", "sale"),
    "municipal_contract": ("kommunal kontrakt", "forløb", "forlob", "kommune", "municipal contract"),
    "wage_subsidy": ("løntilskud", "flexjobrefusion", "flexjob refusion", "refusion", "wage subsidy"),
    "foundation_grant": ("fondsbevilling", "fond", "foundation grant", "grant"),
    "public_grant": ("offentlig pulje", "pulje", "public grant"),
    "other": ("andet", "donation", "other"),
}

_LOOKUP: dict[str, str] = {}
for _stream, _words in STREAM_ALIASES.items():
    _LOOKUP[fold(_stream)] = _stream
    _LOOKUP[fold(_stream.replace("_", " "))] = _stream
    for _word in _words:
        _LOOKUP[fold(_word)] = _stream


def parse_stream(text: str | None) -> str | None:
    """Return the stream id for a stream id or alias, or None when it is not one we know."""
    if text is None:
        return None
    return _LOOKUP.get(fold(str(text)))
