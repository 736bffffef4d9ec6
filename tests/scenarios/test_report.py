"""The board report: standalone (plotly.js embedded, nothing fetched), A4 print CSS, every chosen scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from seconomy import fmt
from seconomy.forecast import build_baseline
from seconomy.scenarios.describe import words
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.report import board_report
from seconomy.scenarios.results import compute
from seconomy.scenarios.reverse import reverse_stress_all
from seconomy.scenarios.spec import parse_spec
from seconomy.text.catalog import CATALOG

BOARD = {"name": "Gladsaxe & <København>", "shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
                                                    {"municipality": "København", "change": -0.3, "from": "2027-07"}]}


@pytest.fixture(scope="module")
def results(demo_template):
    from seconomy import store
    with store.session(demo_template) as con:
        baseline = build_baseline(con)
    board, sales = parse_spec(BOARD), parse_spec({"name": "Salg −20 %", "shocks": [{"stream": "product_sale", "change": -0.2}]})
    return baseline, board, [compute(baseline, board), compute(baseline, sales)]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_report_is_standalone_and_prints_on_a4(results, lang):
    _, _, chosen = results
    html = board_report(chosen, words(lang, CATALOG), "Grønt Værksted", dt.date(2026, 11, 27))
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert "plotly.js v" in html and "<script src=" not in html and "src=\"http" not in html  # embedded, offline
    assert "@page { size: A4" in html and "break-inside: avoid" in html
    assert "Gladsaxe &amp; &lt;København&gt;" in html and "<København>" not in html  # names are escaped
    assert "Salg −20 %" in html and "Grønt Værksted" in html
    assert html.count('class="plotly-graph-div"') == 1 + 2 * len(chosen)  # comparison + cash and waterfall each
    first = fmt.month(chosen[0].first_negative_cash_month, lang)
    assert first in html
    assert {"da": "Gladsaxe stopper (fra apr. 2027)", "en": "Gladsaxe stops (from Apr 2027)"}[lang] in html
    assert {"da": "Sådan regner vi", "en": "How we calculate"}[lang] in html


def test_report_with_simulation(results):
    baseline, board, chosen = results
    simulation = simulate(baseline, board, runs=1000, seed=1)
    html = board_report(chosen[:1], words("da", CATALOG), "X", dt.date(2026, 11, 27), (board.name, simulation))
    assert "1.000 gennemløb, frø 1." in html and "Sandsynlighed for negativ likviditet" in html


def test_report_needs_a_scenario():
    with pytest.raises(ValueError):
        board_report([], words("da", CATALOG), "X", dt.date(2026, 11, 27))


def _first_page(html: str) -> str:
    """What comes before the first forced page break: the summary."""
    body = html.split("<body>", 1)[1]
    return body.split('<section class="scenario">', 1)[0]


def test_the_first_page_answers_the_boards_question(results):
    baseline, board, chosen = results
    simulation = simulate(baseline, board, runs=1000, seed=1)
    answers = reverse_stress_all(baseline, board, baseline.report_months[0])
    html = board_report(chosen, words("da", CATALOG), "X", dt.date(2026, 11, 27), (board.name, simulation), answers)
    page = _first_page(html)
    main = chosen[0]
    assert "Sammenfatning" in page and "Med dette scenarie er likviditeten negativ i" in page
    assert fmt.month(main.first_negative_cash_month, "da") in page
    lowest = main.monthly.loc[main.monthly["cash"].idxmin()]
    assert f"{fmt.money(lowest['cash'], 'da')} i {fmt.month(lowest['month'], 'da')}" in page
    assert fmt.percent(simulation.probability_negative_cash, "da") in page  # P(negative cash)
    assert "omvendt stresstest" in page and "Den største betaler" in page and "Al kommunal indtægt" in page
    assert "Salg −20 %" in page  # the other scenario, in one line


def test_each_scenario_once_and_headings_kept_with_their_charts(results):
    _, _, chosen = results
    html = board_report([chosen[0], chosen[1], chosen[0]], words("en", CATALOG), "X", dt.date(2026, 11, 27))
    assert html.count('class="plotly-graph-div"') == 1 + 2 * 2  # the repeated scenario is shown once
    assert "h2, h3 { break-after: avoid" in html and '<div class="block"><h3>' in html


def test_an_already_negative_scenario_says_how_much_is_missing(results):
    baseline, _, _ = results
    sunk = parse_spec({"name": "Husleje ×10", "costs": [{"category": "Husleje", "change": 9.0}]})
    answers = reverse_stress_all(baseline, sunk, baseline.report_months[0])
    html = board_report([compute(baseline, sunk)], words("en", CATALOG), "X", dt.date(2026, 11, 27), None, answers)
    gap = answers[0].result_gap
    assert gap > 0 and f"already negative: {fmt.money(gap / 100, 'en')} missing over the period" in _first_page(html)
