"""The plain-language verdict: which sentences, with which figures, in Danish and English."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from seconomy.risk import concentration, render, severity, verdict
from seconomy.risk.verdicts import Kr, Label, Num, Pct, Sentence
from seconomy.text.catalog import CATALOG
from seconomy.window import Window
from tests.conftest import ROOT

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_payer_verdict_on_the_fixture(fixture_db):
    result = concentration(fixture_db, WINDOW, "payer")
    keys = [s.key for s in verdict(result)]
    assert keys == ["risk.verdict.top_municipal", "risk.verdict.critical", "risk.verdict.majors",
                    "risk.verdict.level.high", "risk.verdict.advice"]
    assert severity(result) == "critical"
    assert render(verdict(result), "en").startswith(
        "50.0% of your income comes from Københavns Kommune — all departments together. That is critical: 25% or more "
        "from one payer. If it stopped paying, DKK 50,000 of the period's income would go. 4 payers each provide 10% or "
        "more; together 95.0%. Overall concentration is high: HHI 3,250, as if you had only 3.1 equally large payers.")
    assert render(verdict(result), "da").startswith(
        "50,0 % af jeres indtægter kommer fra Københavns Kommune — alle forvaltninger tilsammen. Det er kritisk:")


@pytest.mark.parametrize(("by", "first", "expected_severity"), [
    ("municipality", "70.0% of your income comes from municipalities, 2 in all.", "critical"),
    ("stream", "60.3% of your income is municipal contracts.", "critical"),
    ("counterparty", "30.0% of your income comes from Københavns Kommune, Socialforvaltningen.", "critical"),
])
def test_other_groupings(fixture_db, by, first, expected_severity):
    result = concentration(fixture_db, WINDOW, by)
    assert render(verdict(result), "en").startswith(first)
    assert severity(result) == expected_severity


def test_no_income_and_low_concentration(con):
    from tests.risk.conftest import add_ledger
    assert render(verdict(concentration(con, WINDOW)), "en") == "There is no income in this period."
    assert severity(concentration(con, WINDOW)) == "empty"
    add_ledger(con, [(dt.date(2026, 5, i), 100_000, "product_sale", f"Kunde {i}", None) for i in range(1, 21)])
    result = concentration(con, WINDOW)  # 20 payers of 5 % each: HHI 500
    assert [s.key for s in verdict(result)] == ["risk.verdict.top", "risk.verdict.no_major", "risk.verdict.level.low"]
    assert severity(result) == "ok"


def test_every_verdict_key_and_placeholder_is_in_the_catalog():
    source = (ROOT / "seconomy" / "risk" / "verdicts.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'"(risk\.verdict\.[a-z_.]+)"', source))
    keys |= {f"risk.verdict.level.{lv}" for lv in ("low", "moderate", "high")}
    keys |= {f"risk.verdict.municipal_level.{lv}" for lv in ("low", "moderate", "high")}
    assert {k for k in keys if not k.endswith(".")} <= set(CATALOG)
    for key in [k for k in CATALOG if k.startswith("risk.verdict.")]:
        da, en = CATALOG[key]
        assert set(re.findall(r"{(\w+)}", da)) == set(re.findall(r"{(\w+)}", en)), key


def test_render_formats_each_kind_per_language():
    texts = {"k": ("{p} {m} {n} {l} {s}", "{p} {m} {n} {l} {s}"), "x": ("Kommunale kontrakter", "Municipal contracts")}
    sentence = Sentence("k", {"p": Pct(0.4197), "m": Kr(1234567), "n": Num(7.08, 1), "l": Label("x", lower=True), "s": "Kbh"})
    assert render([sentence], "da", texts) == "42,0 % 1.234.567 kr. 7,1 kommunale kontrakter Kbh"
    assert render([sentence], "en", texts) == "42.0% DKK 1,234,567 7.1 municipal contracts Kbh"
