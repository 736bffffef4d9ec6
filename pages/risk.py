"""Risk: whom we depend on — per payer, municipality, stream and counterparty, now and over time."""

import streamlit as st

from seconomy.overview import data_span
from seconomy.risk import BY_OPTIONS, charts, concentration, diversify, exposure_ahead, render, rolling, severity, stream_mosaic, verdict
from seconomy.risk.calculator import payer_options
from seconomy.risk.geo import TOLERANCE_M, ZOOM_TOLERANCE_M, municipality_geojson
from seconomy.risk.verdicts import display_name
from seconomy.ui import geofiles
from seconomy.ui.data import query
from seconomy.ui.effect import with_effect_links
from seconomy.ui.figures import figure
from seconomy.ui.i18n import date, lang, money, number, percent, stream_label, t
from seconomy.ui.layout import download_csv, plot, require_data
from seconomy.ui.shell import inside_app
from seconomy.window import Window, default_window, month_end, month_start

inside_app()

ALERT = {"critical": st.error, "warning": st.warning, "ok": st.success, "empty": st.info}


def chart(fig, key: str) -> None:
    """A chart with Plotly's toolbar (PNG download named after the chart)."""
    plot(fig, key=key, config={"displaylogo": False, "toImageButtonOptions": {"filename": f"risk_{key}"}})


def table(frame, key: str, file_name: str, columns: dict, stream_column: str | None = None, links: bool = False) -> None:
    """A table shown with translated headers (and stream names), downloadable as CSV with the raw figures.

    ``links``: each municipality's row links to its effect and contacts (the effect page).
    """
    shown = frame.assign(**{stream_column: frame[stream_column].map(stream_label)}) if stream_column else frame
    if links:
        shown = with_effect_links(shown)
        columns = {**columns, "effect": st.column_config.LinkColumn(t("risk.col.effect"), display_text=t("risk.col.effect_open"))}
    st.dataframe(shown, hide_index=True, width="stretch", key=f"tbl_{key}", column_config=columns)
    download_csv(frame, file_name, key=f"dl_{key}")


def group_columns(by: str) -> dict:
    share = {"format": "percent"}
    return {
        "key": st.column_config.TextColumn(t(f"risk.by.{by}")),
        "municipality_code": st.column_config.NumberColumn(t("risk.col.code"), format="%d"),
        "amount": st.column_config.NumberColumn(t("risk.col.amount"), format="localized"),
        "share": st.column_config.NumberColumn(t("risk.col.share"), **share),
        "share_of_scope": st.column_config.NumberColumn(t("risk.col.share_of_municipal"), **share)
        if by == "municipality" else None,
        "cumulative_share": st.column_config.NumberColumn(t("risk.col.cumulative"), **share),
        "major": st.column_config.CheckboxColumn(t("risk.col.major")),
        "critical": st.column_config.CheckboxColumn(t("risk.col.critical")),
    }


def choose_grouping(column) -> str:
    """The payer/municipality/stream/counterparty switch; the choice survives a change of language.

    The radio remembers its choice by the shown label, so each language gets its own radio (key per
    language) and the choice itself lives in the plain session key "risk_by".
    """
    st.session_state.setdefault("risk_by", BY_OPTIONS[0])
    labels = {b: t(f"risk.by.{b}") for b in BY_OPTIONS}  # fixed now: format_func may run outside the script
    key = f"risk_by_{lang()}"

    def chosen() -> None:
        st.session_state["risk_by"] = st.session_state[key]

    column.radio(t("risk.by"), BY_OPTIONS, index=BY_OPTIONS.index(st.session_state["risk_by"]), format_func=labels.get,
                 horizontal=True, key=key, on_change=chosen, help=t("risk.by_help"))
    return st.session_state["risk_by"]


def maybe(show, value, *args) -> str:
    """A figure, or a dash when there is none (no income in the window)."""
    return "–" if value is None else show(value, *args)


def group_label(by: str):
    return stream_label if by == "stream" else str


st.title(t("risk.title"))
require_data()
default = query(default_window)
first, last = query(data_span)

left, right = st.columns([2, 3])
picked = left.date_input(t("risk.window"), value=(default.start, default.end), min_value=month_start(first),
                         max_value=month_end(last), format="DD.MM.YYYY", key="risk_window")
window = Window(*picked) if len(picked) == 2 else default
by = choose_grouping(right)
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

ALERT[severity(result)](render(verdict(result), lang()))
if result.left_out:
    st.caption(t("risk.left_out", count=result.left_out, amount=money(result.left_out_amount)))
name = f"{by}_{window.start}_{window.end}"

st.subheader(t("risk.pareto", by=t(f"risk.by.{by}").lower()))
chart(figure("risk.pareto", (window, by), lambda: charts.pareto(result.groups, limits, t, group_label(by), money)), key="pareto")
table(result.groups, "groups", f"risk_{name}.csv", group_columns(by), "key" if by == "stream" else None)

st.subheader(t("risk.map"))
municipal = query(concentration, window, "municipality")
left, right = st.columns([3, 2])
with left:
    chart(figure("risk.map", (window,), lambda: charts.municipality_map(municipal.groups, municipality_geojson(), t, money,
                                                                      geofiles.url(TOLERANCE_M))), key="map")
zoom = figure("risk.zoom", (window,), lambda: charts.municipality_zoom(municipal.groups, municipality_geojson(ZOOM_TOLERANCE_M), t,
                                                                      money, geofiles.url(ZOOM_TOLERANCE_M)))
if zoom is not None:
    with right:
        chart(zoom, key="map_zoom")
st.caption(t("footer.attribution"))
table(municipal.groups, "municipalities", f"risk_municipalities_{window.start}_{window.end}.csv", group_columns("municipality"),
      links=True)

st.subheader(t("risk.trend"))
trend = query(rolling, window.end, by)
if trend.empty:
    st.info(t("risk.trend.empty"))
else:
    chart(figure("risk.trend", (window.end, by), lambda: charts.hhi_trend(trend, limits, t)), key="trend")
    download_csv(trend, f"risk_trend_{by}_{window.end}.csv", key="dl_trend")

st.subheader(t("risk.mosaic"))
mosaic = query(stream_mosaic, window.end)
chart(figure("risk.mosaic", (window.end,), lambda: charts.mosaic_over_time(mosaic, t, stream_label)), key="mosaic")
download_csv(mosaic, f"risk_mosaic_{window.end}.csv", key="dl_mosaic")

st.subheader(t("risk.exposure"))
ahead = query(exposure_ahead, default.end)
st.caption(t("risk.exposure.caption", start=date(ahead.first_day), end=date(ahead.last_day)))
if ahead.agreements.empty:
    st.info(t("risk.exposure.none"))
else:
    st.markdown(t("risk.exposure.summary", monthly=money(ahead.ending_monthly), share=percent(ahead.ending_share or 0),
                  end=date(ahead.last_day), budget=number(ahead.budget_season_count)))
chart(figure("risk.exposure", (default.end,), lambda: charts.exposure(ahead.months, t, t("risk.col.monthly"))), key="exposure")
download_csv(ahead.months, f"risk_exposure_months_{ahead.first_day}.csv", key="dl_exposure_months")
table(ahead.agreements, "agreements", f"risk_exposure_agreements_{ahead.first_day}.csv", {
    "id": None, "payer": t("risk.col.payer"), "counterparty": t("risk.col.counterparty"), "municipality_code": None,
    "stream": t("risk.col.stream"), "end_date": st.column_config.DateColumn(t("risk.col.end_date"), format="DD.MM.YYYY"),
    "renewal_date": st.column_config.DateColumn(t("risk.col.renewal_date"), format="DD.MM.YYYY"),
    "budget_season": st.column_config.CheckboxColumn(t("risk.col.budget_season")),
    "monthly_amount": st.column_config.NumberColumn(t("risk.col.monthly"), format="localized"),
    "share_of_income": st.column_config.NumberColumn(t("risk.col.share_of_income"), format="percent"),
}, stream_column="stream", links=True)

st.subheader(t("risk.calc"))
payers = query(concentration, window, "payer").groups
if not payers.empty:
    options = payer_options(payers)
    left, right = st.columns([3, 1])
    payer, code = left.selectbox(t("risk.calc.payer"), options, format_func=lambda o: display_name(*o), key="risk_calc_payer")
    threshold = right.number_input(t("risk.calc.threshold"), 1.0, 99.0, limits.critical_share * 100, 1.0, format="%.1f",
                                   key="risk_calc_threshold")
    outcome = query(diversify, window, payer, threshold / 100, code)
    values = dict(name=display_name(payer, code), threshold=percent(threshold / 100, 0), before=percent(outcome.share_before))
    if outcome.extra:
        st.markdown(t("risk.calc.result", extra=money(outcome.extra), after=percent(outcome.share_after), **values))
    else:
        st.markdown(t("risk.calc.already", **values))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("risk.calc.hhi_new"), number(outcome.hhi_new_small_payers))
    c2.metric(t("risk.calc.hhi_one"), number(outcome.hhi_one_new_payer))
    c3.metric(t("risk.calc.hhi_grow"), "–" if outcome.hhi_others_grow is None else number(outcome.hhi_others_grow))
    st.caption(t("risk.calc.help"))

with st.expander(t("risk.definitions")):
    st.markdown(t("risk.definitions.text", moderate=number(limits.hhi_moderate), high=number(limits.hhi_high),
                  major=percent(limits.major_share, 0), critical=percent(limits.critical_share, 0)))
