"""One transaction per piece of work, however many store functions it calls.

Why: a write that spans several store functions (the demo: entries, agreements, the pipeline, placements,
settings) must be one transaction, or a process killed half-way leaves half a demo behind. Each store function
therefore opens its writes with ``transaction(con)``: on its own it is a transaction of its own; called inside
another ``transaction(con)`` (or any explicit ``BEGIN``) it joins that one, and the outermost decides.

DuckDB has no nested transactions, and a ``BEGIN`` inside a transaction aborts the open one, so the helper asks
first: inside a transaction ``txid_current()`` is the same for two statements, in autocommit mode every
statement gets a new id.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

import duckdb


def in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """True when ``con`` is inside an explicit transaction (its writes are not committed yet)."""
    first = con.execute("SELECT txid_current()").fetchall()[0][0]
    return con.execute("SELECT txid_current()").fetchall()[0][0] == first


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, *, dry_run: bool = False) -> Iterator[None]:
    """Commit the block's writes together (roll back on any error, or always with ``dry_run``).

    Inside an enclosing transaction the block joins it: the enclosing one commits or rolls back everything. A dry
    run cannot join one (it could not undo its own writes without undoing the caller's): ValueError.
    """
    if in_transaction(con):
        if dry_run:
            raise ValueError("a dry run needs a transaction of its own")
        yield
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        _rollback(con)
        raise
    try:
        con.execute("ROLLBACK" if dry_run else "COMMIT")
    except BaseException:
        _rollback(con)  # a failed COMMIT has usually ended the transaction already
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open; never hide the error that brought us here."""
    with suppress(duckdb.Error):
        con.execute("ROLLBACK")
