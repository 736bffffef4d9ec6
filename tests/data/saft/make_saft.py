"""Write the SAF-T Financial DK fixture (run: python -m tests.data.saft.make_saft).

A fictional social-economy enterprise's first two months of 2026 as a bookkeeping system exports them: the element
order and the Danish variant (namespace, AccountType, EntityType, VAT) follow the public descriptions listed in
tests/data/banks/README.md (Skatteetaten/saf-t for the structure, Business Central's SAFTModificationDK and odoo's
l10n_dk_reports for the Danish changes). Expected figures are worked out by hand in EXPECTED.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
NS = "urn:StandardAuditFile-Taxation-Financial:DK"

# id, description, standard account, type, closing (debit − credit, kroner)
ACCOUNTS = [
    ("1000", "Salg af varer", "1010", "Sale", -9000), ("1010", "Salg af forløb til kommuner", "1010", "Sale", -24000),
    ("1020", "Løntilskud og refusioner", "1010", "Sale", -8000), ("1030", "Tilskud fra fonde", "1010", "Sale", -100000),
    ("1040", "Omsætning diverse", "1010", "Sale", -1000), ("2000", "Varekøb", "1610", "Expense", 4000),
    ("2200", "Husleje", "2030", "Expense", 8000), ("5600", "Debitorer", "6190", "Asset", 34000),
    ("5800", "Bankkonto", "6480", "Asset", 86500), ("5810", "Kasse", "6470", "Asset", 1500),
    ("6800", "Kreditorer", "7440", "Liability", -5000), ("6900", "Salgsmoms", "7680", "Liability", -2250),
    ("6910", "Købsmoms", "7740", "Liability", 1000),
]
CUSTOMERS = [("K1", "Kantine Eksempel A/S", "Company"), ("K2", "Gladsaxe Kommune", "Government"),
             ("K3", "Jobcenter København", "Government"), ("K4", "Egebjerg Fonden", "Other"), ("K5", "Café Solsikken", "Company")]
SUPPLIERS = [("L1", "Grossist Eksempel ApS"), ("L2", "Ejendomsselskabet Eksempel A/S")]
# id, date, text, transaction customer/supplier, lines (account, debit, credit, line customer)
TRANSACTIONS = [
    ("2026-0001", "2026-01-06", "Faktura 1001", ("K1", None),
     [("5600", 12500, 0, "K1"), ("1000", 0, 10000, None), ("6900", 0, 2500, None)]),
    ("2026-0002", "2026-01-31", "Faktura 1002 forløb januar", ("K2", None), [("5600", 24000, 0, "K2"), ("1010", 0, 24000, None)]),
    ("2026-0003", "2026-02-10", "Refusion januar", (None, None), [("5800", 8000, 0, None), ("1020", 0, 8000, "K3")]),
    ("2026-0004", "2026-02-15", "Bevilling 1. rate", ("K4", None), [("5800", 100000, 0, None), ("1030", 0, 100000, None)]),
    ("2026-0005", "2026-02-20", "Kreditnota 1003", ("K1", None),
     [("1000", 2000, 0, None), ("6900", 500, 0, None), ("5600", 0, 2500, "K1")]),
    ("2026-0006", "2026-02-25", "Kaffe til møde", ("K5", None),
     [("5800", 1250, 0, None), ("1040", 0, 1000, None), ("6900", 0, 250, None)]),
    ("2026-0007", "2026-01-15", "Købsfaktura 88-17", (None, "L1"),
     [("2000", 4000, 0, None), ("6910", 1000, 0, None), ("6800", 0, 5000, None)]),
    ("2026-0008", "2026-02-01", "Husleje februar", (None, "L2"), [("2200", 8000, 0, None), ("5800", 0, 8000, None)]),
]
# By hand: income 10.000 + 24.000 + 8.000 + 100.000 − 2.000 (credit note) + 1.000 = 141.000,00 (net of VAT: the VAT
# lines are on 6900); costs −(4.000 + 8.000) = −12.000,00; cash = bank 86.500 + kasse 1.500 = 88.000,00 on 28 Feb.
EXPECTED = {"income_total": 141000.00, "cost_total": -12000.00, "closing_balance": ("2026-02-28", 88000.00),
            "company": "Grøn Gryde Socialøkonomisk Virksomhed ApS", "cvr": "99887766"}
EXPECTED_STREAMS = {"product_sale": 900000, "municipal_contract": 2400000, "wage_subsidy": 800000, "foundation_grant": 10000000}
EXPECTED_PAYERS = {"Kantine Eksempel A/S": 800000, "Gladsaxe": 2400000, "København": 800000, "Egebjerg Fonden": 10000000,
                   "Café Solsikken": 100000}


def _money(value: float) -> str:
    return f"{value:.2f}"


def _balance(kind: str, value: float) -> str:
    side = "Debit" if value >= 0 else "Credit"
    return f"<{kind}{side}Balance>{_money(abs(value))}</{kind}{side}Balance>"


def _address() -> str:
    return "<Address><StreetName>Eksempelvej</StreetName><Number>12</Number><City>Aarhus C</City><PostalCode>8000</PostalCode>" \
           "<Country>DK</Country></Address>"


def document() -> str:
    accounts = "".join(
        f"<Account><AccountID>{a}</AccountID><AccountDescription>{escape(d)}</AccountDescription><StandardAccountID>{s}"
        f"</StandardAccountID><AccountType>{t}</AccountType>{_balance('Opening', 0)}{_balance('Closing', c)}</Account>"
        for a, d, s, t, c in ACCOUNTS)
    customers = "".join(
        f"<Customer><RegistrationNumber>1000000{i}</RegistrationNumber><EntityType>{e}</EntityType><Name>{escape(n)}</Name>"
        f"{_address()}<CustomerID>{c}</CustomerID><OpeningDebitBalance>0.00</OpeningDebitBalance>"
        f"<ClosingDebitBalance>0.00</ClosingDebitBalance></Customer>" for i, (c, n, e) in enumerate(CUSTOMERS, 1))
    suppliers = "".join(
        f"<Supplier><Name>{escape(n)}</Name>{_address()}<SupplierID>{s}</SupplierID><OpeningCreditBalance>0.00"
        f"</OpeningCreditBalance><ClosingCreditBalance>0.00</ClosingCreditBalance></Supplier>" for s, n in SUPPLIERS)
    transactions, record, debit_total = [], 0, 0
    for tid, date, text, (customer, supplier), lines in TRANSACTIONS:
        body = []
        for account, debit, credit, line_customer in lines:
            record += 1
            debit_total += debit
            amount = f"<DebitAmount><Amount>{_money(debit)}</Amount></DebitAmount>" if debit else \
                f"<CreditAmount><Amount>{_money(credit)}</Amount></CreditAmount>"
            party = f"<CustomerID>{line_customer}</CustomerID>" if line_customer else ""
            body.append(f"<Line><RecordID>{record}</RecordID><AccountID>{account}</AccountID><ValueDate>{date}</ValueDate>"
                        f"<SourceDocumentID>{tid}</SourceDocumentID>{party}<Description>{escape(text)}</Description>{amount}</Line>")
        party = f"<CustomerID>{customer}</CustomerID>" if customer else f"<SupplierID>{supplier}</SupplierID>" if supplier else ""
        transactions.append(
            f"<Transaction><TransactionID>{tid}</TransactionID><Period>{int(date[5:7])}</Period><PeriodYear>2026</PeriodYear>"
            f"<TransactionDate>{date}</TransactionDate><TransactionType>Faktura</TransactionType><Description>{escape(text)}"
            f"</Description><SystemEntryDate>{date}</SystemEntryDate><GLPostingDate>{date}</GLPostingDate>{party}"
            + "".join(body) + "</Transaction>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="{NS}">
  <Header>
    <AuditFileVersion>1.0</AuditFileVersion><AuditFileCountry>DK</AuditFileCountry><AuditFileDateCreated>2026-03-05</AuditFileDateCreated>
    <SoftwareCompanyName>Eksempel Software ApS</SoftwareCompanyName><SoftwareID>fixture</SoftwareID><SoftwareVersion>1</SoftwareVersion>
    <Company><RegistrationNumber>{EXPECTED['cvr']}</RegistrationNumber><Name>{escape(EXPECTED['company'])}</Name>{_address()}
      <Contact><ContactPerson><FirstName>Karen</FirstName><LastName>Eksempelsen</LastName></ContactPerson></Contact>
      <TaxRegistration><TaxRegistrationNumber>DK{EXPECTED['cvr']}</TaxRegistrationNumber><TaxAuthority>Skattestyrelsen</TaxAuthority></TaxRegistration>
      <BankAccount><IBANNumber>DK5000400440116243</IBANNumber></BankAccount></Company>
    <DefaultCurrencyCode>DKK</DefaultCurrencyCode>
    <SelectionCriteria><SelectionStartDate>2026-01-01</SelectionStartDate><SelectionEndDate>2026-02-28</SelectionEndDate></SelectionCriteria>
    <TaxAccountingBasis>Regnskab</TaxAccountingBasis>
  </Header>
  <MasterFiles>
    <GeneralLedgerAccounts>{accounts}</GeneralLedgerAccounts>
    <Customers>{customers}</Customers>
    <Suppliers>{suppliers}</Suppliers>
  </MasterFiles>
  <GeneralLedgerEntries>
    <NumberOfEntries>{len(TRANSACTIONS)}</NumberOfEntries><TotalDebit>{_money(debit_total)}</TotalDebit><TotalCredit>{_money(debit_total)}</TotalCredit>
    <Journal><JournalID>FIN</JournalID><Description>Finansjournal</Description><Type>FIN</Type>
{chr(10).join(transactions)}
    </Journal>
  </GeneralLedgerEntries>
</AuditFile>
"""


if __name__ == "__main__":
    (HERE / "saft_dk.xml").write_text(document(), encoding="utf-8")
