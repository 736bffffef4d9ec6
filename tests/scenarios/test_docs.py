"""The README's SPEC example parses and applies on the demo enterprise, and says what the code does."""

from __future__ import annotations

import json
import re

from seconomy.forecast import build_baseline
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import DEFAULT_VOLATILITY, Simulation, parse_spec
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _spec_example() -> dict:
    section = README[README.index("### The SPEC format"):]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))


def test_readme_spec_example_applies_on_the_demo(demo_con):
    spec = parse_spec(_spec_example())
    result = compute(build_baseline(demo_con, spec.start, spec.months), spec)
    assert result.first_negative_cash_month is not None
    assert len(result.waterfall) == len(spec.shocks) + len(spec.costs) + 2


def test_readme_states_the_simulation_defaults():
    default = Simulation()
    assert f"default {default.cut_month}, after the summer" in README
    assert f"default {int(default.cut_probability['*'] * 100)} %" in README
    assert f"default {int(default.cut_size[0] * 100)}–{int(default.cut_size[1] * 100)} %" in README
    assert f"product sales {int(DEFAULT_VOLATILITY['product_sale'] * 100)} %" in README
