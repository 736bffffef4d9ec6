"""The risk page on the demo data: the verdict, every chart and table, and the same figures as the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.risk import BY_OPTIONS, concentration, diversify, render, verdict
from seconomy.text import format as fmt
from seconomy.ui.safe import md
from seconomy.window import Window, default_window
from tests.ui.apptest import open_page, texts

PAGE = "pages/risk.py"


@pytest.fixture
def risk_page(demo_db):
    at = open_page(PAGE, lang="en")
    assert not at.exception, at.exception
    return at


def cli_json(capsys, db, *args) -> dict:
    assert main(["--db", str(db), "risk", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_verdict_charts_map_and_downloads(risk_page, demo_db):
    with store.session(demo_db) as con:
        expected = render(verdict(concentration(con, default_window(con), "payer")), "en", escape=md)
    assert risk_page.error[0].value == expected  # critical: København has 31 % of income
    assert expected.startswith("30.8% of your income comes from Københavns Kommune — all departments together.")
    charts = risk_page.get("plotly_chart")
    assert len(charts) == 6  # Pareto, map and its zoom, trend, mosaic, exposure
    spec = json.loads(charts[1].proto.spec)
    assert [t["type"] for t in spec["data"]] == ["scattergeo", "choropleth"]
    assert len(spec["data"][1]["locations"]) == 98
    # CSV and Excel for: groups, municipalities, trend, mosaic, exposure months, agreements
    assert len(risk_page.get("download_button")) == 12
    shown = texts(risk_page)
    assert "Geodatastyrelsen" in shown  # the map's attribution
    assert "Definitions" in [e.label for e in risk_page.expander]


def test_page_figures_equal_the_cli_json(risk_page, demo_db, capsys):
    for by in BY_OPTIONS:  # one page, four switches: opening the app is the slow part
        _same_figures(risk_page.radio(key="risk_by_en").set_value(by).run(), cli_json(capsys, demo_db, "--by", by), by)


def _same_figures(at, expected: dict, by: str) -> None:
    assert not at.exception
    assert metric(at, "HHI") == fmt.number(expected["hhi"], "en")
    assert metric(at, "Effective number") == fmt.number(expected["effective_number"], "en", 1)
    assert metric(at, "Top-1 share") == fmt.percent(expected["top1_share"], "en")
    assert metric(at, "Top-3 share") == fmt.percent(expected["top3_share"], "en")
    assert metric(at, "Income in the period") == fmt.money(expected["total_dkk"], "en")
    groups = at.dataframe[0].value  # pre-formatted: the browser's locale never formats them
    assert list(groups["Share"]) == [fmt.percent(g["share"], "en") for g in expected["groups"]]
    assert list(groups["Amount"]) == [fmt.money(g["amount_dkk"], "en") for g in expected["groups"]]
    name = groups.columns[0]
    assert name == {"payer": "Payer", "municipality": "Municipality", "stream": "Income stream",
                    "counterparty": "Counterparty"}[by]
    if by == "stream":
        assert list(groups[name]) == [fmt_stream(g["key"]) for g in expected["groups"]]
    else:
        assert list(groups[name]) == [g["key"] for g in expected["groups"]]
    if by == "municipality":
        assert metric(at, "Municipal share") == fmt.percent(expected["municipal_share"], "en")
        assert list(groups["Share of municipal"]) == [fmt.percent(g["share_of_municipal"], "en") for g in expected["groups"]]


def fmt_stream(stream: str) -> str:
    from seconomy.text.catalog import CATALOG
    return CATALOG[f"stream.{stream}"][1]


def test_window_picker_changes_every_figure(risk_page, demo_db, capsys):
    expected = cli_json(capsys, demo_db, "--from", "2026-01-01", "--to", "2026-06-30")
    at = risk_page.date_input(key="risk_window").set_value((dt.date(2026, 1, 1), dt.date(2026, 6, 30))).run()
    assert not at.exception
    assert "1 Jan 2026 – 30 Jun 2026" in texts(at)
    assert metric(at, "HHI") == fmt.number(expected["hhi"], "en")
    assert list(at.dataframe[0].value["Share"]) == [fmt.percent(g["share"], "en") for g in expected["groups"]]


def test_diversification_calculator(risk_page, demo_db):
    window = Window(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    with store.session(demo_db) as con:
        expected = diversify(con, window, "København", 0.20, 101)
    at = risk_page.text_input(key="risk_calc_threshold").set_value("20").run()  # a bare 20 means 20 %
    assert not at.exception
    assert f"To bring **Københavns Kommune** below 20% you need **{fmt.money(expected.extra, 'en')}**" in texts(at)
    assert metric(at, "HHI: many new small payers") == fmt.number(expected.hhi_new_small_payers, "en")
    assert at.text_input(key="risk_calc_threshold").value == "20%"  # shown back the English way
    at = at.selectbox(key="risk_calc_payer").set_value(("Gladsaxe", 159)).run()
    assert "**Gladsaxe Kommune** is already below 20%" in texts(at)


def test_danish_by_default_and_the_grouping_survives_a_language_switch(demo_db):
    at = open_page(PAGE)
    assert not at.exception
    assert at.error[0].value.startswith("30,8 % af jeres indtægter kommer fra Københavns Kommune")
    assert "Risiko: hvem er I afhængige af?" in texts(at)
    at = at.radio(key="risk_by_da").set_value("municipality").run()
    at.session_state["lang"] = "en"
    at = at.run()
    assert not at.exception
    assert at.radio(key="risk_by_en").value == "municipality"
    assert "Distribution: share per municipality" in texts(at)
