"""The enterprise's own track record: how often its applications were granted, per funder and per stage reached.

Win rate = granted / (granted + rejected) over the decided applications in the pipeline. Per funder
(spelled any case, a municipality by its short name), and per stage *reached*: an application decided
from the shortlist reached both "submitted" and "shortlisted", so the rate for a stage is over every
decided application that got at least that far — the empirical counterpart of the stage's default
probability, shown beside it. The stage an application was decided from is remembered when it is
decided in the app; an application entered as already decided counts as having reached "submitted"
(a decision needs an application). Funders without decided applications have no history (None).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.grants.model import DECIDED_STAGES, GRANTED, OPEN_STAGES, REJECTED, stage_defaults
from seconomy.grants.queries import load_applications
from seconomy.settings import get_settings
from seconomy.text import fold

ASSUMED_REACHED = "submitted"
FUNDER_COLUMNS = ("funder", "granted", "rejected", "decided", "win_rate", "open")
STAGE_COLUMNS = ("stage", "default", "granted", "rejected", "decided", "win_rate")


@dataclass(frozen=True)
class TrackRecord:
    by_funder: pd.DataFrame  # FUNDER_COLUMNS; win_rate None without history; most decided first
    by_stage: pd.DataFrame  # STAGE_COLUMNS, one row per open stage in order
    granted: int
    rejected: int

    @property
    def win_rate(self) -> float | None:
        return _rate(self.granted, self.rejected)


def _rate(granted: int, rejected: int) -> float | None:
    return granted / (granted + rejected) if granted + rejected else None


def _by_funder(frame: pd.DataFrame) -> pd.DataFrame:
    rows: dict[str, dict[str, object]] = {}
    for row in frame.to_dict("records"):
        entry = rows.setdefault(fold(str(row["payer"])), {"funder": row["payer"], GRANTED: 0, REJECTED: 0, "open": 0})
        if row["stage"] in DECIDED_STAGES:
            entry[row["stage"]] += 1
        else:
            entry["open"] += 1
    out = pd.DataFrame([{**r, "decided": r[GRANTED] + r[REJECTED], "win_rate": _rate(r[GRANTED], r[REJECTED])}
                        for r in rows.values()], columns=list(FUNDER_COLUMNS))
    if out.empty:
        return out
    out = out.sort_values(["decided", "granted", "funder"], ascending=[False, False, True], kind="stable")
    return _rates_as_objects(out.reset_index(drop=True))


def _rates_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """``win_rate`` as floats or None (pandas would make a missing rate NaN)."""
    rates = [None if r is None or r != r else float(r) for r in frame["win_rate"]]
    return frame.assign(win_rate=pd.Series(rates, index=frame.index, dtype=object))


def _by_stage(frame: pd.DataFrame, defaults: dict[str, float]) -> pd.DataFrame:
    decided = frame[frame["stage"].isin(DECIDED_STAGES)]
    reached = [OPEN_STAGES.index(s if s in OPEN_STAGES else ASSUMED_REACHED) for s in decided["stage_before_grant"]]
    stages = list(decided["stage"])
    rows = []
    for index, stage in enumerate(OPEN_STAGES):
        got_there = [s for s, r in zip(stages, reached, strict=True) if r >= index]
        granted, rejected = got_there.count(GRANTED), got_there.count(REJECTED)
        rows.append({"stage": stage, "default": defaults[stage], "granted": granted, "rejected": rejected,
                     "decided": granted + rejected, "win_rate": _rate(granted, rejected)})
    return _rates_as_objects(pd.DataFrame(rows, columns=list(STAGE_COLUMNS)))


def track_record_of(frame: pd.DataFrame, defaults: dict[str, float]) -> TrackRecord:
    """The track record of applications as ``load_applications`` gives them."""
    stages = list(frame["stage"])
    return TrackRecord(_by_funder(frame), _by_stage(frame, defaults), stages.count(GRANTED), stages.count(REJECTED))


def track_record(con: duckdb.DuckDBPyConnection) -> TrackRecord:
    """Win rates per funder and per stage reached, beside the stages' default probabilities."""
    defaults = stage_defaults(get_settings(con))
    return track_record_of(load_applications(con, defaults), defaults)
