"""Applying a scenario to the baseline, and evaluating income, costs, result and cash per month.

Order of application (documented in the README and tested):
  1. the baseline lines (agreements, renewals, pending applications, run rates);
  2. the income shocks, one by one in the order listed, each on the result of those before it —
     so two −50 % shocks leave 25 %, and a shock listed after a cut works on the cut amount;
     a shock naming a pending application first grants it ("what if granted": it counts in full);
  3. the lines weighted: *contracted* (in force, certain renewals, run rates) or *expected* (renewals and
     pending applications by their probability);
  4. variable costs, as their share of the scenario income of their stream in each month;
  5. the cost changes, in the order listed;
  6. result = income − costs; cash = the rolled-forward cash plus each month's cash flow (payment terms, VAT).
Relative changes round to whole øre per line and month; amounts are spread over the matched lines
in proportion to their income that month, never taking a line below zero. Every shock must match: one whose
target matches nothing is refused with the closest names; a shock that brings income from someone new says so
with ``"new": true``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from seconomy.errors import ScenarioError
from seconomy.forecast import Baseline, CostOp, cost_lines, round_ore
from seconomy.forecast.cash import cash_flows, cash_path
from seconomy.forecast.months import month_text
from seconomy.municipalities import closest_names, resolve, short_name
from seconomy.scenarios.spec import ANY_MUNICIPALITY, CostShock, Shock, Spec
from seconomy.streams import STREAMS
from seconomy.text import fold


@dataclass(frozen=True)
class Applied:
    """Income lines after the shocks, their weights in the contracted and expected forecast, the cost changes."""

    lines: pd.DataFrame
    amounts: np.ndarray  # lines × months, øre
    contracted: np.ndarray  # weight per line in the contracted forecast (0 or 1)
    expected: np.ndarray  # weight per line in the expected forecast (0 … 1)
    cost_ops: tuple[CostOp, ...]
    cost_labels: tuple[str, ...]  # one per added cost line

    @property
    def active(self) -> np.ndarray:
        """Lines that count for something in the expected forecast."""
        return self.expected > 0

    def weights(self, kind: str) -> np.ndarray:
        return self.contracted if kind == "contracted" else self.expected


@dataclass(frozen=True)
class Figures:
    """Deterministic monthly figures over all forecast months (øre), for one weighting of the lines."""

    income_lines: np.ndarray  # lines × months (weighted)
    income_by_stream: np.ndarray  # streams × months
    cost_lines: np.ndarray  # cost lines (+ added) × months
    income: np.ndarray
    costs: np.ndarray
    result: np.ndarray
    flow: np.ndarray  # the month's net cash flow
    cash: np.ndarray


def _where(shock: Shock) -> str:
    return f"shock ({_shown(shock)})"


def _shown(shock: Shock) -> str:
    """The shock as its fields say it ('payer: Gladsaxe, change: -1.0'), for a message in either language."""
    return ", ".join(f"{k}: {v}" for k, v in shock.to_dict().items())


def month_mask(baseline: Baseline, start, end) -> np.ndarray:
    """Months from ``start`` (default: the first reported month) to ``end`` (default: the last)."""
    months = np.array([m.toordinal() for m in baseline.months])
    first = (start or baseline.report_months[0]).toordinal()
    last = end.toordinal() if end else months[-1]
    return (months >= first) & (months <= last)


def match(lines: pd.DataFrame, shock: Shock) -> np.ndarray:
    """The lines a shock hits: every given criterion must hold (payer AND stream AND …)."""
    mask = np.ones(len(lines), dtype=bool)
    codes = lines["municipality_code"]
    if shock.payer is not None:
        code = resolve(shock.payer)
        by_key = lines["key"].map(lambda k: fold(str(k)) == fold(shock.payer)).to_numpy(dtype=bool)
        by_code = (codes == code).fillna(False).to_numpy(dtype=bool) if code is not None else False
        mask &= by_key | by_code
    if shock.municipality == ANY_MUNICIPALITY:
        mask &= codes.notna().to_numpy()
    elif shock.municipality_code is not None:
        mask &= (codes == shock.municipality_code).fillna(False).to_numpy(dtype=bool)
    if shock.stream is not None:
        mask &= (lines["stream"] == shock.stream).to_numpy()
    if shock.counterparty is not None:
        mask &= lines["counterparty"].map(lambda c: fold(str(c)) == fold(shock.counterparty)).to_numpy(dtype=bool)
    if shock.agreement is not None:
        mask &= (lines["agreement_id"] == shock.agreement).fillna(False).to_numpy(dtype=bool)
    return mask


def _new_line(shock: Shock) -> dict[str, object]:
    """The line that receives a ``"new": true`` amount: income from someone the forecast does not have yet."""
    code = shock.municipality_code if shock.municipality_code is not None else resolve(shock.payer) if shock.payer else None
    key = short_name(code) if code is not None else (shock.payer or shock.counterparty or shock.label or "Ny indtægt")
    return {"key": key, "municipality_code": code, "stream": shock.stream or "other",
            "counterparty": shock.counterparty or key, "agreement_id": None, "role": "added",
            "source": "scenario", "probability": 1.0, "basis": None, "lag": 0}


def _names(lines: pd.DataFrame, shock: Shock) -> list[str]:
    """The names a mistyped shock target was most likely meant to be (payers, counterparties, municipalities)."""
    wanted = shock.payer or shock.counterparty or shock.municipality or ""
    column = "counterparty" if shock.counterparty and not shock.payer else "key"
    known = sorted({str(v) for v in lines[column].dropna()})
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
    folded = {fold(k): k for k in known}
    close += [folded[f] for f in difflib.get_close_matches(fold(wanted), list(folded), n=3, cutoff=0.5) if folded[f] not in close]
    if shock.municipality and shock.municipality != ANY_MUNICIPALITY and not close:
        close = closest_names(shock.municipality)
    return close[:3]


def _check(baseline: Baseline, lines: pd.DataFrame, shock: Shock, mask: np.ndarray) -> None:
    if shock.agreement is not None and not mask.any():
        raise ScenarioError(f"{_where(shock)}: agreement {shock.agreement} is neither in force nor a pending application",
                            code="scenario.agreement_unknown", shock=_shown(shock), id=shock.agreement)
    if not mask.any() and not shock.new:
        close = _names(lines, shock)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ScenarioError(f"{_where(shock)}: matches no income in the forecast{hint} (payers are keyed as on the risk "
                            "page, e.g. 'København' for all of Copenhagen; to add income from someone new, give "
                            '"new": true and an amount)', code="scenario.no_match_close" if close else "scenario.no_match",
                            shock=_shown(shock), close=", ".join(close))
    if shock.new and (shock.amount is None or shock.amount <= 0):
        raise ScenarioError(f'{_where(shock)}: "new": true brings new income, so it needs a positive amount (kr. per month)',
                            code="scenario.new_needs_amount", shock=_shown(shock))
    if shock.end is not None and shock.end < baseline.months[0]:
        raise ScenarioError(f"{_where(shock)}: ends ({month_text(shock.end)}) before the forecast starts "
                            f"({month_text(baseline.months[0])})", code="scenario.ends_before", shock=_shown(shock),
                            end_month=shock.end, first_month=baseline.months[0])
    if shock.start is not None and shock.start > baseline.months[-1]:
        raise ScenarioError(f"{_where(shock)}: starts ({month_text(shock.start)}) after the forecast ends "
                            f"({month_text(baseline.months[-1])})", code="scenario.starts_after", shock=_shown(shock),
                            start_month=shock.start, last_month=baseline.months[-1])


def _apply_amount(amounts: np.ndarray, weight: np.ndarray, mask: np.ndarray, months: np.ndarray,
                  amount_ore: float, new_row: int | None) -> None:
    """Spread ``amount_ore`` per month over the matched lines that count, in proportion to their income."""
    hit = mask & (weight > 0)
    if new_row is not None:
        hit[new_row] = False
    for m in np.flatnonzero(months):
        part = amounts[hit, m]
        total = part.sum()
        if total > 0 and new_row is None:
            share = round_ore(part * (amount_ore / total)) if amount_ore > -total else -part
            amounts[hit, m] = np.maximum(part + share, 0.0)
        elif new_row is not None and amount_ore > 0:
            amounts[new_row, m] += amount_ore


def apply_income(baseline: Baseline, shocks: Sequence[Shock]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Income lines after ``shocks`` (in order): (lines, amounts, contracted weights, expected weights)."""
    lines = baseline.lines
    amounts = baseline.amounts.copy()
    contracted, expected = baseline.weights("contracted"), baseline.weights("expected")
    extra = [_new_line(s) for s in shocks if s.new]
    if extra:
        lines = pd.concat([lines, pd.DataFrame(extra).astype(lines.dtypes.to_dict())], ignore_index=True)
        amounts = np.vstack([amounts, np.zeros((len(extra), amounts.shape[1]))])
        contracted = np.concatenate([contracted, np.ones(len(extra))])
        expected = np.concatenate([expected, np.ones(len(extra))])
    next_new = len(baseline.lines)
    roles = lines["role"].to_numpy()
    for shock in shocks:
        mask = match(lines, shock)
        new_row = None
        if shock.new:
            new_row, next_new = next_new, next_new + 1
            mask[:] = False
        _check(baseline, lines, shock, mask | (np.arange(len(lines)) == new_row))
        if shock.agreement is not None:  # naming a pending application: what if it is granted
            granted = mask & (roles == "pending")
            contracted[granted], expected[granted] = 1.0, 1.0
        months = month_mask(baseline, shock.start, shock.end)
        if shock.change is not None:
            rows = np.flatnonzero(mask)
            part = amounts[rows]
            amounts[rows] = np.where(months, round_ore(part * (1.0 + shock.change)), part)
        else:
            _apply_amount(amounts, expected, mask, months, float(shock.amount) * 100, new_row)
    return lines, amounts, contracted, expected


def _cost_mask(baseline: Baseline, shock: CostShock) -> np.ndarray:
    meta = baseline.costs.meta
    mask = np.ones(len(meta), dtype=bool)
    if shock.category is not None:
        mask &= meta["category"].map(lambda c: fold(str(c)) == fold(shock.category)).to_numpy(dtype=bool)
    if shock.kind is not None:
        mask &= (meta["kind"] == shock.kind).to_numpy()
    if shock.stream is not None:
        mask &= (meta["stream"] == shock.stream).fillna(False).to_numpy(dtype=bool)
    return mask


def cost_ops(baseline: Baseline, shocks: Sequence[CostShock]) -> tuple[tuple[CostOp, ...], tuple[str, ...]]:
    """Cost changes as operations on the cost lines, and labels of the lines they add."""
    ops, labels = [], []
    for number, shock in enumerate(shocks, 1):
        months = month_mask(baseline, shock.start, shock.end)
        mask = _cost_mask(baseline, shock)
        if shock.amount is not None:
            ops.append(CostOp(mask, months, amount_ore=float(shock.amount) * 100))
            labels.append(shock.label or shock.category or f"cost change {number}")
            continue
        if not mask.any() and (shock.category or shock.kind or shock.stream):
            raise ScenarioError(f"cost change {number} ({shock.to_dict()}): matches no line of the costs table",
                                code="scenario.cost_no_match", number=number)
        ops.append(CostOp(mask, months, factor=1.0 + shock.change))
    return tuple(ops), tuple(labels)


def apply(baseline: Baseline, spec: Spec, n_income: int | None = None, n_costs: int | None = None) -> Applied:
    """The scenario's lines with the first ``n_income`` income and ``n_costs`` cost shocks (default all)."""
    shocks = spec.shocks[:n_income] if n_income is not None else spec.shocks
    costs = spec.costs[:n_costs] if n_costs is not None else spec.costs
    lines, amounts, contracted, expected = apply_income(baseline, shocks)
    ops, labels = cost_ops(baseline, costs)
    return Applied(lines, amounts, contracted, expected, ops, labels)


def stream_matrix(lines: pd.DataFrame) -> np.ndarray:
    """streams × lines indicator: income by stream = this @ line amounts."""
    index = lines["stream"].map(STREAMS.index).to_numpy(dtype=np.intp)
    matrix = np.zeros((len(STREAMS), len(lines)))
    matrix[index, np.arange(len(lines))] = 1.0
    return matrix


@dataclass(frozen=True)
class Groups:
    """Lines grouped by (stream, payment term): what the cash path needs (the Monte Carlo uses the same groups)."""

    of_line: np.ndarray  # group index per line
    stream: np.ndarray  # stream index per group
    lag: np.ndarray  # payment term in months per group
    vat: np.ndarray  # 1.0 when the group's stream is VAT-able

    def matrix(self) -> np.ndarray:
        """groups × lines indicator."""
        out = np.zeros((len(self.stream), len(self.of_line)))
        out[self.of_line, np.arange(len(self.of_line))] = 1.0
        return out


def groups(baseline: Baseline, lines: pd.DataFrame) -> Groups:
    pairs = list(zip(lines["stream"].map(STREAMS.index), lines["lag"].astype(int), strict=True))
    unique = sorted(set(pairs))
    index = {p: i for i, p in enumerate(unique)}
    return Groups(np.array([index[p] for p in pairs], dtype=np.int64), np.array([p[0] for p in unique], dtype=np.int64),
                  np.array([p[1] for p in unique], dtype=np.int64),
                  np.array([1.0 if baseline.cash.vat.taxable(STREAMS[p[0]]) else 0.0 for p in unique]))


def evaluate(baseline: Baseline, applied: Applied, kind: str = "expected") -> Figures:
    """Income, costs, result and cash per month of the applied scenario, contracted or expected."""
    income_lines = round_ore(applied.amounts * applied.weights(kind)[:, None])  # a probability-weighted line in whole øre
    by_stream = stream_matrix(applied.lines) @ income_lines
    costs = cost_lines(baseline.costs, by_stream, applied.cost_ops)
    income, total_costs = by_stream.sum(axis=0), costs.sum(axis=0)
    result = income - total_costs
    found = groups(baseline, applied.lines)
    flow = cash_flows(baseline.cash, found.matrix() @ income_lines, found.lag, found.vat, costs)
    return Figures(income_lines, by_stream, costs, income, total_costs, result, flow, cash_path(baseline.cash, flow))
