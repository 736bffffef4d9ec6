"""Exporting every income entry as CSV (machine-readable) or XLSX, safe to open in a spreadsheet.

CSV: UTF-8, comma-separated, a header row, ISO dates, amounts as plain numbers with a decimal point
(``-13500.00``), the stream as its id, the municipality as its code and its name. It is written by
DuckDB's own CSV writer (fast for a million rows). XLSX: real date and number cells.

Formula injection (OWASP "CSV injection"): a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would run as a formula when the file is opened in a spreadsheet, so such text gets a leading
apostrophe (text cells only — numbers and dates are never touched, ``-13500.00`` stays a number). The importer
removes that apostrophe again, so an export imports back exactly (``sql.unneutralised``); a text that starts
with apostrophes before such a character gets one more, so it too comes back as it was.

Exact round trips: XLSX cells cannot hold control characters; they are written as OOXML's ``_xHHHH_`` escapes
(``seconomy.ingest.xlsx.escape_text``), which the reader decodes. Files are written to a temporary file beside
the target and renamed over it (``seconomy.outputs``): a full disk never leaves half an export.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import duckdb

from seconomy import outputs
from seconomy.errors import UsageError
from seconomy.ingest.sql import DANGEROUS, lit
from seconomy.ingest.xlsx import escape_text

COLUMNS = ("date", "amount", "stream", "counterparty", "municipality_code", "municipality", "description", "reference")
TEXT_COLUMNS = ("stream", "counterparty", "municipality", "description", "reference")
FORMATS = (".csv", ".xlsx")
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, minus the header
_DANGEROUS = DANGEROUS  # apostrophes first: an earlier neutralised value must stay distinguishable
_DANGEROUS_RE = re.compile(_DANGEROUS)


def neutralise(text: object) -> object:
    """A text that a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(text, str) and _DANGEROUS_RE.match(text):
        return "'" + text
    return text


def _text(column: str, name: str) -> str:
    return f"CASE WHEN regexp_matches({column}, {lit(_DANGEROUS)}) THEN '''' || {column} ELSE {column} END AS {name}"


_QUERY = f"""SELECT entry_date AS date, amount, {_text('stream', 'stream')}, {_text('counterparty', 'counterparty')},
       municipality_code, {_text('municipality', 'municipality')}, {_text('description', 'description')},
       {_text('reference', 'reference')}
FROM income ORDER BY entry_date, counterparty, amount, reference, description"""


def entry_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM entries").fetchall()[0][0]


def write_csv(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Write every entry to ``path`` as CSV (atomically: a temporary file renamed over it); return the count."""
    copy = f"COPY ({_QUERY}) TO ? (FORMAT csv, HEADER true, DELIMITER ',')"  # _QUERY is a module constant
    with outputs.replacing(path) as temp:
        con.execute(copy, [str(temp)])
    return entry_count(con)


def csv_bytes(con: duckdb.DuckDBPyConnection) -> bytes:
    """The CSV export in memory (for a download button)."""
    with tempfile.TemporaryDirectory(prefix="seconomy-") as tmp:
        path = Path(tmp) / "entries.csv"
        write_csv(con, path)
        return path.read_bytes()


def xlsx_bytes(con: duckdb.DuckDBPyConnection) -> bytes:
    """Every entry as an .xlsx workbook: date cells, number cells with two decimals, neutralised text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    if entry_count(con) > XLSX_MAX_ROWS:
        raise UsageError(f"more than {XLSX_MAX_ROWS:,} entries do not fit in one Excel sheet; export as .csv",
                         code="export.too_big", rows=XLSX_MAX_ROWS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("entries")
    sheet.append(list(COLUMNS))
    result = con.execute(_QUERY)
    while batch := result.fetchmany(10_000):
        for row in batch:
            sheet.append([_cell(sheet, WriteOnlyCell, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet, cell_type, value: object) -> object:
    if isinstance(value, Decimal):
        cell = cell_type(sheet, value=value)
        cell.number_format = "0.00"
        return cell
    if isinstance(value, dt.date):
        cell = cell_type(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return escape_text(value) if isinstance(value, str) else value


def write_export(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Write every entry to ``path``, CSV or XLSX by its extension; return the number of entries."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"export to .csv or .xlsx, not {suffix or 'a file without extension'!r}")
    if suffix == ".csv":
        return write_csv(con, path)
    outputs.write_bytes(path, xlsx_bytes(con))
    return entry_count(con)
