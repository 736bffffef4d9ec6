"""Journey: a Danish user on an English browser (and an English user on a Danish one) sees only their language's
conventions on every page — metrics, tables, chart axes — and a reload keeps the language.

Every page is screenshotted at 1280 px in both set-ups (docs/screenshots/i18n/, looked at by hand); the figures
checked are computed from the database here and formatted by hand-readable rules (1.234.567 kr. / DKK 1,234,567).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from seconomy import store
from seconomy.overview import overview
from seconomy.risk import concentration
from seconomy.text import format as fmt
from seconomy.window import default_window
from tests.e2e.conftest import SCREENSHOTS, wait_for_app

PAGES = ("overview", "data", "risk", "effect", "agreements", "scenarios", "grants", "settings")
SETUPS = [("da", "en-US"), ("en", "da-DK")]  # (the UI's language, the browser's locale)
SHOTS = SCREENSHOTS / "i18n"


def _shoot(page, name: str) -> None:
    """The whole page: the viewport grows to the app's scroll height for the picture."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 40, 12000)})
    page.wait_for_timeout(1200)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def _open(page, server, name: str, lang: str) -> None:
    page.goto(f"{server.url}/{name}?lang={lang}")
    wait_for_app(page, timeout=40_000)
    page.wait_for_timeout(1500)


def _ticks(page, axis: str) -> list[str]:
    return page.eval_on_selector_all(f".js-plotly-plot .{axis}tick text", "els => els.map(e => e.textContent)")


@pytest.mark.parametrize(("lang", "locale"), SETUPS)
def test_every_page_speaks_the_chosen_language_whatever_the_browser(browser, demo_server, lang, locale):
    with store.session(demo_server.db) as con:
        window = default_window(con)
        total = overview(con, window).total
        top = concentration(con, window, "payer").groups.iloc[0]
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name in PAGES:
        _open(page, demo_server, name, lang)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        if name == "risk" and lang == "da":  # the README's picture
            page.set_viewport_size({"width": 1280, "height": 1350})
            page.wait_for_timeout(800)
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"{lang}-browser-{locale}-risk-top.png"))
        _shoot(page, f"{lang}-browser-{locale}-{name}")

        if name == "overview":
            expect(page.get_by_text(fmt.money(total, lang), exact=True).first).to_be_visible()
            months = [t for t in _ticks(page, "x") if re.search(r"\d{4}$", t)]
            assert months and all(re.match(r"^[a-zæøå]{3}\.? \d{4}$" if lang == "da" else r"^[A-Z][a-z]{2} \d{4}$", m)
                                  for m in months), months
            amounts = [t for t in _ticks(page, "y") if len(t) > 4]
            separator = "." if lang == "da" else ","
            assert amounts and all(separator in a for a in amounts), amounts
        if name == "risk":
            cells = page.locator('[data-testid="stDataFrame"]').first
            expect(cells).to_be_visible()
            expect(page.get_by_text(fmt.percent(top["share"], lang)).first).to_be_visible()
            suffix = _ticks(page, "y")
            assert any(t.endswith(" %") for t in suffix) if lang == "da" else all(not t.endswith(" %") for t in suffix)
    assert errors == []
    context.close()


def test_the_language_is_kept_in_the_address_and_survives_a_reload(page, demo_server):
    page.goto(f"{demo_server.url}/risk")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Risiko: hvem er I afhængige af?")).to_be_visible()
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Risk: whom do you depend on?")).to_be_visible(timeout=15_000)
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=10_000)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Risk: whom do you depend on?")).to_be_visible(timeout=15_000)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Settings", exact=True).click()
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible(timeout=15_000)
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=10_000)  # a deep link carries it
    page.goto(f"{demo_server.url}/overview?lang=da")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Overblik")).to_be_visible(timeout=15_000)
