"""Widgets of the Data page: upload, format and column choices, preview, errors, confirm, history, export.

Why a module: the import flow has many small parts; pages/data.py stays a table of contents. All
parsing, checking and writing is in seconomy.ingest, called through ui.data.query (the preview,
cached per file, options and data version) and ui.data.write (the import, an undo).

Choices live in widget state under keys scoped by the upload (``data_<name>_<scope>``): the options
for the preview are read from that state first, then the widgets are drawn with the detected values
as their labels. A new upload, or a finished import, gets a fresh scope and starts from automatic.
"""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy import store
from seconomy.errors import SeconomyError
from seconomy.ingest.columns import ROLES
from seconomy.ingest.export import XLSX_MAX_ROWS, csv_bytes, entry_count, xlsx_bytes
from seconomy.ingest.history import import_history, undo
from seconomy.ingest.importer import ImportResult, Preview, import_file, preview, rejected_csv
from seconomy.ingest.ledger import ImportOptions, Staged
from seconomy.ingest.reader import DELIMITER_NAMES, ENCODING_NAMES, Detected
from seconomy.streams import STREAMS
from seconomy.ui.data import data_version, database, query, write
from seconomy.ui.i18n import date, money, number, stream_label, t

AUTO, NONE = "__auto__", "__none__"
FLASH = "data_flash"
ENCODINGS = (AUTO, "utf-8", "cp1252", "utf-16")
DELIMITERS = (AUTO, ";", ",", "\t", "|")


def _nonce() -> int:
    """Raised after every import: a fresh uploader."""
    return st.session_state.setdefault("data_nonce", 0)


def _scope() -> str:
    """The current upload: its choices are kept apart from any other file's."""
    return st.session_state.get("data_scope", "none")


def _key(name: str) -> str:
    return f"data_{name}_{_scope()}"


def _state(name: str, default: object = None) -> object:
    return st.session_state.get(_key(name), default)


def _auto(name: str) -> str | None:
    value = _state(name, AUTO)
    return None if value == AUTO else value


def flash() -> None:
    """The outcome of the last import or undo (shown once), with the rejected rows to download."""
    message = st.session_state.pop(FLASH, None)
    if not message:
        return
    text, rejected = message
    st.success(text)
    if rejected:
        st.download_button(t("data.rejected_download"), rejected[0], file_name=rejected[1], mime="text/csv",
                           on_click="ignore", key="data_rejected_download")


def describe(detected: Detected) -> str:
    if detected.kind == "xlsx":
        return t("data.format.xlsx", sheet=detected.sheet)
    delimiter = t(f"data.delim.{DELIMITER_NAMES.get(detected.delimiter, 'comma')}")
    return t("data.format.csv", encoding=ENCODING_NAMES.get(detected.encoding, detected.encoding), delimiter=delimiter)


def chosen_options() -> ImportOptions:
    """The user's choices so far (widget state of this upload), as import options.

    Untouched widgets give exactly the options of the first preview (None = detect), so drawing the
    widgets does not change the options and the cached preview is reused.
    """
    prefix = f"data_acc_{_scope()}_"
    accounts = tuple((key[len(prefix):], value) for key, value in st.session_state.items()
                     if isinstance(key, str) and key.startswith(prefix) and value not in (None, NONE))
    columns = tuple((role, "" if value == NONE else value) for role in ROLES if (value := _state(f"col_{role}", AUTO)) != AUTO)
    stream = _state("stream", NONE)
    return ImportOptions(
        sheet=_auto("sheet"), encoding=_auto("encoding"), delimiter=_auto("delimiter"), decimal=_auto("decimal"),
        date_order=None if _state("date_order", "dmy") == "dmy" else "mdy", income_negative=_state("negative"),
        columns=tuple(sorted(columns)),
        accounts=tuple(sorted(accounts)), default_stream=None if stream == NONE else stream,
        skip_invalid=bool(_state("skip", False)),
    )


def import_tab() -> None:
    """Upload → preview → confirm."""
    upload = st.file_uploader(t("data.upload"), type=["csv", "txt", "tsv", "xlsx"], key=f"data_upload_{_nonce()}")
    if upload is None:
        return
    st.session_state["data_scope"] = f"{_nonce()}_{upload.file_id}"
    data, name = upload.getvalue(), upload.name
    options = chosen_options()
    try:
        with st.spinner(t("data.reading")):
            view = _preview(upload.file_id, data, name, options)
            if view.staged is not None and view.staged.sign_question:  # shown with the box ticked: preview it so
                options = dataclasses.replace(options, income_negative=True)
                view = _preview(upload.file_id, data, name, options)
    except SeconomyError as exc:
        _error(exc)
        return
    st.caption(t("data.format", format=describe(view.detected)))
    format_and_columns(view)
    if view.staged is None:
        st.warning(t("data.problem"))
        st.caption(view.problem)
        return
    accounts(view.staged)
    sign(view.staged)
    summary(view)
    confirm(data, name, options, view)


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_preview(path: str, version: tuple, file_id: str, name: str, options: ImportOptions, _data: bytes) -> Preview:
    with store.session(path) as con:
        return preview(con, _data, name, options)


def _preview(file_id: str, data: bytes, name: str, options: ImportOptions) -> Preview:
    """The preview, cached by the upload's id instead of its bytes: hashing 100 MB on every rerun is felt."""
    path = database()
    return _cached_preview(str(path), data_version(path), file_id, name, options, data)


def _error(exc: SeconomyError) -> None:
    st.error(str(exc))
    for err in getattr(exc, "errors", [])[:20]:
        st.write(f"- {err}")


def _labelled(container, label: str, labels: dict[str, str], key: str, index: int = 0) -> None:
    """A selectbox whose option labels are computed now (a format_func that read the language later would
    run outside the script and fall back to Danish)."""
    container.selectbox(label, list(labels), index=index, key=key, format_func=labels.__getitem__)


def format_and_columns(view: Preview) -> None:
    """The detected format and column mapping, each overridable; open when a column is missing."""
    detected = view.detected
    with st.expander(t("data.options"), expanded=view.staged is None):
        c1, c2, c3, c4 = st.columns(4)
        if detected.kind == "xlsx":
            _labelled(c1, t("data.opt.sheet"), {AUTO: t("data.auto_found", found=detected.sheets[0]), **{s: s for s in detected.sheets}},
                      _key("sheet"))
        else:
            encodings = {e: ENCODING_NAMES[e] for e in ENCODINGS[1:]}
            _labelled(c1, t("data.opt.encoding"), {AUTO: t("data.auto_found", found=ENCODING_NAMES[detected.encoding]), **encodings},
                      _key("encoding"))
            delimiters = {d: t(f"data.delim.{DELIMITER_NAMES[d]}") for d in DELIMITERS[1:]}
            _labelled(c2, t("data.opt.delimiter"), {AUTO: t("data.auto_found", found=delimiters[detected.delimiter]), **delimiters},
                      _key("delimiter"))
        decimal = view.staged.decimal if view.staged else ","
        _labelled(c3, t("data.opt.decimal"), {AUTO: t("data.auto_found", found=f"«{decimal}»"), ",": "«,»", ".": "«.»"}, _key("decimal"))
        _labelled(c4, t("data.opt.date_order"), {o: t(f"data.order.{o}") for o in ("dmy", "mdy")}, _key("date_order"))
        st.caption(t("data.columns_help"))
        found, origin = view.mapping, view.origin
        headers = {h: h for h in view.header if h not in (AUTO, NONE)}
        cells = st.columns(3)
        for i, role in enumerate(ROLES):
            automatic = t("data.remembered_found" if origin.get(role) == "remembered" else "data.auto_found", found=found.get(role, "–"))
            labels = {AUTO: automatic, NONE: t("data.none"), **headers}
            _labelled(cells[i % 3], t(f"data.role.{role}"), labels, _key(f"col_{role}"))
        _labelled(st, t("data.default_stream"), {NONE: t("data.none"), **{s: stream_label(s) for s in STREAMS}}, _key("stream"))


def accounts(staged: Staged) -> None:
    """One stream choice per account found in the file (saved with the import, reused later)."""
    if staged.accounts.empty:
        return
    st.subheader(t("data.accounts"))
    st.caption(t("data.accounts_help"))
    labels = {NONE: t("data.unmapped"), **{s: stream_label(s) for s in STREAMS}}
    for row in staged.accounts.itertuples():
        left, right = st.columns([1, 2])
        left.write(t("data.account_label", account=row.account, rows=number(row.rows)))
        current = row.stream if isinstance(row.stream, str) else NONE
        right.selectbox(row.account, list(labels), index=list(labels).index(current), key=f"data_acc_{_scope()}_{row.account}",
                        label_visibility="collapsed", format_func=labels.__getitem__)


def sign(staged: Staged) -> None:
    """Ask whether income is booked negative, when an account ledger's amounts are mostly negative."""
    if not staged.mostly_negative:
        return
    st.warning(t("data.negative_hint", negatives=number(staged.negatives), valid=number(staged.valid)))
    st.checkbox(t("data.negative"), value=True, key=_key("negative"))


def summary(view: Preview) -> None:
    staged = view.staged
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("data.kpi.rows"), number(staged.records))
    c2.metric(t("data.kpi.valid"), number(staged.valid))
    c3.metric(t("data.kpi.rejected"), number(staged.rejected_lines))
    c4.metric(t("data.kpi.total"), money(Decimal(staged.total_ore) / 100, 2))
    if staged.first_date:
        st.caption(t("data.period", start=date(staged.first_date), end=date(staged.last_date)))
    if not staged.inferred.empty:
        st.subheader(t("data.inferred"))
        st.caption(t("data.inferred_help"))
        st.dataframe(staged.inferred[["counterparty", "municipality", "rows"]].rename(columns={
            "counterparty": t("data.col.counterparty"), "municipality": t("data.col.municipality"), "rows": t("data.col.rows")}),
            hide_index=True, width="stretch")
    if not view.rows.empty:
        st.subheader(t("data.preview"))
        st.dataframe(_rows_shown(view.rows), hide_index=True, width="stretch")
    if staged.error_count:
        errors(staged)


def _rows_shown(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("data.col.line"): rows["line"],
        t("data.col.date"): [date(d) for d in rows["entry_date"]],
        t("col.amount"): [money(Decimal(int(o)) / 100, 2) for o in rows["amount_ore"]],
        t("col.stream"): [stream_label(s) for s in rows["stream"]],
        t("data.col.counterparty"): rows["counterparty"],
        t("data.col.municipality"): [m if isinstance(m, str) else "" for m in rows["municipality"]],
        t("data.col.inferred"): rows["inferred"],
        t("data.col.description"): rows["description"],
        t("data.col.reference"): rows["reference"],
    })


def errors(staged: Staged) -> None:
    st.subheader(t("data.errors"))
    st.error(t("data.errors_count", errors=number(staged.error_count), rows=number(staged.rejected_lines)))
    if len(staged.errors) < staged.error_count:
        st.caption(t("data.errors_shown", shown=number(len(staged.errors))))
    table = pd.DataFrame({
        t("data.col.line"): staged.errors["line"], t("data.col.column"): staged.errors["column"],
        t("data.col.value"): staged.errors["value"], t("data.col.reason"): [t(f"data.reason.{c}") for c in staged.errors["code"]],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(t("data.errors_download"), table.to_csv(index=False).encode("utf-8"), file_name="errors.csv",
                       mime="text/csv", on_click="ignore", key=_key("errors_download"))
    st.checkbox(t("data.skip_invalid"), key=_key("skip"))


def confirm(data: bytes, name: str, options: ImportOptions, view: Preview) -> None:
    """The import button (removing the demo in the same transaction), with a progress bar."""
    staged = view.staged
    demo = query(store.has_demo)
    if demo:
        st.info(t("data.demo_notice"))
    if view.earlier:
        st.info(t("data.already", id=view.earlier[-1][0]))
    if not staged.valid:
        st.warning(t("data.nothing_valid"))
        return
    blocked = (staged.error_count and not options.skip_invalid) or staged.sign_question
    label = t("data.confirm_demo" if demo else "data.confirm", rows=number(staged.valid))
    if not st.button(label, type="primary", disabled=bool(blocked), key=_key("confirm")):
        return
    bar = st.progress(0.0, text=t("data.step.read"))
    try:
        result = write(import_file, data, name, options,
                       progress=lambda fraction, step: bar.progress(min(fraction, 1.0), text=t(f"data.step.{step}")))
    except SeconomyError as exc:
        _error(exc)
        return
    _finished(result, name)


def _finished(result: ImportResult, name: str) -> None:
    outcome = result.outcome
    if outcome.rows_added == 0 and outcome.rows_present:
        text = t("data.nothing_new", file=name, present=number(outcome.rows_present))
    else:
        text = t("data.done", file=name, added=number(outcome.rows_added), present=number(outcome.rows_present),
                 rejected=number(outcome.rows_rejected))
    if result.demo_removed:
        text += "  \n" + t("data.demo_removed")
    rejected = None
    if result.rejected is not None:
        stem = name.rsplit(".", 1)[0]
        rejected = (rejected_csv(result.rejected, result.preview.detected.delimiter or ";"), f"{stem}.rejected.csv")
    st.session_state[FLASH] = (text, rejected)
    st.session_state["data_nonce"] = _nonce() + 1  # a fresh uploader, and with it fresh choices
    st.rerun()


def history_tab() -> None:
    """Every import, newest first, and undo."""
    history = query(import_history)
    if history.empty:
        st.info(t("data.no_history"))
        return
    shown = pd.DataFrame({
        t("data.h.id"): history["id"],
        t("data.h.time"): history["imported_at"].dt.strftime("%Y-%m-%d %H:%M"),
        t("data.h.file"): [f"{f} ({t('data.h.demo')})" if d else f for f, d in zip(history["file_name"], history["is_demo"], strict=True)],
        t("data.h.format"): history["format"],
        t("data.h.added"): history["rows_added"], t("data.h.present"): history["rows_present"],
        t("data.h.rejected"): history["rows_rejected"],
        t("data.h.undone"): history["undone_at"].dt.strftime("%Y-%m-%d %H:%M").fillna(""),
    })
    st.dataframe(shown, hide_index=True, width="stretch")
    undoable = history[history["undone_at"].isna() & ~history["is_demo"].astype(bool)]
    if undoable.empty:
        return
    labels = {int(r.id): t("data.undo_option", id=r.id, file=r.file_name, added=number(r.rows_added),
                           time=r.imported_at.strftime("%Y-%m-%d %H:%M")) for r in undoable.itertuples()}
    picked = st.selectbox(t("data.undo_pick"), list(labels), format_func=labels.__getitem__, key="data_undo_pick")
    if st.button(t("data.undo"), key="data_undo"):
        try:
            removed = write(undo, int(picked))
        except SeconomyError as exc:
            _error(exc)
            return
        st.session_state[FLASH] = (t("data.undone", id=picked, rows=number(removed)), None)
        st.rerun()


def _export(path: str, kind: str) -> bytes:
    """Built only when the user clicks (Streamlit calls it in its own thread, with its own session)."""
    with store.session(path) as con:
        return csv_bytes(con) if kind == "csv" else xlsx_bytes(con)


def export_tab() -> None:
    """Every entry as CSV or XLSX (text that looks like a formula made inert)."""
    count = query(entry_count)
    if not count:
        st.info(t("data.no_entries"))
        return
    st.caption(t("data.export_intro"))
    st.write(t("data.export_count", rows=number(count)))
    path = str(database())
    c1, c2 = st.columns(2)
    c1.download_button(t("data.export_csv"), functools.partial(_export, path, "csv"), file_name="seconomy-income.csv",
                       mime="text/csv", on_click="ignore", key="data_export_csv")
    c2.download_button(t("data.export_xlsx"), functools.partial(_export, path, "xlsx"), file_name="seconomy-income.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       key="data_export_xlsx", disabled=count > XLSX_MAX_ROWS,
                       help=t("data.export_too_big") if count > XLSX_MAX_ROWS else None)
