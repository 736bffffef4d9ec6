"""Rolling 12-month concentration and the stream mosaic per quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from seconomy.risk import BY_OPTIONS, concentration, rolling, stream_mosaic
from seconomy.window import default_window, trailing_window
from tests.risk.conftest import add_ledger

END = dt.date(2026, 12, 31)


def test_rolling_on_the_fixture(fixture_db):
    trend = rolling(fixture_db, END)
    # data from 2025-12 (Gammel Kunde) to 2026-12: full 12-month windows end in 2026-11 and 2026-12
    assert list(trend["month"]) == [dt.date(2026, 11, 1), dt.date(2026, 12, 1)]
    assert list(trend["window_start"]) == [dt.date(2025, 12, 1), dt.date(2026, 1, 1)]
    december = trend.iloc[1]
    assert (december["hhi"], december["top1_share"], december["level"]) == (3250.0, 0.5, "high")
    # 2025-12 .. 2026-11: Gammel Kunde 99 999, København 50 000, Gladsaxe 20 000, Café Sol 15 000, Fonden 10 000
    # (Rotary pays on 2026-12-31; Kunde X nets −500 and is left out): total 194 999
    november = trend.iloc[0]
    squares = 99_999**2 + 50_000**2 + 20_000**2 + 15_000**2 + 10_000**2
    assert november["total"] == 194_999.0
    assert november["hhi"] == pytest.approx(10_000 * squares / 194_999**2, rel=1e-12)
    assert november["top1_share"] == 99_999 / 194_999


def test_rolling_row_equals_the_window_figures_on_the_demo(demo_con):
    last = default_window(demo_con).end
    for by in BY_OPTIONS:
        trend = rolling(demo_con, last, by)
        for row in trend.iloc[[0, len(trend) // 2, -1]].itertuples():
            window = trailing_window(row.month)
            figures = concentration(demo_con, window, by)
            assert (row.window_start, row.hhi, row.top1_share, row.level) == (
                window.start, figures.hhi, figures.top1_share, figures.level), (by, row.month)


def test_rolling_needs_twelve_months(con):
    add_ledger(con, [(dt.date(2026, 3, 1), 100_000, "product_sale", "A", None),
                     (dt.date(2026, 9, 1), 100_000, "product_sale", "B", None)])
    assert rolling(con, dt.date(2026, 9, 30)).empty
    assert rolling(con, dt.date(2027, 2, 28)).iloc[-1]["hhi"] == 5000.0  # 2026-03 .. 2027-02: A and B, half each


def test_mosaic_per_quarter(fixture_db):
    mosaic = stream_mosaic(fixture_db, END)
    q1 = mosaic[mosaic["quarter"] == dt.date(2026, 1, 1)]
    # Q1 2026: municipal contracts 30 000 + 10 000, wage subsidy 5 000 -> 8/9 and 1/9; HHI 10 000 · 65/81
    assert list(zip(q1["stream"], q1["share"], strict=True)) == [("municipal_contract", 40000 / 45000),
                                                                 ("wage_subsidy", 5000 / 45000)]
    assert q1["hhi"].iloc[0] == pytest.approx(10_000 * 65 / 81, rel=1e-12)
    # Q3 2026: foundation grant 10 000 and product sales 2 000 − 2 500 = −500 -> product sales left out
    q3 = mosaic[mosaic["quarter"] == dt.date(2026, 7, 1)]
    assert list(q3["stream"]) == ["foundation_grant"] and q3["hhi"].iloc[0] == 10_000.0
    for _, quarter in mosaic.groupby("quarter"):
        assert float(quarter["share"].sum()) == pytest.approx(1.0, abs=1e-12)
    assert mosaic["quarter"].min() == dt.date(2025, 10, 1)


def test_mosaic_stops_at_the_window_end(fixture_db):
    assert stream_mosaic(fixture_db, dt.date(2026, 3, 31))["quarter"].max() == dt.date(2026, 1, 1)
    assert stream_mosaic(fixture_db, dt.date(2020, 1, 1)).empty
