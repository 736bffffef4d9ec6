"""Writes that belong to importing ledgers: remembered account streams and column mappings.

Why remembered: a bookkeeping export has accounts, not streams, and an unknown layout needs its
columns chosen by hand. The user does either once; every later file reuses the answer. The import
calls these inside its own transaction (``add_entries(also=...)``), so a failed or dry-run import
remembers nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import duckdb

from seconomy.store.config import set_setting
from seconomy.streams import STREAMS


def save_account_streams(con: duckdb.DuckDBPyConnection, pairs: Iterable[tuple[str, str]]) -> int:
    """Remember account → stream (the account number or name as the file writes it); return how many."""
    rows = [(str(account).strip(), stream) for account, stream in pairs if str(account).strip()]
    unknown = sorted({stream for _, stream in rows if stream not in STREAMS})
    if unknown:
        raise ValueError(f"unknown streams {unknown}")
    if rows:
        con.executemany(
            "INSERT INTO account_streams (account, stream) VALUES (?, ?) "
            "ON CONFLICT (account) DO UPDATE SET stream = excluded.stream",
            rows,
        )
    return len(rows)


def save_column_mapping(con: duckdb.DuckDBPyConnection, header_key: str, mapping: dict[str, str]) -> None:
    """Remember which column holds which role for files with this header."""
    con.execute(
        "INSERT INTO column_mappings (header_key, mapping) VALUES (?, ?) "
        "ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping",
        [header_key, json.dumps(mapping, ensure_ascii=False, sort_keys=True)],
    )


def mark_own_data(con: duckdb.DuckDBPyConnection) -> None:
    """After a real import the database holds the user's own data (the demo banner goes)."""
    set_setting(con, "dataset", "own")
