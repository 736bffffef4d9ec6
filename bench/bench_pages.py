"""The Overview, Risk, Scenarios and Data pages at 1M entries in AppTest: warm reruns and first runs.

A warm rerun is what every click costs once the page's figures are cached (the data did not change); the target
is 150 ms. The reference is a one-chart page through the same data layer (bench/apps/one_chart.py), its reruns
interleaved with the page's. A first run is the page after the cache is cleared and the database let go, as after
an import (no target; shown for the cost of opening the file, checking the schema and computing every figure).
"""

from __future__ import annotations

import os

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.common import ROOT, RUNS, Result, interleaved, median, timed
from bench.dbs import entries_db
from seconomy.store.shared import close_all

PAGES = ("overview", "risk", "scenarios", "data")
TARGET = 0.150
N = 1_000_000


def _app(page: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py") if page else str(ROOT / "bench" / "apps" / "one_chart.py"),
                           default_timeout=300)
    at.session_state["lang"] = "da"
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py")
    return at


def _checked(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError(f"page failed: {at.exception[0].message}")
    return at


def _first_run(page: str) -> float:
    at = _app(page)
    st.cache_data.clear()  # after app.py's own first run, which drew the default page
    close_all()
    seconds = timed(at.run)()
    _checked(at)
    return seconds


def run() -> list[Result]:
    db, _ = entries_db(N)
    previous = os.environ.get("SECONOMY_DB")
    os.environ["SECONOMY_DB"] = str(db)
    results = []
    try:
        one = _checked(_app(None))
        for page in PAGES:
            firsts = [_first_run(page) for _ in range(RUNS)]
            at = _checked(_app(page).run())
            warm, reference = interleaved(timed(at.run), timed(one.run), warmup=1)
            _checked(at)
            results.append(Result("pages", f"1M entries: {page} page, warm rerun", median(warm), "one-chart page rerun",
                                  median(reference), target_value=TARGET, target_text="≤ 150 ms", samples=warm,
                                  reference_samples=reference))
            results.append(Result("pages", f"1M entries: {page} page, first run", median(firsts), "one-chart page rerun",
                                  median(reference), note="cache cleared, database let go", samples=firsts))
    finally:
        close_all()  # let go of the file: the cold-start bench starts a server on it
        if previous is None:
            os.environ.pop("SECONOMY_DB", None)
        else:
            os.environ["SECONOMY_DB"] = previous
    return results
