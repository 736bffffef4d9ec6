"""``import FILE``: import a ledger export (CSV or XLSX) all-or-nothing, or the valid rows only."""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

from seconomy import store
from seconomy.cli.common import dkk, print_json
from seconomy.errors import UsageError
from seconomy.ingest.columns import ROLES, parse_column_option
from seconomy.ingest.importer import ImportResult, closing_balance, default_rejected_path, import_file, rejected_csv
from seconomy.ingest.ledger import ImportOptions
from seconomy.ingest.reader import read_table
from seconomy.ingest.rulefile import read_rules
from seconomy.ingest.values import DATE_ORDERS
from seconomy.text import format as fmt

SKIP_WORDS = {"pending": "pending rows", "own_transfer": "transfers between own accounts", "excluded": "rows excluded by rule"}
BIG_FILE = 5_000_000  # bytes: from here on progress goes to stderr even when it is not a terminal
STEPS = {"read": "reading the file", "check": "checking every row", "checked": "rows checked",
         "write": "writing to the database", "done": "done"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import a ledger export (CSV or XLSX)",
        description="Import income from a bookkeeping export: CSV (; , or tab, UTF-8 or Windows-1252) or XLSX. "
                    "Formats and columns are detected; every choice can be overridden. By default the import is "
                    "all-or-nothing: any bad row and nothing is written (exit 1, each bad row on stderr as "
                    "'line N: column: reason'). Rows already imported from an earlier, overlapping export are skipped.")
    p.add_argument("file", metavar="FILE", type=Path, help="the CSV or XLSX file")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="DuckDB file (as the global --db)")
    p.add_argument("--sheet", metavar="NAME", help="XLSX: the sheet to read (default: the first)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the valid rows and write the rejected ones, with a reason column, to --rejected")
    p.add_argument("--rejected", metavar="PATH", type=Path,
                   help="where --skip-invalid writes the rejected rows (default: FILE.rejected.csv beside FILE)")
    p.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")
    p.add_argument("--encoding", metavar="ENC", help="CSV encoding, e.g. utf-8 or cp1252 (default: detected)")
    p.add_argument("--delimiter", metavar="CHAR", help="CSV delimiter: ';' ',' 'tab' or '|' (default: detected)")
    p.add_argument("--decimal", choices=[",", "."], help="decimal mark of the amounts (default: detected)")
    p.add_argument("--date-order", choices=DATE_ORDERS, help="day/month order of dates that are not ISO (default: dmy)")
    p.add_argument("--income-negative", action=argparse.BooleanOptionalAction, default=None,
                   help="income is booked as negative amounts in this file (account ledgers); "
                        "--no-income-negative keeps the signs as they are")
    p.add_argument("--accounts", metavar="FILE", type=Path,
                   help="CSV with columns account,stream mapping account numbers or names to streams (remembered)")
    p.add_argument("--stream", metavar="ID", help="the stream of rows that have neither a stream nor an account")
    p.add_argument("--column", metavar="ROLE=HEADER", action="append", default=[],
                   help=f"use column HEADER for ROLE (remembered for files with the same header); roles: {', '.join(ROLES)}")
    p.add_argument("--no-header", action="store_true",
                   help="the file has no header row: its columns are named 1, 2, … and recognised by content "
                        "(date, text, amount, balance); --column ROLE=N overrides")
    p.add_argument("--rules", metavar="FILE", type=Path,
                   help="classify with the rules of FILE (match;field;stream;payer;municipality;exclude) instead of the "
                        "stored ones (see 'rules export')")
    p.add_argument("--set-cash", action="store_true",
                   help="take the file's closing balance (a bank statement's balance column, a SAF-T file's bank "
                        "accounts) as the cash at bank, with its date")
    p.add_argument("--json", action="store_true", help="print the outcome as one JSON object")
    p.set_defaults(func=run)


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    named = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
    value = named.get(text.lower(), text)
    if len(value) != 1:
        raise UsageError(f"--delimiter wants one character (or 'tab'), not {text!r}")
    return value


def read_accounts(path: Path) -> tuple[tuple[str, str], ...]:
    """The --accounts file: columns account,stream (any delimiter and encoding read_table understands)."""
    table = read_table(path, path.name)
    folded = [h.strip().lower() for h in table.header]
    if "account" not in folded or "stream" not in folded:
        raise UsageError(f"{path} needs the columns account,stream; it has: {', '.join(table.header)}")
    a, s = folded.index("account"), folded.index("stream")
    return tuple((str(row[a]).strip(), str(row[s]).strip()) for row in table.rows if str(row[a] or "").strip())


def options_from(args: argparse.Namespace) -> ImportOptions:
    rules = None
    if getattr(args, "rules", None) is not None:
        if not args.rules.is_file():
            raise UsageError(f"no such rules file: {args.rules}")
        rules = tuple(read_rules(args.rules, args.rules.name))
    return ImportOptions(
        sheet=args.sheet, encoding=args.encoding, delimiter=_delimiter(args.delimiter), decimal=args.decimal,
        date_order=args.date_order, income_negative=args.income_negative, default_stream=args.stream,
        columns=tuple(parse_column_option(c) for c in args.column),
        accounts=read_accounts(args.accounts) if args.accounts else (), skip_invalid=args.skip_invalid,
        no_header=getattr(args, "no_header", False), rules=rules,
    ).checked()


def _progress(args: argparse.Namespace):
    size = args.file.stat().st_size if args.file.exists() else 0
    if not (sys.stderr.isatty() or size >= BIG_FILE):
        return lambda fraction, step: None
    started = time.monotonic()

    def report(fraction: float, step: str) -> None:
        print(f"[{fraction:4.0%}] {STEPS.get(step, step)} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)

    return report


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    options = options_from(args)
    with store.session(args.db) as con:
        result = import_file(con, args.file, args.file.name, options, dry_run=args.dry_run, progress=_progress(args),
                             set_cash=args.set_cash)
    rejected_path = None
    if result.rejected is not None:
        for err in result.preview.staged.line_errors:
            print(str(err), file=sys.stderr)
        if not args.dry_run:
            rejected_path = args.rejected or default_rejected_path(args.file)
            rejected_path.write_bytes(rejected_csv(result.rejected, result.preview.detected.delimiter or ";"))
    _report(args, result, rejected_path)
    return 0


def _report(args: argparse.Namespace, result: ImportResult, rejected_path: Path | None) -> None:
    staged, outcome = result.preview.staged, result.outcome
    if args.json:
        balance = closing_balance(staged, result.preview.saft)
        print_json({
            "import_id": outcome.import_id, "file": str(args.file), "sha256": result.preview.sha256,
            "format": result.preview.detected.describe(), "layout": result.preview.file_layout,
            "columns": result.preview.mapping,
            "rows_added": outcome.rows_added, "rows_present": outcome.rows_present, "rows_rejected": outcome.rows_rejected,
            "costs_added": outcome.costs_added, "costs_present": outcome.costs_present,
            "total": dkk(Decimal(staged.total_ore) / 100), "income_total": dkk(Decimal(staged.total_ore) / 100),
            "cost_total": dkk(Decimal(staged.cost_ore) / 100), "skipped": dict(staged.skipped),
            "closing_balance": {"date": balance[0].isoformat(), "amount": dkk(Decimal(balance[1]) / 100)} if balance else None,
            "cash_set": result.cash_set,
            "dry_run": result.dry_run, "demo_removed": result.demo_removed,
            "rejected_file": str(rejected_path) if rejected_path else None,
            "inferred": [{"counterparty": r.counterparty, "municipality_code": int(r.municipality_code),
                          "municipality": r.municipality, "rows": int(r.rows)} for r in staged.inferred.itertuples()],
            "not_municipal": [{"counterparty": r.counterparty, "rows": int(r.rows)} for r in staged.not_municipal.itertuples()],
            "company": dict(zip(("name", "cvr"), result.preview.company, strict=True)) if result.preview.saft else None,
        })
        return
    verb = "would add" if result.dry_run else "added"
    print(f"{args.file.name}: {result.preview.detected.describe()} ({result.preview.file_layout})")
    print("columns: " + ", ".join(f"{role}={name}" for role, name in result.preview.mapping.items()))
    for r in staged.inferred.itertuples():
        print(f"municipality inferred: {r.counterparty!r} -> {r.municipality} ({r.rows} rows)")
    for r in staged.not_municipal.itertuples():
        print(f"not a municipality payer (a company): {r.counterparty!r} ({r.rows} rows)")
    print(f"income {fmt.money(Decimal(staged.total_ore) / 100, 'en', 2)} in {staged.income_rows} rows, "
          f"costs {fmt.money(Decimal(-staged.cost_ore) / 100, 'en', 2)} in {staged.cost_rows} rows")
    for reason, rows in staged.skipped.items():
        print(f"{rows} {SKIP_WORDS.get(reason, reason)} skipped")
    balance = closing_balance(staged, result.preview.saft)
    if balance:
        cash = fmt.money(Decimal(balance[1]) / 100, "en", 2)
        print(f"closing balance {cash} on {balance[0].isoformat()}"
              + (" (set as the cash)" if result.cash_set else "; --set-cash makes it the cash at bank"))
    if result.demo_removed:
        print("the demo enterprise was removed: your own figures start clean" if not result.dry_run
              else "the demo enterprise would be removed")
    print(f"{verb} {outcome.rows_added} rows, {outcome.rows_present} already present, {outcome.rows_rejected} rejected"
          + (f" (import #{outcome.import_id})" if outcome.import_id else ""))
    if outcome.rows_added == 0 and outcome.rows_present:
        earlier = result.preview.earlier
        again = f"; this file was imported before as #{earlier[0][0]}" if earlier else ""
        print(f"nothing new: every row was already present{again}")
    if rejected_path:
        print(f"rejected rows written to {rejected_path}")
