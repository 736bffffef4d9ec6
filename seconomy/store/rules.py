"""Writing the classification rules (the one place that changes the rules table)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from seconomy.ingest.rules import Rule
from seconomy.store.tx import transaction

_INSERT = ("INSERT INTO rules (position, match, field, stream, payer, municipality, exclude, origin) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _row(position: int, r: Rule) -> list[object]:
    return [position, r.match, r.field, r.stream, r.payer, r.municipality, r.exclude, r.origin]


def replace_rules(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule]) -> int:
    """The rule table becomes exactly ``rules``, in their order, all or nothing (or in the caller's transaction)."""
    with transaction(con):
        con.execute("DELETE FROM rules")
        if rules:
            con.executemany(_INSERT, [_row(i, r) for i, r in enumerate(rules, 1)])
    return len(rules)


def add_rules_first(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule]) -> None:
    """Put ``rules`` before every stored rule (an edit in the import preview: it must win over the defaults)."""
    if not rules:
        return
    con.execute("UPDATE rules SET position = position + ?", [len(rules)])
    con.executemany(_INSERT, [_row(i, r) for i, r in enumerate(rules, 1)])
