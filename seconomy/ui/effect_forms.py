"""The effect page's forms: placements (add/edit/delete), the placements file (export/import), the retention
purge, contacts and the contact log — each validated by seconomy.effect.edit, problems shown beside the form.

Widget keys are ``ef_<kind>_<row id or new>_<nonce>_<field>``: the nonce changes after every successful write,
so a form is rebuilt empty (after an add) or from the stored row (after an edit), as on the Agreements page.
Names and summaries typed by the user are shown in tables (st.dataframe) or escaped with ``safe.md``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from seconomy.effect import edit, files
from seconomy.effect.model import LOG_KINDS, OUTCOMES, PRICE_UNITS, ROLES, SCHEMES, Problem
from seconomy.errors import SeconomyError
from seconomy.municipalities import all_municipalities, by_code
from seconomy.text.catalog import CATALOG
from seconomy.ui import errors, inputs, tables
from seconomy.ui.agreements import file_format
from seconomy.ui.auth import can_write
from seconomy.ui.data import read, write
from seconomy.ui.effect import labels
from seconomy.ui.i18n import date, lang, money, number, t
from seconomy.ui.safe import md
from seconomy.ui.uploads import uploader

MIN_DAY, MAX_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
FLASH = "ef_flash"


def nonce() -> int:
    return st.session_state.setdefault("ef_nonce", 0)


def done(message: str, keep: tuple[str, int | None] | None = None) -> None:
    """After a successful write: remember the message (and the row to keep selected), rebuild the forms, rerun."""
    st.session_state[FLASH] = message
    st.session_state["ef_nonce"] = nonce() + 1
    if keep:
        st.session_state[f"ef_keep_{keep[0]}"] = keep[1]
    st.rerun()


def flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def field(name: str) -> str:
    key = f"effect.field.{name}"
    return t(key) if key in CATALOG else name


def problem_text(problem: Problem) -> str:
    reason = t(f"effect.err.{problem.code}", value=problem.value, **problem.params)
    return f"{reason} ({problem.value})" if problem.value else reason


def show_problems(problems: list[Problem]) -> None:
    lines = "\n".join(f"- **{md(field(p.column))}**: {md(problem_text(p))}" for p in problems)
    st.error(f"{t('effect.not_saved')}\n\n{lines}")


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else date(value)


def _value(row: dict | None, name: str) -> object:
    """A stored field for a form's start value (None for a new row or an empty field)."""
    if row is None or row.get(name) is None or pd.isna(row.get(name)):
        return None
    return row[name]


def _upcoming(value: object, today: dt.date) -> str:
    """A meeting date, marked when it has passed (a next meeting in the past was never logged)."""
    if value is None or pd.isna(value):
        return ""
    return t("deadline.passed", date=date(value)) if pd.Timestamp(value).date() < today else date(value)


def _index(options: list, value: object) -> int:
    return options.index(value) if value in options else 0


def pick(kind: str, frame: pd.DataFrame, new_label: str, describe) -> dict | None:
    """The row to edit (None: a new one), in a selectbox listing the rows by number."""
    rows = {r["id"]: r for r in frame.to_dict("records")}
    options = [None, *rows]
    keep = st.session_state.get(f"ef_keep_{kind}")
    chosen = st.selectbox(t("effect.pick"), options, index=_index(options, keep), key=f"ef_{kind}_pick_{nonce()}",
                          format_func=labels({i: new_label if i is None else f"#{i} {describe(rows[i])}" for i in options}))
    return rows.get(chosen)


def _buttons(key: str, row: dict | None) -> tuple[str | None, bool]:
    locked = not can_write()  # greyed out for a viewer (seconomy.ui.data.write refuses anyway)
    if row is None:
        return ("save" if st.form_submit_button(t("effect.add"), type="primary", key=f"{key}_save", disabled=locked) else None), False
    c1, c2, c3 = st.columns([1, 1, 3])
    action = "save" if c1.form_submit_button(t("effect.save"), type="primary", key=f"{key}_save", disabled=locked) else None
    if c2.form_submit_button(t("effect.delete"), key=f"{key}_delete", disabled=locked):
        action = "delete"
    return action, c3.checkbox(t("effect.delete_confirm"), key=f"{key}_confirm")


# ---------------------------------------------------------------- placements

def placements_table(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.info(t("effect.placements.none"))
        return
    rows = [{
        field("id"): f"#{r['id']}", field("participant_code"): r["participant_code"], field("municipality"): r["municipality"],
        field("scheme"): t(f"effect.scheme.{r['scheme']}"), field("start_date"): _day(r["start_date"]),
        field("end_date"): _day(r["end_date"]),
        field("price"): f"{money(r['price'])}/{t('effect.unit.' + r['price_unit'])}",
        field("outcome"): t(f"effect.outcome.{r['outcome']}") if r["outcome"] else t("effect.outcome.running"),
        field("agreement_id"): "" if r["agreement_id"] is None else f"#{r['agreement_id']}",
        field("scores"): "" if r["score_start"] is None else
        f"{number(r['score_start'], 1)} → {'' if r['score_end'] is None else number(r['score_end'], 1)}",
    } for r in frame.to_dict("records")]
    tables.show(pd.DataFrame(rows), key="ef_placements")
    st.caption(t("effect.placements.count", count=number(len(frame))))


def agreement_labels(contracts: pd.DataFrame) -> dict[int, str]:
    """'#3 Gladsaxe – Jobcenter' for each contract a placement can belong to."""
    return {r["id"]: f"#{r['id']} {r['payer']} – {r['department'] or r['counterparty']}" for r in contracts.to_dict("records")}


def placement_form(row: dict | None, code: int | None, agreements: dict[int, str]) -> tuple[str | None, dict, bool]:
    """The add/edit form of a placement: (action, raw values, delete confirmed)."""
    key = f"ef_pl_{row['id'] if row else 'new'}_{nonce()}"
    names = sorted((m.name for m in all_municipalities()), key=str.casefold)
    current = by_code()[row["municipality_code"] if row else code].name if (row or code) else names[0]
    with st.form(key):
        st.markdown(f"**{t('effect.form.edit', id=row['id']) if row else t('effect.form.new')}**")
        c1, c2, c3 = st.columns(3)
        participant = c1.text_input(field("participant_code"), value=row["participant_code"] if row else "",
                                    max_chars=20, key=f"{key}_participant", help=t("effect.participant_help"))
        municipality = c2.selectbox(field("municipality"), names, index=_index(names, current), key=f"{key}_municipality")
        scheme = c3.selectbox(field("scheme"), SCHEMES, index=_index(list(SCHEMES), row["scheme"] if row else None),
                              key=f"{key}_scheme", format_func=labels({s: t(f"effect.scheme.{s}") for s in SCHEMES}))
        c1, c2, c3, c4 = st.columns(4)
        start = inputs.date(c1, field("start_date"), row["start_date"] if row else dt.date.today(), f"{key}_start",
                            min_value=MIN_DAY, max_value=MAX_DAY)
        end = inputs.date(c2, field("end_date"), _value(row, "end_date"), f"{key}_end", min_value=MIN_DAY, max_value=MAX_DAY)
        outcomes = ["", *OUTCOMES]
        outcome = c3.selectbox(field("outcome"), outcomes, index=_index(outcomes, (row["outcome"] or "") if row else ""),
                               key=f"{key}_outcome", format_func=labels({o: t(f"effect.outcome.{o}") if o else
                                                                        t("effect.outcome.running") for o in outcomes}))
        options = [None, *agreements]
        agreement = c4.selectbox(field("agreement_id"), options, index=_index(options, row["agreement_id"] if row else None),
                                 key=f"{key}_agreement", format_func=labels({None: "–", **agreements}))
        c1, c2, c3, c4 = st.columns(4)
        price = inputs.amount(c1, field("price"), _value(row, "price"), f"{key}_price")
        unit = c2.selectbox(field("price_unit"), PRICE_UNITS, index=_index(list(PRICE_UNITS), row["price_unit"] if row else "week"),
                            key=f"{key}_unit", format_func=labels({u: t(f"effect.unit.{u}") for u in PRICE_UNITS}))
        score_start = inputs.number(c3, field("score_start"), _value(row, "score_start"), f"{key}_score_start")
        score_end = inputs.number(c4, field("score_end"), _value(row, "score_end"), f"{key}_score_end")
        st.caption(t("effect.form.help"))
        action, confirmed = _buttons(key, row)
    raw = {"participant_code": participant, "municipality": municipality, "scheme": scheme, "start_date": start,
           "end_date": end, "outcome": outcome, "agreement_id": agreement,
           "price": price, "price_unit": unit, "score_start": score_start, "score_end": score_end}
    return action, raw, confirmed


def handle_placement(action: str | None, raw: dict, row: dict | None, confirmed: bool) -> None:
    if action is None:
        return
    row_id = row["id"] if row else None
    if action == "save":
        result = write(edit.save_placement, raw, row_id)
        if result.ok:
            done(t("effect.saved" if row else "effect.added", id=result.id), keep=("placement", row_id))
        show_problems(result.problems)
    elif action == "delete":
        if not confirmed:
            st.warning(t("effect.delete_needs_confirm"))
            return
        write(edit.delete_placement, row_id)
        done(t("effect.deleted", id=row_id))


# ---------------------------------------------------------------- file and retention

def downloads() -> None:
    """CSV and XLSX of every placement, without participant codes unless ticked."""
    st.markdown(f"**{t('effect.file.download')}**")
    with_codes = st.checkbox(t("effect.file.with_codes"), key="ef_with_codes", help=t("effect.file.with_codes_help"))
    language = lang()  # the callables run on another thread, outside this session
    base = "forloeb" if language == "da" else "placements"
    c1, c2 = st.columns(2)
    c1.download_button(t("effect.file.csv"), lambda: read(files.export_bytes, ".csv", language, with_codes),
                       file_name=f"{base}.csv", mime="text/csv", key="ef_dl_csv", on_click="ignore")
    c2.download_button(t("effect.file.xlsx"), lambda: read(files.export_bytes, ".xlsx", language, with_codes),
                       file_name=f"{base}.xlsx", key="ef_dl_xlsx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def findings_frame(findings: list[files.Finding]) -> pd.DataFrame:
    return pd.DataFrame([{field("line"): f.line, field("column"): f.column, field("value"): f.problem.value,
                          field("reason"): t(f"effect.err.{f.problem.code}", value=f.problem.value, **f.problem.params)}
                         for f in findings])


def upload() -> None:
    st.markdown(f"**{t('effect.file.upload')}**")
    st.caption(t("effect.file.rules"))
    key = f"ef_upload_{nonce()}"
    uploaded = uploader(t("effect.file.upload"), key=key, types=["csv", "xlsx"], label_visibility="collapsed")
    if uploaded is None:  # (a file over the upload limit is refused by the uploader before it is read)
        return
    data, name = uploaded.getvalue(), uploaded.name
    try:
        preview = read(files.preview_import, data, name)
    except SeconomyError as exc:
        st.error(t("effect.file.unreadable", error=errors.message(exc)))
        return
    st.caption(t("effect.file.format", format=file_format(preview.format)))
    if preview.findings:
        st.error(t("effect.file.errors", count=len(preview.findings)))
        table = findings_frame(preview.findings)
        tables.show(table.assign(**{field("line"): [number(n) for n in table[field("line")]]}), key="ef_findings")
        return
    counts = preview.summary.counts
    if counts.added + counts.changed == 0:
        st.info(t("effect.file.nothing", unchanged=counts.unchanged))
        return
    st.info(t("effect.file.preview", added=counts.added, changed=counts.changed, unchanged=counts.unchanged))
    if st.button(t("effect.file.confirm"), type="primary", key=f"ef_import_{nonce()}", disabled=not can_write()):
        summary = write(files.import_file, data, name)
        done(t("effect.file.done", added=summary.counts.added, changed=summary.counts.changed))


def purge(today: dt.date, years: int) -> None:
    """Delete placements ended before a date (default: the retention setting), after a confirmation."""
    st.markdown(f"**{t('effect.purge.title')}**")
    st.caption(t("effect.purge.help", years=years))
    c1, c2 = st.columns([1, 2])
    before = inputs.date(c1, t("effect.purge.before"), edit.retention_cutoff(today, years), "ef_purge_before",
                         min_value=MIN_DAY, max_value=MAX_DAY)
    count = read(edit.count_ended_before, before)
    c2.markdown(t("effect.purge.count", count=number(count), before=date(before)))
    confirmed = c2.checkbox(t("effect.purge.confirm", count=number(count)), key=f"ef_purge_confirm_{nonce()}",
                            disabled=not count)
    if c2.button(t("effect.purge.button"), key="ef_purge", disabled=not count):
        if not confirmed:
            st.warning(t("effect.purge.needs_confirm"))
            return
        done(t("effect.purge.done", count=number(write(edit.purge, before))))


# ---------------------------------------------------------------- relations

def contacts_table(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.info(t("effect.contacts.none"))
        return
    today = dt.date.today()
    tables.show(pd.DataFrame([{
        field("name"): r["name"], field("role"): t(f"effect.role.{r['role']}"), field("title"): r["title"] or "",
        field("last_meeting"): _day(r["last_meeting"]), field("next_meeting"): _upcoming(r["next_meeting"], today),
    } for r in frame.to_dict("records")]), key="ef_contacts")


def contact_form(row: dict | None, code: int) -> tuple[str | None, dict, bool]:
    key = f"ef_ct_{row['id'] if row else 'new'}_{nonce()}"
    with st.form(key):
        st.markdown(f"**{t('effect.form.edit_contact', id=row['id']) if row else t('effect.form.new_contact')}**")
        c1, c2, c3 = st.columns([2, 1, 2])
        name = c1.text_input(field("name"), value=row["name"] if row else "", key=f"{key}_name")
        role = c2.selectbox(field("role"), ROLES, index=_index(list(ROLES), row["role"] if row else "middle_manager"),
                            key=f"{key}_role", format_func=labels({r: t(f"effect.role.{r}") for r in ROLES}))
        title = c3.text_input(field("title"), value=(row["title"] or "") if row else "", key=f"{key}_title")
        c1, c2 = st.columns(2)
        last = inputs.date(c1, field("last_meeting"), _value(row, "last_meeting"), f"{key}_last", min_value=MIN_DAY,
                           max_value=MAX_DAY)
        upcoming = inputs.date(c2, field("next_meeting"), _value(row, "next_meeting"), f"{key}_next", min_value=MIN_DAY,
                               max_value=MAX_DAY)
        action, confirmed = _buttons(key, row)
    raw = {"municipality": code, "name": name, "role": role, "title": title, "last_meeting": last, "next_meeting": upcoming}
    return action, raw, confirmed


def handle_contact(action: str | None, raw: dict, row: dict | None, confirmed: bool) -> None:
    if action is None:
        return
    row_id = row["id"] if row else None
    if action == "save":
        result = write(edit.save_contact, raw, row_id)
        if result.ok:
            done(t("effect.saved" if row else "effect.added", id=result.id), keep=("contact", row_id))
        show_problems(result.problems)
    elif not confirmed:
        st.warning(t("effect.delete_needs_confirm"))
    else:
        write(edit.delete_contact, row_id)
        done(t("effect.deleted", id=row_id))


def log_table(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.info(t("effect.log.none"))
        return
    tables.show(pd.DataFrame([{
        field("id"): f"#{r['id']}", field("log_date"): _day(r["log_date"]), field("kind"): t(f"effect.kind.{r['kind']}"),
        field("contact_id"): "" if r["contact_name"] is None else f"{r['contact_name']} ({t('effect.role.' + r['contact_role'])})",
        field("summary"): r["summary"] or "",
    } for r in frame.to_dict("records")]), key="ef_log")


def log_form(code: int, contacts: pd.DataFrame, today: dt.date) -> None:
    """Add a log entry (a meeting or workshop with a middle manager takes the municipality off the budget list)."""
    key = f"ef_log_new_{nonce()}"
    people = {r["id"]: f"{r['name']} ({t('effect.role.' + r['role'])})" for r in contacts.to_dict("records")}
    with st.form(key):
        st.markdown(f"**{t('effect.log.new')}**")
        c1, c2, c3 = st.columns([1, 1, 2])
        day = inputs.date(c1, field("log_date"), today, f"{key}_date", min_value=MIN_DAY, max_value=MAX_DAY)
        kind = c2.selectbox(field("kind"), LOG_KINDS, key=f"{key}_kind",
                            format_func=labels({k: t(f"effect.kind.{k}") for k in LOG_KINDS}))
        options = [None, *people]
        contact = c3.selectbox(field("contact_id"), options, key=f"{key}_contact", format_func=labels({None: "–", **people}))
        summary = st.text_area(field("summary"), key=f"{key}_summary", max_chars=500, height=80, help=t("effect.log.help"))
        added = st.form_submit_button(t("effect.add"), type="primary", key=f"{key}_save", disabled=not can_write())
    if added:
        result = write(edit.add_log, {"municipality": code, "contact_id": contact, "log_date": day, "kind": kind,
                                      "summary": summary})
        if result.ok:
            done(t("effect.added", id=result.id))
        show_problems(result.problems)
