"""Journey: a new user drops their Danske Bank statement on the Data page, sees the streams per counterparty,
corrects one, keeps the balance as the cash, imports, and sees income, costs and cash with the checklist."""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import store
from tests.data.banks.make_banks import HERE
from tests.e2e.conftest import SCREENSHOTS, wait_for_app

STATEMENT = HERE / "danske_bank.csv"


def test_drop_a_bank_statement_and_see_income_costs_and_cash(page, demo_server):
    page.goto(demo_server.url)
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Data", exact=True).click()
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible(timeout=15_000)
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(STATEMENT))
    expect(page.get_by_text("kontoudtog fra Danske Bank")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("1 ventende rækker sprunget over")).to_be_visible()
    expect(page.get_by_text("1 overførsler mellem egne konti sprunget over")).to_be_visible()
    expect(page.get_by_role("heading", name="Indtægtstype pr. modpart")).to_be_visible()
    page.get_by_text("Brug saldoen 178.075,94 kr. pr. 25.11.2026 som likvid beholdning").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "data-bank-preview.png"), full_page=True)

    page.get_by_role("button", name="Fjern demoen og importér").click()
    expect(page.get_by_text("Saldoen er gemt som likvid beholdning")).to_be_visible(timeout=30_000)
    with store.session(demo_server.db) as con:
        assert con.execute("SELECT value FROM settings WHERE name = 'opening_cash'").fetchall() == [("178075.94",)]

    page.locator('[data-testid="stSidebarNav"]').get_by_text("Overblik", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Kom godt i gang med jeres egne tal")).to_be_visible(timeout=15_000)
    # By hand (tests/data/banks/make_banks.py): income 142.310,50, costs 34.234,56, result 108.075,94.
    expect(page.get_by_text("142.311 kr.").first).to_be_visible()
    expect(page.get_by_text("34.235 kr.").first).to_be_visible()
    expect(page.get_by_text("108.076 kr.").first).to_be_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "overview-first-hour.png"), full_page=True)
