"""Grant planner: the pipeline of applications, the year's funding gap and the chance of covering it, the mix
to go for and what winning it does to dependency, the track record, the calendar and the grant cliff."""

import streamlit as st

from seconomy.errors import ScenarioError, SeconomyError
from seconomy.grants.amounts import open_applications
from seconomy.grants.calendar import calendar, cliff, upcoming
from seconomy.grants.plan import options, plan
from seconomy.grants.queries import load_applications
from seconomy.grants.track import track_record
from seconomy.ui import errors
from seconomy.ui import grants as ui
from seconomy.ui import grants_pipeline as pipeline
from seconomy.ui.data import query
from seconomy.ui.i18n import t
from seconomy.ui.shell import inside_app

inside_app()

UPCOMING_DAYS = 90

st.title(t("grants.title"))
st.caption(t("grants.intro"))
ui.flash()
today = ui.today()
try:
    opts = query(options)
except ScenarioError:
    opts = None
if opts is not None:
    year, scenario, gap, target = ui.plan_inputs(opts)
head = st.container()
ui.upcoming(query(upcoming, today, UPCOMING_DAYS), UPCOMING_DAYS)

plan_tab, pipeline_tab, track_tab, calendar_tab = st.tabs(
    [t("grants.tab.plan"), t("grants.tab.pipeline"), t("grants.tab.track"), t("grants.tab.calendar")])

with pipeline_tab:
    applications = query(load_applications)
    pipeline.editor(applications)
    pipeline.actions(applications)
    st.divider()
    pipeline.new_form(year if opts else today.year + 1)
    st.divider()
    st.markdown(f"**{t('grants.file.title')}**")
    pipeline.downloads()
    pipeline.upload()

with track_tab:
    ui.track(query(track_record))

with calendar_tab:
    ui.timeline(query(calendar, today), today)
    ui.cliff(query(cliff, today, 24))

with plan_tab:
    if opts is None:
        st.info(t("grants.no_forecast"))
    else:
        st.markdown(f"**{t('grants.whatif.title')}**")
        won = ui.what_if(query(open_applications, year), year)
        try:
            result = query(plan, year, scenario, gap, target, won)
        except SeconomyError as exc:
            st.error(t("grants.plan_error", error=errors.message(exc)))
            st.stop()
        with head:
            ui.headline(result)
        ui.coverage(result)
        ui.mix(result)
        ui.mosaic(result)
        ui.plan_download(result)
