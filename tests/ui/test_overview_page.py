"""The overview page shows the demo figures, in Danish by default and in English on request."""

from __future__ import annotations

from seconomy import store
from seconomy.overview import overview
from seconomy.text import format as fmt
from seconomy.window import default_window
from tests.ui.apptest import open_page, texts


def _expected(demo_db):
    with store.session(demo_db) as con:
        return overview(con, default_window(con))


def test_overview_shows_trailing_income_largest_payer_and_runway_in_danish(demo_db):
    figures = _expected(demo_db)
    at = open_page()
    assert not at.exception
    shown = texts(at)
    assert "Overblik" in shown
    assert fmt.money(figures.total, "da") in shown
    assert fmt.percent(figures.largest_payer_share, "da") in shown
    assert "København" in shown  # the largest payer, all departments together
    assert fmt.number(figures.months_of_cash, "da", 1) in shown
    assert len(at.get("plotly_chart")) == 3


def test_overview_switches_to_english(demo_db):
    figures = _expected(demo_db)
    at = open_page()
    at.sidebar.radio(key="_lang_choice").set_value("en").run()
    shown = texts(at)
    assert "Overview" in shown
    assert fmt.money(figures.total, "en") in shown


def test_demo_banner_in_english_when_english_is_chosen(demo_db):
    at = open_page(lang="en")
    assert "Demo data" in texts(at)
