"""Applying a scenario to the baseline, and evaluating income, costs, result and cash per month.

Order of application (documented in the README and tested):
  1. the baseline lines (agreements, certain renewals, run rates);
  2. the income shocks, one by one in the order listed, each on the result of those before it —
     so two −50 % shocks leave 25 %, and a shock listed after a cut works on the cut amount;
     a shock naming a pending application first brings it in ("what if granted");
  3. variable costs, as their share of the *scenario* income of their stream in each month;
  4. the cost changes, in the order listed;
  5. result = income − costs; cash = opening cash + the results of the months after the cash date.
Relative changes round to whole øre per line and month; amounts are spread over the matched lines
in proportion to their income that month, never taking a line below zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from seconomy.errors import ScenarioError
from seconomy.forecast import Baseline, CostOp, cost_lines, round_ore
from seconomy.forecast.months import month_text
from seconomy.municipalities import resolve, short_name
from seconomy.scenarios.spec import ANY_MUNICIPALITY, CostShock, Shock, Spec
from seconomy.streams import STREAMS
from seconomy.text import fold


@dataclass(frozen=True)
class Applied:
    """Income lines after the shocks (all lines, ``active`` says which count) and the cost changes."""

    lines: pd.DataFrame
    amounts: np.ndarray  # lines × months, øre
    active: np.ndarray  # bool per line: counts in the deterministic forecast
    cost_ops: tuple[CostOp, ...]
    cost_labels: tuple[str, ...]  # one per added cost line


@dataclass(frozen=True)
class Figures:
    """Deterministic monthly figures over all forecast months (øre)."""

    income_lines: np.ndarray  # lines × months (0 on inactive lines)
    income_by_stream: np.ndarray  # streams × months
    cost_lines: np.ndarray  # cost lines (+ added) × months
    income: np.ndarray
    costs: np.ndarray
    result: np.ndarray
    cash: np.ndarray


def _where(shock: Shock) -> str:
    return f"shock ({', '.join(f'{k}: {v}' for k, v in shock.to_dict().items())})"


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
    """The line that receives an amount when the shock matches no income (new income)."""
    code = shock.municipality_code if shock.municipality_code is not None else resolve(shock.payer) if shock.payer else None
    key = short_name(code) if code is not None else (shock.payer or shock.counterparty or shock.label or "Ny indtægt")
    return {"key": key, "municipality_code": code, "stream": shock.stream or "other",
            "counterparty": shock.counterparty or key, "agreement_id": None, "role": "added",
            "source": "scenario", "probability": 1.0, "basis": None}


def _check(baseline: Baseline, lines: pd.DataFrame, shock: Shock, mask: np.ndarray) -> None:
    if shock.agreement is not None and not mask.any():
        raise ScenarioError(f"{_where(shock)}: agreement {shock.agreement} is neither active nor a pending application")
    named = shock.payer or shock.counterparty or (shock.municipality if shock.municipality != ANY_MUNICIPALITY else None)
    if not mask.any() and shock.change is not None and named:
        raise ScenarioError(f"{_where(shock)}: matches no income in the forecast (check the spelling; payers are "
                            "keyed as on the risk page, e.g. 'København' for all of Copenhagen)")
    if shock.end is not None and shock.end < baseline.months[0]:
        raise ScenarioError(f"{_where(shock)}: ends ({month_text(shock.end)}) before the forecast starts "
                            f"({month_text(baseline.months[0])})")
    if shock.start is not None and shock.start > baseline.months[-1]:
        raise ScenarioError(f"{_where(shock)}: starts ({month_text(shock.start)}) after the forecast ends "
                            f"({month_text(baseline.months[-1])})")


def _apply_amount(amounts: np.ndarray, active: np.ndarray, mask: np.ndarray, months: np.ndarray,
                  amount_ore: float, new_row: int | None) -> None:
    """Spread ``amount_ore`` per month over the matched active lines in proportion to their income."""
    hit = mask & active
    if new_row is not None:
        hit[new_row] = False
    for m in np.flatnonzero(months):
        part = amounts[hit, m]
        total = part.sum()
        if total > 0:
            share = round_ore(part * (amount_ore / total)) if amount_ore > -total else -part
            amounts[hit, m] = np.maximum(part + share, 0.0)
        elif new_row is not None and amount_ore > 0:
            amounts[new_row, m] += amount_ore


def apply_income(baseline: Baseline, shocks: Sequence[Shock]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Income lines after ``shocks`` (in order): (lines, amounts, active)."""
    lines = baseline.lines
    amounts = baseline.amounts.copy()
    active = baseline.included.copy()
    extra = [_new_line(s) for s in shocks if s.amount is not None and s.amount > 0]
    if extra:
        lines = pd.concat([lines, pd.DataFrame(extra).astype(lines.dtypes.to_dict())], ignore_index=True)
        amounts = np.vstack([amounts, np.zeros((len(extra), amounts.shape[1]))])
        active = np.concatenate([active, np.ones(len(extra), dtype=bool)])
    next_new = len(baseline.lines)
    roles = lines["role"].to_numpy()
    for shock in shocks:
        mask = match(lines, shock)
        new_row = None
        if shock.amount is not None and shock.amount > 0:
            new_row, next_new = next_new, next_new + 1
            mask[new_row] = False
        _check(baseline, lines, shock, mask)
        if shock.agreement is not None:  # naming a pending application: what if it is granted
            active |= mask & (roles == "pending")
        months = month_mask(baseline, shock.start, shock.end)
        if shock.change is not None:
            rows = np.flatnonzero(mask)
            part = amounts[rows]
            amounts[rows] = np.where(months, round_ore(part * (1.0 + shock.change)), part)
        else:
            _apply_amount(amounts, active, mask, months, float(shock.amount) * 100, new_row)
    return lines, amounts, active


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
            raise ScenarioError(f"cost change {number} ({shock.to_dict()}): matches no line of the costs table")
        ops.append(CostOp(mask, months, factor=1.0 + shock.change))
    return tuple(ops), tuple(labels)


def apply(baseline: Baseline, spec: Spec, n_income: int | None = None, n_costs: int | None = None) -> Applied:
    """The scenario's lines with the first ``n_income`` income and ``n_costs`` cost shocks (default all)."""
    shocks = spec.shocks[:n_income] if n_income is not None else spec.shocks
    costs = spec.costs[:n_costs] if n_costs is not None else spec.costs
    lines, amounts, active = apply_income(baseline, shocks)
    ops, labels = cost_ops(baseline, costs)
    return Applied(lines, amounts, active, ops, labels)


def stream_matrix(lines: pd.DataFrame) -> np.ndarray:
    """streams × lines indicator: income by stream = this @ line amounts."""
    index = lines["stream"].map(STREAMS.index).to_numpy()
    matrix = np.zeros((len(STREAMS), len(lines)))
    matrix[index, np.arange(len(lines))] = 1.0
    return matrix


def cash_path(baseline: Baseline, result: np.ndarray) -> np.ndarray:
    """Opening cash plus the results of the months after the cash date, cumulated (…, months)."""
    counted = np.arange(result.shape[-1]) >= baseline.cash_from
    return baseline.opening_cash_ore + np.cumsum(np.where(counted, result, 0.0), axis=-1)


def evaluate(baseline: Baseline, applied: Applied) -> Figures:
    """Income, costs, result and cash per month for the applied scenario."""
    income_lines = applied.amounts * applied.active[:, None]
    by_stream = stream_matrix(applied.lines) @ income_lines
    costs = cost_lines(baseline.costs, by_stream, applied.cost_ops)
    income, total_costs = by_stream.sum(axis=0), costs.sum(axis=0)
    result = income - total_costs
    return Figures(income_lines, by_stream, costs, income, total_costs, result, cash_path(baseline, result))
