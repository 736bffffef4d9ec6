"""Running an import: preview a file, then write it all-or-nothing (or the valid rows only).

The same staging runs twice in the UI: once on a scratch in-memory database for the preview (the
user's database is only read for remembered mappings), and again inside the user's database for the
write, where ``_staged`` feeds ``store.add_entries`` without leaving DuckDB. The CLI stages once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from seconomy import store
from seconomy.errors import InputError
from seconomy.ingest import bulk, cpr, ledger
from seconomy.ingest.bulk import RAW, Loaded
from seconomy.ingest.columns import ColumnMap, header_key
from seconomy.ingest.ledger import ImportOptions, LayoutError, Staged, stored
from seconomy.ingest.reader import Detected, Source
from seconomy.ingest.staging import STAGED
from seconomy.municipalities import short_name
from seconomy.store.sql import ident
from seconomy.streams import parse_stream

Progress = Callable[[float, str], None]
PREVIEW_ROWS = 50
TO_STORE = "_to_store"


def _silent(_fraction: float, _step: str) -> None:
    return None


@dataclass
class Preview:
    """Everything the user needs to decide: format, mapping, counts, errors, inferences.

    ``staged`` is None when the file lacks a column an import needs; ``problem`` then says which,
    and ``mapping`` holds what was recognised, for the user to complete.
    """

    file_name: str
    sha256: str
    detected: Detected
    header: list[str]
    staged: Staged | None
    rows: pd.DataFrame  # the first parsed rows, as they would be stored
    earlier: list[tuple[int, dt.datetime]] = field(default_factory=list)  # imports of the very same file
    problem: str | None = None
    layout: ColumnMap | None = None

    @property
    def mapping(self) -> dict[str, str]:
        """role -> header of the column used."""
        found = self.staged.mapping if self.staged else self.layout
        return found.names(self.header) if found else {}

    @property
    def origin(self) -> dict[str, str]:
        """role -> 'detected', 'remembered' or 'chosen'."""
        found = self.staged.mapping if self.staged else self.layout
        return dict(found.origin) if found else {}


@dataclass
class ImportResult:
    outcome: store.ImportOutcome
    preview: Preview
    rejected: pd.DataFrame | None
    demo_removed: bool
    dry_run: bool


def _earlier(con, sha256: str) -> list[tuple[int, dt.datetime]]:
    return [(i, t) for i, t in con.execute(
        "SELECT id, imported_at FROM imports WHERE sha256 = ? AND undone_at IS NULL ORDER BY id", [sha256]).fetchall()]


def _preview_rows(con, sign: int) -> pd.DataFrame:
    frame = con.execute(
        f"""SELECT line, entry_date, amount_ore * ? AS amount_ore, stream, counterparty, municipality_code, inferred,
                   description, reference
            FROM {STAGED} WHERE ok ORDER BY line LIMIT {PREVIEW_ROWS}""", [sign]).df()
    frame["entry_date"] = frame["entry_date"].dt.date if len(frame) else frame["entry_date"]
    frame.insert(6, "municipality", [short_name(c) if pd.notna(c) else None for c in frame["municipality_code"]])
    return frame


def preview(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, options: ImportOptions = ImportOptions(),
            progress: Progress = _silent) -> Preview:
    """Parse and check a file without writing anything; ``con`` is only read (remembered mappings)."""
    options.checked()
    remembered = stored(con)
    scratch = duckdb.connect(":memory:", config={"threads": 2})
    try:
        scratch.execute("SET enable_progress_bar = false")
        progress(0.05, "read")
        loaded = bulk.load_raw(scratch, source, file_name, sheet=options.sheet, encoding=options.encoding,
                               delimiter=options.delimiter)
        earlier = _earlier(con, loaded.sha256)
        progress(0.35, "check")
        try:
            staged = ledger.stage(scratch, loaded, options, remembered)
        except LayoutError as exc:
            return Preview(file_name, loaded.sha256, loaded.detected, loaded.header, None, pd.DataFrame(), earlier,
                           problem=str(exc), layout=exc.mapping)
        result = Preview(file_name, loaded.sha256, loaded.detected, loaded.header, staged,
                         _preview_rows(scratch, staged.sign), earlier)
    finally:
        scratch.close()
    progress(1.0, "done")
    return result


def _stage_with(con, remembered: ledger.Stored, source: Source, file_name: str, options: ImportOptions,
                progress: Progress) -> tuple[Loaded, Staged]:
    con.execute("SET enable_progress_bar = false")  # our own progress goes to the UI or stderr, not DuckDB's bar
    progress(0.05, "read")
    loaded = bulk.load_raw(con, source, file_name, sheet=options.sheet, encoding=options.encoding, delimiter=options.delimiter)
    progress(0.35, "check")
    staged = ledger.stage(con, loaded, options, remembered)
    progress(0.6, "checked")
    return loaded, staged


def sign_question_message(staged: Staged) -> str:
    return (f"most amounts in this file are negative ({staged.negatives} of {staged.valid}): if income is booked as "
            "negative amounts in this file, import with --income-negative; to keep the signs as they are, "
            "use --no-income-negative")


def import_file(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, options: ImportOptions = ImportOptions(),
                *, dry_run: bool = False, progress: Progress = _silent) -> ImportResult:
    """Import a ledger file into ``con`` in one transaction; raises InputError (nothing written) on bad rows."""
    options.checked()
    try:
        loaded, staged = _stage_with(con, stored(con), source, file_name, options, progress)
        if staged.records == 0:
            raise InputError(f"{file_name} has a header but no rows")
        if staged.sign_question:
            raise InputError(sign_question_message(staged))
        if staged.error_count and not options.skip_invalid:
            shown = f" (the first {len(staged.errors)} are listed)" if len(staged.errors) < staged.error_count else ""
            raise InputError(f"{staged.rejected_lines} of {staged.records} rows are invalid; nothing was imported{shown}",
                             staged.line_errors)
        rejected = rejected_rows(con, loaded, staged) if staged.rejected_lines else None
        earlier = _earlier(con, loaded.sha256)
        demo = store.has_demo(con)
        view = f"""CREATE OR REPLACE TEMP VIEW {ident(TO_STORE)} AS
            SELECT line, entry_date, amount_ore * {int(staged.sign)} AS amount_ore, stream, counterparty, municipality_code,
                   description, reference FROM {ident(STAGED)} WHERE ok"""
        con.execute(view)
        progress(0.65, "write")
        outcome = store.add_entries(
            con, TO_STORE, file_name=file_name, sha256=loaded.sha256, fmt=loaded.detected.describe(),
            rows_rejected=staged.rejected_lines, remove_demo_first=demo, dry_run=dry_run,
            also=_remembered_writes(staged, options),
        )
    finally:
        _cleanup(con)
    progress(1.0, "done")
    result_preview = Preview(file_name, loaded.sha256, loaded.detected, loaded.header, staged, pd.DataFrame(), earlier)
    return ImportResult(outcome, result_preview, rejected, demo, dry_run)


def _remembered_writes(staged: Staged, options: ImportOptions) -> list[Callable[[duckdb.DuckDBPyConnection], None]]:
    """What this import teaches the database, written in the import's own transaction."""
    writes: list[Callable[[duckdb.DuckDBPyConnection], None]] = [store.mark_own_data]
    accounts = [(account, parse_stream(stream)) for account, stream in options.accounts]
    if accounts:
        writes.append(lambda c: store.save_account_streams(c, accounts))
    if options.columns:
        key, names = header_key(staged.header), staged.mapping.names(staged.header)
        writes.append(lambda c: store.save_column_mapping(c, key, names))
    return writes


def _cleanup(con) -> None:
    for statement in (f"DROP VIEW IF EXISTS {ident(TO_STORE)}", f"DROP TABLE IF EXISTS {ident(STAGED)}"):
        con.execute(statement)
    bulk.cleanup(con)


def rejected_rows(con, loaded: Loaded, staged: Staged) -> pd.DataFrame:
    """The bad rows as the file had them, with their line and the reasons (CPR numbers masked)."""
    width = len(loaded.header)
    cells = ", ".join(f"r.c{i}" for i in range(width))
    rows = con.execute(
        f"""SELECT r.line, {cells}, s.problems FROM {RAW} r JOIN {STAGED} s ON s.line = r.line
            WHERE NOT s.ok ORDER BY r.line""").fetchall()
    names = _unique(loaded.header)
    records = []
    for row in rows:
        reasons = "; ".join(f"{_column(loaded, staged, p['role'])}: {ledger.REASONS[p['code']]}" for p in row[-1])
        records.append([row[0], *[cpr.mask(v) if v is not None else "" for v in row[1:-1]], reasons])
    for err in loaded.errors:
        records.append([err.line, *([""] * width), err.reason])
    frame = pd.DataFrame(records, columns=["line", *names, "reason"])
    return frame.sort_values("line", kind="stable").reset_index(drop=True)


def _column(loaded: Loaded, staged: Staged, role: str) -> str:
    index = staged.mapping.get(role)
    return loaded.header[index] if index is not None else role


def _unique(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for name in header:
        label = name or "column"
        seen[label] = seen.get(label, 0) + 1
        names.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return names


def rejected_csv(frame: pd.DataFrame, delimiter: str = ";") -> bytes:
    """The rejected rows as a CSV to fix and import again (UTF-8 with BOM, so Excel shows æøå)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(list(frame.columns))
    writer.writerows(frame.astype(object).where(frame.notna(), "").values.tolist())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def default_rejected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejected.csv")
