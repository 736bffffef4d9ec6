"""The result views of the Scenarios page: results, comparison, reverse stress test, Monte Carlo, report."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from seconomy.errors import ScenarioError
from seconomy.forecast import Baseline, build_baseline, first_forecast_month
from seconomy.forecast.months import month_text
from seconomy.scenarios import charts
from seconomy.scenarios.describe import Words, words
from seconomy.scenarios.montecarlo import SimulationResult, simulate
from seconomy.scenarios.report import board_report, step_labeller, unique
from seconomy.scenarios.results import ScenarioResult, booked_so_far, compute, to_json
from seconomy.scenarios.reverse import reverse_stress_all
from seconomy.scenarios.spec import Spec, parse_spec
from seconomy.scenarios.targets import Targets, targets_of
from seconomy.scenarios.verdict import cut_text, target_text, verdict
from seconomy.settings import get_settings
from seconomy.store import drop_from_forecast, keep_in_forecast
from seconomy.text.catalog import CATALOG
from seconomy.ui import errors, tables
from seconomy.ui.data import data_version, database, query, write
from seconomy.ui.downloads import download_table
from seconomy.ui.figures import figure
from seconomy.ui.i18n import date, lang, money, money_delta, month, number, percent, stream_label, t
from seconomy.ui.layout import plot
from seconomy.ui.safe import md

CURRENT = "__current__"


# --- the baseline, built once per data version and horizon -----------------------------------------------------

def baseline_for(start: dt.date | None, months: int) -> Baseline:
    """The baseline of a horizon, from the cache: every view of the page (pickers, result, comparison, stress test,
    Monte Carlo) uses this one, so a rerun builds it at most once and an edited shock builds it not at all.
    ``start`` None is the first forecast month, spelled out so both spellings share one cache entry."""
    return query(build_baseline, start or query(first_forecast_month), months)


@st.cache_data(max_entries=8, show_spinner=False)
def _targets(path: str, version: tuple) -> Targets:
    return targets_of(baseline_for(None, 12))


def targets() -> Targets:
    """What a shock can hit (seconomy.scenarios.targets.shock_targets), from the page's one 12-month baseline."""
    path = database()
    return _targets(str(path), data_version(path))


@st.cache_data(max_entries=64, show_spinner=False)
def _result(path: str, version: tuple, spec_json: str) -> ScenarioResult:
    spec = parse_spec(spec_json)
    return compute(baseline_for(spec.start, spec.months), spec, actual=query(booked_so_far))


def scenario_result(spec_json: str) -> ScenarioResult:
    """The scenario's results (seconomy.scenarios.results.run_scenario) on the cached baseline of its horizon."""
    path = database()
    return _result(str(path), data_version(path), spec_json)


def ui_words() -> Words:
    return words(lang(), CATALOG)


def labels() -> dict[str, str]:
    keys = ("baseline", "scenario", "first_negative", "axis", "band90", "band50", "median", "forecast", "contracted")
    return {k: t(f"scn.label.{k}") for k in keys}


def source_label(source: str, basis: object) -> str:
    """'agreement:12:renewal' → 'Agreement 12, renewed'; run rates name their 12-month basis."""
    parts = source.split(":")
    if parts[0] == "agreement":
        kind = parts[2] if len(parts) > 2 else "agreement"
        return t(f"scn.source.{kind}", id=parts[1])
    if parts[0] == "run_rate":  # 'run_rate:12m' or 'run_rate:12m:seasonal'
        kind = "seasonal" if len(parts) > 2 else "run_rate"
        return t(f"scn.source.{kind}", months=parts[1].rstrip("m"), basis=money(float(basis)) if pd.notna(basis) else "–")
    return t("scn.source.scenario")


# --- results --------------------------------------------------------------------------------------------------

def notes(result: ScenarioResult) -> None:
    """What the user should know before reading the figures: a stale cash figure, no costs, a partial month."""
    if "cash_stale" in result.warnings and result.cash_date:
        st.warning(t("scn.warn.cash_stale", date=date(result.cash_date)), icon=":material/schedule:")
    if "no_costs" in result.warnings:
        st.warning(t("scn.warn.no_costs"), icon=":material/info:")
    booked = result.monthly["actual"].dropna() if "actual" in result.monthly else pd.Series(dtype=float)
    if result.partial_month is not None and result.trailing is not None:
        first = result.monthly["month"].iloc[0]
        st.info(t("scn.info.partial", day=date(result.roll_forward.to_date) if result.roll_forward else month(first),
                  month=month(result.partial_month), booked=money(float(booked.sum()) if len(booked) else 0.0)),
                icon=":material/event:")


def _metrics(result: ScenarioResult) -> None:
    totals = result.totals
    c1, c2, c3, c4 = st.columns(4)
    delta = (totals["scenario_result"] - totals["baseline_result"]) / 100
    c1.metric(t("scn.kpi.result"), money(totals["scenario_result"] / 100), delta=money_delta(delta) if delta else None,
              help=t("scn.kpi.result_help"))
    c1.caption(t("scn.kpi.baseline_caption", value=money(totals["baseline_result"] / 100)))
    c1.caption(t("scn.kpi.contracted_caption", value=money(totals["contracted_result"] / 100)))
    lowest_delta = (totals["scenario_lowest_cash"] - totals["baseline_lowest_cash"]) / 100
    c2.metric(t("scn.kpi.lowest"), money(totals["scenario_lowest_cash"] / 100),
              delta=money_delta(lowest_delta) if lowest_delta else None)
    c2.caption(t("scn.kpi.baseline_caption", value=money(totals["baseline_lowest_cash"] / 100)))
    c2.caption(t("scn.kpi.contracted_caption", value=money(totals["contracted_lowest_cash"] / 100)))
    first = result.first_negative_cash_month
    c3.metric(t("scn.kpi.first_negative_short"), month(first) if first else t("scn.kpi.none"), help=t("scn.kpi.first_negative"))
    base_first = result.baseline_first_negative_cash_month
    c3.caption(t("scn.kpi.baseline_caption", value=month(base_first) if base_first else t("scn.kpi.none")))
    contracted = result.contracted_first_negative_cash_month
    c3.caption(t("scn.kpi.contracted_negative", month=month(contracted)) if contracted else
               t("scn.kpi.contracted_caption", value=t("scn.kpi.none")))
    runway = t("scn.kpi.runway_value", months=number(result.runway_months)) if first else \
        t("scn.kpi.runway_all", months=number(len(result.months)))
    c4.metric(t("scn.kpi.runway"), runway, help=None if first else t("scn.kpi.runway_all_help"))


def _money_or_dash(value: object) -> str:
    return "–" if value is None or pd.isna(value) else money(value)


def _money_frame(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    shown = frame.copy()
    for column in columns:
        shown[column] = shown[column].map(_money_or_dash)
    return shown


MONTHLY_SHOWN = ("actual", "baseline_income", "scenario_income", "contracted_income", "costs", "result", "cash",
                 "contracted_cash", "baseline_cash")


def _monthly_table(result: ScenarioResult) -> None:
    money_columns = [c for c in MONTHLY_SHOWN if c in result.monthly.columns and
                     (c != "actual" or result.monthly["actual"].notna().any())]
    shown = _money_frame(result.monthly[["month", *money_columns]], money_columns)
    shown["month"] = shown["month"].map(month)
    shown.columns = [t("col.month")] + [t(f"scn.col.{c}") for c in money_columns]
    tables.show(shown, key="scn.table.monthly")
    download_table(result.monthly, t("scn.file.monthly"), key="scn.dl.monthly",
                   headers={"month": t("col.month"), **{c: t(f"scn.col.{c}") for c in money_columns}})


def _payer_table(result: ScenarioResult) -> None:
    frame = result.by_payer.assign(difference=result.by_payer["scenario"] - result.by_payer["baseline"])
    shown = _money_frame(frame[["key", "baseline", "scenario", "difference"]], ["baseline", "scenario", "difference"])
    shown.columns = [t("col.payer"), t("scn.col.baseline"), t("scn.col.scenario"), t("scn.col.difference")]
    tables.show(shown, key="scn.table.payers")
    download_table(frame[["key", "municipality_code", "baseline", "scenario", "difference"]], t("scn.file.payers"),
                   key="scn.dl.payers", headers={"key": t("col.payer"), "municipality_code": t("scn.col.code"),
                                                 "baseline": t("scn.col.baseline"), "scenario": t("scn.col.scenario"),
                                                 "difference": t("scn.col.difference")})


def _lines_table(result: ScenarioResult) -> None:
    frame = result.lines
    sources = [source_label(s, b) for s, b in zip(frame["source"], frame["basis"], strict=True)]
    shown = pd.DataFrame({
        t("scn.col.source"): sources, t("col.payer"): frame["key"], t("scn.col.counterparty"): frame["counterparty"],
        t("col.stream"): frame["stream"].map(stream_label),
        t("scn.col.baseline"): frame["baseline"].map(money), t("scn.col.scenario"): frame["scenario"].map(money),
    })
    tables.show(shown, key="scn.table.lines")
    download_table(frame[["key", "stream", "counterparty", "baseline", "scenario"]].assign(source=sources)[
        ["source", "key", "stream", "counterparty", "baseline", "scenario"]], t("scn.file.lines"), key="scn.dl.lines",
        headers={"source": t("scn.col.source"), "key": t("col.payer"), "stream": t("col.stream"),
                 "counterparty": t("scn.col.counterparty"), "baseline": t("scn.col.baseline"),
                 "scenario": t("scn.col.scenario")})


def _roll_caption(result: ScenarioResult) -> None:
    roll = result.roll_forward
    if roll is not None and roll.days:
        st.caption(t("scn.info.roll", cash=money(result.opening_cash / 100), date=date(roll.cash_date),
                     to=date(roll.to_date), income=money(roll.income), costs=money(roll.costs)))


def _coverage_table(result: ScenarioResult) -> None:
    frame = result.coverage
    if frame is None or frame.empty:
        return
    st.caption(t("scn.where.coverage"))
    shown = pd.DataFrame({
        t("col.payer"): frame["payer"], t("col.counterparty"): frame["counterparty"],
        t("col.stream"): frame["stream"].map(stream_label),
        t("scn.where.agreement"): [t("scn.source.agreement", id=int(a)) if pd.notna(a) else "–" for a in frame["agreement_id"]],
        t("col.amount"): frame["income"].map(money),
    })
    st.dataframe(shown, hide_index=True, width="stretch", key="scn.table.coverage")


def _one_offs(result: ScenarioResult) -> None:
    """The incomes left out as one-offs, each with a button to count it as recurring (or back)."""
    st.markdown(f"**{t('scn.where.oneoffs')}**")
    frame = result.one_offs
    if frame is None or frame.empty:
        st.caption(t("scn.where.oneoffs_none"))
        return
    for i, row in enumerate(frame.itertuples()):
        left, right = st.columns([3, 2])
        kept = f" · {t('scn.where.kept')}" if row.kept else ""
        left.markdown(md(f"{row.counterparty} · {stream_label(row.stream)} · {money(row.total)} · "
                         f"{t('scn.where.months_paid')}: {row.months_paid}{kept}"))
        action, label = (drop_from_forecast, "scn.where.unkeep") if row.kept else (keep_in_forecast, "scn.where.keep")
        if right.button(t(label, payer=row.counterparty), key=f"scn.oneoff.{i}.{row.kept}"):
            write(action, row.payer, row.stream, row.counterparty)
            st.rerun()


def where_figures_come_from(result: ScenarioResult) -> None:
    """The forecast's lines, what the agreements cover, the one-offs and the cash roll-forward.

    Drawn only when someone opens it: a table of every forecast line is formatted cell by cell."""
    box = st.expander(t("scn.where.title"), key="scn.exp.lines", on_change="rerun")
    if not box.open:
        return
    with box:
        _roll_caption(result)
        _lines_table(result)
        _coverage_table(result)
        _one_offs(result)


def results(result: ScenarioResult) -> None:
    """Verdict, key figures, cash line, waterfall, income by stream and the tables behind them."""
    notes(result)
    st.markdown(verdict(ui_words(), result))
    _metrics(result)
    st.subheader(t("scn.chart.cash"))
    key = (result.spec.to_json(),)  # the figures depend on the scenario (and the data version and language)
    plot(figure("scn.cash", key, lambda: charts.cash_lines(result.monthly, labels())), key="scn.chart.cash")
    left, right = st.columns(2)
    with left:
        st.subheader(t("scn.chart.waterfall"))
        plot(figure("scn.waterfall", key, lambda: charts.waterfall(result.waterfall, labels(), step_labeller(ui_words(), result.spec))),
             key="scn.chart.waterfall")
    with right:
        st.subheader(t("scn.chart.streams"))
        plot(figure("scn.streams", key, lambda: charts.income_by_stream(result.by_stream, labels(), stream_label)),
             key="scn.chart.streams")
    with st.expander(t("scn.table.monthly"), expanded=True):
        _monthly_table(result)
    payers = st.expander(t("scn.table.payers"), key="scn.exp.payers", on_change="rerun")
    if payers.open:  # every payer formatted and its downloads built: only when someone opens it
        with payers:
            _payer_table(result)
    where_figures_come_from(result)
    st.download_button(t("scn.download.json"), json.dumps(to_json(result), ensure_ascii=False, indent=2),
                       file_name="scenario.json", mime="application/json", key="scn.dl.json", on_click="ignore")


# --- compare --------------------------------------------------------------------------------------------------

def _choices(current_name: str, saved_list: pd.DataFrame) -> dict[str, str]:
    """Option → label: the scenario being edited, then every saved one by id."""
    return {CURRENT: t("scn.compare.current"),
            **{str(i): str(n) for i, n in zip(saved_list["id"], saved_list["name"], strict=True)}}


def chosen_results(picked: Sequence[str], current: ScenarioResult, names: dict[str, str],
                   saved_list: pd.DataFrame) -> list[ScenarioResult]:
    specs = {str(i): s for i, s in zip(saved_list["id"], saved_list["spec"], strict=True)}
    out = []
    for choice in picked:
        if choice == CURRENT:
            out.append(current)
            continue
        try:
            out.append(scenario_result(specs[choice]))
        except (ScenarioError, KeyError) as exc:
            st.warning(f"{md(names.get(choice, choice))}: {errors.message(exc) if isinstance(exc, ScenarioError) else md(exc)}")
    return out


def compare(current: ScenarioResult, saved_list: pd.DataFrame) -> None:
    """Up to four scenarios side by side: a table and one cash chart."""
    names = _choices(current.spec.name, saved_list)
    picked = st.multiselect(t("scn.compare.pick"), list(names), default=[CURRENT], format_func=names.get,
                            max_selections=4, key=f"scn.compare.pick.{st.session_state.get('scn.v', 0)}")
    chosen = chosen_results(picked, current, names, saved_list)
    if not chosen:
        st.info(t("scn.compare.empty"))
        return
    rows = {
        t("scn.report.period"): [f"{month(r.months[0])} – {month(r.months[-1])}" for r in chosen],
        t("scn.cmp.baseline_result"): [money(r.totals["baseline_result"] / 100) for r in chosen],
        t("scn.cmp.result"): [money(r.totals["scenario_result"] / 100) for r in chosen],
        t("scn.cmp.income"): [money(r.totals["scenario_income"] / 100) for r in chosen],
        t("scn.cmp.lowest_cash"): [money(r.totals["scenario_lowest_cash"] / 100) for r in chosen],
        t("scn.cmp.closing_cash"): [money(r.totals["scenario_closing_cash"] / 100) for r in chosen],
        t("scn.kpi.first_negative"): [month(r.first_negative_cash_month) if r.first_negative_cash_month else t("scn.kpi.none")
                                      for r in chosen],
    }
    table = pd.DataFrame(rows, index=[r.spec.name for r in chosen]).T.reset_index(names=t("scn.cmp.metric"))
    tables.show(table, key="scn.compare.table")
    st.subheader(t("scn.compare.chart"))
    compared = tuple(r.spec.to_json() for r in chosen)
    plot(figure("scn.compare", compared, lambda: charts.compare_cash([(r.spec.name, r.monthly) for r in chosen], labels())),
         key="scn.compare.chart")


# --- reverse stress test --------------------------------------------------------------------------------------

def stress(spec: Spec, spec_json: str) -> None:
    """The smallest cut on the largest payer and on all municipal income, with progress while it runs."""
    st.caption(t("scn.stress.intro"))
    months = {month_text(m): m for m in scenario_result(spec_json).months}  # the baseline's report months
    shown = {k: month(m) for k, m in months.items()}
    start = months[st.selectbox(t("scn.stress.from"), list(months), format_func=shown.get, key=f"scn.stress.from.{spec.start}")]
    if st.button(t("scn.stress.run"), key="scn.stress.run", icon=":material/calculate:"):
        bar = st.progress(0.0, text=t("scn.stress.running"))
        answers = reverse_stress_all(baseline_for(spec.start, spec.months), spec, start,
                                     progress=lambda f: bar.progress(f, text=t("scn.stress.running")))
        bar.empty()
        st.session_state["scn.stress.answers"] = (spec_json, start, answers)
    stored = st.session_state.get("scn.stress.answers")
    if not stored or stored[0] != spec_json or stored[1] != start:
        return
    bundle = ui_words()
    rows = [{t("scn.stress.target"): target_text(bundle, a), t("scn.stress.result"): cut_text(bundle, a, a.result_cut, False),
             t("scn.stress.cash"): cut_text(bundle, a, a.cash_cut, True)} for a in stored[2]]
    tables.show(pd.DataFrame(rows), key="scn.stress.table")


# --- Monte Carlo ----------------------------------------------------------------------------------------------

def montecarlo(spec: Spec, spec_json: str) -> SimulationResult | None:
    """Runs and seed, a run button with progress, then the fan chart and the probabilities."""
    c1, c2 = st.columns(2)
    runs = int(c1.number_input(t("scn.mc.runs"), 1000, 50_000, 10_000, step=1000, key="scn.mc.runs"))
    seed = int(c2.number_input(t("scn.mc.seed"), 0, 2**31 - 1, 1, step=1, key="scn.mc.seed"))
    if st.button(t("scn.mc.run"), key="scn.mc.run", type="primary", icon=":material/casino:"):
        baseline = baseline_for(spec.start, spec.months)
        bar = st.progress(0.0, text=t("scn.mc.running"))
        simulation = simulate(baseline, spec, runs, seed, progress=lambda f: bar.progress(f, text=t("scn.mc.running")))
        bar.empty()
        st.session_state["scn.mc.result"] = (spec_json, simulation)
    stored = st.session_state.get("scn.mc.result")
    if not stored:
        return None
    if stored[0] != spec_json:
        st.info(t("scn.mc.stale"))
        return None
    simulation = stored[1]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("scn.mc.p_deficit"), percent(simulation.probability_deficit))
    c2.metric(t("scn.mc.p_negative"), percent(simulation.probability_negative_cash))
    c3.metric(t("scn.mc.rar"), money(simulation.revenue_at_risk), help=t("scn.mc.rar_help"))
    st.caption(t("scn.report.mc_runs", runs=number(simulation.runs), seed=simulation.seed))
    st.subheader(t("scn.mc.fan"))
    plot(charts.fan(simulation.cash, labels()), key="scn.mc.fan")
    with st.expander(t("scn.mc.table")):
        columns = ["p5", "p25", "p50", "p75", "p95", "forecast"]
        shown = _money_frame(simulation.cash, columns)
        shown["month"] = shown["month"].map(month)
        headers = {"month": t("col.month"), **{c: t(f"scn.col.{c}") for c in columns}}
        tables.show(shown[list(headers)].rename(columns=headers), key="scn.mc.percentiles")
        download_table(simulation.cash[list(headers)], t("scn.file.montecarlo"), key="scn.dl.mc", headers=headers)
    return simulation


# --- board report ---------------------------------------------------------------------------------------------

def report(current: ScenarioResult, saved_list: pd.DataFrame, simulation: SimulationResult | None) -> None:
    """Pick up to four scenarios and download the standalone HTML report.

    The first page summarises the first scenario picked, with its reverse stress test (computed when the file is
    made) and — whenever one has run for the scenario being edited — its Monte Carlo.
    """
    st.caption(t("scn.report.intro"))
    names = _choices(current.spec.name, saved_list)
    picked = st.multiselect(t("scn.report.pick"), list(names), default=[CURRENT], format_func=names.get,
                            max_selections=4, key=f"scn.report.pick.{st.session_state.get('scn.v', 0)}")
    chosen = unique(chosen_results(picked, current, names, saved_list))
    main = chosen[0] if chosen else None
    with_mc = simulation is not None and main is not None and main.spec.to_json() == current.spec.to_json()
    if with_mc:
        st.caption(t("scn.report.with_mc_note"))
    elif simulation is not None:
        st.caption(t("scn.report.mc_stale"))
    enterprise = str(query(get_settings).get("enterprise_name") or "")
    bundle = ui_words()
    mc = (current.spec.name, simulation) if with_mc else None

    def render() -> bytes:
        baseline = baseline_for(main.spec.start, main.spec.months)
        answers = reverse_stress_all(baseline, main.spec, baseline.report_months[0])
        return board_report(chosen, bundle, enterprise, dt.date.today(), mc, answers).encode("utf-8")

    st.download_button(t("scn.report.download"), render, file_name="bestyrelsesrapport.html" if lang() == "da" else
                       "board_report.html", mime="text/html", key="scn.report.download", disabled=not chosen,
                       on_click="ignore", type="primary", icon=":material/download:")
