"""Kept for one release: the formats moved to ``seconomy.text.format`` (import them from there)."""

from seconomy.text.format import (  # noqa: F401 - re-exported
    EMPTY,
    LANGUAGES,
    MINUS,
    date,
    money,
    money_delta,
    month,
    number,
    percent,
    quarter,
    signed_money,
)
