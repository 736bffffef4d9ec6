"""Synthetic import files for the benchmarks, written fast and deterministically (no one's real data).

- ``write_ledger``: a Danish ledger export (``;``, decimal comma, dd-mm-yyyy, Danish headers), written by DuckDB;
- ``write_bank``: a Danske Bank statement (its header, quoted fields, dd.mm.yyyy, thousands dots, Windows-1252,
  income and costs, a few pending rows), written by DuckDB;
- ``write_saft``: a SAF-T Financial DK file with ``lines`` ledger lines (a sale and its receivable per invoice, VAT on
  every fourth), and ``write_saft_lines_csv``: the same lines as a CSV, for DuckDB's own reading of the same data.

Amounts in the ledger carry no thousands separator: DuckDB's read_csv reads ``38808,80`` with
``decimal_separator=','`` but not ``38.808,80``, and the reference must read the very file the import reads.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from seconomy.paths import KOMMUNER_CSV

LEDGER_HEADER = ("Dato", "Bilag", "Tekst", "Kunde", "Kommune", "Kategori", "Beløb")
BANK_HEADER = ("Dato", "Kategori", "Underkategori", "Tekst", "Beløb", "Saldo", "Status", "Afstemt")


def _duck() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"threads": 2})
    con.execute("SET enable_progress_bar = false")
    con.execute("CREATE TABLE m AS SELECT row_number() OVER () AS k, name FROM read_csv(?) LIMIT 40", [str(KOMMUNER_CSV)])
    return con


def write_ledger(path: Path, rows: int) -> None:
    """``rows`` lines over three years: 45 % municipal (40 municipalities by name), jobcentres, 400 customers."""
    con = _duck()
    con.execute(
        """COPY (
        WITH n AS (SELECT i, CAST(hash(i) % 1000000007 AS BIGINT) AS h FROM range(?) t(i)),
        l AS (SELECT i, h, (h % 100) < 45 AS municipal, (h // 7) % 40 + 1 AS k, (h // 11) % 400 AS c,
                     ((h // 13) % 4000000 + 5000) * CASE WHEN (h % 97) < 3 THEN -1 ELSE 1 END AS ore FROM n)
        SELECT strftime(DATE '2023-11-01' + CAST((h // 17) % 1095 AS INTEGER), '%d-%m-%Y') AS "Dato",
               'F' || (100000 + i) AS "Bilag",
               (['Faktura forløb uge ', 'Salg af kager og saft nr. ', 'Løntilskud for medarbejder ', 'Bevilling rate '])[1 + i % 4]
                   || (i % 52) AS "Tekst",
               CASE WHEN municipal THEN m.name || ' Kommune, Socialforvaltningen'
                    WHEN c < 8 THEN 'Jobcenter ' || (['Odense', 'Aarhus', 'Aalborg', 'Vejle'])[1 + c % 4]
                    ELSE 'Kunde ' || c || ' ApS' END AS "Kunde",
               CASE WHEN municipal THEN m.name ELSE '' END AS "Kommune",
               CASE WHEN municipal THEN (['Forløb', 'Løntilskud', 'Salg'])[1 + i % 3] WHEN c < 8 THEN 'Løntilskud'
                    ELSE (['Salg', 'Salg', 'Salg', 'Fond', 'Pulje', 'Andet'])[1 + i % 6] END AS "Kategori",
               replace(format('{:.2f}', ore / 100), '.', ',') AS "Beløb"
        FROM l JOIN m USING (k) ORDER BY i)
        TO ? (DELIMITER ';', HEADER true)""",
        [rows, str(path)],
    )
    con.close()


def write_bank(path: Path, rows: int) -> None:
    """A Danske Bank export of ``rows`` rows, oldest first: payments in from municipalities, jobcentres, foundations,
    card settlements; rent, wages and suppliers out; the running balance; 1 in 1000 rows still pending."""
    con = _duck()
    utf8 = path.with_suffix(".utf8.csv")
    con.execute(
        """COPY (
        WITH n AS (SELECT i, CAST(hash(i + 7) % 1000000007 AS BIGINT) AS h FROM range(?) t(i)),
        l AS (SELECT i, h, (h % 100) < 60 AS incoming, (h // 7) % 40 + 1 AS k, (h // 11) % 5 AS kind,
                     ((h // 13) % 3000000 + 5000) AS ore FROM n),
        s AS (SELECT l.*, m.name, CASE WHEN incoming THEN ore ELSE -ore END AS signed,
                     sum(CASE WHEN incoming THEN ore ELSE -ore END) OVER (ORDER BY i) + 5000000 AS balance
              FROM l JOIN m USING (k))
        SELECT strftime(DATE '2023-11-01' + CAST(i * 1095 // ? AS INTEGER), '%d.%m.%Y') AS "Dato",
               CASE WHEN incoming THEN 'Indtægter' ELSE (['Bolig', 'Løn', 'Varer', 'Andet', 'Bolig'])[1 + kind] END AS "Kategori",
               CASE WHEN incoming THEN 'Anden indtægt' ELSE 'Diverse' END AS "Underkategori",
               CASE WHEN incoming THEN (['Jobcenter ' || name || ' Løntilskud', name || ' Kommune Forløb',
                                         'MobilePay Box 12345 udbetaling', 'Egebjerg Fonden bevilling', 'Faktura ' || i])[1 + kind]
                    ELSE (['Husleje', 'Løn', 'Grossist Eksempel ApS', 'Nets gebyr', 'Forsikring'])[1 + kind] END AS "Tekst",
               translate(format('{:,.2f}', signed / 100), ',.', '.,') AS "Beløb",
               translate(format('{:,.2f}', balance / 100), ',.', '.,') AS "Saldo",
               CASE WHEN h % 1000 = 0 THEN 'Venter' ELSE 'Udført' END AS "Status",
               'Nej' AS "Afstemt"
        FROM s ORDER BY i)
        TO ? (DELIMITER ';', HEADER true, QUOTE '"', FORCE_QUOTE *)""",
        [rows, rows, str(utf8)],
    )
    con.close()
    with utf8.open(encoding="utf-8") as source, path.open("w", encoding="cp1252", newline="") as target:
        for block in iter(lambda: source.read(1 << 20), ""):  # the bank's own encoding
            target.write(block)
    utf8.unlink()


_ACCOUNTS = (("1000", "Salg af varer", "Sale"), ("1010", "Salg af forløb til kommuner", "Sale"),
             ("1020", "Løntilskud og refusioner", "Sale"), ("1030", "Tilskud fra fonde", "Sale"),
             ("2000", "Varekøb", "Expense"), ("5600", "Debitorer", "Asset"), ("5800", "Bankkonto", "Asset"),
             ("6900", "Salgsmoms", "Liability"))
_SALES = ("1000", "1010", "1020", "1030")


def _saft_lines(lines: int):
    """(transaction, date, customer, [(record, account, debit, credit)]) for ``lines`` ledger lines in all."""
    record, number = 0, 0
    while record < lines:
        number += 1
        day = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
        customer = f"K{number % 400}"
        net = 1000 + (number * 7919) % 90000
        account = _SALES[number % 4]
        vat = net // 4 if account == "1000" and record + 3 <= lines else 0
        body = [(record + 1, "5600", net + vat, 0), (record + 2, account, 0, net)]
        if vat:
            body.append((record + 3, "6900", 0, vat))
        body = body[: lines - record]
        record += len(body)
        yield number, day, customer, body


def write_saft(path: Path, lines: int) -> None:
    """A SAF-T Financial DK file with ``lines`` <Line> elements (about 330 bytes each)."""
    ns = "urn:StandardAuditFile-Taxation-Financial:DK"
    accounts = "".join(f"<Account><AccountID>{a}</AccountID><AccountDescription>{d}</AccountDescription>"
                       f"<AccountType>{t}</AccountType><ClosingDebitBalance>0.00</ClosingDebitBalance></Account>"
                       for a, d, t in _ACCOUNTS)
    customers = "".join(f"<Customer><Name>{'Gladsaxe Kommune' if i % 10 == 0 else f'Kunde {i} ApS'}</Name>"
                        f"<CustomerID>K{i}</CustomerID></Customer>" for i in range(400))
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<AuditFile xmlns="{ns}"><Header><AuditFileCountry>DK'
                 "</AuditFileCountry><Company><RegistrationNumber>99887766</RegistrationNumber><Name>Bench ApS</Name>"
                 "</Company><SelectionCriteria><SelectionEndDate>2026-12-31</SelectionEndDate></SelectionCriteria>"
                 f"</Header><MasterFiles><GeneralLedgerAccounts>{accounts}</GeneralLedgerAccounts><Customers>{customers}"
                 "</Customers></MasterFiles><GeneralLedgerEntries><Journal><JournalID>FIN</JournalID>\n")
        chunk = []
        for number, day, customer, body in _saft_lines(lines):
            parts = [f"<Transaction><TransactionID>T{number}</TransactionID><TransactionDate>{day}</TransactionDate>"
                     f"<Description>Faktura {number}</Description><CustomerID>{customer}</CustomerID>"]
            for record, account, debit, credit in body:
                amount = f"<DebitAmount><Amount>{debit / 100:.2f}</Amount></DebitAmount>" if debit else \
                    f"<CreditAmount><Amount>{credit / 100:.2f}</Amount></CreditAmount>"
                parts.append(f"\n<Line><RecordID>{record}</RecordID><AccountID>{account}</AccountID><ValueDate>{day}"
                             f"</ValueDate><SourceDocumentID>F{number}</SourceDocumentID><Description>Faktura {number}"
                             f"</Description>{amount}</Line>")
            chunk.append("".join(parts) + "</Transaction>\n")
            if len(chunk) >= 10_000:
                fh.write("".join(chunk))
                chunk = []
        fh.write("".join(chunk) + "</Journal></GeneralLedgerEntries></AuditFile>\n")


def write_saft_lines_csv(path: Path, lines: int) -> None:
    """The same ledger lines as ``write_saft`` writes, one CSV row each (date, amount, account, its name and type,
    customer, text, document) — what a bookkeeping system's CSV export of the journal would hold."""
    names = {a: (d, t) for a, d, t in _ACCOUNTS}
    with path.open("w", encoding="utf-8") as fh:
        fh.write("line;date;amount;account;account_name;account_type;counterparty;description;reference\n")
        for number, day, customer, body in _saft_lines(lines):
            for record, account, debit, credit in body:
                name, kind = names[account]
                fh.write(f"{record};{day};{(credit - debit) / 100:.2f};{account};{name};{kind};{customer};"
                         f"Faktura {number};F{number}\n")
