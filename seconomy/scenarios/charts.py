"""Plotly figures of the scenario results (pure: frames and labels in, figures out).

Used by the Scenarios page and, unchanged, by the board report, so the printed charts are the ones
the board saw on screen. Labels come in as a mapping so the same figure speaks Danish or English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from seconomy.charts import FONT
from seconomy.text.safe import plotly_text

BASELINE, SCENARIO, NEGATIVE = "#264653", "#e76f51", "#c1121f"
PALETTE = ("#e76f51", "#2a9d8f", "#8e6c8a", "#e9c46a")


def _layout(fig: go.Figure, height: int = 360, money_axis: str = "") -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=30, b=10), font=FONT,
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      yaxis=dict(title=money_axis, tickformat=",.0f", zeroline=True, zerolinecolor="#888"))
    return fig


def cash_lines(monthly: pd.DataFrame, labels: Mapping[str, str]) -> go.Figure:
    """Closing cash per month, baseline against scenario, with the zero line and the first negative month.

    The scenario is the expected forecast; its contracted-only cash (renewals and applications not counted) is
    the dotted line beneath it, when it differs.
    """
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["baseline_cash"], name=labels["baseline"],
                             mode="lines+markers", line=dict(color=BASELINE, dash="dash")))
    fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["cash"], name=labels["scenario"], mode="lines+markers",
                             line=dict(color=SCENARIO, width=3)))
    if "contracted" in labels and "contracted_cash" in monthly and not monthly["contracted_cash"].equals(monthly["cash"]):
        fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["contracted_cash"], name=labels["contracted"], mode="lines",
                                 line=dict(color=SCENARIO, width=1.5, dash="dot")))
    negative = monthly[monthly["cash"] < 0]
    if not negative.empty:
        first = negative.iloc[0]
        fig.add_trace(go.Scatter(x=[first["month"]], y=[first["cash"]], name=labels["first_negative"], mode="markers",
                                 marker=dict(color=NEGATIVE, size=14, symbol="x")))
    fig.update_xaxes(dtick="M1", tickformat="%b %Y", hoverformat="%b %Y")
    return _layout(fig, money_axis=labels["axis"])


def waterfall(steps: pd.DataFrame, labels: Mapping[str, str], step_label: Callable[[str], str]) -> go.Figure:
    """From the baseline result to the scenario result over the horizon, one bar per shock."""
    measure = ["absolute" if kind in ("base", "total") else "relative" for kind in steps["kind"]]
    fig = go.Figure(go.Waterfall(
        x=[plotly_text(step_label(s)) for s in steps["step"]], y=steps["amount"], measure=measure,
        decreasing=dict(marker=dict(color=SCENARIO)), increasing=dict(marker=dict(color="#2a9d8f")),
        totals=dict(marker=dict(color=BASELINE)), connector=dict(line=dict(color="#999")),
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
    ))
    fig.update_layout(showlegend=False)
    return _layout(fig, money_axis=labels["axis"])


def compare_cash(series: Sequence[tuple[str, pd.DataFrame]], labels: Mapping[str, str]) -> go.Figure:
    """Closing cash of up to four scenarios (and the baseline of the first) in one chart."""
    fig = go.Figure()
    if series:
        first = series[0][1]
        fig.add_trace(go.Scatter(x=first["month"], y=first["baseline_cash"], name=labels["baseline"], mode="lines",
                                 line=dict(color=BASELINE, dash="dash")))
    for (name, monthly), color in zip(series, PALETTE, strict=False):
        fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["cash"], name=plotly_text(name), mode="lines+markers",
                                 line=dict(color=color, width=3)))
    fig.update_xaxes(dtick="M1", tickformat="%b %Y", hoverformat="%b %Y")
    return _layout(fig, height=400, money_axis=labels["axis"])


def fan(cash: pd.DataFrame, labels: Mapping[str, str]) -> go.Figure:
    """Monte Carlo fan of closing cash: 5–95 % and 25–75 % bands, the median and the deterministic forecast."""
    fig = go.Figure()
    for low, high, name, alpha in (("p5", "p95", labels["band90"], 0.18), ("p25", "p75", labels["band50"], 0.35)):
        fig.add_trace(go.Scatter(x=cash["month"], y=cash[high], mode="lines", line=dict(width=0), showlegend=False,
                                 hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=cash["month"], y=cash[low], mode="lines", line=dict(width=0), fill="tonexty",
                                 fillcolor=f"rgba(231,111,81,{alpha})", name=name))
    fig.add_trace(go.Scatter(x=cash["month"], y=cash["p50"], name=labels["median"], mode="lines",
                             line=dict(color=SCENARIO, width=3)))
    fig.add_trace(go.Scatter(x=cash["month"], y=cash["forecast"], name=labels["forecast"], mode="lines",
                             line=dict(color=BASELINE, dash="dash")))
    fig.update_xaxes(dtick="M1", tickformat="%b %Y", hoverformat="%b %Y")
    return _layout(fig, height=400, money_axis=labels["axis"])


def income_by_stream(by_stream: pd.DataFrame, labels: Mapping[str, str], stream_label: Callable[[str], str]) -> go.Figure:
    """Income over the horizon per stream, baseline beside scenario."""
    names = [stream_label(s) for s in by_stream["stream"]]
    fig = go.Figure([
        go.Bar(x=names, y=by_stream["baseline"], name=labels["baseline"], marker_color=BASELINE),
        go.Bar(x=names, y=by_stream["scenario"], name=labels["scenario"], marker_color=SCENARIO),
    ])
    fig.update_layout(barmode="group")
    return _layout(fig, money_axis=labels["axis"])
