"""Importing a placements file (CSV or XLSX) and exporting the placements, with or without participant codes.

Import semantics — **rows are keyed by (participant, start)**: a stored placement with the same participant
code and start date is updated in place (keeping its id and demo flag), every other row is added, and nothing
is deleted (ended placements leave through the retention purge, not through a file). The import is all or
nothing: any bad line and nothing is written (InputError with one LineError per problem, the line as the file
shows it, header = line 1). A CPR-like participant code is refused and shown only as ``ddmmyy-xxxx``.

Exports carry no participant codes unless asked (``with_codes``): a file without them is for sharing and
cannot be imported back; one with them round-trips exactly. Text cells starting with ``= + - @`` get a
leading apostrophe against formula injection (removed again on import).
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
from seconomy.effect.layout import BY_NAME, COLUMNS, field_for, headers, refused
from seconomy.effect.model import Problem
from seconomy.effect.queries import agreement_municipalities, load_placements
from seconomy.effect.validate import clean_placement
from seconomy.errors import InputError, LineError, UsageError
from seconomy.ingest.xlsx import escape_text
from seconomy.municipalities import short_name
from seconomy.store.placements import UpsertCounts

_REQUIRED = ("participant_code", "municipality", "scheme", "start_date")
_PRICE_HEADER = "weekly price / monthly price"


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
    rows: list[dict]  # clean rows (store columns), one per valid line
    findings: list[Finding]
    format: str

    @property
    def errors(self) -> list[LineError]:
        return [f.line_error() for f in self.findings]


def _columns(table: Table) -> tuple[dict[int, str], list[Finding]]:
    """Map header positions to fields; unknown, refused, repeated and missing columns are findings on line 1."""
    fields: dict[int, str] = {}
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for position, header in enumerate(table.headers):
        name, code = field_for(header), refused(header)
        if not header:
            if any(position < len(cells) and not values.is_empty(cells[position]) for _, cells in table.rows):
                findings.append(Finding(1, f"#{position + 1}", Problem("", "no_header")))
        elif code is not None:
            findings.append(Finding(1, header, Problem(header, code)))
        elif name is None:
            known = ", ".join(c.en for c in COLUMNS)
            findings.append(Finding(1, header, Problem(header, "unknown_column", params={"known": known})))
        elif name in seen:
            findings.append(Finding(1, header, Problem(header, "repeated_column", params={"other": seen[name]})))
        else:
            fields[position], seen[name] = name, header
    missing = [n for n in _REQUIRED if n not in seen]
    findings += [Finding(1, BY_NAME[n].en, Problem(n, "missing_column")) for n in missing]
    if "weekly_price" not in seen and "monthly_price" not in seen:
        findings.append(Finding(1, _PRICE_HEADER, Problem("price", "missing_column")))
    return fields, findings


def _raw_row(fields: dict[int, str], cells: list[object]) -> dict[str, object]:
    raw = {}
    for position, name in fields.items():
        value = cells[position] if position < len(cells) else None
        raw[name] = unneutralise(value.strip()) if isinstance(value, str) else value
    return raw


def agreement_problems(row: Mapping[str, object], agreements: Mapping[int, int | None]) -> list[Problem]:
    """An agreement a placement names must exist and be with the same municipality."""
    number = row.get("agreement_id")
    if number is None:
        return []
    if number not in agreements:
        return [Problem("agreement_id", "agreement_unknown", str(number))]
    other = agreements[number]
    if other is not None and row.get("municipality_code") is not None and other != row["municipality_code"]:
        return [Problem("agreement_id", "agreement_municipality", str(number), {"other": short_name(other)})]
    return []


def parse_table(table: Table, agreements: Mapping[int, int | None]) -> Parsed:
    """Validate every row of a read file; ``agreements`` maps each stored agreement id to its municipality."""
    fields, findings = _columns(table)
    findings += [Finding(e.line, e.column, Problem(e.column, "file", e.value, {"reason": e.reason})) for e in table.errors]
    if any(f.problem.code == "missing_column" for f in findings):
        return Parsed([], findings, table.format)  # one finding per missing column, not one per line
    header_of = {name: table.headers[pos] for pos, name in fields.items()}
    header_of["price"] = _PRICE_HEADER
    rows: list[dict] = []
    first_line: dict[tuple, int] = {}
    for line, cells in table.rows:
        row, problems = clean_placement(_raw_row(fields, cells))
        problems += agreement_problems(row, agreements)
        key = (row["participant_code"], row["start_date"])
        if None not in key and key in first_line:
            problems.append(Problem("participant_code", "duplicate_key", "", {"first": first_line[key]}))
        elif None not in key:
            first_line[key] = line
        rows.append(row)
        findings += [Finding(line, header_of.get(p.column) or _header(p.column), p) for p in problems]
    if not table.rows and not table.errors:
        findings.append(Finding(1, "", Problem("", "no_rows")))
    return Parsed(rows, findings, table.format)


def _header(name: str) -> str:
    return BY_NAME[name].en if name in BY_NAME else name


@dataclass(frozen=True)
class ImportSummary:
    format: str
    rows: int
    counts: UpsertCounts
    dry_run: bool

    def as_dict(self) -> dict[str, object]:
        return {"format": self.format, "rows": self.rows, "added": self.counts.added, "changed": self.counts.changed,
                "unchanged": self.counts.unchanged, "dry_run": self.dry_run}


def import_table(con: duckdb.DuckDBPyConnection, table: Table, *, dry_run: bool = False) -> ImportSummary:
    """Add or update the table's placements, all or nothing (InputError listing every bad line)."""
    parsed = parse_table(table, agreement_municipalities(con))
    if parsed.findings:
        raise InputError(f"{len(parsed.findings)} problem(s) in the file; nothing was imported", parsed.errors)
    counts = store.upsert_placements(con, parsed.rows, dry_run=dry_run)
    return ImportSummary(parsed.format, len(parsed.rows), counts, dry_run)


def import_file(con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
                sheet: str | None = None, *, dry_run: bool = False) -> ImportSummary:
    """Read and import a placements file (a path, or bytes with its file name)."""
    return import_table(con, read_table(source, name, sheet), dry_run=dry_run)


@dataclass(frozen=True)
class Preview:
    """What importing a file would do: its findings (then nothing can be imported), or the dry-run summary."""

    format: str
    findings: list[Finding]
    summary: ImportSummary | None


def preview_import(con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
                   sheet: str | None = None) -> Preview:
    """Validate a file and, if it is clean, count what the import would add and change (nothing is written)."""
    table = read_table(source, name, sheet)
    parsed = parse_table(table, agreement_municipalities(con))
    if parsed.findings:
        return Preview(parsed.format, parsed.findings, None)
    return Preview(parsed.format, [], import_table(con, table, dry_run=True))


# ---------------------------------------------------------------- export

def export_frame(con: duckdb.DuckDBPyConnection, with_codes: bool = False) -> pd.DataFrame:
    """Every placement in the file layout (field names as columns, typed values, None for empty)."""
    rows = []
    for r in load_placements(con).to_dict("records"):
        weekly = r["price"] if r["price_unit"] == "week" else None
        monthly = r["price"] if r["price_unit"] == "month" else None
        row = {"participant_code": neutralise(r["participant_code"]), "municipality": r["municipality"],
               "scheme": r["scheme"], "start_date": r["start_date"], "end_date": r["end_date"], "weekly_price": weekly,
               "monthly_price": monthly, "outcome": r["outcome"], "agreement_id": r["agreement_id"],
               "score_start": r["score_start"], "score_end": r["score_end"]}
        rows.append({c.name: row[c.name] for c in COLUMNS if with_codes or c.name != "participant_code"})
    names = [c.name for c in COLUMNS if with_codes or c.name != "participant_code"]
    return pd.DataFrame(rows, columns=names, dtype=object)


def _csv_cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.isoformat() if isinstance(value, dt.date) else value


def _excel_cell(value: object) -> object:
    if isinstance(value, str):
        return escape_text(value)
    return float(value) if isinstance(value, Decimal) else value


def export_bytes(con: duckdb.DuckDBPyConnection, suffix: str, lang: str = "en", with_codes: bool = False) -> bytes:
    """The placements as the bytes of a .csv (UTF-8, comma, ISO dates, decimal point) or .xlsx file."""
    frame = export_frame(con, with_codes)
    frame.columns = headers(lang, with_codes)
    if suffix.lower() == ".xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.map(_excel_cell).to_excel(writer, index=False, sheet_name="Forløb" if lang == "da" else "Placements")
        return buffer.getvalue()
    if suffix.lower() != ".csv":
        raise UsageError(f"export to .csv or .xlsx, not {suffix or 'a file without extension'}")
    return outputs.csv_text([list(frame.columns), *frame.map(_csv_cell).values.tolist()]).encode("utf-8")


def export_file(con: duckdb.DuckDBPyConnection, path: str | Path, lang: str = "en", with_codes: bool = False) -> int:
    """Write the placements to ``path`` (.csv or .xlsx by extension); return how many."""
    outputs.write_bytes(path, export_bytes(con, Path(path).suffix, lang, with_codes))
    return len(load_placements(con))
