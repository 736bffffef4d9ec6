"""Small helpers for the grant tests: candidates, exact brute force in fractions, and a fixture enterprise.

The fixture enterprise ("Café A"), whose figures the tests compute by hand:
  * entries 2026-04 … 2027-03: Café A (product sale) 1.000 kr. on the 15th of every month, so the last data
    date is 2027-03-15 and the forecast starts 2027-04; the run rate is 12.000 kr. a year, spread flat by the
    café's own month-of-year pattern → 1.000 kr. a month;
  * costs: rent 2.000 kr. a month (fixed, no dates), goods 10 % of product sales (variable).
So 2027 = 3 actual months (Jan–Mar, 3.000 kr.) + 9 forecast months (Apr–Dec, 9.000 kr.): income 12.000 kr.;
costs 24.000 kr. rent + 10 % × 12.000 kr. = 25.200 kr.; gap = 25.200 − 12.000 = 13.200 kr.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from seconomy import store
from seconomy.grants.amounts import Candidate

D = dt.date


def candidate(cid: int, year_ore: int, p: float, effort: object = None, won: bool = False, payer: str | None = None,
              stage: str = "submitted") -> Candidate:
    hours = None if effort is None else Decimal(str(effort))
    return Candidate(cid, payer or f"Fond {cid}", f"Projekt {cid}", "foundation", stage, Decimal(year_ore) / 100, year_ore,
                     p, hours, payer or f"Fond {cid}", won)


def exact_p(items: list[tuple[int, Fraction]], gap: int) -> Fraction:
    """P(Σ granted amounts ≥ gap) by listing every outcome (2ⁿ), in exact fractions."""
    if gap <= 0:
        return Fraction(1)
    total = Fraction(0)
    for outcome in itertools.product((0, 1), repeat=len(items)):
        chance = Fraction(1)
        for won, (_, p) in zip(outcome, items, strict=True):
            chance *= p if won else 1 - p
        if sum(a for won, (a, _) in zip(outcome, items, strict=True) if won) >= gap:
            total += chance
    return total


def staging(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["entry_date", "amount_ore", "stream", "counterparty", "municipality_code",
                                        "description", "reference"])
    frame.insert(0, "line", range(2, len(frame) + 2))
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return frame


def install_cafe(con) -> None:
    """The fixture enterprise of the module docstring."""
    rows = []
    for i in range(12):
        month = D(2026 + (3 + i) // 12, (3 + i) % 12 + 1, 15)
        rows.append((month, 100000, "product_sale", "Café A", None, "Salg", f"C{i}"))
    outcome = store.add_entries(con, staging(rows), file_name="cafe.csv")
    # exported after March was over: March is a complete month although its last entry is on the 15th
    con.execute("UPDATE imports SET imported_at = ? WHERE id = ?", [dt.datetime(2027, 4, 2, 9, 0), outcome.import_id])
    store.add_cost(con, dict(category="Husleje", kind="fixed", monthly_amount=2000))
    store.add_cost(con, dict(category="Varer", kind="variable", stream="product_sale", share_of_income=0.10))


def application(**values: object) -> dict[str, object]:
    """A valid application row (raw, as a form or a file would give it), with overrides."""
    row = {"funder": "Fond A", "funder_kind": "foundation", "project": "Projekt", "amount": "10.000",
           "start_date": D(2027, 1, 1), "end_date": D(2027, 12, 31), "schedule": "upfront", "stage": "submitted"}
    row.update(values)
    return row
