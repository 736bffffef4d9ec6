"""Monte Carlo around a scenario: renewals, mid-year municipal cuts and volatile income, 10 000 runs.

What varies in each run (everything else is the deterministic scenario, shocks included):
  * every agreement that ends inside the forecast is renewed on the same terms with its renewal
    probability (one draw per agreement and run; a renewal that is certain is already in the forecast);
  * every municipality cuts its purchases mid-year with its cut probability, once per calendar year,
    from the simulation's cut month on, by a size drawn uniformly from the cut-size range; cuts persist
    and compound;
  * every stream's income is multiplied month by month by max(0, 1 + σ·ε), ε standard normal, σ the
    stream's volatility (one factor per stream and month, shared by the stream's payers).
Costs follow the simulated income (variable costs) exactly as in the deterministic forecast; with
every probability 1 (cut size 0) and no volatility the simulation reproduces the forecast to the øre.

Reproducible: runs are drawn in blocks of ``BLOCK`` from ``SeedSequence(seed).spawn``, so the same
seed and number of runs give the same numbers on any machine with the same numpy, whatever the
progress reporting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from seconomy.forecast import Baseline, CostModel, CostOp, cost_lines
from seconomy.scenarios.engine import Applied, apply, evaluate
from seconomy.scenarios.spec import Simulation, Spec
from seconomy.streams import STREAMS

BLOCK = 1000
PERCENTILES = (5, 25, 50, 75, 95)
MAX_RUNS = 100_000
Progress = Callable[[float], None]


@dataclass(frozen=True)
class SimModel:
    """Everything a run needs, as arrays: built once, then drawn from many times.

    Income is grouped by municipality (K of them, plus one "no municipality" slot) and stream (S),
    because a cut acts per municipality and volatility and variable costs per stream.
    """

    months: int
    certain: np.ndarray  # M × (K + 1) × S: income that is always there
    random_lines: np.ndarray  # R × M: renewals drawn per run
    random_muni: np.ndarray  # R: their municipality slot
    random_stream: np.ndarray  # R: their stream
    random_p: np.ndarray  # R: their renewal probability
    cut_p: np.ndarray  # K: mid-year cut probability per municipality
    cut_size: tuple[float, float]
    cut_segment: np.ndarray  # M: how many yearly cut months have begun by each month (0 = none yet)
    volatility: np.ndarray  # S: σ per stream
    costs: CostModel
    cost_ops: tuple[CostOp, ...]
    opening_cash: int
    cash_from: int
    report_from: int


@dataclass(frozen=True)
class SimulationResult:
    runs: int
    seed: int
    months: tuple[dt.date, ...]
    cash: pd.DataFrame  # month, p5, p25, p50, p75, p95 (kroner), plus the deterministic 'forecast'
    income: dict[str, float]  # p5 … p95 of income over the horizon
    result: dict[str, float]
    lowest_cash: dict[str, float]
    probability_deficit: float
    probability_negative_cash: float
    baseline_income: float
    forecast_income: float
    revenue_at_risk: float  # baseline income − 5th percentile of simulated income


def _cut_segments(baseline: Baseline, cut_month: int) -> np.ndarray:
    """For each month, the number of yearly cut months (``cut_month`` of each year) reached so far."""
    starts = [dt.date(y, cut_month, 1) for y in sorted({m.year for m in baseline.months})]
    starts = [d for d in starts if baseline.months[0] <= d <= baseline.months[-1]]
    return np.array([sum(1 for d in starts if m >= d) for m in baseline.months], dtype=np.int64)


def build_model(baseline: Baseline, applied: Applied, simulation: Simulation) -> SimModel:
    """Lay out the scenario's lines by (month, municipality, stream), and the renewals to draw."""
    lines = applied.lines
    codes = lines["municipality_code"]
    munis = sorted({int(c) for c in codes.dropna()})
    muni = codes.map(lambda c: munis.index(int(c)) if pd.notna(c) else len(munis)).to_numpy(dtype=np.int64)
    stream = lines["stream"].map(STREAMS.index).to_numpy(dtype=np.int64)
    p = lines["probability"].to_numpy()
    random = (lines["role"].to_numpy() == "renewal") & ~applied.active & (p > 0)
    certain = np.zeros((len(baseline.months), len(munis) + 1, len(STREAMS)))
    for row in np.flatnonzero(applied.active):
        certain[:, muni[row], stream[row]] += applied.amounts[row]
    return SimModel(
        months=len(baseline.months),
        certain=certain,
        random_lines=applied.amounts[random],
        random_muni=muni[random],
        random_stream=stream[random],
        random_p=p[random],
        cut_p=np.array([simulation.probability_for(code) for code in munis]),
        cut_size=simulation.cut_size,
        cut_segment=_cut_segments(baseline, simulation.cut_month),
        volatility=np.array([simulation.volatility.get(s, 0.0) for s in STREAMS]),
        costs=baseline.costs,
        cost_ops=applied.cost_ops,
        opening_cash=baseline.opening_cash_ore,
        cash_from=baseline.cash_from,
        report_from=baseline.start,
    )


def _cuts(model: SimModel, rng: np.random.Generator, n: int) -> np.ndarray:
    """(segments) × n × (K + 1) factors: the product of the cuts begun in each segment; the last slot is 1.

    A segment is a stretch of months between two yearly cut months, so within it every run's cut
    factor is constant: the running product over the yearly draws.
    """
    k, years = len(model.cut_p), int(model.cut_segment.max(initial=0))
    happens = rng.random((n, k, years)) < model.cut_p[None, :, None]
    low, high = model.cut_size
    size = low + (high - low) * rng.random((n, k, years))
    running = np.ones((years + 1, n, k + 1))
    running[1:, :, :k] = np.cumprod(1.0 - np.where(happens, size, 0.0), axis=2).transpose(2, 0, 1)
    return running


def _income(model: SimModel, renewed: np.ndarray, running: np.ndarray, n: int) -> np.ndarray:
    """n × S × M income before volatility: certain income and drawn renewals, times the cut factors.

    Within a segment (constant cut factors) the certain income of every stream and month is one
    product (runs × municipalities) · (municipalities × streams·months), and each stream's renewals
    one (runs × renewals) · (renewals × months) product.
    """
    streams, months = len(STREAMS), model.months
    out = np.empty((n, streams, months))
    for j in range(running.shape[0]):
        chosen = np.flatnonzero(model.cut_segment == j)
        if chosen.size == 0:
            continue
        certain = model.certain[chosen].transpose(1, 2, 0).reshape(running.shape[2], streams * chosen.size)
        out[:, :, chosen] = _product(running[j], certain).reshape(n, streams, chosen.size)
        for s in np.unique(model.random_stream):
            rows = np.flatnonzero(model.random_stream == s)
            weights = renewed[:, rows] * running[j][:, model.random_muni[rows]]
            out[:, s, chosen] += _product(weights, model.random_lines[rows][:, chosen])
    return out


def _product(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """left @ right without BLAS: numpy's own loops, one thread, a fixed order of summation.

    Why: these products are small (a thousand runs × a few dozen columns); multithreaded BLAS
    gains nothing on them and, on a busy two-core machine, its threads made them 20× slower.
    A fixed summation order also keeps "same seed, same numbers" independent of the BLAS build.
    """
    return np.einsum("ik,kj->ij", left, right, optimize=False)


def _block(model: SimModel, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Income, result and cash (each n × M, øre) of n runs."""
    renewed = (rng.random((n, len(model.random_p))) < model.random_p[None, :]).astype(np.float64)
    running = _cuts(model, rng, n)
    noisy = np.flatnonzero(model.volatility > 0)
    shocks = rng.standard_normal((noisy.size, n, model.months))
    by_stream = _income(model, renewed, running, n)
    for i, s in enumerate(noisy):
        by_stream[:, s, :] *= np.maximum(0.0, 1.0 + model.volatility[s] * shocks[i])
    costs = cost_lines(model.costs, by_stream, model.cost_ops).sum(axis=-2)
    income = by_stream.sum(axis=1)
    result = income - costs
    counted = np.arange(model.months) >= model.cash_from
    cash = model.opening_cash + np.cumsum(np.where(counted, result, 0.0), axis=-1)
    return income, result, cash


def run_model(model: SimModel, runs: int, seed: int,
              progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Income, result and cash (runs × months, øre) of ``runs`` runs from ``seed``."""
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be between 1 and {MAX_RUNS}")
    blocks = -(-runs // BLOCK)
    seeds = np.random.SeedSequence(seed).spawn(blocks)
    out = [np.empty((runs, model.months)) for _ in range(3)]
    for b, child in enumerate(seeds):
        lo, hi = b * BLOCK, min(runs, (b + 1) * BLOCK)
        for array, part in zip(out, _block(model, np.random.default_rng(child), hi - lo), strict=True):
            array[lo:hi] = part
        if progress:
            progress(hi / runs)
    return out[0], out[1], out[2]


def _percentiles(values: np.ndarray) -> dict[str, float]:
    return {f"p{q}": round(float(v) / 100, 2) for q, v in zip(PERCENTILES, np.percentile(values, PERCENTILES), strict=True)}


def simulate(baseline: Baseline, spec: Spec, runs: int = 10_000, seed: int = 1,
             progress: Progress | None = None) -> SimulationResult:
    """Simulate ``spec`` ``runs`` times and summarise: cash fan, deficit and negative-cash probabilities."""
    applied = apply(baseline, spec)
    model = build_model(baseline, applied, spec.simulation)
    income, result, cash = run_model(model, runs, seed, progress)
    report = slice(baseline.start, None)
    income_total = income[:, report].sum(axis=1)
    result_total = result[:, report].sum(axis=1)
    lowest = cash[:, report].min(axis=1)
    forecast = evaluate(baseline, applied)
    base = evaluate(baseline, apply(baseline, Spec(start=spec.start, months=spec.months)))
    fan = pd.DataFrame({"month": list(baseline.report_months)})
    for q, row in zip(PERCENTILES, np.percentile(cash[:, report], PERCENTILES, axis=0), strict=True):
        fan[f"p{q}"] = np.round(row / 100, 2)
    fan["forecast"] = forecast.cash[report] / 100
    base_income = float(base.income[report].sum())
    p5_income = float(np.percentile(income_total, 5))
    return SimulationResult(
        runs, seed, baseline.report_months, fan, _percentiles(income_total), _percentiles(result_total),
        _percentiles(lowest), float(np.mean(result_total < 0)), float(np.mean(lowest < 0)),
        round(base_income / 100, 2), round(float(forecast.income[report].sum()) / 100, 2),
        round((base_income - p5_income) / 100, 2),
    )
