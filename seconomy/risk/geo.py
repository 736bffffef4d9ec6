"""The municipality polygons, prepared once for Plotly's ``geo`` choropleth.

Why prepare: data/kommuner.geojson holds 311 polygons (islands are separate features) with a dummy
height on every point, 1.9 MB in all, and every page rerun ships the figure to the browser.
- plotly.js draws only the FIRST feature per id, so a municipality's islands become one MultiPolygon;
- the rings are simplified (Douglas–Peucker, tolerance ``TOLERANCE_M`` = 500 m: the page's map of Denmark
  is ~500 px for ~450 km, so about 1 km a pixel), rounded to 4 decimals (≈ 10 m), and islets under
  ``MIN_AREA`` (≈ 0.15 km²) dropped: ~5 000 points, 0.1 MB. Size matters because Streamlit deep-copies and
  serialises the figure on every rerun (≈ 0.25 s for the full-detail file);
- d3-geo (which plotly.js uses) reads a ring's orientation on the sphere: an exterior ring must run
  clockwise, else it means "the whole globe except this" and floods the map. Orientation is enforced
  after simplification, and rings that collapsed to (almost) nothing are dropped.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

from seconomy.municipalities import by_code
from seconomy.paths import KOMMUNER_GEOJSON

TOLERANCE_M = 500.0  # the whole country
ZOOM_TOLERANCE_M = 80.0  # the zoom on the paying municipalities: a few dozen polygons, finer detail
MIN_AREA = 2e-5  # degrees² (≈ 0.15 km² at 56° N)
FEATURE_ID = "properties.code"
_DEG_M = 111_320.0  # metres per degree of latitude
_COS = math.cos(math.radians(56.0))  # shrink longitudes to metres at Denmark's latitude

Point = tuple[float, float]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on planar points: keep the points farther than ``tolerance`` from the chord."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for k in range(first + 1, last):
            x, y = points[k]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else math.hypot(x - x1, y - y1)
            if distance > best:
                best, index = distance, k
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in degrees²: negative for a clockwise ring."""
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def _ring(raw: list[list[float]], exterior: bool, tolerance: float) -> list[list[float]] | None:
    """One ring simplified, rounded and oriented (exterior clockwise, holes anticlockwise); None if it vanished."""
    metres = [(p[0] * _COS * _DEG_M, p[1] * _DEG_M) for p in raw]
    kept = simplify(metres, tolerance)
    ring = [[round(x / (_COS * _DEG_M), 4), round(y / _DEG_M, 4)] for x, y in kept]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    area = _signed_area(ring)
    if len(ring) < 4 or abs(area) < MIN_AREA:  # nothing to see at this scale, and its orientation is unreliable
        return None
    return ring[::-1] if (area > 0) == exterior else ring


@lru_cache(maxsize=4)
def municipality_geojson(tolerance: float = TOLERANCE_M) -> dict[str, Any]:
    """A FeatureCollection with one MultiPolygon per municipality; id ``properties.code`` = code as text.
    ``tolerance`` (metres) is the simplification: TOLERANCE_M for the country, ZOOM_TOLERANCE_M for a zoom.

    Christiansø (code 411 in the file) is no municipality and is left out.
    """
    with open(KOMMUNER_GEOJSON, encoding="utf-8") as fh:
        source = json.load(fh)
    known = by_code()
    polygons: dict[int, list] = {}
    for feature in source["features"]:
        code = int(feature["properties"]["lau_1"])
        geometry = feature["geometry"]
        if code not in known:
            continue
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for part in parts:
            exterior = _ring(part[0], True, tolerance)
            if exterior is not None:
                holes = [h for h in (_ring(r, False, tolerance) for r in part[1:]) if h is not None]
                polygons.setdefault(code, []).append([exterior, *holes])
    features = [
        {"type": "Feature", "properties": {"code": str(code), "name": known[code].name},
         "geometry": {"type": "MultiPolygon", "coordinates": parts}}
        for code, parts in sorted(polygons.items())
    ]
    return {"type": "FeatureCollection", "features": features}


BBox = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


def bbox(features: list[dict[str, Any]]) -> BBox | None:
    """The bounding box of the features' exterior rings (None for no features)."""
    lons = [p[0] for f in features for polygon in f["geometry"]["coordinates"] for p in polygon[0]]
    lats = [p[1] for f in features for polygon in f["geometry"]["coordinates"] for p in polygon[0]]
    return (min(lons), min(lats), max(lons), max(lats)) if lons else None


def around(geojson: dict[str, Any], codes: set[str], pad: float = 0.15) -> dict[str, Any] | None:
    """The municipalities ``codes`` and those within their bounding box (padded by ``pad`` of its size).

    For the map's zoom on the paying municipalities: the neighbours give the picture its context.
    None when ``codes`` holds no municipality.
    """
    box = bbox([f for f in geojson["features"] if f["properties"]["code"] in codes])
    if box is None:
        return None
    dx, dy = (box[2] - box[0]) * pad, (box[3] - box[1]) * pad
    box = (box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy)
    return {"type": "FeatureCollection",
            "features": [f for f in geojson["features"] if f["properties"]["code"] in codes or _within(bbox([f]), box)]}


def _within(a: BBox | None, b: BBox) -> bool:
    """Whether box ``a`` lies mostly inside ``b`` (its centre is inside): neighbours, not half of Zealand."""
    return a is not None and b[0] <= (a[0] + a[2]) / 2 <= b[2] and b[1] <= (a[1] + a[3]) / 2 <= b[3]
