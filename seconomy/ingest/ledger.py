"""From a loaded file (``_raw``) to staged income entries and line-level errors: options, the stage, its summary.

``stage`` resolves the columns, checks the file has what an import needs, detects the decimal mark,
builds the lookups and runs the staging query (``staging``); the summary (counts, errors with their
file column names, inferred municipalities, accounts found) is what the preview shows and the CLI prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from seconomy.errors import InputError, LineError, UsageError
from seconomy.ingest import cpr, sql, staging
from seconomy.ingest.bulk import RAW, Loaded
from seconomy.ingest.columns import ColumnMap, header_key, resolve_columns
from seconomy.ingest.staging import STAGED
from seconomy.ingest.values import DATE_ORDERS, detect_decimal
from seconomy.municipalities import short_name
from seconomy.store.sql import ident
from seconomy.streams import STREAMS, parse_stream
from seconomy.text import fold

MAX_ERRORS = 10_000  # errors kept for display; the count and the rejected-rows file cover all
SAMPLE = 20_000
REASONS = {
    "date_missing": "missing date",
    "date_invalid": "not a date",
    "date_impossible": "impossible date",
    "amount_missing": "missing amount",
    "amount_invalid": "unparseable amount",
    "amount_decimals": "more than two decimals",
    "amount_large": "amount too large",
    "counterparty_missing": "missing counterparty",
    "stream_unknown": "unknown stream",
    "stream_missing": "missing stream",
    "account_unmapped": "account not mapped to a stream",
    "municipality_unknown": "unknown municipality",
    "cpr": "contains a CPR number (never stored)",
    "fields": "wrong number of fields",
}


class LayoutError(InputError):
    """The file lacks a column an import needs; carries the mapping found so far for the UI to complete."""

    def __init__(self, message: str, mapping: ColumnMap):
        super().__init__(message)
        self.mapping = mapping


@dataclass(frozen=True)
class ImportOptions:
    """Every choice the detection makes, overridable (None = detect). Hashable, so the UI can cache on it."""

    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    date_order: str | None = None
    income_negative: bool | None = None
    default_stream: str | None = None
    columns: tuple[tuple[str, str], ...] = ()  # role -> header chosen by the user
    accounts: tuple[tuple[str, str], ...] = ()  # account -> stream id chosen by the user
    skip_invalid: bool = False

    def checked(self) -> ImportOptions:
        """Refuse option values that cannot work (a usage error, exit 2)."""
        if self.decimal not in (None, ",", "."):
            raise UsageError(f"decimal mark must be ',' or '.', not {self.decimal!r}")
        if self.date_order not in (None, *DATE_ORDERS):
            raise UsageError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {self.date_order!r}")
        if self.default_stream is not None and parse_stream(self.default_stream) is None:
            raise UsageError(f"unknown stream {self.default_stream!r}; streams are: {', '.join(STREAMS)}")
        for account, stream in self.accounts:
            if parse_stream(stream) is None:
                raise UsageError(f"account {account!r}: unknown stream {stream!r}; streams are: {', '.join(STREAMS)}")
        return self


@dataclass(frozen=True)
class Stored:
    """What earlier imports taught the database: account → stream, header → column mapping."""

    accounts: dict[str, str] = field(default_factory=dict)  # folded account -> stream
    mappings: dict[str, dict[str, str]] = field(default_factory=dict)  # header_key -> {role: header}


def stored(con: duckdb.DuckDBPyConnection) -> Stored:
    """Read the remembered account streams and column mappings."""
    accounts = {fold(a): s for a, s in con.execute("SELECT account, stream FROM account_streams").fetchall()}
    mappings = {k: json.loads(m) for k, m in con.execute("SELECT header_key, mapping FROM column_mappings").fetchall()}
    return Stored(accounts, mappings)


@dataclass
class Staged:
    """The outcome of staging a file: format, mapping, counts, errors and what was inferred."""

    header: list[str]
    mapping: ColumnMap
    decimal: str
    records: int
    valid: int
    error_count: int
    errors: pd.DataFrame  # line, column, value, code, reason (at most MAX_ERRORS rows, by line)
    negatives: int
    sign: int
    mostly_negative: bool  # an account ledger whose amounts are mostly negative: income booked negative?
    sign_question: bool  # … and the user has not said yet
    total_ore: int
    first_date: object
    last_date: object
    inferred: pd.DataFrame  # counterparty, municipality_code, municipality, rows
    accounts: pd.DataFrame  # account, rows, stream
    rejected_lines: int = 0

    @property
    def line_errors(self) -> list[LineError]:
        return [LineError(int(r.line), r.column, r.value, r.reason) for r in self.errors.itertuples()]


def _amount_sources(mapping: ColumnMap) -> tuple[list[tuple[str, int]], bool]:
    """Which columns make the amount (role, sign), and whether the amount carries its own sign."""
    if mapping.get("net_amount") is not None:
        return [("net_amount", 1)], True
    if mapping.get("amount") is not None:
        return [("amount", 1)], True
    if mapping.get("gross_amount") is not None:
        if mapping.get("vat") is None:  # income is the amount excluding VAT; gross alone does not say it
            raise LayoutError("the file has amounts including VAT (moms) only; income is the amount excluding VAT: "
                              "choose that column with --column net_amount=HEADER, or the VAT column with --column vat=HEADER",
                              mapping)
        return [("gross_amount", 1), ("vat", -1)], True
    if mapping.get("credit") is not None or mapping.get("debit") is not None:
        return [(r, s) for r, s in (("credit", 1), ("debit", -1)) if mapping.get(r) is not None], False
    raise LayoutError("the file has no amount column (beløb, amount, netto, kredit …); "
                      "choose it with --column amount=HEADER (or on the Data page)", mapping)


def _require(mapping: ColumnMap, header: list[str], options: ImportOptions) -> None:
    missing = [label for role, label in (("date", "date (dato)"), ("counterparty", "counterparty (kunde, modpart)"))
               if mapping.get(role) is None]
    if all(mapping.get(r) is None for r in ("net_amount", "amount", "gross_amount", "credit", "debit")):
        missing.append("amount (beløb, netto, kredit)")
    streamless = all(mapping.get(r) is None for r in ("stream", "account", "account_name"))
    if streamless and not options.default_stream:
        missing.append("stream (kategori) or account (konto)")
    if missing:
        raise LayoutError(f"the file has no {', no '.join(missing)} column; its columns are: {', '.join(header) or '(none)'}. "
                          "Choose them with --column ROLE=HEADER (or on the Data page)", mapping)


def _decimal(con, mapping: ColumnMap, sources: list[tuple[str, int]], loaded: Loaded, options: ImportOptions) -> str:
    """The decimal mark: chosen, or what the first values of the amount columns suggest."""
    if options.decimal:
        return options.decimal
    default = "." if loaded.detected.kind == "xlsx" or loaded.detected.delimiter == "," else ","
    sample: list[str] = []
    for role, _ in sources:
        sample += _sample(con, mapping.get(role))
    return detect_decimal(sample, default)


def _sample(con, index: int) -> list[str]:
    """The first values of a column: enough to tell its decimal mark or its usual date shape."""
    cell = ident(f"c{index}")
    query = f"SELECT {cell} FROM {ident(RAW)} WHERE {cell} IS NOT NULL LIMIT ?"
    return [v for (v,) in con.execute(query, [SAMPLE]).fetchall()]


def stage(con: duckdb.DuckDBPyConnection, loaded: Loaded, options: ImportOptions, remembered: Stored) -> Staged:
    """Parse and check every record of ``_raw`` into ``_staged``; summarise what was found."""
    header = loaded.header
    mapping = resolve_columns(header, dict(options.columns), remembered.mappings.get(header_key(header)))
    _require(mapping, header, options)
    sources, signed = _amount_sources(mapping)
    decimal = _decimal(con, mapping, sources, loaded, options)
    chosen = {fold(a): parse_stream(s) for a, s in options.accounts}
    tables = staging.build_lookups(con, mapping, staging.lookups(chosen, remembered.accounts))
    shape = sql.date_shape(_sample(con, mapping.get("date")))
    con.execute(staging.staging_sql(mapping, sources, decimal, options.date_order, options.default_stream, tables, shape))
    return _summarise(con, loaded, mapping, decimal, signed, options)


def _summarise(con, loaded: Loaded, mapping: ColumnMap, decimal: str, signed: bool, options: ImportOptions) -> Staged:
    valid, negatives, total, first, last = con.execute(
        f"SELECT count(*), count_if(amount_ore < 0), coalesce(sum(amount_ore), 0), min(entry_date), max(entry_date) "
        f"FROM {ident(STAGED)} WHERE ok").fetchall()[0]
    query = f"SELECT count(*), coalesce(sum(len(problems)), 0) FROM {ident(STAGED)} WHERE NOT ok"
    bad = con.execute(query).fetchall()[0]
    sign = -1 if options.income_negative else 1
    # Only an account ledger books income negative; elsewhere negative rows are credit notes.
    ledger_of_accounts = mapping.get("account") is not None or mapping.get("account_name") is not None
    mostly_negative = signed and ledger_of_accounts and valid > 0 and negatives * 2 > valid
    question = mostly_negative and options.income_negative is None
    return Staged(
        header=loaded.header, mapping=mapping, decimal=decimal, records=loaded.records + len(loaded.errors), valid=valid,
        error_count=int(bad[1]) + len(loaded.errors), errors=_errors(con, loaded, mapping), negatives=negatives,
        sign=sign if signed else 1, mostly_negative=mostly_negative, sign_question=question, total_ore=int(total) * (sign if signed else 1),
        first_date=first, last_date=last, inferred=_inferred(con), accounts=_accounts(con, mapping),
        rejected_lines=int(bad[0]) + len(loaded.errors),
    )


def _errors(con, loaded: Loaded, mapping: ColumnMap) -> pd.DataFrame:
    rows = con.execute(
        f"""SELECT line, p.role, p.value, p.code
        FROM (SELECT line, unnest(problems) AS p, unnest(range(len(problems))) AS k FROM {STAGED} WHERE NOT ok)
        ORDER BY line, k LIMIT {MAX_ERRORS}""").fetchall()
    records = [(e.line, "(row)", "", "fields", e.reason) for e in loaded.errors]
    for line, role, value, code in rows:
        column = loaded.header[mapping.get(role)] if mapping.get(role) is not None else role
        shown = cpr.mask(value) if code == "cpr" else ("" if value is None else str(value))
        records.append((line, column, shown, code, REASONS[code]))
    frame = pd.DataFrame(records, columns=["line", "column", "value", "code", "reason"])
    return frame.sort_values("line", kind="stable").head(MAX_ERRORS).reset_index(drop=True)


def _inferred(con) -> pd.DataFrame:
    frame = con.execute(
        f"""SELECT counterparty, municipality_code, count(*) AS rows FROM {STAGED} WHERE inferred
        GROUP BY ALL ORDER BY rows DESC, counterparty""").df()
    frame.insert(2, "municipality", [short_name(int(c)) for c in frame["municipality_code"]])
    return frame


def _accounts(con, mapping: ColumnMap) -> pd.DataFrame:
    if mapping.get("account") is None and mapping.get("account_name") is None:
        return pd.DataFrame(columns=["account", "rows", "stream"])
    return con.execute(
        f"""SELECT account, count(*) AS rows, any_value(stream_from_account) AS stream
        FROM {STAGED} WHERE account IS NOT NULL GROUP BY ALL ORDER BY account""").df()
