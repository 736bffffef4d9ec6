"""The demo enterprise: deterministic, plausible, and marked as demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas.testing as pdt

from seconomy import demo
from seconomy.settings import get_settings


def test_generate_is_deterministic():
    pdt.assert_frame_equal(demo.generate().entries, demo.generate().entries)


def test_generate_other_seed_differs():
    assert not demo.generate(1).entries["amount_ore"].equals(demo.generate(2).entries["amount_ore"])


def test_demo_spans_at_least_three_years_with_every_stream(demo_con):
    first, last = demo_con.execute("SELECT min(entry_date), max(entry_date) FROM entries").fetchall()[0]
    assert first == dt.date(2023, 1, 1) and last == dt.date(2026, 10, 31)
    streams = {s for (s,) in demo_con.execute("SELECT DISTINCT stream FROM entries").fetchall()}
    assert streams == {"product_sale", "municipal_contract", "wage_subsidy", "foundation_grant", "public_grant", "other"}


def test_demo_has_four_to_six_current_municipalities_and_one_contract_ending_mid_year(demo_con):
    current = demo_con.execute(
        "SELECT count(DISTINCT municipality_code) FROM entries WHERE stream = 'municipal_contract' "
        "AND entry_date >= DATE '2025-11-01'").fetchall()[0][0]
    assert 4 <= current <= 6
    ended = demo_con.execute(
        "SELECT max(entry_date) FROM entries WHERE municipality_code = 175").fetchall()[0][0]
    assert ended == dt.date(2025, 6, 30)


def test_demo_has_credit_notes_grants_and_a_pool(demo_con):
    assert demo_con.execute("SELECT count(*) FROM entries WHERE amount < 0").fetchall()[0][0] > 0
    grants = demo_con.execute(
        "SELECT count(DISTINCT counterparty) FROM entries WHERE stream = 'foundation_grant'").fetchall()[0][0]
    assert grants >= 3
    assert demo_con.execute("SELECT count(*) FROM entries WHERE stream = 'public_grant'").fetchall()[0][0] > 0


def test_demo_is_marked_and_has_costs_agreements_and_cash(demo_con):
    settings = get_settings(demo_con)
    assert settings["dataset"] == "demo"
    assert settings["opening_cash"] == Decimal(demo.OPENING_CASH)
    assert demo_con.execute("SELECT bool_and(is_demo) FROM imports").fetchall()[0][0]
    assert demo_con.execute("SELECT count(*) FROM agreements WHERE is_demo").fetchall()[0][0] >= 10
    assert demo_con.execute("SELECT count(*) FROM costs WHERE is_demo").fetchall()[0][0] >= 5


def test_demo_install_twice_replaces_rather_than_doubles(demo_con):
    before = demo_con.execute("SELECT count(*), sum(amount) FROM entries").fetchall()[0]
    demo.install(demo_con)
    assert demo_con.execute("SELECT count(*), sum(amount) FROM entries").fetchall()[0] == before
    assert demo_con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 1
