"""The SØM-style business case, by hand: months saved × monthly benefit per scheme, flexjob share, no saving for § 103/104."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seconomy.effect.business import Assumptions, business_case
from seconomy.settings import SETTINGS

DEFAULTS = Assumptions.from_settings({s.name: s.kind(s.default) for s in SETTINGS})


def test_defaults_from_the_settings():
    assert DEFAULTS.horizon_months == 12 and DEFAULTS.persistence == Decimal("0.75")
    assert DEFAULTS.months_saved == Decimal("9.00")  # 12 × 0.75
    assert DEFAULTS.flexjob_share == Decimal("0.5")
    assert DEFAULTS.benefits == {"cash": Decimal(13000), "resource": Decimal(13000), "youth": Decimal(7000)}


def test_a_case_by_hand():
    # virksomhedspraktik: 3 jobs + 1 flexjob → 9 × 13 000 × (3 + 0.5) = 409 500
    # STU: 2 educations → 9 × 7 000 × 2 = 126 000
    # § 104: 1 job → no benefit saved (the citizen keeps the pension) = 0
    case = business_case({"virksomhedspraktik": (3, 1), "stu": (2, 0), "aktivitet_samvaer_104": (1, 0)},
                         Decimal("400000.00"), DEFAULTS)
    lines = {line.scheme: line for line in case.lines}
    assert lines["virksomhedspraktik"].savings == Decimal("409500.00")
    assert lines["stu"].savings == Decimal("126000.00")
    assert lines["aktivitet_samvaer_104"].savings == Decimal("0.00") and lines["aktivitet_samvaer_104"].monthly_benefit == 0
    assert case.savings == Decimal("535500.00")
    assert case.net == Decimal("135500.00")  # 535 500 − 400 000
    assert case.saved_per_krone == pytest.approx(535500 / 400000)  # 1.34 kr. per krone


def test_other_assumptions_and_rounding():
    # 6 months × 0.8 = 4.8 months; 1 exit from ressourceforløb at 12 345.67 kr./month = 59 259.216 → 59 259.22
    assumptions = Assumptions(6, Decimal("0.8"), Decimal("0.4"), {"cash": Decimal(0), "resource": Decimal("12345.67"),
                                                                  "youth": Decimal(0)})
    case = business_case({"ressourceforloeb": (1, 0), "jobafklaringsforloeb": (0, 1)}, Decimal("0.00"), assumptions)
    # flexjob from jobafklaring: 4.8 × 12 345.67 × 0.4 = 23 703.6864 → 23 703.69
    assert [line.savings for line in case.lines] == [Decimal("59259.22"), Decimal("23703.69")]
    assert case.saved_per_krone is None  # nothing paid
    assert case.net == case.savings


def test_no_exits_no_lines():
    case = business_case({}, Decimal("1000.00"), DEFAULTS)
    assert case.lines == () and case.savings == 0 and case.net == Decimal("-1000.00")
