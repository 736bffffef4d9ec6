"""Risk: whom we depend on — per payer, municipality, stream and counterparty, now and over time."""

import datetime as dt

import streamlit as st

from seconomy.overview import data_span
from seconomy.risk import charts, concentration, diversify, exposure_ahead, render, rolling, severity, stream_mosaic, verdict
from seconomy.risk.calculator import payer_options
from seconomy.risk.geo import TOLERANCE_M, ZOOM_TOLERANCE_M, municipality_geojson
from seconomy.risk.verdicts import display_name
from seconomy.ui import geofiles, inputs
from seconomy.ui import risk as ui
from seconomy.ui.data import query
from seconomy.ui.downloads import download_table
from seconomy.ui.figures import figure
from seconomy.ui.i18n import date, lang, money, number, percent, t, words
from seconomy.ui.layout import plot, require_data
from seconomy.ui.safe import md
from seconomy.ui.shell import inside_app
from seconomy.window import Window, default_window, month_end, month_start

inside_app()

ALERT = {"critical": st.error, "warning": st.warning, "ok": st.success, "empty": st.info}


def chart(fig, key: str) -> None:
    """A chart with Plotly's toolbar (PNG download named after the chart)."""
    plot(fig, key=key, config={"displaylogo": False, "toImageButtonOptions": {"filename": f"risk_{key}"}})


def maybe(show, value, *args) -> str:
    """A figure, or a dash when there is none (no income in the window)."""
    return "–" if value is None else show(value, *args)


st.title(t("risk.title"))
require_data()
default = query(default_window)
first, last = query(data_span)
w = words()

left, right = st.columns([2, 3])
picked = inputs.date(left, t("risk.window"), (default.start, default.end), key="risk_window", min_value=month_start(first),
                     max_value=month_end(last))
window = Window(*picked) if len(picked) == 2 else default
by = ui.choose_grouping(right)
st.caption(t("risk.window_caption", start=date(window.start), end=date(window.end)))

result = query(concentration, window, by)
limits = result.thresholds
level = t(f"risk.level.{result.level or 'none'}")
cols = st.columns([1.6, 1, 1, 1, 1] + ([1] if by == "municipality" else []))
cols[0].metric(t("risk.kpi.total"), money(result.total))
cols[1].metric(t("risk.kpi.hhi"), maybe(number, result.hhi), delta=level, delta_color="off", delta_arrow="off",
               help=t("risk.kpi.hhi_municipal_help" if by == "municipality" else "risk.kpi.hhi_help"))
cols[2].metric(t("risk.kpi.effective"), maybe(number, result.effective_number, 1), help=t("risk.kpi.effective_help"))
cols[3].metric(t("risk.kpi.top1"), maybe(percent, result.top1_share))
cols[4].metric(t("risk.kpi.top3"), maybe(percent, result.top3_share))
if by == "municipality":
    cols[5].metric(t("risk.kpi.municipal"), maybe(percent, result.municipal_share))

ALERT[severity(result)](render(verdict(result), lang(), escape=md))
if result.left_out:
    st.caption(t("risk.left_out", count=number(result.left_out), amount=money(result.left_out_amount)))
name = t("risk.file.groups", by=t(f"risk.by.{by}").lower(), start=window.start, end=window.end)

st.subheader(t("risk.pareto", by=t(f"risk.by.{by}").lower()))
chart(figure("risk.pareto", (window, by), lambda: charts.pareto(result.groups, limits, w, w.stream if by == "stream" else str)),
      key="pareto")
ui.groups_table(result.groups, by, "groups", name)

st.subheader(t("risk.map"))
municipal = query(concentration, window, "municipality")
left, right = st.columns([3, 2])
with left:
    chart(figure("risk.map", (window,), lambda: charts.municipality_map(municipal.groups, municipality_geojson(), w,
                                                                      geofiles.url(TOLERANCE_M))), key="map")
zoom = figure("risk.zoom", (window,), lambda: charts.municipality_zoom(municipal.groups, municipality_geojson(ZOOM_TOLERANCE_M), w,
                                                                      geofiles.url(ZOOM_TOLERANCE_M)))
if zoom is not None:
    with right:
        chart(zoom, key="map_zoom")
st.caption(t("footer.attribution"))
ui.groups_table(municipal.groups, "municipality", "municipalities", t("risk.file.municipalities", start=window.start,
                                                                      end=window.end), links=True)

st.subheader(t("risk.trend"))
trend = query(rolling, window.end, by)
if trend.empty:
    st.info(t("risk.trend.empty"))
else:
    chart(figure("risk.trend", (window.end, by), lambda: charts.hhi_trend(trend, limits, w)), key="trend")
    levels = {level: t(f"risk.level.{level}") for level in ("low", "moderate", "high")}
    download_table(trend, t("risk.file.trend", by=t(f"risk.by.{by}").lower(), end=window.end), key="dl_trend",
                   translate={"level": lambda v: levels.get(v, v)})

st.subheader(t("risk.mosaic"))
mosaic = query(stream_mosaic, window.end)
chart(figure("risk.mosaic", (window.end,), lambda: charts.mosaic_over_time(mosaic, w)), key="mosaic")
download_table(mosaic, t("risk.file.mosaic", end=window.end), key="dl_mosaic")

st.subheader(t("risk.exposure"))
ahead = query(exposure_ahead, default.end)
st.caption(t("risk.exposure.caption", start=date(ahead.first_day), end=date(ahead.last_day)))
if ahead.agreements.empty:
    st.info(t("risk.exposure.none"))
else:
    st.markdown(t("risk.exposure.summary", monthly=money(ahead.ending_monthly), share=percent(ahead.ending_share or 0),
                  end=date(ahead.last_day), budget=number(ahead.budget_season_count)))
chart(figure("risk.exposure", (default.end,), lambda: charts.exposure(ahead.months, w, t("risk.col.monthly"))), key="exposure")
download_table(ahead.months, t("risk.file.exposure_months", start=ahead.first_day), key="dl_exposure_months")
if not ahead.agreements.empty:
    ui.agreements_table(ahead.agreements, dt.date.today(), t("risk.file.exposure_agreements", start=ahead.first_day))

st.subheader(t("risk.calc"))
payers = query(concentration, window, "payer").groups
if not payers.empty:
    options = payer_options(payers)
    shown_names = {o: display_name(*o) for o in options}  # fixed now: format_func may run outside the script
    left, right = st.columns([3, 1])
    payer, code = left.selectbox(t("risk.calc.payer"), options, format_func=shown_names.get, key="risk_calc_payer")
    threshold = ui.threshold_input(right, limits.critical_share)
    outcome = query(diversify, window, payer, threshold, code)
    values = dict(name=md(display_name(payer, code)), threshold=percent(threshold, 0 if round(threshold * 100, 6) ==
                                                                          round(threshold * 100) else 1),
                  before=percent(outcome.share_before))
    if outcome.extra:
        st.markdown(t("risk.calc.result", extra=money(outcome.extra), after=percent(outcome.share_after), **values))
    else:
        st.markdown(t("risk.calc.already", **values))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("risk.calc.hhi_new"), number(outcome.hhi_new_small_payers), help=t("risk.calc.hhi_new_help"))
    c2.metric(t("risk.calc.hhi_one"), number(outcome.hhi_one_new_payer), help=t("risk.calc.hhi_one_help"))
    c3.metric(t("risk.calc.hhi_grow"), "–" if outcome.hhi_others_grow is None else number(outcome.hhi_others_grow),
              help=t("risk.calc.hhi_grow_help"))
    st.caption(t("risk.calc.help"))

with st.expander(t("risk.definitions")):
    st.markdown(t("risk.definitions.text", moderate=number(limits.hhi_moderate), high=number(limits.hhi_high),
                  major=percent(limits.major_share, 0), critical=percent(limits.critical_share, 0)))
