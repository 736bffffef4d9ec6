"""A tiny enterprise whose forecast can be computed by hand (the arithmetic is in the tests).

Data 2024-01 … 2026-12, so the forecast starts 2027-01:
  * Café A (product sale): 1.000 kr. a month, 2.000 kr. in June–August → 15.000 kr. a year;
  * Gladsaxe (municipal contract, code 159) pays 5.000 kr. a month; its agreement says 6.000 kr. a month
    until 2027-06-30 (renewal probability 0.5), so the agreement, not the run rate, is forecast;
  * Gladsaxe also buys canteen food (product sale, code 159): 300 kr. a month, not covered by the agreement;
  * Fond X (other) gave 1.200 kr. once, in 2026-03 → run rate 100 kr. a month;
  * a pending application from Fond Y: 24.000 kr. paid quarterly in 2027.
Costs: rent 4.000 kr. a month; wage 1.000 kr. a month until 2027-03-31; goods 10 % of product sales.
Opening cash 10.000 kr. on 2026-12-31.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from seconomy import store
from seconomy.window import add_months, month_end

FIRST = dt.date(2024, 1, 1)
MONTHS = 36


def _rows() -> list[tuple]:
    rows = []
    for i in range(MONTHS):
        month = add_months(FIRST, i)
        end = month_end(month)
        cafe = 2000 if month.month in (6, 7, 8) else 1000
        rows.append((month.replace(day=10), cafe * 100, "product_sale", "Café A", None, "Salg", f"C{i}"))
        rows.append((end, 500000, "municipal_contract", "Gladsaxe Kommune", 159, "Forløb", f"G{i}"))
        rows.append((end, 30000, "product_sale", "Gladsaxe Kommune, Kantinen", 159, "Mad", f"K{i}"))
    rows.append((dt.date(2026, 3, 15), 120000, "other", "Fond X", None, "Gave", "X1"))
    return rows


def staging(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["entry_date", "amount_ore", "stream", "counterparty", "municipality_code",
                                        "description", "reference"])
    frame.insert(0, "line", range(2, len(frame) + 2))
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return frame


def install_tiny(con) -> None:
    store.add_entries(con, staging(_rows()), file_name="tiny.csv")
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Gladsaxe Kommune", municipality_code=159,
                                  monthly_amount=6000, start_date=dt.date(2024, 1, 1), end_date=dt.date(2027, 6, 30),
                                  renewal_probability=0.5, status="active"))
    store.add_agreement(con, dict(stream="foundation_grant", counterparty="Fond Y", total_amount=24000, schedule="quarterly",
                                  start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 12, 31), status="pending",
                                  renewal_probability=0.5))
    store.add_cost(con, dict(category="Husleje", kind="fixed", monthly_amount=4000, start_date=dt.date(2024, 1, 1)))
    store.add_cost(con, dict(category="Løn", kind="wage", monthly_amount=1000, end_date=dt.date(2027, 3, 31)))
    store.add_cost(con, dict(category="Varer", kind="variable", stream="product_sale", share_of_income=0.10))
    store.set_setting(con, "opening_cash", "10000")
    store.set_setting(con, "cash_date", "2026-12-31")
