"""Journey: a fundraiser opens the grant planner on the demo, adds an application in the browser and sees the
probability of covering the gap change — the figure the CLI gives for the same database."""

from __future__ import annotations

import json
import subprocess
import sys

from playwright.sync_api import Page, expect

from seconomy.text import format as fmt
from tests.e2e.conftest import ROOT, SCREENSHOTS, wait_for_app

METRIC = "Chance for dækning"


def _settle(page: Page) -> None:
    page.wait_for_timeout(500)
    wait_for_app(page)


def _p_cover_from_cli(db) -> str:
    run = subprocess.run([sys.executable, "-m", "seconomy", "--db", str(db), "grants", "--json"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return fmt.percent(json.loads(run.stdout)["p_cover"], "da")


def _metric(page: Page):
    return page.locator('[data-testid="stMetric"]').filter(has_text=METRIC).locator('[data-testid="stMetricValue"]')


def test_a_fundraiser_adds_an_application_and_sees_the_chance_change(page: Page, demo_server):
    before = _p_cover_from_cli(demo_server.db)
    page.goto(demo_server.url)
    wait_for_app(page)
    page.get_by_role("link", name="Fondsansøgninger").click()
    expect(page.get_by_role("heading", name="Fondsansøgninger")).to_be_visible(timeout=20_000)
    wait_for_app(page)
    expect(_metric(page)).to_have_text(before, timeout=20_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()

    page.get_by_role("tab", name="Ansøgninger").click()
    _settle(page)
    form = page.locator('[data-testid="stForm"]').filter(has_text="Ny ansøgning")
    form.get_by_label("Fond eller pulje").fill("Nordea-fonden")
    form.get_by_label("Projekt").fill("Byhaven for alle")
    form.get_by_label("Ansøgt beløb (kr.)").fill("400000")
    form.locator('[data-testid="stSelectbox"]').filter(has_text="Fase").click()
    page.get_by_role("option", name="Shortlistet", exact=True).click()
    form.get_by_label("Timer tilbage").fill("8")
    form.get_by_role("button", name="Tilføj ansøgning").click()
    expect(page.get_by_text("Tilføjet: ansøgning #18")).to_be_visible(timeout=20_000)
    _settle(page)

    after = _p_cover_from_cli(demo_server.db)
    assert after != before
    expect(_metric(page)).to_have_text(after, timeout=20_000)

    page.get_by_role("tab", name="Plan for året").click()
    _settle(page)
    expect(page.get_by_text("Nordea-fonden").first).to_be_attached()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.get_by_role("heading", name="Fondsansøgninger").scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "grants.png"))
