"""Widgets of the Grants page: the plan's inputs, the headline figures, "if we win this", the coverage chart,
the mix, the mosaic effect, the track record and the calendar with the grant cliff.

Everything computed comes from seconomy.grants (through ui.data.query); this module turns widget
values into arguments, formats every figure in the page's language and draws. Editing the pipeline
(table, form, undo, file) is in seconomy.ui.grants_pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy.errors import UsageError
from seconomy.grants import charts
from seconomy.grants.amounts import Candidate
from seconomy.grants.calendar import Cliff
from seconomy.grants.plan import Options, Plan, parse_gap, to_json
from seconomy.grants.track import TrackRecord
from seconomy.ui import tables
from seconomy.ui.downloads import download_table
from seconomy.ui.i18n import date, lang, money, month, number, percent, t
from seconomy.ui.layout import plot
from seconomy.ui.safe import md

BASELINE = "__baseline__"
FLASH = "gr_flash"


def today() -> dt.date:
    return dt.date.today()


def flash() -> None:
    """Show the confirmation of the last write (it survives the rerun that follows it)."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def stage_label(stage: str) -> str:
    return t(f"grants.stage.{stage}")


def _kr(ore: int | float) -> str:
    return money(Decimal(int(round(ore))) / 100)


def _labels(shown: dict):
    """A format_func with the labels fixed now, in this run's language (Streamlit may call it outside the run)."""
    return lambda value: str(shown.get(value, value))


# ---------------------------------------------------------------- inputs and headline

def plan_inputs(opts: Options) -> tuple[int, str | None, Decimal | None, float]:
    """Year, scenario, an own gap (what-if) and the target probability."""
    c1, c2, c3, c4 = st.columns([1, 2, 2, 2])
    year = c1.selectbox(t("grants.year"), list(opts.years), index=list(opts.years).index(opts.default_year), key="gr_year",
                        help=t("grants.year_help"))
    names = [BASELINE, *opts.scenarios]
    scenario = c2.selectbox(t("grants.scenario"), names, key="gr_scenario", help=t("grants.scenario_help"),
                            format_func=_labels({BASELINE: t("grants.baseline")}))
    gap_text = c3.text_input(t("grants.gap_override"), key="gr_gap", placeholder=t("grants.gap_placeholder"),
                             help=t("grants.gap_help"))
    st.session_state.setdefault("gr_target_value", int(round(opts.target * 100)))
    key = f"gr_target_{lang()}"

    def chosen() -> None:
        st.session_state["gr_target_value"] = st.session_state[key]

    target = c4.slider(t("grants.target"), 0, 100, value=st.session_state["gr_target_value"], step=5, key=key,
                       format="%d %%" if lang() == "da" else "%d%%", on_change=chosen, help=t("grants.target_help"))
    gap = None
    if gap_text.strip():
        try:
            gap = parse_gap(gap_text)
        except UsageError:
            c3.error(t("grants.gap_invalid"))
    return year, None if scenario == BASELINE else scenario, gap, target / 100


def headline(result: Plan) -> None:
    """The four figures a fundraiser looks at first."""
    c1, c2, c3, c4 = st.columns(4)
    gap_label = t("grants.metric.gap_given" if result.gap_overridden else "grants.metric.gap", year=result.year)
    c1.metric(gap_label, _kr(result.gap), help=t("grants.metric.gap_help"))
    c2.metric(t("grants.metric.expected"), _kr(result.expected), help=t("grants.metric.expected_help"))
    c3.metric(t("grants.metric.p_cover"), percent(result.p_cover), help=t("grants.metric.p_cover_help"))
    c4.metric(t("grants.metric.p_mix"), percent(result.mix.p_cover),
              help=t("grants.metric.p_mix_help", n=len(result.mix.ids)))
    figures = result.figures
    scenario = md(figures.scenario) if figures.scenario else t("grants.baseline")
    st.caption(t("grants.gap_caption", scenario=scenario, costs=_kr(figures.costs), income=_kr(figures.income)))
    if figures.months_actual:
        st.caption(t("grants.actual_months", months=figures.months_actual, first=month(figures.first_forecast_month)))
    if result.gap <= 0:
        st.success(t("grants.surplus", amount=_kr(-result.gap)))


def upcoming(events: pd.DataFrame, days: int) -> None:
    """The next ``days`` days' deadlines, decisions and report deadlines, as a list at the top."""
    st.subheader(t("grants.upcoming", days=days))
    if events.empty:
        st.caption(t("grants.upcoming_none", days=days))
        return
    tables.show(pd.DataFrame({
        t("grants.col.date"): [date(d) for d in events["date"]],
        t("grants.col.days"): [t("grants.days_left", days=n) for n in events["days"]],
        t("grants.col.event"): [t(f"grants.event.{k}") for k in events["kind"]],
        t("grants.col.funder"): list(events["funder"]),
        t("grants.col.project"): [p or "" for p in events["project"]],
        t("grants.col.stage"): [stage_label(s) for s in events["stage"]],
    }), key="gr_upcoming")


# ---------------------------------------------------------------- what if, coverage, mix

def what_if(candidates: Sequence[Candidate], year: int) -> tuple[int, ...]:
    """The open applications of the year with an "if we win this" toggle each; returns the ids toggled on."""
    if not candidates:
        st.info(t("grants.no_open"))
        return ()
    frame = pd.DataFrame({
        "won": [False] * len(candidates),
        "id": [f"#{c.id}" for c in candidates],
        "funder": [c.funder for c in candidates],
        "project": [c.project or "" for c in candidates],
        "stage": [stage_label(c.stage) for c in candidates],
        "p": [percent(c.p, 0) for c in candidates],
        "year_amount": [_kr(c.year_ore) for c in candidates],
        "expected": [_kr(c.expected_ore) for c in candidates],
    })
    columns = {
        "won": st.column_config.CheckboxColumn(t("grants.col.won"), help=t("grants.col.won_help")),
        "id": st.column_config.TextColumn(t("grants.col.id")),
        "funder": st.column_config.TextColumn(t("grants.col.funder")),
        "project": st.column_config.TextColumn(t("grants.col.project")),
        "stage": st.column_config.TextColumn(t("grants.col.stage")),
        "p": st.column_config.TextColumn(t("grants.col.p")),
        "year_amount": st.column_config.TextColumn(t("grants.col.year_amount", year=year)),
        "expected": st.column_config.TextColumn(t("grants.col.expected")),
    }
    signature = "-".join(str(c.id) for c in candidates)
    edited = st.data_editor(frame, key=f"gr_whatif_{year}_{signature}", hide_index=True, width="stretch",
                            column_config=columns, disabled=[c for c in frame.columns if c != "won"])
    return tuple(c.id for c, won in zip(candidates, edited["won"], strict=True) if bool(won))


def coverage(result: Plan) -> None:
    """The distribution of the pipeline's total (and the mix's) as P(at least x), with the gap marked."""
    st.subheader(t("grants.coverage.title", year=result.year))
    x, p = result.distribution.curve()
    curves = [(t("grants.coverage.pipeline"), x / 100, p)]
    if result.mix.ids:
        mx, mp = result.chosen_distribution.curve()
        curves.append((t("grants.coverage.mix"), mx / 100, mp))
    labels = {"x": t("grants.coverage.x"), "y": t("grants.coverage.y"), "gap": t("grants.coverage.gap"),
              "hover": t("grants.coverage.hover")}
    plot(charts.coverage(curves, result.gap / 100, labels, money, lambda v: percent(v, 0)), key="gr_coverage",
         config={"displaylogo": False})
    st.caption(t(f"grants.method.{result.distribution.method}"))


def _effort_text(hours: Decimal | None) -> str:
    return "" if hours is None else t("grants.hours", hours=number(hours, 0 if hours == int(hours) else 1))


def mix(result: Plan) -> None:
    """The chosen applications: the verdict, the method, the table."""
    st.subheader(t("grants.mix.title"))
    chosen, m = result.chosen, result.mix
    values = {"p": percent(m.p_cover), "target": percent(m.target, 0), "n": len(m.ids)}
    if result.gap <= 0:
        st.success(t("grants.mix.no_gap"))
        return
    if m.reached:
        hours = t("grants.mix.hours", hours=_effort_text(m.effort_hours)) if m.effort_hours is not None else ""
        st.success(t("grants.mix.reached", **values) + hours)
    else:
        st.warning(t("grants.mix.not_reached", **values))
    st.caption(t(f"grants.mix.method.{m.method}") + " " + t(f"grants.mix.objective.{m.objective}"))
    if chosen:
        tables.show(pd.DataFrame({
            t("grants.col.id"): [f"#{c.id}" for c in chosen],
            t("grants.col.funder"): [c.funder for c in chosen],
            t("grants.col.project"): [c.project or "" for c in chosen],
            t("grants.col.stage"): [stage_label(c.stage) + (f" · {t('grants.col.won')}" if c.won else "") for c in chosen],
            t("grants.col.p"): [percent(c.p, 0) for c in chosen],
            t("grants.col.year_amount", year=result.year): [_kr(c.year_ore) for c in chosen],
            t("grants.col.effort"): [_effort_text(c.effort_hours) for c in chosen],
        }), key="gr_mix_table")


def _delta(before: float | None, after: float | None, share: bool) -> str | None:
    if before is None or after is None:
        return None
    change = (after - before) * (100 if share else 1)
    sign = "+" if change > 0 else ""
    return sign + (t("grants.pp", value=number(change, 1)) if share else number(change, 0))


def mosaic(result: Plan) -> None:
    """Payer HHI, grant share and the largest funder's share, before and after the mix is won."""
    st.subheader(t("grants.mosaic.title"))
    before, after = result.mosaic.before, result.mosaic.after
    c1, c2, c3 = st.columns(3)
    hhi = after.concentration.hhi
    c1.metric(t("grants.mosaic.hhi"), "–" if hhi is None else number(hhi, 0),
              _delta(before.concentration.hhi, hhi, False), delta_color="inverse", help=t("grants.mosaic.hhi_help"))
    c2.metric(t("grants.mosaic.grant_share"), "–" if after.grant_share is None else percent(after.grant_share),
              _delta(before.grant_share, after.grant_share, True), delta_color="inverse")
    c3.metric(t("grants.mosaic.largest"), "–" if after.largest_funder_share is None else percent(after.largest_funder_share),
              _delta(before.largest_funder_share, after.largest_funder_share, True), delta_color="inverse",
              help=t("grants.mosaic.largest_help"))
    if after.largest_funder:
        st.caption(t("grants.mosaic.largest_caption", funder=md(after.largest_funder),
                     before=md(before.largest_funder or "–")))
    for warning in result.mosaic.warnings:
        if warning.code == "grant_share":
            st.warning(t("grants.warn.grant_share", share=percent(warning.share), limit=percent(warning.limit, 0)))
        else:
            st.warning(t("grants.warn.funder_share", funder=md(warning.funder), share=percent(warning.share),
                         limit=percent(warning.limit, 0)))
    labels = {"before": t("grants.mosaic.before"), "after": t("grants.mosaic.after")}
    plot(charts.mosaic_bars(before.concentration.shares, after.concentration.shares, labels, percent), key="gr_mosaic",
         config={"displaylogo": False})
    st.caption(t("grants.mosaic.as_if_won"))


def plan_download(result: Plan) -> None:
    st.download_button(t("grants.download_json"), json.dumps(to_json(result), ensure_ascii=False, indent=2),
                       file_name=f"grant-plan-{result.year}.json", mime="application/json", key="gr_dl_plan")


# ---------------------------------------------------------------- track record, calendar, cliff

def _rate(value: float | None) -> str:
    return t("grants.no_history") if value is None else percent(value, 0)


def track(record: TrackRecord) -> None:
    st.caption(t("grants.track.intro"))
    st.metric(t("grants.track.overall"), _rate(record.win_rate),
              help=t("grants.track.counts", granted=record.granted, rejected=record.rejected))
    stages = record.by_stage
    st.markdown(f"**{t('grants.track.by_stage')}**")
    tables.show(pd.DataFrame({
        t("grants.col.stage"): [stage_label(s) for s in stages["stage"]],
        t("grants.track.default"): [percent(p, 0) for p in stages["default"]],
        t("grants.track.history"): [_rate(r) for r in stages["win_rate"]],
        t("grants.track.granted"): [number(n) for n in stages["granted"]],
        t("grants.track.rejected"): [number(n) for n in stages["rejected"]],
    }), key="gr_track_stage")
    st.caption(t("grants.track.stage_note"))
    st.markdown(f"**{t('grants.track.by_funder')}**")
    funders = record.by_funder
    if funders.empty:
        st.caption(t("grants.track.none"))
        return
    shown = pd.DataFrame({
        t("grants.col.funder"): list(funders["funder"]),
        t("grants.track.history"): [_rate(r) for r in funders["win_rate"]],
        t("grants.track.granted"): [number(n) for n in funders["granted"]],
        t("grants.track.rejected"): [number(n) for n in funders["rejected"]],
        t("grants.track.open"): [number(n) for n in funders["open"]],
    })
    tables.show(shown, key="gr_track_funder")
    download_table(funders, t("grants.file.track"), key="gr_dl_track", headers={
        "funder": t("grants.col.funder"), "win_rate": t("grants.track.history"), "granted": t("grants.track.granted"),
        "rejected": t("grants.track.rejected"), "open": t("grants.track.open")})


def timeline(events: pd.DataFrame, as_of: dt.date) -> None:
    st.subheader(t("grants.calendar.title"))
    if events.empty:
        st.caption(t("grants.calendar.none"))
        return
    labels = {"today": t("grants.calendar.today")}
    plot(charts.timeline(events, as_of, labels, lambda k: t(f"grants.event.{k}"), date, month), key="gr_timeline",
         config={"displaylogo": False})


def cliff(data: Cliff) -> None:
    st.subheader(t("grants.cliff.title", months=len(data.months)))
    st.caption(t("grants.cliff.intro"))
    labels = {"pipeline": t("grants.cliff.pipeline"), "y": t("grants.cliff.y")}
    plot(charts.cliff(data.granted, data.pipeline, data.months, labels, money, month), key="gr_cliff",
         config={"displaylogo": False})
    if data.ends.empty:
        return
    tables.show(pd.DataFrame({
        t("grants.col.funder"): list(data.ends["funder"]),
        t("grants.cliff.last_payment"): [month(m) for m in data.ends["last_payment"]],
        t("grants.cliff.end"): [date(d) for d in data.ends["end_date"]],
    }), key="gr_cliff_ends")
