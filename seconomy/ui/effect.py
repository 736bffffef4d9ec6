"""Widgets of the effect page: municipality and window pickers, the effect tables and metrics, the trend, the
business case, the before-the-budget list and the report download.

Everything that computes is in seconomy.effect and is called through ui.data.query/write; this module turns
results into pre-formatted tables (strings from seconomy.ui.i18n) and metrics. User text (contact names,
the enterprise's own sentences) goes only into tables or through ``safe.md``. The forms (placements,
contacts, log, files, purge) are in seconomy.ui.effect_forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from seconomy.effect import charts
from seconomy.effect.budget import BudgetList, IncomeShare
from seconomy.effect.figures import Effect, HalfYear, Overview, as_json
from seconomy.effect.report import municipality_report
from seconomy.municipalities import all_municipalities, by_code, resolve
from seconomy.ui import inputs, tables
from seconomy.ui.data import read
from seconomy.ui.downloads import download_table
from seconomy.ui.i18n import date, lang, money, number, percent, t, words
from seconomy.ui.layout import plot

MUNICIPALITY = "ef_municipality"  # session key of the chosen municipality (None: all)


def labels(shown: dict) -> Callable[[object], str]:
    """A format_func with the labels fixed now, in this run's language (it may run outside the script)."""
    return lambda value: str(shown.get(value, value))


def effect_link(code: object) -> str | None:
    """The effect page of a municipality, relative to the app ('effect?municipality=159'), for LinkColumns."""
    return None if code is None or pd.isna(code) else f"effect?municipality={int(code)}"


def with_effect_links(frame: pd.DataFrame, column: str = "municipality_code") -> pd.DataFrame:
    """``frame`` with an ``effect`` column linking each municipality's row to its effect and contacts."""
    return frame.assign(effect=[effect_link(c) for c in frame[column]])


# ---------------------------------------------------------------- pickers

ALL = 0  # the picker's value for all municipalities (None would show as an empty selectbox)


def _from_query_params() -> int:
    raw = st.query_params.get("municipality")
    return (resolve(raw) or ALL) if raw else ALL


def municipality_picker(first: list[int]) -> int | None:
    """All municipalities (None), or one: those with placements or contacts first. ``?municipality=CODE`` preselects."""
    if MUNICIPALITY not in st.session_state or st.session_state.get("ef_query") != st.query_params.get("municipality"):
        st.session_state["ef_query"] = st.query_params.get("municipality")
        st.session_state[MUNICIPALITY] = _from_query_params()
    rest = sorted((m.code for m in all_municipalities() if m.code not in first), key=lambda c: by_code()[c].name)
    options = [ALL, *first, *rest]
    names = {c: t("effect.all") if c == ALL else by_code()[c].name for c in options}

    def chosen() -> None:
        code = st.session_state[MUNICIPALITY]
        if code == ALL:
            st.query_params.pop("municipality", None)
        else:
            st.query_params["municipality"] = str(code)
        st.session_state["ef_query"] = st.query_params.get("municipality")

    code = st.selectbox(t("effect.pick_municipality"), options, key=MUNICIPALITY, format_func=labels(names),
                        on_change=chosen)
    return None if code == ALL else code


def tabs(names: list[str]) -> list:
    """The page's tabs; the open one survives the rerun after a save (one key per language: labels differ)."""
    return st.tabs(names, key=f"ef_tabs_{lang()}", on_change="rerun")


def window_picker(column, today: dt.date, first: dt.date | None) -> tuple[dt.date | None, dt.date]:
    """All time up to today (default), or a chosen period."""
    whole = column.toggle(t("effect.all_time"), value=True, key="ef_all_time", help=t("effect.all_time_help"))
    if whole:
        return None, today
    default = (first or today.replace(month=1, day=1), today)
    picked = inputs.date(column, t("effect.window"), default, key="ef_window")
    return (picked[0], picked[1]) if len(picked) == 2 else (None, today)


# ---------------------------------------------------------------- effect

def _rate(effect: Effect) -> str:
    if effect.exit_rate is None:
        return "–"
    low, high = effect.interval
    return t("effect.rate_interval", rate=percent(effect.exit_rate), low=percent(low), high=percent(high))


def _maybe(value: object, show: Callable[..., str], *args) -> str:
    return "–" if value is None else show(value, *args)


def _row(effect: Effect) -> dict[str, str]:
    name = effect.municipality or t("effect.all")
    return {
        t("effect.col.municipality"): name, t("effect.col.placements"): number(effect.placements),
        t("effect.col.running"): number(effect.running), t("effect.col.ended"): number(effect.ended),
        t("effect.col.exits"): number(effect.exits), t("effect.col.exit_rate"): _rate(effect),
        t("effect.col.dropped_out"): number(effect.dropped_out),
        t("effect.col.average_weeks"): _maybe(effect.average_weeks, number, 1),
        t("effect.col.progression"): _maybe(effect.progression, number, 1),
        t("effect.col.income"): money(effect.income), t("effect.col.price_paid"): money(effect.price_paid),
        t("effect.col.price_per_exit"): _maybe(effect.price_per_exit, money),
        t("effect.col.municipal_net"): money(effect.municipal_net),
        t("effect.col.suppressed"): t("effect.small") if effect.suppressed else "",
    }


def overview_table(overview: Overview) -> None:
    """Every municipality with placements in the window, and all of them together (last row)."""
    if not overview.rows:
        st.info(t("effect.none"))
        return
    tables.show(pd.DataFrame([_row(e) for e in (*overview.rows, overview.total)]), key="ef_overview")
    if any(e.suppressed for e in overview.rows):
        st.caption(t("effect.small_note"))
    frame = pd.DataFrame([as_json(e) for e in overview.rows]).drop(columns=["outcomes"])
    frame["from"] = [None if d is None else dt.date.fromisoformat(d) for d in frame["from"]]
    frame["to"] = [dt.date.fromisoformat(d) for d in frame["to"]]
    download_table(frame, t("effect.file.overview"), key="ef_dl_overview", headers=_download_headers())


def _download_headers() -> dict[str, str]:
    """The overview download's headers (the CLI's JSON keys, in words)."""
    col = {k: t(f"effect.col.{k}") for k in ("municipality", "placements", "running", "ended", "exit_rate", "exit_rate_low",
                                              "exit_rate_high", "dropped_out", "average_weeks", "income", "price_per_exit",
                                              "municipal_net", "from", "to", "progression", "progression_count",
                                              "price_paid")}
    return {**col, "municipality_code": t("effect.col.code"), "exits_to_work_or_education": t("effect.col.exits"),
            "suppressed": t("effect.col.suppressed_flag"), "savings": t("effect.case.savings"),
            "saved_per_krone": t("effect.case.per_krone")}


def details(effect: Effect, share: IncomeShare | None) -> None:
    """The metrics of one municipality (or all), with the suppression note and its share of income."""
    c = st.columns(5)
    c[0].metric(t("effect.col.placements"), number(effect.placements),
                help=t("effect.placements_help", running=number(effect.running), ended=number(effect.ended)))
    c[1].metric(t("effect.col.ended"), number(effect.ended))
    c[2].metric(t("effect.col.exits"), number(effect.exits), help=t("effect.exits_help"))
    c[3].metric(t("effect.kpi.exit_rate"), _maybe(effect.exit_rate, percent),
                help=t("effect.col.exit_rate") + ": " + t("effect.interval_help", interval=_rate(effect)))
    c[4].metric(t("effect.col.dropped_out"), number(effect.dropped_out))
    c = st.columns(3)
    c[0].metric(t("effect.col.average_weeks"), _maybe(effect.average_weeks, number, 1))
    c[1].metric(t("effect.col.progression"), _maybe(effect.progression, number, 1),
                help=t("effect.progression_help", n=number(effect.progression_count)))
    if share is not None and share.window is not None:
        c[2].metric(t("effect.col.share_of_income"), _maybe(share.share, percent),
                    help=t("effect.share_help", start=date(share.window.start), end=date(share.window.end)))
    c = st.columns(3)
    c[0].metric(t("effect.col.income"), money(effect.income))
    c[1].metric(t("effect.col.price_paid"), money(effect.price_paid))
    c[2].metric(t("effect.col.price_per_exit"), _maybe(effect.price_per_exit, money))
    if effect.interval:
        low, high = effect.interval
        st.caption(t("effect.interval_caption", low=percent(low), high=percent(high), ended=number(effect.ended),
                     running=number(effect.running)))
    if effect.suppressed and effect.placements:
        st.warning(t("effect.suppressed_warning", ended=number(effect.ended)))


def business_case(effect: Effect) -> None:
    """The municipality's net, kroner saved per krone, the saving per scheme and every assumption."""
    case = effect.case
    c = st.columns([1.1, 1.1, 1.2, 0.6])  # room for "−4.084.715 kr.": no clipped figure at 1280 px
    c[0].metric(t("effect.case.savings"), money(case.savings))
    c[1].metric(t("effect.col.price_paid"), money(case.price_paid))
    c[2].metric(t("effect.case.net"), money(case.net))
    c[3].metric(t("effect.case.per_krone"), _maybe(case.saved_per_krone, number, 2))
    if case.lines:
        tables.show(pd.DataFrame([{
            t("effect.col.scheme"): t(f"effect.scheme.{line.scheme}"), t("effect.case.full_exits"): number(line.exits),
            t("effect.outcome.flexjob"): number(line.flexjob_exits),
            t("effect.case.monthly_benefit"): money(line.monthly_benefit), t("effect.case.savings"): money(line.savings),
        } for line in case.lines]), key="ef_case")
    a = case.assumptions
    items = [t("effect.case.horizon", months=number(a.horizon_months), persistence=percent(float(a.persistence), 0),
               saved=number(a.months_saved, 1)),
             *[t(f"effect.case.benefit_{kind}", amount=money(a.benefits[kind])) for kind in a.benefits],
             t("effect.case.flexjob", share=percent(float(a.flexjob_share), 0)), t("effect.case.no_benefit"),
             t("effect.case.not_counted"), t("effect.case.settings")]
    st.markdown(f"**{t('effect.case.assumptions')}**\n\n" + "\n".join(f"- {i}" for i in items))


def trend(halves: tuple[HalfYear, ...]) -> None:
    if not halves:
        st.info(t("effect.trend.empty"))
        return
    plot(charts.trend(halves, words(), lambda h: t("effect.half", half=h.half, year=h.year)), key="ef_trend_chart")
    tables.show(pd.DataFrame([{
        t("effect.col.half_year"): t("effect.half", half=h.half, year=h.year),
        t("effect.col.placements"): number(h.effect.placements),
        t("effect.col.ended"): number(h.effect.ended), t("effect.col.exits"): number(h.effect.exits),
        t("effect.col.exit_rate"): _maybe(h.effect.exit_rate, percent),
        t("effect.col.suppressed"): t("effect.small") if h.effect.suppressed else "",
    } for h in halves]), key="ef_trend")


# ---------------------------------------------------------------- before the budget

def as_of_picker(today: dt.date) -> dt.date:
    """The day of the before-the-budget list (default today)."""
    column = st.columns([1, 2])[0]
    return inputs.date(column, t("effect.budget.as_of"), today, key="ef_budget_as_of")


def _deadline(day: dt.date, as_of: dt.date) -> str:
    return t("deadline.passed", date=date(day)) if day < as_of else date(day)


def budget(result: BudgetList) -> None:
    """The list, with the note of where in the budget year ``as_of`` falls."""
    year = result.as_of.year
    note = {"before": t("effect.budget.before", start=date(result.season_start)),
            "open": t("effect.budget.open", start=date(result.season_start)),
            "adopted": t("effect.budget.adopted", year=year, next=year + 1, start=date(result.season_start))}[result.status]
    st.caption(note)
    if result.status == "before":
        return
    if not result.entries:
        st.success(t("effect.budget.none"))
        return
    rows = []
    for e in result.entries:
        rows.append({
            t("effect.col.municipality"): e.municipality,
            t("effect.col.share_of_income"): _maybe(e.share_of_income, percent),
            t("effect.budget.renewal"): ", ".join(_deadline(d, result.as_of) for d in e.renewals),
            t("effect.budget.last_meeting"): _maybe(e.last_manager_meeting, date),
            t("effect.budget.next_meeting"): _maybe(e.next_meeting, date),
            t("effect.budget.managers"): ", ".join(e.managers) or t("effect.budget.no_manager"),
            t("effect.col.ended"): number(e.effect.ended), t("effect.col.exits"): number(e.effect.exits),
            t("effect.col.exit_rate"): _rate(e.effect), t("effect.col.municipal_net"): money(e.effect.municipal_net),
            t("effect.col.suppressed"): t("effect.small") if e.effect.suppressed else "",
            t("effect.budget.open_link"): effect_link(e.municipality_code),
        })
    tables.show(pd.DataFrame(rows), key="ef_budget", columns={
        t("effect.budget.open_link"): st.column_config.LinkColumn(t("effect.budget.open_link"),
                                                                  display_text=t("effect.budget.open_text"))})
    st.caption(t("effect.budget.rule"))


# ---------------------------------------------------------------- report

def report(code: int, start: dt.date | None, end: dt.date, today: dt.date, effect: Effect) -> None:
    """Language, the enterprise's own sentences, and the download of the municipality's HTML report."""
    c1, c2 = st.columns([1, 3])
    language = c1.radio(t("effect.report.lang"), ["da", "en"], key="ef_report_lang", horizontal=True,
                        format_func=labels({"da": "Dansk", "en": "English"}))
    text = c2.text_area(t("effect.report.own_text"), key="ef_report_text", help=t("effect.report.own_text_help"),
                        max_chars=1500, height=110)
    if effect.suppressed:
        st.caption(t("effect.report.will_suppress"))
    name = by_code()[code].name

    def render() -> bytes:
        return read(municipality_report, code, start, end, language, text, today).encode("utf-8")

    file_name = f"effekt_{name}.html" if language == "da" else f"effect_{name}.html"
    st.download_button(t("effect.report.download"), render, file_name=file_name, mime="text/html",
                       key="ef_report_download", type="primary", icon=":material/download:", on_click="ignore")
    st.caption(t("effect.report.privacy"))
