"""Plotly figures of the risk page (pure: frames, thresholds and text functions in, figures out).

``w`` is the reader's Words bundle (seconomy.text.words): texts, amounts, percentages, months and quarters in
one language, so axes, hovers and labels speak like the page ("41 %" beside "20 %" in Danish, "41%" in
English). ``label(key)`` names a group (a stream id becomes its translated name). Names people typed go through
``plotly_text``: Plotly renders HTML tags in labels.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from seconomy.charts import FONT, STREAM_COLORS
from seconomy.risk.geo import FEATURE_ID, around, bbox
from seconomy.risk.measures import Thresholds
from seconomy.streams import STREAMS
from seconomy.text.safe import plotly_text
from seconomy.text.words import Words

COLORS = {"critical": "#c0392b", "major": "#e9a23b", "other": "#2a9d8f", "line": "#264653", "none": "#e4e4e4"}
BANDS = {"low": "rgba(42,157,143,0.12)", "moderate": "rgba(233,196,106,0.22)", "high": "rgba(192,57,43,0.14)"}
PARETO_BARS = 20
# Each figure is built in one go (traces + one layout dict): plotly's add_hline/add_hrect/make_subplots
# validate step by step and made the page's rerun several times slower.
LEGEND = dict(orientation="h", yanchor="bottom", y=1.02, x=0)
MARGIN = dict(l=10, r=10, t=30, b=10)


def _figure(traces: list, height: int, **layout) -> go.Figure:
    layout.setdefault("legend", LEGEND)
    return go.Figure(data=traces, layout=dict(height=height, margin=MARGIN, font=FONT, hovermode="x unified", **layout))


def _hline(y: float, color: str, label: str) -> tuple[dict, dict]:
    """A dashed line across the plot at ``y`` with its label at the right end."""
    return (dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y, line=dict(color=color, dash="dash")),
            dict(xref="paper", x=1, yref="y", y=y, text=label, showarrow=False, xanchor="right", yanchor="bottom",
                 font=dict(color="#666")))


def _band(low: float, high: float, color: str, label: str) -> tuple[dict, dict]:
    """A shaded horizontal band with its label in the top left corner."""
    return (dict(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=low, y1=high, fillcolor=color, line_width=0,
                 layer="below"),
            dict(xref="paper", x=0, yref="y", y=high, text=label, showarrow=False, xanchor="left", yanchor="top",
                 font=dict(color="#666")))


def pareto(groups: pd.DataFrame, limits: Thresholds, w: Words, label: Callable[[str], str]) -> go.Figure:
    """Bars of each group's share, largest first, with the cumulative share and the major/critical lines.

    Beyond PARETO_BARS groups the rest is one "others" bar (its share read off the cumulative column).
    """
    shown = groups.head(PARETO_BARS)
    names = [plotly_text(label(k)) for k in shown["key"]]
    shares = list(shown["share"] * 100)
    cumulative = list(shown["cumulative_share"] * 100)
    colors = [COLORS["critical"] if c else COLORS["major"] if m else COLORS["other"]
              for c, m in zip(shown["critical"], shown["major"], strict=True)]
    hover = [w.money(a) for a in shown["amount"]]
    if len(groups) > PARETO_BARS:
        last = float(groups["cumulative_share"].iloc[-1])
        names.append(w.text("risk.pareto.others", count=len(groups) - PARETO_BARS))
        shares.append((last - float(groups["cumulative_share"].iloc[PARETO_BARS - 1])) * 100)
        cumulative.append(last * 100)
        colors.append(COLORS["none"])
        hover.append("")
    lines = [_hline(limits.major_share * 100, COLORS["major"], w.text("risk.pareto.major", share=_share(w, limits.major_share))),
             _hline(limits.critical_share * 100, COLORS["critical"],
                    w.text("risk.pareto.critical", share=_share(w, limits.critical_share)))]
    pct = w.percent_suffix
    traces = [
        go.Bar(x=names, y=shares, marker_color=colors, name=w.text("risk.pareto.share"), customdata=hover,
               hovertemplate="%{y:.1f}" + pct + "<br>%{customdata}<extra></extra>"),
        go.Scatter(x=names, y=cumulative, mode="lines+markers", name=w.text("risk.pareto.cumulative"),
                   line=dict(color=COLORS["line"]), hovertemplate="%{y:.1f}" + pct + "<extra></extra>"),
    ]
    return _figure(traces, 420, yaxis=dict(range=[0, 105], ticksuffix=pct), xaxis=dict(tickangle=-35), bargap=0.25,
                   shapes=[shape for shape, _ in lines], annotations=[note for _, note in lines])


def _share(w: Words, share: float) -> str:
    """A threshold share with only the decimals it has: 0.1 → '10 %', 0.125 → '12,5 %'."""
    return w.percent(share, 0 if round(share * 100, 6) == round(share * 100) else 1)


def hhi_trend(trend: pd.DataFrame, limits: Thresholds, w: Words) -> go.Figure:
    """The HHI of rolling 12-month windows over the level bands, with the top-1 share on the right axis."""
    top = max(limits.hhi_high * 1.4, float(trend["hhi"].max() or 0) * 1.1) if len(trend) else limits.hhi_high * 1.4
    top = min(top, 10_000)
    bands = [_band(low, min(high, top), BANDS[level], w.text(f"risk.level.{level}"))
             for level, low, high in (("low", 0, limits.hhi_moderate), ("moderate", limits.hhi_moderate, limits.hhi_high),
                                      ("high", limits.hhi_high, 10_000)) if low < top]
    traces = [
        go.Scatter(x=trend["month"], y=trend["hhi"], name=w.text("risk.trend.hhi"), mode="lines+markers",
                   line=dict(color=COLORS["line"], width=3), hovertemplate="%{y:,.0f}"),
        go.Scatter(x=trend["month"], y=trend["top1_share"] * 100, name=w.text("risk.trend.top1"), yaxis="y2",
                   mode="lines", line=dict(color=COLORS["critical"], dash="dot"), hovertemplate="%{y:.1f}" + w.percent_suffix),
    ]
    return _figure(traces, 380, shapes=[b for b, _ in bands], annotations=[n for _, n in bands],
                   xaxis=dict(tickformat="%b %Y", hoverformat="%b %Y"),
                   yaxis=dict(range=[0, top], tickformat=",.0f", title=w.text("risk.trend.hhi")),
                   yaxis2=dict(range=[0, 100], ticksuffix=w.percent_suffix, showgrid=False, title=w.text("risk.trend.top1"),
                               overlaying="y", side="right", tickmode="linear", dtick=20))


def _choropleth(geo: str, geojson: dict, paid: dict, w: Words, scale: bool, url: str | None = None) -> list:
    """An invisible first trace, then the municipalities coloured by income (grey: none) on subplot ``geo``.

    ``url``: where the browser fetches the same GeoJSON (the app serves it, seconomy.ui.geofiles); the figure then
    carries its address instead of its polygons, so each rerun copies and serialises 1 KB instead of 150 KB. Only
    the features named in ``locations`` are drawn either way.

    Offline: plotly.js fetches its world topojson from a CDN whenever the FIRST trace of a ``geo`` subplot
    has a ``locationmode`` (every choropleth has one) or a base layer is shown. So the base layers are
    hidden and each subplot's first trace is an invisible point without locations.
    tests/e2e/test_risk_browser.py checks the polygons draw with every outside request blocked.
    """
    features = geojson["features"]
    codes = [f["properties"]["code"] for f in features]
    amounts = [paid.get(c, (0.0, 0.0))[0] for c in codes]
    hover = [[f["properties"]["name"], w.money(paid[c][0]) if c in paid else w.text("risk.map.none"),
              w.percent(paid[c][1]) if c in paid else "–"] for f, c in zip(features, codes, strict=True)]
    top = max((a for a, _ in paid.values()), default=1.0)
    west, south, east, north = bbox(features)  # the invisible point sits in the middle: fitbounds counts it too
    return [
        go.Scattergeo(lon=[(west + east) / 2], lat=[(south + north) / 2], mode="markers", marker=dict(size=1, opacity=0),
                      hoverinfo="skip", showlegend=False, geo=geo),
        go.Choropleth(
            geojson=url or geojson, featureidkey=FEATURE_ID, locations=codes, z=amounts, zmin=0, zmax=top, geo=geo,
            colorscale=[[0, COLORS["none"]], [1e-9, "#9ed9cc"], [0.25, "#4fb0a0"], [1, "#1d4f60"]], showscale=scale,
            marker_line_color="white", marker_line_width=0.4, customdata=hover,
            hovertemplate="%{customdata[0]}: %{customdata[1]} (%{customdata[2]})<extra></extra>",
            colorbar=dict(title=dict(text=w.text("risk.map.colorbar")), tickformat=",.0f", thickness=12)),
    ]


def _paid(by_municipality: pd.DataFrame) -> dict[str, tuple[float, float]]:
    return {str(int(c)): (a, s) for c, a, s in zip(by_municipality["municipality_code"], by_municipality["amount"],
                                                   by_municipality["share"], strict=True) if not pd.isna(c)}


def _geo_figure(traces: list, height: int) -> go.Figure:
    return go.Figure(data=traces, layout=dict(
        height=height, margin=dict(l=0, r=0, t=10, b=0), font=FONT, dragmode=False,
        geo=dict(visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)")))


def municipality_map(by_municipality: pd.DataFrame, geojson: dict, w: Words, url: str | None = None) -> go.Figure:
    """Denmark's 98 municipalities coloured by income in the window (grey: no income), drawn with no map tiles.

    ``url``: the address the browser fetches ``geojson`` from (else the polygons travel inside the figure)."""
    return _geo_figure(_choropleth("geo", geojson, _paid(by_municipality), w, scale=True, url=url), 480)


def municipality_zoom(by_municipality: pd.DataFrame, geojson: dict, w: Words, url: str | None = None) -> go.Figure | None:
    """A closer look at the paying municipalities and their neighbours (None when no municipality paid).

    ``geojson`` should be the finer one (seconomy.risk.geo ZOOM_TOLERANCE_M); colours match the country map.
    ``url``: the address of that whole file (the trace names only the nearby municipalities, which are drawn).
    """
    paid = _paid(by_municipality)
    nearby = around(geojson, set(paid))
    return _geo_figure(_choropleth("geo", nearby, paid, w, scale=False, url=url), 480) if nearby else None


def mosaic_over_time(mosaic: pd.DataFrame, w: Words) -> go.Figure:
    """Shares of the six streams per quarter (100 % bars, legend in the order of the stack), with the quarter's HHI.

    Quarters are categories labelled ``K4 2026`` / ``Q4 2026`` (a date axis would write ``10/2026``).
    """
    pct = w.percent_suffix
    quarters = {q: w.quarter(q) for q in sorted(set(mosaic["quarter"]))}
    traces = [go.Bar(x=[quarters[q] for q in part["quarter"]], y=part["share"] * 100, name=w.stream(stream),
                     marker_color=STREAM_COLORS[stream], hovertemplate="%{y:.1f}" + pct)
              for stream in STREAMS if not (part := mosaic[mosaic["stream"] == stream]).empty]
    per_quarter = mosaic.drop_duplicates("quarter")
    traces.append(go.Scatter(x=[quarters[q] for q in per_quarter["quarter"]], y=per_quarter["hhi"],
                             name=w.text("risk.mosaic.hhi"), yaxis="y2", mode="lines+markers",
                             line=dict(color="black", width=2), hovertemplate="%{y:,.0f}"))
    return _figure(traces, 400, barmode="stack", legend={**LEGEND, "traceorder": "reversed"},
                   xaxis=dict(type="category", categoryorder="array", categoryarray=list(quarters.values())),
                   yaxis=dict(range=[0, 100], ticksuffix=pct),
                   yaxis2=dict(range=[0, 10_000], tickformat=",.0f", showgrid=False, title=w.text("risk.mosaic.hhi"),
                               overlaying="y", side="right", tickmode="linear", dtick=2000))


def exposure(months: pd.DataFrame, w: Words, money_axis: str) -> go.Figure:
    """Monthly income of agreements ending each month (red: renewal in the budget season) and the running total."""
    traces = [
        go.Bar(x=months["month"], y=months["ending_other"], name=w.text("risk.exposure.ending"), marker_color=COLORS["other"],
               hovertemplate="%{y:,.0f}"),
        go.Bar(x=months["month"], y=months["ending_budget_season"], name=w.text("risk.exposure.budget"),
               marker_color=COLORS["critical"], hovertemplate="%{y:,.0f}"),
        go.Scatter(x=months["month"], y=months["cumulative_monthly"], name=w.text("risk.exposure.cumulative"),
                   mode="lines+markers", line=dict(color=COLORS["line"], shape="hv"), hovertemplate="%{y:,.0f}"),
    ]
    return _figure(traces, 380, barmode="stack", yaxis=dict(title=money_axis, tickformat=",.0f", rangemode="tozero"),
                   xaxis=dict(dtick="M1", tickformat="%b %Y", hoverformat="%b %Y"))
