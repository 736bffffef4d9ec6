"""Budget scenarios: shocks on the baseline forecast, their results, the reverse stress test, the
Monte Carlo simulation and the board report.

- ``spec``: the SPEC.json format, parsed and validated (ScenarioError names the bad shock).
- ``engine``: matching shocks to forecast lines and applying them in the documented order.
- ``results``: monthly figures, by payer and stream, waterfall, first negative-cash month; the CLI's JSON.
- ``reverse``: the smallest cut that brings the result or the cash to zero.
- ``montecarlo``: renewals, mid-year cuts and volatility, vectorised and seeded.
- ``templates``, ``targets``, ``describe``, ``charts``, ``report``: ready-made shocks, what a shock can hit,
  shocks in words, the figures, and the standalone HTML board report.
"""

from seconomy.scenarios.results import ScenarioResult, compute, run_scenario, to_json
from seconomy.scenarios.spec import Shock, Spec, parse_spec

__all__ = ["ScenarioResult", "Shock", "Spec", "compute", "parse_spec", "run_scenario", "to_json"]
