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
from seconomy.ingest.classify import SKIPPED, Context, classify
from seconomy.ingest.columns import ColumnMap, header_key, normalise, resolve_columns
from seconomy.ingest.layouts import LEDGER, Layout
from seconomy.ingest.rules import DEFAULT_RULES, Rule, stored_rules
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
    "stream_missing": "no stream: no column, account or rule gives one",
    "account_unmapped": "account not mapped to a stream",
    "municipality_unknown": "unknown municipality",
    "cpr": "contains a CPR number (never stored)",
    "fields": "wrong number of fields",
}


class LayoutError(InputError):
    """The file lacks a column an import needs; carries the mapping found so far for the UI to complete."""

    def __init__(self, message: str, mapping: ColumnMap, *, code: str | None = None, **params: object):
        super().__init__(message, code=code, **params)
        self.mapping = mapping
        self.loaded: Loaded | None = None  # set by the importer: the file as loaded
        self.layout_name = LEDGER.name


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
    accounts: tuple[tuple[str, str], ...] = ()  # account -> stream id (or 'cost', 'exclude') chosen by the user
    skip_invalid: bool = False
    no_header: bool = False  # the file has no header row: columns are named 1, 2, … and recognised by content
    rules: tuple[Rule, ...] | None = None  # the rule table to classify by (None: the stored one)
    new_rules: tuple[Rule, ...] = ()  # rules made in the preview: they go first, and are stored with the import
    layout: str | None = None  # force a layout by name ('ledger', 'bank:danske', …); None: recognise it

    def checked(self) -> ImportOptions:
        """Refuse option values that cannot work (a usage error, exit 2)."""
        if self.decimal not in (None, ",", "."):
            raise UsageError(f"decimal mark must be ',' or '.', not {self.decimal!r}")
        if self.date_order not in (None, *DATE_ORDERS):
            raise UsageError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {self.date_order!r}")
        if self.default_stream is not None and parse_stream(self.default_stream) is None:
            raise UsageError(f"unknown stream {self.default_stream!r}; streams are: {', '.join(STREAMS)}")
        for account, stream in self.accounts:
            if account_target(stream) is None:
                raise UsageError(f"account {account!r}: unknown stream {stream!r}; streams are: {', '.join(ACCOUNT_TARGETS)}")
        return self


# An account can be mapped to an income stream, to 'cost' (its lines are costs) or to 'exclude' (left out).
ACCOUNT_TARGETS = (*STREAMS, "cost", "exclude")
_ACCOUNT_WORDS = {"cost": ("cost", "costs", "omkostning", "omkostninger", "udgift", "udgifter"),
                  "exclude": ("exclude", "ignore", "udelad", "ignorer", "spring over")}


def account_target(text: object) -> str | None:
    """A stream id, 'cost' or 'exclude' for what an account is mapped to (any of their words), else None."""
    stream = parse_stream(None if text is None else str(text))
    if stream:
        return stream
    folded = fold(str(text or ""))
    return next((target for target, words in _ACCOUNT_WORDS.items() if folded in words), None)


@dataclass(frozen=True)
class Stored:
    """What earlier imports taught the database: account → stream, header → column mapping."""

    accounts: dict[str, str] = field(default_factory=dict)  # folded account -> stream
    mappings: dict[str, dict[str, str]] = field(default_factory=dict)  # header_key -> {role: header}
    rules: tuple[Rule, ...] = DEFAULT_RULES  # the classification rules, in order


def stored(con: duckdb.DuckDBPyConnection) -> Stored:
    """Read the remembered account streams and column mappings."""
    accounts = {fold(a): s for a, s in con.execute("SELECT account, stream FROM account_streams").fetchall()}
    mappings = {k: json.loads(m) for k, m in con.execute("SELECT header_key, mapping FROM column_mappings").fetchall()}
    return Stored(accounts, mappings, stored_rules(con))


@dataclass
class Staged:
    """The outcome of staging a file: layout, mapping, counts, errors, totals and what was decided per line."""

    header: list[str]
    mapping: ColumnMap
    decimal: str
    records: int
    valid: int  # rows that will be stored (income and costs)
    error_count: int
    errors: pd.DataFrame  # line, column, value, code, reason (at most MAX_ERRORS rows, by line)
    negatives: int
    sign: int
    mostly_negative: bool  # an account ledger whose amounts are mostly negative: income booked negative?
    sign_question: bool  # … and the user has not said yet
    total_ore: int  # income of the valid rows (the import's "total")
    first_date: object
    last_date: object
    inferred: pd.DataFrame  # counterparty, municipality_code, municipality, rows
    accounts: pd.DataFrame  # account, rows, stream
    rejected_lines: int = 0
    layout: str = "ledger"
    income_rows: int = 0
    cost_rows: int = 0
    cost_ore: int = 0  # the costs of the valid rows, negative (money out)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows (pending, own_transfer, excluded)
    closing_balance: tuple[object, int] | None = None  # (date, øre) of the last balance in the file
    counterparties: pd.DataFrame = field(default_factory=pd.DataFrame)  # per counterparty: stream, decided by, rows
    not_municipal: pd.DataFrame = field(default_factory=pd.DataFrame)  # companies a kommune column would have made municipal

    @property
    def line_errors(self) -> list[LineError]:
        return [LineError(int(r.line), r.column, r.value, r.reason, f"data.reason.{r.code}") for r in self.errors.itertuples()]


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
                              mapping, code="layout.gross_only")
        return [("gross_amount", 1), ("vat", -1)], True
    if mapping.get("credit") is not None or mapping.get("debit") is not None:
        return [(r, s) for r, s in (("credit", 1), ("debit", -1)) if mapping.get(r) is not None], False
    raise LayoutError("the file has no amount column (beløb, amount, netto, kredit …); "
                      "choose it with --column amount=HEADER (or on the Data page)", mapping, code="layout.no_amount")


def _require(mapping: ColumnMap, header: list[str], layout: Layout) -> None:
    """The columns an import cannot do without: a date, an amount, and who paid (a bank's text names them)."""
    from_text = layout.mode.counterparty_from_text and mapping.get("description") is not None
    needed = [("date", "date (dato)")] + ([] if from_text else [("counterparty", "counterparty (kunde, modpart)")])
    missing = [label for role, label in needed if mapping.get(role) is None]
    roles = [role for role, _ in needed if mapping.get(role) is None]
    if all(mapping.get(r) is None for r in ("net_amount", "amount", "gross_amount", "credit", "debit")):
        missing.append("amount (beløb, netto, kredit)")
        roles.append("amount")
    if missing:
        raise LayoutError(f"the file has no {', no '.join(missing)} column; its columns are: {', '.join(header) or '(none)'}. "
                          "Choose them with --column ROLE=HEADER (or on the Data page)", mapping, code="layout.missing",
                          roles=tuple(roles), columns=", ".join(header))


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


def layout_columns(header: list[str], layout: Layout) -> dict[str, str]:
    """A layout's role → header, as this file spells its headers."""
    if layout.columns is None:
        return {}
    spelled = {normalise(h): h for h in header}
    return {role: spelled[normalise(name)] for role, name in layout.columns.items() if normalise(name) in spelled}


def stage(con: duckdb.DuckDBPyConnection, loaded: Loaded, options: ImportOptions, remembered: Stored,
          layout: Layout = LEDGER, context: Context | None = None, suggested: dict[str, str] | None = None) -> Staged:
    """Parse, check and classify every record of ``_raw`` into ``_staged``; summarise what was found."""
    header = loaded.header
    known = layout_columns(header, layout)
    if layout.columns is not None:  # a known layout: its columns, then the user's choices (no header-word guessing)
        mapping = resolve_columns(header, {**{r: "" for r in _guessed(header)}, **known, **dict(options.columns)})
    else:
        mapping = resolve_columns(header, dict(options.columns), remembered.mappings.get(header_key(header)))
    _require(mapping, header, layout)
    sources, signed = _amount_sources(mapping)
    decimal = options.decimal or layout.decimal or _decimal(con, mapping, sources, loaded, options)
    chosen = {fold(a): account_target(s) for a, s in options.accounts}
    tables = staging.build_lookups(con, mapping, staging.lookups(chosen, remembered.accounts, suggested))
    shape = sql.date_shape(_sample(con, mapping.get("date")))
    order = options.date_order or layout.date_order
    con.execute(staging.staging_sql(mapping, sources, decimal, order, options.default_stream, tables, shape, layout.mode))
    rules = options.new_rules + (options.rules if options.rules is not None else remembered.rules)
    classify(con, context or Context(rules, layout.direction, text_names_payer=layout.text_names_payer))
    return _summarise(con, loaded, mapping, decimal, signed, options, layout)


def _guessed(header: list[str]) -> set[str]:
    """Roles the header words would suggest: a known layout un-maps them, so only its own columns count."""
    return set(resolve_columns(header).columns)


def _summarise(con, loaded: Loaded, mapping: ColumnMap, decimal: str, signed: bool, options: ImportOptions,
               layout: Layout) -> Staged:
    table = ident(STAGED)
    valid, negatives, total, costs, income_rows, cost_rows, first, last = con.execute(
        f"""SELECT count(*) FILTER (WHERE kind IN ('income', 'cost')), count_if(amount_ore < 0 AND kind = 'income'),
                   coalesce(sum(amount_ore) FILTER (WHERE kind = 'income'), 0),
                   coalesce(sum(amount_ore) FILTER (WHERE kind = 'cost'), 0),
                   count(*) FILTER (WHERE kind = 'income'), count(*) FILTER (WHERE kind = 'cost'),
                   min(entry_date) FILTER (WHERE kind IN ('income', 'cost')), max(entry_date) FILTER (WHERE kind IN ('income', 'cost'))
            FROM {table} WHERE ok""").fetchall()[0]
    bad = con.table(STAGED).filter("NOT ok").aggregate("count(*), coalesce(sum(len(problems)), 0)").fetchall()[0]
    skipped = dict(con.execute(f"SELECT kind, count(*) FROM {table} WHERE kind IN ? GROUP BY kind ORDER BY kind",
                               [list(SKIPPED)]).fetchall())
    sign = -1 if options.income_negative else 1
    # Only an account ledger books income negative; elsewhere negative rows are credit notes (or costs).
    ledger_of_accounts = not layout.is_bank and (mapping.get("account") is not None or mapping.get("account_name") is not None)
    mostly_negative = signed and ledger_of_accounts and income_rows > 0 and negatives * 2 > income_rows
    question = mostly_negative and options.income_negative is None
    factor = sign if signed else 1
    return Staged(
        header=loaded.header, mapping=mapping, decimal=decimal, records=loaded.records + len(loaded.errors), valid=valid,
        error_count=int(bad[1]) + len(loaded.errors), errors=_errors(con, loaded, mapping), negatives=negatives,
        sign=factor, mostly_negative=mostly_negative, sign_question=question, total_ore=int(total) * factor,
        first_date=first, last_date=last, inferred=_inferred(con), accounts=_accounts(con, mapping),
        rejected_lines=int(bad[0]) + len(loaded.errors), layout=layout.name, income_rows=income_rows,
        cost_rows=cost_rows, cost_ore=int(costs) * factor, skipped=skipped, closing_balance=_closing_balance(con),
        counterparties=_counterparties(con), not_municipal=_not_municipal(con),
    )


def _closing_balance(con) -> tuple[object, int] | None:
    """The balance after the file's last booked row: the file's order tells which of a day's rows came last."""
    rows = con.execute(
        f"""SELECT entry_date, balance_ore, line FROM {ident(STAGED)}
            WHERE balance_ore IS NOT NULL AND kind <> 'pending' AND entry_date IS NOT NULL
            ORDER BY entry_date DESC, line DESC LIMIT 1""").fetchall()
    if not rows:
        return None
    first = con.execute(
        f"""SELECT min(entry_date) = max(entry_date), arg_min(entry_date, line) > arg_max(entry_date, line)
            FROM {ident(STAGED)} WHERE balance_ore IS NOT NULL AND kind <> 'pending' AND entry_date IS NOT NULL""").fetchall()[0]
    newest_first = bool(first[1])
    if newest_first:  # statements listed newest first: the day's last row is the first one in the file
        rows = con.execute(
            f"""SELECT entry_date, balance_ore, line FROM {ident(STAGED)}
                WHERE balance_ore IS NOT NULL AND kind <> 'pending' AND entry_date IS NOT NULL
                ORDER BY entry_date DESC, line ASC LIMIT 1""").fetchall()
    return rows[0][0], int(rows[0][1])


def _counterparties(con) -> pd.DataFrame:
    """Per counterparty of the income rows: rows, amount, the stream and what decided it (for the preview)."""
    return con.execute(
        f"""SELECT counterparty, payer, any_value(municipality_code) AS municipality_code, stream, stream_by,
                   count(*) AS rows, sum(amount_ore) AS amount_ore
            FROM {ident(STAGED)} WHERE ok AND kind = 'income'
            GROUP BY counterparty, payer, stream, stream_by ORDER BY amount_ore DESC, counterparty""").df()


def _not_municipal(con) -> pd.DataFrame:
    return con.execute(
        f"""SELECT counterparty, count(*) AS rows FROM {ident(STAGED)} WHERE municipality_by = 'company_form'
            GROUP BY counterparty ORDER BY rows DESC, counterparty""").df()


def _errors(con, loaded: Loaded, mapping: ColumnMap) -> pd.DataFrame:
    rows = con.execute(
        f"""SELECT line, p.role, p.value, p.code
        FROM (SELECT line, unnest(problems) AS p, unnest(range(len(problems))) AS k FROM {STAGED} WHERE NOT ok)
        ORDER BY line, k LIMIT {MAX_ERRORS}""").fetchall()
    records = [(e.line, "(row)", "", "fields", e.reason) for e in loaded.errors]
    for line, role, value, code in rows:
        column = loaded.header[mapping.get(role)] if mapping.get(role) is not None else role
        shown = "" if value is None else cpr.mask(value)  # any column: a CPR typed where a kommune belongs, too
        records.append((line, column, shown, code, REASONS[code]))
    frame = pd.DataFrame(records, columns=["line", "column", "value", "code", "reason"])
    return frame.sort_values("line", kind="stable").head(MAX_ERRORS).reset_index(drop=True)


def _inferred(con) -> pd.DataFrame:
    frame = con.execute(
        f"""SELECT counterparty, municipality_code, count(*) AS rows FROM {STAGED} WHERE inferred AND ok AND kind = 'income'
        GROUP BY ALL ORDER BY rows DESC, counterparty""").df()
    frame.insert(2, "municipality", [short_name(int(c)) for c in frame["municipality_code"]])
    return frame


def _accounts(con, mapping: ColumnMap) -> pd.DataFrame:
    if mapping.get("account") is None and mapping.get("account_name") is None:
        return pd.DataFrame(columns=["account", "rows", "stream"])
    return con.execute(
        f"""SELECT account, count(*) AS rows, any_value(stream_from_account) AS stream
        FROM {STAGED} WHERE account IS NOT NULL AND coalesce(account_type, 'Sale') = 'Sale' GROUP BY ALL ORDER BY account""").df()
