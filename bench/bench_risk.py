"""Concentration risk by payer over 100k and 1M entries (10M with BENCH_BIG=1), beside the bare grouped aggregate.

The figure is ``seconomy.risk.concentration(con, window, "payer")``: group totals by the stored payer, shares,
cumulative shares, the exact HHI on whole øre, the effective number, top-1/top-3, level, flags and the groups with a
negative net, returned as Python objects. The reference, on the same connection and window, does the same work in
one bare statement: GROUP BY payer on the entries, shares, cumulative shares and the HHI, every group fetched.
The other groupings are shown for scale (no target).
"""

from __future__ import annotations

from bench.common import RUNS, SIZES, Result, interleaved, median, size_label, timed
from bench.dbs import entries_db
from seconomy import store
from seconomy.risk import concentration
from seconomy.window import default_window

TARGET = 2.0
BARE = """WITH g AS (SELECT payer, sum(amount) AS amount FROM entries WHERE entry_date BETWEEN $start AND $end GROUP BY payer)
SELECT payer, amount::DOUBLE, amount / sum(amount) OVER () AS share,
       sum(amount) OVER (ORDER BY amount DESC, payer ROWS UNBOUNDED PRECEDING) / sum(amount) OVER () AS cumulative,
       10000 * sum((amount * 100)::HUGEINT * (amount * 100)::HUGEINT) OVER ()
             / (sum((amount * 100)::HUGEINT) OVER ())^2 AS hhi
FROM g WHERE amount > 0 ORDER BY amount DESC, payer"""


def _size(n: int) -> list[Result]:
    db, built = entries_db(n)
    with store.session(db) as con:
        window = default_window(con)
        params = {"start": window.start, "end": window.end}
        bare = timed(lambda: con.execute(BARE, params).fetchall())
        ours, theirs = interleaved(timed(lambda: concentration(con, window, "payer")), bare, runs=max(RUNS, 7), warmup=1)
        groups = len(concentration(con, window, "payer").groups)
        results = [Result("risk", f"{size_label(n)} entries: risk by payer", median(ours),
                          "bare GROUP BY payer + shares + HHI, same connection", median(theirs), target_ratio=TARGET,
                          target_text=f"≤ {TARGET:g}×", note=f"{groups} payers; database built in {built:.0f} s",
                          samples=ours, reference_samples=theirs)]
        for by in ("municipality", "stream", "counterparty"):
            mine, _ = interleaved(timed(lambda by=by: concentration(con, window, by)), None, runs=RUNS)
            results.append(Result("risk", f"{size_label(n)} entries: risk by {by}", median(mine),
                                  "bare GROUP BY payer (above)", median(theirs), note="for scale", samples=mine))
    return results


def run() -> list[Result]:
    return [result for n in SIZES for result in _size(n)]
