"""The exact probability distribution of the pipeline's total: independent applications, no sampling.

Each open application i is granted with probability pᵢ, independently, and then brings aᵢ øre in the
year; the total T = Σ Bernoulli(pᵢ) · aᵢ. Its distribution is computed exactly (up to floating-point
rounding of the probabilities), three ways, whichever is cheapest:

* **grid** — dynamic programming over amounts in whole øre on a grid whose step is the greatest common
  divisor of the amounts (numpy): one pass per application, P(T = k·g) for every reachable k. Round
  amounts (250.000 kr., 400.000 kr.) give a coarse grid, so dozens of applications take milliseconds.
* **sparse** — the distinct reachable sums and their probabilities, merged application by application
  (used when 2ⁿ is smaller than the grid, or the grid would be too large).
* **split** — when even the distinct sums of all applications would be too many (25 applications with
  unrelated amounts can reach 2²⁵ sums), the applications are split into two halves, each half's
  distribution is computed exactly, and probabilities of the total are combined exactly from the two:
  P(T ≥ x) = Σₐ P(A = a) · P(B ≥ x − a). Nothing is approximated; only the chart samples the curve.

P(the gap is covered) = P(T ≥ gap). A gap of zero or less (a surplus) is covered with probability 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, reduce

import numpy as np

GRID_LIMIT = 4_000_000  # cells of one dense grid
SUPPORT_LIMIT = 1 << 21  # distinct sums of one exact part (a 2 M-entry array: 32 MB)


class TooLarge(ValueError):
    """The distribution has too many distinct sums to be held exactly."""


@dataclass(frozen=True)
class Exact:
    """One exact distribution: distinct sums (øre, ascending), their probabilities, and P(T ≥ sum)."""

    sums: np.ndarray  # int64
    probs: np.ndarray  # float64
    method: str  # 'grid' or 'sparse'

    @cached_property
    def survival(self) -> np.ndarray:
        """P(T ≥ sums[k]) for each k, with a trailing 0 (P(T ≥ anything above the maximum)); computed once."""
        return np.append(np.cumsum(self.probs[::-1])[::-1], 0.0)

    def at_least(self, thresholds: np.ndarray) -> np.ndarray:
        """P(T ≥ x) for each x (vectorised)."""
        return self.survival[np.searchsorted(self.sums, thresholds, side="left")]


def _point() -> Exact:
    return Exact(np.zeros(1, dtype=np.int64), np.ones(1), "sparse")


def _grid(amounts: Sequence[int], probs: Sequence[float]) -> Exact:
    step = reduce(math.gcd, amounts)
    units = [a // step for a in amounts]
    dp = np.zeros(sum(units) + 1)
    dp[0] = 1.0
    reach = 0
    for u, p in zip(units, probs, strict=True):
        head = dp[: reach + 1].copy()
        dp[: reach + 1] *= 1.0 - p
        dp[u: u + reach + 1] += head * p
        reach += u
    support = np.flatnonzero(dp)
    return Exact(support.astype(np.int64) * step, dp[support], "grid")


def _sparse(amounts: Sequence[int], probs: Sequence[float], limit: int) -> Exact:
    sums, weights = np.zeros(1, dtype=np.int64), np.ones(1)
    for a, p in zip(amounts, probs, strict=True):
        merged = np.concatenate([sums, sums + a])
        both = np.concatenate([weights * (1.0 - p), weights * p])
        sums, inverse = np.unique(merged, return_inverse=True)
        if len(sums) > limit:
            raise TooLarge(f"more than {limit} distinct sums")
        weights = np.bincount(inverse, weights=both, minlength=len(sums))
    keep = weights > 0
    return Exact(sums[keep], weights[keep], "sparse")


def _cells(amounts: Sequence[int], probs: Sequence[float]) -> int:
    """Cells of the gcd grid of the amounts that count (positive amount and probability)."""
    counted = [int(a) for a, p in zip(amounts, probs, strict=True) if a > 0 and p > 0]
    return sum(counted) // reduce(math.gcd, counted) + 1 if counted else 1


def exact(amounts: Sequence[int], probs: Sequence[float], limit: int = SUPPORT_LIMIT) -> Exact:
    """The exact distribution of Σ Bernoulli(pᵢ)·aᵢ (aᵢ whole øre ≥ 0); TooLarge if it cannot be held in one part."""
    items = [(int(a), float(p)) for a, p in zip(amounts, probs, strict=True) if a > 0 and p > 0]
    if not items:
        return _point()
    amounts, probs = [a for a, _ in items], [p for _, p in items]
    cells = sum(amounts) // reduce(math.gcd, amounts) + 1
    if len(items) < 63 and 2 ** len(items) < cells:
        return _sparse(amounts, probs, limit)
    if cells <= GRID_LIMIT:
        return _grid(amounts, probs)
    return _sparse(amounts, probs, limit)


@dataclass(frozen=True)
class Distribution:
    """The pipeline total's distribution: one exact part, or two independent exact parts whose sum it is."""

    parts: tuple[Exact, ...]

    @property
    def method(self) -> str:
        return "split" if len(self.parts) > 1 else self.parts[0].method

    @property
    def low(self) -> int:
        return int(sum(part.sums[0] for part in self.parts))

    @property
    def high(self) -> int:
        return int(sum(part.sums[-1] for part in self.parts))

    @property
    def mean(self) -> float:
        return float(sum(float(part.sums @ part.probs) for part in self.parts))

    @property
    def support_size(self) -> int:
        """Distinct sums held (for two parts: the sizes multiplied, an upper bound of the total's)."""
        return math.prod(len(part.sums) for part in self.parts)

    def at_least(self, thresholds: Sequence[float] | np.ndarray) -> np.ndarray:
        """P(T ≥ x) for each threshold x (øre), exactly."""
        x = np.asarray(thresholds, dtype=np.float64)
        if len(self.parts) == 1:
            out = self.parts[0].at_least(x)
        else:
            small, large = sorted(self.parts, key=lambda p: len(p.sums))
            out = np.array([float(small.probs @ large.at_least(t - small.sums)) for t in x.ravel()]).reshape(x.shape)
        return np.clip(out, 0.0, 1.0)

    def p_cover(self, gap_ore: int) -> float:
        """P(T ≥ gap): the chance the pipeline covers the gap (1 for no gap or a surplus)."""
        return 1.0 if gap_ore <= 0 else float(self.at_least([gap_ore])[0])

    def curve(self, points: int = 300) -> tuple[np.ndarray, np.ndarray]:
        """(x in øre, P(T ≥ x)) for a step chart: every distinct sum when there are few, else ``points`` samples."""
        if len(self.parts) == 1 and len(self.parts[0].sums) <= points:
            part = self.parts[0]
            return part.sums.astype(np.float64), np.clip(part.survival[:-1], 0.0, 1.0)
        if len(self.parts) > 1:  # each point costs a pass over the smaller half
            points = max(40, min(points, 4_000_000 // min(len(p.sums) for p in self.parts)))
        x = np.unique(np.linspace(self.low, self.high, points).round())
        return x, self.at_least(x)


def distribution(amounts: Sequence[int], probs: Sequence[float], limit: int = SUPPORT_LIMIT) -> Distribution:
    """The exact distribution of the total of independent applications (amounts in øre, probabilities 0–1).

    Raises TooLarge only when even two halves each have more than ``limit`` distinct sums (beyond ~40
    applications with unrelated amounts to the øre).
    """
    n = sum(1 for a, q in zip(amounts, probs, strict=True) if a > 0 and q > 0)
    if n < 2 or 2 ** n <= limit or _cells(amounts, probs) <= GRID_LIMIT:
        return Distribution((exact(amounts, probs, limit),))
    order = sorted(range(len(amounts)), key=lambda i: -amounts[i])
    halves = (order[0::2], order[1::2])
    return Distribution(tuple(exact([amounts[i] for i in half], [probs[i] for i in half], limit) for half in halves))
