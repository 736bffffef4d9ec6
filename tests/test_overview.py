"""Overview figures on a small hand-computed ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd

from seconomy import store
from seconomy.overview import overview
from seconomy.window import Window, default_window


def _add(con, rows):
    frame = pd.DataFrame(rows, columns=["entry_date", "amount_ore", "stream", "counterparty", "municipality_code"])
    frame.insert(0, "line", range(2, len(frame) + 2))
    frame["description"] = None
    frame["reference"] = [f"r{i}" for i in range(len(frame))]
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    store.add_entries(con, frame, file_name="t.csv")


def test_overview_on_hand_computed_ledger(con):
    _add(con, [
        (dt.date(2025, 3, 1), 999900, "product_sale", "Old", None),             # outside the window
        (dt.date(2025, 11, 1), 600000, "municipal_contract", "Kbh SOF", 101),   # 6.000 kr.
        (dt.date(2026, 2, 1), 200000, "wage_subsidy", "Jobcenter Kbh", 101),     # 2.000 kr. -> København 8.000
        (dt.date(2026, 10, 31), 200000, "product_sale", "Café", None),          # 2.000 kr.
    ])
    store.add_cost(con, {"category": "rent", "kind": "fixed", "monthly_amount": 1000})
    store.add_cost(con, {"category": "goods", "kind": "variable", "stream": "product_sale", "share_of_income": "0.30"})
    store.set_setting(con, "opening_cash", "2500")
    window = default_window(con)
    assert window == Window(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    figures = overview(con, window)
    assert figures.total == Decimal("10000.00")
    assert figures.largest_payer == "København"
    assert figures.largest_payer_share == 0.8  # 8.000 / 10.000
    assert figures.payer_count == 2
    # costs per month: 1.000 fixed + 30 % of (2.000 product sales / 12 months) = 1.050
    assert figures.monthly_costs == Decimal("1050.00")
    assert abs(figures.months_of_cash - 2500 / 1050) < 1e-9
    shares = dict(zip(figures.by_stream["stream"], figures.by_stream["share"], strict=True))
    assert shares == {"municipal_contract": 0.6, "wage_subsidy": 0.2, "product_sale": 0.2}
    # no costs were booked: the cost lines over the 12 months — 12 × 1.000 rent + 30 % of October's 2.000 sales
    assert figures.actual_costs is None and figures.planned_costs == Decimal("12600.00")
    assert figures.costs == Decimal("12600.00") and figures.result == Decimal("-2600.00")


def test_booked_costs_win_over_the_cost_lines(con):
    _add(con, [(dt.date(2026, 10, 31), 200000, "product_sale", "Café", None)])
    store.add_cost(con, {"category": "rent", "kind": "fixed", "monthly_amount": 1000})
    con.execute("INSERT INTO actual_costs (entry_date, amount, counterparty, import_id, occurrence) "
                "SELECT DATE '2026-10-15', 1500, 'Udlejer', max(id), 1 FROM imports")
    figures = overview(con, default_window(con))
    assert figures.actual_costs == Decimal("1500.00") and figures.planned_costs is None
    assert figures.result == Decimal("500.00")  # 2.000 − 1.500


def test_treemap_leaves_keep_the_top_payers_of_each_stream_and_fold_the_rest(con):
    from seconomy.charts import treemap
    from seconomy.overview import income_by_stream_and_payer

    day = dt.date(2026, 1, 15)
    # product_sale: Kunde 01 … Kunde 05 pay 100, 200, 300, 400, 500 kr.; a credit note makes Kunde 06 net negative
    rows = [(day, 10000 * i, "product_sale", f"Kunde {i:02d}", None) for i in range(1, 6)]
    rows += [(day, 5000, "product_sale", "Kunde 06", None), (day, -8000, "product_sale", "Kunde 06", None)]
    rows += [(day, 70000, "foundation_grant", "Velux Fonden", None)]
    _add(con, rows)
    leaves = income_by_stream_and_payer(con, Window(dt.date(2026, 1, 1), dt.date(2026, 1, 31)), top=3)
    grants = leaves[leaves["stream"] == "foundation_grant"]
    sales = leaves[leaves["stream"] == "product_sale"]
    assert grants[["payer", "amount", "others"]].values.tolist() == [["Velux Fonden", 700.0, 0]]
    assert sales["payer"].tolist()[:3] == ["Kunde 05", "Kunde 04", "Kunde 03"]  # the three largest, by amount
    assert sales["amount"].tolist() == [500.0, 400.0, 300.0, 300.0]  # others: Kunde 02 + Kunde 01 = 200 + 100
    assert pd.isna(sales["payer"].iloc[3]) and sales["others"].tolist() == [0, 0, 0, 2]  # Kunde 06 (net −30) is left out
    assert sales["amount"].sum() == 1500.0  # the stream total is exact: 100 + 200 + 300 + 400 + 500
    from seconomy.text.words import words

    figure = treemap(leaves, words("da"))
    assert len(figure.data[0].ids) == 2 + 1 + 4  # two streams, one grant leaf, 3 payers + the others leaf
    assert "Øvrige (2 betalere)" in figure.data[0].labels and len(set(figure.data[0].ids)) == len(figure.data[0].ids)
