"""The grant planner's figures: formatted labels from the caller, the gap marked, typed names escaped."""

from __future__ import annotations

import numpy as np
import pandas as pd

from seconomy.grants import charts
from seconomy.text import format as fmt
from tests.grants.helpers import D


def _money(value):
    return fmt.money(value, "da")


def _percent(value):
    return fmt.percent(value, "da", 0)


def test_the_coverage_chart_marks_the_gap_and_labels_in_the_pages_language():
    labels = {"x": "Mindst", "y": "Sandsynlighed", "gap": "Behov {amount}", "hover": "Mindst {amount}: {p}"}
    fig = charts.coverage([("Alle", np.array([0.0, 1000.0]), np.array([1.0, 0.4]))], 600.0, labels, _money, _percent)
    assert fig.layout.shapes[0].x0 == 600.0  # the gap line
    assert fig.layout.annotations[0].text == "Behov 600 kr."
    assert list(fig.layout.yaxis.ticktext) == ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"]
    assert fig.data[0].text[1] == "Mindst 1.000 kr.: 40 %"
    assert fig.data[0].line.shape == "vh"  # P(total ≥ x) steps down just after each possible total


def test_typed_names_are_escaped_in_the_figures():
    sneaky = '<a href="http://x">Fond</a>'
    bars = charts.mosaic_bars({sneaky: 0.5}, {sneaky: 0.4}, {"before": "Før", "after": "Efter"}, _percent)
    assert bars.data[0].y[0] == "&lt;a href=&quot;http://x&quot;&gt;Fond&lt;/a&gt;"
    events = pd.DataFrame({"date": [D(2027, 1, 15)], "kind": ["deadline"], "id": [1], "funder": [sneaky],
                           "project": [""], "stage": ["idea"], "days": [5]})
    timeline = charts.timeline(events, D(2027, 1, 10), {"today": "I dag {date}"}, str, lambda d: d.isoformat(),
                               lambda d: d.isoformat())
    assert "<a" not in timeline.data[0].y[0]
    granted = pd.DataFrame({"month": [D(2027, 1, 1)], "agreement_id": [1], "funder": [sneaky], "amount": [100]})
    pipeline = pd.DataFrame({"month": [D(2027, 1, 1)], "expected": [0.0]})
    cliff = charts.cliff(granted, pipeline, (D(2027, 1, 1),), {"pipeline": "Ansøgninger", "y": "kr."}, _money,
                         lambda m: m.isoformat())
    assert "<a" not in cliff.data[0].name
