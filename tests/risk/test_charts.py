"""The risk page's figures: what they draw, and that the map needs nothing from the network."""

from __future__ import annotations

import datetime as dt

from seconomy.risk import charts, concentration, exposure_ahead, rolling, stream_mosaic
from seconomy.risk.geo import ZOOM_TOLERANCE_M, municipality_geojson
from seconomy.text.words import words
from seconomy.window import Window

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
EN, DA = words("en"), words("da")


def test_pareto_bars_lines_and_colours(fixture_db):
    result = concentration(fixture_db, WINDOW)
    fig = charts.pareto(result.groups, result.thresholds, EN, str)
    bars, cumulative = fig.data
    assert list(bars.x) == ["København", "Gladsaxe", "Café Sol", "Fonden", "Rotary"]
    assert list(bars.y) == [50.0, 20.0, 15.0, 10.0, 5.0]
    assert bars.marker.color[0] == charts.COLORS["critical"] and bars.marker.color[1] == charts.COLORS["major"]
    assert list(cumulative.y)[-1] == 100.0
    assert sorted(shape.y0 for shape in fig.layout.shapes) == [10.0, 25.0]


def test_pareto_folds_the_tail_into_others(con):
    from tests.risk.conftest import add_ledger
    add_ledger(con, [(dt.date(2026, 5, 1), 100_000 * (i + 1), "product_sale", f"K{i:02d}", None) for i in range(25)])
    result = concentration(con, WINDOW)
    bars = charts.pareto(result.groups, result.thresholds, EN, str).data[0]
    assert len(bars.x) == charts.PARETO_BARS + 1 and bars.x[-1] == "Others (5)"
    # the five smallest: 1 + 2 + 3 + 4 + 5 = 15 of 1 + … + 25 = 325
    assert abs(bars.y[-1] - 100 * 15 / 325) < 1e-9


def test_map_draws_offline(fixture_db):
    municipal = concentration(fixture_db, WINDOW, "municipality").groups
    fig = charts.municipality_map(municipal, municipality_geojson(), EN)
    first, choropleth = fig.data
    # plotly.js fetches its world topojson when the FIRST geo trace has a locationmode, or a base layer shows
    assert first.type == "scattergeo" and first.locations is None and first.locationmode is None
    assert fig.layout.geo.visible is False and fig.layout.geo.fitbounds == "locations"
    assert choropleth.type == "choropleth" and len(choropleth.locations) == 98
    z = dict(zip(choropleth.locations, choropleth.z, strict=True))
    assert (z["101"], z["159"], z["147"]) == (50000.0, 20000.0, 0.0)


def test_zoom_on_the_paying_municipalities(fixture_db):
    municipal = concentration(fixture_db, WINDOW, "municipality").groups
    fig = charts.municipality_zoom(municipal, municipality_geojson(ZOOM_TOLERANCE_M), EN)
    first, choropleth = fig.data
    assert first.type == "scattergeo" and first.locationmode is None
    # København and Gladsaxe, with the neighbours inside their box (Frederiksberg sits inside København)
    assert {"101", "159", "147"} <= set(choropleth.locations) and "851" not in choropleth.locations  # not Aalborg
    assert 12.3 < first.lon[0] < 12.7 and 55.6 < first.lat[0] < 55.8  # the invisible point is in the zoom, not in Jutland
    empty = concentration(fixture_db, Window(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), "municipality").groups
    assert charts.municipality_zoom(empty, municipality_geojson(ZOOM_TOLERANCE_M), EN) is None


def test_trend_mosaic_and_exposure_figures(fixture_db):
    result = concentration(fixture_db, WINDOW)
    trend = charts.hhi_trend(rolling(fixture_db, WINDOW.end), result.thresholds, EN)
    assert len(trend.layout.shapes) == 3  # the low / moderate / high bands
    assert list(trend.data[0].y) == [rolling(fixture_db, WINDOW.end)["hhi"].iloc[0], 3250.0]
    mosaic = charts.mosaic_over_time(stream_mosaic(fixture_db, WINDOW.end), EN)
    assert {t.name for t in mosaic.data if t.type == "bar"} == {"Municipal contracts", "Wage subsidies", "Product sales",
                                                                "Foundation grants", "Other"}
    exposure = charts.exposure(exposure_ahead(fixture_db, WINDOW.end).months, EN, "DKK")
    assert [t.name for t in exposure.data] == ["Ending", "Ending, renewal in the budget season",
                                               "Monthly income no longer under agreement (cumulative)"]


def test_percent_labels_follow_the_language(fixture_db):
    """One style per language: '25 %' on Danish axes, lines and hovers, '25%' on English ones."""
    result = concentration(fixture_db, WINDOW)
    danish = charts.pareto(result.groups, result.thresholds, DA, str)
    english = charts.pareto(result.groups, result.thresholds, EN, str)
    assert danish.layout.yaxis.ticksuffix == " %" and english.layout.yaxis.ticksuffix == "%"
    assert [a.text for a in danish.layout.annotations] == ["Stor kunde (10 %)", "Kritisk (25 %)"]
    assert [a.text for a in english.layout.annotations] == ["Major customer (10%)", "Critical (25%)"]
    assert danish.data[0].hovertemplate.startswith("%{y:.1f} %") and english.data[0].hovertemplate.startswith("%{y:.1f}%")


def test_quarters_are_labelled_k_and_q(fixture_db):
    mosaic = stream_mosaic(fixture_db, WINDOW.end)
    danish = charts.mosaic_over_time(mosaic, DA).data[0].x
    english = charts.mosaic_over_time(mosaic, EN).data[0].x
    assert "K4 2025" in danish and "Q4 2025" in english and not any("/" in q for q in (*danish, *english))


def test_a_name_with_markup_stays_text_in_the_chart(con):
    from tests.risk.conftest import add_ledger
    add_ledger(con, [(dt.date(2026, 5, 1), 100_000, "product_sale", "<b>Kunde</b> & co", None)])
    bars = charts.pareto(concentration(con, WINDOW).groups, concentration(con, WINDOW).thresholds, EN, str).data[0]
    assert list(bars.x) == ["&lt;b&gt;Kunde&lt;/b&gt; &amp; co"]  # plotly shows the entities as the characters
