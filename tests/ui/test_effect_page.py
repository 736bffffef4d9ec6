"""The effect page: both languages, the same figures as the CLI, ?municipality=, edits, import, relations, purge."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from seconomy import store
from seconomy.cli import main
from seconomy.risk import exposure_ahead
from seconomy.text import format as fmt
from seconomy.window import default_window
from tests.effect.conftest import HAND
from tests.ui.apptest import APP, open_page, texts

PAGE = "pages/effect.py"
NEW = "ef_pl_new_0"


def _rows(db, sql: str, params=None):
    with store.session(db) as con:
        return con.execute(sql, params or []).fetchall()


def _frame(at, first_header: str):
    return next(f.value for f in at.dataframe if list(f.value.columns)[:1] == [first_header])


def _open_with(code: str, lang: str | None = None) -> AppTest:
    """The page as the Risk page's link opens it: ``?municipality=CODE``."""
    at = AppTest.from_file(APP, default_timeout=30)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.query_params["municipality"] = code
    return at.run()


@pytest.fixture
def at(demo_db):
    app = open_page(PAGE)
    assert not app.exception, app.exception
    return app


def test_danish_by_default_and_english(demo_db):
    at = open_page(PAGE)
    assert not at.exception
    assert "Effekt og relationer" in texts(at) and at.selectbox(key="ef_municipality").value == 0  # all
    english = open_page(PAGE, lang="en")
    assert not english.exception
    shown = texts(english)
    assert "Effect and relations" in shown and "Trend per half year" in shown and "Assumptions" in shown


def test_the_overview_equals_the_cli_json(at, demo_db, capsys):
    assert main(["--db", str(demo_db), "effect", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    table = _frame(at, "Kommune")
    assert table["Kommune"].tolist() == [r["municipality"] for r in expected] + ["Alle kommuner"]
    assert table["Afsluttede"].tolist()[:-1] == [fmt.number(r["ended"], "da") for r in expected]
    assert table["Job eller uddannelse"].tolist()[:-1] == [fmt.number(r["exits_to_work_or_education"], "da") for r in expected]
    assert table["Kommunens netto"].tolist()[:-1] == [fmt.money(r["municipal_net"], "da") for r in expected]
    assert table["Pris pr. job/uddannelse"].tolist()[:-1] == [fmt.money(r["price_per_exit"], "da") for r in expected]
    small = [r["municipality"] for r in expected if r["suppressed"]]
    assert small == ["Ballerup"] and table.set_index("Kommune").loc["Ballerup", "Bemærk"] == "færre end 5 afsluttede"


def test_the_risk_pages_link_opens_one_municipality(demo_db, capsys):
    at = _open_with("159")
    assert not at.exception, at.exception
    assert at.selectbox(key="ef_municipality").value == 159
    assert main(["--db", str(demo_db), "effect", "--municipality", "Gladsaxe", "--json"]) == 0
    gladsaxe = json.loads(capsys.readouterr().out)[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Job eller uddannelse"] == fmt.number(gladsaxe["exits_to_work_or_education"], "da")
    assert metrics["Andel i job/udd."] == fmt.percent(gladsaxe["exit_rate"], "da")
    assert metrics["Kommunens netto"] == fmt.money(gladsaxe["municipal_net"], "da")
    assert metrics["Andel af indtægt"] == "9,2 %"  # beside its share of income (Nov 2025 – Oct 2026)
    assert "Lise Kragh" in _frame(at, "Navn")["Navn"].tolist()  # its contacts


def test_adding_a_placement_and_refusing_a_cpr_number(demo_db):
    at = _open_with("163")
    before = _rows(demo_db, "SELECT count(*) FROM placements")[0][0]
    at.text_input(key=f"{NEW}_participant").set_value("010190-1234")
    at.selectbox(key=f"{NEW}_scheme").set_value("mentor")
    at.text_input(key=f"{NEW}_price").set_value("2.700")
    at.button(key=f"{NEW}_save").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "ligner et CPR\\-nummer" in errors and "ddmmyy\\-xxxx" in errors
    assert "010190" not in texts(at) and _rows(demo_db, "SELECT count(*) FROM placements")[0][0] == before
    at.text_input(key=f"{NEW}_participant").set_value("HV-100")
    at.date_input(key=f"{NEW}_start").set_value(dt.date(2026, 11, 2))
    at.button(key=f"{NEW}_save").click().run()
    assert not at.exception and any("Tilføjet" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT municipality_code, scheme, price, price_unit, is_demo FROM placements "
                          "WHERE participant_code = 'HV-100'") == [(163, "mentor", 2700, "week", False)]


def test_ending_and_deleting_a_placement(demo_db):
    at = _open_with("151")
    running = _rows(demo_db, "SELECT id FROM placements WHERE municipality_code = 151 AND end_date IS NULL")[0][0]
    at.selectbox(key="ef_placement_pick_0").set_value(running).run()
    key = f"ef_pl_{running}_0"
    at.date_input(key=f"{key}_end").set_value(dt.date(2026, 11, 27))
    at.button(key=f"{key}_save").click().run()
    assert any("Ikke gemt" in e.value and "udfald" in e.value for e in at.error)  # an end needs an outcome
    at.selectbox(key=f"{key}_outcome").set_value("job")
    at.button(key=f"{key}_save").click().run()
    assert _rows(demo_db, "SELECT end_date, outcome FROM placements WHERE id = ?", [running]) == [(dt.date(2026, 11, 27), "job")]
    key = f"ef_pl_{running}_1"
    at.button(key=f"{key}_delete").click().run()
    assert any("Sæt kryds" in w.value for w in at.warning)
    at.checkbox(key=f"{key}_confirm").check()
    at.button(key=f"{key}_delete").click().run()
    assert _rows(demo_db, "SELECT count(*) FROM placements WHERE id = ?", [running]) == [(0,)]


def test_importing_a_file_on_the_page(at, demo_db):
    at.file_uploader(key="ef_upload_0").set_value(("forloeb.csv", HAND.read_bytes(), "text/csv")).run()
    assert not at.exception
    assert any("tilføje 11" in i.value for i in at.info)
    at.button(key="ef_import_0").click().run()
    assert any("Importeret: 11 tilføjet" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT count(*) FROM placements WHERE participant_code IN ('P1', 'HX1')") == [(2,)]


def test_a_bad_file_lists_every_line_and_masks_cpr_numbers(at, demo_db):
    bad = b"deltager;kommune;ordning;start;pris pr. uge;note\n010190-1234;Gladsaxe;STU;06-01-2025;2.000;hej\n"
    at.file_uploader(key="ef_upload_0").set_value(("bad.csv", bad, "text/csv")).run()
    table = _frame(at, "Linje")
    assert table["Linje"].tolist() == ["1", "2"] and table["Værdi"].tolist()[1] == "ddmmyy-xxxx"
    assert "fritekst" in table["Problem"].tolist()[0]
    assert "010190" not in table.to_string()


def test_a_middle_manager_meeting_takes_gladsaxe_off_the_budget_list(demo_db):
    at = _open_with("159")
    at.date_input(key="ef_budget_as_of").set_value(dt.date(2026, 12, 1)).run()
    budget = next(f.value for f in at.dataframe if "Mellemledere" in f.value.columns)
    assert budget["Kommune"].tolist() == ["Gladsaxe"] and budget["Mellemledere"].tolist() == ["Lise Kragh"]
    manager = _rows(demo_db, "SELECT id FROM contacts WHERE name = 'Lise Kragh'")[0][0]
    at.date_input(key="ef_log_new_0_date").set_value(dt.date(2026, 11, 30))
    at.selectbox(key="ef_log_new_0_kind").set_value("meeting")
    at.selectbox(key="ef_log_new_0_contact").set_value(manager)
    at.text_area(key="ef_log_new_0_summary").set_value("Resultater og business case gennemgået")
    at.button(key="ef_log_new_0_save").click().run()
    assert not at.exception and any("Tilføjet" in s.value for s in at.success)
    assert not any("Mellemledere" in f.value.columns for f in at.dataframe)
    assert any("Ingen: I har mødt" in s.value for s in at.success)
    log = next(f.value for f in at.dataframe if "Kort referat" in f.value.columns)
    assert log["Kort referat"].tolist()[0] == "Resultater og business case gennemgået"  # newest first


def test_adding_a_contact(demo_db):
    at = _open_with("157")
    at.text_input(key="ef_ct_new_0_name").set_value("Ny Chef")
    at.selectbox(key="ef_ct_new_0_role").set_value("middle_manager")
    at.text_input(key="ef_ct_new_0_title").set_value("Centerchef")
    at.button(key="ef_ct_new_0_save").click().run()
    assert _rows(demo_db, "SELECT municipality_code, role, title, is_demo FROM contacts WHERE name = 'Ny Chef'") == [
        (157, "middle_manager", "Centerchef", False)]
    assert "Ny Chef" in _frame(at, "Navn")["Navn"].tolist()


def test_purge_needs_a_confirmation(at, demo_db):
    at.date_input(key="ef_purge_before").set_value(dt.date(2024, 1, 1)).run()
    expected = _rows(demo_db, "SELECT count(*) FROM placements WHERE end_date < DATE '2024-01-01'")[0][0]
    assert expected > 0 and f"{expected} forløb sluttede før 01.01.2024." in texts(at)
    at.button(key="ef_purge").click().run()
    assert any("Sæt kryds" in w.value for w in at.warning)
    at.checkbox(key="ef_purge_confirm_0").check()
    at.button(key="ef_purge").click().run()
    assert any(f"{expected} forløb slettet" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT count(*) FROM placements WHERE end_date < DATE '2024-01-01'") == [(0,)]


def test_a_chosen_period_changes_the_figures(at, demo_db, capsys):
    at.toggle(key="ef_all_time").set_value(False).run()
    at.date_input(key="ef_window").set_value((dt.date(2025, 1, 1), dt.date(2025, 12, 31))).run()
    assert not at.exception
    assert main(["--db", str(demo_db), "effect", "--from", "2025-01-01", "--to", "2025-12-31", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert _frame(at, "Kommune")["Afsluttede"].tolist()[:-1] == [fmt.number(r["ended"], "da") for r in expected]


def test_the_report_tab_offers_the_download(demo_db):
    at = _open_with("159", lang="en")
    assert not at.exception
    assert at.radio(key="ef_report_lang").value == "da"  # the report is Danish unless asked
    assert any(b.proto.id.endswith("ef_report_download") for b in at.get("download_button"))
    assert "The report holds no participant codes" in texts(at)


def test_empty_database(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "empty.duckdb"))
    at = open_page(PAGE)
    assert not at.exception
    assert "Ingen forløb i perioden endnu" in texts(at)


def test_the_risk_page_links_each_municipality_to_its_effect(demo_db):
    at = open_page("pages/risk.py")
    assert not at.exception
    linked = [f.value for f in at.dataframe if "Effekt og kontakter" in f.value.columns]
    assert len(linked) == 2  # the municipalities table and the agreements ending ahead
    municipalities = linked[0]
    assert municipalities["Effekt og kontakter"].tolist() == [f"effect?municipality={c}" for c in municipalities["Kommunekode"]]
    with store.session(demo_db) as con:
        codes = exposure_ahead(con, default_window(con).end).agreements["municipality_code"]
    ahead = linked[1]["Effekt og kontakter"]
    assert codes.notna().any() and codes.isna().any()
    assert all(pd.isna(link) if pd.isna(code) else link == f"effect?municipality={int(code)}"
               for code, link in zip(codes, ahead, strict=True))
