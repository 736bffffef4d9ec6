"""Journey: a user on the demo uploads their Danish ledger on the Data page, imports it, and sees the overview change."""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import store
from seconomy.overview import overview
from seconomy.text import format as fmt
from seconomy.window import default_window
from tests.e2e.conftest import SCREENSHOTS, wait_for_app
from tests.ingest.helpers import OK

LEDGER = OK / "da_semicolon_cp1252.csv"


def _overview_total(db) -> str:
    with store.session(db) as con:
        return fmt.money(overview(con, default_window(con)).total, "da")


def test_upload_a_danish_csv_and_the_overview_changes(page, demo_server):
    demo_total = _overview_total(demo_server.db)
    page.goto(demo_server.url)
    wait_for_app(page)
    expect(page.get_by_text(demo_total).first).to_be_visible(timeout=20_000)

    page.locator('[data-testid="stSidebarNav"]').get_by_text("Data", exact=True).click()
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible(timeout=15_000)
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(LEDGER))
    expect(page.get_by_text("Genkendt format: CSV, Windows-1252, adskilt med semikolon")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name="Kommune udledt af modparten")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "data-preview.png"), full_page=True)

    page.get_by_role("button", name="Fjern demoen og importér 12 rækker").click()
    expect(page.get_by_text("12 nye rækker, 0 fandtes allerede, 0 afvist")).to_be_visible(timeout=30_000)

    page.locator('[data-testid="stSidebarNav"]').get_by_text("Overblik", exact=True).click()
    wait_for_app(page)
    own_total = _overview_total(demo_server.db)
    assert own_total != demo_total
    expect(page.get_by_role("heading", name="Overblik")).to_be_visible(timeout=15_000)
    expect(page.get_by_text(own_total).first).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Demodata")).to_have_count(0)
