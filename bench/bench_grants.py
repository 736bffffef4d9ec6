"""Grant planner speed: the exact distribution of 25 applications, the exact mix of 20, the whole plan on the demo.

Figures: the distribution, P(cover) and the chart's curve for 25 applications with unrelated amounts to the øre
(the hardest case: 2²⁵ distinct sums, computed as two exact halves) and with round amounts (the gcd grid); the
exact mix search over 20 applications with hours entered; ``plan`` on the demo enterprise (forecast, pipeline,
mix, mosaic). Reference measured in the same run: one numpy pass over 2²⁵ floats (the size brute force would need).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from bench.common import RUNS, Result, interleaved, median, timed
from seconomy import demo, store
from seconomy.grants.amounts import Candidate
from seconomy.grants.distribution import distribution
from seconomy.grants.mix import choose
from seconomy.grants.plan import plan

TARGET = 1.0  # seconds: "well under a second" for 25 applications


def _candidate(cid: int, year_ore: int, p: float, hours: int) -> Candidate:
    return Candidate(cid, f"Fond {cid}", None, "foundation", "submitted", Decimal(year_ore) / 100, year_ore, p,
                     Decimal(hours), f"Fond {cid}")


def _distribution(amounts: list[int], probs: list[float]) -> None:
    dist = distribution(amounts, probs)
    dist.p_cover(sum(amounts) // 3)
    dist.curve()


def run() -> list[Result]:
    rng = np.random.default_rng(2027)
    unrelated = [int(a) for a in rng.integers(1, 10**8, 25)]
    rounded = [int(a) * 2_500_000 for a in rng.integers(1, 60, 25)]
    probs = [float(p) for p in rng.uniform(0.05, 0.9, 25)]
    reference = timed(lambda: np.cumsum(np.ones(2**25)))
    results = []
    for name, amounts in (("distribution, 25 unrelated amounts", unrelated), ("distribution, 25 round amounts", rounded)):
        ours, theirs = interleaved(timed(lambda amounts=amounts: _distribution(amounts, probs)), reference, runs=RUNS,
                                   warmup=1)
        results.append(Result("grants", name, median(ours), "numpy pass over 2^25", median(theirs), target_value=TARGET,
                              target_text=f"≤ {TARGET:g} s", samples=ours, reference_samples=theirs))
    cands = [_candidate(i + 1, int(a) * 1_000_000 + i, float(p), int(h))
             for i, (a, p, h) in enumerate(zip(rng.integers(1, 40, 20), rng.choice([0.1, 0.25, 0.5, 0.6, 0.8], 20),
                                               rng.integers(1, 60, 20), strict=True))]
    gap = sum(c.year_ore for c in cands) // 5
    mix = choose(cands, gap, 0.8)
    ours, _ = interleaved(timed(lambda: choose(cands, gap, 0.8)), None, runs=RUNS, warmup=1)
    results.append(Result("grants", f"exact mix, 20 applications ({len(mix.ids)} chosen, {mix.nodes} branches)", median(ours),
                          target_value=TARGET, target_text=f"≤ {TARGET:g} s", note=mix.method, samples=ours))
    con = store.connect(store.MEMORY)
    demo.install(con)
    ours, _ = interleaved(timed(lambda: plan(con)), None, runs=RUNS, warmup=1)
    results.append(Result("grants", "plan on the demo (forecast + pipeline + mix + mosaic)", median(ours), target_value=TARGET,
                          target_text=f"≤ {TARGET:g} s", samples=ours))
    con.close()
    return results
