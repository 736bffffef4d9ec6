"""Scenarios: build, save and compare budget scenarios; reverse stress test, Monte Carlo, board report."""

import streamlit as st

from seconomy.errors import ScenarioError
from seconomy.onboarding import has_costs
from seconomy.scenarios.spec import parse_spec
from seconomy.store.scenarios import list_scenarios
from seconomy.ui import errors
from seconomy.ui import scenario_editor as editor
from seconomy.ui import scenario_views as views
from seconomy.ui.data import query
from seconomy.ui.i18n import t
from seconomy.ui.layout import require_data
from seconomy.ui.onboarding import missing_costs_stop
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("scn.title"))
st.caption(t("scn.intro"))
require_data()
if not query(has_costs):
    missing_costs_stop()
try:
    targets = views.targets()
except ScenarioError as exc:
    errors.show(exc, stop=True)
saved_list = query(list_scenarios)
editor.init(targets)
base = st.session_state["scn.base"]
with st.expander(t("scn.method.title")):
    st.markdown(t("scn.method.body"))

build, compare, stress, montecarlo, report = st.tabs(
    [t("scn.tab.build"), t("scn.tab.compare"), t("scn.tab.stress"), t("scn.tab.montecarlo"), t("scn.tab.report")])
with build:
    editor.picker(saved_list)
    header = editor.header_inputs(targets, base)
    st.subheader(t("scn.shocks.title"))
    st.caption(t("scn.shocks.help"))
    shocks = editor.shock_table(targets, base)
    with st.expander(t("scn.tpl.title"), expanded=True):
        make = editor.ready_made(targets, list(targets.months))
    with st.expander(t("scn.costs.title"), expanded=bool(base.get("costs"))):
        costs = editor.cost_table(targets, base)
    action = editor.save_buttons()
with montecarlo:
    st.caption(t("scn.mc.intro"))
    simulation_spec = editor.simulation_inputs(base, targets.volatility)

current = {**header, "shocks": shocks, "costs": costs, "simulation": simulation_spec}
editor.act(current, action, make)
try:
    spec = parse_spec(current)
    spec_json = spec.to_json()
    result = views.scenario_result(spec_json)
except ScenarioError as exc:
    with build:
        st.error(f"{t('scn.error.title')}: {errors.message(exc)}")
    st.stop()

with build:
    st.divider()
    views.results(result)
with compare:
    views.compare(result, saved_list)
with stress:
    views.stress(spec, spec_json)
with montecarlo:
    simulation = views.montecarlo(spec, spec_json)
with report:
    views.report(result, saved_list, simulation)
