"""Settings: every setting with its default and meaning, editable in one form."""

import pandas as pd
import streamlit as st

from seconomy.errors import InputError
from seconomy.inventory import inventory
from seconomy.paths import db_path
from seconomy.settings import EDITABLE, SETTINGS, get_settings
from seconomy.store import update_settings
from seconomy.ui.auth import can_write
from seconomy.ui.data import database, query, write
from seconomy.ui.i18n import number, t
from seconomy.ui.safety import backup_section
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("settings.title"))
st.caption(t("settings.intro"))
current = query(get_settings)

with st.form("settings_form"):
    values = {}
    for name in EDITABLE:
        values[name] = st.text_input(t(f"setting.{name}"), value=str(current[name]), key=f"setting_{name}",
                                     help=next(s.help for s in SETTINGS if s.name == name))
    submitted = st.form_submit_button(t("settings.save"), type="primary", disabled=not can_write())
if submitted:
    try:
        write(update_settings, values)
        st.success(t("settings.saved"))
        current = query(get_settings)
    except InputError as exc:
        st.error(t("settings.invalid") + "\n\n" + "\n".join(f"- {t(f'setting.{e.column}')}: {e.reason}" for e in exc.errors))

st.subheader(t("settings.table"))
st.dataframe(
    pd.DataFrame({
        t("settings.col.name"): [s.name for s in SETTINGS],
        t("settings.col.value"): [str(current[s.name]) for s in SETTINGS],
        t("settings.col.default"): [s.default for s in SETTINGS],
        t("settings.col.help"): [s.help for s in SETTINGS],
    }),
    hide_index=True, width="stretch",
)

st.subheader(t("settings.database"))
info = query(inventory)
st.caption(t("settings.database_caption", path=str(db_path(database())), version=info["schema_version"],
             entries=number(info["counts"]["entries"]), first=info["first_date"] or "–", last=info["last_date"] or "–"))

backup_section()
