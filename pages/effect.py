"""Effect and relations: what each municipality's placements achieved, what they saved it, whom to see before
the budget, and the report to bring. ``?municipality=CODE`` (the Risk page's links) opens one municipality.
"""

import datetime as dt

import streamlit as st

from seconomy.agreements.views import agreements_overview
from seconomy.effect.budget import before_budget, share_of_income
from seconomy.effect.figures import effect_overview, half_years, municipality_effect
from seconomy.effect.queries import first_placement_start, load_contacts, load_log, load_placements, relation_municipalities
from seconomy.settings import get_settings
from seconomy.ui import effect as ui
from seconomy.ui import effect_forms as forms
from seconomy.ui.data import query
from seconomy.ui.i18n import t
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("effect.title"))
st.caption(t("effect.intro"))
forms.flash()
today = dt.date.today()

left, right = st.columns([2, 3])
with left:
    code = ui.municipality_picker(query(relation_municipalities))
start, end = ui.window_picker(right, today, query(first_placement_start))

effect_tab, placements_tab, relations_tab, budget_tab, report_tab = ui.tabs([
    t("effect.tab.effect"), t("effect.tab.placements"), t("effect.tab.relations"), t("effect.tab.budget"),
    t("effect.tab.report")])

with effect_tab:
    overview = query(effect_overview, start, end)
    chosen = query(municipality_effect, code, start, end) if code else overview.total
    st.subheader(t("effect.details", name=chosen.municipality or t("effect.all")))
    ui.details(chosen, query(share_of_income, code, today) if code else None)
    st.subheader(t("effect.trend"))
    ui.trend(query(half_years, start, end, code))
    st.subheader(t("effect.case.title"))
    ui.business_case(chosen)
    st.subheader(t("effect.overview"))
    ui.overview_table(overview)

with placements_tab:
    shown = query(load_placements, code)
    forms.placements_table(shown)
    agreements = forms.agreement_labels(query(agreements_overview, today.replace(day=1), False))
    row = forms.pick("placement", shown, t("effect.new_placement"), lambda r: f"{r['participant_code']} · {r['municipality']}")
    action, raw, confirmed = forms.placement_form(row, code, agreements)
    forms.handle_placement(action, raw, row, confirmed)
    st.divider()
    forms.downloads()
    forms.upload()
    st.divider()
    forms.purge(today, int(query(get_settings)["placement_retention_years"]))

with relations_tab:
    if code is None:
        st.info(t("effect.contacts.pick"))
    else:
        contacts = query(load_contacts, code)
        forms.contacts_table(contacts)
        row = forms.pick("contact", contacts, t("effect.new_contact"), lambda r: r["name"])
        action, raw, confirmed = forms.contact_form(row, code)
        forms.handle_contact(action, raw, row, confirmed)
        st.subheader(t("effect.log.title"))
        forms.log_table(query(load_log, code))
        forms.log_form(code, contacts, today)

with budget_tab:
    ui.budget(query(before_budget, ui.as_of_picker(today)))

with report_tab:
    if code is None:
        st.info(t("effect.report.pick"))
    else:
        ui.report(code, start, end, today, query(municipality_effect, code, start, end))
