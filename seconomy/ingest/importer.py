"""Running an import: recognise the file, preview it, then write it all-or-nothing (or the valid rows only).

The same staging runs twice in the UI: once on a scratch in-memory database for the preview (the user's database
is only read for remembered mappings, rules and settings), and again inside the user's database for the write,
where the staged lines feed ``store.add_entries`` without leaving DuckDB. The CLI stages once.

What a file is decides how it is read (``layouts``): a SAF-T file, a known bank's statement, a statement without
a header row (its columns recognised by content), or a ledger whose columns are recognised by their headers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from seconomy import store
from seconomy.errors import InputError
from seconomy.ingest import bulk, cpr, ledger
from seconomy.ingest.bulk import RAW, Loaded
from seconomy.ingest.classify import Context, Own
from seconomy.ingest.columns import ColumnMap, header_key
from seconomy.ingest.content import columns_by_content, looks_headerless
from seconomy.ingest.export import neutralise
from seconomy.ingest.layouts import LEDGER, SAFT, Layout, by_name, detect
from seconomy.ingest.ledger import ImportOptions, LayoutError, Staged, account_target, stored
from seconomy.ingest.probe import HEAD, head, probe
from seconomy.ingest.reader import Detected, Source
from seconomy.ingest.saft import DETECTED as SAFT_DETECTED
from seconomy.ingest.saft import HEADER as SAFT_HEADER
from seconomy.ingest.saft import SaftFile, read_saft, suggest_stream
from seconomy.ingest.sniff import sniff
from seconomy.ingest.staging import STAGED
from seconomy.municipalities import short_name
from seconomy.outputs import csv_text
from seconomy.settings import get_settings
from seconomy.store.sql import ident, idents
from seconomy.text import fold

Progress = Callable[[float, str], None]
IMPORT_MEMORY = "384MB"  # DuckDB's memory during an import into a file ($SECONOMY_IMPORT_MEMORY overrides; "" = no cap)
PREVIEW_ROWS = 50
TO_STORE = "_to_store"
COSTS_TO_STORE = "_costs_to_store"
SAFT_LINES = "_saft_lines"


def _silent(_fraction: float, _step: str) -> None:
    return None


@dataclass
class Preview:
    """Everything the user needs to decide: format, layout, mapping, counts, errors, what was decided per line.

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
    issue: InputError | None = None  # the problem as an error with a code (for the UI's own words)
    layout: ColumnMap | None = None
    file_layout: str = LEDGER.name  # 'ledger', 'saft', 'bank:danske', …
    saft: SaftFile | None = None

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

    @property
    def company(self) -> tuple[str | None, str | None]:
        """The enterprise's name and CVR as a SAF-T file's header gives them."""
        return (self.saft.company, self.saft.cvr) if self.saft else (None, None)


@dataclass
class ImportResult:
    outcome: store.ImportOutcome
    preview: Preview
    rejected: pd.DataFrame | None
    demo_removed: bool
    dry_run: bool
    cash_set: bool = False


def _earlier(con, sha256: str) -> list[tuple[int, dt.datetime]]:
    return [(i, t) for i, t in con.execute(
        "SELECT id, imported_at FROM imports WHERE sha256 = ? AND undone_at IS NULL AND kind = 'import' ORDER BY id",
        [sha256]).fetchall()]


def _preview_rows(con, sign: int) -> pd.DataFrame:
    frame = con.execute(
        f"""SELECT line, entry_date, amount_ore * ? AS amount_ore, stream, counterparty, municipality_code, inferred,
                   description, reference, kind, stream_by, payer
            FROM {ident(STAGED)} WHERE ok AND kind IN ('income', 'cost') ORDER BY line LIMIT ?""",
        [sign, PREVIEW_ROWS]).df()
    frame["entry_date"] = frame["entry_date"].dt.date if len(frame) else frame["entry_date"]
    frame.insert(6, "municipality", [short_name(c) if pd.notna(c) else None for c in frame["municipality_code"]])
    return frame


# ---------------------------------------------------------------- recognising and loading the file

@dataclass
class FileRead:
    """A loaded file with its layout (and, for SAF-T, what its header and master files say)."""

    loaded: Loaded
    layout: Layout
    saft: SaftFile | None = None


def load(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, options: ImportOptions) -> FileRead:
    """Read the file into ``_raw`` and tell its layout (SAF-T, a bank, headerless, a ledger)."""
    prefix = head(source)  # what the file is, from its start: the file itself is streamed, never read whole
    if not prefix or (len(prefix) < HEAD and prefix.isspace()):
        raise InputError(f"{file_name} is empty", code="file.empty", file=file_name)
    if sniff(prefix, file_name, source) == "saft":
        return _load_saft(con, source, file_name)
    loaded = bulk.load_raw(con, source, file_name, sheet=options.sheet, encoding=options.encoding,
                           delimiter=options.delimiter, header=not options.no_header)
    if options.layout:
        forced = by_name(options.layout)
        if forced is None:
            raise InputError(f"unknown layout {options.layout!r}")
        return FileRead(loaded, forced)
    headerless = options.no_header or looks_headerless(loaded.header)
    if headerless and not options.no_header:  # the first line is data: read it again, with no header row
        loaded = bulk.load_raw(con, source, file_name, sheet=options.sheet, encoding=options.encoding,
                               delimiter=options.delimiter, header=False)
    if headerless:
        from seconomy.ingest.banks import HEADERLESS

        return FileRead(loaded, dataclasses.replace(HEADERLESS, columns=columns_by_content(con, loaded.header)))
    return FileRead(loaded, detect(loaded.header))


def _load_saft(con, source: Source, file_name: str) -> FileRead:
    with ThreadPoolExecutor(max_workers=1) as pool:  # the hash in one streamed pass, beside the XML parse
        probed = pool.submit(probe, source)
        saft = read_saft(con, source, file_name, SAFT_LINES)
        sha256 = probed.result().sha256
    cells = ", ".join(f"{ident(name)} AS {ident(f'c{i}')}" for i, name in enumerate(SAFT_HEADER[1:]))
    bulk.cleanup(con)
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ident(RAW)} AS SELECT line, {cells} FROM {ident(SAFT_LINES)}")
    loaded = Loaded(list(SAFT_HEADER[1:]), SAFT_DETECTED, sha256, saft.lines)
    return FileRead(loaded, SAFT, saft)


def _context(con, layout: Layout, options: ImportOptions, remembered: ledger.Stored) -> Context:
    rules = options.new_rules + (options.rules if options.rules is not None else remembered.rules)
    return Context(rules, layout.direction, Own.from_settings(get_settings(con)), layout.text_names_payer)


def _suggested(file: FileRead) -> dict[str, str]:
    if file.saft is None:
        return {}
    return {fold(a.account_id): s for a in file.saft.sale_accounts if (s := suggest_stream(a.description))}


def _stage(con, scratch, source: Source, file_name: str, options: ImportOptions, progress: Progress) -> tuple[FileRead, Staged]:
    """Load and stage on ``scratch`` (the user's database ``con`` is read for mappings, rules and settings)."""
    remembered = stored(con)
    scratch.execute("SET enable_progress_bar = false")  # our own progress goes to the UI or stderr, not DuckDB's bar
    progress(0.05, "read")
    file = load(scratch, source, file_name, options)
    progress(0.35, "check")
    try:
        staged = ledger.stage(scratch, file.loaded, options, remembered, file.layout,
                              _context(con, file.layout, options, remembered), _suggested(file))
    except LayoutError as exc:
        exc.loaded, exc.layout_name = file.loaded, file.layout.name
        raise
    progress(0.6, "checked")
    return file, staged


def preview(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, options: ImportOptions = ImportOptions(),
            progress: Progress = _silent) -> Preview:
    """Parse, check and classify a file without writing anything; ``con`` is only read."""
    options.checked()
    scratch = duckdb.connect(":memory:", config={"threads": 2})
    try:
        try:
            file, staged = _stage(con, scratch, source, file_name, options, progress)
        except LayoutError as exc:
            loaded = exc.loaded
            return Preview(file_name, loaded.sha256 if loaded else "", loaded.detected if loaded else Detected("csv"),
                           loaded.header if loaded else [], None, pd.DataFrame(), _earlier(con, loaded.sha256) if loaded else [],
                           problem=str(exc), layout=exc.mapping, file_layout=exc.layout_name, issue=exc)
        result = Preview(file_name, file.loaded.sha256, file.loaded.detected, file.loaded.header, staged,
                         _preview_rows(scratch, staged.sign), _earlier(con, file.loaded.sha256), file_layout=file.layout.name,
                         saft=file.saft)
    finally:
        scratch.close()
    progress(1.0, "done")
    return result


# ---------------------------------------------------------------- the import

def sign_question_message(staged: Staged) -> str:
    return (f"most amounts in this file are negative ({staged.negatives} of {staged.income_rows}): if income is booked as "
            "negative amounts in this file, import with --income-negative; to keep the signs as they are, "
            "use --no-income-negative")


def _check(staged: Staged, file_name: str, options: ImportOptions) -> None:
    if staged.records == 0:
        raise InputError(f"{file_name} has a header but no rows", code="file.no_rows", file=file_name)
    if staged.sign_question:
        raise InputError(sign_question_message(staged), code="import.sign", negatives=staged.negatives, rows=staged.income_rows)
    if staged.error_count and not options.skip_invalid:
        shown = f" (the first {len(staged.errors)} are listed)" if len(staged.errors) < staged.error_count else ""
        raise InputError(f"{staged.rejected_lines} of {staged.records} rows are invalid; nothing was imported{shown}",
                         staged.line_errors, code="import.invalid", rejected=staged.rejected_lines, rows=staged.records)


def _store_views(con, staged: Staged) -> None:
    """The income and cost rows to store, as views over ``_staged`` (the sign already applied)."""
    sign = int(staged.sign)
    con.execute(f"""CREATE OR REPLACE TEMP VIEW {ident(TO_STORE)} AS
        SELECT line, entry_date, amount_ore * {sign} AS amount_ore, stream, counterparty, municipality_code, description,
               reference, payer, account, stated_stream, stated_code, stream_by, municipality_by, payer_by
        FROM {ident(STAGED)} WHERE ok AND kind = 'income'""")
    con.execute(f"""CREATE OR REPLACE TEMP VIEW {ident(COSTS_TO_STORE)} AS
        SELECT line, entry_date, amount_ore * {sign} AS amount_ore, counterparty,
               coalesce(nullif(concat_ws(' / ', category, subcategory), ''), account_name, account) AS category, account,
               description, reference
        FROM {ident(STAGED)} WHERE ok AND kind = 'cost'""")


@contextmanager
def bounded_memory(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB's memory capped at ``IMPORT_MEMORY`` for an import into a database file, restored afterwards.

    Why: an import stages the whole file in temporary tables (the raw text, the parsed and the classified lines).
    Uncapped, DuckDB keeps them all in memory (4,6 GB at 10M rows, against 565 MB for read_csv alone); capped, it
    moves what it is not working on to the database's ``.tmp`` folder, at little cost in time (measured in
    ``make bench``). An in-memory database has no folder of its own to spill to and is left as it is.
    """
    limit = os.environ.get("SECONOMY_IMPORT_MEMORY", IMPORT_MEMORY)
    on_file = any(path for _, _, path in con.execute("PRAGMA database_list").fetchall())
    if not on_file or not limit:
        yield
        return
    con.execute(f"SET memory_limit = {sql_literal(limit)}")
    try:
        yield
    finally:
        con.execute("RESET memory_limit")  # back to DuckDB's default (nothing else in seconomy sets it)


def sql_literal(text: str) -> str:
    """A SQL string literal (SET takes no parameters); the value is a size like '384MB'."""
    return "'" + str(text).replace("'", "''") + "'"


def import_file(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, options: ImportOptions = ImportOptions(),
                *, dry_run: bool = False, progress: Progress = _silent, set_cash: bool = False) -> ImportResult:
    """Import a file into ``con`` in one transaction; raises InputError (nothing written) on bad rows.

    ``set_cash``: the file's closing balance (bank statement, SAF-T) becomes the cash with its date, in the same
    transaction (InputError when the file has none).
    """
    options.checked()
    with bounded_memory(con):
        return _import(con, source, file_name, options, dry_run, progress, set_cash)


def _import(con, source: Source, file_name: str, options: ImportOptions, dry_run: bool, progress: Progress,
            set_cash: bool) -> ImportResult:
    try:
        file, staged = _stage(con, con, source, file_name, options, progress)
        _check(staged, file_name, options)
        if set_cash and staged.closing_balance is None and (file.saft is None or file.saft.cash is None):
            raise InputError(f"{file_name} has no balance to take the cash from (a bank statement's balance column, "
                             "or a SAF-T file's bank accounts)", code="import.no_balance", file=file_name)
        rejected = rejected_rows(con, file.loaded, staged) if staged.rejected_lines else None
        earlier = _earlier(con, file.loaded.sha256)
        demo = store.has_demo(con)
        _store_views(con, staged)
        progress(0.65, "write")
        balance = closing_balance(staged, file.saft)
        outcome = store.add_entries(
            con, TO_STORE, costs=COSTS_TO_STORE, file_name=file_name, sha256=file.loaded.sha256,
            fmt=file.loaded.detected.describe(), rows_rejected=staged.rejected_lines, remove_demo_first=demo,
            dry_run=dry_run, recorded=store.Recorded(file.layout.name, staged.total_ore, staged.cost_ore, staged.skipped, balance),
            also=_remembered_writes(staged, options, file, set_cash, balance),
        )
    finally:
        _cleanup(con)
    progress(1.0, "done")
    result_preview = Preview(file_name, file.loaded.sha256, file.loaded.detected, file.loaded.header, staged, pd.DataFrame(),
                             earlier, file_layout=file.layout.name, saft=file.saft)
    return ImportResult(outcome, result_preview, rejected, demo, dry_run, cash_set=set_cash and not dry_run)


def closing_balance(staged: Staged, saft: SaftFile | None) -> tuple[dt.date, int] | None:
    """The cash at bank the file shows: the balance after its last row, or a SAF-T file's bank accounts at period end."""
    if saft is not None and saft.cash is not None and saft.period_end is not None:
        return saft.period_end, int(saft.cash * 100)
    return staged.closing_balance


def _remembered_writes(staged: Staged, options: ImportOptions, file: FileRead, set_cash: bool,
                       balance: tuple[dt.date, int] | None) -> list[Callable[[duckdb.DuckDBPyConnection], None]]:
    """What this import teaches the database, written in the import's own transaction."""
    writes: list[Callable[[duckdb.DuckDBPyConnection], None]] = [store.mark_own_data]
    accounts = [(account, account_target(stream)) for account, stream in options.accounts]
    if file.saft is not None:  # the streams used for the Sale accounts are remembered (confirmed on the page)
        chosen = {fold(a) for a, _ in accounts}
        accounts += [(a.account_id, s) for a in file.saft.sale_accounts
                     if fold(a.account_id) not in chosen and (s := suggest_stream(a.description))]
        writes.append(lambda c: store.fill_company(c, file.saft.company, file.saft.cvr))
    if accounts:
        writes.append(lambda c: store.save_account_streams(c, accounts))
    if options.columns and file.layout.columns is None:
        key, names = header_key(staged.header), staged.mapping.names(staged.header)
        writes.append(lambda c: store.save_column_mapping(c, key, names))
    if set_cash and balance is not None:
        day, ore = balance
        writes.append(lambda c: store.set_cash(c, ore, day))
    if options.new_rules:
        writes.append(lambda c: store.add_rules_first(c, options.new_rules))
    return writes


def _cleanup(con) -> None:
    for statement in (f"DROP VIEW IF EXISTS {ident(TO_STORE)}", f"DROP VIEW IF EXISTS {ident(COSTS_TO_STORE)}",
                      f"DROP TABLE IF EXISTS {ident(STAGED)}", "DROP TABLE IF EXISTS _parsed"):
        con.execute(statement)
    bulk.cleanup(con)
    con.execute(f"DROP TABLE IF EXISTS {ident(SAFT_LINES)}")


def rejected_rows(con, loaded: Loaded, staged: Staged) -> pd.DataFrame:
    """The bad rows as the file had them, with their line and the reasons (CPR numbers masked)."""
    width = len(loaded.header)
    cells = idents(f"c{i}" for i in range(width))
    rows = con.execute(
        f"""SELECT r.line, {', '.join('r.' + ident(f'c{i}') for i in range(width)) if width else ''}, s.problems
            FROM {ident(RAW)} r JOIN {ident(STAGED)} s ON s.line = r.line WHERE NOT s.ok ORDER BY r.line""").fetchall() \
        if cells else []
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
    """The rejected rows as a CSV to fix and import again (UTF-8 with BOM, so Excel shows æøå).

    Text that a spreadsheet would run as a formula gets a leading apostrophe (the import takes it off again).
    """
    rows = [[neutralise(v) for v in row] for row in frame.astype(object).where(frame.notna(), "").values.tolist()]
    return ("\ufeff" + csv_text([[neutralise(c) for c in frame.columns], *rows], delimiter)).encode("utf-8")


def default_rejected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejected.csv")
