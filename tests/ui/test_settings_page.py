"""The settings page saves valid settings and refuses invalid ones without saving anything."""

from __future__ import annotations

from seconomy import store
from seconomy.settings import get_settings
from tests.ui.apptest import open_page


def _stored(db):
    with store.session(db) as con:
        return get_settings(con)


def test_settings_page_saves_a_threshold(demo_db):
    at = open_page("pages/settings.py")
    at.text_input(key="setting_hhi_high").set_value("3000")
    at.button[0].click().run()
    assert not at.exception
    assert at.success
    assert _stored(demo_db)["hhi_high"] == 3000.0


def test_settings_page_refuses_inconsistent_thresholds_and_keeps_old_values(demo_db):
    before = _stored(demo_db)
    at = open_page("pages/settings.py", lang="en")
    at.text_input(key="setting_hhi_moderate").set_value("4000")
    at.text_input(key="setting_opening_cash").set_value("lots")
    at.button[0].click().run()
    assert at.error and "not saved" in at.error[0].value
    assert _stored(demo_db) == before
