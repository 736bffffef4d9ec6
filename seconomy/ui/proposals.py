"""What a first bank or SAF-T file offers the Agreements page: cost lines from the booked costs, the cash from the balance."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy import store
from seconomy.agreements import views
from seconomy.forecast.proposals import proposed_cost_lines
from seconomy.ui.auth import can_write
from seconomy.ui.data import query, write
from seconomy.ui.i18n import date, money, number, t

FLASH = "proposals_flash"


def _accept(con, rows: list[dict]) -> int:
    """Store the accepted proposals as fixed monthly cost lines, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for row in rows:
            store.add_cost(con, row)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(rows)


def cost_proposals(has_lines: bool) -> None:
    """Without cost lines: the booked costs per category as proposed monthly lines, to accept (or edit) in one click."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)
    if has_lines:
        return
    proposals = query(proposed_cost_lines)
    if proposals.empty:
        st.info(t("proposals.none"))
        return
    first = proposals.iloc[0]
    st.warning(t("proposals.intro", months=number(first["months"])))
    shown = pd.DataFrame({
        "take": [True] * len(proposals),
        "category": [c or t("proposals.uncategorised") for c in proposals["category"]],
        "monthly": [float(a) for a in proposals["monthly_amount"]],
        "total": [money(a, 2) for a in proposals["total"]],
    })
    edited = st.data_editor(shown, key="proposals_table", hide_index=True, width="stretch", disabled=["total"],
                            column_config={
                                "take": st.column_config.CheckboxColumn(t("proposals.take")),
                                "category": st.column_config.TextColumn(t("agreements.field.category"), required=True),
                                "monthly": st.column_config.NumberColumn(t("proposals.monthly"), min_value=0.0, step=100.0,
                                                                         format="%.2f"),
                                "total": st.column_config.TextColumn(t("proposals.total", months=number(first["months"]))),
                            })
    chosen = edited[edited["take"].astype(bool)]
    if st.button(t("proposals.accept", count=number(len(chosen))), key="proposals_accept", type="primary",
                 disabled=chosen.empty or not can_write()):
        rows = [{"category": str(r.category).strip() or t("proposals.uncategorised"), "kind": "fixed",
                 "monthly_amount": Decimal(str(round(float(r.monthly), 2))), "note": t("proposals.note")}
                for r in chosen.itertuples()]
        count = write(_accept, rows)
        st.session_state[FLASH] = t("proposals.accepted", count=number(count))
        st.rerun()


def file_balance(current: views.Cash) -> None:
    """The newest balance from an imported file, with one click to make it the cash (with its date)."""
    balance = query(views.latest_file_balance)
    if balance is None or (balance.amount == current.opening_cash and balance.day == current.cash_date):
        return
    st.info(t("proposals.balance", amount=money(balance.amount, 2), day=date(balance.day), file=balance.file_name))
    if st.button(t("proposals.use_balance"), key="proposals_use_balance", disabled=not can_write()):
        write(store.set_cash, int(balance.amount * 100), balance.day)
        st.session_state[FLASH] = t("proposals.balance_used")
        st.rerun()
