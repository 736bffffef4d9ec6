"""Widgets that edit the pipeline: the inline table, the form for a new application, grant/undo/delete, the file.

The inline table shows every application with amounts, probabilities and dates written in the page's
language; a save hands each edited row back to seconomy.grants.edit.save_changes, which validates all
of them and writes all or none (a stage changed to granted creates the grant agreement in the same
transaction). Widget keys carry a nonce that changes after every write, so tables and forms are rebuilt
from the stored rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy.agreements.model import SCHEDULES
from seconomy.errors import SeconomyError
from seconomy.grants import edit, files
from seconomy.grants.model import FUNDER_KINDS, OPEN_STAGES, STAGES, Problem
from seconomy.text.catalog import CATALOG
from seconomy.ui import errors, inputs, tables
from seconomy.ui.agreements import file_format
from seconomy.ui.auth import can_write
from seconomy.ui.data import read, write
from seconomy.ui.grants import FLASH, stage_label
from seconomy.ui.i18n import lang, number, percent, t
from seconomy.ui.safe import md
from seconomy.ui.uploads import uploader

MIN_DAY, MAX_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
SELECTS = {"funder_kind": FUNDER_KINDS, "schedule": SCHEDULES, "stage": STAGES}
EDITABLE = ("funder", "funder_kind", "project", "amount", "start_date", "end_date", "schedule", "stage", "probability",
            "deadline", "decision_date", "effort_hours", "report_due", "restrictions")


def nonce() -> int:
    return st.session_state.setdefault("gr_nonce", 0)


def done(message: str) -> None:
    """After a successful write: remember the message, rebuild every table and form, rerun."""
    st.session_state[FLASH] = message
    st.session_state["gr_nonce"] = nonce() + 1
    st.rerun()


def label(name: str) -> str:
    key = f"grants.field.{name}"
    return t(key) if key in CATALOG else name


def choice_label(column: str, value: str) -> str:
    if column == "stage":
        return stage_label(value)
    if column == "schedule":
        return t(f"agreements.schedule.{value}")
    return t(f"grants.kind.{value}")


def reason_text(problem: Problem) -> str:
    """The problem's reason in the page's language (the pipeline's own texts, else the agreements')."""
    key = f"grants.err.{problem.code}"
    return t(key if key in CATALOG else f"agreements.err.{problem.code}", value=problem.value, **problem.params)


def problem_text(problem: Problem) -> str:
    reason = reason_text(problem)
    return f"{reason} ({problem.value})" if problem.value and problem.code != "duplicate_id" else reason


def show_problems(problems: dict[int | None, list[Problem]] | list[Problem]) -> None:
    """The validation messages, one line per field (per row for the table)."""
    grouped = problems if isinstance(problems, dict) else {None: problems}
    lines = []
    for app_id, found in grouped.items():
        where = f"#{app_id} · " if app_id is not None else ""
        lines += [f"- {where}**{label(p.column)}**: {md(problem_text(p))}" for p in found]
    st.error(f"{t('grants.not_saved')}\n\n" + "\n".join(lines))


def _text_amount(value: object) -> str:
    if value is None or pd.isna(value):
        return ""
    amount = Decimal(value)
    return number(amount, 0 if amount == amount.to_integral_value() else 2)


def _text_share(value: object) -> str:
    return "" if value is None or pd.isna(value) else percent(float(value), 0 if float(value) * 100 == int(float(value) * 100) else 2)


def _text_days(days: list[dt.date]) -> str:
    """Report deadlines as typed back into the table: DD.MM.YYYY (da) or YYYY-MM-DD (en), which the parser reads."""
    pattern = "%d.%m.%Y" if lang() == "da" else "%Y-%m-%d"
    return "; ".join(day.strftime(pattern) for day in days)


def _deadline_state(deadline: object, stage: str, today: dt.date) -> str:
    """'overskredet' for an open application whose deadline has passed (it should be submitted or dropped)."""
    if deadline is None or pd.isna(deadline) or stage not in OPEN_STAGES or stage == "submitted":
        return ""
    day = pd.Timestamp(deadline).date()
    return t("grants.deadline.passed") if day < today else t("grants.days_left", days=(day - today).days)


# ---------------------------------------------------------------- the inline table

def _editor_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "id": [int(i) for i in frame["id"]],
        "funder": list(frame["funder"]),
        "funder_kind": [choice_label("funder_kind", k) for k in frame["funder_kind"]],
        "project": [p or "" for p in frame["project"]],
        "amount": [_text_amount(a) for a in frame["amount"]],
        "start_date": list(frame["start_date"]),
        "end_date": list(frame["end_date"]),
        "schedule": [choice_label("schedule", s) for s in frame["schedule"]],
        "stage": [choice_label("stage", s) for s in frame["stage"]],
        "probability": [_text_share(p) for p in frame["probability"]],
        "p_used": [percent(p, 0) for p in frame["p"]],
        "deadline": list(frame["deadline"]),
        "deadline_state": [_deadline_state(d, s, dt.date.today()) for d, s in zip(frame["deadline"], frame["stage"], strict=True)],
        "decision_date": list(frame["decision_date"]),
        "effort_hours": [_text_amount(h) for h in frame["effort_hours"]],
        "report_due": [_text_days(d) for d in frame["report_due"]],
        "restrictions": [r or "" for r in frame["restrictions"]],
        "agreement": [f"#{int(a)}" if ok else "" for a, ok in zip(frame["agreement_id"], frame["has_agreement"], strict=True)],
    })


def _editor_columns() -> dict:
    fmt = "DD.MM.YYYY" if lang() == "da" else "YYYY-MM-DD"
    text = {c: st.column_config.TextColumn(label(c)) for c in ("funder", "project", "amount", "probability",
                                                                "effort_hours", "report_due", "restrictions")}
    dates = {c: st.column_config.DateColumn(label(c), format=fmt, min_value=MIN_DAY, max_value=MAX_DAY)
             for c in ("start_date", "end_date", "deadline", "decision_date")}
    selects = {c: st.column_config.SelectboxColumn(label(c), options=[choice_label(c, v) for v in options], required=True)
               for c, options in SELECTS.items()}
    return {**text, **dates, **selects,
            "id": st.column_config.NumberColumn(label("id"), format="#%d", disabled=True),
            "p_used": st.column_config.TextColumn(t("grants.col.p_used"), disabled=True, help=t("grants.col.p_used_help")),
            "deadline_state": st.column_config.TextColumn(t("grants.col.deadline_state"), disabled=True),
            "agreement": st.column_config.TextColumn(t("grants.col.agreement"), disabled=True)}


def _raw(row: dict) -> dict[str, object]:
    """An edited table row as loose values for validation (labels back to ids, dates as they are)."""
    raw = {name: row.get(name) for name in EDITABLE}
    for column, options in SELECTS.items():
        by_label = {choice_label(column, v): v for v in options}
        raw[column] = by_label.get(raw[column], raw[column])
    return raw


def editor(frame: pd.DataFrame) -> None:
    """Every application in one editable table, with a save button that validates all edited rows."""
    if frame.empty:
        st.info(t("grants.pipeline.empty"))
        return
    st.caption(t("grants.pipeline.editor_help"))
    key = f"gr_editor_{nonce()}_{lang()}"
    edited = st.data_editor(_editor_frame(frame), key=key, hide_index=True, width="stretch", num_rows="fixed",
                            column_config=_editor_columns(), disabled=["id", "p_used", "agreement", "deadline_state"],
                            placeholder="")
    changed = sorted(int(i) for i in (st.session_state.get(key) or {}).get("edited_rows", {}))
    if st.button(t("grants.pipeline.save"), type="primary", key=f"gr_editor_save_{nonce()}", disabled=not changed or not can_write()):
        rows = edited.to_dict("records")
        result = write(edit.save_changes, [(rows[i]["id"], _raw(rows[i])) for i in changed])
        if result.ok:
            c = result.counts
            done(t("grants.pipeline.saved", changed=c.changed, granted=c.granted, ungranted=c.ungranted))
        show_problems(result.problems)


# ---------------------------------------------------------------- a new application

def _kind_stage_schedule(key: str) -> tuple[str, str, str]:
    c1, c2, c3 = st.columns(3)
    kind = c1.selectbox(label("funder_kind"), FUNDER_KINDS, key=f"{key}_kind",
                        format_func=_fixed({k: choice_label("funder_kind", k) for k in FUNDER_KINDS}))
    stage = c2.selectbox(label("stage"), STAGES, key=f"{key}_stage",
                         format_func=_fixed({s: choice_label("stage", s) for s in STAGES}))
    schedule = c3.selectbox(label("schedule"), SCHEDULES, index=SCHEDULES.index("quarterly"), key=f"{key}_schedule",
                            format_func=_fixed({s: choice_label("schedule", s) for s in SCHEDULES}))
    return kind, stage, schedule


def _fixed(shown: dict):
    return lambda value: str(shown.get(value, value))


def new_form(year: int) -> None:
    """The form for a new application; the period defaults to the plan's year."""
    key = f"gr_new_{nonce()}"
    with st.form(key):
        st.markdown(f"**{t('grants.new.title')}**")
        c1, c2 = st.columns(2)
        funder = c1.text_input(label("funder"), key=f"{key}_funder")
        project = c2.text_input(label("project"), key=f"{key}_project")
        kind, stage, schedule = _kind_stage_schedule(key)
        c1, c2, c3, c4 = st.columns(4)
        amount = inputs.amount(c1, label("amount"), None, f"{key}_amount")
        start = inputs.date(c2, label("start_date"), dt.date(year, 1, 1), f"{key}_start", min_value=MIN_DAY, max_value=MAX_DAY)
        end = inputs.date(c3, label("end_date"), dt.date(year, 12, 31), f"{key}_end", min_value=MIN_DAY, max_value=MAX_DAY)
        probability = inputs.share(c4, label("probability_pct"), None, f"{key}_probability",
                                   help=t("grants.new.probability_help"))
        c1, c2, c3, c4 = st.columns(4)
        deadline = inputs.date(c1, label("deadline"), None, f"{key}_deadline", min_value=MIN_DAY, max_value=MAX_DAY)
        decision = inputs.date(c2, label("decision_date"), None, f"{key}_decision", min_value=MIN_DAY, max_value=MAX_DAY)
        hours = inputs.number(c3, label("effort_hours"), None, f"{key}_hours")
        reports = c4.text_input(label("report_due"), key=f"{key}_reports", help=t("grants.new.reports_help"))
        restrictions = st.text_input(label("restrictions"), key=f"{key}_restrictions")
        submitted = st.form_submit_button(t("grants.new.add"), type="primary", key=f"{key}_add", disabled=not can_write())
    if not submitted:
        return
    raw = {"funder": funder, "funder_kind": kind, "project": project, "amount": amount, "start_date": start,
           "end_date": end, "schedule": schedule, "stage": stage,
           "probability": probability, "deadline": deadline,
           "decision_date": decision, "effort_hours": hours, "report_due": reports, "restrictions": restrictions}
    result = write(edit.save_application, raw)
    if result.ok:
        done(t("grants.new.added", id=result.id))
    show_problems(result.problems)


# ---------------------------------------------------------------- grant, undo, delete

def actions(frame: pd.DataFrame) -> None:
    """Pick an application: grant it (creating its agreement), undo its grant, or delete it."""
    if frame.empty:
        return
    rows = {int(r["id"]): r for r in frame.to_dict("records")}
    shown = {i: f"#{i} {r['funder']} – {r['project'] or ''} ({stage_label(r['stage'])})" for i, r in rows.items()}
    c1, c2, c3, c4 = st.columns([3, 1, 1, 2])
    picked = c1.selectbox(t("grants.actions.pick"), list(rows), key=f"gr_pick_{nonce()}", format_func=_fixed(shown))
    row = rows[picked]
    if row["stage"] in OPEN_STAGES and c2.button(t("grants.actions.grant"), key=f"gr_grant_{nonce()}",
                                                 help=t("grants.actions.grant_help")):
        agreement = write(edit.grant, picked)
        done(t("grants.actions.granted", id=picked, agreement=agreement))
    if row["stage"] == "granted" and c2.button(t("grants.actions.ungrant"), key=f"gr_ungrant_{nonce()}",
                                               help=t("grants.actions.ungrant_help")):
        stage = write(edit.ungrant, picked)
        if isinstance(stage, Problem):
            show_problems([stage])
        else:
            done(t("grants.actions.ungranted", id=picked, stage=stage_label(stage)))
    confirmed = c4.checkbox(t("grants.actions.delete_confirm"), key=f"gr_delete_ok_{nonce()}")
    if c3.button(t("grants.actions.delete"), key=f"gr_delete_{nonce()}"):
        if not confirmed:
            st.warning(t("grants.actions.delete_needs_confirm"))
            return
        write(edit.delete, picked)
        done(t("grants.actions.deleted", id=picked))


# ---------------------------------------------------------------- file

def downloads() -> None:
    language = lang()  # the callables run outside this session
    c1, c2 = st.columns(2)
    name = "ansoegninger" if language == "da" else "applications"
    c1.download_button(t("grants.file.csv"), lambda: read(files.export_bytes, ".csv", language), file_name=f"{name}.csv",
                       mime="text/csv", key="gr_dl_csv")
    c2.download_button(t("grants.file.xlsx"), lambda: read(files.export_bytes, ".xlsx", language),
                       file_name=f"{name}.xlsx", key="gr_dl_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def upload() -> None:
    st.caption(t("grants.file.rules"))
    uploaded = uploader(t("grants.file.upload"), key=f"gr_upload_{nonce()}", types=["csv", "xlsx"])
    if uploaded is None:  # (a file over the upload limit is refused by the uploader before it is read)
        return
    data, name = uploaded.getvalue(), uploaded.name
    try:
        preview = read(files.preview_import, data, name)
    except SeconomyError as exc:
        st.error(t("grants.file.unreadable", error=errors.message(exc)))
        return
    st.caption(t("grants.file.format", format=file_format(preview.format)))
    if preview.findings:
        st.error(t("grants.file.errors", count=len(preview.findings)))
        tables.show(pd.DataFrame([{t("grants.col.line"): number(f.line), t("grants.col.column"): f.column,
                                   t("grants.col.value"): f.problem.value, t("grants.col.reason"): reason_text(f.problem)}
                                  for f in preview.findings]), key="gr_file_errors")
        return
    c = preview.summary.counts
    if c.added + c.changed + c.removed == 0:
        st.info(t("grants.file.nothing"))
        return
    st.info(t("grants.file.preview", added=c.added, changed=c.changed, unchanged=c.unchanged, removed=c.removed,
              granted=c.granted, ungranted=c.ungranted))
    if st.button(t("grants.file.confirm"), type="primary", key=f"gr_import_{nonce()}", disabled=not can_write()):
        try:
            write(files.import_file, data, name)
        except SeconomyError as exc:
            st.error(t("grants.file.unreadable", error=errors.message(exc)))
            return
        done(t("grants.file.done"))
