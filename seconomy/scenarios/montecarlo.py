"""Monte Carlo around a scenario: municipalities that decide once a budget year, income that wobbles with memory.

What varies in each run (everything else is the scenario the page shows, shocks included):
  * every uncertain line — a renewal, a pending application — is drawn with its probability; its mean is the
    expected forecast, so the fan and the deterministic line tell one story;
  * every municipality decides its renewals and its mid-year cut once per budget year (the calendar year the
    money is for), together: one latent draw per (municipality, year) moves them all, with correlation
    ``correlation`` (the setting ``renewal_correlation``, default 1; 0 = every decision on its own). A bad budget
    draw cuts (with the cut probability, from the cut month, by a size uniform in the cut-size range; cuts
    compound) and lets renewals lapse. Lines of other payers (a foundation's grant) are drawn independently;
  * each stream's income level follows an AR(1): xₜ = φ·xₜ₋₁ + σ·√(1−φ²)·εₜ, factor max(0, 1 + xₜ), so a good or bad
    spell lasts (σ and φ from the history, seconomy.forecast.calibration, unless the scenario sets them).
Costs follow the simulated income (variable costs); the cash follows payment terms and VAT exactly as the
deterministic forecast (seconomy.forecast.cash). With every probability 0 or 1, no cut and no volatility, the
simulation reproduces the deterministic forecast to the øre.

Reproducible: runs are drawn in blocks of ``BLOCK`` from ``SeedSequence(seed).spawn``, so the same seed and number
of runs give the same numbers, whatever the progress reporting.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from seconomy.forecast import Baseline, CostModel, CostOp, cost_lines
from seconomy.forecast.cash import CashModel, cash_flows, cash_path
from seconomy.scenarios.engine import Applied, Groups, apply, evaluate, groups
from seconomy.scenarios.spec import Simulation, Spec
from seconomy.streams import STREAMS

BLOCK = 1000
PERCENTILES = (5, 25, 50, 75, 95)
MAX_RUNS = 100_000
Progress = Callable[[float], None]


def normal_quantile(p: np.ndarray) -> np.ndarray:
    """Φ⁻¹(p) elementwise, with Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞ (a draw z comes with probability p when z < Φ⁻¹(p)).

    Why thresholds: comparing the normal draws with a per-line quantile, computed once per model, instead of
    putting every draw through Φ, is the same decision and saves the work on runs × lines numbers.
    """
    unit = NormalDist()
    flat = [(-math.inf if q <= 0 else math.inf if q >= 1 else unit.inv_cdf(float(q))) for q in np.ravel(p)]
    return np.array(flat, dtype=np.float64).reshape(np.shape(p))


@dataclass(frozen=True)
class SimModel:
    """Everything a run needs, as arrays: built once, then drawn from many times.

    Income is laid out by municipality slot (K municipalities plus one slot for everyone else) and group (a stream
    and payment term, seconomy.scenarios.engine.Groups): a cut acts per municipality, volatility per stream, the
    cash timing per group.
    """

    months: int
    certain: np.ndarray  # M × (K + 1) × G: income that is always there
    random_lines: np.ndarray  # R × M: lines drawn per run
    random_slot: np.ndarray  # R: their municipality slot (K: none)
    random_group: np.ndarray  # R: their group
    random_year: np.ndarray  # R: index of the budget year that decides them
    random_p: np.ndarray  # R: their probability
    cut_p: np.ndarray  # K: mid-year cut probability per municipality
    cut_size: tuple[float, float]
    cut_year: np.ndarray  # M: index of the budget year whose cut has begun by each month (−1: none yet)
    years: int  # budget years in the horizon
    cut_open: np.ndarray  # Y: whether that year's cut month is still ahead (a past one would be in the books)
    correlation: float
    group: Groups
    sigma: np.ndarray  # S: σ per stream
    phi: np.ndarray  # S: persistence per stream
    costs: CostModel
    cost_ops: tuple[CostOp, ...]
    cash: CashModel
    report_from: int
    random_pairs: tuple[tuple[int, int, np.ndarray], ...] = ()  # (slot, group, rows into ``drawn``)
    drawn: np.ndarray | None = None  # the uncertain lines drawn one by one (None: all of them)
    ladders: tuple[Ladders, ...] = ()  # per group, the municipal lines decided by their budget draw (correlation 1)
    periods: tuple[tuple[int, int, int], ...] = ()  # (cut period c, first month, end month): months with one factor
    certain_blocks: tuple[np.ndarray, ...] = ()  # per period: K × (months · G), the certain municipal income
    certain_rest: tuple[np.ndarray, ...] = ()  # per period: months × G, the certain income of other payers


@dataclass(frozen=True)
class Ladders:
    """The uncertain municipal lines of one group when, at correlation 1, the budget draw z of their (municipality,
    budget year) alone decides them.

    A line comes when z > its threshold Φ⁻¹(1 − p). With each (municipality, year)'s lines sorted by threshold, those
    that come are a prefix, so their sum is one row of that ladder's prefix sums: per run, one row per ladder, picked
    by a 0/1 matrix and summed (with the cut factors of each period) by one matrix product — exact, as the prefix
    sums add whole øre.
    """

    group: int
    slot: np.ndarray  # L: each ladder's municipality slot
    year: np.ndarray  # L: and budget year
    thresholds: np.ndarray  # L × r_max, ascending, padded with +∞
    offset: np.ndarray  # L: where each ladder's rows start in ``prefix``
    prefix: np.ndarray  # C × M: per ladder, the sums of its first 0 … r lines
    column_slot: np.ndarray  # C: the municipality slot of each row of ``prefix``


@dataclass(frozen=True)
class SimulationResult:
    runs: int
    seed: int
    months: tuple[dt.date, ...]
    cash: pd.DataFrame  # month, p5, p25, p50, p75, p95 (kroner), plus the deterministic expected 'forecast'
    income: dict[str, float]  # p5 … p95 of income over the horizon
    result: dict[str, float]
    lowest_cash: dict[str, float]
    probability_deficit: float
    probability_negative_cash: float
    expected_income: float  # the deterministic expected income of the scenario
    mean_income: float  # the simulated mean (equals expected_income up to sampling error)
    revenue_at_risk: float  # expected scenario income − the 5th percentile of simulated income
    baseline_income: float = 0.0  # the expected income without the scenario's shocks and costs

    @property
    def forecast_income(self) -> float:
        """The scenario's expected income: what the simulation varies around."""
        return self.expected_income


def _first_paying_month(amounts: np.ndarray) -> int:
    paying = np.flatnonzero(amounts > 0)
    return int(paying[0]) if paying.size else 0


def _cut_year(month: dt.date, cut_month: int, years: list[int], first: dt.date) -> int:
    """Index of the budget year whose mid-year cut has begun by ``month`` (−1: none yet).

    A cut month before the first forecast month is history: had the cut come, the books would show it.
    """
    year = month.year if month.month >= cut_month else month.year - 1
    return years.index(year) if year in years and dt.date(year, cut_month, 1) >= first else -1


def build_model(baseline: Baseline, applied: Applied, simulation: Simulation, correlation: float = 1.0) -> SimModel:
    """Lay out the scenario's lines by (month, municipality, group), and the uncertain lines to draw."""
    lines = applied.lines
    codes = lines["municipality_code"]
    munis = sorted({int(c) for c in codes.dropna()})
    slot = codes.map(lambda c: munis.index(int(c)) if pd.notna(c) else len(munis)).to_numpy(dtype=np.int64)
    found = groups(baseline, lines)
    weight = applied.expected
    random = (weight > 0) & (weight < 1)
    certain = np.zeros((len(baseline.months), len(munis) + 1, len(found.stream)))
    for row in np.flatnonzero(weight >= 1):
        certain[:, slot[row], found.of_line[row]] += applied.amounts[row]
    years = sorted({m.year for m in baseline.months})
    year_of = np.array([years.index(baseline.months[_first_paying_month(applied.amounts[r])].year)
                        for r in np.flatnonzero(random)], dtype=np.int64)
    cut_year = np.array([_cut_year(m, simulation.cut_month, years, baseline.months[baseline.start]) for m in baseline.months],
                        dtype=np.int64)
    return SimModel(
        months=len(baseline.months), certain=certain, random_lines=applied.amounts[random], random_slot=slot[random],
        random_group=found.of_line[random], random_year=year_of, random_p=weight[random],
        cut_p=np.array([simulation.probability_for(code) for code in munis]), cut_size=simulation.cut_size,
        cut_year=cut_year, years=len(years),
        cut_open=np.array([dt.date(y, simulation.cut_month, 1) >= baseline.months[baseline.start] for y in years]),
        correlation=correlation, group=found,
        sigma=np.array([simulation.sigma(s, baseline.calibration) for s in STREAMS]),
        phi=np.array([simulation.phi(s, baseline.calibration) for s in STREAMS]),
        costs=baseline.costs, cost_ops=applied.cost_ops, cash=baseline.cash, report_from=baseline.start,
        **_decided(applied.amounts[random], slot[random], found.of_line[random], year_of, weight[random], len(munis),
                   correlation),
        **_periods(certain, cut_year, len(munis)),
    )


def _periods(certain: np.ndarray, cut_year: np.ndarray, k: int) -> dict:
    """The months in runs of one cut period (period c = cut_year + 1; 0: no cut begun), with the certain income of
    each run laid out for one matrix product: a run's months share each municipality's cut factor, so the factors
    are never spread over every month."""
    period = cut_year + 1
    starts = [0] + [m for m in range(1, len(period)) if period[m] != period[m - 1]]
    runs = tuple((int(period[a]), a, b) for a, b in zip(starts, [*starts[1:], len(period)], strict=True))
    groups_ = certain.shape[2]
    return {"periods": runs,
            "certain_blocks": tuple(np.ascontiguousarray(certain[a:b, :k, :].transpose(1, 0, 2)).reshape(k, (b - a) * groups_)
                                    for _, a, b in runs),
            "certain_rest": tuple(np.ascontiguousarray(certain[a:b, k, :].T) for _, a, b in runs)}


def _decided(lines: np.ndarray, slots: np.ndarray, groups_: np.ndarray, years: np.ndarray, p: np.ndarray, k: int,
             correlation: float) -> dict:
    """How the uncertain lines are drawn: at correlation 1 a municipality's lines are ladders of its budget draw and
    only the others are drawn one by one; otherwise every line is drawn (its own draw mixed with the budget's)."""
    if correlation < 1:
        return {"random_pairs": _pairs(slots, groups_)}
    alone = np.flatnonzero(slots >= k)
    thresholds = normal_quantile(1.0 - p)
    ladders = []
    for group in sorted({int(g) for g, a in zip(groups_, slots, strict=True) if a < k}):
        keys = sorted({(int(a), int(c)) for a, b, c in zip(slots, groups_, years, strict=True) if a < k and b == group})
        steps, sums, column_slot = [], [], []
        for slot, year in keys:
            rows = np.flatnonzero((slots == slot) & (groups_ == group) & (years == year))
            order = rows[np.argsort(thresholds[rows], kind="stable")]
            steps.append(thresholds[order])
            sums.append(np.vstack([np.zeros((1, lines.shape[1])), np.cumsum(lines[order], axis=0)]))
            column_slot += [slot] * (len(order) + 1)
        padded = np.full((len(keys), max(len(t) for t in steps)), np.inf)
        for i, step in enumerate(steps):
            padded[i, :len(step)] = step
        ladders.append(Ladders(group, np.array([a for a, _ in keys]), np.array([c for _, c in keys]), padded,
                               np.cumsum([0] + [len(t) + 1 for t in steps[:-1]]), np.vstack(sums), np.array(column_slot)))
    return {"random_pairs": _pairs(slots[alone], groups_[alone]), "drawn": alone, "ladders": tuple(ladders)}


def _pairs(slots: np.ndarray, groups: np.ndarray) -> tuple[tuple[int, int, np.ndarray], ...]:
    """The uncertain lines' rows per (municipality slot, group)."""
    keys = sorted({(int(k), int(g)) for k, g in zip(slots, groups, strict=True)})
    return tuple((k, g, np.flatnonzero((slots == k) & (groups == g))) for k, g in keys)


def _budgets(model: SimModel, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per run: which of the lines drawn one by one come (n × drawn), the cut factor per municipality and cut period
    (n × K × (Y + 1), see ``_periods``), and the budget draws (n × K × Y) that decide the ladders."""
    k, rho = len(model.cut_p), model.correlation
    common = rng.standard_normal((n, k, model.years))
    municipal = model.random_slot < k
    alone = np.flatnonzero(~municipal)
    if model.drawn is not None:  # correlation 1: the municipal lines are ladders of ``common``; the rest drawn here
        latent = rng.standard_normal((n, alone.size))
        comes = (latent > normal_quantile(1.0 - model.random_p[alone])[None, :]).astype(np.float64)
    else:
        latent = np.empty((n, len(model.random_p)))
        mixed = np.flatnonzero(municipal)
        shared = common[:, model.random_slot[mixed], model.random_year[mixed]]
        latent[:, mixed] = shared if rho >= 1 else np.sqrt(rho) * shared + np.sqrt(1 - rho) * rng.standard_normal(shared.shape)
        latent[:, alone] = rng.standard_normal((n, alone.size))
        comes = (latent > normal_quantile(1.0 - model.random_p)[None, :]).astype(np.float64)  # Φ(z) > 1 − p
    cut_draw = common if rho >= 1 else np.sqrt(rho) * common + np.sqrt(1 - rho) * rng.standard_normal(common.shape)
    happens = (cut_draw < normal_quantile(model.cut_p)[None, :, None]) & model.cut_open[None, None, :]  # Φ(z) < p
    low, high = model.cut_size
    size = low + (high - low) * rng.random((n, k, model.years))
    running = np.cumprod(1.0 - np.where(happens, size, 0.0), axis=2)  # n × K × Y: cuts compound
    # month m takes the running factor of the year whose cut has begun (column 0: no cut yet), others' slot is 1
    running = np.concatenate([np.ones((n, k, 1)), running], axis=2)  # n × K × (Y + 1): the factor per cut period
    return comes, running, common


def _levels(model: SimModel, rng: np.random.Generator, n: int) -> np.ndarray:
    """n × S × M income level factors: AR(1) per stream, started in its stationary spread.

    xₘ = φ·xₘ₋₁ + σ·√(1−φ²)·εₘ with x₀ = σ·ε₀ is a weighted sum of the draws, xₘ = Σⱼ φ^(m−j)·cⱼ·εⱼ, so the whole
    path is one product of the draws with a lower-triangular M × M matrix instead of a loop over the months."""
    streams = len(STREAMS)
    out = np.ones((n, streams, model.months))
    present = np.zeros(streams, dtype=bool)
    present[model.group.stream] = True
    lags = np.subtract.outer(np.arange(model.months), np.arange(model.months))  # m − j
    for s in np.flatnonzero((model.sigma > 0) & present):
        sigma, phi = model.sigma[s], model.phi[s]
        shocks = rng.standard_normal((n, model.months))
        scale = np.full(model.months, sigma * np.sqrt(1 - phi * phi))
        scale[0] = sigma
        weights = np.where(lags >= 0, np.power(phi, np.maximum(lags, 0)), 0.0) * scale[None, :]  # M × M
        out[:, s, :] = np.maximum(0.0, 1.0 + shocks @ weights.T)
    return out


def _block(model: SimModel, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Income, result and cash (each n × M, øre) of n runs."""
    comes, running, common = _budgets(model, rng, n)
    levels = _levels(model, rng, n)
    # Σ_k factor(n, k, period) · certain(m, k, g): one matrix product per run of months with the same cut period
    grouped = np.empty((n, len(model.group.stream), model.months))
    for (c, a, b), block, rest in zip(model.periods, model.certain_blocks, model.certain_rest, strict=True):
        part = running[:, :, c] @ block  # n × (months · G)
        grouped[:, :, a:b] = part.reshape(n, b - a, -1).transpose(0, 2, 1) + rest[None, :, :]
    # The uncertain lines of one (municipality slot, group) share their cut factor: add up the lines that came
    # (a 0/1 × whole-øre product, exact in any order), then apply the factor once.
    drawn = model.random_lines if model.drawn is None else model.random_lines[model.drawn]
    for slot, group, rows in model.random_pairs:
        grouped[:, group, :] += _cut(comes[:, rows] @ drawn[rows], model, running, slot)
    _add_ladders(model, common, running, grouped)
    grouped *= levels[:, model.group.stream, :]
    by_stream = np.zeros((n, len(STREAMS), model.months))
    for g, s in enumerate(model.group.stream):
        by_stream[:, s, :] += grouped[:, g, :]
    per_line = cost_lines(model.costs, by_stream, model.cost_ops)
    income = by_stream.sum(axis=1)
    result = income - per_line.sum(axis=-2)
    flow = cash_flows(model.cash, grouped, model.group.lag, model.group.vat, per_line)
    return income, result, cash_path(model.cash, flow)


def _cut(income: np.ndarray, model: SimModel, running: np.ndarray, slot: int) -> np.ndarray:
    """``income`` (n × M, a fresh array) times its municipality's cut factor, period by period, in place."""
    if slot < running.shape[1]:
        for c, a, b in model.periods:
            if c:  # period 0: no cut has begun
                income[:, a:b] *= running[:, slot, c][:, None]
    return income


def _add_ladders(model: SimModel, common: np.ndarray, running: np.ndarray, grouped: np.ndarray) -> None:
    """The ladders' lines that came, with their municipality's cut factor in each cut period (``Ladders``)."""
    n = common.shape[0]
    rows = np.arange(n)[:, None]
    for ladders in model.ladders:
        z = common[:, ladders.slot, ladders.year]  # n × L: each ladder's budget draw
        came = np.zeros(z.shape, dtype=np.intp)  # how many of each ladder's lines came (thresholds below z)
        for step in ladders.thresholds.T:
            came += z > step[None, :]
        columns = ladders.offset[None, :] + came
        for c, a, b in model.periods:
            pick = np.zeros((n, len(ladders.column_slot)))
            pick[rows, columns] = 1.0 if c == 0 else running[:, :, c][:, ladders.slot]  # the slot's cut factor
            grouped[:, ladders.group, a:b] += pick @ ladders.prefix[:, a:b]


def run_model(model: SimModel, runs: int, seed: int,
              progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Income, result and cash (runs × months, øre) of ``runs`` runs from ``seed``."""
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be between 1 and {MAX_RUNS}")
    if seed < 0:
        raise ValueError("the seed must be a whole number 0 or above")
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


def simulate(baseline: Baseline, spec: Spec, runs: int = 10_000, seed: int = 1, progress: Progress | None = None,
             correlation: float = 1.0) -> SimulationResult:
    """Simulate ``spec`` ``runs`` times and summarise: cash fan, deficit and negative-cash probabilities, revenue at risk.

    ``correlation`` is the setting's value; a scenario's own ``simulation.correlation`` wins over it.
    """
    applied = apply(baseline, spec)
    rho = spec.simulation.correlation if spec.simulation.correlation is not None else correlation
    model = build_model(baseline, applied, spec.simulation, rho)
    income, result, cash = run_model(model, runs, seed, progress)
    report = slice(baseline.start, None)
    income_total = income[:, report].sum(axis=1)
    result_total = result[:, report].sum(axis=1)
    lowest = cash[:, report].min(axis=1)
    expected = evaluate(baseline, applied)
    fan = pd.DataFrame({"month": list(baseline.report_months)})
    for q, row in zip(PERCENTILES, np.percentile(cash[:, report], PERCENTILES, axis=0), strict=True):
        fan[f"p{q}"] = np.round(row / 100, 2)
    fan["forecast"] = expected.cash[report] / 100
    expected_income = float(expected.income[report].sum())
    unshocked = evaluate(baseline, apply(baseline, Spec(start=spec.start, months=spec.months)))
    p5_income = float(np.percentile(income_total, 5))
    return SimulationResult(
        runs, seed, baseline.report_months, fan, _percentiles(income_total), _percentiles(result_total),
        _percentiles(lowest), float(np.mean(result_total < 0)), float(np.mean(lowest < 0)),
        round(expected_income / 100, 2), round(float(income_total.mean()) / 100, 2),
        round((expected_income - p5_income) / 100, 2), round(float(unshocked.income[report].sum()) / 100, 2),
    )
