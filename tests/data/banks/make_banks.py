"""Write the bank statement fixtures in tests/data/banks/ (run: python -m tests.data.banks.make_banks).

One fictional month of a fictional enterprise, "Kaffekollektivet ApS" (CVR 12345678, savings account
5678901234), written in each bank's export layout as the public descriptions give it (README.md lists them).
Every file holds the same payments; a layout without a pending marker leaves the pending one out. The expected
figures (EXPECTED) are worked out by hand below — not by running the importer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENTERPRISE, CVR, SAVINGS = "Kaffekollektivet ApS", "12345678", "5678901234"
OPENING = 2000000  # øre on the account before the first row

# day, øre, text, (bank category, subcategory), kind, payer column (Nordea "Navn", netbank "Indbetaler")
PAYMENTS = [
    (2, 1250000, "Jobcenter København Løntilskud oktober", ("Indtægter", "Anden indtægt"), "income", None),
    (3, -800000, "Husleje november", ("Bolig", "Husleje"), "cost", None),
    (5, 2436000, "Gladsaxe Kommune Forløb oktober", ("Indtægter", "Anden indtægt"), "income", None),
    (6, 345050, "MobilePay Box 12345 udbetaling", ("Indtægter", "Anden indtægt"), "income", None),
    (10, 5000000, f"Overførsel fra opsparing {SAVINGS}", ("Overførsler", "Overførsel mellem egne konti"), "own", None),
    (12, -123456, "Dankort-køb Metro Cash og Carry", ("Dagligvarer", "Supermarked"), "cost", None),
    (15, 10000000, "Bikubenfonden bevilling 1. rate", ("Indtægter", "Anden indtægt"), "income", None),
    (20, 200000, "Faktura 1042", ("Indtægter", "Anden indtægt"), "income", "Café Solsikken"),
    (25, -2500000, "Løn november", ("Løn", "Løn"), "cost", None),
]
PENDING = (28, -4500, "Netto Valby", ("Dagligvarer", "Supermarked"))

# By hand: income 12.500,00 + 24.360,00 + 3.450,50 + 100.000,00 + 2.000,00 = 142.310,50;
# costs −(8.000,00 + 1.234,56 + 25.000,00) = −34.234,56; the own transfer 50.000,00 is left out;
# balance 20.000,00 + 142.310,50 − 34.234,56 + 50.000,00 = 178.075,94 after the last booked row (25 Nov).
EXPECTED = {"income_total": 142310.50, "cost_total": -34234.56, "own_transfer": 1, "closing_balance": ("2026-11-25", 178075.94)}
PAYERS = {"København": 1250000, "Gladsaxe": 2436000, "Kortbetalinger": 345050, "Bikubenfonden bevilling 1. rate": 10000000,
          "Faktura 1042": 200000}
STREAMS = {"wage_subsidy": 1250000, "municipal_contract": 2436000, "product_sale": 545050, "foundation_grant": 10000000}


def _rows():
    """(date, øre, text, category, kind, payer, balance after the row) in date order; balance None when pending."""
    balance, out = OPENING, []
    for day, ore, text, category, kind, payer in PAYMENTS:
        balance += ore
        out.append((dt.date(2026, 11, day), ore, text, category, kind, payer, balance))
    return out


def da(ore: int, thousands: str = ".") -> str:
    sign, ore = ("-" if ore < 0 else ""), abs(ore)
    return f"{sign}{ore // 100:,}".replace(",", thousands) + f",{ore % 100:02d}"


def write(name: str, lines: list[str], encoding: str = "utf-8", bom: bool = False, newline: str = "\r\n") -> None:
    text = newline.join(lines) + newline
    (HERE / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))


def q(*cells: str) -> str:
    return ";".join(f'"{c}"' for c in cells)


def danske() -> None:
    lines = [q("Dato", "Kategori", "Underkategori", "Tekst", "Beløb", "Saldo", "Status", "Afstemt")]
    for day, ore, text, (cat, sub), _, payer, bal in _rows():
        lines.append(q(f"{day:%d.%m.%Y}", cat, sub, payer and f"{payer} {text}" or text, da(ore), da(bal), "Udført", "Nej"))
    day, ore, text, (cat, sub) = PENDING
    lines.append(q(f"{day:02d}.11.2026", cat, sub, text, da(ore), "", "Venter", "Nej"))
    write("danske_bank.csv", lines, "cp1252")


def danske_short() -> None:
    lines = [q("Dato", "Tekst", "Beløb", "Saldo", "Status", "Afstemt")]
    for day, ore, text, _, _, payer, bal in _rows():
        lines.append(q(f"{day:%d.%m.%Y}", payer and f"{payer} {text}" or text, da(ore), da(bal), "Udført", "Nej"))
    day, ore, text, _ = PENDING
    lines.append(q(f"{day:02d}.11.2026", text, da(ore), "", "Venter", "Nej"))
    write("danske_bank_6_columns.csv", lines, "cp1252")


def nordea() -> None:
    """Newest first; the pending row first with 'Reserveret' in the date column; a trailing ';' on every line."""
    lines = ["Bogføringsdato;Beløb;Afsender;Modtager;Navn;Beskrivelse;Saldo;Valuta;Afstemt;"]
    day, ore, text, _ = PENDING
    lines.append(f"Reserveret;{da(ore, '')};1234567890;;;{text};;DKK;;")
    for date, ore, text, _, _, payer, bal in reversed(_rows()):
        sender, receiver = ("1234567890", "") if ore < 0 else ("", "1234567890")
        lines.append(f"{date:%Y/%m/%d};{da(ore, '')};{sender};{receiver};{payer or ''};{text};{da(bal, '')};DKK;;")
    write("nordea.csv", lines, "utf-8", bom=True, newline="\n")


def jyske() -> None:
    lines = [q("Dato", "", "Tekst", "", "Beløb", "Saldo", "Kommentar", "Afstemt", "Flag", "Konto", "", "Kategori", "Underkategori")]
    for date, ore, text, (cat, sub), _, payer, bal in _rows():
        lines.append(q(f"{date:%d.%m.%Y}", "", payer and f"{payer} {text}" or text, "", da(ore), da(bal), "", "nej", "nej",
                       "Driftskonto", "", cat, sub))
    write("jyske_bank.csv", lines, "latin-1")


_NYKREDIT_HEADER = ("Exportkonto", "Afsenderkonto", "Modtagerkonto", "Dato", "Tekst", "Beløb", "Saldo", "Indbetaler",
                    "Supp. tekst til modtager", "Tekst til modtager", "Betalingsident", "End2end", "Gebyrer(Swift)",
                    "Gebyr valuta", "Kontohaver", "Kreditorreference", "Modtagernavn", "Modtaget beløb", "Modtaget valuta",
                    "NEMkonto ID", "Overført beløb", "Overført valuta", "Ovf.type", "Samlepost", "Swift/BIC", "Valørdato",
                    "Valuta", "Vekselkurs")


def _point(ore: int) -> str:
    """Nykredit's amounts: a decimal point, no thousands, a leading space on positive numbers."""
    sign = "-" if ore < 0 else " "
    return f"{sign}{abs(ore) // 100}.{abs(ore) % 100:02d}"


def nykredit() -> None:
    own = "99990001234567"
    lines = [";".join(f'"{h}"' for h in _NYKREDIT_HEADER) + ";"]
    for date, ore, text, _, kind, payer, bal in _rows():
        sender, receiver = (own, "") if ore < 0 else ("", own)
        if kind == "own":
            sender, receiver = f"9999{SAVINGS}", own
        payer_cell = f"{payer}, Nørrebrogade 1, 2200 København N" if payer else ""
        receiver_name = text.split(" ")[0] if ore < 0 else ""
        kind_cell = {"income": "Indsat", "cost": "Hævet", "own": "Overførsel"}[kind]
        cells = [f'"{own}"', f'"{sender}"', f'"{receiver}"', f"{date:%d-%m-%Y}", f'"{text}"', _point(ore), _point(bal),
                 f'"{payer_cell}"', '""', '""', '""', '""', "", "", f'"{ENTERPRISE}"', '""', f'"{receiver_name}"', "", '""',
                 '""', '""', _point(abs(ore)), '"DKK"', f'"{kind_cell}"', "", "", f"{date:%d-%m-%Y}", '"DKK"', ""]
        lines.append(";".join(cells) + ";")
    write("nykredit.csv", lines, "cp1252")


def sydbank() -> None:
    lines = ["Dato;Tekst;Beløb;Saldo;Afstemt;Kontonummer;Kontonavn;Hovedkategori;Kategori;Kommentar"]
    for date, ore, text, (cat, sub), _, payer, bal in _rows():
        lines.append(f"{date:%d.%m.%Y};{payer and f'{payer} {text}' or text};{da(ore)};{da(bal)};;9999 1234567;Driftskonto;{cat};{sub};")
    write("sydbank.csv", lines, "utf-8", bom=True)


def arbejdernes_landsbank() -> None:
    """No header row: date;"text";amount;balance."""
    lines = [f'{date:%d.%m.%Y};"{payer and f"{payer} {text}" or text}";{da(ore, "")};{da(bal, "")}'
             for date, ore, text, _, _, payer, bal in _rows()]
    write("arbejdernes_landsbank.csv", lines, "cp1252")


def arbejdernes_landsbank_header() -> None:
    lines = ["Dato;Valørdato;Tekst;Beløb;Saldo;Tekst til modtager;Supp. tekst til modtager;Modtagernavn;Modtagerkonto;Indbetaler"]
    for date, ore, text, _, _, payer, bal in _rows():
        payer_cell = f"{payer}, Nørrebrogade 1, 2200 København N" if payer else ""
        lines.append(f"{date:%d-%m-%Y};{date:%d-%m-%Y};{text};{da(ore, '')};{da(bal, '')};;;;;{payer_cell}")
    write("arbejdernes_landsbank_header.csv", lines, "iso-8859-15")


def lunar() -> None:
    lines = ["Dato;Tekst;Beløb;Valuta;Kategori;Saldo"]
    for date, ore, text, (cat, _), _, payer, bal in _rows():
        lines.append(f"{date:%d-%m-%Y};{payer and f'{payer} {text}' or text};{da(ore)};DKK;{cat};{da(bal)}")
    write("lunar.csv", lines, "utf-8")


def spar_nord() -> None:
    lines = ["Dato;Tekst;Beløb;Saldo;Valørdato;Afstemt"]
    for date, ore, text, _, _, payer, bal in _rows():
        lines.append(f"{date:%d.%m.%Y};{payer and f'{payer} {text}' or text};{da(ore)};{da(bal)};{date:%d.%m.%Y};")
    write("spar_nord.csv", lines, "cp1252")


def generic() -> None:
    """An unknown bank: only a date, a text, an amount and a balance (English headers)."""
    lines = ["Date,Text,Amount,Balance"]
    for date, ore, text, _, _, payer, bal in _rows():
        lines.append(f"{date:%Y-%m-%d},{payer and f'{payer} {text}' or text},{ore / 100:.2f},{bal / 100:.2f}")
    write("unknown_bank.csv", lines, "utf-8", newline="\n")


if __name__ == "__main__":
    for make in (danske, danske_short, nordea, jyske, nykredit, sydbank, arbejdernes_landsbank, arbejdernes_landsbank_header,
                 lunar, spar_nord, generic):
        make()
