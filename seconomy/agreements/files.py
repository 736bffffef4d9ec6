"""Exporting all agreements and cost lines to one flat file, and importing such a file back.

Import semantics — **the file replaces each section it contains**: if the file has agreement
rows, the stored agreements become exactly those rows; if it has cost rows, likewise the cost
lines; a section absent from the file is left alone. A row whose ``id`` is a stored row of its
section updates that row in place (keeping its id and, for the demo's rows, its demo flag); a
row without an id, or with an id not stored, is added; stored rows missing from the file are
removed. So exporting, editing in Excel and importing again changes exactly what was edited,
and re-importing an unedited export changes nothing. The import is all-or-nothing: any bad line
and nothing is written (InputError with one LineError per problem).

Exports neutralise text cells starting with ``= + - @``, a tab or a carriage return against formula injection
(OWASP) by a leading apostrophe, which the import removes again, so the round trip is exact; XLSX cells carry
control characters as OOXML escapes (``seconomy.ingest.xlsx.escape_text``). Files are written atomically.
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
from seconomy.agreements.layout import BY_NAME, COLUMNS, field_for, headers, row_type
from seconomy.agreements.model import Problem
from seconomy.agreements.queries import load_agreements, load_costs
from seconomy.agreements.reader import Table, read_table
from seconomy.agreements.validate import clean_agreement, clean_cost
from seconomy.errors import InputError, LineError, UsageError
from seconomy.ingest.xlsx import escape_text
from seconomy.store.plans import ReplaceCounts

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Which columns each kind of row may fill (``type`` and ``id`` are on every row).
_AGREEMENT_ONLY = ("counterparty", "municipality", "department", "placements", "price", "price_unit", "total_amount",
                   "schedule", "notice_months", "payment_days", "renewal_probability", "status")
_COST_ONLY = ("category", "kind", "share_of_income")
_TEXT = ("counterparty", "department", "category", "note")


def neutralise(text: str) -> str:
    """'=SUM(A1)' → "'=SUM(A1)": a spreadsheet shows it as text instead of running it (also after a tab or CR).

    A text that itself starts with an apostrophe gets one more, so ``unneutralise`` restores every text exactly.
    """
    return "'" + text if text.startswith((*_FORMULA_START, "'")) else text


def unneutralise(text: str) -> str:
    """Drop the apostrophe that protects a formula-like text (also in hand-made files, as Excel users write it)."""
    return text[1:] if text.startswith("'") and text[1:].startswith((*_FORMULA_START, "'")) else text


# ---------------------------------------------------------------- export

def export_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every agreement, then every cost line, in the file layout (canonical column names, typed values, None for empty)."""
    records = [{**r, "type": "agreement"} for r in load_agreements(con).to_dict("records")]
    records += [{**r, "type": "cost"} for r in load_costs(con).to_dict("records")]
    rows = []
    for record in records:
        row = {c.name: None if values.is_empty(record.get(c.name)) else record.get(c.name) for c in COLUMNS}
        rows.append({k: neutralise(v) if k in _TEXT and isinstance(v, str) else v for k, v in row.items()})
    return pd.DataFrame(rows, columns=[c.name for c in COLUMNS], dtype=object)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _excel_cell(value: object) -> object:
    if isinstance(value, str):
        return escape_text(value)
    return float(value) if isinstance(value, Decimal) else value


def export_bytes(con: duckdb.DuckDBPyConnection, suffix: str, lang: str = "en") -> bytes:
    """The export as the bytes of a .csv (UTF-8, comma, ISO dates, points as decimal mark) or .xlsx file."""
    frame = export_frame(con)
    frame.columns = headers(lang)
    if suffix.lower() == ".xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.map(_excel_cell).to_excel(writer, index=False, sheet_name="Aftaler" if lang == "da" else "Agreements")
        return buffer.getvalue()
    if suffix.lower() != ".csv":
        raise UsageError(f"export to .csv or .xlsx, not {suffix or 'a file without extension'}")
    return outputs.csv_text([list(frame.columns), *frame.map(_csv_cell).values.tolist()]).encode("utf-8")


def export_file(con: duckdb.DuckDBPyConnection, path: str | Path, lang: str = "en") -> int:
    """Write the export to ``path`` (.csv or .xlsx by extension); return the number of rows."""
    outputs.write_bytes(path, export_bytes(con, Path(path).suffix, lang))
    return len(export_frame(con))


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
    """A file's rows, validated: clean rows per section (None when the file has none) and every finding."""

    agreements: list[dict] | None
    costs: list[dict] | None
    findings: list[Finding]
    format: str

    @property
    def errors(self) -> list[LineError]:
        return [f.line_error() for f in self.findings]


def _columns(table: Table) -> tuple[dict[int, str], list[Finding]]:
    """Map each header position to a field; unknown or repeated headers are findings on line 1."""
    fields: dict[int, str] = {}
    findings: list[Finding] = []
    seen: dict[str, str] = {}
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


def _raw_row(fields: dict[int, str], cells: list[object]) -> dict[str, object]:
    raw = {}
    for position, name in fields.items():
        value = cells[position] if position < len(cells) else None
        raw[name] = unneutralise(value.strip()) if isinstance(value, str) else value
    return raw


def _row_problems(raw: Mapping[str, object]) -> tuple[str | None, int | None, list[Problem]]:
    """The row's type and id, and problems with them or with columns the type does not use."""
    problems: list[Problem] = []
    kind = None
    if not values.is_empty(raw.get("type")):
        kind = row_type(raw["type"])
        if kind is None:
            problems.append(Problem("type", "type", values.text(raw["type"]) or ""))
    else:
        kind = "cost" if any(not values.is_empty(raw.get(n)) for n in ("category", "kind")) else "agreement"
    row_id = None
    try:
        row_id = values.integer(raw.get("id"))
        if row_id is not None and row_id <= 0:
            raise ValueError
    except ValueError:
        problems.append(Problem("id", "id", values.text(raw.get("id")) or ""))
        row_id = None
    wrong = _COST_ONLY if kind == "agreement" else _AGREEMENT_ONLY if kind == "cost" else ()
    code = "cost_only" if kind == "agreement" else "agreement_only"
    problems += [Problem(n, code, values.text(raw[n]) or "") for n in wrong if not values.is_empty(raw.get(n))]
    return kind, row_id, problems


def parse_table(table: Table) -> Parsed:
    """Validate every row of a read file; collect clean rows per section and every finding."""
    fields, findings = _columns(table)
    findings += [Finding(e.line, e.column, Problem(e.column, "file", e.value, {"reason": e.reason})) for e in table.errors]
    header_of = {name: table.headers[pos] for pos, name in fields.items()}
    sections: dict[str, list[dict]] = {}
    first_line: dict[tuple[str, int], int] = {}
    for line, cells in table.rows:
        raw = _raw_row(fields, cells)
        kind, row_id, problems = _row_problems(raw)
        if kind is not None:
            clean = clean_agreement if kind == "agreement" else clean_cost
            row, found = clean({k: v for k, v in raw.items() if k not in ("type", "id")})
            problems += found
            if row_id is not None and (kind, row_id) in first_line:
                problems.append(Problem("id", "duplicate_id", str(row_id), {"first": first_line[(kind, row_id)]}))
            elif row_id is not None:
                first_line[(kind, row_id)] = line
            sections.setdefault(kind, []).append({"id": row_id, **row})
        findings += [Finding(line, header_of.get(p.column) or _header(p.column), p) for p in problems]
    if not table.rows and not table.errors:
        findings.append(Finding(1, "", Problem("", "no_rows")))
    return Parsed(sections.get("agreement"), sections.get("cost"), findings, table.format)


def _header(name: str) -> str:
    """The English header of a field the file does not have (for a problem such as 'municipality required')."""
    return BY_NAME[name].en if name in BY_NAME else name


@dataclass(frozen=True)
class ImportSummary:
    format: str
    agreements: ReplaceCounts | None  # None: the file had no agreement rows, the agreements were left alone
    costs: ReplaceCounts | None
    dry_run: bool

    def as_dict(self) -> dict[str, object]:
        def counts(c: ReplaceCounts | None) -> dict[str, int] | None:
            return None if c is None else {"added": c.added, "changed": c.changed, "unchanged": c.unchanged,
                                           "removed": c.removed}
        return {"format": self.format, "dry_run": self.dry_run, "agreements": counts(self.agreements),
                "costs": counts(self.costs)}


def import_table(con: duckdb.DuckDBPyConnection, table: Table, *, dry_run: bool = False) -> ImportSummary:
    """Replace the sections the table contains, all or nothing (InputError listing every bad line)."""
    parsed = parse_table(table)
    if parsed.findings:
        raise InputError(f"{len(parsed.errors)} problem(s) in the file; nothing was imported", parsed.errors)
    counts = store.replace_plans(con, parsed.agreements, parsed.costs, dry_run=dry_run)
    return ImportSummary(parsed.format, counts.get("agreements"), counts.get("costs"), dry_run)


def import_file(con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
                sheet: str | None = None, *, dry_run: bool = False) -> ImportSummary:
    """Read and import an agreements file (a path, or bytes with its file name)."""
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
