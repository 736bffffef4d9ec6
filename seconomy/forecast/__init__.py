"""The baseline forecast: income lines from agreements and run rates, costs, and the cash.

See ``baseline.py`` for the method; ``lines.py`` for how agreement income and run rates are told
apart (coverage) and traced (the ``source`` column); ``costs.py`` for the cost model shared with
the Monte Carlo simulation.
"""

from seconomy.forecast.baseline import MAX_MONTHS, Baseline, build_baseline, first_forecast_month
from seconomy.forecast.costs import CostModel, CostOp, cost_lines, round_ore
from seconomy.forecast.months import month_range, month_text, parse_month

__all__ = ["MAX_MONTHS", "Baseline", "CostModel", "CostOp", "build_baseline", "cost_lines", "first_forecast_month",
           "month_range", "month_text", "parse_month", "round_ore"]
