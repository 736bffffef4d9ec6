"""The Agreements page: lists, add/edit/end/delete with inline validation, costs, cash, file import/export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from seconomy import demo, fmt, store
from seconomy import demo as _demo
from seconomy.agreements import files
from seconomy.agreements.views import cost_summary
from tests.ui.apptest import open_page, texts

DEMO_AGREEMENTS = len(_demo.generate().agreements)  # the demo ships this many agreements
DEMO_COSTS = len(_demo.generate().costs)

PAGE = "pages/agreements.py"
NEW = "ag_contract_new_0"


def _rows(db, sql: str, params=None):
    with store.session(db) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture
def at(demo_db):
    """The page on a private copy of the demo (named ``at``: ``page`` is pytest-playwright's browser page)."""
    app = open_page(PAGE)
    assert not app.exception, app.exception
    return app


def test_lists_the_demo_agreements_costs_and_cash(at, demo_db):
    with store.session(demo_db) as con:
        costs = cost_summary(con, dt.date.today().replace(day=1))
    shown = texts(at)
    assert "Aftaler og omkostninger" in shown
    assert "Kontrakter og løntilskud i" in shown
    assert fmt.money(costs.fixed, "da") in shown and fmt.money(costs.wage, "da") in shown  # per month
    assert fmt.money(demo.OPENING_CASH, "da") in shown
    frames = [f.value for f in at.dataframe]
    contracts, grants, costs = frames[:3]
    assert "Gladsaxe" in contracts.iloc[:, 1].tolist() and "2 × 2.700 kr./uge" in contracts.iloc[:, 4].tolist()
    assert "Spirefonden" in grants.iloc[:, 1].tolist()
    assert "Husleje" in costs.iloc[:, 1].tolist()


def test_adding_a_contract_stores_it_as_the_users_own(at, demo_db):
    at.selectbox(key=f"{NEW}_municipality").set_value("Herlev")
    at.text_input(key=f"{NEW}_department").set_value("Jobcenter")
    at.text_input(key=f"{NEW}_placements").set_value("2")
    at.text_input(key=f"{NEW}_price").set_value("2.700,00")  # typed the Danish way
    at.date_input(key=f"{NEW}_start").set_value(dt.date(2027, 1, 1))
    at.button(key=f"{NEW}_save").click().run()
    assert not at.exception, at.exception
    assert any(f"Tilføjet: #{DEMO_AGREEMENTS + 1}" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT counterparty, price, price_unit, is_demo FROM agreements WHERE id = ?", [DEMO_AGREEMENTS + 1]) == [
        ("Herlev Kommune, Jobcenter", Decimal("2700.00"), "week", False)]


def test_a_contracts_own_payment_term_is_stored_and_checked(at, demo_db):
    at.selectbox(key=f"{NEW}_municipality").set_value("Herlev")
    at.text_input(key=f"{NEW}_monthly").set_value("9.000")
    at.text_input(key=f"{NEW}_payment_days").set_value("400")
    at.button(key=f"{NEW}_save").click().run()
    assert "Betalingsfrist (dage)" in " ".join(e.value for e in at.error)  # 0–365 days
    assert _rows(demo_db, "SELECT count(*) FROM agreements") == [(DEMO_AGREEMENTS,)]
    at.text_input(key=f"{NEW}_payment_days").set_value("45")
    at.button(key=f"{NEW}_save").click().run()
    assert not at.exception, at.exception
    assert _rows(demo_db, "SELECT payment_days FROM agreements WHERE id = ?", [DEMO_AGREEMENTS + 1]) == [(45,)]


def test_a_negative_price_is_refused_with_a_message_beside_the_form(at, demo_db):
    at.selectbox(key=f"{NEW}_municipality").set_value("Herlev")
    at.text_input(key=f"{NEW}_placements").set_value("2")
    at.text_input(key=f"{NEW}_price").set_value("-2.700")
    at.button(key=f"{NEW}_save").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Pris pr. plads (kr.)**: må ikke være negativ" in errors
    assert _rows(demo_db, "SELECT count(*) FROM agreements") == [(DEMO_AGREEMENTS,)]


def test_editing_a_demo_contract_keeps_it_a_demo_row(at, demo_db):
    at.selectbox(key="ag_contract_pick_0").set_value(3).run()
    assert at.text_input(key="ag_contract_3_0_price").value == "2.400"  # the stored price, written the Danish way
    at.text_input(key="ag_contract_3_0_price").set_value("2600")
    at.button(key="ag_contract_3_0_save").click().run()
    assert any("Gemt: #3" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT price, is_demo FROM agreements WHERE id = 3") == [(Decimal("2600.00"), True)]
    assert at.selectbox(key="ag_contract_pick_1").value == 3  # still selected after the save


def test_ending_and_deleting_a_contract(at, demo_db):
    at.selectbox(key="ag_contract_pick_0").set_value(3).run()
    at.date_input(key="ag_contract_3_0_end_date").set_value(dt.date(2027, 3, 31))
    at.button(key="ag_contract_3_0_end").click().run()
    assert _rows(demo_db, "SELECT status, end_date FROM agreements WHERE id = 3") == [("ended", dt.date(2027, 3, 31))]
    at.button(key="ag_contract_3_1_delete").click().run()
    assert any("Sæt kryds" in w.value for w in at.warning)
    at.checkbox(key="ag_contract_3_1_confirm").check()
    at.button(key="ag_contract_3_1_delete").click().run()
    assert _rows(demo_db, "SELECT count(*) FROM agreements WHERE id = 3") == [(0,)]


def test_adding_a_grant_and_a_variable_cost(at, demo_db):
    at.text_input(key="ag_grant_new_0_counterparty").set_value("Nordea-fonden")
    at.text_input(key="ag_grant_new_0_total").set_value("300.000 kr.")
    at.selectbox(key="ag_grant_new_0_schedule").set_value("half_yearly")
    at.date_input(key="ag_grant_new_0_end_date").set_value(dt.date(2028, 12, 31))
    at.button(key="ag_grant_new_0_save").click().run()
    assert _rows(demo_db, "SELECT total_amount, schedule FROM agreements WHERE counterparty = 'Nordea-fonden'") == [
        (Decimal("300000.00"), "half_yearly")]
    at.text_input(key="ag_cost_new_1_category").set_value("Emballage")
    at.selectbox(key="ag_cost_new_1_kind").set_value("variable")
    at.text_input(key="ag_cost_new_1_share").set_value("5 %")
    at.selectbox(key="ag_cost_new_1_stream").set_value("product_sale")
    at.button(key="ag_cost_new_1_save").click().run()
    assert _rows(demo_db, "SELECT share_of_income, stream FROM costs WHERE category = 'Emballage'") == [
        (Decimal("0.0500"), "product_sale")]


def test_saving_the_opening_cash(at, demo_db):
    at.text_input(key="ag_cash_0_amount").set_value("350.000")
    at.date_input(key="ag_cash_0_date").set_value(dt.date(2026, 11, 30))
    at.button(key="ag_cash_0_save").click().run()
    assert dict(_rows(demo_db, "SELECT name, value FROM settings WHERE name IN ('opening_cash', 'cash_date')")) == {
        "opening_cash": "350000.00", "cash_date": "2026-11-30"}
    assert "350.000 kr." in texts(at)


def test_uploading_a_bad_file_shows_the_line_errors_and_imports_nothing(at, demo_db):
    data = b"type,stream,municipality,placements,price,price unit,start\nagreement,municipal_contract,Atlantis,2,-5,week," \
           b"2027-01-01\n"
    at.file_uploader(key="ag_upload_0").set_value(("bad.csv", data, "text/csv")).run()
    assert any("2 problem(er)" in e.value for e in at.error)
    problems = at.dataframe[-1].value
    assert problems.iloc[:, 0].tolist() == ["2", "2"] and set(problems.iloc[:, 1]) == {"municipality", "price"}
    assert "må ikke være negativ" in problems.iloc[:, 3].tolist()
    assert _rows(demo_db, "SELECT count(*) FROM agreements") == [(DEMO_AGREEMENTS,)]


def test_uploading_a_good_file_previews_then_replaces(at, demo_db):
    data = "kategori;omkostningsart;månedligt beløb\nHusleje;fast;50.000,00\n".encode("cp1252")
    at.file_uploader(key="ag_upload_0").set_value(("omk.csv", data, "text/csv")).run()
    preview = " ".join(i.value for i in at.info)
    assert "Omkostninger: 1 nye, 0 ændrede, 0 uændrede, 7 fjernes" in preview
    assert "Aftaler: ingen i filen" in preview
    at.button(key="ag_import_0").click().run()
    assert any("Filen er indlæst" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT category, monthly_amount FROM costs") == [("Husleje", Decimal("50000.00"))]


def test_uploading_the_export_says_there_is_nothing_to_change(at, demo_db):
    with store.session(demo_db) as con:
        data = files.export_bytes(con, ".xlsx", "da")
    at.file_uploader(key="ag_upload_0").set_value(("aftaler.xlsx", data, "application/octet-stream")).run()
    assert any("intet at ændre" in i.value for i in at.info)


def test_english(demo_db):
    at = open_page(PAGE, lang="en")
    shown = texts(at)
    assert "Agreements and costs" in shown and fmt.money(demo.OPENING_CASH, "en") in shown
    at.text_input(key=f"{NEW}_price").set_value("-1.00")
    at.button(key=f"{NEW}_save").click().run()
    assert "must not be negative" in " ".join(e.value for e in at.error)


def test_an_unreadable_amount_is_explained_beside_its_field_and_nothing_is_saved(at, demo_db):
    at.selectbox(key=f"{NEW}_municipality").set_value("Herlev")
    at.text_input(key=f"{NEW}_placements").set_value("2")
    at.text_input(key=f"{NEW}_price").set_value("to tusind")
    at.button(key=f"{NEW}_save").click().run()
    assert any("kan ikke læses som et beløb" in c.value for c in at.caption)  # beside the field, in Danish
    assert _rows(demo_db, "SELECT count(*) FROM agreements") == [(DEMO_AGREEMENTS,)]


def test_an_amount_typed_the_english_way_is_shown_back_the_danish_way(at, demo_db):
    at.text_input(key=f"{NEW}_monthly").set_value("46,000.50")
    at.button(key=f"{NEW}_save").click().run()  # refused (no payer): the form stays, its value rewritten
    assert at.text_input(key=f"{NEW}_monthly").value == "46.000,50"


def test_every_validation_reason_has_danish_and_english_text():
    from seconomy.agreements.model import REASONS
    from seconomy.text.catalog import CATALOG

    shown = {key.removeprefix("agreements.err.") for key in CATALOG if key.startswith("agreements.err.")}
    assert shown == set(REASONS)
