"""The board report: standalone (plotly.js embedded, nothing fetched), A4 print CSS, every chosen scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from seconomy.forecast import build_baseline
from seconomy.scenarios.describe import words
from seconomy.scenarios.montecarlo import simulate
from seconomy.scenarios.report import board_report
from seconomy.scenarios.results import compute
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
    first = {"da": "okt. 2027", "en": "Oct 2027"}[lang]
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
