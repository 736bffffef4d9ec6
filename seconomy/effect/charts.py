"""The effect page's figure: the half-year trend (pure: the trend and text functions in, a Plotly figure out)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import plotly.graph_objects as go

from seconomy.charts import FONT
from seconomy.effect.figures import HalfYear
from seconomy.text.words import Words

COLORS = {"ended": "#b8c4c2", "exits": "#2a9d8f", "rate": "#264653", "small": "#e9a23b"}


def trend(halves: Sequence[HalfYear], w: Words, name: Callable[[HalfYear], str] = lambda h: h.label) -> go.Figure:
    """Ended placements and exits to work or education per half year (bars) and the exit rate (line, right axis).

    Half years with fewer than 5 ended placements have a hollow orange marker: their rate says little.
    """
    labels = [name(h) for h in halves]
    rates = [None if h.effect.exit_rate is None else h.effect.exit_rate * 100 for h in halves]
    small = [h.effect.suppressed for h in halves]
    hover = [w.percent(h.effect.exit_rate) if h.effect.exit_rate is not None else "–" for h in halves]
    text = w.text
    traces = [
        go.Bar(x=labels, y=[h.effect.ended for h in halves], name=text("effect.col.ended"), marker_color=COLORS["ended"]),
        go.Bar(x=labels, y=[h.effect.exits for h in halves], name=text("effect.col.exits"), marker_color=COLORS["exits"]),
        go.Scatter(x=labels, y=rates, name=text("effect.col.exit_rate"), yaxis="y2", mode="lines+markers",
                   line=dict(color=COLORS["rate"]), customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                   marker=dict(size=9, color=[COLORS["small"] if s else COLORS["rate"] for s in small],
                               symbol=["circle-open" if s else "circle" for s in small], line=dict(width=2))),
    ]
    layout = dict(height=340, margin=dict(l=10, r=10, t=30, b=10), font=FONT, barmode="group", hovermode="x unified",
                  legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                  yaxis=dict(title=text("effect.chart.count"), rangemode="tozero"),
                  yaxis2=dict(title=text("effect.col.exit_rate"), overlaying="y", side="right", range=[0, 100],
                              tickmode="linear", tick0=0, dtick=25, ticksuffix=w.percent_suffix, showgrid=False))
    return go.Figure(data=traces, layout=layout)
