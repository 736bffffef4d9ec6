"""Exporting the pipeline to one flat file (CSV or XLSX) and importing such a file back.

Import semantics, as for the agreements: **the file becomes the pipeline**. A row whose ``id`` is a
stored application updates it in place (keeping its id, its demo flag and its agreement); rows without
a known id are added; stored applications missing from the file are removed (a granted one's agreement
stays — it is a real grant). A row whose stage is granted gets its grant agreement in the same
transaction, a granted one set back to another stage loses it. All or nothing: one bad line and
nothing is written (InputError with one LineError per problem, header = line 1). Exporting, editing in
Excel and importing changes exactly what was edited; an unedited export imports as no change at all.

Exports: UTF-8 CSV with commas, ISO dates, a decimal point and ``;`` between report dates, or XLSX with
date and number cells; text starting with ``= + - @`` gets an apostrophe (removed on import).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from seconomy import outputs, store
from seconomy.agreements import values
from seconomy.agreements.files import neutralise, unneutralise
from seconomy.agreements.reader import Table, read_table
from seconomy.errors import InputError, LineError, UsageError
from seconomy.grants.layout import BY_NAME, COLUMNS, DANISH, field_for, headers
from seconomy.grants.model import Problem, agreement_row
from seconomy.grants.queries import load_applications
from seconomy.grants.validate import clean_application
from seconomy.ingest.xlsx import escape_text
from seconomy.store.pipeline import PipelineCounts

_TEXT = ("funder", "project", "restrictions")


# ---------------------------------------------------------------- export

def _cell(name: str, value: object, lang: str) -> object:
    empty = not value if isinstance(value, list) else values.is_empty(value)
    if empty:
        return None
    if name in DANISH and lang == "da":
        return DANISH[name][value]
    if name in _TEXT:
        return neutralise(str(value))
    return value


def export_frame(con: duckdb.DuckDBPyConnection, lang: str = "en") -> pd.DataFrame:
    """Every application in the file layout (canonical column names, typed values, None for empty)."""
    frame = load_applications(con)
    rows = [{c.name: _cell(c.name, record[c.name], lang) for c in COLUMNS} for record in frame.to_dict("records")]
    return pd.DataFrame(rows, columns=[c.name for c in COLUMNS], dtype=object)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(day.isoformat() for day in value)
    if isinstance(value, float):
        return repr(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _excel_cell(value: object) -> object:
    if isinstance(value, list):
        return ";".join(day.isoformat() for day in value)
    if isinstance(value, str):
        return escape_text(value)
    return float(value) if isinstance(value, Decimal) else value


def export_bytes(con: duckdb.DuckDBPyConnection, suffix: str, lang: str = "en") -> bytes:
    """The export as the bytes of a .csv or .xlsx file, headers (and value words) in ``lang``."""
    frame = export_frame(con, lang)
    frame.columns = headers(lang)
    if suffix.lower() == ".xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.map(_excel_cell).to_excel(writer, index=False, sheet_name="Ansøgninger" if lang == "da" else "Applications")
        return buffer.getvalue()
    if suffix.lower() != ".csv":
        raise UsageError(f"export to .csv or .xlsx, not {suffix or 'a file without extension'}")
    return outputs.csv_text([list(frame.columns), *frame.map(_csv_cell).values.tolist()]).encode("utf-8")


def export_file(con: duckdb.DuckDBPyConnection, path: str | Path, lang: str = "en") -> int:
    """Write the export to ``path`` (.csv or .xlsx by extension); return the number of applications."""
    outputs.write_bytes(path, export_bytes(con, Path(path).suffix, lang))
    return len(load_applications(con))


# ---------------------------------------------------------------- import

@dataclass(frozen=True)
class Finding:
    """One problem on one line of a file, with the column as the file spells it."""

    line: int
    column: str
    problem: Problem

    def line_error(self) -> LineError:
        return self.problem.line_error(self.line, self.column)


@dataclass(frozen=True)
class Parsed:
    rows: list[dict[str, object]]
    findings: list[Finding]
    format: str

    @property
    def errors(self) -> list[LineError]:
        return [f.line_error() for f in self.findings]


def _columns(table: Table) -> tuple[dict[int, str], list[Finding]]:
    """Map each header position to a field; unknown or repeated headers are findings on line 1."""
    fields: dict[int, str] = {}
    seen: dict[str, str] = {}
    findings: list[Finding] = []
    for position, header in enumerate(table.headers):
        name = field_for(header)
        if not header:
            if any(position < len(cells) and not values.is_empty(cells[position]) for _, cells in table.rows):
                findings.append(Finding(1, f"#{position + 1}", Problem(header, "no_header")))
        elif name is None:
            known = ", ".join(c.en for c in COLUMNS)
            findings.append(Finding(1, header, Problem(header, "unknown_column", params={"known": known})))
        elif name in seen:
            findings.append(Finding(1, header, Problem(header, "repeated_column", params={"other": seen[name]})))
        else:
            fields[position], seen[name] = name, header
    return fields, findings


def _raw(fields: Mapping[int, str], cells: list[object]) -> dict[str, object]:
    raw = {}
    for position, name in fields.items():
        value = cells[position] if position < len(cells) else None
        raw[name] = unneutralise(value.strip()) if isinstance(value, str) else value
    return raw


def _row_id(raw: Mapping[str, object]) -> tuple[int | None, list[Problem]]:
    try:
        row_id = values.integer(raw.get("id"))
        if row_id is not None and row_id <= 0:
            raise ValueError
    except ValueError:
        return None, [Problem("id", "id", values.text(raw.get("id")) or "")]
    return row_id, []


def parse_table(table: Table) -> Parsed:
    """Validate every row of a read file; the clean rows (with ``id``) and every finding."""
    fields, findings = _columns(table)
    findings += [Finding(e.line, e.column, Problem(e.column, "file", e.value, {"reason": e.reason})) for e in table.errors]
    header_of = {name: table.headers[pos] for pos, name in fields.items()}
    rows: list[dict[str, object]] = []
    first_line: dict[int, int] = {}
    for line, cells in table.rows:
        raw = _raw(fields, cells)
        row_id, problems = _row_id(raw)
        row, found = clean_application({k: v for k, v in raw.items() if k != "id"})
        problems += found
        if row_id is not None and row_id in first_line:
            problems.append(Problem("id", "duplicate_id", str(row_id), {"first": first_line[row_id]}))
        elif row_id is not None:
            first_line[row_id] = line
        rows.append({"id": row_id, **row})
        findings += [Finding(line, header_of.get(p.column) or _header(p.column), p) for p in problems]
    if not table.rows and not table.errors:
        findings.append(Finding(1, "", Problem("", "no_rows")))
    return Parsed(rows, findings, table.format)


def _header(name: str) -> str:
    """The English header of a field the file does not have (for a problem such as 'funder is required')."""
    return BY_NAME[name].en if name in BY_NAME else name


@dataclass(frozen=True)
class ImportSummary:
    format: str
    counts: PipelineCounts
    dry_run: bool

    def as_dict(self) -> dict[str, object]:
        return {"format": self.format, "dry_run": self.dry_run, **self.counts.as_dict()}


def import_table(con: duckdb.DuckDBPyConnection, table: Table, *, dry_run: bool = False) -> ImportSummary:
    """Make the pipeline the table's rows, all or nothing (InputError listing every bad line)."""
    parsed = parse_table(table)
    if parsed.findings:
        raise InputError(f"{len(parsed.errors)} problem(s) in the file; nothing was imported", parsed.errors)
    counts = store.replace_applications(con, parsed.rows, agreement_row, dry_run=dry_run)
    return ImportSummary(parsed.format, counts, dry_run)


def import_file(con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
                sheet: str | None = None, *, dry_run: bool = False) -> ImportSummary:
    """Read and import a pipeline file (a path, or bytes with its file name)."""
    return import_table(con, read_table(source, name, sheet), dry_run=dry_run)


@dataclass(frozen=True)
class Preview:
    """What importing a file would do: its findings (nothing can be imported), or the dry-run summary."""

    format: str
    findings: list[Finding]
    summary: ImportSummary | None


def preview_import(con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
                   sheet: str | None = None) -> Preview:
    """Validate a file and, if it is clean, report what the import would change (nothing is written)."""
    table = read_table(source, name, sheet)
    parsed = parse_table(table)
    if parsed.findings:
        return Preview(parsed.format, parsed.findings, None)
    return Preview(parsed.format, [], import_table(con, table, dry_run=True))
