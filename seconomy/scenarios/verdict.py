"""The scenario's answer in words — the verdict sentence and the reverse stress test's answers.

One place for both the page and the board report, so the board reads on paper what the manager saw on screen.
"""

from __future__ import annotations

from seconomy.scenarios.describe import Words
from seconomy.scenarios.results import ScenarioResult
from seconomy.scenarios.reverse import ReverseAnswer


def verdict(words: Words, result: ScenarioResult) -> str:
    """'In this scenario the cash is negative in **Sep 2027** (…). In the baseline it stays positive.'"""
    base_first = result.baseline_first_negative_cash_month
    baseline = words.text("scn.verdict.baseline_negative", month=words.month(base_first)) if base_first else \
        words.text("scn.verdict.baseline_ok")
    first = result.first_negative_cash_month
    if first:
        row = result.monthly[result.monthly["month"] == first].iloc[0]
        return words.text("scn.verdict.negative", month=words.month(first), cash=words.money(row["cash"]),
                          baseline=baseline)
    return words.text("scn.verdict.positive", cash=words.money(result.totals["scenario_lowest_cash"] / 100))


def cut_text(words: Words, answer: ReverseAnswer, cut: float | None, cash: bool) -> str:
    """One answer of the reverse stress test: the cut, or — when already negative — the amount missing."""
    if cut is None:
        return words.text("scn.stress.never")
    if cut == 0 and cash and answer.cash_gap:
        month = words.month(answer.lowest_cash_month) if answer.lowest_cash_month else "–"
        return words.text("scn.stress.gap_cash", amount=words.money(answer.cash_gap / 100), month=month)
    if cut == 0 and not cash and answer.result_gap:
        return words.text("scn.stress.gap_result", amount=words.money(answer.result_gap / 100))
    if cut == 0:
        return words.text("scn.stress.already")
    if cash and answer.cash_month:
        return words.text("scn.stress.cash_month", share=words.percent(cut), month=words.month(answer.cash_month))
    return words.text("scn.stress.cut", share=words.percent(cut))


def target_text(words: Words, answer: ReverseAnswer) -> str:
    """What the stress test cuts: 'The largest payer (København)' or 'All municipal income'."""
    if answer.target == "largest_payer":
        return words.text("scn.stress.largest_payer", name=answer.key)
    return words.text("scn.stress.municipal")
