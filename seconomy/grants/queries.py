"""Reading the pipeline exactly: money stays Decimal, dates stay dates, each application with its probability.

Like seconomy.agreements.queries, rows are fetched and built into object frames instead of ``.df()``,
which would turn DECIMAL into float and DATE[] into arrays of timestamps.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from seconomy.grants.model import payer_key, probability_of, stage_defaults
from seconomy.settings import get_settings
from seconomy.store.pipeline import APPLICATION_COLUMNS

_SQL = f"""SELECT a.id, {', '.join('a.' + c for c in APPLICATION_COLUMNS)}, a.agreement_id, a.stage_before_grant,
    a.updated_at, g.id IS NOT NULL AS has_agreement
    FROM applications a LEFT JOIN agreements g ON g.id = a.agreement_id ORDER BY a.id"""

FRAME_COLUMNS = ("id", *APPLICATION_COLUMNS, "agreement_id", "stage_before_grant", "updated_at", "has_agreement",
                 "payer", "p")


def load_applications(con: duckdb.DuckDBPyConnection, defaults: dict[str, float] | None = None) -> pd.DataFrame:
    """Every application, ordered by id, with ``payer`` (its payer key) and ``p`` (the probability it counts with).

    ``p`` is the application's own estimate, else its stage's default (settings); granted 1, rejected 0.
    ``report_due`` is a list of dates (empty list for none).
    """
    defaults = defaults or stage_defaults(get_settings(con))
    rows = con.execute(_SQL).fetchall()
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS[:-2]), dtype=object)
    frame["report_due"] = [list(v) if v is not None else [] for v in frame["report_due"]]
    frame["payer"] = [payer_key(f) for f in frame["funder"]]
    frame["p"] = [probability_of(s, o, defaults) for s, o in zip(frame["stage"], frame["probability"], strict=True)]
    return frame.astype({"payer": object, "p": float})


def get_application(con: duckdb.DuckDBPyConnection, app_id: int) -> dict[str, object] | None:
    """One application as a mapping (as in ``load_applications``), or None."""
    frame = load_applications(con)
    found = frame[frame["id"] == app_id]
    return found.iloc[0].to_dict() if len(found) else None
