"""Cold start at 1M entries: from starting the server to the first page drawn in Chromium, beside a one-chart app.

Each run starts ``streamlit run app.py`` on the 1M-entry database (a fresh server process: nothing imported,
nothing cached), opens it in headless Chromium (already running, like a user's browser) and stops the clock when
the Overview has drawn its title and all three charts and Streamlit has finished the script. The reference does the
same with bench/apps/one_chart.py on the same database. Runs interleave (app, reference, app …).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.common import ROOT, RUNS, WORK, Result, median
from bench.dbs import entries_db

CHROMIUM = os.environ.get("SECONOMY_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]
TARGET = 2.0
N = 1_000_000


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(script: Path, db: Path, port: int, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "SECONOMY_DB": str(db)}, stdout=log, stderr=subprocess.STDOUT)


def _healthy(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("streamlit exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("streamlit did not become healthy")


def _cold_start(browser, script: Path, db: Path, charts: int) -> float:
    port = _port()
    with (WORK / "coldstart.log").open("a") as log:
        started = time.perf_counter()
        server = _serve(script, db, port, log)
        try:
            _healthy(port, server)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
            page.wait_for_selector('[data-testid="stMain"] h1', timeout=120_000)
            page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot').length >= {charts}", timeout=120_000)
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
            seconds = time.perf_counter() - started
            page.close()
            return seconds
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def run() -> list[Result]:
    if not Path(CHROMIUM).exists():
        return [Result("pages", "1M entries: cold start to the first page (Chromium)", float("nan"),
                       note=f"skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")]
    from playwright.sync_api import sync_playwright

    db, _ = entries_db(N)
    ours, theirs = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(RUNS):
                ours.append(_cold_start(browser, ROOT / "app.py", db, 3))
                theirs.append(_cold_start(browser, ROOT / "bench" / "apps" / "one_chart.py", db, 1))
        finally:
            browser.close()
    return [Result("pages", "1M entries: cold start to the Overview drawn (Chromium)", median(ours),
                   "one-chart app, same database", median(theirs), target_ratio=TARGET, target_text=f"≤ {TARGET:g}×",
                   note="server start → title, 3 charts, script done", samples=ours, reference_samples=theirs)]
