"""The municipality polygons prepared for the map."""

from __future__ import annotations

import json

from seconomy.municipalities import all_municipalities
from seconomy.risk.geo import _signed_area, municipality_geojson, simplify


def test_one_multipolygon_per_municipality():
    features = municipality_geojson()["features"]
    assert sorted(int(f["properties"]["code"]) for f in features) == sorted(m.code for m in all_municipalities())
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in features)
    kbh = next(f for f in features if f["properties"]["code"] == "101")
    assert kbh["properties"]["name"] == "København"


def test_rings_are_closed_and_exteriors_run_clockwise():
    for feature in municipality_geojson()["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            exterior, *holes = polygon
            assert exterior[0] == exterior[-1] and len(exterior) >= 4
            assert _signed_area(exterior) < 0  # clockwise: d3-geo's "inside"
            assert all(_signed_area(h) > 0 for h in holes)


def test_small_enough_to_send_on_every_rerun():
    assert len(json.dumps(municipality_geojson(), separators=(",", ":"))) < 150_000
    bornholm = next(f for f in municipality_geojson()["features"] if f["properties"]["code"] == "400")
    lons = [p[0] for poly in bornholm["geometry"]["coordinates"] for p in poly[0]]
    assert 14.6 < min(lons) < max(lons) < 15.2  # still where it belongs


def test_simplify_keeps_the_corners():
    square = [(0, 0), (0.5, 0.01), (1, 0), (1, 1), (0, 1), (0, 0)]
    assert simplify(square, 0.1) == [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]


def test_the_served_geojson_files_are_the_simplified_polygons():
    """static/*.geojson (fetched by the browser, seconomy.ui.geofiles) never drift from what the code computes."""
    from seconomy.ui import geofiles

    for tolerance, name in geofiles.FILES.items():
        assert (geofiles.STATIC / name).read_text(encoding="utf-8") == geofiles.content(tolerance) + "\n", name


def test_a_map_with_a_url_carries_the_address_instead_of_the_polygons():
    import pandas as pd

    from seconomy.risk import charts
    from seconomy.text.words import words

    groups = pd.DataFrame({"municipality_code": [101, 159], "amount": [1000.0, 500.0], "share": [2 / 3, 1 / 3]})
    inline = charts.municipality_map(groups, municipality_geojson(), words("da"))
    served = charts.municipality_map(groups, municipality_geojson(), words("da"), "app/static/kommuner.geojson")
    assert served.data[1].geojson == "app/static/kommuner.geojson" and isinstance(inline.data[1].geojson, dict)
    assert list(served.data[1].locations) == list(inline.data[1].locations)  # the same 98 municipalities, drawn alike
    assert len(served.to_json()) < len(inline.to_json()) / 10  # 9 KB of hover texts instead of 111 KB
