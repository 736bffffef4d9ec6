"""Plotly figures for the overview (pure: frames and labels in, figures out; no Streamlit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from seconomy.streams import STREAMS

STREAM_COLORS: Mapping[str, str] = {
    "product_sale": "#2a9d8f",
    "municipal_contract": "#264653",
    "wage_subsidy": "#8ab17d",
    "foundation_grant": "#e9c46a",
    "public_grant": "#f4a261",
    "other": "#b0b0b0",
}
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=13)


def _layout(fig: go.Figure, height: int = 360) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=30, b=10), font=FONT,
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def mosaic_bar(by_stream: pd.DataFrame, label: Callable[[str], str], money: Callable[[float], str]) -> go.Figure:
    """One horizontal 100 % bar split by stream: the mosaic at a glance."""
    fig = go.Figure()
    for row in by_stream.itertuples():
        fig.add_trace(go.Bar(
            y=[""], x=[row.share * 100], name=label(row.stream), orientation="h",
            marker_color=STREAM_COLORS.get(row.stream), text=f"{row.share:.0%}", textposition="inside",
            hovertext=f"{label(row.stream)}: {money(row.amount)}", hoverinfo="text",
        ))
    fig.update_layout(barmode="stack", xaxis=dict(range=[0, 100], ticksuffix=" %", showgrid=False),
                      yaxis=dict(showticklabels=False))
    return _layout(fig, height=170)


def treemap(leaves: pd.DataFrame, label: Callable[[str], str], money: Callable[[float], str],
            others: Callable[[int], str] = lambda n: f"+{n}") -> go.Figure:
    """Treemap stream → payer of positive net income; a leaf with ``others`` > 0 stands for that many smaller payers
    (seconomy.overview.income_by_stream_and_payer), labelled by ``others(count)``."""
    ids, labels, parents, values, colors, hover = [], [], [], [], [], []
    for stream, group in leaves.groupby("stream", sort=False):
        total = float(group["amount"].sum())
        ids.append(stream)
        labels.append(label(stream))
        parents.append("")
        values.append(total)
        colors.append(STREAM_COLORS.get(stream, "#999"))
        hover.append(money(total))
        for row in group.itertuples():
            folded = int(getattr(row, "others", 0) or 0)
            ids.append(f"{stream}/\x00others" if folded else f"{stream}/{row.payer}")
            labels.append(others(folded) if folded else str(row.payer))
            parents.append(stream)
            values.append(float(row.amount))
            colors.append(STREAM_COLORS.get(stream, "#999"))
            hover.append(money(row.amount))
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        marker=dict(colors=colors), customdata=hover, hovertemplate="%{label}<br>%{customdata}<extra></extra>",
        textinfo="label+percent root",
    ))
    return _layout(fig, height=460)


def monthly_stacked(monthly: pd.DataFrame, label: Callable[[str], str], money_axis: str) -> go.Figure:
    """Monthly income stacked by stream (credit notes can make a bar dip below zero)."""
    fig = go.Figure()
    for stream in STREAMS:
        part = monthly[monthly["stream"] == stream]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            x=part["month"], y=part["amount"], name=label(stream), marker_color=STREAM_COLORS[stream],
            hovertemplate="%{x|%m/%Y}: %{y:,.0f}<extra>" + label(stream) + "</extra>",
        ))
    fig.update_layout(barmode="relative", yaxis=dict(title=money_axis, tickformat=",.0f"), xaxis=dict(dtick="M1", tickformat="%m/%Y"))
    return _layout(fig, height=380)
