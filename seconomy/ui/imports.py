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

from seconomy import demo, store
from seconomy.errors import SeconomyError
from seconomy.ingest.columns import ROLES
from seconomy.ingest.export import XLSX_MAX_ROWS, csv_bytes, entry_count, xlsx_bytes
from seconomy.ingest.history import demo_restorable, import_history, undo
from seconomy.ingest.importer import ImportResult, Preview, closing_balance, import_file, preview, rejected_csv
from seconomy.ingest.ledger import ACCOUNT_TARGETS, ImportOptions, Staged
from seconomy.ingest.reader import DELIMITER_NAMES, ENCODING_NAMES, Detected, parse_description
from seconomy.ingest.rules import Rule
from seconomy.store.shared import shared
from seconomy.streams import STREAMS
from seconomy.text.catalog import CATALOG
from seconomy.ui import errors as messages
from seconomy.ui import tables
from seconomy.ui.auth import can_write
from seconomy.ui.data import data_version, database, query, write
from seconomy.ui.downloads import download_table
from seconomy.ui.i18n import date, datetime, money, number, stream_label, t
from seconomy.ui.safe import md
from seconomy.ui.uploads import uploader

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
    """The format a file was read with, in the page's language ('CSV, UTF-8, adskilt med semikolon')."""
    if detected.kind == "xlsx":
        return t("data.format.xlsx", sheet=md(detected.sheet))
    if detected.kind == "saft":
        return t("data.format.saft")
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
        skip_invalid=bool(_state("skip", False)), no_header=bool(_state("no_header", False)),
        new_rules=edited_rules(),
    )


def edited_rules() -> tuple[Rule, ...]:
    """The streams the user chose per counterparty in the preview, as rules that go before every stored one."""
    edits = st.session_state.get(_key("edits"), {})
    return tuple(Rule(counterparty, "counterparty", stream) for counterparty, stream in sorted(edits.items()))


def import_tab() -> None:
    """Upload → preview → confirm."""
    upload = uploader(t("data.upload"), key=f"data_upload_{_nonce()}", help=t("data.upload_help"))
    if upload is None:  # (a file over the upload limit is refused by the uploader before it is read)
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
    st.caption(t("data.format", format=describe(view.detected), layout=layout_label(view.file_layout)))
    format_and_columns(view)
    if view.staged is None:
        st.warning(t("data.problem"))
        st.caption(messages.message(view.issue) if view.issue is not None else md(view.problem))
        return
    accounts(view.staged)
    sign(view.staged)
    summary(view)
    counterparties(view.staged)
    confirm(data, name, options, view)


def history_format(layout: object, described: object, kind: object) -> str:
    """The history's format column: what the file was and how it was read, in the page's language."""
    if kind == "reclassify":
        return "–"
    parts = [layout_label(str(layout))] if isinstance(layout, str) and layout else []
    detected = parse_description(described)
    if detected is not None:
        parts.append(describe(detected))
    elif isinstance(described, str) and described and described != "demo":
        parts.append(described)
    return " · ".join(parts) or "–"


def layout_label(layout: str) -> str:
    """'bank:danske' → 'Danske Bank-kontoudtog'; an unknown name is shown as it is."""
    key = f"data.layout.{layout.replace(':', '.')}"
    return t(key) if key in CATALOG else layout


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_preview(path: str, version: tuple, file_id: str, name: str, options: ImportOptions, _data: bytes) -> Preview:
    with shared(path).cursor() as con:
        return preview(con, _data, name, options)


def _preview(file_id: str, data: bytes, name: str, options: ImportOptions) -> Preview:
    """The preview, cached by the upload's id instead of its bytes: hashing 100 MB on every rerun is felt."""
    path = database()
    return _cached_preview(str(path), data_version(path), file_id, name, options, data)


def _error(exc: SeconomyError) -> None:
    messages.show(exc)


def _labelled(container, label: str, labels: dict[str, str], key: str, index: int = 0) -> None:
    """A selectbox whose option labels are computed now (a format_func that read the language later would
    run outside the script and fall back to Danish)."""
    container.selectbox(label, list(labels), index=index, key=key, format_func=labels.__getitem__)


def format_and_columns(view: Preview) -> None:
    """The detected format and column mapping, each overridable; open when a column is missing.

    The options keep the same labels whatever is detected (a selectbox remembers its choice by label, so labels
    that change with the mapping lost the user's choice); what was detected is written beside them instead.
    """
    detected = view.detected
    with st.expander(t("data.options"), expanded=view.staged is None):
        c1, c2, c3, c4 = st.columns(4)
        auto = t("data.auto")
        if detected.kind == "xlsx":
            _labelled(c1, t("data.opt.sheet"), {AUTO: auto, **{s: s for s in detected.sheets}}, _key("sheet"))
            c1.caption(t("data.found", found=md(detected.sheet or detected.sheets[0])))
        elif detected.kind == "csv":
            encodings = {e: ENCODING_NAMES[e] for e in ENCODINGS[1:]}
            _labelled(c1, t("data.opt.encoding"), {AUTO: auto, **encodings}, _key("encoding"))
            c1.caption(t("data.found", found=ENCODING_NAMES.get(detected.encoding, detected.encoding)))
            delimiters = {d: t(f"data.delim.{DELIMITER_NAMES[d]}") for d in DELIMITERS[1:]}
            _labelled(c2, t("data.opt.delimiter"), {AUTO: auto, **delimiters}, _key("delimiter"))
            c2.caption(t("data.found", found=delimiters.get(detected.delimiter, "–")))
        decimal = view.staged.decimal if view.staged else ","
        _labelled(c3, t("data.opt.decimal"), {AUTO: auto, ",": "«,»", ".": "«.»"}, _key("decimal"))
        c3.caption(t("data.found", found=f"«{decimal}»"))
        _labelled(c4, t("data.opt.date_order"), {o: t(f"data.order.{o}") for o in ("dmy", "mdy")}, _key("date_order"))
        if detected.kind != "saft":
            st.checkbox(t("data.no_header"), key=_key("no_header"), help=t("data.no_header_help"))
        st.caption(t("data.columns_help"))
        found, origin = view.mapping, view.origin
        headers = {h: h for h in view.header if h not in (AUTO, NONE) and h}
        cells = st.columns(3)
        for i, role in enumerate(ROLES):
            labels = {AUTO: auto, NONE: t("data.none"), **headers}
            _labelled(cells[i % 3], t(f"data.role.{role}"), labels, _key(f"col_{role}"))
            if role in found and _state(f"col_{role}", AUTO) == AUTO:
                how = "data.remembered_found" if origin.get(role) == "remembered" else "data.auto_found"
                cells[i % 3].caption(t(how, found=md(found[role])))
        _labelled(st, t("data.default_stream"), {NONE: t("data.none"), **{s: stream_label(s) for s in STREAMS}}, _key("stream"))
        st.button(t("data.reset"), key=_key("reset"), on_click=_reset, icon=":material/restart_alt:")


def _reset() -> None:
    """Every format and column choice of this upload back to automatic (the panel can always be undone)."""
    prefix = "data_col_"
    scope = _scope()
    for key in [k for k in st.session_state if isinstance(k, str)]:
        chosen = key.startswith(prefix) and key.endswith(f"_{scope}")
        option = any(key == f"data_{name}_{scope}" for name in ("sheet", "encoding", "delimiter", "decimal", "date_order",
                                                                  "stream", "no_header"))
        if chosen or option:
            del st.session_state[key]


def accounts(staged: Staged) -> None:
    """One stream choice per account found in the file (saved with the import, reused later)."""
    if staged.accounts.empty:
        return
    st.subheader(t("data.accounts"))
    st.caption(t("data.accounts_help"))
    labels = {NONE: t("data.unmapped"), **{s: stream_label(s) if s in STREAMS else t(f"data.account.{s}") for s in ACCOUNT_TARGETS}}
    for row in staged.accounts.itertuples():
        left, right = st.columns([1, 2])
        left.markdown(t("data.account_label", account=md(row.account), rows=number(row.rows)))
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
    c4.metric(t("data.kpi.total"), money(Decimal(staged.total_ore) / 100, 2), help=t("data.kpi.total_help"))
    if staged.cost_rows or view.file_layout != "ledger":
        c1, c2, c3, _ = st.columns(4)
        c1.metric(t("data.kpi.income_rows"), number(staged.income_rows))
        c2.metric(t("data.kpi.cost_rows"), number(staged.cost_rows))
        c3.metric(t("data.kpi.costs"), money(Decimal(-staged.cost_ore) / 100, 2))
    for reason, rows in sorted(staged.skipped.items()):
        st.caption(t(f"data.skipped.{reason}", rows=number(rows)))
    if staged.first_date:
        st.caption(t("data.period", start=date(staged.first_date), end=date(staged.last_date)))
    company, cvr = view.company
    if company:
        st.caption(t("data.company", name=md(company), cvr=md(cvr or "–")))
    balance = closing_balance(staged, view.saft)
    if balance:
        st.checkbox(t("data.set_cash", amount=money(Decimal(balance[1]) / 100, 2), date=date(balance[0])), key=_key("set_cash"),
                    help=t("data.set_cash_help"))
    if not staged.inferred.empty:
        st.subheader(t("data.inferred"))
        st.caption(t("data.inferred_help"))
        inferred = staged.inferred
        tables.show(pd.DataFrame({t("data.col.counterparty"): list(inferred["counterparty"]),
                                  t("data.col.municipality"): list(inferred["municipality"]),
                                  t("data.col.rows"): [number(n) for n in inferred["rows"]]}), key="data_inferred")
    if not staged.not_municipal.empty:
        st.caption(t("data.not_municipal", names=", ".join(md(c) for c in staged.not_municipal["counterparty"])))
    if not view.rows.empty:
        with st.expander(t("data.preview")):
            tables.show(_rows_shown(view.rows), key="data_preview_rows")
    if staged.error_count:
        errors(staged)


def decided_by(label: object) -> str:
    """What decided a line's stream, in words: 'the column', 'rule «fond»' …"""
    text = str(label or "")
    if text.startswith("rule:"):
        return t("data.by.rule", match=text[5:])
    return t(f"data.by.{text}") if text in ("column", "account", "option") else "–"


def counterparties(staged: Staged) -> None:
    """Per counterparty: rows, amount, the stream and what decided it; the stream can be changed (it becomes a rule)."""
    frame = staged.counterparties
    if frame.empty:
        return
    st.subheader(t("data.counterparties"))
    st.caption(t("data.counterparties_help"))
    labels = {s: stream_label(s) for s in STREAMS}
    by_label = {v: k for k, v in labels.items()}
    shown = pd.DataFrame({
        "counterparty": frame["counterparty"], "payer": frame["payer"], "rows": [number(n) for n in frame["rows"]],
        "amount": [money(Decimal(int(o)) / 100, 2) for o in frame["amount_ore"]],
        "stream": [labels.get(s, "–") for s in frame["stream"]],
        "by": [decided_by(b) for b in frame["stream_by"]],
    })
    edited = st.data_editor(
        shown, key=_key("counterparties"), hide_index=True, width="stretch", num_rows="fixed", placeholder="",
        disabled=["counterparty", "payer", "rows", "amount", "by"],
        column_config={
            "counterparty": st.column_config.TextColumn(t("data.col.counterparty")),
            "payer": st.column_config.TextColumn(t("col.payer")),
            "rows": st.column_config.TextColumn(t("data.col.rows"), alignment="right"),
            "amount": st.column_config.TextColumn(t("col.amount_shown"), alignment="right"),
            "stream": st.column_config.SelectboxColumn(t("col.stream"), options=list(labels.values()), required=True),
            "by": st.column_config.TextColumn(t("data.col.by")),
        },
    )
    stated = {c for c, b in zip(frame["counterparty"], frame["stream_by"], strict=True) if b in ("column", "account")}
    edits = dict(st.session_state.get(_key("edits"), {}))
    for before, after in zip(shown.itertuples(), edited.itertuples(), strict=True):
        if after.stream != before.stream and after.stream in by_label and before.counterparty not in stated:
            edits[before.counterparty] = by_label[after.stream]
    if edits != st.session_state.get(_key("edits"), {}):
        st.session_state[_key("edits")] = edits
        st.rerun()
    if edits:
        st.caption(t("data.edits", count=number(len(edits))))
        if st.button(t("data.edits_reset"), key=_key("edits_reset")):
            st.session_state[_key("edits")] = {}
            st.rerun()


def _rows_shown(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("data.col.line"): [number(n) for n in rows["line"]],
        t("data.col.date"): [date(d) for d in rows["entry_date"]],
        t("col.amount_shown"): [money(Decimal(int(o)) / 100, 2) for o in rows["amount_ore"]],
        t("col.stream"): [stream_label(s) for s in rows["stream"]],
        t("data.col.counterparty"): rows["counterparty"],
        t("data.col.municipality"): [m if isinstance(m, str) else "" for m in rows["municipality"]],
        t("data.col.inferred"): [tables.mark(i) for i in rows["inferred"]],
        t("data.col.description"): rows["description"],
        t("data.col.reference"): rows["reference"],
    })


def errors(staged: Staged) -> None:
    st.subheader(t("data.errors"))
    st.error(t("data.errors_count", errors=number(staged.error_count), rows=number(staged.rejected_lines)))
    if len(staged.errors) < staged.error_count:
        st.caption(t("data.errors_shown", shown=number(len(staged.errors))))
    table = pd.DataFrame({
        t("data.col.line"): [int(n) for n in staged.errors["line"]], t("data.col.column"): list(staged.errors["column"]),
        t("data.col.value"): list(staged.errors["value"]),
        t("data.col.reason"): [t(f"data.reason.{c}") for c in staged.errors["code"]],
    })
    tables.show(table.assign(**{t("data.col.line"): [number(n) for n in table[t("data.col.line")]]}), key="data_errors")
    st.caption(t("data.errors_download"))
    download_table(table, t("data.file.errors"), key=_key("errors_download"), headers={c: c for c in table.columns})
    st.checkbox(t("data.skip_invalid"), key=_key("skip"))


def confirm(data: bytes, name: str, options: ImportOptions, view: Preview) -> None:
    """The import button (removing the demo in the same transaction), with a progress bar."""
    staged = view.staged
    demo = query(store.has_demo)
    if demo:
        st.info(t("data.demo_notice"))
    if view.earlier:
        st.info(t("data.already", id=view.earlier[-1][0]))
    if not staged.valid and not staged.skipped:
        st.warning(t("data.nothing_valid"))
        return
    blocked = (staged.error_count and not options.skip_invalid) or staged.sign_question
    label = t("data.confirm_demo" if demo else "data.confirm", rows=number(staged.valid))
    if not st.button(label, type="primary", disabled=bool(blocked) or not can_write(), key=_key("confirm")):
        return
    bar = st.progress(0.0, text=t("data.step.read"))
    try:
        result = write(import_file, data, name, options, set_cash=bool(_state("set_cash", False)),
                       progress=lambda fraction, step: bar.progress(min(fraction, 1.0), text=t(f"data.step.{step}")))
    except SeconomyError as exc:
        _error(exc)
        return
    _finished(result, name)


def _finished(result: ImportResult, name: str) -> None:
    outcome = result.outcome
    if outcome.rows_added == 0 and outcome.rows_present and not outcome.costs_added:
        text = t("data.nothing_new", file=md(name), present=number(outcome.rows_present))
    else:
        text = t("data.done", file=md(name), added=number(outcome.rows_added), present=number(outcome.rows_present),
                 rejected=number(outcome.rows_rejected))
    if outcome.costs_added or outcome.costs_present:
        text += "  \n" + t("data.done_costs", added=number(outcome.costs_added), present=number(outcome.costs_present))
    for reason, rows in sorted(result.preview.staged.skipped.items()):
        text += "  \n" + t(f"data.skipped.{reason}", rows=number(rows))
    if result.cash_set:
        text += "  \n" + t("data.cash_set")
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
    """Every import and reclassification, newest first; undo; the demo back after the only own import was undone."""
    history = query(import_history)
    if history.empty:
        st.info(t("data.no_history"))
        return
    shown = pd.DataFrame({
        t("data.h.id"): [f"#{i}" for i in history["id"]],
        t("data.h.time"): [datetime(m) for m in history["imported_at"]],
        t("data.h.file"): [t("data.h.reclassify") if k == "reclassify" else f"{f} ({t('data.h.demo')})" if d else f
                           for f, d, k in zip(history["file_name"], history["is_demo"], history["kind"], strict=True)],
        t("data.h.format"): [history_format(layout, described, kind) for layout, described, kind
                             in zip(history["layout"], history["format"], history["kind"], strict=True)],
        t("data.h.added"): [number(n) for n in history["rows_added"]],
        t("data.h.present"): [number(n) for n in history["rows_present"]],
        t("data.h.rejected"): [number(n) for n in history["rows_rejected"]],
        t("data.h.costs"): [number(0 if pd.isna(n) else n) for n in history["costs_added"]],
        t("data.h.undone"): ["" if pd.isna(m) else datetime(m) for m in history["undone_at"]],
    })
    tables.show(shown, key="data_history")
    if query(demo_restorable):
        st.info(t("data.demo_restorable"))
        if st.button(t("data.demo_restore"), key="data_demo_restore", icon=":material/restore:", disabled=not can_write()):
            write(demo.restore)
            st.session_state[FLASH] = (t("data.demo_restored"), None)
            st.rerun()
    undoable = history[history["undone_at"].isna() & ~history["is_demo"].astype(bool)]
    if undoable.empty:
        return
    labels = {int(r.id): t("data.undo_option", id=r.id, file=t("data.h.reclassify") if r.kind == "reclassify" else r.file_name,
                           added=number(r.rows_added), time=datetime(r.imported_at)) for r in undoable.itertuples()}
    picked = st.selectbox(t("data.undo_pick"), list(labels), format_func=labels.__getitem__, key="data_undo_pick")
    if st.button(t("data.undo"), key="data_undo", disabled=not can_write()):
        try:
            removed = write(undo, int(picked))
        except SeconomyError as exc:
            _error(exc)
            return
        st.session_state[FLASH] = (t("data.undone", id=picked, rows=number(removed)), None)
        st.rerun()


def _export(path: str, kind: str) -> bytes:
    """Built only when the user clicks (Streamlit calls it in its own thread, with its own cursor)."""
    with shared(path).cursor() as con:
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
