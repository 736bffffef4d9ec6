"""Reading an agreements file (CSV or XLSX) through the ledger import's shared reader.

Why the shared reader (seconomy.ingest.reader.read_table): an agreements file comes from the same
bookkeeping desks as the ledger — semicolons or commas, decimal commas, UTF-8 or Windows-1252,
XLSX with real date cells — and must be read the same way. This module only adapts its result to
numbered rows and turns a missing file or a misplaced ``--sheet`` into usage errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from seconomy.errors import LineError, UsageError
from seconomy.ingest.reader import file_kind, read_bytes
from seconomy.ingest.reader import read_table as read_raw


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (line number in the file, cells in header order); header = line 1
    format: str  # e.g. "CSV, UTF-8, comma-separated" or "Excel workbook, sheet 'Aftaler'"
    errors: list[LineError] = field(default_factory=list)  # records that could not be split into the header's columns


def read_table(source: str | Path | bytes, name: str | None = None, sheet: str | None = None) -> Table:
    """Read a file (a path, or bytes with its file ``name``); CSV or XLSX is told by the content."""
    if not isinstance(source, bytes) and not Path(source).is_file():
        raise UsageError(f"no such file: {source}")
    data = read_bytes(source)
    file_name = name or (Path(source).name if not isinstance(source, bytes) else "upload")
    if sheet is not None and data.strip() and file_kind(data, file_name) != "xlsx":
        raise UsageError("--sheet only applies to .xlsx workbooks")
    raw = read_raw(data, file_name, sheet=sheet)
    rows = list(zip(raw.lines, raw.rows, strict=True))
    return Table(list(raw.header), rows, raw.detected.describe(), list(raw.errors))
