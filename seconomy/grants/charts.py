"""Plotly figures of the grant planner (pure: figures from data, labels and formatters given by the caller).

Every text a person reads — axis ticks, hover texts, legend names — comes in already formatted in the
page's language (``money``, ``percent``, ``month``, ``date`` callables), so the figures carry no locale.
Names people typed (funders, payers) are HTML-escaped: Plotly renders tags such as <a> and <b> in labels.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from seconomy.charts import FONT
from seconomy.window import add_months

Fmt = Callable[[object], str]
PIPELINE, MIX, GAP = "#2a9d8f", "#e76f51", "#c1121f"
PALETTE = ("#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#8e6c8a", "#6a994e", "#bc4749", "#577590", "#90be6d", "#b5838d")
EVENT_STYLE = {"deadline": ("#e76f51", "diamond"), "decision": ("#264653", "circle"), "report": ("#2a9d8f", "square")}


def _layout(fig: go.Figure, height: int = 380) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=40, b=10), font=FONT,
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return fig


def _money_ticks(high: float, money: Fmt, count: int = 6) -> tuple[list[float], list[str]]:
    """Round tick positions from 0 to ``high`` kroner, labelled by ``money``."""
    if high <= 0:
        return [0.0], [money(0)]
    raw = high / count
    magnitude = 10 ** int(np.floor(np.log10(raw)))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = list(np.arange(0, high + step, step))
    return ticks, [money(v) for v in ticks]


def coverage(curves: Sequence[tuple[str, np.ndarray, np.ndarray]], gap_kr: float, labels: Mapping[str, str],
             money: Fmt, percent: Fmt) -> go.Figure:
    """P(total ≥ x) against x (kroner) for each (name, x, p) curve, as steps, with the gap marked.

    Reading the curve at the gap gives the chance the gap is covered.
    """
    fig = go.Figure()
    high = max([float(x[-1]) for _, x, _ in curves if len(x)] + [max(gap_kr, 0.0)]) * 1.05 or 1.0
    for (name, x, p), colour in zip(curves, (PIPELINE, MIX), strict=False):
        xs, ps = np.append(x, high), np.append(p, 0.0)
        hover = [labels["hover"].format(amount=money(a), p=percent(q)) for a, q in zip(xs, ps, strict=True)]
        fig.add_trace(go.Scatter(x=xs, y=ps, name=name, mode="lines", line=dict(shape="vh", color=colour, width=3),
                                 text=hover, hovertemplate="%{text}<extra></extra>"))
    if gap_kr > 0:
        fig.add_vline(x=gap_kr, line=dict(color=GAP, dash="dash", width=2))
        fig.add_annotation(x=gap_kr, y=1.0, yref="y", text=labels["gap"].format(amount=money(gap_kr)), showarrow=False,
                           xanchor="left", yanchor="top", font=dict(color=GAP))
    ticks, texts = _money_ticks(high, money)
    fig.update_xaxes(title=labels["x"], tickvals=ticks, ticktext=texts, range=[0, high])
    yticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    fig.update_yaxes(title=labels["y"], tickvals=yticks, ticktext=[percent(v) for v in yticks], range=[0, 1.05])
    return _layout(fig)


def _month_ticks(first: dt.date, last: dt.date, month: Fmt, every: int) -> tuple[list[dt.date], list[str]]:
    ticks, current = [], first.replace(day=1)
    while current <= last:
        ticks.append(current)
        current = add_months(current, every)
    return ticks, [month(t) for t in ticks]


def timeline(events: pd.DataFrame, as_of: dt.date, labels: Mapping[str, str], kind_label: Callable[[str], str],
             date: Fmt, month: Fmt) -> go.Figure:
    """Deadlines, decisions and report deadlines per application on a time axis, with the as-of date marked."""
    fig = go.Figure()
    rows = [f"#{i} {html.escape(str(f))}" for i, f in zip(events["id"], events["funder"], strict=True)]
    events = events.assign(row=rows)
    for kind, (colour, symbol) in EVENT_STYLE.items():
        part = events[events["kind"] == kind]
        if part.empty:
            continue
        hover = [f"{r}: {kind_label(kind)} {date(d)}" for r, d in zip(part["row"], part["date"], strict=True)]
        fig.add_trace(go.Scatter(x=list(part["date"]), y=list(part["row"]), mode="markers", name=kind_label(kind),
                                 marker=dict(color=colour, symbol=symbol, size=12), text=hover,
                                 hovertemplate="%{text}<extra></extra>"))
    fig.add_vline(x=dt.datetime.combine(as_of, dt.time()).timestamp() * 1000, line=dict(color="#888", dash="dot"))
    fig.add_annotation(x=as_of, y=0.0, yref="paper", text=labels["today"].format(date=date(as_of)), showarrow=False,
                       xanchor="left", yanchor="top", yshift=-4, font=dict(color="#666"))
    if len(events):
        first, last = min(min(events["date"]), as_of), max(max(events["date"]), as_of)
        span = (last.year - first.year) * 12 + last.month - first.month
        ticks, texts = _month_ticks(first, last, month, max(1, -(-span // 8)))
        fig.update_xaxes(tickvals=ticks, ticktext=texts, side="top")
    fig.update_yaxes(autorange="reversed", title=None)
    _layout(fig, height=max(320, 110 + 28 * len(set(rows))))
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.08, x=0), margin=dict(t=50, b=40))
    return fig


def cliff(granted: pd.DataFrame, pipeline: pd.DataFrame, months: Sequence[dt.date], labels: Mapping[str, str],
          money: Fmt, month: Fmt) -> go.Figure:
    """Grant income by month per funder (stacked bars) and the pipeline's expected payments (a line)."""
    names = [month(m) for m in months]
    fig = go.Figure()
    funders = list(dict.fromkeys(granted["funder"])) if len(granted) else []
    for funder, colour in zip(funders, PALETTE * (len(funders) // len(PALETTE) + 1), strict=False):
        rows = granted[granted["funder"] == funder].groupby("month")["amount"].sum()
        amounts = [float(rows.get(m, 0)) for m in months]
        shown = html.escape(str(funder))
        hover = [f"{shown}: {money(a)} ({n})" for a, n in zip(amounts, names, strict=True)]
        fig.add_trace(go.Bar(x=names, y=amounts, name=shown, marker_color=colour, text=hover,
                             hovertemplate="%{text}<extra></extra>", textposition="none"))
    expected = [float(v) for v in pipeline["expected"]]
    fig.add_trace(go.Scatter(x=names, y=expected, name=labels["pipeline"], mode="lines+markers",
                             line=dict(color=MIX, dash="dash"),
                             text=[f"{labels['pipeline']}: {money(a)} ({n})" for a, n in zip(expected, names, strict=True)],
                             hovertemplate="%{text}<extra></extra>"))
    top = max([sum(float(v) for v in granted[granted["month"] == m]["amount"]) for m in months] + expected + [1.0])
    ticks, texts = _money_ticks(top * 1.05, money, 5)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title=labels["y"], tickvals=ticks, ticktext=texts)
    fig.update_xaxes(type="category", tickangle=-45, tickvals=names[::3] if len(names) > 12 else names,
                     ticktext=names[::3] if len(names) > 12 else names)
    return _layout(fig, height=420)


def mosaic_bars(before: Mapping[str, float], after: Mapping[str, float], labels: Mapping[str, str], percent: Fmt,
                top: int = 8) -> go.Figure:
    """The largest payers' shares of income before and after the mix (horizontal bars)."""
    keys = sorted(set(before) | set(after), key=lambda k: -max(before.get(k, 0.0), after.get(k, 0.0)))[:top]
    fig = go.Figure()
    for name, shares, colour in ((labels["before"], before, "#264653"), (labels["after"], after, MIX)):
        values = [shares.get(k, 0.0) for k in keys]
        fig.add_trace(go.Bar(y=[html.escape(str(k)) for k in keys], x=values, name=name, orientation="h", marker_color=colour,
                             text=[percent(v) for v in values], textposition="outside",
                             hovertemplate="%{y}: %{text}<extra></extra>"))
    high = max([*before.values(), *after.values(), 0.1]) * 1.2
    step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5) if high / s <= 6)  # round shares: 0 %, 10 %, 20 % …
    xticks = [i * step for i in range(int(high / step) + 1)]
    fig.update_xaxes(tickvals=xticks, ticktext=[percent(v) for v in xticks], range=[0, high])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="group")
    return _layout(fig, height=max(300, 70 + 44 * len(keys)))
