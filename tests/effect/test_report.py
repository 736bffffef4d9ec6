"""The municipality's report: offline A4 HTML, suppression below 5, no participant codes, own text escaped."""

from __future__ import annotations

import datetime as dt
import re

from seconomy.effect.queries import load_placements
from seconomy.effect.report import municipality_report
from tests.effect.conftest import WINDOW

MADE = dt.date(2026, 1, 15)


def _report(con, code=159, lang="da", text=None) -> str:
    return municipality_report(con, code, *WINDOW, lang, text, MADE)


def test_gladsaxe_in_danish(hand_con):
    html = _report(hand_con, text="Vi har haft et godt år.\n\nTak for samarbejdet.")
    assert "<h1>Dokumenteret effekt for Gladsaxe Kommune</h1>" in html and '<html lang="da">' in html
    assert "Forløb fra 06.01.2025 til 31.12.2025" not in html  # the period starts with the first placement counted
    assert "Forløb fra 04.11.2024 til 31.12.2025" in html  # P9 started in 2024
    assert "<b>7</b>" in html and "<b>4</b>" in html  # 7 ended, 4 to work or education (exact: 7 ≥ 5)
    assert "57 %<small>95 %-interval 25–84 %</small>" in html  # 4/7, Wilson [0.2505, 0.8418]
    assert "258.999 kr." not in html and "259.000 kr." in html  # price paid, rounded to the krone
    assert "Kommunens netto" in html and "96.500 kr." in html  # business case: 355 500 − 258 999.97
    assert html.count('<p class="own">') == 2 and "Tak for samarbejdet." in html
    assert "under 5" in html  # the dropped-out count (1) and the schemes with 1–4 placements
    assert "<td>1. halvår 2025</td><td>under 5</td>" in html  # H1: 4 ended, suppressed; H2 below
    assert "<td>2. halvår 2025</td><td>under 5</td>" in html


def test_no_participant_codes_and_nothing_fetched(hand_con):
    html = _report(hand_con)
    codes = load_placements(hand_con)["participant_code"].tolist()
    assert codes and not [c for c in codes if re.search(rf"\b{re.escape(c)}\b", html)]
    assert not re.search(r"https?://|<script|<link|src=", html)
    assert "@page { size: A4" in html and "break-inside: avoid" in html


def test_fewer_than_five_ended_is_suppressed(hand_con):
    html = _report(hand_con, code=163, lang="en")  # Herlev: 1 ended placement
    assert "<h1>Documented effect for Herlev Kommune</h1>" in html and "<td>H1 2025</td>" in html
    effect = html[html.index("Effect: where"):html.index("Trend per half year")]
    assert "fewer than 5" in effect and "%" not in effect.split("</div></div>")[0]
    assert "Not shown: fewer than 5 ended placements." in html  # no business case
    assert "117.000" not in html and "117,000" not in html  # the saving would tell the one exit


def test_the_enterprises_own_text_is_escaped(hand_con):
    html = _report(hand_con, text='<script>alert("x")</script> **fed** & <img src=x>')
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img" not in html and "&amp;" in html


def test_a_municipality_without_placements(hand_con):
    html = _report(hand_con, code=101)
    assert "Dokumenteret effekt for Københavns Kommune" in html and "Forløb fra – til 31.12.2025" in html
