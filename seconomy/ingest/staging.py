"""The staging query: every record of ``_raw`` parsed, looked up and checked in one SQL statement.

Layers: ``b`` joins the lookup tables and names each role's value; ``f`` marks the dates and amounts in
the common shape (read by a cast); ``p`` splits the others into parts; ``v`` parses both; ``w`` adds the year check; ``x`` gives every
check its reason code (NULL when fine); ``y`` sets ``ok``. The result, ``_staged``, holds the entry
as it would be stored and, for bad rows only, the list of problems (role, value, code).

Lookups (streams, accounts, municipality names, public bodies among counterparties) are made in
Python once per *distinct* raw value and joined in; they also say whether the value is blank or holds a
CPR number, so those columns need no trimming or regular expressions per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from seconomy.ingest import cpr, sql
from seconomy.ingest.bulk import RAW
from seconomy.ingest.columns import ColumnMap
from seconomy.ingest.cpr import has_cpr
from seconomy.ingest.payers import PUBLIC_WORDS, infer_municipality, municipality_code
from seconomy.ingest.values import BLANKS
from seconomy.store.sql import ident, sql_type
from seconomy.streams import parse_stream
from seconomy.text import fold

STAGED = "_staged"
PARSED = "_parsed"  # the staging query's result; seconomy.ingest.classify turns it into _staged
LOOKUP_ROLES = ("stream", "account", "account_name", "municipality_code", "municipality")
STORED_TEXT = ("counterparty", "description", "reference")
# Columns a layout may carry beyond the ledger's: passed through as trimmed text (the balance is also parsed).
EXTRA_TEXT = ("status", "category", "subcategory", "transfer_type", "account_type", "sender", "receiver", "payee")


@dataclass(frozen=True)
class Mode:
    """How a layout's lines differ from a plain ledger's (see seconomy.ingest.layouts)."""

    counterparty_from_text: bool = False  # a bank statement: the text names who paid when no payer column does
    accounts_required: bool = True  # an account ledger: every account must be mapped to a stream
    payer_first_part: bool = False  # the payer column holds "name, address": the name is the part before the comma


@dataclass(frozen=True)
class Lookup:
    role: str
    find: Callable[[str], object]
    kind: str  # SQL type of the value


def lookups(accounts_chosen: dict[str, str], accounts_stored: dict[str, str],
            accounts_suggested: dict[str, str] | None = None) -> list[Lookup]:
    """What each looked-up role's values mean (accounts: the user's choice, else what was remembered, else what the
    account's description suggests — SAF-T's Sale accounts)."""
    suggested = accounts_suggested or {}

    def account_stream(text: str) -> str | None:
        return accounts_chosen.get(fold(text)) or accounts_stored.get(fold(text))

    def account_number_stream(text: str) -> str | None:
        return account_stream(text) or suggested.get(fold(text))

    return [Lookup("stream", parse_stream, "VARCHAR"), Lookup("account", account_number_stream, "VARCHAR"),
            Lookup("account_name", account_stream, "VARCHAR"), Lookup("municipality_code", municipality_code, "SMALLINT"),
            Lookup("municipality", municipality_code, "SMALLINT"), Lookup("counterparty", infer_municipality, "SMALLINT")]


def _distinct(con, cell: str, having: str | None = None) -> list[str]:
    """The distinct raw values of a column (grouping raw text is cheap; trimming a million values is not)."""
    query = f"SELECT v FROM (SELECT DISTINCT {cell} AS v FROM {RAW}) WHERE v IS NOT NULL"
    return [v for (v,) in con.execute(query + (f" AND ({having})" if having else "")).fetchall()]


def build_lookups(con: duckdb.DuckDBPyConnection, mapping: ColumnMap, found: list[Lookup]) -> list[str]:
    """One table per looked-up role the file has: raw text -> (value, blank, holds a CPR number)."""
    built = []
    public, personal = sql.lit(PUBLIC_WORDS), sql.lit(cpr.pattern_for("counterparty"))
    # Counterparties are many: only those that may name a public body or hold a CPR number are looked up.
    having = {"counterparty": f"regexp_matches(v, {public}) OR regexp_matches(v, {personal})"}
    for lookup in found:
        index = mapping.get(lookup.role)
        if index is None:
            continue
        rows = []
        for raw in _distinct(con, f"c{index}", having.get(lookup.role)):
            text = raw.strip(BLANKS)
            rows.append((raw, lookup.find(text) if text else None, not text, has_cpr(text, lookup.role)))
        _table(con, f"_map_{lookup.role}", rows, lookup.kind)
        built.append(lookup.role)
    return built


def _table(con, name: str, rows: list[tuple[str, object, bool, bool]], kind: str) -> None:
    frame = pd.DataFrame({"text": pd.Series([r[0] for r in rows], dtype=object),
                          "value": pd.Series([r[1] for r in rows], dtype=object),
                          "blank": pd.Series([r[2] for r in rows], dtype=bool),
                          "cpr": pd.Series([r[3] for r in rows], dtype=bool)})
    con.register("_map_frame", frame)
    try:
        query = f"""CREATE OR REPLACE TEMP TABLE {ident(name)} AS
            SELECT CAST(text AS VARCHAR) AS text, CAST(value AS {sql_type(kind)}) AS value, blank, cpr FROM _map_frame"""
        con.execute(query)
    finally:
        con.unregister("_map_frame")


def _base(mapping: ColumnMap, sources: list[tuple[str, int]], tables: list[str]) -> tuple[str, str]:
    """The ``b`` layer: each role's value (text trimmed, blanks as NULL) and what its lookup says."""
    def cell(role: str) -> str | None:
        index = mapping.get(role)
        return None if index is None else f"r.c{index}"

    columns = []
    for role in ("date", *dict.fromkeys(r for r, _ in sources)):
        columns.append(f"nullif({cell(role)}, '') AS {role}_raw" if cell(role) else f"CAST(NULL AS VARCHAR) AS {role}_raw")
    for role in (*STORED_TEXT, *EXTRA_TEXT):
        columns.append(f"{sql.blank_to_null(cell(role))} AS {role}_raw" if cell(role) else f"CAST(NULL AS VARCHAR) AS {role}_raw")
    columns.append(f"nullif({cell('balance')}, '') AS balance_raw" if cell("balance") else "CAST(NULL AS VARCHAR) AS balance_raw")
    for role in (*LOOKUP_ROLES, "counterparty"):
        joined = role in tables
        if role in LOOKUP_ROLES:
            value = f"CASE WHEN j_{role}.blank THEN NULL ELSE nullif({cell(role)}, '') END" if joined else "CAST(NULL AS VARCHAR)"
            columns.append(f"{value} AS {role}_raw")
        columns.append(f"j_{role}.value AS {role}_found, coalesce(j_{role}.cpr, false) AS {role}_cpr" if joined
                       else f"NULL AS {role}_found, false AS {role}_cpr")
    joins = "".join(f" LEFT JOIN _map_{role} AS j_{role} ON j_{role}.text = {cell(role)}" for role in tables)
    return ",\n       ".join(columns), joins


def staging_sql(mapping: ColumnMap, sources: list[tuple[str, int]], decimal: str, order: str | None,
                default_stream: str | None, tables: list[str], date_shape: str = "dmy-", mode: Mode = Mode()) -> str:
    """CREATE the ``_parsed`` table (see the module docstring for the layers)."""
    base, joins = _base(mapping, sources, tables)
    amounts = [r for r, _ in sources] + ["balance"]
    fast = ",\n".join([f"{sql.date_fast('date_raw', date_shape)} AS date_fast"]
                      + [f"{sql.amount_fast(f'{r}_raw', decimal)} AS {r}_fast" for r in amounts])
    parts = ",\n".join([f"{sql.date_parts('date_raw', 'date_fast')} AS date_parts"]
                       + [f"{sql.amount_parts(f'{r}_raw', f'{r}_fast', decimal)} AS {r}_parts" for r in amounts])
    parsed = ",\n".join([f"{sql.date_value('date_raw', 'date_fast', 'date_parts', date_shape, order)} AS date_any"]
                        + [f"{sql.amount_ore(f'{r}_raw', f'{r}_fast', f'{r}_parts', decimal)} AS {r}_ore" for r in amounts])
    primary = sources[0][0]
    # credit/debit: one of the two may be empty; a signed amount column must be filled
    absent = " AND ".join(sql.is_blank(f"{r}_raw") for r, _ in (sources if primary in ("credit", "debit") else sources[:1]))
    amount = " + ".join(f"{s} * coalesce({r}_ore, 0)" for r, s in sources)
    account_given = "(account_raw IS NOT NULL OR account_name_raw IS NOT NULL)"
    default = sql.lit(parse_stream(default_stream)) if default_stream else "CAST(NULL AS VARCHAR)"
    place_given = "coalesce(municipality_code_raw, municipality_raw) IS NOT NULL"
    codes = [f"{sql.date_code('date_raw', 'entry_date', 'date_parts')} AS date_code"]
    codes += [f"{sql.amount_code(f'{r}_raw', f'{r}_ore', f'{r}_parts', decimal)} AS {r}_code" for r, _ in sources]
    codes += [f"CASE WHEN {primary}_ore IS NOT NULL THEN NULL WHEN {absent} THEN 'amount_missing' END AS amount_missing_code",
              "CASE WHEN counterparty_raw IS NULL THEN 'counterparty_missing' END AS counterparty_code",
              f"""CASE WHEN stream_raw IS NOT NULL AND stream_found IS NULL THEN 'stream_unknown'
                   WHEN stream_raw IS NULL AND {account_given} AND stream_from_account IS NULL AND {mode.accounts_required}
                   THEN 'account_unmapped' END AS stream_code""",
              f"CASE WHEN {place_given} AND place IS NULL THEN 'municipality_unknown' END AS place_code"]
    cpr_checks = {role: f"{role}_cpr" for role in (*LOOKUP_ROLES, "counterparty")}
    cpr_checks["description"] = sql.found("description_raw", cpr.pattern_for("description"))
    cpr_checks["reference"] = f"(contains(reference_raw, '-') AND {sql.found('reference_raw', cpr.pattern_for('reference'))})"
    codes += [f"CASE WHEN {check} THEN 'cpr' END AS cpr_{role}_code" for role, check in cpr_checks.items()]
    problems = [("'date'", "date_raw", "date_code"), (sql.lit(primary), f"{primary}_raw", "amount_missing_code")]
    problems += [(sql.lit(r), f"{r}_raw", f"{r}_code") for r, _ in sources]
    problems += [("'counterparty'", "counterparty_raw", "counterparty_code"), ("stream_role", "stream_value", "stream_code"),
                 ("place_role", "coalesce(municipality_code_raw, municipality_raw)", "place_code")]
    problems += [(sql.lit(role), f"{role}_raw", f"cpr_{role}_code") for role in cpr_checks]
    ok = " AND ".join(f"{code} IS NULL" for _, _, code in problems)
    listed = ", ".join(f"{{'role': {role}, 'value': {value}, 'code': {code}}}" for role, value, code in problems)
    counterparty = "nullif(trim(split_part(counterparty_raw, ',', 1)), '')" if mode.payer_first_part else "counterparty_raw"
    if mode.counterparty_from_text:
        counterparty = f"coalesce({counterparty}, description_raw)"
    extras = ", ".join(f"{role}_raw AS {role}" for role in EXTRA_TEXT)
    return f"""CREATE OR REPLACE TEMP TABLE {PARSED} AS
WITH b0 AS (SELECT r.line, {base} FROM {RAW} r{joins}),
b AS (SELECT * REPLACE ({counterparty} AS counterparty_raw) FROM b0),
f AS (SELECT *, {fast} FROM b),
p AS (SELECT *, {parts} FROM f),
v AS (SELECT *, {parsed} FROM p),
w AS (SELECT *, {sql.in_year_range('date_any')} AS entry_date,
             coalesce(account_found, account_name_found) AS stream_from_account,
             CASE WHEN municipality_code_raw IS NOT NULL THEN municipality_code_found ELSE municipality_found END AS place
      FROM v),
x AS (SELECT *, {", ".join(codes)},
          CASE WHEN stream_raw IS NOT NULL THEN stream_found WHEN {account_given} THEN stream_from_account
               ELSE {default} END AS stream,
          CASE WHEN stream_raw IS NOT NULL THEN 'stream' WHEN account_raw IS NOT NULL THEN 'account'
               WHEN account_name_raw IS NOT NULL THEN 'account_name' ELSE 'stream' END AS stream_role,
          coalesce(stream_raw, account_raw, account_name_raw) AS stream_value,
          CASE WHEN municipality_code_raw IS NOT NULL THEN 'municipality_code' ELSE 'municipality' END AS place_role,
          {amount} AS amount_total
      FROM w),
y AS (SELECT *, ({ok}) AS ok FROM x)
SELECT line, entry_date, amount_total AS amount_ore, stream AS stated_stream,
       CASE WHEN stream_raw IS NOT NULL THEN 'column' WHEN {account_given} AND stream_from_account IS NOT NULL THEN 'account'
            WHEN stream IS NOT NULL THEN 'option' END AS stated_by,
       {sql.unneutralised('counterparty_raw')} AS counterparty,
       CASE WHEN {place_given} THEN place END AS stated_code, counterparty_found AS cp_code,
       {sql.unneutralised('description_raw')} AS description, {sql.unneutralised('reference_raw')} AS reference,
       coalesce(account_raw, account_name_raw) AS account, account_raw AS account_number, account_name_raw AS account_name,
       stream_from_account, balance_ore, date_raw AS date_text, {extras},
       ok, CASE WHEN NOT ok THEN list_filter([{listed}], lambda p: p.code IS NOT NULL) END AS problems
FROM y"""
