"""The Scenarios page does its heavy work once: one baseline per rerun (none at all when only a shock changes), and
the table of every forecast line formatted only when someone opens it."""

from __future__ import annotations

import functools

from seconomy.forecast import baseline as baseline_module
from seconomy.ui import scenario_views
from tests.ui.apptest import open_page

PAGE = "pages/scenarios.py"


def _count_builds(monkeypatch) -> list[int]:
    built: list[int] = []
    original = baseline_module.build_baseline

    @functools.wraps(original)  # the cache finds the function by module and name: the wrapper keeps both
    def counting(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(baseline_module, "build_baseline", counting)
    monkeypatch.setattr(scenario_views, "build_baseline", counting)
    return built


def test_one_baseline_per_rerun_and_none_for_a_changed_shock(demo_db, monkeypatch):
    built = _count_builds(monkeypatch)
    at = open_page(PAGE)
    assert not at.exception, at.exception
    assert len(built) == 1  # pickers, result, stress test: the same 12-month baseline
    at.button(key="scn.tpl.add").click().run()  # a ready-made shock: a new spec, the same horizon
    assert not at.exception, at.exception
    assert len(built) == 1
    at.run()
    assert len(built) == 1


def test_the_lines_table_is_formatted_only_when_opened(demo_db, monkeypatch):
    labelled: list[int] = []
    original = scenario_views.source_label
    monkeypatch.setattr(scenario_views, "source_label", lambda *a: labelled.append(1) or original(*a))
    at = open_page(PAGE)
    assert not at.exception and not labelled
    at.session_state["scn.exp.lines"] = True  # the user opens the expander
    at.run()
    assert not at.exception, at.exception
    assert labelled and any(len(f.value) == len(labelled) for f in at.dataframe)  # one label per forecast line


def test_the_payer_table_is_formatted_only_when_opened(demo_db, monkeypatch):
    built: list[int] = []
    original = scenario_views._payer_table
    monkeypatch.setattr(scenario_views, "_payer_table", lambda result: built.append(1) or original(result))
    at = open_page(PAGE)
    assert not at.exception and not built
    at.session_state["scn.exp.payers"] = True  # the user opens the expander
    at.run()
    assert not at.exception, at.exception
    assert built and any(b.key == "scn.dl.payers" or (b.key or "").startswith("scn.dl.payers") for b in at.get("download_button"))
