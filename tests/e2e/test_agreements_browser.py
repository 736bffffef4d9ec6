"""Journey: a manager adds a municipal contract in the browser, is stopped by a negative price, then sees it listed."""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import demo as _demo
from seconomy import store
from tests.e2e.conftest import SCREENSHOTS, wait_for_app

NEW_ID = len(_demo.generate().agreements) + 1  # the id the first added agreement gets on the demo


def test_add_a_contract_with_inline_validation(page, demo_server):
    page.goto(demo_server.url)
    wait_for_app(page)
    page.get_by_role("link", name="Aftaler og omkostninger").click()
    expect(page.get_by_role("heading", name="Aftaler og omkostninger")).to_be_visible(timeout=15_000)
    wait_for_app(page)

    form = page.locator('[data-testid="stForm"]').first
    form.locator('[data-testid="stSelectbox"]').filter(has_text="Kommune").click()
    page.keyboard.type("Herlev")
    page.keyboard.press("Enter")
    form.get_by_label("Afdeling").fill("Jobcenter")
    form.get_by_label("Pladser").fill("2")
    form.get_by_label("Pris pr. plads (kr.)").fill("-2700")
    form.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_text("Pris pr. plads (kr.): må ikke være negativ")).to_be_visible(timeout=15_000)

    form.get_by_label("Pris pr. plads (kr.)").fill("2700")
    form.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_text(f"Tilføjet: #{NEW_ID}")).to_be_visible(timeout=15_000)
    wait_for_app(page)
    with store.session(demo_server.db) as con:
        stored = con.execute("SELECT counterparty, price, is_demo FROM agreements WHERE id = ?", [NEW_ID]).fetchall()
    assert [(c, float(p), d) for c, p, d in stored] == [("Herlev Kommune, Jobcenter", 2700.0, False)]

    page.locator('[data-testid="stSelectbox"]').filter(has_text="Vælg en linje").first.click()
    expect(page.get_by_role("option", name=f"#{NEW_ID} Herlev – Jobcenter")).to_be_visible()
    page.keyboard.press("Escape")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "agreements.png"))
