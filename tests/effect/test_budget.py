"""The before-the-budget list on fixed dates: empty before June, the share and renewal rules, the middle-manager meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from seconomy import store
from seconomy.effect.budget import before_budget, season_year, share_of_income
from tests.effect.conftest import add_income

# Income Jun 2025–May 2026 (the 12 full months before 1 June 2026): Gladsaxe 12 × 50 000, the café 12 × 25 000,
# Herlev 48 000, Ballerup 12 000 → 960 000: Gladsaxe 62.5 %, Herlev 5 %, Ballerup 1.25 %.
INCOME = [(dt.date(2025, 6 + i % 7, 15) if i < 7 else dt.date(2026, i - 6, 15), ore, s, c, m)
          for i in range(12)
          for ore, s, c, m in ((50_000_00, "municipal_contract", "Gladsaxe Kommune", 159),
                               (25_000_00, "product_sale", "Café Solsikken", None))]
SMALL = [(dt.date(2026, 3, 15), 48_000_00, "municipal_contract", "Herlev Kommune", 163),
         (dt.date(2026, 3, 15), 12_000_00, "municipal_contract", "Ballerup Kommune", 151)]


@pytest.fixture
def season_con(con):
    add_income(con, INCOME + SMALL)
    # Ballerup: a pilot ending 31.12.2026 with 3 months' notice → renewal 30.09.2026, in the budget season.
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Ballerup Kommune", municipality_code=151,
                                  placements=1, price=2600, price_unit="week", start_date=dt.date(2026, 1, 1),
                                  end_date=dt.date(2026, 12, 31), notice_months=3, status="active"))
    # Herlev: ends 30.06.2027, renewal 31.03.2027 — not in a budget season.
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Herlev Kommune", municipality_code=163,
                                  placements=1, price=2600, price_unit="week", start_date=dt.date(2026, 1, 1),
                                  end_date=dt.date(2027, 6, 30), notice_months=3, status="active"))
    manager = store.add_contact(con, {"municipality_code": 159, "name": "Lise Kragh", "role": "middle_manager"})
    caseworker = store.add_contact(con, {"municipality_code": 151, "name": "Camilla Juhl", "role": "caseworker"})
    store.add_log(con, {"municipality_code": 159, "contact_id": manager, "log_date": dt.date(2026, 3, 12), "kind": "meeting"})
    store.add_log(con, {"municipality_code": 151, "contact_id": caseworker, "log_date": dt.date(2026, 6, 10), "kind": "meeting"})
    return con, manager


def _names(result) -> list[str]:
    return [e.municipality for e in result.entries]


def test_before_june_the_list_is_empty_and_says_when_it_starts(season_con):
    con, _ = season_con
    result = before_budget(con, dt.date(2026, 5, 31))
    assert result.status == "before" and result.entries == () and result.season_start == dt.date(2026, 6, 1)


def test_from_june_major_share_or_renewal_in_season_without_a_manager_meeting(season_con):
    con, _ = season_con
    result = before_budget(con, dt.date(2026, 6, 1))
    assert result.status == "open"
    assert result.share_window.start == dt.date(2025, 6, 1) and result.share_window.end == dt.date(2026, 5, 31)
    # Gladsaxe: 62.5 % ≥ 10 % and its last manager meeting (12.03.) is before 1 June.
    # Ballerup: 1.25 %, but its pilot renews 30.09.2026 (budget season); a caseworker meeting does not count.
    # Herlev: 5 % and no renewal in the season → not on the list.
    assert _names(result) == ["Gladsaxe", "Ballerup"]
    gladsaxe, ballerup = result.entries
    assert gladsaxe.share_of_income == pytest.approx(600_000 / 960_000) and gladsaxe.major and gladsaxe.renewals == ()
    assert gladsaxe.last_manager_meeting == dt.date(2026, 3, 12) and gladsaxe.managers == ("Lise Kragh",)
    assert ballerup.renewals == (dt.date(2026, 9, 30),) and not ballerup.major and ballerup.managers == ()
    assert gladsaxe.effect.municipality_code == 159 and gladsaxe.effect.end == dt.date(2026, 6, 1)


def test_a_logged_middle_manager_meeting_since_june_takes_a_municipality_off(season_con):
    con, manager = season_con
    store.add_log(con, {"municipality_code": 159, "contact_id": manager, "log_date": dt.date(2026, 8, 20), "kind": "workshop"})
    assert _names(before_budget(con, dt.date(2026, 8, 19))) == ["Gladsaxe", "Ballerup"]  # not yet on 19 August
    assert _names(before_budget(con, dt.date(2026, 8, 20))) == ["Ballerup"]
    # A call is not a meeting.
    store.add_log(con, {"municipality_code": 151, "contact_id": None, "log_date": dt.date(2026, 9, 1), "kind": "call"})
    assert _names(before_budget(con, dt.date(2026, 9, 2))) == ["Ballerup"]


def test_after_mid_october_it_prepares_next_year(season_con):
    con, _ = season_con
    assert before_budget(con, dt.date(2026, 10, 15)).status == "open"
    result = before_budget(con, dt.date(2026, 10, 16))
    assert result.status == "adopted" and season_year(dt.date(2026, 10, 16)) == 2027
    # Ballerup's renewal (2026) belongs to this year's season, not next year's: only the major share remains.
    assert _names(result) == ["Gladsaxe"]
    assert before_budget(con, dt.date(2027, 1, 1)).status == "before"


def test_share_of_income_beside_the_effect(season_con):
    con, _ = season_con
    share = share_of_income(con, 163, dt.date(2026, 6, 1))
    # Herlev 48 000 of 600 000 + 300 000 + 48 000 + 12 000 = 960 000 → 5 %
    assert share.share == pytest.approx(48_000 / 960_000)
    assert share_of_income(con, 101, dt.date(2026, 6, 1)).share is None


def test_empty_database(con):
    result = before_budget(con, dt.date(2026, 9, 1))
    assert result.status == "open" and result.entries == () and result.share_window is None
