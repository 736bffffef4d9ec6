"""Plotly figures for the overview (pure: frames and labels in, figures out; no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from seconomy.streams import STREAMS
from seconomy.text.safe import plotly_text
from seconomy.text.words import Words

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


def mosaic_bar(by_stream: pd.DataFrame, w: Words) -> go.Figure:
    """One horizontal 100 % bar split by stream: the mosaic at a glance (legend in the order of the segments).

    A segment's share is written inside it only when it is wide enough to hold it (5 % or more); the hover says
    the stream, its amount and its share.
    """
    fig = go.Figure()
    for row in by_stream.itertuples():
        share = w.percent(row.share, 0)
        fig.add_trace(go.Bar(
            y=[""], x=[row.share * 100], name=w.stream(row.stream), orientation="h",
            marker_color=STREAM_COLORS.get(row.stream), text=share if row.share >= 0.05 else "", textposition="inside",
            insidetextanchor="middle", hovertext=f"{w.stream(row.stream)}: {w.money(row.amount)} ({share})", hoverinfo="text",
        ))
    fig.update_layout(barmode="stack", xaxis=dict(range=[0, 100], ticksuffix=w.percent_suffix, showgrid=False),
                      yaxis=dict(showticklabels=False))
    _layout(fig, height=170)
    fig.update_layout(legend=dict(traceorder="normal"))
    return fig


TREEMAP_MIN_TEXT = 11  # px: a label that would be smaller is left out (the hover still has it)


def treemap(leaves: pd.DataFrame, w: Words) -> go.Figure:
    """Treemap stream → payer of positive net income; labels only where they fit, everything in the hover."""
    total = float(leaves["amount"].sum()) or 1.0
    ids, labels, parents, values, colors, hover = [], [], [], [], [], []

    def add(node: str, label: str, parent: str, amount: float, color: str) -> None:
        ids.append(node)
        labels.append(label)
        parents.append(parent)
        values.append(amount)
        colors.append(color)
        hover.append([w.money(amount), w.percent(amount / total)])

    for stream, group in leaves.groupby("stream", sort=False):
        color = STREAM_COLORS.get(stream, "#999")
        add(stream, w.stream(stream), "", float(group["amount"].sum()), color)
        for row in group.itertuples():
            folded = int(getattr(row, "others", 0) or 0)  # a leaf for the stream's smaller payers, folded together
            if folded:
                add(f"{stream}/\x00others", w.text("overview.treemap.others", count=w.number(folded)), stream,
                    float(row.amount), color)
            else:
                add(f"{stream}/{row.payer}", plotly_text(row.payer), stream, float(row.amount), color)
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total", marker=dict(colors=colors),
        customdata=hover, texttemplate="<b>%{label}</b><br>%{customdata[1]}",
        hovertemplate="<b>%{label}</b><br>%{customdata[0]} (%{customdata[1]})<extra></extra>",
        textfont=dict(size=14), tiling=dict(pad=2), pathbar=dict(visible=False),
    ))
    _layout(fig, height=460)
    fig.update_layout(uniformtext=dict(minsize=TREEMAP_MIN_TEXT, mode="hide"))
    return fig


def monthly_stacked(monthly: pd.DataFrame, w: Words, money_axis: str) -> go.Figure:
    """Monthly income stacked by stream (credit notes can make a bar dip below zero); legend top of stack first."""
    fig = go.Figure()
    for stream in STREAMS:
        part = monthly[monthly["stream"] == stream]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            x=part["month"], y=part["amount"], name=w.stream(stream), marker_color=STREAM_COLORS[stream],
            hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + w.stream(stream) + "</extra>",
        ))
    fig.update_layout(barmode="relative", yaxis=dict(title=money_axis, tickformat=",.0f"),
                      xaxis=dict(dtick="M1", tickformat="%b %Y", hoverformat="%b %Y"))
    _layout(fig, height=380)
    fig.update_layout(legend=dict(traceorder="reversed"))
    return fig
