"""The risk page's figures: what they draw, and that the map needs nothing from the network."""

from __future__ import annotations

import datetime as dt

from seconomy.risk import charts, concentration, exposure_ahead, rolling, stream_mosaic
from seconomy.risk.geo import ZOOM_TOLERANCE_M, municipality_geojson
from seconomy.text.catalog import CATALOG
from seconomy.window import Window

WINDOW = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def text(key, **values):
    return CATALOG[key][1].format(**values)


def test_pareto_bars_lines_and_colours(fixture_db):
    result = concentration(fixture_db, WINDOW)
    fig = charts.pareto(result.groups, result.thresholds, text, str, str)
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
    bars = charts.pareto(result.groups, result.thresholds, text, str, str).data[0]
    assert len(bars.x) == charts.PARETO_BARS + 1 and bars.x[-1] == "Others (5)"
    # the five smallest: 1 + 2 + 3 + 4 + 5 = 15 of 1 + … + 25 = 325
    assert abs(bars.y[-1] - 100 * 15 / 325) < 1e-9


def test_map_draws_offline(fixture_db):
    municipal = concentration(fixture_db, WINDOW, "municipality").groups
    fig = charts.municipality_map(municipal, municipality_geojson(), text, str)
    first, choropleth = fig.data
    # plotly.js fetches its world topojson when the FIRST geo trace has a locationmode, or a base layer shows
    assert first.type == "scattergeo" and first.locations is None and first.locationmode is None
    assert fig.layout.geo.visible is False and fig.layout.geo.fitbounds == "locations"
    assert choropleth.type == "choropleth" and len(choropleth.locations) == 98
    z = dict(zip(choropleth.locations, choropleth.z, strict=True))
    assert (z["101"], z["159"], z["147"]) == (50000.0, 20000.0, 0.0)


def test_zoom_on_the_paying_municipalities(fixture_db):
    municipal = concentration(fixture_db, WINDOW, "municipality").groups
    fig = charts.municipality_zoom(municipal, municipality_geojson(ZOOM_TOLERANCE_M), text, str)
    first, choropleth = fig.data
    assert first.type == "scattergeo" and first.locationmode is None
    # København and Gladsaxe, with the neighbours inside their box (Frederiksberg sits inside København)
    assert {"101", "159", "147"} <= set(choropleth.locations) and "851" not in choropleth.locations  # not Aalborg
    assert 12.3 < first.lon[0] < 12.7 and 55.6 < first.lat[0] < 55.8  # the invisible point is in the zoom, not in Jutland
    empty = concentration(fixture_db, Window(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), "municipality").groups
    assert charts.municipality_zoom(empty, municipality_geojson(ZOOM_TOLERANCE_M), text, str) is None


def test_trend_mosaic_and_exposure_figures(fixture_db):
    result = concentration(fixture_db, WINDOW)
    trend = charts.hhi_trend(rolling(fixture_db, WINDOW.end), result.thresholds, text)
    assert len(trend.layout.shapes) == 3  # the low / moderate / high bands
    assert list(trend.data[0].y) == [rolling(fixture_db, WINDOW.end)["hhi"].iloc[0], 3250.0]
    mosaic = charts.mosaic_over_time(stream_mosaic(fixture_db, WINDOW.end), text, str)
    assert {t.name for t in mosaic.data if t.type == "bar"} == {"municipal_contract", "wage_subsidy", "product_sale",
                                                                "foundation_grant", "other"}
    exposure = charts.exposure(exposure_ahead(fixture_db, WINDOW.end).months, text, "DKK")
    assert [t.name for t in exposure.data] == ["Ending", "Ending, renewal in the budget season",
                                               "Monthly income no longer under agreement (cumulative)"]
