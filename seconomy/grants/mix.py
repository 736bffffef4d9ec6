"""Choosing the mix: the smallest set of open applications whose chance of covering the gap reaches a target.

*Smallest* means the least total effort (hours left) when every open application has its effort
entered, else the fewest applications; among equally small sets the one with the higher P(cover)
wins, then the one with fewer applications, then the one with the lower ids. Applications the user marks "if we win this" count as certain
(p = 1) and are always in the mix.

Why an exact search is feasible: P(cover) only grows when an application is added (a larger set's
total is at least the smaller set's in every outcome). So a depth-first branch and bound over the
applications (each subset once, in a fixed order) can drop every branch whose best possible completion
— the branch plus *all* applications still to come, or plus the largest amounts the remaining budget of
effort or count allows — cannot reach the target. A greedy answer found first bounds the budget.
Up to ``EXACT_LIMIT`` (20) applications the answer is exact (``method = "exact"``); above, or if the
search would visit more than ``NODE_LIMIT`` branches, it is the greedy answer (``method = "heuristic"``),
labelled so. If no set reaches the target, all applications are the best set (the largest P(cover)).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from seconomy.grants.amounts import Candidate
from seconomy.grants.distribution import SUPPORT_LIMIT, Distribution, Exact, _point, distribution

EXACT_LIMIT = 20
NODE_LIMIT = 400_000
TOLERANCE = 1e-12  # probabilities closer than this are equal (floating-point rounding of the same value)


@dataclass(frozen=True)
class Mix:
    """The chosen applications and what they achieve."""

    ids: tuple[int, ...]  # ascending
    p_cover: float
    target: float
    reached: bool
    method: str  # 'exact' or 'heuristic'
    objective: str  # 'effort' or 'count'
    effort_hours: Decimal | None  # total effort of the chosen set (None when not every one has effort entered)
    nodes: int = 0  # branches the exact search visited


@dataclass(frozen=True)
class _Item:
    id: int
    amount: int  # øre in the year
    p: float
    cost: int  # hundredths of an hour, or 1 per application


def _add(dist: Exact, item: _Item) -> Exact:
    """The distribution with one more independent application."""
    merged = np.concatenate([dist.sums, dist.sums + item.amount])
    weights = np.concatenate([dist.probs * (1.0 - item.p), dist.probs * item.p])
    sums, inverse = np.unique(merged, return_inverse=True)
    return Exact(sums, np.bincount(inverse, weights=weights, minlength=len(sums)), "sparse")


def _p_items(items: Sequence[_Item], gap: int) -> float:
    return distribution([i.amount for i in items], [i.p for i in items]).p_cover(gap)


def _better(cost: int, p: float, ids: tuple[int, ...], best: tuple[int, float, tuple[int, ...]] | None) -> bool:
    if best is None:
        return True
    if cost != best[0]:
        return cost < best[0]
    if abs(p - best[1]) > TOLERANCE:
        return p > best[1]
    if len(ids) != len(best[2]):
        return len(ids) < len(best[2])
    return ids < best[2]


class _Running:
    """The distribution of a growing set: merged one application at a time while small, else recomputed exactly."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.dist: Exact | Distribution = _point()

    def add(self, item: _Item) -> None:
        self.items.append(item)
        if isinstance(self.dist, Exact) and len(self.dist.sums) <= SUPPORT_LIMIT // 2:
            self.dist = _add(self.dist, item)
        else:
            self.dist = distribution([i.amount for i in self.items], [i.p for i in self.items])

    def at_least(self, x: float) -> float:
        return float(self.dist.at_least(np.array([x]))[0])

    def with_one(self, item: _Item, gap: int) -> float:
        """P(cover) with ``item`` added: (1 − p)·P(T ≥ gap) + p·P(T ≥ gap − a)."""
        return (1.0 - item.p) * self.at_least(gap) + item.p * self.at_least(gap - item.amount)


def _score(running: _Running, item: _Item, gap: int) -> tuple[float, float, int]:
    """The greedy step's preference: gain in P(cover) per unit of cost (free applications first), then the
    expected share of the gap (which separates applications when no single one helps yet), then the lower id."""
    gain = running.with_one(item, gap) - running.at_least(gap)
    expected = item.p * min(item.amount, gap) / gap
    if not item.cost:
        return math.inf, gain + expected, -item.id
    return gain / item.cost, expected / item.cost, -item.id


def _greedy(items: Sequence[_Item], gap: int, target: float) -> list[_Item]:
    """Add the application with the largest gain in P(cover) per unit of cost until the target is reached,
    then drop any application the set can do without (most costly first)."""
    running = _Running()
    rest = list(items)
    while rest and running.at_least(gap) < target - TOLERANCE:
        best = max(rest, key=lambda item: _score(running, item, gap))
        running.add(best)
        rest.remove(best)
    chosen = list(running.items)
    for item in sorted(chosen, key=lambda i: (-i.cost, -i.id)):
        without = [i for i in chosen if i is not item]
        if _p_items(without, gap) >= target - TOLERANCE:
            chosen = without
    return chosen


class _Search:
    """Depth-first branch and bound over subsets of ``items`` (in their order), keeping the best set found.

    A branch is a set S of items[:j]; its completions add items from items[j:]. Three upper bounds on the
    P(cover) of any completion within a cost budget, the smallest of which is used:
    all the rest (monotonicity); the budget's largest amounts as if certain; and the budget's number of
    slots each filled by the largest amount with the largest probability of the rest (each application is
    stochastically below that, so their total is too). A branch whose bound is below the target is dropped;
    one that could at best tie the best set's P(cover) at its cost, and not win the tie on size or ids,
    only searches for strictly cheaper completions.
    """

    def __init__(self, items: Sequence[_Item], gap: int, target: float, effort: bool, start: list[_Item]):
        self.items, self.gap, self.target, self.effort = list(items), gap, target, effort
        self.suffix = self._suffixes()
        self.nodes = 0
        self.best = (sum(i.cost for i in start), _p_items(start, gap), tuple(sorted(i.id for i in start)))

    def _suffixes(self) -> list[Exact]:
        """The distribution of items[j:] for every j (the 'all the rest' bound)."""
        out = [_point()]
        for item in reversed(self.items):
            out.append(_add(out[-1], item))
        return out[::-1]

    def _slots(self, rest: Sequence[_Item], budget: int) -> int:
        """How many of ``rest`` fit in ``budget`` at most (the cheapest first)."""
        if not self.effort:
            return min(budget, len(rest))
        count, left = 0, budget
        for cost in sorted(i.cost for i in rest):
            if cost > left:
                break
            count, left = count + 1, left - cost
        return count

    def _room(self, rest: Sequence[_Item], budget: int) -> float:
        """The most øre ``rest`` can add within ``budget`` (count: the largest ones; effort: fractional knapsack)."""
        if not self.effort:
            return float(sum(sorted((i.amount for i in rest), reverse=True)[:budget]))
        room, left = 0.0, float(budget)
        for item in sorted(rest, key=lambda i: -(i.amount / i.cost) if i.cost else -math.inf):
            take = 1.0 if item.cost <= left else left / item.cost
            room, left = room + take * item.amount, left - take * item.cost
            if left <= 0 and item.cost:
                break
        return room

    def _bound(self, dist: Exact, j: int, budget: int) -> float:
        """The highest P(cover) a completion of the branch (``dist``) with items[j:] can reach within ``budget``."""
        if budget < 0:
            return 0.0
        rest = self.items[j:]
        bounds = [float(dist.probs @ self.suffix[j].at_least(self.gap - dist.sums)),
                  float(dist.at_least(np.array([self.gap - self._room(rest, budget)]))[0])]
        slots = self._slots(rest, budget)
        if slots and rest:
            a, p = max(i.amount for i in rest), max(i.p for i in rest)
            k = np.arange(slots + 1)
            pmf = np.array([math.comb(slots, int(n)) for n in k]) * p ** k * (1.0 - p) ** (slots - k)
            bounds.append(float(pmf @ dist.at_least(self.gap - k * a)))
        elif not rest or not slots:
            bounds.append(float(dist.at_least(np.array([self.gap]))[0]))
        return min(bounds)

    def _fewest(self, j: int, budget: int) -> int:
        """The fewest items of items[j:] whose efforts can add up to ``budget`` (the largest first: a lower bound)."""
        total, count = 0, 0
        for cost in sorted((i.cost for i in self.items[j:]), reverse=True):
            if total >= budget:
                break
            total, count = total + cost, count + 1
        return count

    def _may_win_tie(self, ids: tuple[int, ...], j: int, cost: int) -> bool:
        """Whether a completion of ``ids`` (adding items[j:]) at the best cost could win the tie with the best set:
        fewer applications, or as many with lower ids (the smallest sorted id tuple it can reach)."""
        best_ids = self.best[2]
        if self.effort and len(ids) + self._fewest(j, self.best[0] - cost) < len(best_ids):
            return True  # a shorter set of the same effort may still be possible
        missing = len(best_ids) - len(ids)
        if missing < 0:
            return False
        smallest = tuple(sorted((*ids, *sorted(i.id for i in self.items[j:])[:missing])))
        return len(smallest) == len(best_ids) and smallest < best_ids

    def _worth(self, child: Exact, ids: tuple[int, ...], j: int, cost: int) -> bool:
        budget = self.best[0] - cost
        bound = self._bound(child, j, budget)
        if bound < self.target - TOLERANCE:
            return False
        could_tie_only = bound <= self.best[1] + TOLERANCE
        if bound < self.best[1] - TOLERANCE or (could_tie_only and not self._may_win_tie(ids, j, cost)):
            return self._bound(child, j, budget - 1) >= self.target - TOLERANCE  # only a cheaper set can win
        return True

    def run(self, j: int = 0, chosen: tuple[int, ...] = (), dist: Exact | None = None, cost: int = 0) -> None:
        self.nodes += 1
        if self.nodes > NODE_LIMIT:
            raise _Exhausted
        dist = dist if dist is not None else _point()
        p = float(dist.at_least(np.array([self.gap]))[0])
        if p >= self.target - TOLERANCE and _better(cost, p, tuple(sorted(chosen)), self.best):
            self.best = (cost, p, tuple(sorted(chosen)))
        for i in range(j, len(self.items)):
            item = self.items[i]
            new_cost = cost + item.cost
            if new_cost > self.best[0]:
                continue
            child = _add(dist, item)
            if self._worth(child, (*chosen, item.id), i + 1, new_cost):
                self.run(i + 1, (*chosen, item.id), child, new_cost)


class _Exhausted(Exception):
    """The exact search visited more branches than NODE_LIMIT."""


def _effort(chosen: Sequence[Candidate]) -> Decimal | None:
    if any(c.effort_hours is None for c in chosen):
        return None
    return sum((c.effort_hours for c in chosen), Decimal(0))


def choose(candidates: Sequence[Candidate], gap_ore: int, target: float) -> Mix:
    """The smallest set of ``candidates`` (with the won ones) whose P(total ≥ gap) reaches ``target``."""
    won = [c for c in candidates if c.won]
    pool = [c for c in candidates if not c.won and c.year_ore > 0 and c.p > 0]
    effort = bool(candidates) and all(c.effort_hours is not None for c in candidates)
    objective = "effort" if effort else "count"
    gap = gap_ore - sum(c.year_ore for c in won)  # the won ones bring their amounts for certain
    items = [_Item(c.id, c.year_ore, c.p, int(c.effort_hours * 100) if effort else 1) for c in pool]
    by_id = {c.id: c for c in candidates}

    def result(ids: Sequence[int], method: str, nodes: int = 0) -> Mix:
        chosen = sorted({*(c.id for c in won), *ids})
        p = 1.0 if gap <= 0 else _p_items([i for i in items if i.id in set(ids)], gap)
        return Mix(tuple(chosen), p, target, p >= target - TOLERANCE, method, objective,
                   _effort([by_id[i] for i in chosen]), nodes)

    if gap <= 0:
        return result([], "exact")
    if _p_items(items, gap) < target - TOLERANCE:  # not even all of them: the best set is all of them
        return result([i.id for i in items], "exact")
    order = sorted(items, key=lambda i: (-(i.p * min(i.amount, gap)) / max(i.cost, 1), i.id))
    greedy = _greedy(order, gap, target)
    if len(items) > EXACT_LIMIT:
        return result([i.id for i in greedy], "heuristic")
    search = _Search(order, gap, target, effort, greedy)
    try:
        search.run()
    except _Exhausted:
        return result(list(search.best[2]), "heuristic", search.nodes)
    return result(list(search.best[2]), "exact", search.nodes)
