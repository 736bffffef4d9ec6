"""Shocks and cost changes in plain words ("Gladsaxe stops from Apr 2027"), in Danish or English.

The words come from the catalog, handed in as a ``Words`` bundle (seconomy.text.words), so the page, the
board report and the CLI describe a scenario the same way without the domain importing the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from seconomy.scenarios.spec import ANY_MUNICIPALITY, CostShock, Shock
from seconomy.text.format import MINUS
from seconomy.text.words import Words
from seconomy.text.words import words as _bundle

__all__ = ["Words", "describe_cost", "describe_shock", "shock_target", "words"]


def words(lang: str, catalog: Mapping[str, tuple[str, str]] | None = None) -> Words:
    """The Words bundle of ``lang`` (seconomy.text.words), over ``catalog`` when one is given."""
    return _bundle(lang, catalog)


def _signed_percent(words: Words, change: float) -> str:
    text = words.percent(abs(change), 0 if round(change * 100, 6) == round(change * 100) else 1)
    return ("+" if change > 0 else MINUS) + text if change else text


def _period(words: Words, start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return words.text("scn.desc.range", start=words.month(start), end=words.month(end))
    if start:
        return words.text("scn.desc.from", month=words.month(start))
    if end:
        return words.text("scn.desc.until", month=words.month(end))
    return words.text("scn.desc.whole")


def shock_target(words: Words, shock: Shock) -> str:
    """Who or what the shock hits, e.g. 'København · Municipal contracts'."""
    parts = []
    if shock.municipality == ANY_MUNICIPALITY:
        parts.append(words.text("scn.target.all_municipalities"))
    elif shock.municipality:
        parts.append(shock.municipality)
    for name in (shock.payer, shock.counterparty):
        if name:
            parts.append(name)
    if shock.agreement is not None:
        parts.append(words.text("scn.desc.agreement", id=shock.agreement))
    if shock.stream:
        parts.append(words.stream(shock.stream))
    return " · ".join(parts) or words.text("scn.desc.new_income")


def describe_shock(words: Words, shock: Shock) -> str:
    """One line in words: '<target>: −30 % from Jul 2027'."""
    if shock.label:
        head = shock.label
    elif shock.change == -1.0:
        head = words.text("scn.desc.stops", target=shock_target(words, shock))
    elif shock.change is not None:
        head = f"{shock_target(words, shock)}: {_signed_percent(words, shock.change)}"
    else:
        amount = float(shock.amount)
        head = words.text("scn.desc.amount", target=shock_target(words, shock),
                          amount=words.signed_money(amount))
    return f"{head} ({_period(words, shock.start, shock.end)})"


def describe_cost(words: Words, shock: CostShock) -> str:
    """One line in words for a cost change."""
    target = " · ".join(p for p in (shock.category, shock.kind and words.text(f"scn.cost_kind.{shock.kind}"),
                                    shock.stream and words.stream(shock.stream)) if p) or words.text("scn.costs.all")
    if shock.amount is not None:
        amount = float(shock.amount)
        effect = words.signed_money(amount) + " " + words.text("scn.desc.per_month")
        target = shock.label or shock.category or words.text("scn.costs.new_line")
    else:
        effect = _signed_percent(words, shock.change)
    return f"{words.text('scn.desc.costs')} ({target}): {effect} ({_period(words, shock.start, shock.end)})"
