"""The Danish banks' statement layouts (CSV exports from the netbank), as their public descriptions give them.

Sources (tests/data/banks/README.md has the details): Danske Bank's 8- and 6-column exports, Nordea's export
since 2022 (also the English interface), Jyske Bank's 13 columns (three without a name), Nykredit's 28 columns
and Arbejdernes Landsbank's (the same netbank field names), Sydbank's with the bank's main category and
category. Lunar and Spar Nord have no public description of their export: their layouts here follow the shape
of the others (date, text, amount, balance) and any such file is recognised by ``generic`` anyway.

Per bank: pending rows (Danske: Status "Venter"; Nordea: "Reserveret" in the date column) are skipped and
counted; the bank's categories are costs' categories, never income streams; an account-name column is not a
bookkeeping account. Transfers between the enterprise's own accounts are found by a bank category for them,
and for every bank by the enterprise's name, CVR or own account numbers (classify.Own).
"""

from __future__ import annotations

from seconomy.ingest.layouts import BANKS, Layout, bank

_OWN_CATEGORY = r"(?i)egne konti|egen konto|mellem egne|own accounts"

DANSKE = bank("danske", {"date": "Dato", "category": "Kategori", "subcategory": "Underkategori", "description": "Tekst",
                         "amount": "Beløb", "balance": "Saldo", "status": "Status"},
              pending=(("status", r"(?i)^\s*venter\s*$"),),
              own=(("category", _OWN_CATEGORY), ("subcategory", _OWN_CATEGORY)),
              signature=("Dato", "Kategori", "Underkategori", "Tekst", "Beløb", "Saldo", "Status", "Afstemt"))
DANSKE_SHORT = Layout(**{**DANSKE.__dict__, "columns": {"date": "Dato", "description": "Tekst", "amount": "Beløb",
                                                         "balance": "Saldo", "status": "Status"},
                         "signature": ("Dato", "Tekst", "Beløb", "Saldo", "Status", "Afstemt")})
NORDEA = bank("nordea", {"date": "Bogføringsdato", "amount": "Beløb", "sender": "Afsender", "receiver": "Modtager",
                         "counterparty": "Navn", "description": "Beskrivelse", "balance": "Saldo"},
              pending=(("date_text", r"(?i)^\s*(reserveret|reserved)\s*$"),),
              signature=("Bogføringsdato", "Beløb", "Afsender", "Modtager", "Navn", "Beskrivelse", "Saldo", "Valuta"))
NORDEA_EN = Layout(**{**NORDEA.__dict__, "columns": {"date": "Booking date", "amount": "Amount", "sender": "Sender",
                                                       "receiver": "Recipient", "counterparty": "Name",
                                                       "description": "Title", "balance": "Balance"},
                      "signature": ("Booking date", "Amount", "Sender", "Recipient", "Name", "Title", "Balance", "Currency")})
JYSKE = bank("jyske", {"date": "Dato", "description": "Tekst", "amount": "Beløb", "balance": "Saldo",
                       "category": "Kategori", "subcategory": "Underkategori"},
             own=(("category", _OWN_CATEGORY), ("subcategory", _OWN_CATEGORY)),
             signature=("Dato", "Tekst", "Beløb", "Saldo", "Kommentar", "Afstemt", "Flag", "Konto", "Kategori",
                        "Underkategori"))
# Nykredit and Arbejdernes Landsbank share the netbank's field names; the payer of an incoming payment is the first
# part of "Indbetaler" (name, address), the receiver of an outgoing one "Modtagernavn".
_NETBANK = {"date": "Dato", "description": "Tekst", "amount": "Beløb", "balance": "Saldo", "counterparty": "Indbetaler",
            "payee": "Modtagernavn"}
NYKREDIT = bank("nykredit", {**_NETBANK, "transfer_type": "Ovf.type", "sender": "Afsenderkonto", "receiver": "Modtagerkonto"},
                first_part=True,
                signature=("Exportkonto", "Afsenderkonto", "Modtagerkonto", "Dato", "Tekst", "Beløb", "Saldo", "Indbetaler",
                           "Ovf.type"))
ARBEJDERNES = bank("arbejdernes_landsbank", {**_NETBANK, "receiver": "Modtagerkonto"}, first_part=True,
                   signature=("Dato", "Valørdato", "Tekst", "Beløb", "Saldo", "Tekst til modtager", "Indbetaler"))
SYDBANK = bank("sydbank", {"date": "Dato", "description": "Tekst", "amount": "Beløb", "balance": "Saldo",
                           "category": "Hovedkategori", "subcategory": "Kategori"},
               own=(("category", _OWN_CATEGORY), ("subcategory", _OWN_CATEGORY)),
               signature=("Dato", "Tekst", "Beløb", "Hovedkategori", "Kategori"))
LUNAR = bank("lunar", {"date": "Dato", "description": "Tekst", "amount": "Beløb", "balance": "Saldo", "category": "Kategori"},
             signature=("Dato", "Tekst", "Beløb", "Valuta", "Kategori", "Saldo"))
LUNAR_EN = Layout(**{**LUNAR.__dict__, "columns": {"date": "Date", "description": "Text", "amount": "Amount",
                                                     "balance": "Balance", "category": "Category"},
                     "signature": ("Date", "Text", "Amount", "Currency", "Category", "Balance")})
SPAR_NORD = bank("spar_nord", {"date": "Dato", "description": "Tekst", "amount": "Beløb", "balance": "Saldo"},
                 signature=("Dato", "Tekst", "Beløb", "Saldo", "Valørdato", "Afstemt"))
# Any statement: a date, a text, an amount and a balance, and nobody named as customer.
GENERIC = bank("generic", {}, signature=())
HEADERLESS = bank("headerless", {}, signature=())

BANKS.extend([DANSKE, DANSKE_SHORT, NORDEA, NORDEA_EN, JYSKE, NYKREDIT, ARBEJDERNES, SYDBANK, LUNAR, LUNAR_EN, SPAR_NORD])
