"""The municipality's business case, SØM-style and deliberately simple: what exits save against what was paid.

Socialstyrelsen's investment model (SØM) weighs what a municipality pays for an effort against what it saves
when a citizen leaves public benefit. This is the simplest honest version of it, with every assumption a
setting the user can see and change:

    saving per exit = horizon months × persistence share × monthly benefit of the placement's scheme
                      (× the flexjob share for an exit to a flexjob)
    municipal net   = Σ savings of the exits in the window − the price the municipality paid in the window
    saved per krone = Σ savings / price paid

- horizon: ``effect_horizon_months`` (default 12) — the months after the exit that are counted;
- persistence: ``effect_persistence`` (default 0.75) — the share of those months the citizen stays off benefit;
- monthly benefit per scheme: kontanthjælp for virksomhedspraktik, løntilskud, mentor and other schemes
  (``effect_benefit_cash``), ressourceforløbsydelse for ressourceforløb and jobafklaringsforløb
  (``effect_benefit_resource``), youth benefit for STU (``effect_benefit_youth``); § 103 and § 104 save no benefit
  (their citizens keep their pension), so their exits count in the effect but not in the saving;
- a flexjob saves only ``effect_flexjob_share`` (default 0.5): the municipality still pays the flexjob subsidy.

Not counted (so the case errs on the low side): taxes the citizen pays in work, health and social costs, the
years after the horizon. Money is Decimal, rounded to the øre once per scheme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from seconomy.effect.model import BENEFIT_KINDS, BENEFIT_OF_SCHEME, SCHEMES

_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Assumptions:
    """The business case's assumptions, as read from the settings."""

    horizon_months: int
    persistence: Decimal
    flexjob_share: Decimal
    benefits: Mapping[str, Decimal]  # benefit kind -> monthly DKK

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> Assumptions:
        benefits = {kind: Decimal(str(settings[f"effect_benefit_{kind}"])) for kind in BENEFIT_KINDS}
        return cls(int(settings["effect_horizon_months"]), Decimal(str(settings["effect_persistence"])),
                   Decimal(str(settings["effect_flexjob_share"])), benefits)

    @property
    def months_saved(self) -> Decimal:
        """Months of benefit one exit to a job or education saves: horizon × persistence."""
        return self.horizon_months * self.persistence

    def monthly_benefit(self, scheme: str) -> Decimal:
        """The monthly benefit an exit from ``scheme`` saves (0 for § 103 and § 104)."""
        kind = BENEFIT_OF_SCHEME[scheme]
        return _ZERO if kind is None else self.benefits[kind]


@dataclass(frozen=True)
class CaseLine:
    """One scheme's part of the case: its exits, the benefit each saves per month, the saving."""

    scheme: str
    exits: int  # exits to a job or education (full saving)
    flexjob_exits: int  # exits to a flexjob (the flexjob share of the saving)
    monthly_benefit: Decimal
    savings: Decimal


@dataclass(frozen=True)
class BusinessCase:
    assumptions: Assumptions
    lines: tuple[CaseLine, ...]  # schemes with exits, in the order of SCHEMES
    price_paid: Decimal

    @property
    def savings(self) -> Decimal:
        return sum((line.savings for line in self.lines), _ZERO)

    @property
    def net(self) -> Decimal:
        """The municipality's net: savings − price paid (negative: the placements cost more than they saved)."""
        return self.savings - self.price_paid

    @property
    def saved_per_krone(self) -> float | None:
        """Kroner saved per krone spent; None when nothing was paid."""
        return float(self.savings / self.price_paid) if self.price_paid else None


def business_case(exits: Mapping[str, tuple[int, int]], price_paid: Decimal, assumptions: Assumptions) -> BusinessCase:
    """The case from ``exits`` = {scheme: (exits to job or education, exits to a flexjob)} and the price paid."""
    lines = []
    for scheme in SCHEMES:
        full, flex = exits.get(scheme, (0, 0))
        if not full and not flex:
            continue
        benefit = assumptions.monthly_benefit(scheme)
        weight = full + flex * assumptions.flexjob_share
        saving = (assumptions.months_saved * benefit * weight).quantize(_CENT, rounding=ROUND_HALF_UP)
        lines.append(CaseLine(scheme, full, flex, benefit, saving))
    return BusinessCase(assumptions, tuple(lines), Decimal(price_paid))
