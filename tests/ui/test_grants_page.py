"""The Grants page: the plan's figures (the CLI's numbers), adding an application, "if we win this", inline edits,
granting and its undo, the file import — in Danish and English."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from seconomy import store
from seconomy.grants.plan import plan
from seconomy.text import format as fmt
from tests.ui.apptest import open_page, texts

PAGE = "pages/grants.py"
WHATIF = "gr_whatif_2027_1-2-3-4-5-6-7-8"


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _plan(db, **kwargs):
    with store.session(db) as con:
        return plan(con, **kwargs)


def _rows(db, sql, params=None):
    with store.session(db) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture
def at(demo_db):
    app = open_page(PAGE)
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_page_shows_the_plans_figures(demo_db, lang):
    app = open_page(PAGE, lang=lang)
    assert not app.exception, app.exception
    result = _plan(demo_db)
    metrics = _metrics(app)
    gap = "Finansieringsbehov 2027" if lang == "da" else "Funding gap 2027"
    assert metrics[gap] == fmt.money(result.gap / 100, lang)
    cover = "Chance for dækning" if lang == "da" else "Chance of covering"
    assert metrics[cover] == fmt.percent(result.p_cover, lang)
    mix = "Med det valgte mix" if lang == "da" else "With the chosen mix"
    assert metrics[mix] == fmt.percent(result.mix.p_cover, lang)
    shown = texts(app)
    assert ("Præcist valgt" if lang == "da" else "Chosen exactly") in shown
    assert not re.search(r"\b(None|nan|NaN|foundation_grant|public_pool|shortlisted)\b", shown)
    work = "Arbejde tilbage" if lang == "da" else "Work left"
    chosen = next(d.value for d in app.dataframe if work in d.value.columns)
    by_id = {c.id: c.funder for c in result.candidates}
    assert list(chosen.iloc[:, 1]) == [by_id[i] for i in result.mix.ids]  # the plan's mix, in its order
    assert len(result.mix.ids) >= 2
    assert len(app.get("plotly_chart")) >= 4  # coverage, mosaic, timeline, cliff


def test_the_numbers_are_the_clis(at, demo_db, capsys):
    import json

    from seconomy.cli import main

    assert main(["--db", str(demo_db), "grants", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    metrics = _metrics(at)
    assert metrics["Finansieringsbehov 2027"] == fmt.money(data["gap"], "da")
    assert metrics["Forventet fra ansøgninger"] == fmt.money(data["expected_income"], "da")
    assert metrics["Chance for dækning"] == fmt.percent(data["p_cover"], "da")
    assert metrics["Med det valgte mix"] == fmt.percent(data["p_cover_chosen"], "da")
    assert metrics["Betaler-HHI efter"] == fmt.number(data["hhi_after"], "da")
    assert metrics["Bevillingernes andel efter"] == fmt.percent(data["grant_share_after"], "da")
    assert metrics["Største bevillingsgivers andel efter"] == fmt.percent(data["largest_funder_share_after"], "da")


def test_adding_an_application_changes_the_probability(at, demo_db):
    before = _metrics(at)["Chance for dækning"]
    form = "gr_new_0"
    at.text_input(key=f"{form}_funder").set_value("Nordea-fonden")
    at.text_input(key=f"{form}_project").set_value("Byhaven")
    at.text_input(key=f"{form}_amount").set_value("400.000")
    at.selectbox(key=f"{form}_stage").set_value("shortlisted")
    at.text_input(key=f"{form}_hours").set_value("8")
    at.button(key=f"{form}_add").click().run()
    assert not at.exception, at.exception
    assert any("Tilføjet: ansøgning #18" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT funder, amount, stage, start_date, end_date FROM applications WHERE id = 18") == [
        ("Nordea-fonden", 400000, "shortlisted", dt.date(2027, 1, 1), dt.date(2027, 12, 31))]
    after = _metrics(at)["Chance for dækning"]
    assert after == fmt.percent(_plan(demo_db).p_cover, "da") and after != before


def test_a_bad_new_application_is_refused_beside_the_form(at, demo_db):
    at.text_input(key="gr_new_0_funder").set_value("")
    at.button(key="gr_new_0_add").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Fond eller pulje**: er påkrævet" in errors or "Fond eller pulje**:" in errors
    assert "Ansøgt beløb (kr.)**" in errors
    assert _rows(demo_db, "SELECT count(*) FROM applications") == [(17,)]


def test_if_we_win_this_counts_an_application_as_granted(at, demo_db):
    at.session_state[WHATIF] = {"edited_rows": {7: {"won": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    expected = _plan(demo_db, won=[8])
    assert _metrics(at)["Chance for dækning"] == fmt.percent(expected.p_cover, "da")
    assert _metrics(at)["Forventet fra ansøgninger"] == fmt.money(expected.expected / 100, "da")


def test_an_inline_stage_change_to_granted_creates_the_agreement_and_undo_removes_it(at, demo_db):
    agreements = _rows(demo_db, "SELECT count(*) FROM agreements")[0][0]
    at.session_state["gr_editor_0_da"] = {"edited_rows": {0: {"stage": "Bevilget"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="gr_editor_save_0").click().run()
    assert not at.exception, at.exception
    assert any("1 bevillinger oprettet som aftaler" in s.value for s in at.success)
    linked = _rows(demo_db, "SELECT stage, agreement_id FROM applications WHERE id = 1")[0]
    assert linked[0] == "granted" and _rows(demo_db, "SELECT count(*) FROM agreements")[0][0] == agreements + 1
    at.selectbox(key="gr_pick_1").set_value(1).run()
    at.button(key="gr_ungrant_1").click().run()
    assert any("fasen er igen Shortlistet" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT stage, agreement_id FROM applications WHERE id = 1") == [("shortlisted", None)]
    assert _rows(demo_db, "SELECT count(*) FROM agreements")[0][0] == agreements


def test_a_bad_inline_edit_writes_nothing_and_says_why(at, demo_db):
    at.session_state["gr_editor_0_da"] = {"edited_rows": {0: {"amount": "-5"}, 1: {"stage": "Bevilget"}},
                                          "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="gr_editor_save_0").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "#1 · **Ansøgt beløb (kr.)**: må ikke være negativ" in errors
    assert _rows(demo_db, "SELECT stage FROM applications WHERE id = 2") == [("drafting",)]


def test_a_scenario_raises_the_gap(at, demo_db):
    name = "Gladsaxe stopper i april, København −30 % fra juli"
    at.selectbox(key="gr_scenario").set_value(name).run()
    assert not at.exception, at.exception
    assert _metrics(at)["Finansieringsbehov 2027"] == fmt.money(_plan(demo_db, scenario=name).gap / 100, "da")


def test_an_own_gap_and_target(at, demo_db):
    at.text_input(key="gr_gap").set_value("1.000.000").run()
    at.slider(key="gr_target_da").set_value(50).run()
    metrics = _metrics(at)
    assert metrics["Finansieringsbehov 2027 (eget)"] == fmt.money(1_000_000, "da")
    assert any("Ingen kombination når målet på 50 %" in w.value for w in at.warning)


def test_a_partial_year_says_which_months_are_actual(at):
    at.selectbox(key="gr_year").set_value(2026).run()
    assert not at.exception, at.exception
    assert "Årets første 10 måneder ligger før prognosen (som starter nov. 2026)" in texts(at)
    assert any("Ingen finansieringsbehov" in s.value for s in at.success)


def test_importing_a_file_on_the_page(at, demo_db):
    text = "fond;beløb;start;slut;udbetaling;fase\nNy Fond;100.000;01-01-2027;31-12-2027;forud;indsendt\n"
    at.file_uploader(key="gr_upload_0").set_value(("nye.csv", text.encode("utf-8"), "text/csv")).run()
    assert not at.exception, at.exception
    assert any("tilføje 1, ændre 0, beholde 0 og slette 17 ansøgninger" in i.value for i in at.info)
    at.button(key="gr_import_0").click().run()
    assert any("Ansøgningerne er importeret" in s.value for s in at.success)
    assert _rows(demo_db, "SELECT funder FROM applications") == [("Ny Fond",)]


def test_a_file_with_errors_is_listed_on_the_page(at, demo_db):
    text = "fond;beløb;start;slut;udbetaling;fase\nNy Fond;-1;01-01-2027;31-12-2027;forud;indsendt\n"
    at.file_uploader(key="gr_upload_0").set_value(("nye.csv", text.encode("utf-8"), "text/csv")).run()
    errors = next(d.value for d in at.dataframe if "Linje" in d.value.columns)
    assert errors.to_dict("records") == [{"Linje": "2", "Kolonne": "beløb", "Værdi": "-1", "Problem": "må ikke være negativ"}]
    assert _rows(demo_db, "SELECT count(*) FROM applications") == [(17,)]


def test_the_page_on_an_empty_database(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "empty.duckdb"))
    app = open_page(PAGE, lang="en")
    assert not app.exception, app.exception
    assert any("no income to forecast from" in i.value for i in app.info)
    assert any("No applications yet" in i.value for i in app.info)
