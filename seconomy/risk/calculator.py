"""The diversification calculator: how much more income from others brings one payer below a share.

The formula (README "Concentration risk: definitions"), with a = the payer's income in the window,
T = total income, t = the target share and Σaᵢ² over all payers:
- the payer's share falls below t once the others bring in more: a / (T + X) < t  ⇔  X > a/t − T;
  the calculator gives the smallest whole-krone X, i.e. X = ⌊a/t − T⌋ + 1 kr. (0 when a/T < t already);
- the payer's share afterwards is a / (T + X);
- the HHI afterwards depends on who brings X:
  * new payers, each too small to matter:  HHI' = 10 000 · Σaᵢ² / (T + X)²  (= HHI · (T / (T + X))², the lowest),
  * one single new payer:                 HHI' + 10 000 · X² / (T + X)²  (the highest),
  * the other current payers, growing in proportion (k = (T − a + X) / (T − a)):
                                          10 000 · (a² + k² · (Σaᵢ² − a²)) / (T + X)².
The sums come from DuckDB in whole øre; the arithmetic on those few totals is exact (fractions), one
float at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

import duckdb
import pandas as pd

from seconomy.risk.groups import grouped_cte
from seconomy.window import Window

_SQL = """WITH {grouped},
pos AS (SELECT key, code, (amount * 100)::HUGEINT AS ore FROM grp WHERE amount > 0)
SELECT sum(ore), sum(ore * ore), sum(ore) FILTER (WHERE key = $key AND code IS NOT DISTINCT FROM $code) FROM pos"""


@dataclass(frozen=True)
class Diversification:
    key: str
    threshold: float
    amount: Decimal  # the payer's income in the window
    total: Decimal
    share_before: float
    extra: Decimal  # income needed from others, whole kroner
    share_after: float
    hhi_before: float
    hhi_new_small_payers: float
    hhi_one_new_payer: float
    hhi_others_grow: float | None  # None when the payer is the only one


def diversify(con: duckdb.DuckDBPyConnection, window: Window, key: str, threshold: float,
              code: int | None = None) -> Diversification | None:
    """What it takes to bring payer ``key`` (with municipality ``code``, if municipal) below ``threshold``.

    None when the payer has no income in the window.
    """
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be a share between 0 and 1, not {threshold}")
    total_ore, sum_sq, payer_ore = con.execute(
        _SQL.format(grouped=grouped_cte("payer")),
        {"start": window.start, "end": window.end, "key": key, "code": None if code is None else int(code)},
    ).fetchall()[0]
    if not payer_ore:
        return None
    a, total, sq = Fraction(int(payer_ore), 100), Fraction(int(total_ore), 100), Fraction(int(sum_sq), 10_000)
    t = Fraction(Decimal(str(threshold)))
    needed = a / t - total
    extra = Fraction(math.floor(needed) + 1) if needed >= 0 else Fraction(0)
    after = total + extra
    others, others_sq = total - a, sq - a * a
    k = (others + extra) / others if others else None
    return Diversification(
        key=key, threshold=threshold, amount=_money(a), total=_money(total), share_before=float(a / total),
        extra=_money(extra), share_after=float(a / after), hhi_before=float(10_000 * sq / total**2),
        hhi_new_small_payers=float(10_000 * sq / after**2),
        hhi_one_new_payer=float(10_000 * (sq + extra**2) / after**2),
        hhi_others_grow=float(10_000 * (a * a + k * k * others_sq) / after**2) if k is not None else None,
    )


def payer_options(groups: pd.DataFrame) -> list[tuple[str, int | None]]:
    """(key, municipality code or None) of each payer in a concentration's groups, largest first."""
    return [(str(k), None if pd.isna(c) else int(c)) for k, c in zip(groups["key"], groups["municipality_code"], strict=True)]


def _money(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
