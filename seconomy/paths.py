"""Where things live on disk: reference data and the default database."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = DATA_DIR / "seconomy.duckdb"
KOMMUNER_CSV = DATA_DIR / "kommuner.csv"
ALIASES_CSV = DATA_DIR / "kommune_aliases.csv"
KOMMUNER_GEOJSON = DATA_DIR / "kommuner.geojson"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file: ``--db`` if given, else ``$SECONOMY_DB``, else ``data/seconomy.duckdb``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("SECONOMY_DB")
    return Path(env) if env else DEFAULT_DB
