"""Widgets of the Settings page: one form of proper fields (amounts, shares, numbers, a date, the language), each
with its help and, after a refused save, its own problem beside it, in the page's language; and the table of all.

Why a callback saves: the fields are drawn before the page knows whether a save failed, so the save runs in the
submit button's callback (before the rerun draws the form) and leaves each field's problem in the session.
Values are read by the project's one parser (seconomy.settings.canonical: '0,35', '35 %', '1.234.567,50').
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from seconomy.errors import InputError
from seconomy.settings import AMOUNTS, BY_NAME, CHOICES, DATES, EDITABLE, INTEGERS, LANGUAGES, SETTINGS, SHARES, STREAM_IDS
from seconomy.store import update_settings
from seconomy.text import format as fmt
from seconomy.ui import errors, inputs
from seconomy.ui.auth import can_write
from seconomy.ui.data import write
from seconomy.ui.i18n import date, money, number, percent, t
from seconomy.ui.safe import md

PROBLEMS, FLASH = "settings_problems", "settings_flash"
SECTIONS = {
    "enterprise": ("enterprise_name", "cvr", "own_accounts", "language"),
    "cash": ("opening_cash", "cash_date"),
    "risk": ("hhi_moderate", "hhi_high", "major_share", "critical_share"),
    "grants": ("stage_probability_idea", "stage_probability_drafting", "stage_probability_submitted",
               "stage_probability_shortlisted", "grant_target", "max_grant_share", "max_funder_share"),
    "forecast": ("recurring_min_months", "renewal_correlation", *(f"payment_days_{s}" for s in STREAM_IDS),
                 "vat_streams", "vat_rate", "vat_period"),
    "effect": ("effect_horizon_months", "effect_persistence", "effect_flexjob_share", "effect_benefit_cash",
               "effect_benefit_resource", "effect_benefit_youth", "effect_scale", "placement_retention_years"),
    "safety": ("backups_kept", "upload_limit_mb"),
}
NUMBERS = ("hhi_moderate", "hhi_high")
MIN_DAY, MAX_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def key(name: str) -> str:
    return f"setting_{name}"


def shown_value(name: str, value: object) -> str:
    """A setting's value as a person reads it: amounts, shares and dates in the page's language, words for codes."""
    if name == "language":
        return t(f"settings.language.{value}") if value in LANGUAGES else str(value)
    if name == "dataset":
        return t(f"setting.dataset.{value}")
    if name == "vat_period" and value in CHOICES[name]:
        return t(f"settings.vat_period.{value}")
    if name == "vat_streams":
        return ", ".join(t(f"stream.{v.strip()}") if v.strip() in STREAM_IDS else v for v in str(value).split(",") if v.strip())
    if name in DATES:
        return date(value) if value else t("settings.value.last_date")
    if value in (None, ""):
        return t("settings.value.empty")
    if name in SHARES:
        return percent(value, 0 if round(float(value) * 100, 6) == round(float(value) * 100) else 1)
    if name in AMOUNTS:
        return money(value)
    if name in NUMBERS or name in INTEGERS:
        return number(value)
    return str(value)


def _raw(name: str) -> object:
    """What the field holds now, for the domain's validation (which reads it with the one parser)."""
    value = st.session_state.get(key(name))
    if name == "vat_streams" and isinstance(value, list):
        return ",".join(value)
    if name in DATES:
        return "" if value is None else value.isoformat()
    if name in SHARES and isinstance(value, str):
        try:
            share = inputs.parse_share(value)
        except (ValueError, ArithmeticError):
            return value
        return "" if share is None else str(share)
    return "" if value is None else str(value).replace(fmt.MINUS, "-")


def _save() -> None:
    """The form's callback: validate and store all settings at once, or keep each field's problem."""
    values = {name: _raw(name) for name in EDITABLE}
    try:
        write(update_settings, values)
    except InputError as exc:
        st.session_state[PROBLEMS] = {e.column: errors.reason(e) for e in exc.errors}
        st.session_state[FLASH] = "invalid"
        return
    st.session_state[PROBLEMS] = {}
    st.session_state[FLASH] = "saved"


def _field(container, name: str, current: dict) -> None:
    label, help_text, value = t(f"setting.{name}"), t(f"setting.{name}.help"), current[name]
    if name in AMOUNTS:
        inputs.amount(container, label, value, key(name), help=help_text)
    elif name in SHARES:
        inputs.share(container, label, value, key(name), help=help_text)
    elif name in NUMBERS or name in INTEGERS:
        inputs.number(container, label, value, key(name), help=help_text, decimals=0 if name in INTEGERS else None)
    elif name in DATES:
        day = dt.date.fromisoformat(str(value)) if value else None
        inputs.date(container, label, day, key(name), min_value=MIN_DAY, max_value=MAX_DAY, help=help_text)
        container.caption(t("settings.cash_date_empty"))
    elif name == "vat_period":
        names = {code: t(f"settings.vat_period.{code}") for code in CHOICES[name]}
        if key(name) not in st.session_state:
            st.session_state[key(name)] = value if value in names else "half_yearly"
        container.selectbox(label, list(names), key=key(name), help=help_text, format_func=names.get)
    elif name == "vat_streams":
        names = {stream: t(f"stream.{stream}") for stream in STREAM_IDS}
        if key(name) not in st.session_state:
            st.session_state[key(name)] = [v.strip() for v in str(value or "").split(",") if v.strip() in names]
        container.multiselect(label, list(names), key=key(name), help=help_text, format_func=names.get)
    elif name == "language":
        names = {code: t(f"settings.language.{code}") for code in LANGUAGES}
        if key(name) not in st.session_state:
            st.session_state[key(name)] = value if value in LANGUAGES else LANGUAGES[0]
        container.radio(label, list(LANGUAGES), key=key(name), horizontal=True, help=help_text, format_func=names.get)
    else:
        if key(name) not in st.session_state:
            st.session_state[key(name)] = "" if value is None else str(value)
        container.text_input(label, key=key(name), help=help_text)
    problem = st.session_state.get(PROBLEMS, {}).get(name)
    if problem:
        container.caption(f":red[:material/error: {problem}]")


def form(current: dict) -> None:
    """Every editable setting, grouped, in one form with one save button."""
    flash = st.session_state.pop(FLASH, None)
    with st.form("settings_form"):
        for section, names in SECTIONS.items():
            st.markdown(f"**{t(f'settings.section.{section}')}**")
            columns = st.columns(2 if section in ("enterprise", "cash") else 4 if section == "risk" else 3,
                                 vertical_alignment="top")
            for i, name in enumerate(names):
                _field(columns[i % len(columns)], name, current)
        st.form_submit_button(t("settings.save"), type="primary", on_click=_save, disabled=not can_write())
    if flash == "saved":
        st.success(t("settings.saved"))
    elif flash == "invalid":
        st.error(t("settings.invalid"))


def table(current: dict) -> None:
    """All settings with their value, default and meaning, in words (a static table: the meanings wrap).

    st.table renders its cells as markdown, so the values (a name people typed) are escaped.
    """
    st.table(pd.DataFrame({
        t("settings.col.name"): [t(f"setting.{s.name}") for s in SETTINGS],
        t("settings.col.value"): [md(shown_value(s.name, current[s.name])) for s in SETTINGS],
        t("settings.col.default"): [md(shown_value(s.name, BY_NAME[s.name].read(s.default) if s.default else s.default))
                                    for s in SETTINGS],
        t("settings.col.help"): [t(f"setting.{s.name}.help") for s in SETTINGS],
    }), hide_index=True, border="horizontal")
