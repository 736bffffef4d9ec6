"""Widgets of the Risk page: the tables of groups and ending agreements (pre-formatted, with their downloads),
the grouping switch and the diversification calculator's inputs.

Why here: the page reads as a table of contents (pages/risk.py); this module turns the domain's frames
(seconomy.risk) into display frames of strings in the page's language and draws them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from seconomy.risk import BY_OPTIONS
from seconomy.ui import inputs, tables
from seconomy.ui.downloads import download_table
from seconomy.ui.effect import with_effect_links
from seconomy.ui.i18n import date, lang, money, percent, stream_label, t

EFFECT = "effect"


def _code(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


def _effect_column() -> dict:
    return {t("risk.col.effect"): st.column_config.LinkColumn(t("risk.col.effect"), display_text=t("risk.col.effect_open"))}


def group_headers(by: str) -> dict[str, str]:
    """The download's headers for a groups frame (raw figures: amounts in kroner, shares of 1)."""
    return {"key": t(f"risk.by.{by}"), "municipality_code": t("risk.col.code"), "amount": t("risk.col.amount"),
            "share": t("risk.col.share"), "share_of_scope": t("risk.col.share_of_municipal"),
            "cumulative_share": t("risk.col.cumulative"), "major": t("risk.col.major"), "critical": t("risk.col.critical")}


def groups_table(groups: pd.DataFrame, by: str, key: str, file_name: str, links: bool = False) -> None:
    """Each group's amount and shares, largest first; municipalities link to their effect page."""
    name = stream_label if by == "stream" else str
    shown = pd.DataFrame({
        t(f"risk.by.{by}"): [name(k) for k in groups["key"]],
        t("risk.col.code"): [_code(c) for c in groups["municipality_code"]],
        t("col.amount_shown"): [money(a) for a in groups["amount"]],
        t("risk.col.share"): [percent(s) for s in groups["share"]],
        t("risk.col.share_of_municipal"): [percent(s) for s in groups["share_of_scope"]],
        t("risk.col.cumulative"): [percent(s) for s in groups["cumulative_share"]],
        t("risk.col.major"): [tables.mark(m) for m in groups["major"]],
        t("risk.col.critical"): [tables.mark(c) for c in groups["critical"]],
    })
    if by != "municipality":
        shown = shown.drop(columns=[t("risk.col.share_of_municipal")])
    if by in ("stream", "counterparty") or not any(shown[t("risk.col.code")]):
        shown = shown.drop(columns=[t("risk.col.code")])
    columns = {}
    if links:
        shown[t("risk.col.effect")] = with_effect_links(groups)[EFFECT].tolist()
        columns = _effect_column()
    tables.show(shown, key=f"tbl_{key}", columns=columns)
    raw = groups if by == "municipality" else groups.drop(columns=["share_of_scope"])
    download_table(raw, file_name, key=f"dl_{key}", headers=group_headers(by))


def deadline(day: object, today: dt.date) -> str:
    """A date, marked when it has passed ('30.09.2026 · passeret')."""
    if day is None or pd.isna(day):
        return ""
    shown = date(day)
    return t("deadline.passed", date=shown) if pd.Timestamp(day).date() < today else shown


def agreements_table(agreements: pd.DataFrame, today: dt.date, file_name: str) -> None:
    """The agreements ending in the next 12 months, with their renewal dates (passed ones marked)."""
    shown = pd.DataFrame({
        t("risk.col.payer"): list(agreements["payer"]),
        t("risk.col.counterparty"): list(agreements["counterparty"]),
        t("risk.col.stream"): [stream_label(s) for s in agreements["stream"]],
        t("risk.col.end_date"): [date(d) for d in agreements["end_date"]],
        t("risk.col.renewal_date"): [deadline(d, today) for d in agreements["renewal_date"]],
        t("risk.col.budget_season"): [tables.mark(b) for b in agreements["budget_season"]],
        t("col.per_month"): [money(a) for a in agreements["monthly_amount"]],
        t("risk.col.share_of_income"): [percent(s) for s in agreements["share_of_income"]],
    })
    shown[t("risk.col.effect")] = with_effect_links(agreements)[EFFECT].tolist()
    tables.show(shown, key="tbl_agreements", columns=_effect_column())
    headers = {"id": t("risk.col.id"), "payer": t("risk.col.payer"), "counterparty": t("risk.col.counterparty"),
               "municipality_code": t("risk.col.code"), "stream": t("risk.col.stream"), "end_date": t("risk.col.end_date"),
               "renewal_date": t("risk.col.renewal_date"), "budget_season": t("risk.col.budget_season"),
               "monthly_amount": t("risk.col.monthly"), "share_of_income": t("risk.col.share_of_income")}
    download_table(agreements, file_name, key="dl_agreements", headers=headers)


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


def threshold_input(column, default: float) -> float:
    """The calculator's target share, typed as '25 %', '25' or '0,25' (1–99 %); the default when unreadable."""
    value = inputs.share(column, t("risk.calc.threshold"), default, key="risk_calc_threshold", help=t("risk.calc.threshold_help"))
    if value is None or inputs.is_unreadable(value):
        return default
    if not 0.01 <= float(value) <= 0.99:
        column.caption(":red[:material/error: " + t("risk.calc.threshold_range") + "]")
        return default
    return float(value)
