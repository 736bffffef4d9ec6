"""Journey: names people typed with markdown or HTML (the largest payer is ``![b](http://127.0.0.1:1/x.png)``) are
shown as text on every page: the browser never asks for the image, and no ``<img>`` from a name is in the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, wait_for_app
from tests.ui import hostile

PAGES = ("overview", "data", "risk", "effect", "agreements", "scenarios", "grants", "settings")


@pytest.fixture
def hostile_server(demo_template, tmp_path):
    server = Server(hostile.make(demo_template, tmp_path / "hostile.duckdb"))
    yield server
    server.stop()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_page_fetches_what_a_name_points_to(page, hostile_server, lang):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "127.0.0.1:1/" in request.url else None)
    for name in PAGES:
        page.goto(f"{hostile_server.url}/{name}?lang={lang}")
        wait_for_app(page, timeout=40_000)
        page.wait_for_timeout(1500)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        assert page.locator('img[src="x"], img[src*="127.0.0.1:1"], a[href*="127.0.0.1:1"]').count() == 0, name
    assert asked == []
