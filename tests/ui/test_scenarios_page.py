"""The Scenarios page: builds, saves and loads scenarios, shows the same numbers as the CLI, runs the
reverse stress test and the Monte Carlo with progress, and offers the board report."""

from __future__ import annotations

import json

import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.forecast import build_baseline
from seconomy.forecast.months import parse_month
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.results import run_scenario
from seconomy.scenarios.spec import parse_spec
from seconomy.store import scenarios as saved
from seconomy.text import format as fmt
from tests.ui.apptest import open_page, texts

PAGE = "pages/scenarios.py"
BOARD = "Gladsaxe stopper i april, København −30 % fra juli"


def _board_id(db) -> int:
    with store.session(db) as con:
        return saved.load_scenario(con, BOARD)[0]


def _board_result(db):
    """The board scenario's result from the domain (what the page must show)."""
    with store.session(db) as con:
        return run_scenario(con, saved.load_scenario(con, BOARD)[2])


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _frame(at, column: str):
    """The first table on the page that has ``column`` (st.dataframe keeps no key in AppTest)."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def _load_board(demo_db, lang="da"):
    at = open_page(PAGE, lang=lang)
    at.selectbox(key="scn.pick.1").set_value(str(_board_id(demo_db))).run()
    assert not at.exception, at.exception
    return at


def test_new_scenario_is_the_baseline(demo_db):
    at = open_page(PAGE)
    assert not at.exception
    shown = _metrics(at)
    assert shown["Første negative måned"] == "Ingen"
    assert "forbliver likviditeten positiv" in texts(at)
    assert len(at.get("plotly_chart")) == 4  # cash, waterfall, streams, and the comparison tab


def test_page_shows_the_same_numbers_as_the_cli(demo_db, capsys):
    at = _load_board(demo_db)
    with store.session(demo_db) as con:
        spec = saved.load_scenario(con, BOARD)[2]
    path = demo_db.with_name("board.json")
    path.write_text(spec, encoding="utf-8")
    assert main(["--db", str(demo_db), "scenario", str(path), "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    shown = _metrics(at)
    first = parse_month(cli["first_negative_cash_month"])
    assert shown["Første negative måned"] == fmt.month(first, "da")
    assert shown["Resultat i perioden"] == fmt.money(cli["totals"]["scenario_result"], "da")
    assert shown["Laveste likviditet"] == fmt.money(cli["totals"]["scenario_lowest_cash"], "da")
    table = _frame(at, "Likviditet, basis")
    assert list(table["Likviditet"]) == [fmt.money(m["cash"], "da") for m in cli["months"]]
    assert list(table["Indtægter, scenarie"]) == [fmt.money(m["scenario_income"], "da") for m in cli["months"]]
    assert list(table["Omkostninger"]) == [fmt.money(m["costs"], "da") for m in cli["months"]]


def test_ready_made_shocks_build_the_board_scenario(demo_db):
    at = open_page(PAGE, lang="en")
    at.selectbox(key="scn.tpl.kind").set_value("municipality_stops").run()
    at.selectbox(key="scn.tpl.who.municipality_stops").set_value("Gladsaxe")
    at.selectbox(key="scn.tpl.month.municipality_stops").set_value("2027-04")
    at.button(key="scn.tpl.add").click().run()
    at.selectbox(key="scn.tpl.kind").set_value("mid_year_cut").run()
    at.selectbox(key="scn.tpl.who.mid_year_cut").set_value("København")
    at.number_input(key="scn.tpl.share").set_value(30)
    at.selectbox(key="scn.tpl.month.mid_year_cut").set_value("2027-07")
    at.button(key="scn.tpl.add").click().run()
    assert not at.exception, at.exception
    assert at.session_state["scn.base"]["shocks"] == [  # what the shock table now starts from
        {"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
        {"municipality": "København", "change": -0.3, "from": "2027-07"}]
    shown = _metrics(at)
    first = fmt.month(_board_result(demo_db).first_negative_cash_month, "en")
    assert shown["First negative month"] == first
    assert f"the cash is negative in **{first}**" in texts(at)


def test_save_copy_and_delete(demo_db):
    at = _load_board(demo_db)
    at.text_input(key="scn.name.2.da").set_value("Bestyrelsens scenarie")
    at.button(key="scn.do.copy").click().run()
    assert not at.exception, at.exception
    with store.session(demo_db) as con:
        names = set(saved.list_scenarios(con)["name"])
    assert {"Bestyrelsens scenarie", BOARD} <= names
    assert any("Gemt: Bestyrelsens scenarie" in s.value for s in at.success)
    at.button(key="scn.do.delete").click().run()
    with store.session(demo_db) as con:
        names = set(saved.list_scenarios(con)["name"])
    assert "Bestyrelsens scenarie" not in names and BOARD in names


def test_a_bad_row_shows_an_error_instead_of_results(demo_db):
    at = open_page(PAGE)
    at.session_state["scn.shocks.1.da"] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"target": "Kommune: Gladsaxe", "change": -10.0, "amount": 5000.0}]}
    at.run()
    assert not at.exception
    assert any("exactly one of change" in e.value for e in at.error)
    assert not at.metric


def test_reverse_stress_and_monte_carlo_run_from_the_page(demo_db):
    at = _load_board(demo_db)
    at.button(key="scn.stress.run").click().run()
    assert not at.exception, at.exception
    stress = _frame(at, "Hvad skæres")
    assert len(stress) == 2 and "København" in stress.iloc[0, 0]
    at.number_input(key="scn.mc.runs").set_value(2000)
    at.number_input(key="scn.mc.seed").set_value(4)
    at.button(key="scn.mc.run").click().run()
    assert not at.exception, at.exception
    with store.session(demo_db) as con:
        spec = parse_spec(saved.load_scenario(con, BOARD)[2])
        baseline = build_baseline(con, spec.start, spec.months)
    expected = simulate(baseline, spec, 2000, 4)
    shown = _metrics(at)
    assert shown["Sandsynlighed for negativ likviditet"] == fmt.percent(expected.probability_negative_cash, "da")
    assert shown["Indtægt i risiko (95 %)"] == fmt.money(expected.revenue_at_risk, "da")
    assert at.get("download_button")  # the board report is offered


def test_english(demo_db):
    at = _load_board(demo_db, "en")
    first = fmt.month(_board_result(demo_db).first_negative_cash_month, "en")
    assert "Budget scenarios" in texts(at) and first in _metrics(at)["First negative month"]


def test_a_one_off_can_be_counted_as_recurring_and_back(demo_db):
    at = open_page(PAGE)
    at.session_state["scn.exp.lines"] = True  # the user opens "where the figures come from"
    at.run()
    keep = next(b for b in at.button if b.label.startswith("Tæl Rotary Klub Nordvest som tilbagevendende"))
    before = _metrics(at)["Resultat i perioden"]
    keep.click().run()
    assert not at.exception, at.exception
    assert _rows(demo_db) == [("Rotary Klub Nordvest", "other", "Rotary Klub Nordvest")]
    assert _metrics(at)["Resultat i perioden"] != before  # its run rate is in the forecast now
    back = next(b for b in at.button if b.label.startswith("Tæl Rotary Klub Nordvest som engangsbeløb igen"))
    back.click().run()
    assert _rows(demo_db) == [] and _metrics(at)["Resultat i perioden"] == before


def _rows(db):
    with store.session(db) as con:
        return con.execute("SELECT payer, stream, counterparty FROM forecast_kept").fetchall()


def test_a_stale_cash_figure_and_the_contracted_line_are_shown(demo_db):
    with store.session(demo_db) as con:
        store.set_setting(con, "cash_date", "2026-07-31")
    at = open_page(PAGE)
    assert not at.exception, at.exception
    assert any("mere end to måneder før prognosen" in w.value for w in at.warning)
    assert "Kun kontraktligt sikret" in texts(at)
    table = _frame(at, "Likviditet, kontraktligt sikret")
    assert len(table) == 12


def test_new_income_from_someone_new_is_added_explicitly(demo_db):
    at = open_page(PAGE, lang="en")
    baseline_income = _frame(at, "Income, baseline")["Income, scenario"].tolist()
    at.selectbox(key="scn.tpl.kind").set_value("new_income").run()
    at.text_input(key="scn.tpl.who.new_income").set_value("Kantinen Syd ApS")
    assert at.selectbox(key="scn.tpl.new_stream").value == "product_sale"  # the first stream
    at.number_input(key="scn.tpl.new_amount").set_value(5000.0)
    at.selectbox(key="scn.tpl.month.new_income").set_value("2027-03")
    at.button(key="scn.tpl.add").click().run()
    assert not at.exception, at.exception
    assert at.session_state["scn.base"]["shocks"] == [
        {"counterparty": "Kantinen Syd ApS", "stream": "product_sale", "amount": 5000.0, "from": "2027-03", "new": True}]
    income = _frame(at, "Income, baseline")["Income, scenario"].tolist()
    march = _frame(at, "Income, baseline")["Month"].tolist().index("Mar 2027")
    assert income[:march] == baseline_income[:march] and income[march] != baseline_income[march]
    at.run()  # the editor row keeps the shock new on the next rerun
    assert not at.exception and not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang, said", [("da", "rammer ingen indtægt i prognosen"), ("en", "matches no income in the forecast")])
def test_a_saved_scenario_that_no_longer_applies_is_explained_in_the_page_language(demo_db, lang, said):
    """A scenario saved before the data changed: its shock names a payer the forecast no longer has."""
    with store.session(demo_db) as con:
        scenario_id = store.save_scenario(con, "Gammel plan", json.dumps({"shocks": [{"payer": "Nedlagt Café", "change": -1}]}))
    at = open_page(PAGE, lang=lang)
    pick = next(m for m in at.multiselect if m.key.startswith("scn.compare.pick"))
    pick.set_value(["__current__", str(scenario_id)]).run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning if "Gammel plan" in w.value]
    assert warnings and said in warnings[0] and "Nedlagt Café" in warnings[0]
