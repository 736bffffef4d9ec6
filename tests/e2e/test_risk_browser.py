"""Journey: the manager opens the risk page on the demo enterprise, reads the verdict and sees the map of Denmark.

Every request that leaves the app's own server is blocked: the map must draw without tiles or topojson
from a CDN (see seconomy.risk.charts.municipality_map).
"""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import store
from seconomy.risk import concentration, render, verdict
from seconomy.window import default_window
from tests.e2e.conftest import SCREENSHOTS, wait_for_app


def test_risk_page_shows_verdict_and_map_offline(page, demo_server):
    with store.session(demo_server.db) as con:
        expected = render(verdict(concentration(con, default_window(con), "payer")), "da")
    outside: list[str] = []

    def local_only(route):
        url = route.request.url
        if url.startswith(demo_server.url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", local_only)
    page.goto(demo_server.url)
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Risiko", exact=True).click()
    expect(page.get_by_role("heading", name="Risiko: hvem er I afhængige af?")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(expected[:80]).first).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Københavns Kommune — alle forvaltninger tilsammen", exact=False).first).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(6, timeout=30_000)
    country = page.locator(".js-plotly-plot").nth(1)
    expect(country.locator(".choroplethlayer path")).to_have_count(98, timeout=20_000)  # every municipality, our GeoJSON
    zoom = page.locator(".js-plotly-plot").nth(2)
    expect(zoom.locator(".choroplethlayer path").first).to_be_visible()
    expect(page.get_by_text("Kommunegrænser: Geodatastyrelsen", exact=False)).to_be_visible()
    assert outside == [], f"the page asked the network for {outside}"

    country.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "risk_map.png"))
    page.locator("h1").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "risk.png"))
