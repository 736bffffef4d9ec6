"""Reverse stress test: how large a cut, from a chosen month, turns the result (or the cash) negative?

Two targets: the largest payer (by scenario income over the horizon) and all municipal income
together ("municipality": "*"). The cut is one more relative shock appended to the scenario. The
result and each month's cash are linear in the cut apart from øre rounding, so the answer comes in
closed form from the figures with no cut and with a 100 % cut, and a few secant steps on the real
forecast then take it to within half a krone of zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from seconomy.errors import ScenarioError
from seconomy.forecast import Baseline
from seconomy.scenarios.engine import apply, evaluate
from seconomy.scenarios.spec import ANY_MUNICIPALITY, Shock, Spec

TARGETS = ("largest_payer", "municipal")
TOLERANCE = 50  # øre: the answer puts the result (or the lowest cash) within half a krone of zero
STEPS = 8


@dataclass(frozen=True)
class ReverseAnswer:
    target: str  # 'largest_payer' or 'municipal'
    key: str  # the payer key, or '*' for all municipal income
    start: dt.date
    result_cut: float | None  # the fraction that brings the horizon result to zero; None: no cut does
    cash_cut: float | None  # the fraction that brings the lowest cash to zero
    cash_month: dt.date | None  # the month where the cash then touches zero
    base_result: int  # øre, without the cut
    base_lowest_cash: int
    lowest_cash_month: dt.date | None = None  # where the cash is lowest without the cut

    @property
    def result_gap(self) -> int:
        """Øre more income (or less cost) over the period that brings an already negative result to zero."""
        return max(0, -self.base_result)

    @property
    def cash_gap(self) -> int:
        """Øre more cash needed by ``lowest_cash_month`` to keep an already negative lowest cash at zero."""
        return max(0, -self.base_lowest_cash)

    def shock(self, cut: float | None) -> Shock | None:
        """The cut as a shock to append to the scenario (None when there is no answer)."""
        if cut is None:
            return None
        if self.target == "municipal":
            return Shock(municipality=ANY_MUNICIPALITY, change=-cut, start=self.start)
        return Shock(payer=self.key, change=-cut, start=self.start)


def _with_cut(spec: Spec, target: str, key: str, start: dt.date, cut: float) -> Spec:
    shock = Shock(municipality=ANY_MUNICIPALITY, change=-cut, start=start) if target == "municipal" else \
        Shock(payer=key, change=-cut, start=start)
    return spec.with_shocks((*spec.shocks, shock))


def largest_payer(baseline: Baseline, spec: Spec) -> str:
    """The payer with the most scenario income over the horizon."""
    applied = apply(baseline, spec)
    income = (applied.amounts * applied.expected[:, None])[:, baseline.start:].sum(axis=1)
    totals = {}
    for key, amount in zip(applied.lines["key"], income, strict=True):
        totals[key] = totals.get(key, 0.0) + amount
    return max(sorted(totals), key=lambda k: totals[k])


def _solve(measure: Callable[[float], float], at0: float, at1: float) -> float | None:
    """The smallest cut in [0, 1] where the decreasing ``measure`` reaches zero."""
    if at0 <= 0:
        return 0.0
    if at1 > 0:
        return None
    low, high = 0.0, 1.0
    low_value, high_value = at0, at1
    cut = at0 / (at0 - at1)
    for _ in range(STEPS):
        value = measure(cut)
        if abs(value) <= TOLERANCE:
            return cut
        if value > 0:
            low, low_value = cut, value
        else:
            high, high_value = cut, value
        cut = low + (high - low) * low_value / (low_value - high_value)  # regula falsi inside the bracket
    return cut


def reverse_stress(baseline: Baseline, spec: Spec, target: str, start: dt.date | None = None) -> ReverseAnswer:
    """The smallest cut on ``target`` from ``start`` that makes the result, and the cash, reach zero."""
    if target not in TARGETS:
        raise ValueError(f"target must be one of {', '.join(TARGETS)}")
    start = start or baseline.report_months[0]
    key = largest_payer(baseline, spec) if target == "largest_payer" else ANY_MUNICIPALITY
    report = slice(baseline.start, None)

    def figures(cut: float):
        return evaluate(baseline, apply(baseline, _with_cut(spec, target, key, start, cut)))

    none = evaluate(baseline, apply(baseline, spec))  # the scenario's own errors surface here, not below
    try:
        full = figures(1.0)
    except ScenarioError:  # nothing to cut: no municipal income, say — no cut can sink it
        lowest_month = baseline.report_months[int(np.argmin(none.cash[report]))]
        return ReverseAnswer(target, key, start, 0.0 if none.result[report].sum() <= 0 else None,
                             0.0 if none.cash[report].min() <= 0 else None, None, int(none.result[report].sum()),
                             int(none.cash[report].min()), lowest_month)
    result_cut = _solve(lambda c: float(figures(c).result[report].sum()),
                        float(none.result[report].sum()), float(full.result[report].sum()))
    cash_cut = _solve(lambda c: float(figures(c).cash[report].min()),
                      float(none.cash[report].min()), float(full.cash[report].min()))
    cash_month = None
    if cash_cut is not None:
        cash = figures(cash_cut).cash[report]
        cash_month = baseline.report_months[int(np.argmin(cash))]
    lowest_month = baseline.report_months[int(np.argmin(none.cash[report]))]
    return ReverseAnswer(target, key, start, result_cut, cash_cut, cash_month, int(none.result[report].sum()),
                         int(none.cash[report].min()), lowest_month)


def reverse_stress_all(baseline: Baseline, spec: Spec, start: dt.date | None = None,
                       progress: Callable[[float], None] | None = None) -> list[ReverseAnswer]:
    """Both targets, reporting progress after each."""
    answers = []
    for i, target in enumerate(TARGETS, 1):
        answers.append(reverse_stress(baseline, spec, target, start))
        if progress:
            progress(i / len(TARGETS))
    return answers
