"""How income is grouped for the risk figures: by payer, municipality, stream or counterparty.

Every query here yields a CTE ``grp(period, key, code, amount, in_scope)``: the net amount of one
group in one period (a window, a month, a quarter), with ``in_scope`` marking the groups the HHI is
taken over (all of them, except ``by="municipality"`` where only municipal payers count).

The payer is the one each entry stores (resolved once at import, seconomy.ingest.classify: a municipality's short
name for any row with a municipality, else a rule's payer name, else the counterparty).

SQL text is assembled only from the fixed fragments below (never from user input); the window and
every setting are bound parameters ($start, $end, …).
"""

from __future__ import annotations

from seconomy.errors import UsageError

BY_OPTIONS: tuple[str, ...] = ("payer", "municipality", "stream", "counterparty")

_WHERE = "entry_date BETWEEN $start AND $end"

# {period} is one of the PERIOD expressions below; fragments are constants.
_FRAGMENTS: dict[str, str] = {
    # Summed by the stored payer alone, the municipality looked up by its name afterwards: the payer's name is the
    # municipality's short name exactly when the entry has one, and a second grouping key doubled the cost.
    "payer": """grp AS (
        SELECT p.period, p.payer AS key, m.code AS code, p.amount, {scope} AS in_scope
        FROM (SELECT {period} AS period, payer, sum(amount) AS amount FROM entries WHERE {where} GROUP BY {group}) p
        LEFT JOIN municipalities m ON m.name = p.payer)""",
    "stream": """grp AS (
        SELECT {period} AS period, stream AS key, NULL::SMALLINT AS code, sum(amount) AS amount, true AS in_scope
        FROM entries WHERE {where} GROUP BY ALL)""",
    "counterparty": """grp AS (
        SELECT {period} AS period, counterparty AS key, min(municipality_code) AS code, sum(amount) AS amount,
               true AS in_scope
        FROM entries WHERE {where} GROUP BY period, counterparty)""",
}

PERIODS: dict[str, str] = {
    "window": "$start",  # one period: the window, labelled by its first day
    "month": "date_trunc('month', entry_date)::DATE",
    "quarter": "date_trunc('quarter', entry_date)::DATE",
}


def check_by(by: str) -> str:
    """Return ``by`` if it is a grouping we know; else a usage error naming the valid ones."""
    if by not in BY_OPTIONS:
        raise UsageError(f"unknown grouping {by!r}; choose one of: {', '.join(BY_OPTIONS)}")
    return by


def grouped_cte(by: str, period: str = "window") -> str:
    """The CTE text ``grp(period, key, code, amount, in_scope)`` for ``by`` (without the leading WITH)."""
    check_by(by)
    fragment = _FRAGMENTS["payer" if by == "municipality" else by]
    scope = "m.code IS NOT NULL" if by == "municipality" else "true"
    group = "payer" if period == "window" else "period, payer"  # the window's one period is a constant, not a key
    return fragment.format(period=PERIODS[period], where=_WHERE, scope=scope, group=group)
