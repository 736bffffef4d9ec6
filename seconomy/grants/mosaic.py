"""The mosaic effect of a grant mix: does winning it make the enterprise more or less dependent on one payer?

*Before* is the year's expected income per payer without the pipeline (the forecast's income per
payer, a municipality being one payer). *After* adds each chosen application's year amount to its
funder's payer key **as if won** — the picture the enterprise would live with if the mix succeeds,
not a probability-weighted blend. Both are measured with the Risk page's own rules
(seconomy.risk.measures.concentration_of_amounts: the payer HHI on whole øre, shares of the income of
payers with income), plus the grant share of income (foundation grants and public pools) and the
largest single funder's share (a funder's whole income as a payer, so a municipal pool counts with
the municipality's other income). Warnings: grants above ``max_grant_share`` of the income after the
mix, and every funder above ``max_funder_share``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from seconomy.grants.amounts import Candidate
from seconomy.risk.measures import AmountConcentration, Thresholds, concentration_of_amounts


@dataclass(frozen=True)
class Alert:
    """One dependency warning about the after-picture."""

    code: str  # 'grant_share' or 'funder_share'
    share: float
    limit: float
    funder: str | None = None

    @property
    def message(self) -> str:
        """The English text (the CLI's; the page has the code's text in the catalog)."""
        if self.code == "grant_share":
            return f"grants would be {self.share:.1%} of the year's income (more than {self.limit:.0%})"
        return f"{self.funder} would pay {self.share:.1%} of the year's income (more than {self.limit:.0%})"


@dataclass(frozen=True)
class Picture:
    """One side of the comparison: the payer concentration, the grant share, the largest funder."""

    concentration: AmountConcentration
    grant_share: float | None
    largest_funder: str | None
    largest_funder_share: float | None
    funder_shares: dict[str, float] = field(default_factory=dict)  # every funder's share, largest first


@dataclass(frozen=True)
class Mosaic:
    before: Picture
    after: Picture
    added: dict[str, int]  # payer key -> øre the mix adds (as if won)
    warnings: tuple[Alert, ...]


def picture(by_payer: Mapping[str, int], grants_by_payer: Mapping[str, int], thresholds: Thresholds) -> Picture:
    """Concentration, grant share and funder shares of income per payer (øre) with its grant part (øre)."""
    measured = concentration_of_amounts({k: Decimal(v) / 100 for k, v in by_payer.items()}, thresholds)
    total = int(measured.total * 100)
    if not total:
        return Picture(measured, None, None, None)
    funders = {k: measured.shares[k] for k, v in grants_by_payer.items() if v > 0 and k in measured.shares}
    funders = dict(sorted(funders.items(), key=lambda item: (-item[1], item[0])))
    grants = sum(v for k, v in grants_by_payer.items() if v > 0 and k in measured.shares)
    largest = next(iter(funders), None)
    return Picture(measured, grants / total, largest, funders.get(largest), funders)


def mosaic(by_payer: Mapping[str, int], grants_by_payer: Mapping[str, int], chosen: Iterable[Candidate],
           thresholds: Thresholds, max_grant_share: float, max_funder_share: float) -> Mosaic:
    """Before and after the chosen applications are won, with the warnings of the after-picture."""
    added: dict[str, int] = {}
    for c in chosen:
        if c.year_ore:
            added[c.payer] = added.get(c.payer, 0) + c.year_ore
    after_payers = dict(by_payer)
    after_grants = dict(grants_by_payer)
    for key, ore in added.items():
        after_payers[key] = after_payers.get(key, 0) + ore
        after_grants[key] = after_grants.get(key, 0) + ore
    before = picture(by_payer, grants_by_payer, thresholds)
    after = picture(after_payers, after_grants, thresholds)
    warnings = []
    if after.grant_share is not None and after.grant_share > max_grant_share:
        warnings.append(Alert("grant_share", after.grant_share, max_grant_share))
    warnings += [Alert("funder_share", share, max_funder_share, funder)
                 for funder, share in after.funder_shares.items() if share > max_funder_share]
    return Mosaic(before, after, added, tuple(warnings))
