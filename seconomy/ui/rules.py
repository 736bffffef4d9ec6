"""The Rules tab of the Data page: the ordered classification rules, edited in a table, as a file, and applied again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from seconomy import store
from seconomy.agreements.model import Problem
from seconomy.errors import SeconomyError
from seconomy.ingest.reclassify import reclassify
from seconomy.ingest.rulefile import read_rules, rules_csv
from seconomy.ingest.rules import FIELDS, INFERRED, Rule, clean_rule, stored_rules, with_origin
from seconomy.streams import STREAMS
from seconomy.ui import errors
from seconomy.ui.agreements import problem_text
from seconomy.ui.auth import can_write
from seconomy.ui.data import query, write
from seconomy.ui.i18n import lang, money, number, stream_label, t
from seconomy.ui.safe import md
from seconomy.ui.safety import upload_too_large

FLASH = "rules_flash"


def _frame(rules: tuple[Rule, ...]) -> pd.DataFrame:
    return pd.DataFrame({
        "match": [r.match for r in rules], "field": [t(f"rules.field.{r.field}") for r in rules],
        "stream": [stream_label(r.stream) if r.stream else None for r in rules],
        "payer": [r.payer for r in rules], "municipality": [r.municipality for r in rules],
        "exclude": [bool(r.exclude) for r in rules], "origin": [t(f"rules.origin.{r.origin}") for r in rules],
    }).astype({"match": object, "field": object, "stream": object, "payer": object, "municipality": object})


def _problems(line: int, problems: list[Problem]) -> list[str]:
    return [t("rules.problem", line=line, column=t(f"rules.col.{p.column}"), reason=md(problem_text(p))) for p in problems]


def _rules_from(edited: pd.DataFrame) -> tuple[list[Rule], list[str]]:
    fields = {t(f"rules.field.{f}"): f for f in FIELDS}
    streams = {stream_label(s): s for s in STREAMS}
    rules, errors = [], []
    for line, row in enumerate(edited.to_dict("records"), 1):
        if all(pd.isna(v) or v in ("", False) for v in row.values() if not isinstance(v, bool)) and not row.get("exclude"):
            continue
        raw = {"match": row.get("match"), "field": fields.get(row.get("field"), row.get("field") or "any"),
               "stream": streams.get(row.get("stream"), row.get("stream")), "payer": row.get("payer"),
               "municipality": row.get("municipality"), "exclude": bool(row.get("exclude"))}
        raw = {k: None if isinstance(v, float) and pd.isna(v) else v for k, v in raw.items()}
        rule, problems = clean_rule(raw)
        if problems:
            errors += _problems(line, problems)
        else:
            rules.append(with_origin(rule))
    return rules, errors


def rules_tab() -> None:
    """The rule table: edit and save, download and upload as CSV, apply again to the stored entries."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)
    st.caption(t("rules.intro", inferred=INFERRED))
    rules = query(stored_rules)
    edited = st.data_editor(
        _frame(rules), key=f"rules_table_{st.session_state.get('rules_v', 0)}", num_rows="dynamic", width="stretch",
        hide_index=True, placeholder="",
        disabled=["origin"],
        column_config={
            "match": st.column_config.TextColumn(t("rules.col.match"), required=True, help=t("rules.col.match_help")),
            "field": st.column_config.SelectboxColumn(t("rules.col.field"), options=[t(f"rules.field.{f}") for f in FIELDS]),
            "stream": st.column_config.SelectboxColumn(t("rules.col.stream"), options=[stream_label(s) for s in STREAMS]),
            "payer": st.column_config.TextColumn(t("rules.col.payer")),
            "municipality": st.column_config.TextColumn(t("rules.col.municipality"), help=t("rules.col.municipality_help")),
            "exclude": st.column_config.CheckboxColumn(t("rules.col.exclude")),
            "origin": st.column_config.TextColumn(t("rules.col.origin")),
        },
    )
    if st.button(t("rules.save"), key="rules_save", type="primary", disabled=not can_write()):
        new, errors = _rules_from(edited)
        if errors:
            st.error(t("rules.invalid") + "\n\n" + "\n".join(f"- {e}" for e in errors))
        else:
            write(store.replace_rules, new)
            _saved(len(new))
    files(rules)
    st.divider()
    apply_again()


def files(rules: tuple[Rule, ...]) -> None:
    left, right = st.columns(2)
    name = "regler.csv" if lang() == "da" else "rules.csv"
    left.download_button(t("rules.download"), rules_csv(list(rules)), file_name=name, mime="text/csv", key="rules_download",
                         on_click="ignore")
    upload = right.file_uploader(t("rules.upload"), key=f"rules_upload_{st.session_state.get('rules_nonce', 0)}")
    if upload is not None and not upload_too_large(upload):  # refused before the file is read
        try:
            new = read_rules(upload.getvalue(), upload.name)
        except SeconomyError as exc:
            errors.show(exc)
            return
        if st.button(t("rules.replace", count=number(len(new))), key="rules_replace", disabled=not can_write()):
            write(store.replace_rules, new)
            st.session_state["rules_nonce"] = st.session_state.get("rules_nonce", 0) + 1
            _saved(len(new))


def _saved(count: int) -> None:
    """A fresh table over the stored rules (the editor's own edits are spent), and the message once."""
    st.session_state["rules_v"] = st.session_state.get("rules_v", 0) + 1
    st.session_state[FLASH] = t("rules.saved", count=number(count))
    st.rerun()


def apply_again() -> None:
    """On request: what re-applying the rules would change, then the button that does it (one undoable step)."""
    st.subheader(t("rules.reclassify"))
    st.caption(t("rules.reclassify_help"))
    if st.button(t("rules.reclassify_check"), key="rules_check", icon=":material/rule:"):
        st.session_state["rules_checked"] = True
    if not st.session_state.get("rules_checked"):
        return
    try:
        dry = query(reclassify, dry_run=True)
    except SeconomyError as exc:
        st.info(errors.message(exc))
        return
    if not dry.changed and not dry.excluded:
        st.success(t("rules.reclassify_nothing", checked=number(dry.checked)))
        return
    st.warning(t("rules.reclassify_would", changed=number(dry.changed), excluded=number(dry.excluded)))
    moves = dry.by_stream
    st.dataframe(pd.DataFrame({
        t("rules.from"): [stream_label(s) if isinstance(s, str) else "–" for s in moves["old_stream"]],
        t("rules.to"): [stream_label(s) if isinstance(s, str) else t("rules.excluded") for s in moves["new_stream"]],
        t("data.col.rows"): [number(n) for n in moves["entries"]],
        t("col.amount"): [money(a, 2) for a in moves["amount"]],
    }), hide_index=True, width="stretch")
    if st.button(t("rules.reclassify_run"), key="rules_reclassify", type="primary", disabled=not can_write()):
        done = write(reclassify)
        st.session_state["rules_checked"] = False
        st.session_state[FLASH] = t("rules.reclassified", changed=number(done.changed), excluded=number(done.excluded),
                                    id=done.import_id)
        st.rerun()
