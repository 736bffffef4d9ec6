"""Journey: a board member builds "Gladsaxe stops in April, Copenhagen −30 % from July" on the demo data,
sees the month the cash runs out, and downloads the board report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from seconomy import fmt, store
from seconomy.forecast import first_forecast_month
from seconomy.forecast.months import month_text
from seconomy.scenarios.results import run_scenario
from tests.e2e.conftest import SCREENSHOTS, wait_for_app

NAME = "Bestyrelsen: Gladsaxe og København"


def _settle(page: Page) -> None:
    """Let a rerun start, then wait until it has finished (a click can take a moment to reach the server)."""
    page.wait_for_timeout(500)
    wait_for_app(page)


def _choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox whose label is exactly ``label`` (retried if a rerun closes the list)."""
    exact = page.locator('[data-testid="stWidgetLabel"]').filter(has_text=re.compile(f"^{re.escape(label)}$"))
    box = page.locator('[data-testid="stSelectbox"]').filter(has=exact).first
    for attempt in range(3):
        box.click()
        choice = page.get_by_role("option", name=option, exact=True).first
        try:
            choice.click(timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            _settle(page)
    _settle(page)


def _expected_first_negative(db: Path) -> str:
    """The month the domain says the cash runs out in this scenario (the page must show the same)."""
    with store.session(db) as con:
        start = month_text(first_forecast_month(con))
        spec = {"name": NAME, "start": start, "months": 12,
                "shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
                           {"municipality": "København", "change": -0.3, "from": "2027-07"}]}
        result = run_scenario(con, json.dumps(spec))
    assert result.first_negative_cash_month is not None  # the demo's story: this scenario runs out of cash
    return fmt.month(result.first_negative_cash_month, "da")


def test_board_builds_the_scenario_sees_the_cash_run_out_and_downloads_the_report(page: Page, demo_server, tmp_path: Path):
    page.goto(demo_server.url)
    wait_for_app(page)
    page.get_by_role("link", name="Scenarier").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Budgetscenarier")).to_be_visible(timeout=20_000)

    label = page.locator('[data-testid="stWidgetLabel"]').filter(has_text=re.compile("^Navn$"))
    name = page.locator('[data-testid="stTextInput"]').filter(has=label).locator("input")
    name.fill(NAME)
    name.press("Enter")
    _settle(page)

    # Gladsaxe stops buying from April 2027
    _choose(page, "Kommune", "Gladsaxe")
    _choose(page, "Fra måned", "apr. 2027")  # months by name
    page.get_by_role("button", name="Tilføj stød").click()
    _settle(page)
    # Copenhagen overruns its budget and cuts 30 % from July 2027
    _choose(page, "Slags stød", "Midtvejsbesparelse efter sommerferien")
    _choose(page, "Kommune", "København")
    _choose(page, "Fra måned", "jul. 2027")
    page.get_by_role("button", name="Tilføj stød").click()
    _settle(page)

    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Første negative måned")
    first = _expected_first_negative(demo_server.db)
    expect(metric).to_contain_text(first, timeout=20_000)
    expect(page.get_by_text("likviditeten negativ i").first).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 2300})  # the whole page in one picture for the README
    page.get_by_role("heading", name="Budgetscenarier").scroll_into_view_if_needed()
    page.wait_for_timeout(1200)
    page.screenshot(path=str(SCREENSHOTS / "scenarios.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})

    page.get_by_role("tab", name="Bestyrelsesrapport").click()
    _settle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Hent bestyrelsesrapport").click()
    saved = tmp_path / "report.html"
    download.value.save_as(saved)
    report = saved.read_text(encoding="utf-8")
    assert NAME in report
    assert "plotly.js v" in report and len(report) > 3_000_000  # plotly.js embedded, nothing fetched
    assert "<script src=" not in report and "@page { size: A4" in report
    assert first in report and "Sammenfatning" in report  # the first page answers the question
