"""Settings: every setting as a proper field with its meaning, saved in one form; the table of all; the database."""

import streamlit as st

from seconomy.inventory import inventory
from seconomy.paths import db_path
from seconomy.settings import get_settings
from seconomy.ui import settings as ui
from seconomy.ui.data import database, query
from seconomy.ui.i18n import date, number, t
from seconomy.ui.safe import md
from seconomy.ui.safety import backup_section
from seconomy.ui.shell import inside_app

inside_app()

st.title(t("settings.title"))
st.caption(t("settings.intro"))
current = query(get_settings)
ui.form(current)

st.subheader(t("settings.table"))
ui.table(query(get_settings))

st.subheader(t("settings.database"))
info = query(inventory)
st.caption(t("settings.database_caption", path=md(str(db_path(database()))), version=info["schema_version"],
             entries=number(info["counts"]["entries"]), first=date(info["first_date"]), last=date(info["last_date"])))

backup_section()
