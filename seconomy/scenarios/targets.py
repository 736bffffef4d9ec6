"""What a shock can hit, for the page's pickers: municipalities, payers, grants, agreements, cost lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from seconomy.forecast import Baseline, build_baseline
from seconomy.forecast.baseline import MAX_DELAY, MAX_MONTHS
from seconomy.forecast.months import month_range
from seconomy.scenarios.spec import Simulation
from seconomy.streams import STREAMS

GRANT_STREAMS = ("foundation_grant", "public_grant")


@dataclass(frozen=True)
class Targets:
    first_month: dt.date
    months: tuple[dt.date, ...]  # every month a scenario may start or a shock may begin
    municipalities: tuple[str, ...]  # short names with income in the forecast, largest first
    payers: tuple[str, ...]  # payer keys, largest first
    grants: tuple[tuple[str, str], ...]  # (payer, stream) of grant income
    agreements: tuple[tuple[int, str, str], ...]  # (id, counterparty, role 'agreement'|'pending')
    cost_categories: tuple[str, ...]
    largest_payer: str | None
    volatility: dict[str, float] = field(default_factory=dict)  # stream → σ a simulation uses unless the scenario sets one


def shock_targets(con: duckdb.DuckDBPyConnection) -> Targets:
    """Everything a shock may name, from the default 12-month baseline."""
    return targets_of(build_baseline(con))


def targets_of(baseline: Baseline) -> Targets:
    """Everything a shock may name, from a 12-month baseline already built (the page builds it once per rerun)."""
    lines = baseline.lines.copy()
    lines["total"] = baseline.amounts.sum(axis=1) * baseline.weights("expected")
    counted = lines[baseline.weights("expected") > 0]
    in_baseline = counted.groupby("key", sort=False)["total"].sum().sort_values(ascending=False, kind="stable")
    others = [k for k in dict.fromkeys(lines["key"]) if k not in in_baseline.index]
    ranked = [*in_baseline.index, *others]
    municipal = lines[lines["municipality_code"].notna()]
    municipalities = tuple(k for k in ranked if k in set(municipal["key"]))
    grants = lines[lines["stream"].isin(GRANT_STREAMS) & (lines["role"] != "pending")][["key", "stream"]].drop_duplicates()
    agreements = lines[lines["role"].isin(["agreement", "pending"])][["agreement_id", "counterparty", "role"]]
    return Targets(
        first_month=baseline.months[0],
        months=month_range(baseline.months[0], MAX_DELAY + MAX_MONTHS),
        municipalities=municipalities,
        payers=tuple(ranked),
        grants=tuple((str(k), str(s)) for k, s in grants.itertuples(index=False)),
        agreements=tuple((int(a), str(c), str(r)) for a, c, r in agreements.drop_duplicates("agreement_id").itertuples(index=False)),
        cost_categories=tuple(str(c) for c in baseline.costs.meta["category"]),
        largest_payer=str(in_baseline.index[0]) if len(in_baseline) else None,
        volatility={s: Simulation().sigma(s, baseline.calibration) for s in STREAMS},
    )
