"""A demo database where people typed markup: the largest payer, an agreement, a scenario, a funder, a contact.

Used by the AppTest of every page (tests/ui/test_text_is_text.py) and the browser test that no page fetches the
image a name points to (tests/e2e/test_text_is_text_browser.py).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd

from seconomy import store
from seconomy.agreements import edit as agreements
from seconomy.effect import edit as effect
from seconomy.grants import edit as grants

IMAGE_URL = "http://127.0.0.1:1/x.png"  # nothing listens there: a request to it is the leak
IMAGE = f"![b]({IMAGE_URL})"
HTML = "<img src=x onerror=alert(1)>"
LINK = "[klik](http://127.0.0.1:1/phish)"
RAW = ("![b](", "<img", "[klik](", "](http")  # none of these may reach markdown unescaped


def _entries(first: dt.date, months: int) -> pd.DataFrame:
    """The two hostile names as the largest payers, month after month (3 and 2 million kroner a year)."""
    rows = []
    for i in range(months):
        day = dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 5)
        rows.append((i * 2 + 2, day, 25_000_000, "product_sale", IMAGE, None, HTML, f"H{i}"))
        rows.append((i * 2 + 3, day, 17_000_000, "product_sale", HTML, None, LINK, f"K{i}"))
    return pd.DataFrame(rows, columns=["line", "entry_date", "amount_ore", "stream", "counterparty", "municipality_code",
                                       "description", "reference"])


def make(template: Path, path: Path) -> Path:
    """Copy the demo ``template`` to ``path`` and type markup into every kind of name it has."""
    shutil.copy(template, path)
    with store.session(path) as con:
        store.add_entries(con, _entries(dt.date(2025, 11, 1), 12), file_name=f"{HTML}.csv", fmt="demo", is_demo=True)
        store.update_settings(con, {"enterprise_name": IMAGE})
        saved = agreements.save_agreement(con, {
            "stream": "product_sale", "counterparty": IMAGE, "monthly_amount": "10.000", "start_date": dt.date(2026, 1, 1),
            "end_date": dt.date(2027, 3, 31), "notice_months": "3", "note": HTML})
        assert saved.ok, saved.problems
        saved = grants.save_application(con, {
            "funder": IMAGE, "funder_kind": "foundation", "project": HTML, "amount": "250.000", "start_date": dt.date(2027, 1, 1),
            "end_date": dt.date(2027, 12, 31), "schedule": "upfront", "stage": "submitted", "deadline": dt.date(2027, 2, 1)})
        assert saved.ok, saved.problems
        saved = effect.save_contact(con, {"municipality": 101, "name": IMAGE, "role": "middle_manager", "title": HTML,
                                          "next_meeting": dt.date(2027, 1, 10)})
        assert saved.ok, saved.problems
        store.create_scenario(con, IMAGE, json.dumps({"name": IMAGE, "start": "2026-11", "months": 12,
                                                      "shocks": [{"payer": IMAGE, "change": -0.5, "label": HTML}]}))
    return path
