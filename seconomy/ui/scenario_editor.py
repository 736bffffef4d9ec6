"""The scenario editor of the Scenarios page: saved-scenario picker, name and horizon, shock and
cost tables, ready-made shocks, save/copy/delete.

State: ``scn.base`` holds the spec the widgets start from and ``scn.v`` a version in every widget
key. Loading a scenario, adding a ready-made shock or switching language sets a new base and bumps
the version, so Streamlit builds fresh widgets instead of replaying old edits on new data. The
spec the user sees is read back from the widgets on every run (``current_spec``).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd
import streamlit as st

from seconomy.errors import ScenarioError
from seconomy.forecast.baseline import MAX_DELAY, MAX_MONTHS
from seconomy.forecast.months import month_text, parse_month
from seconomy.scenarios import templates
from seconomy.scenarios.spec import Simulation
from seconomy.scenarios.targets import Targets
from seconomy.store import scenarios as saved
from seconomy.streams import STREAMS
from seconomy.text.format import month_names
from seconomy.ui import errors
from seconomy.ui.auth import can_write
from seconomy.ui.data import query, read, write
from seconomy.ui.i18n import lang, month, stream_label, t

NEW = "__new__"


def _state():
    return st.session_state


def _reset(base: dict, loaded: int | None = None) -> None:
    _state()["scn.base"] = base
    _state()["scn.loaded"] = loaded
    _state()["scn.v"] = _state().get("scn.v", 0) + 1


def init(targets: Targets) -> None:
    """A new, empty scenario the first time; a fresh editor when the language changed."""
    if "scn.base" not in _state():
        _reset({"name": t("scn.name.default"), "start": month_text(targets.first_month), "months": 12, "shocks": []})
    if _state().get("scn.lang") not in (None, lang()) and "scn.current" in _state():
        _reset(_state()["scn.current"], _state().get("scn.loaded"))
    _state()["scn.lang"] = lang()


def key(name: str) -> str:
    """A widget key tied to the current base (and the language for the tables)."""
    return f"scn.{name}.{_state()['scn.v']}.{lang()}"


def header_inputs(targets: Targets, base: dict) -> dict:
    """Name, first month and number of months."""
    c1, c2, c3 = st.columns([3, 1, 1])
    name = c1.text_input(t("scn.name"), value=base.get("name") or t("scn.name.default"), key=key("name"))
    months = [month_text(m) for m in targets.months[:MAX_DELAY + 1]]
    start = base.get("start") or months[0]
    if start not in months:
        months.insert(0, start)
    start = c2.selectbox(t("scn.start"), months, index=months.index(start), key=key("start"),
                         format_func=_month_labels(months).get)
    count = c3.number_input(t("scn.months"), 1, MAX_MONTHS, int(base.get("months", 12)), key=key("months"))
    return {"name": name, "start": start, "months": int(count)}


# --- targets: what a shock row can hit, as labels in the table ---------------------------------------------

def target_options(targets: Targets, base: dict) -> dict[str, dict]:
    """Label → spec fields, for the 'what is hit' column (plus any target a loaded scenario names)."""
    options: dict[str, dict] = {t("scn.target.all_municipalities"): {"municipality": "*"}}
    municipal = set(targets.municipalities)
    for name in targets.municipalities:
        options[t("scn.target.municipality", name=name)] = {"municipality": name}
    for name in targets.payers:
        if name not in municipal:
            options[t("scn.target.payer", name=name)] = {"payer": name}
    for stream in STREAMS:
        options[t("scn.target.stream", name=stream_label(stream))] = {"stream": stream}
    for agreement_id, counterparty, role in targets.agreements:
        label = "scn.target.pending" if role == "pending" else "scn.target.agreement"
        options[t(label, id=agreement_id, name=counterparty)] = {"agreement": agreement_id}
    for shock in base.get("shocks", []):
        fields = _target_fields(shock)
        if fields and fields not in options.values():
            name = " · ".join(str(v) for k, v in fields.items() if k != "new")
            options[t("scn.target.new", name=name) if fields.get("new") else name] = fields
    return options


def _target_fields(shock: dict) -> dict:
    """The part of a shock the 'what is hit' column shows (the stream goes in its own column if combined)."""
    for name in ("municipality", "payer", "counterparty", "agreement"):
        if shock.get(name) is not None:
            return {name: shock[name], "new": True} if shock.get("new") else {name: shock[name]}
    return {"stream": shock["stream"]} if shock.get("stream") else {}


def _month_labels(months: list[str]) -> dict[str, str]:
    """'2026-11' → 'nov. 2026' for a month picker (fixed now: format_func may run outside the script)."""
    return {m: _month_label(m) for m in months}


def _month_label(spec: object) -> object:
    """A spec month ('2026-11') as the page's language writes it; anything else unchanged (None stays None)."""
    try:
        return month(parse_month(spec)) if isinstance(spec, str) and spec else spec
    except ValueError:
        return spec


def _month_spec(shown: str) -> str:
    """A month label from the table ('nov. 2026') back to the spec form ('2026-11'); a spec month stays as it is."""
    for language in ("da", "en"):
        for number, name in enumerate(month_names(language), 1):
            if shown.startswith(name + " "):
                return f"{int(shown[len(name) + 1:]):04d}-{number:02d}"
    return shown


def _stream_labels() -> dict[str, str]:
    return {stream_label(s): s for s in STREAMS}


def _shock_rows(base: dict, options: dict[str, dict]) -> pd.DataFrame:
    by_fields = {json.dumps(v, sort_keys=True): k for k, v in options.items()}
    rows = []
    for shock in base.get("shocks", []):
        fields = _target_fields(shock)
        only = shock.get("stream") if "stream" not in fields else None
        rows.append({
            "target": by_fields.get(json.dumps(fields, sort_keys=True)),
            "stream": stream_label(only) if only else None,
            "change": None if shock.get("change") is None else round(shock["change"] * 100, 6),
            "amount": shock.get("amount"),
            "from": _month_label(shock.get("from")), "to": _month_label(shock.get("to")),
        })
    return pd.DataFrame(rows, columns=["target", "stream", "change", "amount", "from", "to"]).astype(
        {"target": "object", "stream": "object", "change": "float64", "amount": "float64", "from": "object", "to": "object"})


def _rows_to_shocks(frame: pd.DataFrame, options: dict[str, dict]) -> list[dict]:
    streams = _stream_labels()
    shocks = []
    for row in frame.to_dict("records"):
        if all(pd.isna(v) or v in ("", None) for v in row.values()):
            continue
        shock = dict(options.get(row.get("target"), {}))
        if isinstance(row.get("stream"), str) and row["stream"] in streams:
            shock["stream"] = streams[row["stream"]]
        if pd.notna(row.get("change")):
            shock["change"] = float(row["change"]) / 100
        if pd.notna(row.get("amount")):
            shock["amount"] = float(row["amount"])
        for name in ("from", "to"):
            if isinstance(row.get(name), str) and row[name]:
                shock[name] = _month_spec(row[name])
        shocks.append(shock)
    return shocks


def shock_table(targets: Targets, base: dict) -> list[dict]:
    """The editable table of income shocks; returns them as spec dicts."""
    options = target_options(targets, base)
    months = [_month_label(month_text(m)) for m in targets.months]
    edited = st.data_editor(
        _shock_rows(base, options), key=key("shocks"), num_rows="dynamic", width="stretch", hide_index=True, placeholder="",
        column_config={
            "target": st.column_config.SelectboxColumn(t("scn.col.target"), options=list(options), width="medium"),
            "stream": st.column_config.SelectboxColumn(t("scn.col.stream"), options=list(_stream_labels())),
            "change": st.column_config.NumberColumn(t("scn.col.change"), min_value=-100.0, max_value=1000.0, step=1.0, format="%.1f"),
            "amount": st.column_config.NumberColumn(t("scn.col.amount"), step=1000.0, format="%.0f"),
            "from": st.column_config.SelectboxColumn(t("scn.col.from"), options=months),
            "to": st.column_config.SelectboxColumn(t("scn.col.to"), options=months),
        },
    )
    return _rows_to_shocks(edited, options)


def cost_table(targets: Targets, base: dict) -> list[dict]:
    """The editable table of cost changes; returns them as spec dicts."""
    everything = t("scn.costs.all")
    categories = [everything, *targets.cost_categories]
    rows = [{"category": c.get("category") or (c.get("label") if c.get("amount") is not None else None) or everything,
             "change": None if c.get("change") is None else c["change"] * 100, "amount": c.get("amount"),
             "from": _month_label(c.get("from")), "to": _month_label(c.get("to"))} for c in base.get("costs", [])]
    frame = pd.DataFrame(rows, columns=["category", "change", "amount", "from", "to"]).astype(
        {"category": "object", "change": "float64", "amount": "float64", "from": "object", "to": "object"})
    months = [_month_label(month_text(m)) for m in targets.months]
    edited = st.data_editor(
        frame, key=key("costs"), num_rows="dynamic", width="stretch", hide_index=True, placeholder="",
        column_config={
            "category": st.column_config.SelectboxColumn(t("scn.col.category"), options=categories, width="large"),
            "change": st.column_config.NumberColumn(t("scn.col.change"), min_value=-100.0, max_value=1000.0, step=1.0, format="%.1f"),
            "amount": st.column_config.NumberColumn(t("scn.col.amount"), step=1000.0, format="%.0f"),
            "from": st.column_config.SelectboxColumn(t("scn.col.from"), options=months),
            "to": st.column_config.SelectboxColumn(t("scn.col.to"), options=months),
        },
    )
    costs = []
    for row in edited.to_dict("records"):
        if pd.isna(row.get("change")) and pd.isna(row.get("amount")):
            continue
        cost: dict = {}
        if isinstance(row.get("category"), str) and row["category"] != everything:
            cost["category" if row["category"] in targets.cost_categories else "label"] = row["category"]
        if pd.notna(row.get("change")):
            cost["change"] = float(row["change"]) / 100
        if pd.notna(row.get("amount")):
            cost["amount"] = float(row["amount"])
        for name in ("from", "to"):
            if isinstance(row.get(name), str) and row[name]:
                cost[name] = _month_spec(row[name])
        costs.append(cost)
    return costs


# --- ready-made shocks ------------------------------------------------------------------------------------

def ready_made(targets: Targets, months: list) -> Callable[[], dict | None] | None:
    """Pick a common shock and fill in its blanks; returns its maker when 'add' was clicked."""
    names = {k: t(f"scn.tpl.{k}") for k in templates.TEMPLATES}  # a dict, not a lambda: labels fixed at render time
    kind = st.selectbox(t("scn.tpl.pick"), templates.TEMPLATES, format_func=names.get, key="scn.tpl.kind")
    labels = {month_text(m): m for m in months}
    month_key, share_key, who_key = "scn.tpl.month", "scn.tpl.share", f"scn.tpl.who.{kind}"
    cols = st.columns(3)
    if kind in ("municipality_stops", "mid_year_cut"):
        cols[0].selectbox(t("scn.tpl.municipality"), targets.municipalities, key=who_key)
    elif kind == "grant_not_renewed":
        cols[0].selectbox(t("scn.tpl.grant"), [p for p, _ in targets.grants], key=who_key)
    elif kind == "application_granted":
        pending = {a: f"{a}: {c}" for a, c, r in targets.agreements if r == "pending"}
        cols[0].selectbox(t("scn.tpl.application"), list(pending), format_func=pending.get, key=who_key)
    elif kind == "largest_customer_lost" and targets.largest_payer:
        cols[0].markdown(t("scn.tpl.largest", name=targets.largest_payer))
    elif kind == "new_income":
        cols[0].text_input(t("scn.tpl.new_name"), key=who_key, placeholder=t("scn.tpl.new_placeholder"))
        stream_names = {s: stream_label(s) for s in STREAMS}  # fixed at render time (see `names` above)
        cols[1].selectbox(t("col.stream"), STREAMS, format_func=stream_names.get, key="scn.tpl.new_stream")
        cols[1].number_input(t("scn.tpl.new_amount"), min_value=0.0, value=10000.0, step=1000.0, key="scn.tpl.new_amount")
    if kind in ("mid_year_cut", "sales_cut"):
        cols[1].number_input(t("scn.tpl.share"), min_value=1, max_value=100, value=30, step=5, key=share_key)
    if kind != "application_granted":
        summer = next((m for m in labels if m.endswith("-08")), next(iter(labels)))
        default = summer if kind == "mid_year_cut" else next(iter(labels))
        cols[2].selectbox(t("scn.tpl.month"), list(labels), index=list(labels).index(default), key=f"{month_key}.{kind}",
                          format_func=_month_labels(list(labels)).get)

    def make() -> dict | None:
        who = _state().get(who_key)
        month = parse_month(_state().get(f"{month_key}.{kind}") or month_text(months[0]))
        share = (_state().get(share_key) or 30) / 100
        grant_stream = dict(targets.grants).get(who, "foundation_grant")
        build = {
            "municipality_stops": lambda: who and templates.municipality_stops(who, month),
            "mid_year_cut": lambda: who and templates.mid_year_cut(who, share, month),
            "grant_not_renewed": lambda: who and templates.grant_not_renewed(who, grant_stream, month),
            "largest_customer_lost": lambda: targets.largest_payer and templates.largest_customer_lost(targets.largest_payer, month),
            "sales_cut": lambda: templates.sales_cut(share, month),
            "application_granted": lambda: who is not None and templates.application_granted(who),
            "new_income": lambda: bool(str(who or "").strip()) and templates.new_income(
                str(who), _state().get("scn.tpl.new_stream") or "product_sale",
                float(_state().get("scn.tpl.new_amount") or 0), month),
        }[kind]
        return build() or None

    return make if st.button(t("scn.tpl.add"), key="scn.tpl.add", icon=":material/add:") else None


# --- saved scenarios ----------------------------------------------------------------------------------------

def _load(choice_key: str) -> None:
    choice = _state().get(choice_key)
    if choice == NEW:
        _reset({"name": t("scn.name.default"), "months": 12, "shocks": []})
        return
    found = read(saved.load_scenario, int(choice))
    if found:
        _reset(json.loads(found[2]), found[0])


def picker(saved_list: pd.DataFrame) -> None:
    """The saved-scenario selectbox (choosing one loads it into the editor)."""
    names = {NEW: t("scn.saved.new"), **{str(r.id): r.name for r in saved_list.itertuples()}}
    loaded = _state().get("scn.loaded")
    index = list(names).index(str(loaded)) if loaded is not None and str(loaded) in names else 0
    st.selectbox(t("scn.saved.pick"), list(names), index=index, format_func=names.get, key=f"scn.pick.{_state()['scn.v']}",
                 on_change=_load, args=(f"scn.pick.{_state()['scn.v']}",))


def _flash(kind: str, text: str) -> None:
    _state()["scn.flash"] = (kind, text)


def _free(name: str) -> str:
    """``name``, or "name (2)", "name (3)" … when it is taken."""
    taken = set(query(saved.list_scenarios)["name"])
    if name not in taken:
        return name
    candidate, n = f"{name} (2)", 3
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _save(current: dict, copy: bool) -> None:
    name = str(current.get("name") or "").strip() or t("scn.name.default")
    spec_json = json.dumps({**current, "name": name}, ensure_ascii=False)
    loaded = _state().get("scn.loaded")
    try:
        if loaded is None or copy:
            new_id = write(saved.create_scenario, _free(name), spec_json)
        else:
            write(saved.update_scenario, loaded, name, spec_json)
            new_id = loaded
    except ScenarioError as exc:  # a taken name
        _flash("error", errors.message(exc))
        return
    found = read(saved.load_scenario, new_id)
    _reset(json.loads(found[2]), new_id)
    _flash("success", t("scn.saved_ok", name=found[1]))


def _delete() -> None:
    loaded = _state().get("scn.loaded")
    if loaded is None:
        return
    found = read(saved.load_scenario, loaded)
    write(saved.delete_scenario, loaded)
    _reset({"name": t("scn.name.default"), "months": 12, "shocks": []})
    _flash("success", t("scn.deleted_ok", name=found[1] if found else loaded))


def save_buttons() -> str | None:
    """Save (create or update), save as a copy, delete; returns the action clicked. Shows the last message."""
    cols = st.columns([1, 1.5, 1, 2.5])
    action = None
    if cols[0].button(t("scn.save"), key="scn.do.save", type="primary", icon=":material/save:", disabled=not can_write()):
        action = "save"
    if cols[1].button(t("scn.save_copy"), key="scn.do.copy", icon=":material/content_copy:", disabled=not can_write()):
        action = "copy"
    if cols[2].button(t("scn.delete"), key="scn.do.delete", disabled=_state().get("scn.loaded") is None or not can_write(),
                      icon=":material/delete:"):
        action = "delete"
    flash = _state().pop("scn.flash", None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])
    return action


def act(current: dict, action: str | None, make: Callable[[], dict | None] | None) -> None:
    """Carry out a clicked action on the spec as it stands now, then rerun with a fresh editor."""
    _state()["scn.current"] = current
    if make is not None:
        shock = make()
        if shock is not None:
            _reset({**current, "shocks": [*current.get("shocks", []), shock]}, _state().get("scn.loaded"))
            st.rerun()
    if action in ("save", "copy"):
        _save(current, copy=action == "copy")
        st.rerun()
    if action == "delete":
        _delete()
        st.rerun()


# --- the simulation's assumptions (part of the spec, saved with it) -----------------------------------------

def simulation_inputs(base: dict, calibrated: dict[str, float]) -> dict:
    """Cut probability, cut size, cut month and volatility per stream; returns the spec's 'simulation'.

    The volatility fields start at what the simulation would use — the scenario's own value, else the one measured
    on the history (``calibrated``) — and only a value the user changed (or the scenario had) is written into the
    spec, so a saved scenario keeps following the history as it grows.
    """
    sim = base.get("simulation") or {}
    default = Simulation()
    cut_p = sim.get("cut_probability", default.cut_probability)
    p_any = cut_p.get("*", 0.0) if isinstance(cut_p, dict) else float(cut_p)
    c1, c2, c3 = st.columns(3)
    p = c1.slider(t("scn.mc.cut_p"), 0, 100, int(round(p_any * 100)), step=5, key=key("mc.cut_p"), format="%d %%")
    low, high = sim.get("cut_size", list(default.cut_size))
    size = c2.slider(t("scn.mc.cut_size"), 0, 100, (int(round(low * 100)), int(round(high * 100))), step=5,
                     key=key("mc.cut_size"), format="%d %%")
    month = c3.selectbox(t("scn.mc.cut_month"), list(range(1, 13)), index=int(sim.get("cut_month", default.cut_month)) - 1,
                         key=key("mc.cut_month"))
    own = dict(sim.get("volatility") or {})
    volatility = {}
    with st.expander(t("scn.mc.vol")):
        st.caption(t("scn.mc.vol_help"))
        cols = st.columns(3)
        for i, stream in enumerate(STREAMS):
            shown = round(float(own.get(stream, calibrated.get(stream, 0.0))) * 100, 4)
            value = cols[i % 3].number_input(stream_label(stream), 0.0, 200.0, shown, step=1.0,
                                             key=key(f"mc.vol.{stream}")) / 100
            if stream in own or abs(value * 100 - shown) > 1e-9:
                volatility[stream] = value
    probabilities = {k: v for k, v in cut_p.items() if k != "*"} if isinstance(cut_p, dict) else {}
    kept = {name: sim[name] for name in ("persistence", "correlation") if sim.get(name) is not None}
    return {"cut_probability": {**probabilities, "*": p / 100}, "cut_size": [size[0] / 100, size[1] / 100],
            "cut_month": int(month), "volatility": volatility, **kept}
