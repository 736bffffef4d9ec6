"""The municipality GeoJSON the browser fetches from the app itself, instead of receiving it inside every map.

Why: a map whose figure holds 98 simplified municipality polygons costs each rerun of the Risk page a deep copy
and a JSON pass of 150 KB per map (two maps: ~0,2 s of a 0,33 s rerun at 1M entries). Served as a static file
(Streamlit's ``server.enableStaticServing``, ``static/`` beside app.py, at ``app/static/…``) the figure carries
its address, the browser fetches it once and caches it, and nothing leaves the machine (same server).

The files are the output of ``seconomy.risk.geo.municipality_geojson`` written out (``write_files``); a test keeps
them equal to it. When static serving is off or a file is missing, the maps carry their polygons as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from seconomy.paths import PROJECT_ROOT
from seconomy.risk.geo import TOLERANCE_M, ZOOM_TOLERANCE_M, municipality_geojson

STATIC = PROJECT_ROOT / "static"
FILES = {TOLERANCE_M: "kommuner.geojson", ZOOM_TOLERANCE_M: "kommuner_zoom.geojson"}


def content(tolerance: float) -> str:
    """The file's text: the simplified GeoJSON, compact."""
    return json.dumps(municipality_geojson(tolerance), ensure_ascii=False, separators=(",", ":"))


def write_files(folder: Path = STATIC) -> list[Path]:
    """Write the served files (run after changing the simplification: python -m seconomy.ui.geofiles)."""
    folder.mkdir(exist_ok=True)
    written = []
    for tolerance, name in FILES.items():
        (folder / name).write_text(content(tolerance) + "\n", encoding="utf-8")
        written.append(folder / name)
    return written


def url(tolerance: float) -> str | None:
    """The relative address the browser fetches the GeoJSON of ``tolerance`` from, or None (send it inline)."""
    name = FILES.get(tolerance)
    if name is None or not st.get_option("server.enableStaticServing") or not (STATIC / name).exists():
        return None
    return f"app/static/{name}"  # relative: right behind a reverse proxy's path prefix too


if __name__ == "__main__":
    for path in write_files():
        print(path)
