"""Concentration risk: whom the enterprise depends on, per payer, municipality, stream and counterparty.

- measures: shares, HHI, effective number, top-1/top-3, level and major/critical flags for one window;
- trend: the same over rolling 12-month windows, and the stream mosaic per quarter;
- exposure: income under agreements that end in the next 12 months (budget season marked);
- calculator: how much income from others brings a payer below a share, and the HHI that gives;
- verdicts: the plain-language reading of it all (catalog keys, rendered per language);
- groups and window: the groupings (by payer, municipality, stream, counterparty) and the window rule;
- geo and charts: the municipality polygons and the Plotly figures of the risk page.
Definitions: README "Concentration risk: definitions" (also shown on the page).
"""

from seconomy.risk.calculator import Diversification, diversify
from seconomy.risk.exposure import Exposure, exposure_ahead
from seconomy.risk.groups import BY_OPTIONS, check_by
from seconomy.risk.measures import (
    AmountConcentration,
    Concentration,
    Thresholds,
    as_json,
    concentration,
    concentration_of_amounts,
    empty_json,
)
from seconomy.risk.trend import rolling, stream_mosaic
from seconomy.risk.verdicts import render, severity, verdict
from seconomy.risk.window import resolve_window

__all__ = [
    "BY_OPTIONS", "AmountConcentration", "Concentration", "Diversification", "Exposure", "Thresholds", "as_json",
    "check_by", "concentration", "concentration_of_amounts", "diversify", "empty_json", "exposure_ahead", "render",
    "resolve_window", "rolling", "severity", "stream_mosaic", "verdict",
]
