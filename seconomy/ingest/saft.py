"""SAF-T Financial DK (the Danish standard audit file, XML): read as a stream into the import's ``_raw`` table.

Why SAF-T: the Bookkeeping Act (lov 700 af 24/05/2022) makes every digital bookkeeping system (e-conomic, Dinero,
Billy, Uniconta …) able to export it, phased in 2024–2026. It holds everything the dashboard needs: the chart of
accounts with their type (Sale, Expense, Asset, Liability, Other), the customers and suppliers, every ledger
line, and the accounts' closing balances.

Streaming and safe: files can be hundreds of MB, so ``lxml.etree.iterparse`` reads one transaction at a time and
frees it, and lines go to DuckDB in batches. Entities are never resolved, no DTD is loaded and nothing is
fetched from the network (``resolve_entities=False, no_network=True, load_dtd=False``): a billion-laughs or an
external entity in a hostile file stays text.

What becomes what: a line on a Sale account is income (credit − debit; VAT sits on its own lines, so the amount
is net of VAT), a line on an Expense account a cost (debit − credit, by account), every other line is left out.
The payer is the line's customer, else the transaction's; a supplier names who was paid. The cash is the sum of
the closing balances of the bank accounts (an Asset account in the standard chart's cash group 64xx, or one whose
description says bank, kasse or likvid), dated the end of the file's period.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb
import pyarrow as pa

from seconomy.errors import InputError
from seconomy.ingest.reader import Detected, Source
from seconomy.store.sql import ident
from seconomy.text import fold
from seconomy.window import month_end

NAMESPACE = "urn:StandardAuditFile-Taxation-Financial:DK"
_ANY_SAFT = re.compile(rb"urn:StandardAuditFile-Taxation-Financial:([A-Z]{2})")
HEADER = ["line", "date", "amount", "account", "account_name", "account_type", "counterparty", "description", "reference"]
BATCH = 100_000
_CASH = re.compile(r"bank|kasse|likvid|giro")
# Suggested streams for a Sale account, from words in its description (confirmed on the Data page, remembered).
SUGGESTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("forloeb", "kommun"), "municipal_contract"),
    (("loentilskud", "refusion", "flexjob", "fleksjob"), "wage_subsidy"),
    (("pulje",), "public_grant"),
    (("fond",), "foundation_grant"),
    (("salg", "varer"), "product_sale"),
)


def suggest_stream(description: str | None) -> str | None:
    """The stream a Sale account's description suggests ("Salg af forløb" → municipal_contract), or None."""
    folded = fold(description or "")
    return next((stream for words, stream in SUGGESTIONS if any(w in folded for w in words)), None)


def country(data: bytes) -> str | None:
    """'DK' (or another country code) when the file is a SAF-T Financial file, else None (reads the first 4 KB)."""
    found = _ANY_SAFT.search(data[:4096])
    return found.group(1).decode() if found else None


@dataclass
class Account:
    account_id: str
    description: str
    type: str
    standard_id: str | None
    closing: Decimal  # debit − credit


@dataclass
class SaftFile:
    """What the file says beyond its lines: the company, the period, the accounts and the cash."""

    company: str | None = None
    cvr: str | None = None
    period_end: dt.date | None = None
    accounts: dict[str, Account] = field(default_factory=dict)
    customers: dict[str, str] = field(default_factory=dict)
    suppliers: dict[str, str] = field(default_factory=dict)
    lines: int = 0

    @property
    def cash(self) -> Decimal | None:
        """The closing balance of the bank accounts (None when the file has none)."""
        banks = [a for a in self.accounts.values() if a.type == "Asset" and _is_cash(a)]
        return sum((a.closing for a in banks), Decimal(0)) if banks else None

    @property
    def sale_accounts(self) -> list[Account]:
        return [a for a in self.accounts.values() if a.type == "Sale"]


def _is_cash(account: Account) -> bool:
    return bool((account.standard_id or "").startswith("64") or _CASH.search(fold(account.description)))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _child(element, name: str):
    return next((c for c in element if _local(c.tag) == name), None)


def _money(text: str | None) -> Decimal:
    try:
        return Decimal(text) if text else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _period_end(criteria) -> dt.date | None:
    if criteria is None:
        return None
    end = _text(criteria, "SelectionEndDate")
    if end:
        try:
            return dt.date.fromisoformat(end)
        except ValueError:
            return None
    month, year = _text(criteria, "PeriodEnd"), _text(criteria, "PeriodEndYear")
    if month and year and month.isdigit() and year.isdigit() and 1 <= int(month) <= 12:
        return month_end(dt.date(int(year), int(month), 1))
    return None


def _header(element, saft: SaftFile) -> None:
    company = _child(element, "Company")
    if company is not None:
        saft.company = _text(company, "Name")
        saft.cvr = _text(company, "RegistrationNumber")
    saft.period_end = _period_end(_child(element, "SelectionCriteria"))


def _account(element, saft: SaftFile) -> None:
    account_id = _text(element, "AccountID")
    if not account_id:
        return
    closing = _money(_text(element, "ClosingDebitBalance")) - _money(_text(element, "ClosingCreditBalance"))
    saft.accounts[account_id] = Account(account_id, _text(element, "AccountDescription") or account_id,
                                        _text(element, "AccountType") or "Other", _text(element, "StandardAccountID"), closing)


def _party(element, saft: SaftFile, kind: str) -> None:
    key = _text(element, "CustomerID" if kind == "customer" else "SupplierID")
    if key:
        (saft.customers if kind == "customer" else saft.suppliers)[key] = _text(element, "Name") or key


_LOCAL: dict[str, str] = {}  # qualified tag -> local name (a file has a few dozen distinct tags)


def _fields(element) -> dict[str, object]:
    """The element's direct children by local name (the first of each name), in one pass: a SAF-T line is read
    field by field, and scanning the children again for each field was most of the reading time."""
    found: dict[str, object] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = _LOCAL.get(tag)
        if name is None:
            name = _LOCAL.setdefault(tag, _local(tag))
        found.setdefault(name, child)
    return found


def _value(fields: dict[str, object], name: str) -> str | None:
    child = fields.get(name)
    if child is None:
        return None
    text = (child.text or "").strip()
    return text or None


def _side(fields: dict[str, object], name: str) -> Decimal:
    side = fields.get(name)
    return _money(_text(side, "Amount")) if side is not None else Decimal(0)


def _transaction_rows(element, saft: SaftFile) -> Iterator[list[object]]:
    """One row per line of a transaction: (line, date, amount, account, name, type, counterparty, text, reference)."""
    head = _fields(element)
    date = _value(head, "TransactionDate") or _value(head, "GLPostingDate")
    customer, supplier = _value(head, "CustomerID"), _value(head, "SupplierID")
    text, reference = _value(head, "Description"), _value(head, "TransactionID")
    for line in element:
        if not isinstance(line.tag, str) or (_LOCAL.get(line.tag) or _local(line.tag)) != "Line":
            continue
        fields = _fields(line)
        account_id = _value(fields, "AccountID")
        account = saft.accounts.get(account_id or "")
        party_customer = _value(fields, "CustomerID") or customer
        party_supplier = _value(fields, "SupplierID") or supplier
        counterparty = (saft.customers.get(party_customer or "") or party_customer) if party_customer else \
            (saft.suppliers.get(party_supplier or "") or party_supplier)
        amount = _side(fields, "CreditAmount") - _side(fields, "DebitAmount")  # in the default currency, DKK
        yield [line.sourceline, _value(fields, "ValueDate") or date, str(amount), account_id,
               account.description if account else None, account.type if account else None, counterparty,
               _value(fields, "Description") or text, _value(fields, "SourceDocumentID") or reference]


def _head(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source[:4096]
    with Path(source).open("rb") as fh:
        return fh.read(4096)


_TAGS = ("Header", "Account", "Customer", "Supplier", "Transaction")


def read_saft(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, table: str) -> SaftFile:
    """Stream the file's ledger lines into the temp table ``table`` (columns ``HEADER``); return the rest."""
    from lxml import etree

    found = country(_head(source))
    if found != "DK":
        raise InputError(f"{file_name} is a SAF-T file of another country ({found}); export the Danish SAF-T Financial file",
                         code="saft.country", file=file_name, country=found)
    saft = SaftFile()
    stream = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    parser = etree.iterparse(stream, events=("end",), tag=[f"{{{NAMESPACE}}}{t}" for t in _TAGS], resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    batch: list[list[object]] = []
    con.execute(f"CREATE OR REPLACE TEMP TABLE {ident(table)} ("
                + ", ".join(f"{ident(c)} {'BIGINT' if c == 'line' else 'VARCHAR'}" for c in HEADER) + ")")
    try:
        for _, element in parser:
            name = _local(element.tag)
            if name == "Header":
                _header(element, saft)
            elif name == "Account":
                _account(element, saft)
            elif name in ("Customer", "Supplier"):
                _party(element, saft, name.lower())
            else:
                batch.extend(_transaction_rows(element, saft))
                if len(batch) >= BATCH:
                    _flush(con, table, batch)
                    saft.lines += len(batch)
                    batch = []
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"line {exc.lineno}: {file_name} is not well-formed XML: {exc.msg}", code="saft.xml", line=exc.lineno,
                         file=file_name, detail=exc.msg) from None
    if batch:
        _flush(con, table, batch)
        saft.lines += len(batch)
    return saft


def _flush(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[object]]) -> None:
    columns = list(zip(*rows, strict=True))
    arrays = {name: pa.array(values, pa.int64() if name == "line" else pa.string()) for name, values in zip(HEADER, columns, strict=True)}
    con.register("_saft_batch", pa.table(arrays))
    try:
        con.execute(f"INSERT INTO {ident(table)} SELECT * FROM _saft_batch")
    finally:
        con.unregister("_saft_batch")


DETECTED = Detected("saft", "utf-8")
