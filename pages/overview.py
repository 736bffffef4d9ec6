"""Overview: the first page — income, costs and result of the trailing window, the mosaic, the largest payer, cash."""

import streamlit as st

from seconomy import charts
from seconomy.overview import income_by_stream_and_payer, monthly_income_by_stream, overview
from seconomy.ui.data import query
from seconomy.ui.downloads import download_table
from seconomy.ui.figures import figure
from seconomy.ui.i18n import date, money, number, percent, t, words
from seconomy.ui.layout import plot, require_data
from seconomy.ui.onboarding import checklist_panel
from seconomy.ui.safe import md
from seconomy.ui.shell import inside_app
from seconomy.window import default_window

inside_app()

st.title(t("overview.title"))
require_data()
window = query(default_window)
figures = query(overview, window)
covered = figures.coverage
one = ".one" if covered.months == 1 else ""
st.caption(t(f"overview.window{one}", months=number(covered.months), start=date(covered.first), end=date(covered.last)))
checklist_panel()

c1, c2, c3 = st.columns(3)
c1.metric(t(f"overview.kpi.income{one}", months=number(covered.months)), money(figures.total))
if figures.costs is None:
    c2.metric(t(f"overview.kpi.costs{one}", months=number(covered.months)), "–", help=t("overview.kpi.costs_none"))
    c3.metric(t("overview.kpi.result"), "–", help=t("overview.kpi.costs_none"))
else:
    source = "overview.kpi.costs_help" if figures.actual_costs is not None else "overview.kpi.costs_planned_help"
    c2.metric(t(f"overview.kpi.costs{one}", months=number(covered.months)), money(figures.costs), help=t(source))
    c3.metric(t("overview.kpi.result"), money(figures.result), help=t(source))
c4, c5, c6 = st.columns(3)
c4.metric(t("overview.kpi.largest"), percent(figures.largest_payer_share or 0), help=t("overview.kpi.largest_help"))
c4.caption(md(figures.largest_payer or "–"))
c5.metric(t("overview.kpi.payers"), number(figures.payer_count))
runway = t("overview.kpi.cash_value", months=number(figures.months_of_cash, 1)) if figures.months_of_cash is not None else "–"
c6.metric(t("overview.kpi.cash"), runway,
          help=t("overview.kpi.cash_help", cash=money(figures.cash), costs=money(figures.monthly_costs)))

st.subheader(t("overview.mosaic"))
plot(figure("overview.mosaic", (window,), lambda: charts.mosaic_bar(figures.by_stream, words())), key="mosaic",
     config={"displayModeBar": False})

st.subheader(t("overview.treemap"))
leaves = query(income_by_stream_and_payer, window)
plot(figure("overview.treemap", (window,), lambda: charts.treemap(leaves, words())), key="treemap")
download_table(leaves, t("overview.file.treemap"), key="dl_treemap")

st.subheader(t("overview.monthly"))
monthly = query(monthly_income_by_stream, window)
plot(figure("overview.monthly", (window,), lambda: charts.monthly_stacked(monthly, words(), t("col.amount"))), key="monthly")
download_table(monthly, t("overview.file.monthly"), key="dl_monthly")
