"""Journey: on a shared server with password login, a visitor sees only the login; a viewer signs in, sees the
pages with the write buttons greyed out, and signs out again."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from seconomy.access import hash_password
from tests.e2e.conftest import SCREENSHOTS, Server, wait_for_app

PASSWORD = "kage og kaffe"


@pytest.fixture
def login_server(demo_template, tmp_path):
    db = tmp_path / "login.duckdb"
    shutil.copy(demo_template, db)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[seconomy]\nlogin = "password"\n\n[seconomy.users.bestyrelse]\n'
                       f'password_hash = "{hash_password(PASSWORD)}"\nrole = "viewer"\n', encoding="utf-8")
    server = Server(db, ("--secrets.files", str(secrets)))
    yield server
    server.stop()


def test_a_viewer_signs_in_and_cannot_change_settings(page, login_server):
    page.goto(f"{login_server.url}/settings")  # a deep link: still only the login
    expect(page.get_by_role("heading", name="Log ind")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Indstillinger", exact=True)).to_have_count(0)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)  # no page is even listed
    page.get_by_label("Brugernavn").fill("bestyrelse")
    page.get_by_label("Adgangskode").fill("forkert")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_text("Forkert brugernavn eller adgangskode.")).to_be_visible(timeout=20_000)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    wait_for_app(page)
    expect(page.get_by_text("Logget ind som bestyrelse (læser)")).to_be_visible(timeout=20_000)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Indstillinger", exact=True).click()
    expect(page.get_by_role("heading", name="Indstillinger", exact=True)).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name="Gem indstillinger")).to_be_disabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "login_viewer.png"))
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("heading", name="Log ind")).to_be_visible(timeout=20_000)
