"""A deep link (a bookmark, a reload, the Risk page's link to a municipality's effect) opens the page inside the app:
the app's navigation, the language switch and the demo banner — even as the very first request of a fresh server."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app


def test_a_deep_link_as_first_request_opens_the_page_inside_the_app(page, demo_server):
    page.goto(f"{demo_server.url}/effect?municipality=159")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Effekt og relationer")).to_be_visible(timeout=20_000)
    nav = page.locator('[data-testid="stSidebarNav"]')
    expect(nav.get_by_text("Overblik", exact=True)).to_be_visible()
    expect(nav.get_by_text("app", exact=True)).to_have_count(0)
    expect(page.get_by_text("Sprog / Language")).to_be_visible()
    expect(page.get_by_text("Demodata").first).to_be_visible()
    expect(page.get_by_role("heading", name="Gladsaxe").first).to_be_visible()
