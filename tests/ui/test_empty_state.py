"""An empty database offers the demo with a button (no CLI command to copy), in the page's language."""

from __future__ import annotations

from seconomy import store
from seconomy.settings import get_setting
from tests.ui.apptest import open_page, texts


def test_the_empty_overview_loads_the_demo_with_one_click(tmp_path, monkeypatch):
    db = tmp_path / "empty.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = open_page("pages/overview.py")
    assert "python -m seconomy" not in texts(at)
    button = at.button(key="empty_load_demo")
    assert button.label == "Indlæs demoen"
    button.click().run()
    assert not at.exception, at.exception
    with store.session(db) as con:
        assert get_setting(con, "dataset") == "demo" and store.has_demo(con)
    assert at.metric, "the overview draws its figures once the demo is in"


def test_the_button_speaks_english_too(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "empty.duckdb"))
    at = open_page("pages/risk.py", lang="en")
    assert at.button(key="empty_load_demo").label == "Load the demo"
    assert "Import your own books" in texts(at)
