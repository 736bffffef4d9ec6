"""Agreements and costs: the enterprise's contracts, wage subsidies, grants, costs and opening cash.

A manager keeps them up to date here; the forecast and the scenarios read them. Each tab lists
the rows and has one form to add a line or edit, end or delete the one picked.
"""

import streamlit as st

from seconomy.agreements import views
from seconomy.ui import agreements as ui
from seconomy.ui import proposals
from seconomy.ui.data import query
from seconomy.ui.i18n import t
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("agreements.title"))
st.caption(t("agreements.intro"))
ui.flash()
current = ui.this_month()

contracts_tab, grants_tab, costs_tab, cash_tab, file_tab = st.tabs([
    t("agreements.tab.contracts"), t("agreements.tab.grants"), t("agreements.tab.costs"), t("agreements.tab.cash"),
    t("agreements.tab.file"),
])

with contracts_tab:
    contracts = query(views.agreements_overview, current, False)
    ui.agreements_table(contracts, grants=False, shown_month=current)
    row = ui.pick("contract", contracts, t("agreements.new_contract"), lambda r: f"{r['payer']} – {r['department'] or r['counterparty']}")
    action, raw, confirmed = ui.contract_form(row)
    ui.handle("contract", action, raw, row, confirmed)

with grants_tab:
    grants = query(views.agreements_overview, current, True)
    ui.agreements_table(grants, grants=True, shown_month=current)
    row = ui.pick("grant", grants, t("agreements.new_grant"), lambda r: r["counterparty"])
    action, raw, confirmed = ui.grant_form(row)
    ui.handle("grant", action, raw, row, confirmed)

with costs_tab:
    summary = query(views.cost_summary, current)
    proposals.cost_proposals(has_lines=not summary.lines.empty)
    ui.cost_metrics(summary)
    ui.costs_table(summary.lines)
    row = ui.pick("cost", summary.lines, t("agreements.new_cost"), lambda r: r["category"])
    action, raw, confirmed = ui.cost_form(row)
    ui.handle("cost", action, raw, row, confirmed)

with cash_tab:
    cash = query(views.cash)
    proposals.file_balance(cash)
    ui.cash_form(cash)

with file_tab:
    ui.downloads()
    st.divider()
    ui.upload()
