"""Concentration risk over 1,000,000 entries: the window's whole computation and the risk page's rerun.

References measured in the same run, on the same file:
- the bare DuckDB grouped share/HHI query (one GROUP BY counterparty, shares by a window sum, Σ share²):
  the least any concentration figure can cost; and the same in pandas on a frame already in memory;
- the overview page's rerun in AppTest, for the page.
The computation measured is ``seconomy.risk.concentration`` by payer: group totals with the payer rule,
shares, exact HHI, effective number, top-1/top-3, level and flags, returned as Python objects.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import Result, best_of
from bench.synth import staging_frame
from seconomy import store
from seconomy.risk import concentration
from seconomy.risk.groups import grouped_cte
from seconomy.window import default_window

N = 1_000_000
ROOT = Path(__file__).resolve().parent.parent

_VIEW_SQL = """SELECT payer, municipality_code, sum(amount) FROM income
    WHERE entry_date BETWEEN $start AND $end GROUP BY ALL"""
_BARE_SQL = """SELECT sum(s * s) * 10000 FROM (
    SELECT sum(amount) / sum(sum(amount)) OVER () AS s FROM entries
    WHERE entry_date BETWEEN ? AND ? GROUP BY counterparty)"""
# The cheapest SQL I found for the payer HHI alone (a municipality is one payer): sum per (municipality,
# counterparty), fold the municipalities, share and square. No names, no groups returned, no flags.
_BARE_PAYER_SQL = """SELECT sum(s * s) * 10000 FROM (
    SELECT sum(amount) / sum(sum(amount)) OVER () AS s FROM (
        SELECT municipality_code AS code, CASE WHEN municipality_code IS NULL THEN counterparty END AS k, sum(amount) AS amount
        FROM (SELECT municipality_code, counterparty, sum(amount) AS amount FROM entries
              WHERE entry_date BETWEEN ? AND ? GROUP BY ALL) GROUP BY ALL)
    GROUP BY code, k)"""


def _pandas_reference(con, window) -> float:
    frame = con.execute("SELECT entry_date, counterparty, amount::DOUBLE AS amount FROM entries").df()
    start, end = str(window.start), str(window.end)

    def hhi() -> float:
        part = frame[(frame["entry_date"] >= start) & (frame["entry_date"] <= end)]
        sums = part.groupby("counterparty")["amount"].sum()
        return float(((sums / sums.sum() * 100) ** 2).sum())

    return best_of(hhi, repeat=5)


def _page_rerun(db: Path, page: str) -> float:
    from streamlit.testing.v1 import AppTest

    previous = os.environ.get("SECONOMY_DB")
    os.environ["SECONOMY_DB"] = str(db)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.session_state["lang"] = "en"
        at.run()
        at.switch_page(page)
        at.run()
        if at.exception:
            raise RuntimeError(f"{page} failed: {at.exception}")
        return best_of(at.run, repeat=5, warmup=1)
    finally:
        if previous is None:
            os.environ.pop("SECONOMY_DB", None)
        else:
            os.environ["SECONOMY_DB"] = previous


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "risk_1m.duckdb"
        started = time.perf_counter()
        with store.session(db) as con:
            store.add_entries(con, staging_frame(N), file_name="synthetic")
        built = time.perf_counter() - started
        with store.session(db) as con:
            window = default_window(con)
            bare = best_of(lambda: con.execute(_BARE_SQL, [window.start, window.end]).fetchall(), repeat=10)
            results = []
            for by in ("payer", "municipality", "stream", "counterparty"):
                seconds = best_of(lambda by=by: concentration(con, window, by), repeat=10)
                results.append(Result(f"risk: concentration by {by}, {N:,} entries", seconds,
                                      "bare DuckDB grouped share/HHI", bare, target=0.050,
                                      note="(within 2x of the reference is the aim)" if by == "payer" else ""))
            pandas = _pandas_reference(con, window)
            bare_payer = best_of(lambda: con.execute(_BARE_PAYER_SQL, [window.start, window.end]).fetchall(), repeat=10)
            params = {"start": window.start, "end": window.end}
            fast = best_of(lambda: con.execute(f"WITH {grouped_cte('payer')} SELECT * FROM grp", params).fetchall(), repeat=10)
            view = best_of(lambda: con.execute(_VIEW_SQL, params).fetchall(), repeat=10)
        payer = results[0].seconds
        results.insert(1, Result(f"risk: concentration by payer, {N:,} entries", payer, "bare DuckDB share/HHI by payer",
                                 bare_payer))
        results.insert(2, Result(f"risk: concentration by payer, {N:,} entries", payer, "pandas groupby share/HHI", pandas))
        results.append(Result("payer groups via the income view (not used)", view, "payer groups as computed", fast,
                              note="(why seconomy.risk.groups sums before naming)"))
        overview = _page_rerun(db, "pages/overview.py")
        risk = _page_rerun(db, "pages/risk.py")
        results.append(Result(f"risk page rerun (AppTest), {N:,} entries", risk, "overview page rerun", overview,
                              target=1.0, note=f"(database built in {built:.1f} s)"))
    return results
