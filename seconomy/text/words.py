"""The words and formats of one language in one bundle: what the UI, the reports and the CLI hand around.

Why a bundle: a chart, a board report or a sentence built in the core needs the texts *and* the formats of the
reader's language, and must not reach into the UI to get them. ``words("da")`` gives both, over the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from seconomy.text import format as fmt
from seconomy.text.catalog import CATALOG

_INDEX = {"da": 0, "en": 1}


@dataclass(frozen=True)
class Words:
    """Text lookup and formatters of one language ('da' or 'en')."""

    lang: str
    catalog: Mapping[str, tuple[str, str]] = field(default_factory=lambda: CATALOG, repr=False, compare=False)

    def text(self, key: str, **values: object) -> str:
        """The catalog text for ``key`` with its ``{placeholders}`` filled in."""
        raw = self.catalog[key][_INDEX[self.lang]]
        return raw.format(**values) if values else raw

    def has(self, key: str) -> bool:
        return key in self.catalog

    def stream(self, stream: object) -> str:
        """An income stream's name ('foundation_grant' → 'Fondsbevillinger'); an unknown id shows as it is."""
        key = f"stream.{stream}"
        return self.text(key) if key in self.catalog else ("–" if fmt.is_empty(stream) else str(stream))

    def money(self, value: object, decimals: int = 0) -> str:
        return fmt.money(value, self.lang, decimals)

    def signed_money(self, value: object, decimals: int = 0) -> str:
        return fmt.signed_money(value, self.lang, decimals)

    def number(self, value: object, decimals: int = 0) -> str:
        return fmt.number(value, self.lang, decimals)

    def percent(self, share: object, decimals: int = 1) -> str:
        return fmt.percent(share, self.lang, decimals)

    def date(self, day: object) -> str:
        return fmt.date(day, self.lang)

    def month(self, day: object) -> str:
        return fmt.month(day, self.lang)

    def quarter(self, day: object) -> str:
        return fmt.quarter(day, self.lang)

    def datetime(self, moment: object) -> str:
        return fmt.datetime(moment, self.lang)

    def yes_no(self, value: object) -> str:
        return fmt.yes_no(value, self.lang)

    @property
    def percent_suffix(self) -> str:
        """' %' (da) or '%' (en), for chart ticks and hover templates."""
        return fmt.percent_suffix(self.lang)

    @property
    def separators(self) -> str:
        """Plotly's layout.separators for this language."""
        return fmt.separators(self.lang)

    def months(self, days: list[dt.date]) -> list[str]:
        return [self.month(d) for d in days]


def words(lang: str, catalog: Mapping[str, tuple[str, str]] | None = None) -> Words:
    """The bundle of ``lang``; ``catalog`` replaces the project's (tests hand in a small one)."""
    if lang not in _INDEX:
        raise ValueError(f"unknown language {lang!r}; known: da, en")
    return Words(lang, CATALOG if catalog is None else catalog)
