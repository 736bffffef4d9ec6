"""Data: import an export (SAF-T, bank statement, ledger) with a preview and every bad row explained; rules, history, download."""

import streamlit as st

from seconomy.ui import imports as ui
from seconomy.ui.i18n import t
from seconomy.ui.onboarding import checklist_panel
from seconomy.ui.rules import rules_tab
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("data.title"))
st.caption(t("data.intro"))
ui.flash()
checklist_panel()

import_tab, rules, history_tab, export_tab = st.tabs([t("data.tab.import"), t("data.tab.rules"), t("data.tab.history"),
                                                      t("data.tab.export")])
with import_tab:
    ui.import_tab()
with rules:
    rules_tab()
with history_tab:
    ui.history_tab()
with export_tab:
    ui.export_tab()
