"""Data: import a ledger export (CSV/XLSX) with a preview and every bad row explained; history, undo, download."""

import streamlit as st

from seconomy.ui import imports as ui
from seconomy.ui.i18n import t

st.title(t("data.title"))
st.caption(t("data.intro"))
ui.flash()

import_tab, history_tab, export_tab = st.tabs([t("data.tab.import"), t("data.tab.history"), t("data.tab.export")])
with import_tab:
    ui.import_tab()
with history_tab:
    ui.history_tab()
with export_tab:
    ui.export_tab()
