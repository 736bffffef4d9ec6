"""Journey: a new user opens the dashboard on the demo enterprise and switches to English."""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import store
from seconomy.overview import overview
from seconomy.text import format as fmt
from seconomy.window import default_window
from tests.e2e.conftest import SCREENSHOTS, wait_for_app


def test_overview_shows_demo_figures_and_switches_language(page, demo_server):
    with store.session(demo_server.db) as con:
        figures = overview(con, default_window(con))
    page.goto(demo_server.url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Overblik")).to_be_visible()
    expect(page.get_by_text(fmt.money(figures.total, "da")).first).to_be_visible()
    expect(page.get_by_text("Demodata").first).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(3, timeout=20_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)

    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=15_000)
    expect(page.get_by_text(fmt.money(figures.total, "en")).first).to_be_visible()
    expect(page.get_by_text("Demo data").first).to_be_visible()
