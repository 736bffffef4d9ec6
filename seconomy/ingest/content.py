"""Recognising a file's columns by what they hold, for a statement with no header row.

Why: some banks (Arbejdernes Landsbank among them) export statements without a header row. Reading the first
line as a header would lose that line and leave every column unnamed. A first line whose cells are a date and
an amount, and none of them a header word we know, is data: the columns are then named 1, 2, … and recognised by
content — the date column (most values are dates), the amount and the balance (numbers; the balance is the one
that changes by the amount from row to row), and the text (the widest column of words).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from seconomy.ingest.bulk import RAW
from seconomy.ingest.columns import detect_columns
from seconomy.ingest.values import parse_amount, parse_date

SAMPLE = 200
SHARE = 0.8  # a column is of a kind when at least this share of its non-empty sampled values are


def _is_date(value: object) -> bool:
    try:
        parse_date(value)
        return True
    except ValueError:
        return False


def _ore(value: object) -> int | None:
    try:
        return parse_amount(value)
    except ValueError:
        return None


def looks_headerless(header: Sequence[str]) -> bool:
    """True when the 'header' is a data row: it has a date and an amount, and no cell is a header word we know."""
    if detect_columns(list(header)):
        return False
    dates = sum(1 for cell in header if cell and _is_date(cell))
    amounts = sum(1 for cell in header if cell and not _is_date(cell) and _ore(cell) is not None)
    return dates >= 1 and amounts >= 1


def _sample(con: duckdb.DuckDBPyConnection, width: int) -> list[list[str | None]]:
    cells = [duckdb.ColumnExpression(f"c{i}") for i in range(width)]  # columns by name, no SQL text built from them
    return [list(r) for r in con.table(RAW).order("line").limit(SAMPLE).select(*cells).fetchall()]


def _share(values: list[str | None], test) -> float:
    filled = [v for v in values if v not in (None, "")]
    return sum(1 for v in filled if test(v)) / len(filled) if filled else 0.0


def _consistency(amounts: list[int | None], balances: list[int | None]) -> float:
    """How often the balance moves by the amount between neighbouring rows (either order of the rows)."""
    pairs = [(a, b) for a, b in zip(amounts, balances, strict=True)]
    hits = total = 0
    for (a0, b0), (a1, b1) in zip(pairs, pairs[1:], strict=False):
        if None in (a0, b0, a1, b1):
            continue
        total += 1
        hits += (b1 - b0 == a1) or (b0 - b1 == a0)
    return hits / total if total else 0.0


def columns_by_content(con: duckdb.DuckDBPyConnection, header: Sequence[str]) -> dict[str, str]:
    """role → column name (``1``, ``2`` …) for date, description, amount and balance, from the values."""
    rows = _sample(con, len(header))
    columns = [[row[i] for row in rows] for i in range(len(header))]
    dates = [i for i, values in enumerate(columns) if _share(values, _is_date) >= SHARE]
    numbers = [i for i, values in enumerate(columns)
               if i not in dates and _share(values, lambda v: _ore(v) is not None) >= SHARE]
    found: dict[str, str] = {}
    if dates:
        found["date"] = header[dates[0]]
    ores = {i: [_ore(v) for v in columns[i]] for i in numbers}
    best = max(((a, b) for a in numbers for b in numbers if a != b),
               key=lambda pair: _consistency(ores[pair[0]], ores[pair[1]]), default=None)
    if best is not None and _consistency(ores[best[0]], ores[best[1]]) > 0:
        found["amount"], found["balance"] = header[best[0]], header[best[1]]
    elif numbers:
        found["amount"] = header[numbers[0]]
        if len(numbers) > 1:
            found["balance"] = header[numbers[1]]
    texts = [i for i in range(len(header)) if i not in dates and i not in numbers]
    if texts:
        widest = max(texts, key=lambda i: sum(len(v or "") for v in columns[i]))
        found["description"] = header[widest]
    return found
