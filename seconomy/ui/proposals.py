"""What a first bank or SAF-T file offers the Agreements page: cost lines from the booked costs, the cash from the balance."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import streamlit as st

from seconomy import store
from seconomy.agreements import values, views
from seconomy.forecast.proposals import proposed_cost_lines
from seconomy.ui.auth import can_write
from seconomy.ui.data import query, write
from seconomy.ui.i18n import date, money, number, t
from seconomy.ui.safe import md

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
        "monthly": [number(a, 2) for a in proposals["monthly_amount"]],
        "total": [money(a, 2) for a in proposals["total"]],
    })
    edited = st.data_editor(shown, key="proposals_table", hide_index=True, width="stretch", disabled=["total"], placeholder="",
                            column_config={
                                "take": st.column_config.CheckboxColumn(t("proposals.take")),
                                "category": st.column_config.TextColumn(t("agreements.field.category"), required=True),
                                "monthly": st.column_config.TextColumn(t("proposals.monthly"), alignment="right",
                                                                       help=t("input.placeholder.amount")),
                                "total": st.column_config.TextColumn(t("proposals.total", months=number(first["months"])),
                                                                     alignment="right"),
                            })
    chosen = edited[edited["take"].astype(bool)]
    amounts = [_amount(a) for a in chosen["monthly"]]
    unreadable = [str(a) for a, ok in zip(chosen["monthly"], amounts, strict=True) if ok is None]
    if unreadable:
        st.error(t("input.err.amount") + " (" + ", ".join(md(a) for a in unreadable) + ")")
    if st.button(t("proposals.accept", count=number(len(chosen))), key="proposals_accept", type="primary",
                 disabled=chosen.empty or bool(unreadable) or not can_write()):
        rows = [{"category": str(r.category).strip() or t("proposals.uncategorised"), "kind": "fixed",
                 "monthly_amount": amount, "note": t("proposals.note")}
                for r, amount in zip(chosen.itertuples(), amounts, strict=True)]
        count = write(_accept, rows)
        st.session_state[FLASH] = t("proposals.accepted", count=number(count))
        st.rerun()


def _amount(text: object) -> Decimal | None:
    """A monthly amount typed in the table (either language's form); None when it cannot be read or is negative."""
    try:
        amount = values.money(text)
    except ValueError:
        return None
    return amount if amount is not None and amount >= 0 else None


def file_balance(current: views.Cash) -> None:
    """The newest balance from an imported file, with one click to make it the cash (with its date)."""
    balance = query(views.latest_file_balance)
    if balance is None or (balance.amount == current.opening_cash and balance.day == current.cash_date):
        return
    st.info(t("proposals.balance", amount=money(balance.amount, 2), day=date(balance.day), file=md(balance.file_name)))
    if st.button(t("proposals.use_balance"), key="proposals_use_balance", disabled=not can_write()):
        write(store.set_cash, int(balance.amount * 100), balance.day)
        st.session_state[FLASH] = t("proposals.balance_used")
        st.rerun()
