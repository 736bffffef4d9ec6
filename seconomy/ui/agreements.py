"""Widgets of the Agreements page: the lists, add/edit/end forms with inline validation, cash, file import/export.

Why a module and not all in the page: the page has five tabs of forms; keeping the widget code
here keeps pages/agreements.py a readable table of contents. Everything that validates, computes
or writes is in seconomy.agreements and is called through ui.data.query/write; this module only
turns widget values into a mapping, draws tables and shows the problems a save returned.

Widget keys are ``ag_<kind>_<row id or new>_<nonce>_<field>``: the nonce changes after every
successful write, so a form is rebuilt empty (after an add) or from the stored row (after an edit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy.agreements import edit, files, views
from seconomy.agreements.edit import Saved
from seconomy.agreements.model import (
    CONTRACT_STREAMS,
    COST_KINDS,
    GRANT_STREAMS,
    PRICE_UNITS,
    SCHEDULES,
    STATUSES,
    Problem,
)
from seconomy.errors import SeconomyError
from seconomy.ingest.reader import parse_description
from seconomy.municipalities import all_municipalities
from seconomy.streams import STREAMS
from seconomy.text.catalog import CATALOG
from seconomy.ui import errors, inputs, tables
from seconomy.ui.auth import can_write
from seconomy.ui.data import read, write
from seconomy.ui.downloads import download_table
from seconomy.ui.i18n import date, lang, money, month, number, percent, stream_label, t
from seconomy.ui.imports import describe
from seconomy.ui.safe import md
from seconomy.ui.safety import upload_too_large
from seconomy.ui.uploads import uploader

MIN_DAY, MAX_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
FLASH = "ag_flash"


# ---------------------------------------------------------------- small helpers

def this_month() -> dt.date:
    return dt.date.today().replace(day=1)


def _nonce(kind: str) -> int:
    """The generation of every form and picker on the page (one counter: a write may change any tab's rows)."""
    return st.session_state.setdefault("ag_nonce", 0)


def _done(kind: str, message: str, keep: int | None = None) -> None:
    """After a successful write: remember the message and the row to keep selected, rebuild the forms, rerun."""
    st.session_state[FLASH] = message
    st.session_state["ag_nonce"] = _nonce(kind) + 1
    st.session_state[f"ag_keep_{kind}"] = keep
    st.rerun()


def flash() -> None:
    """Show the confirmation of the last write (it survives the rerun that follows it)."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def label(name: str) -> str:
    key = f"agreements.field.{name}"
    return t(key) if key in CATALOG else name


def problem_text(problem: Problem) -> str:
    reason = t(f"agreements.err.{problem.code}", value=problem.value, **problem.params)
    shown = f" ({problem.value})" if problem.value and problem.code not in ("duplicate_id",) else ""
    return f"{reason}{shown}"


def show_problems(problems: list[Problem]) -> None:
    """The inline validation messages: one line per field, in the user's language (values escaped: they were typed)."""
    lines = "\n".join(f"- **{label(p.column)}**: {md(problem_text(p))}" for p in problems)
    st.error(f"{t('agreements.not_saved')}\n\n{lines}")


def _value(row: dict | None, name: str) -> object:
    """A stored field for a form's start value (None for a new row or an empty field)."""
    if row is None or row.get(name) is None or pd.isna(row.get(name)):
        return None
    return row[name]


def _day(value: object) -> str:
    return date(value) if value is not None and not pd.isna(value) else ""


def _deadline(value: object) -> str:
    """A date, marked when it has passed."""
    if value is None or pd.isna(value):
        return ""
    return t("deadline.passed", date=date(value)) if pd.Timestamp(value).date() < dt.date.today() else date(value)


def _labels(shown: dict) -> Callable[[object], str]:
    """A selectbox format_func with the labels fixed now, in this run's language.

    Why not ``lambda v: t(...)``: Streamlit may call format_func outside the script run (AppTest does,
    to serialise widget values), where the session's language is not at hand.
    """
    return lambda value: str(shown.get(value, value))


def _stream_labels() -> Callable[[object], str]:
    return _labels({s: stream_label(s) for s in STREAMS})


def _index(options: list, value: object) -> int:
    return options.index(value) if value in options else 0


# ---------------------------------------------------------------- lists

def terms_text(row: dict) -> str:
    """'6 × 2.900 kr./uge', '46.000 kr./md.' or '600.000 kr., halvårligt'."""
    if row["stream"] in GRANT_STREAMS:
        schedule = t(f"agreements.schedule.{row['schedule']}") if row["schedule"] else ""
        return t("agreements.terms.grant", amount=money(row["total_amount"] or 0), schedule=schedule)
    if row["monthly_amount"] is not None:
        return t("agreements.terms.monthly", amount=money(row["monthly_amount"]))
    places = row["placements"] or 0
    return t("agreements.terms.per", placements=number(places, 0 if places == int(places) else 2),
             price=money(row["price"] or 0), unit=t(f"agreements.unit.{row['price_unit']}") if row["price_unit"] else "")


def _common_columns(row: dict) -> dict[str, object]:
    probability = row["renewal_probability"]
    return {
        label("start_date"): _day(row["start_date"]),
        label("end_date"): _day(row["end_date"]),
        t("agreements.col.renewal"): "" if probability is None or pd.isna(probability) else percent(probability, 0),
        t("agreements.col.notice_by"): _deadline(row.get("notice_by")) if row.get("status") == "active" else _day(row.get("notice_by")),
        label("status"): t(f"agreements.status.{row['status']}"),
    }


def agreements_table(frame: pd.DataFrame, grants: bool, shown_month: dt.date) -> None:
    if frame.empty:
        st.info(t("agreements.none"))
        return
    rows = []
    for row in frame.to_dict("records"):
        shown = {label("id"): f"#{row['id']}", label("payer"): row["payer"]}
        if not grants:
            shown[label("department")] = row["department"] or ""
        shown[label("stream")] = stream_label(row["stream"])
        shown[t("agreements.terms")] = terms_text(row)
        shown.update(_common_columns(row))
        if grants:
            due = row["next_payment_month"]
            shown[t("agreements.next_payment")] = f"{month(due)}: {money(row['next_payment'])}" if due else ""
        else:
            shown[t("agreements.col.notice")] = "" if _value(row, "notice_months") is None else number(row["notice_months"])
            shown[t("agreements.month_income", month=month(shown_month))] = money(row["month_income"])
        rows.append(shown)
    tables.show(pd.DataFrame(rows), key=f"ag_table_{'grants' if grants else 'contracts'}")
    if not grants:
        total = sum(frame["month_income"], Decimal(0))
        st.caption(t("agreements.sum_contracts", month=month(shown_month), amount=money(total)))


def costs_table(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.info(t("agreements.none"))
        return
    rows = []
    for row in frame.to_dict("records"):
        share = row["share_of_income"]
        rows.append({
            label("id"): f"#{row['id']}", label("category"): row["category"], label("kind"): t(f"agreements.kind.{row['kind']}"),
            label("monthly_amount"): money(row["monthly_amount"]) if row["monthly_amount"] is not None else "",
            label("share_of_income"): percent(share) if share is not None else "",
            label("cost_stream"): stream_label(row["stream"]) if row["stream"] else "",
            label("start_date"): _day(row["start_date"]), label("end_date"): _day(row["end_date"]),
            label("in_force"): "✓" if row["in_force"] else "",
        })
    tables.show(pd.DataFrame(rows), key="ag_table_costs")


def pick(kind: str, frame: pd.DataFrame, new_label: str, describe: Callable[[dict], str]) -> dict | None:
    """The row to edit (None: a new one), chosen in a selectbox that lists the rows by number and name."""
    rows = {r["id"]: r for r in frame.to_dict("records")}
    options = [None, *rows]
    keep = st.session_state.get(f"ag_keep_{kind}")
    chosen = st.selectbox(t("agreements.pick"), options, index=_index(options, keep), key=f"ag_{kind}_pick_{_nonce(kind)}",
                          format_func=_labels({i: new_label if i is None else f"#{i} {describe(rows[i])}" for i in options}))
    return rows.get(chosen)


# ---------------------------------------------------------------- forms

def _form_header(row: dict | None) -> None:
    st.markdown(f"**{t('agreements.form.edit', id=row['id']) if row else t('agreements.form.new')}**")
    if row and row.get("is_demo"):
        st.caption(t("agreements.form.demo"))


def _buttons(key: str, row: dict | None, can_end: bool = True) -> tuple[str | None, bool]:
    """Save/add, end and delete buttons of a form (greyed out for a viewer); returns (action, delete confirmed)."""
    locked = not can_write()
    if row is None:
        return ("save" if st.form_submit_button(t("agreements.add"), type="primary", key=f"{key}_save", disabled=locked) else None), False
    c1, c2, c3, c4 = st.columns([1, 1, 1, 2])
    action = "save" if c1.form_submit_button(t("agreements.save"), type="primary", key=f"{key}_save", disabled=locked) else None
    if can_end and c2.form_submit_button(t("agreements.end"), key=f"{key}_end", disabled=locked):
        action = "end"
    if c3.form_submit_button(t("agreements.delete"), key=f"{key}_delete", disabled=locked):
        action = "delete"
    confirmed = c4.checkbox(t("agreements.delete_confirm"), key=f"{key}_confirm")
    return action, confirmed


def _municipality_box(container, key: str, code: object) -> str:
    names = [""] + sorted((m.name for m in all_municipalities()), key=str.casefold)
    current = next((m.name for m in all_municipalities() if code is not None and m.code == code), "")
    return container.selectbox(label("municipality"), names, index=_index(names, current), key=f"{key}_municipality",
                               format_func=_labels({n: n or t("agreements.none_option") for n in names}))


def _period_inputs(key: str, row: dict | None) -> tuple[dt.date | None, dt.date | None, object, object]:
    c1, c2, c3, c4 = st.columns(4)
    start = inputs.date(c1, label("start_date"), row["start_date"] if row else this_month(), f"{key}_start",
                        min_value=MIN_DAY, max_value=MAX_DAY)
    end = inputs.date(c2, label("end_date"), _value(row, "end_date"), f"{key}_end_date", min_value=MIN_DAY, max_value=MAX_DAY)
    notice = inputs.number(c3, label("notice_months"), _value(row, "notice_months"), f"{key}_notice", decimals=0,
                           placeholder=t("input.placeholder.months"))
    renewal = inputs.share(c4, label("renewal_probability"), _value(row, "renewal_probability"), f"{key}_renewal")
    return start, end, notice, renewal


def _status_note(key: str, row: dict | None) -> tuple[str, object, str]:
    """Status, the agreement's own payment term (empty: the stream's setting) and a note."""
    c1, c2, c3 = st.columns([1, 1, 2])
    status = c1.selectbox(label("status"), STATUSES, index=_index(list(STATUSES), row["status"] if row else "active"),
                          format_func=_labels({s: t(f"agreements.status.{s}") for s in STATUSES}),
                          key=f"{key}_status")
    days = inputs.number(c2, label("payment_days"), _value(row, "payment_days"), f"{key}_payment_days", decimals=0,
                         help=t("agreements.payment_days_help"))
    note = c3.text_input(label("note"), value=(row["note"] or "") if row else "", key=f"{key}_note")
    return status, days, note


def contract_form(row: dict | None) -> tuple[str | None, dict, bool]:
    """The add/edit form of a contract or wage subsidy: (action, raw values, delete confirmed)."""
    key = f"ag_contract_{row['id'] if row else 'new'}_{_nonce('contract')}"
    with st.form(key):
        _form_header(row)
        c1, c2, c3 = st.columns(3)
        stream = c1.selectbox(label("stream"), CONTRACT_STREAMS, format_func=_stream_labels(), key=f"{key}_stream",
                              index=_index(list(CONTRACT_STREAMS), row["stream"] if row else "municipal_contract"))
        municipality = _municipality_box(c2, key, row["municipality_code"] if row else None)
        department = c3.text_input(label("department"), value=(row["department"] or "") if row else "", key=f"{key}_department")
        counterparty = st.text_input(label("counterparty"), value=row["counterparty"] if row else "",
                                     help=t("agreements.counterparty_help"), key=f"{key}_counterparty")
        c1, c2, c3, c4 = st.columns(4)
        placements = inputs.number(c1, label("placements"), _value(row, "placements"), f"{key}_placements")
        price = inputs.amount(c2, label("price"), _value(row, "price"), f"{key}_price")
        units = ["", *PRICE_UNITS]
        unit = c3.selectbox(label("price_unit"), units, index=_index(units, row["price_unit"] if row else "week"),
                            format_func=_labels({u: t(f"agreements.unit.{u}") if u else "–" for u in units}), key=f"{key}_unit")
        monthly = inputs.amount(c4, label("monthly_amount"), _value(row, "monthly_amount"), f"{key}_monthly")
        st.caption(t("agreements.terms_help"))
        start, end, notice, renewal = _period_inputs(key, row)
        status, days, note = _status_note(key, row)
        action, confirmed = _buttons(key, row)
    # A weekly or monthly unit preset for a new contract is not a term by itself: only with placements or price.
    unit = unit if (placements is not None or price is not None or row) else ""
    raw = {"stream": stream, "municipality": municipality, "department": department, "counterparty": counterparty,
           "placements": placements, "price": price, "price_unit": unit, "monthly_amount": monthly,
           "start_date": start, "end_date": end, "notice_months": notice, "payment_days": days,
           "renewal_probability": renewal, "status": status, "note": note}
    return action, raw, confirmed


def grant_form(row: dict | None) -> tuple[str | None, dict, bool]:
    """The add/edit form of a grant: foundation or pool, total amount, period, disbursement schedule."""
    key = f"ag_grant_{row['id'] if row else 'new'}_{_nonce('grant')}"
    with st.form(key):
        _form_header(row)
        c1, c2, c3 = st.columns(3)
        stream = c1.selectbox(label("stream"), GRANT_STREAMS, format_func=_stream_labels(), key=f"{key}_stream",
                              index=_index(list(GRANT_STREAMS), row["stream"] if row else "foundation_grant"))
        counterparty = c2.text_input(label("counterparty_grant"), value=row["counterparty"] if row else "",
                                     key=f"{key}_counterparty")
        municipality = _municipality_box(c3, key, row["municipality_code"] if row else None)
        c1, c2 = st.columns(2)
        total = inputs.amount(c1, label("total_amount"), _value(row, "total_amount"), f"{key}_total")
        schedule = c2.selectbox(label("schedule"), SCHEDULES, key=f"{key}_schedule",
                                index=_index(list(SCHEDULES), row["schedule"] if row else "quarterly"),
                                format_func=_labels({s: t(f"agreements.schedule.{s}") for s in SCHEDULES}))
        start, end, _notice, renewal = _period_inputs(key, row)
        status, days, note = _status_note(key, row)
        action, confirmed = _buttons(key, row)
    raw = {"stream": stream, "counterparty": counterparty, "municipality": municipality, "total_amount": total,
           "schedule": schedule, "start_date": start, "end_date": end, "notice_months": _notice,
           "payment_days": days, "renewal_probability": renewal, "status": status, "note": note}
    return action, raw, confirmed


def cost_form(row: dict | None) -> tuple[str | None, dict, bool]:
    """The add/edit form of a cost line: fixed or wage cost per month, or a variable share of a stream's income."""
    key = f"ag_cost_{row['id'] if row else 'new'}_{_nonce('cost')}"
    with st.form(key):
        _form_header(row)
        c1, c2 = st.columns([2, 1])
        category = c1.text_input(label("category"), value=row["category"] if row else "", key=f"{key}_category")
        kind = c2.selectbox(label("kind"), COST_KINDS, index=_index(list(COST_KINDS), row["kind"] if row else "fixed"),
                            format_func=_labels({k: t(f"agreements.kind.{k}") for k in COST_KINDS}), key=f"{key}_kind")
        c1, c2, c3 = st.columns(3)
        monthly = inputs.amount(c1, label("monthly_amount"), _value(row, "monthly_amount"), f"{key}_monthly")
        share = inputs.share(c2, label("share_of_income"), _value(row, "share_of_income"), f"{key}_share")
        streams = ["", *STREAMS]
        stream = c3.selectbox(label("cost_stream"), streams, index=_index(streams, (row["stream"] or "") if row else ""),
                              format_func=_labels({s: stream_label(s) if s else "–" for s in streams}), key=f"{key}_stream")
        st.caption(t("agreements.costs.help"))
        c1, c2, c3 = st.columns([1, 1, 2])
        start = inputs.date(c1, label("start_date"), _value(row, "start_date"), f"{key}_start", min_value=MIN_DAY,
                            max_value=MAX_DAY)
        end = inputs.date(c2, label("end_date"), _value(row, "end_date"), f"{key}_end_date", min_value=MIN_DAY,
                          max_value=MAX_DAY)
        note = c3.text_input(label("note"), value=(row["note"] or "") if row else "", key=f"{key}_note")
        action, confirmed = _buttons(key, row)
    raw = {"category": category, "kind": kind, "monthly_amount": monthly, "share_of_income": share,
           "stream": stream, "start_date": start, "end_date": end, "note": note}
    return action, raw, confirmed


# ---------------------------------------------------------------- actions

def handle(kind: str, action: str | None, raw: dict, row: dict | None, confirmed: bool) -> None:
    """Carry out a form's action through the domain; show its problems inline or confirm and rerun."""
    if action is None:
        return
    costs = kind == "cost"
    row_id = row["id"] if row else None
    if action == "save":
        result: Saved = write(edit.save_cost if costs else edit.save_agreement, raw, row_id)
        if result.ok:
            _done(kind, t("agreements.saved" if row else "agreements.added", id=result.id), keep=row_id)
        show_problems(result.problems)
    elif action == "end":
        status = "cancelled" if raw.get("status") == "cancelled" else "ended"
        result = write(edit.end_cost, row_id, raw["end_date"]) if costs else \
            write(edit.end_agreement, row_id, raw["end_date"], status)
        if result.ok:
            _done(kind, t("agreements.ended", id=row_id), keep=row_id)
        show_problems(result.problems)
    elif action == "delete":
        if not confirmed:
            st.warning(t("agreements.delete_needs_confirm"))
            return
        write(edit.delete_cost if costs else edit.delete_agreement, row_id)
        _done(kind, t("agreements.deleted", id=row_id))


def cost_metrics(summary: views.CostSummary) -> None:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("agreements.costs.fixed"), money(summary.fixed))
    c2.metric(t("agreements.costs.wage"), money(summary.wage))
    variable = [t("agreements.costs.variable_value", share=percent(s), stream=stream_label(k)) for k, s in summary.variable.items()]

    c3.markdown(f"{t('agreements.costs.variable')}  \n" + ("  \n".join(f"**{v}**" for v in variable) or "–"))
    st.caption(t("agreements.costs.as_of", day=date(summary.day)))


def cash_form(current: views.Cash) -> None:
    shown_day = date(current.cash_date) if current.cash_date else t("agreements.cash.last_date")
    st.caption(t("agreements.cash.help"))
    st.markdown(t("agreements.cash.current", cash=money(current.opening_cash), day=shown_day))
    nonce = _nonce("cash")
    with st.form(f"ag_cash_{nonce}"):
        c1, c2 = st.columns(2)
        cash = inputs.amount(c1, label("opening_cash"), current.opening_cash, f"ag_cash_{nonce}_amount")
        day = inputs.date(c2, label("cash_date"), current.cash_date, f"ag_cash_{nonce}_date", min_value=MIN_DAY,
                          max_value=MAX_DAY)
        saved = st.form_submit_button(t("agreements.save"), type="primary", key=f"ag_cash_{nonce}_save", disabled=not can_write())
    if saved:
        problems = write(edit.set_cash, cash, day)
        if not problems:
            _done("cash", t("agreements.cash.saved"))
        show_problems(problems)


# ---------------------------------------------------------------- file

def downloads() -> None:
    """CSV and XLSX of every agreement and cost line, made only when the button is clicked (XLSX takes ~0.2 s)."""
    st.markdown(f"**{t('agreements.file.download')}**")
    language = lang()  # the callables run on another thread, outside this session
    c1, c2 = st.columns(2)
    c1.download_button(t("agreements.file.download_csv"), lambda: read(files.export_bytes, ".csv", language),
                       file_name="aftaler.csv" if language == "da" else "agreements.csv", mime="text/csv", key="ag_dl_csv")
    c2.download_button(t("agreements.file.download_xlsx"), lambda: read(files.export_bytes, ".xlsx", language),
                       file_name="aftaler.xlsx" if language == "da" else "agreements.xlsx", key="ag_dl_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def file_format(described: str) -> str:
    """How a file was read ('CSV, UTF-8, comma-separated'), in the page's language."""
    detected = parse_description(described)
    return describe(detected) if detected is not None else md(described)


def findings_frame(findings: list[files.Finding]) -> pd.DataFrame:
    return pd.DataFrame([{label("line"): f.line, label("column"): f.column, label("value"): f.problem.value,
                          label("reason"): t(f"agreements.err.{f.problem.code}", value=f.problem.value, **f.problem.params)}
                         for f in findings])


def _counts_line(name: str, counts) -> str:
    text = t(f"agreements.file.label_{name}")
    if counts is None:
        return t("agreements.file.untouched", label=text)
    return t("agreements.file.counts", label=text, added=counts.added, changed=counts.changed,
             unchanged=counts.unchanged, removed=counts.removed)


def upload() -> None:
    st.markdown(f"**{t('agreements.file.upload')}**")
    st.caption(t("agreements.file.rules"))
    nonce = _nonce("file")
    uploaded = uploader(t("agreements.file.upload"), key=f"ag_upload_{nonce}", types=["csv", "xlsx"],
                        label_visibility="collapsed")
    sheet = st.text_input(t("agreements.file.sheet"), key=f"ag_sheet_{nonce}").strip() or None
    if uploaded is None or upload_too_large(uploaded):  # refused before the file is read
        return
    data, name = uploaded.getvalue(), uploaded.name
    sheet = sheet if name.lower().endswith(".xlsx") else None
    try:
        preview = read(files.preview_import, data, name, sheet)
    except SeconomyError as exc:
        st.error(t("agreements.file.unreadable", error=errors.message(exc)))
        return
    st.caption(t("agreements.file.format", format=file_format(preview.format)))
    if preview.findings:
        st.error(t("agreements.file.errors", count=len(preview.findings)))
        table = findings_frame(preview.findings)
        tables.show(table.assign(**{label("line"): [number(n) for n in table[label("line")]]}), key="ag_findings")
        download_table(table, t("agreements.file.problems_name"), key="ag_dl_problems", headers={c: c for c in table.columns})
        return
    summary = preview.summary
    if all(c is None or c.added + c.changed + c.removed == 0 for c in (summary.agreements, summary.costs)):
        st.info(t("agreements.file.nothing"))
        return
    st.info("\n".join([t("agreements.file.preview"), "",
                       f"- {_counts_line('agreements', summary.agreements)}", f"- {_counts_line('costs', summary.costs)}"]))
    if st.button(t("agreements.file.confirm"), type="primary", key=f"ag_import_{nonce}", disabled=not can_write()):
        try:
            write(files.import_file, data, name, sheet)
        except SeconomyError as exc:
            st.error(t("agreements.file.unreadable", error=errors.message(exc)))
            return
        _done("file", t("agreements.file.done"))
