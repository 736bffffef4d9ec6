"""Concentration of income in one window: shares, HHI, effective number, top-1/top-3, level, flags.

Definitions (README "Concentration risk: definitions"):
- share = net amount of the group in the window / total net income in the window;
- HHI = Σ (100 · share)², 0–10 000; effective number = 10 000 / HHI; top-1 and top-3 shares;
- level: HHI below ``hhi_moderate`` low, up to ``hhi_high`` moderate, above it high (settings);
- a group at ≥ ``major_share`` is a major customer, at ≥ ``critical_share`` critical.
- by municipality: share is still of total income; ``share_of_municipal`` is of municipal income, and
  the HHI (with effective number and level) is taken WITHIN municipal income.

Groups with no income in the window are left out: a group whose net is ≤ 0 (credit notes at least
equal to its sales) is in neither the groups, the total nor the HHI, so the shares always sum to 1 and
the HHI stays within [10 000 / n, 10 000]. Such groups are counted in ``left_out``/``left_out_amount``.

Everything is one DuckDB statement. The HHI is computed exactly in integer øre (HUGEINT) —
10 000 · Σ aᵢ² / (Σ aᵢ)² — and only the final quotient is a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import duckdb
import pandas as pd

from seconomy.risk.groups import check_by, grouped_cte
from seconomy.settings import get_settings
from seconomy.window import Window

GROUP_COLUMNS = ("key", "municipality_code", "amount", "share", "share_of_scope", "cumulative_share", "major", "critical")

_SQL = """WITH {grouped},
t AS (SELECT sum(amount) FILTER (WHERE amount > 0) AS total, sum(amount) AS net_total,
             sum(amount) FILTER (WHERE amount > 0 AND in_scope) AS scope_total,
             sum((amount * 100)::HUGEINT) FILTER (WHERE amount > 0 AND in_scope) AS scope_ore,
             sum((amount * 100)::HUGEINT * (amount * 100)::HUGEINT) FILTER (WHERE amount > 0 AND in_scope) AS scope_sq,
             count(*) FILTER (WHERE amount < 0 AND in_scope) AS left_out,
             sum(amount) FILTER (WHERE amount < 0 AND in_scope) AS left_out_amount
      FROM grp),
f AS (SELECT *, 10000 * scope_sq / (scope_ore * scope_ore) AS hhi FROM t)
SELECT g.key, g.code, g.amount::DOUBLE, g.amount / f.total, g.amount / f.scope_total,
       sum(CASE WHEN g.amount > 0 THEN g.amount END) OVER (ORDER BY g.amount DESC, g.key, g.code ROWS UNBOUNDED PRECEDING)
           / f.total,
       g.amount / f.total >= $major, g.amount / f.total >= $critical,
       coalesce(f.total, 0), coalesce(f.scope_total, 0), f.hhi, 10000 / f.hhi,
       CASE WHEN f.hhi < $moderate THEN 'low' WHEN f.hhi <= $high THEN 'moderate' WHEN f.hhi > $high THEN 'high' END,
       f.left_out, coalesce(f.left_out_amount, 0), coalesce(f.net_total, 0), g.amount
FROM f LEFT JOIN grp g ON g.in_scope AND g.amount <> 0
ORDER BY g.amount DESC, g.key, g.code"""  # the groups with a negative net come last; Python lists them apart


@dataclass(frozen=True)
class Thresholds:
    """The settings the level and flags were computed with (shown as lines and bands in the charts)."""

    hhi_moderate: float = 1500.0
    hhi_high: float = 2500.0
    major_share: float = 0.10
    critical_share: float = 0.25

    @classmethod
    def from_settings(cls, settings: dict[str, object]) -> Thresholds:
        return cls(float(settings["hhi_moderate"]), float(settings["hhi_high"]), float(settings["major_share"]),
                   float(settings["critical_share"]))


@dataclass(frozen=True)
class Concentration:
    """The concentration of one window's income under one grouping."""

    window: Window
    by: str
    total: Decimal  # the window's income: every entry, a payer with a negative net included
    hhi: float | None  # None when there is no income in scope
    effective_number: float | None
    top1_share: float | None
    top3_share: float | None
    level: str | None  # 'low' | 'moderate' | 'high'
    groups: pd.DataFrame  # GROUP_COLUMNS, largest first
    scope_total: Decimal  # municipal income for by="municipality", else = total
    left_out: int = 0  # groups with a negative net in the window
    left_out_amount: Decimal = Decimal("0.00")
    thresholds: Thresholds = field(default_factory=lambda: Thresholds())
    share_total: Decimal = Decimal("0.00")  # the income of the groups with income: the shares' denominator

    @property
    def municipal_share(self) -> float | None:
        """Municipal income / the income the shares are of (meaningful for by="municipality")."""
        return float(self.scope_total / self.share_total) if self.share_total else None

    @property
    def left_out_groups(self) -> pd.DataFrame:
        """The groups with a negative net, listed apart (they count in the total, not in the shares)."""
        return self._left_out if self._left_out is not None else pd.DataFrame(columns=["key", "municipality_code", "amount"])

    _left_out: pd.DataFrame | None = None


def concentration(con: duckdb.DuckDBPyConnection, window: Window, by: str = "payer") -> Concentration:
    """Shares, HHI, effective number, top-1/top-3 and level of the window's income grouped ``by``."""
    limits = Thresholds.from_settings(get_settings(con))
    params = {"start": window.start, "end": window.end, "moderate": limits.hhi_moderate, "high": limits.hhi_high,
              "major": limits.major_share, "critical": limits.critical_share}
    grouped = grouped_cte(check_by(by))
    rows = con.execute(_SQL.format(grouped=grouped), params).fetchall()
    positive, scope_total, hhi, effective, level, left_out, left_out_amount, net = rows[0][8:16]  # totals, on every row
    groups = pd.DataFrame([r[:8] for r in rows if r[2] is not None and r[2] > 0], columns=list(GROUP_COLUMNS))
    groups["municipality_code"] = groups["municipality_code"].astype("Int16")
    top1 = float(groups["share"].iloc[0]) if len(groups) else None
    top3 = float(groups["cumulative_share"].iloc[min(3, len(groups)) - 1]) if len(groups) else None
    negative = pd.DataFrame(sorted(((r[0], r[1], r[16]) for r in rows if r[2] is not None and r[2] < 0),
                                   key=lambda r: (r[2], r[0])), columns=["key", "municipality_code", "amount"])
    negative["municipality_code"] = negative["municipality_code"].astype("Int16")
    return Concentration(window, by, Decimal(net), hhi, effective, top1, top3, level, groups, Decimal(scope_total),
                         int(left_out), Decimal(left_out_amount), limits, Decimal(positive), negative)


@dataclass(frozen=True)
class AmountConcentration:
    """The same measures as ``concentration``, of amounts given per key (e.g. a forecast year's income per payer)."""

    total: Decimal  # of the keys with a positive amount (the shares' denominator)
    hhi: float | None
    effective_number: float | None
    top1_share: float | None
    top3_share: float | None
    level: str | None
    shares: dict[str, float]  # key -> share, largest first (keys with no positive amount left out)


def level_of(hhi: float | None, limits: Thresholds) -> str | None:
    """'low', 'moderate' or 'high' for an HHI, by the bands of the settings (as the SQL does it)."""
    if hhi is None:
        return None
    return "low" if hhi < limits.hhi_moderate else "moderate" if hhi <= limits.hhi_high else "high"


def concentration_of_amounts(amounts: Mapping[str, Decimal], thresholds: Thresholds | None = None) -> AmountConcentration:
    """Shares, HHI, effective number, top-1/top-3 and level of ``amounts`` (kroner per key), by the rules of
    ``concentration``: keys with no positive amount are left out, the HHI is 10 000 · Σ aᵢ² / (Σ aᵢ)² on whole øre,
    with one division at the end. Used where the amounts are not entries in the database (forecasts, what-ifs)."""
    limits = thresholds or Thresholds()
    ore = {key: int(Decimal(amount) * 100) for key, amount in amounts.items()}
    kept = sorted(((k, a) for k, a in ore.items() if a > 0), key=lambda item: (-item[1], item[0]))
    total = sum(a for _, a in kept)
    if not total:
        return AmountConcentration(Decimal("0.00"), None, None, None, None, None, {})
    hhi = float(Fraction(10000 * sum(a * a for _, a in kept), total * total))
    shares = {k: a / total for k, a in kept}
    top3 = sum(a for _, a in kept[:3]) / total
    total_kr = (Decimal(total) / 100).quantize(Decimal("0.01"))
    return AmountConcentration(total_kr, hhi, 10000 / hhi, kept[0][1] / total, top3, level_of(hhi, limits), shares)


def as_json(result: Concentration) -> dict[str, object]:
    """The CLI's JSON object: shares and HHI unrounded, amounts in DKK with two decimals."""
    municipal = result.by == "municipality"
    groups = []
    for row in result.groups.itertuples(index=False):
        code = None if pd.isna(row.municipality_code) else int(row.municipality_code)
        group = {"key": row.key, "municipality_code": code, "amount_dkk": _dkk(row.amount), "share": float(row.share)}
        if municipal:
            group["share_of_municipal"] = float(row.share_of_scope)
        groups.append(group)
    out: dict[str, object] = {
        "from": result.window.start.isoformat(), "to": result.window.end.isoformat(), "by": result.by,
        "total_dkk": _dkk(result.total), "hhi": result.hhi, "effective_number": result.effective_number,
        "top1_share": result.top1_share, "top3_share": result.top3_share, "level": result.level,
    }
    if municipal:
        out["municipal_share"] = result.municipal_share
    out["groups"] = groups
    out["shares_total_dkk"] = _dkk(result.share_total)
    out["left_out"] = [{"key": r.key, "municipality_code": None if pd.isna(r.municipality_code) else int(r.municipality_code),
                        "amount_dkk": _dkk(r.amount)} for r in result.left_out_groups.itertuples(index=False)]
    return out


def empty_json(by: str, window: Window | None) -> dict[str, object]:
    """The JSON object for a database without income (no window to speak of)."""
    out: dict[str, object] = {"from": _iso(window and window.start), "to": _iso(window and window.end), "by": by,
                              "total_dkk": 0.0, "hhi": None, "effective_number": None, "top1_share": None,
                              "top3_share": None, "level": None}
    if by == "municipality":
        out["municipal_share"] = None
    out["groups"] = []
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _dkk(value: object) -> float:
    """Two decimals, from the exact decimal text (a DOUBLE of a DECIMAL(…,2) prints back exactly)."""
    return float(Decimal(str(value)).quantize(Decimal("0.01")))
