"""Charts are built once per data version, choice and language (seconomy.ui.figures): a rerun that changed none of
them reuses the figures; a new choice, a new language or new data builds them again."""

from __future__ import annotations

from seconomy import store
from seconomy.risk import charts
from tests.ui.apptest import open_page


def test_a_rerun_reuses_the_risk_pages_figures(demo_db, monkeypatch):
    built: list[str] = []
    original = charts.pareto
    monkeypatch.setattr(charts, "pareto", lambda *a, **k: built.append("pareto") or original(*a, **k))
    at = open_page("pages/risk.py")
    assert not at.exception and built == ["pareto"]
    at.run()
    at.run()
    assert built == ["pareto"]  # two reruns, nothing changed: the same figure
    at.radio(key="risk_by_da").set_value("stream").run()
    assert not at.exception and built == ["pareto"] * 2  # another grouping: another figure
    at.session_state["lang"] = "en"
    at.run()
    assert built == ["pareto"] * 3  # the labels are in another language
    with store.session(demo_db) as con:
        store.set_setting(con, "critical_share", "0.3")  # new data version (the thresholds are drawn in it)
    at.run()
    assert built == ["pareto"] * 4
