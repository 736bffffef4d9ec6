"""The plain-language verdict: a few sentences built from catalog keys and typed values.

The domain decides WHAT to say (which catalog key, which figures); the words live in the catalog
(seconomy/text/catalog/risk.py, Danish and English) and the numbers are formatted for the language
only when rendered, so the app and the CLI say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from seconomy.municipalities import by_code
from seconomy.risk.measures import Concentration
from seconomy.text import format as fmt
from seconomy.text.catalog import CATALOG


@dataclass(frozen=True)
class Pct:
    value: float
    decimals: int = 1


@dataclass(frozen=True)
class Kr:
    value: Decimal | float


@dataclass(frozen=True)
class Num:
    value: float
    decimals: int = 0


@dataclass(frozen=True)
class Label:
    """A catalog key whose text is the value (e.g. a stream's name)."""

    key: str
    lower: bool = False  # mid-sentence: "40 % of your income is municipal contracts"


@dataclass(frozen=True)
class Sentence:
    key: str
    values: dict[str, object] = field(default_factory=dict)


def display_name(key: str, code: object) -> str:
    """A municipal payer by its official name ("Københavns Kommune"), anyone else by its key."""
    if code is None or pd.isna(code):
        return str(key)
    municipality = by_code().get(int(code))
    return municipality.official_name if municipality else str(key)


def severity(result: Concentration) -> str:
    """'critical', 'warning', 'ok' or 'empty' (no income): how loudly the page should say it."""
    if result.groups.empty:
        return "empty"
    top = result.groups.iloc[0]
    if result.level == "high" or (result.by != "stream" and bool(top["critical"])):
        return "critical"
    if result.level == "moderate" or (result.by != "stream" and bool(top["major"])):
        return "warning"
    return "ok"


def verdict(result: Concentration) -> list[Sentence]:
    """What the figures mean, in order: the largest group, its weight, the overall level, what to do."""
    if result.by == "municipality":
        return _municipal(result)
    groups = result.groups
    if groups.empty:
        return [Sentence("risk.verdict.no_income")]
    major, critical = Pct(result.thresholds.major_share, 0), Pct(result.thresholds.critical_share, 0)
    top = groups.iloc[0]
    noun = Label(f"risk.noun.{result.by}")
    level = Sentence(f"risk.verdict.level.{result.level}",
                     {"hhi": Num(result.hhi), "effective": Num(result.effective_number, 1), "noun": noun})
    if result.by == "stream":
        return [Sentence("risk.verdict.stream_top", {"share": Pct(top["share"]), "stream": Label(f"stream.{top['key']}", lower=True)}),
                level]
    municipal = result.by == "payer" and not pd.isna(top["municipality_code"])
    name = display_name(top["key"], top["municipality_code"]) if municipal else str(top["key"])
    out = [Sentence("risk.verdict.top_municipal" if municipal else "risk.verdict.top", {"share": Pct(top["share"]), "name": name})]
    if top["critical"]:
        out.append(Sentence("risk.verdict.critical", {"critical": critical, "amount": Kr(top["amount"])}))
    else:
        out.append(Sentence("risk.verdict.major" if top["major"] else "risk.verdict.no_major", {"major": major}))
    majors = int(groups["major"].sum())
    if majors >= 2:  # majors come first: the list is sorted by amount
        out.append(Sentence("risk.verdict.majors", {"count": Num(majors), "major": major, "noun": noun,
                                                    "share": Pct(groups["cumulative_share"].iloc[majors - 1])}))
    out.append(level)
    if top["critical"] and result.by == "payer":
        out.append(Sentence("risk.verdict.advice", {"name": name, "critical": critical}))
    if result.by == "counterparty":
        out.append(Sentence("risk.verdict.counterparty_note"))
    return out


def _municipal(result: Concentration) -> list[Sentence]:
    groups = result.groups
    if groups.empty:
        return [Sentence("risk.verdict.no_municipal")]
    top = groups.iloc[0]
    return [
        Sentence("risk.verdict.municipal", {"share": Pct(result.municipal_share or 0), "count": Num(len(groups))}),
        Sentence("risk.verdict.municipal_top", {"name": display_name(top["key"], top["municipality_code"]),
                                                "share_of": Pct(top["share_of_scope"]), "share": Pct(top["share"])}),
        Sentence(f"risk.verdict.municipal_level.{result.level}",
                 {"hhi": Num(result.hhi), "effective": Num(result.effective_number, 1)}),
    ]


def render(sentences: list[Sentence], lang: str, texts: dict[str, tuple[str, str]] | None = None,
           escape: Callable[[str], str] | None = None) -> str:
    """The sentences as one paragraph in ``lang`` ('da' or 'en'), numbers formatted for that language.

    ``escape`` is applied to every plain value (payer and municipality names come from the ledger): the UI
    passes ``seconomy.ui.safe.md`` so a name never becomes markdown.
    """
    if texts is None:
        texts = CATALOG
    index = 0 if lang == "da" else 1

    def value(v: object) -> str:
        if isinstance(v, Pct):
            return fmt.percent(v.value, lang, v.decimals)
        if isinstance(v, Kr):
            return fmt.money(v.value, lang)
        if isinstance(v, Num):
            return fmt.number(v.value, lang, v.decimals)
        if isinstance(v, Label):
            text = texts[v.key][index]
            return text[:1].lower() + text[1:] if v.lower else text
        return escape(str(v)) if escape else str(v)

    return " ".join(texts[s.key][index].format(**{k: value(v) for k, v in s.values.items()}) for s in sentences)
