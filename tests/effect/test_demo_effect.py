"""The demo's placements, contacts and log: plausible, consistent with its contracts, deterministic."""

from __future__ import annotations

import datetime as dt

from seconomy.effect import demo as effect_demo
from seconomy.effect.budget import before_budget
from seconomy.effect.figures import effect_overview


def test_deterministic_and_within_the_contracts():
    rows = effect_demo.placements()
    assert rows == effect_demo.placements()
    assert {r["municipality_code"] for r in rows} == {101, 159, 147, 157, 175, 163, 151}
    rodovre = [r for r in rows if r["municipality_code"] == 175]
    assert max(r["end_date"] for r in rodovre) <= dt.date(2025, 6, 30)  # Rødovre's contract ended mid-2025
    assert min(r["start_date"] for r in rows if r["municipality_code"] == 163) >= dt.date(2025, 9, 1)  # Herlev from Sept
    assert {r["start_date"].year for r in rows if r["municipality_code"] == 151} == {2026}  # the Ballerup pilot
    assert all(r["end_date"] is None for r in rows if r["start_date"] > effect_demo.DATA_END)


def test_plausible_outcomes(demo_con):
    overview = effect_overview(demo_con, None, dt.date(2026, 10, 31))
    total = overview.total
    assert 0.25 <= total.exit_rate <= 0.40 and total.dropped_out > 0 and total.running > 0
    assert total.progression_count > total.ended / 2
    rows = {e.municipality: e for e in overview.rows}
    assert rows["Gladsaxe"].ended >= 5 and not rows["Gladsaxe"].suppressed
    assert rows["Ballerup"].suppressed  # the small one shows suppression
    assert all(r["agreement_id"] is not None for r in demo_con.execute(
        "SELECT agreement_id FROM placements").df().to_dict("records"))


def test_gladsaxe_is_on_the_before_the_budget_list(demo_con):
    result = before_budget(demo_con, dt.date(2026, 12, 1))
    assert [e.municipality for e in result.entries] == ["Gladsaxe"]  # København and Frederiksberg met a manager
    assert result.entries[0].renewals == (dt.date(2027, 9, 30),)
    assert [e.municipality for e in before_budget(demo_con, dt.date(2026, 9, 1)).entries] == ["Ballerup"]
