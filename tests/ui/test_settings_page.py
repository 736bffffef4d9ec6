"""The settings page saves valid settings and refuses invalid ones without saving anything."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from seconomy import demo, fmt, store
from seconomy.settings import get_settings
from seconomy.text.catalog import CATALOG
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


def test_settings_take_what_people_type_in_danish(demo_db):
    at = open_page("pages/settings.py")
    at.text_input(key="setting_major_share").set_value("0,12")
    at.text_input(key="setting_critical_share").set_value("35 %")
    at.text_input(key="setting_opening_cash").set_value("1.234.567,50")
    at.text_input(key="setting_hhi_moderate").set_value("1600")
    at.date_input(key="setting_cash_date").set_value(dt.date(2026, 12, 31))
    at.radio(key="setting_language").set_value("en")
    at.button[0].click().run()
    assert not at.exception and at.success
    stored = _stored(demo_db)
    assert (stored["major_share"], stored["critical_share"]) == (0.12, 0.35)
    assert stored["opening_cash"] == Decimal("1234567.50") and stored["hhi_moderate"] == 1600.0
    assert stored["cash_date"] == "2026-12-31" and stored["language"] == "en"
    assert at.text_input(key="setting_opening_cash").value == "1.234.567,50"  # shown back the Danish way
    assert at.text_input(key="setting_critical_share").value == "35 %"


def test_an_invalid_value_is_explained_beside_its_own_field_in_danish(demo_db):
    before = _stored(demo_db)
    at = open_page("pages/settings.py")
    at.text_input(key="setting_critical_share").set_value("5 %")  # below the major share of 10 %
    at.text_input(key="setting_effect_horizon_months").set_value("tolv")
    at.button[0].click().run()
    captions = [c.value for c in at.caption]
    assert any("større end andelen for en stor kunde" in c for c in captions)
    assert any("skal være et helt tal" in c for c in captions)
    assert at.error and "ikke gemt" in at.error[0].value
    assert _stored(demo_db) == before


def test_the_settings_table_shows_words_not_ids(demo_db):
    at = open_page("pages/settings.py")
    table = at.get("table")[0].value
    shown = " ".join(str(v) for c in table.columns for v in table[c]).replace("\\", "")  # cells are escaped markdown
    assert "opening_cash" not in shown and "dataset" not in shown and "demodata" in shown
    assert fmt.money(Decimal(demo.OPENING_CASH), "da") in shown and "Likvid beholdning (kr.)" in shown  # 700.000 kr.


def test_saving_unchanged_fields_changes_nothing_in_either_language(demo_db):
    """What a field shows (1500, 10 %, 420.000) reads back as the same value: a save without edits is a no-op."""
    before = _stored(demo_db)
    for lang in ("da", "en"):
        at = open_page("pages/settings.py", lang=lang)
        at.button[0].click().run()
        assert not at.exception and at.success
        assert _stored(demo_db) == before


def test_the_forecast_settings_are_fields_of_their_own(demo_db):
    """Payment terms, VAT and the renewal correlation: numbers, a share, a choice of period and of streams."""
    at = open_page("pages/settings.py")
    at.text_input(key="setting_payment_days_municipal_contract").set_value("45")
    at.text_input(key="setting_vat_rate").set_value("12,5 %")
    at.selectbox(key="setting_vat_period").set_value("quarterly")
    at.multiselect(key="setting_vat_streams").set_value(["product_sale", "other"])
    at.text_input(key="setting_renewal_correlation").set_value("50 %")
    at.button[0].click().run()
    assert not at.exception and at.success
    stored = _stored(demo_db)
    assert (stored["payment_days_municipal_contract"], stored["vat_rate"], stored["vat_period"]) == (45, 0.125, "quarterly")
    assert stored["vat_streams"] == "product_sale,other" and stored["renewal_correlation"] == 0.5
    table = at.get("table")[0].value
    shown = " ".join(str(v) for c in table.columns for v in table[c]).replace("\\", "")
    streams = f"{CATALOG['stream.product_sale'][0]}, {CATALOG['stream.other'][0]}"  # in words, not ids
    assert "Kvartalsvis" in shown and streams in shown and "product_sale" not in shown


def test_a_payment_term_over_a_year_is_refused_beside_its_field(demo_db):
    before = _stored(demo_db)
    at = open_page("pages/settings.py")
    at.text_input(key="setting_payment_days_product_sale").set_value("400")
    at.button[0].click().run()
    assert any("skal være 0 til 365 dage" in c.value for c in at.caption)
    assert _stored(demo_db) == before
