"""From parsed lines (``_parsed``) to classified ones (``_staged``): what each line is, and who pays in which stream.

One statement decides, per line, in this order:
  1. the kind: a pending bank row, a transfer between the enterprise's own accounts, a line a rule (or an account
     mapped to "exclude") excludes, a cost (bank: money out; SAF-T: an Expense account; a ledger account mapped to
     "cost"), income — or, in SAF-T, a balance-sheet line that is neither;
  2. the stream: what the file states (stream column, account map, ``--stream``), else the first rule;
  3. the municipality: the municipality column (never for a company — ApS, A/S …), else the first rule (``*``: the
     public body the counterparty or the start of the text names);
  4. the payer: the municipality's short name (a municipality is ONE payer), else the first payer rule, else the
     counterparty. This is the one place the payer rule is applied; entries store the result.
Each decision records what made it (``column``, ``account``, ``option``, ``rule:<match>``, ``municipality``,
``counterparty``), so the preview can show it and ``reclassify`` can redo it.

Bank texts: when the counterparty comes from the text and the text starts with a public body ("Jobcenter
København Løntilskud januar"), the body is the counterparty and the rest the description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from seconomy.ingest import sql
from seconomy.ingest.payers import PUBLIC_WORDS, public_body_at_start
from seconomy.ingest.rules import Rule, compile_rules, fold_sql
from seconomy.ingest.staging import PARSED, STAGED
from seconomy.municipalities import all_municipalities
from seconomy.store.sql import ident
from seconomy.streams import STREAMS
from seconomy.text import fold

KINDS = ("income", "cost", "pending", "own_transfer", "excluded", "other")
SKIPPED = ("pending", "own_transfer", "excluded")  # counted and left out; 'other' is SAF-T's balance sheet
COMPANY_FORM = r"(?i)(^|[^a-z0-9æøå])(aps|a/s|i/s|ivs|k/s|p/s|amba|a\.m\.b\.a\.|smba|s\.m\.b\.a\.)([^a-z0-9æøå]|$)"
_STREAM_LIST = "[" + ", ".join(sql.lit(s) for s in STREAMS) + "]"
# What the rules, the company-form test and the own-transfer test read of a line: they are worked out once per
# distinct combination (a few thousand in a million lines, at most one per line) and joined back to the lines.
_KEY_COLUMNS = ("counterparty", "description", "account_number", "account_name", "sender", "receiver", "cp_code", "tx_code")
_KEYS = ", ".join(_KEY_COLUMNS)


@dataclass(frozen=True)
class Direction:
    """How a layout tells costs and skipped rows from income (SQL over ``_parsed``; constants of the layout).

    ``pending`` and ``own_category`` are (column, regular expression) pairs the layout knows its bank by;
    ``by_sign``: money out is a cost (bank statements); ``by_account_type``: SAF-T's AccountType column.
    """

    by_sign: bool = False
    by_account_type: bool = False
    pending: tuple[tuple[str, str], ...] = ()
    own_category: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Own:
    """What marks a transfer between the enterprise's own accounts (settings: name, CVR, account numbers)."""

    name: str | None = None
    cvr: str | None = None
    accounts: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: dict[str, object]) -> Own:
        digits = ["".join(ch for ch in part if ch.isdigit()) for part in str(settings.get("own_accounts") or "").split(",")]
        cvr = "".join(ch for ch in str(settings.get("cvr") or "") if ch.isdigit())
        name = str(settings.get("enterprise_name") or "").replace("(demo)", "").strip()
        return cls(name or None, cvr or None, tuple(d for d in digits if len(d) >= 6))


@dataclass(frozen=True)
class Context:
    rules: Sequence[Rule]
    direction: Direction = field(default_factory=Direction)
    own: Own = field(default_factory=Own)
    text_names_payer: bool = False  # bank: a public body at the start of the text is the counterparty


def _text_bodies(con: duckdb.DuckDBPyConnection) -> None:
    """``_map_text``: for each distinct text that may start with a public body, the body and the rest."""
    rows = []
    query = f"SELECT DISTINCT description FROM {ident(PARSED)} WHERE regexp_matches(description, ?)"
    for (text,) in con.execute(query, [PUBLIC_WORDS]).fetchall():
        found = public_body_at_start(text)
        if found:
            rows.append((text, *found))
    frame = pd.DataFrame(rows, columns=["text", "code", "body", "rest"]).astype(
        {"text": object, "code": "Int16", "body": object, "rest": object})
    con.register("_map_text_frame", frame)
    try:
        con.execute("""CREATE OR REPLACE TEMP TABLE _map_text AS SELECT CAST(text AS VARCHAR) AS text,
                       CAST(code AS SMALLINT) AS code, CAST(body AS VARCHAR) AS body, CAST(rest AS VARCHAR) AS rest
                       FROM _map_text_frame""")
    finally:
        con.unregister("_map_text_frame")


def _names(con: duckdb.DuckDBPyConnection) -> None:
    """``_names``: municipality code → short name, for the payer key (the scratch preview database has no tables)."""
    frame = pd.DataFrame([(m.code, m.name) for m in all_municipalities()], columns=["code", "name"])
    con.register("_names_frame", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _names AS SELECT CAST(code AS SMALLINT) AS code, CAST(name AS VARCHAR) AS name "
                    "FROM _names_frame")
    finally:
        con.unregister("_names_frame")


def _matches(pairs: Sequence[tuple[str, str]], params: list[object]) -> str:
    tests = []
    for column, pattern in pairs:
        params.append(pattern)
        tests.append(f"coalesce(regexp_matches({ident(column)}, ?), false)")
    return "(" + " OR ".join(tests) + ")" if tests else "false"


def _own(own: Own, params: list[object]) -> str:
    """A transfer between own accounts: the enterprise's name or CVR as counterparty, an own account number in
    the text, or own accounts on both sides (a bank's sender and receiver account columns)."""
    tests = []
    if own.name:
        params += [fold(own.name)] * 2
        tests.append("(f_counterparty = ? OR contains(f_text, ?))")
    for number in (own.cvr, *own.accounts):
        if number:
            params += [number] * 2
            tests.append("(contains(d_counterparty, ?) OR contains(d_text, ?))")
    if own.accounts:
        params += [list(own.accounts)] * 2
        tests.append("(d_sender <> '' AND d_receiver <> '' AND len(list_filter(CAST(? AS VARCHAR[]), lambda a: contains(d_sender, a))) > 0"
                     " AND len(list_filter(CAST(? AS VARCHAR[]), lambda a: contains(d_receiver, a))) > 0)")
    return "(" + " OR ".join(tests) + ")" if tests else "false"


def classify(con: duckdb.DuckDBPyConnection, context: Context) -> None:
    """Create ``_staged`` from ``_parsed``: kind, resolved stream, municipality and payer, with what decided them."""
    _text_bodies(con)
    _names(con)
    rules = compile_rules(context.rules)
    direction = context.direction
    head: list[object] = []
    pending = _matches(direction.pending, head)
    own_category = _matches(direction.own_category, head)
    own_params: list[object] = []
    own = _own(context.own, own_params)
    text_payer = "true" if context.text_names_payer else "false"
    money_out = "amount_ore < 0" if direction.by_sign else "false"
    expense = "coalesce(account_type = 'Expense', false)" if direction.by_account_type else "false"
    sale = "coalesce(account_type = 'Sale', false)" if direction.by_account_type else "true"
    statement = f"""CREATE OR REPLACE TEMP TABLE {ident(STAGED)} AS
WITH a AS (
    SELECT p.* REPLACE (
               CASE WHEN {money_out} AND p.payee IS NOT NULL THEN p.payee
                    WHEN {text_payer} AND t.body IS NOT NULL AND p.counterparty = p.description THEN t.body
                    ELSE p.counterparty END AS counterparty,
               CASE WHEN {text_payer} AND t.body IS NOT NULL AND p.counterparty = p.description THEN t.rest
                    ELSE p.description END AS description),
           t.code AS tx_code, {pending} AS is_pending, {own_category} AS own_category
    FROM {ident(PARSED)} p LEFT JOIN _map_text t ON t.text = p.description),
keys AS (SELECT DISTINCT {_KEYS} FROM a),
r AS (SELECT *, coalesce(regexp_matches(counterparty, {sql.lit(COMPANY_FORM)}), false) AS company_form,
             {fold_sql('counterparty')} AS f_counterparty, {fold_sql('description')} AS f_text,
             {fold_sql("concat_ws(' ', account_number, account_name)")} AS f_account,
             regexp_replace(coalesce(counterparty, ''), '[^0-9]', '', 'g') AS d_counterparty,
             regexp_replace(coalesce(description, ''), '[^0-9]', '', 'g') AS d_text,
             regexp_replace(coalesce(sender, ''), '[^0-9]', '', 'g') AS d_sender,
             regexp_replace(coalesce(receiver, ''), '[^0-9]', '', 'g') AS d_receiver
      FROM keys),
k AS (SELECT *, {rules.indexes} FROM r),
hits AS (SELECT {_KEYS}, company_form, x_rule, s_rule, m_rule, p_rule, {own} AS own_party FROM k),
j AS (SELECT a.*, h.company_form, h.x_rule, h.s_rule, h.m_rule, h.p_rule, h.own_party
      FROM a LEFT JOIN hits h ON {" AND ".join(f"a.{c} IS NOT DISTINCT FROM h.{c}" for c in _KEY_COLUMNS)}),
v AS (SELECT *, {rules.values}, (own_category OR own_party) AS is_own FROM j),
z AS (SELECT *,
          CASE WHEN is_pending THEN 'pending' WHEN is_own THEN 'own_transfer'
               WHEN rule_excluded_by IS NOT NULL OR stream_from_account = 'exclude' THEN 'excluded'
               WHEN stream_from_account = 'cost' OR {money_out} OR {expense} THEN 'cost'
               WHEN NOT {sale} THEN 'other' ELSE 'income' END AS kind,
          CASE WHEN stream_from_account = 'exclude' THEN 'account' ELSE rule_excluded_by END AS excluded_by,
          CASE WHEN list_contains({_STREAM_LIST}, stated_stream) THEN stated_stream ELSE rule_stream END AS stream,
          CASE WHEN list_contains({_STREAM_LIST}, stated_stream) THEN stated_by ELSE rule_stream_by END AS stream_by,
          CASE WHEN stated_code IS NOT NULL AND NOT company_form THEN stated_code
               WHEN stated_code IS NOT NULL THEN NULL ELSE rule_municipality END AS municipality_code,
          CASE WHEN stated_code IS NOT NULL AND NOT company_form THEN 'column'
               WHEN stated_code IS NOT NULL THEN 'company_form' ELSE rule_municipality_by END AS municipality_by
      FROM v)
SELECT z.* EXCLUDE (ok, problems, x_rule, s_rule, m_rule, p_rule, own_party),
       coalesce(n.name, z.rule_payer, z.counterparty) AS payer,
       CASE WHEN n.name IS NOT NULL THEN 'municipality' WHEN z.rule_payer IS NOT NULL THEN z.rule_payer_by
            ELSE 'counterparty' END AS payer_by,
       z.municipality_code IS NOT NULL AND z.municipality_by LIKE 'rule:%' AS inferred,
       CASE WHEN z.kind IN ('pending', 'own_transfer', 'excluded', 'other') THEN true
            WHEN z.kind = 'income' AND z.stream IS NULL THEN false ELSE z.ok END AS ok,
       CASE WHEN z.kind IN ('pending', 'own_transfer', 'excluded', 'other') THEN NULL
            WHEN z.kind = 'income' AND z.stream IS NULL
            THEN list_append(coalesce(z.problems, []), {{'role': 'stream', 'value': CAST(NULL AS VARCHAR), 'code': 'stream_missing'}})
            ELSE z.problems END AS problems
FROM z LEFT JOIN _names n ON n.code = z.municipality_code"""
    con.execute(statement, head + rules.index_params + own_params + rules.value_params)  # in the order they appear
