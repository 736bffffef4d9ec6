"""Overview: the first page — trailing income, the mosaic, the largest payer, months of cash."""

import streamlit as st

from seconomy import charts
from seconomy.overview import income_by_stream_and_payer, monthly_income_by_stream, overview
from seconomy.ui.data import query
from seconomy.ui.i18n import date, money, number, percent, stream_label, t
from seconomy.ui.layout import download_csv, plot, require_data
from seconomy.window import default_window

st.title(t("overview.title"))
require_data()
window = query(default_window)
figures = query(overview, window)
st.caption(t("overview.window", start=date(window.start), end=date(window.end)))

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("overview.kpi.income"), money(figures.total))
c2.metric(t("overview.kpi.largest"), percent(figures.largest_payer_share or 0), help=t("overview.kpi.largest_help"))
c2.caption(str(figures.largest_payer or "–"))
c3.metric(t("overview.kpi.payers"), number(figures.payer_count))
runway = t("overview.kpi.cash_value", months=number(figures.months_of_cash, 1)) if figures.months_of_cash is not None else "–"
c4.metric(t("overview.kpi.cash"), runway,
          help=t("overview.kpi.cash_help", cash=money(figures.cash), costs=money(figures.monthly_costs)))

st.subheader(t("overview.mosaic"))
plot(charts.mosaic_bar(figures.by_stream, stream_label, money), key="mosaic", config={"displayModeBar": False})

st.subheader(t("overview.treemap"))
leaves = query(income_by_stream_and_payer, window)
plot(charts.treemap(leaves, stream_label, money), key="treemap")
download_csv(leaves, "income_by_stream_and_payer.csv", key="dl_treemap")

st.subheader(t("overview.monthly"))
monthly = query(monthly_income_by_stream, window)
plot(charts.monthly_stacked(monthly, stream_label, t("col.amount")), key="monthly")
download_csv(monthly, "monthly_income_by_stream.csv", key="dl_monthly")
