"""Write the sample ledger files in tests/data/ (run: python -m tests.data.make_samples).

Every "ok" file holds the same small ledger (LEDGER) in another layout, so each must import to the
same totals per payer (EXPECTED_TOTALS); the error files hold one kind of bad row each, and their
``.expected`` sidecar lists the exact stderr lines the CLI must print. The files are committed; this
script documents (and can regenerate) how they were made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
OK, ERRORS = HERE / "ok", HERE / "errors"

# date, amount in øre, stream word (Danish), counterparty, municipality column, description, reference, account
LEDGER = [
    (dt.date(2026, 1, 5), 1250000, "Forløb", "Københavns Kommune, Socialforvaltningen", "København", "Forløb januar", "F1001", "1010"),
    (dt.date(2026, 1, 9), 123450, "Salg", "Café Solsikke", "", "Kager til møde", "F1002", "1000"),
    (dt.date(2026, 1, 9), 123450, "Salg", "Café Solsikke", "", "Kager til møde", "F1002", "1000"),
    (dt.date(2026, 1, 15), 800000, "Løntilskud", "Jobcenter Århus", "", "Løntilskud januar", "F1003", "1020"),
    (dt.date(2026, 1, 20), 1234567, "Salg", "Odense Saftværk ApS", "", "Hyldeblomstsaft", "F1004", "1000"),
    (dt.date(2026, 1, 31), -50000, "Salg", "Café Solsikke", "", "Kreditnota", "K1005", "1000"),
    (dt.date(2026, 2, 2), 46000, "Salg", "Frederiksberg Kommune, Rådhuskantinen", "", "Frokost", "F1006", "1000"),
    (dt.date(2026, 2, 14), 15000000, "Fond", "Lindegaard Fonden", "", "Bevilling 1. rate", "F1007", "1030"),
    (dt.date(2026, 3, 1), 4500000, "Pulje", "Puljen for Inkluderende Virksomheder", "", "Pulje Q1", "F1008", "1040"),
    (dt.date(2026, 3, 10), 250000, "Forløb", "Gladsaxe Kommune", "Gladsaxe", "Forløb marts", "F1009", "1010"),
    (dt.date(2026, 3, 12), 10000, "Andet", "Anonym giver", "", "Donation", "F1010", "1050"),
    (dt.date(2026, 3, 31), 980000, "Forløb", "Kbh. Beskæftigelsesforvaltning", "Kbh", "Forløb Q1", "F1011", "1010"),
]
ACCOUNT_STREAMS = {"1000": "salg", "1010": "forløb", "1020": "løntilskud", "1030": "fond", "1040": "pulje", "1050": "andet"}
ACCOUNT_NAMES = {"1000": "Salg af varer", "1010": "Kommunale forløb", "1020": "Refusioner", "1030": "Fondsmidler",
                 "1040": "Puljemidler", "1050": "Gaver"}
EXPECTED_TOTALS = {  # payer -> øre
    "København": 1250000 + 980000,
    "Café Solsikke": 123450 * 2 - 50000,
    "Aarhus": 800000,
    "Odense Saftværk ApS": 1234567,
    "Frederiksberg": 46000,
    "Lindegaard Fonden": 15000000,
    "Puljen for Inkluderende Virksomheder": 4500000,
    "Gladsaxe": 250000,
    "Anonym giver": 10000,
}
ENGLISH_STREAMS = {"Forløb": "municipal contract", "Salg": "product sale", "Løntilskud": "wage subsidy", "Fond": "grant",
                   "Pulje": "public grant", "Andet": "donation"}


def da_amount(ore: int, thousands: str = ".") -> str:
    """1234567 øre -> '12.345,67' (Danish), with the given thousands separator."""
    sign, ore = ("-" if ore < 0 else ""), abs(ore)
    whole = f"{ore // 100:,}".replace(",", thousands)
    return f"{sign}{whole},{ore % 100:02d}"


def en_amount(ore: int) -> str:
    sign, ore = ("-" if ore < 0 else ""), abs(ore)
    return f"{sign}{ore // 100:,}.{ore % 100:02d}"


def write_csv(path: Path, header: list[str], rows: list[list], delimiter: str = ";", encoding: str = "utf-8") -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if encoding == "cp1252" else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell in sheet["A"][1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd-mm-yyyy"
    book.properties.created = dt.datetime(2026, 1, 1)  # stable bytes
    book.save(path)


def ok_files() -> None:
    OK.mkdir(exist_ok=True)
    da = [[d.strftime("%d-%m-%Y"), ref, text, cp, muni, stream, da_amount(ore)] for d, ore, stream, cp, muni, text, ref, _ in LEDGER]
    write_csv(OK / "da_semicolon_cp1252.csv", ["Dato", "Bilag", "Tekst", "Kunde", "Kommune", "Kategori", "Beløb"], da,
              encoding="cp1252")
    en = [[d, ref, text, cp, muni, ENGLISH_STREAMS[stream], ore / 100] for d, ore, stream, cp, muni, text, ref, _ in LEDGER]
    write_xlsx(OK / "en_ledger.xlsx", {"Income": [["Date", "Invoice", "Description", "Customer", "Municipality", "Stream",
                                                   "Amount (DKK)"], *en]})
    comma = [[d.isoformat(), ref, text, cp, muni, ENGLISH_STREAMS[stream], en_amount(ore)]
             for d, ore, stream, cp, muni, text, ref, _ in LEDGER]
    write_csv(OK / "en_comma_bom.csv", ["Date", "Reference", "Description", "Counterparty", "Municipality", "Stream", "Amount"],
              comma, delimiter=",", encoding="utf-8-sig")
    tab = [[d.strftime("%d.%m.%Y"), ref, cp, muni, stream, text, da_amount(ore, " ")] for d, ore, stream, cp, muni, text, ref, _ in LEDGER]
    write_csv(OK / "tab_dotted_dates.tsv", ["Dato", "Bilagsnr", "Modpart", "Kommune", "Indtægtstype", "Beskrivelse", "Beløb (DKK)"],
              tab, delimiter="\t")
    slash = [[d.strftime("%d/%m/%Y"), ref, cp, muni, stream, f"{ore / 100:.2f}".replace(".", ",")]
             for d, ore, stream, cp, muni, _, ref, _ in LEDGER]
    write_csv(OK / "slash_dates_plain_amounts.csv", ["Bogføringsdato", "Fakturanr", "Betaler", "Kommune", "Type", "Beløb"], slash)
    dk = [[d.strftime("%d-%m-%Y"), ref, acc, ACCOUNT_NAMES[acc], text, cp, muni, da_amount(-ore) if ore < 0 else "",
           da_amount(ore) if ore > 0 else ""] for d, ore, _, cp, muni, text, ref, acc in LEDGER]
    write_csv(OK / "account_debet_kredit.csv", ["Dato", "Bilag", "Konto", "Kontonavn", "Tekst", "Kunde", "Kommune", "Debet", "Kredit"], dk)
    neg = [[d.strftime("%d-%m-%Y"), ref, acc, text, cp, muni, da_amount(-ore)] for d, ore, _, cp, muni, text, ref, acc in LEDGER]
    write_csv(OK / "account_income_negative.csv", ["Dato", "Bilag", "Konto", "Tekst", "Kunde", "Kommune", "Beløb"], neg)
    vat = [[d.strftime("%d-%m-%Y"), ref, cp, muni, stream, da_amount(ore), da_amount(ore // 4), da_amount(ore + ore // 4)]
           for d, ore, stream, cp, muni, _, ref, _ in LEDGER]
    write_csv(OK / "invoices_vat.csv", ["Fakturadato", "Fakturanr", "Kunde", "Kommune", "Kategori", "Beløb ekskl. moms",
                                        "Moms", "Beløb inkl. moms"], vat)
    write_xlsx(OK / "named_sheet.xlsx", {"Noter": [["Eksport fra bogføringen"], ["se fanen Indtægter"]],
                                          "Indtægter": [["Dato", "Bilag", "Tekst", "Kunde", "Kommune", "Kategori", "Beløb"],
                                                        *[[r[0], r[1], r[2], r[3], r[4], r[5], r[6].replace(".", "")] for r in da]]})
    unknown = [[d.isoformat(), cp, muni, stream, da_amount(ore)] for d, ore, stream, cp, muni, *_ in LEDGER]
    write_csv(OK / "unknown_layout.csv", ["Posted", "Who", "Where", "Kind", "Sum"], unknown)
    with open(OK / "accounts.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("account,stream\n" + "".join(f"{a},{s}\n" for a, s in ACCOUNT_STREAMS.items()))


def overlap_files() -> None:
    header = ["Dato", "Bilag", "Tekst", "Kunde", "Kategori", "Beløb"]
    year = [[dt.date(2025, m, 28).strftime("%d-%m-%Y"), f"F{m:02d}", "Kager", "Café Solsikke", "Salg", "1.000,00"] for m in range(1, 13)]
    year.insert(3, year[2])  # two identical lines in one file are two entries
    write_csv(OK / "overlap_jan_jun.csv", header, year[:7])
    write_csv(OK / "overlap_jan_dec.csv", header, year)


HEADER = ["Dato", "Bilag", "Tekst", "Kunde", "Kommune", "Kategori", "Beløb"]
GOOD = ["05-01-2026", "F1", "Kager", "Café Solsikke", "", "Salg", "1.234,50"]
ERROR_CASES = {  # file stem -> (line 3 instead of GOOD, expected stderr lines)
    "impossible_date": ({0: "31-02-2026"}, ["line 3: Dato: impossible date ('31-02-2026')"]),
    "not_a_date": ({0: "i går"}, ["line 3: Dato: not a date ('i går')"]),
    "missing_date": ({0: ""}, ["line 3: Dato: missing date"]),
    "unparseable_amount": ({6: "12,34,56"}, ["line 3: Beløb: unparseable amount ('12,34,56')"]),
    "three_decimals": ({6: "12,345"}, ["line 3: Beløb: more than two decimals ('12,345')"]),
    "missing_amount": ({6: ""}, ["line 3: Beløb: missing amount"]),
    "missing_counterparty": ({3: ""}, ["line 3: Kunde: missing counterparty"]),
    "unknown_stream": ({5: "Lotto"}, ["line 3: Kategori: unknown stream ('Lotto')"]),
    "unknown_municipality": ({4: "Atlantis"}, ["line 3: Kommune: unknown municipality ('Atlantis')"]),
    "amount_too_large": ({6: "1.000.000.000.000,00"}, ["line 3: Beløb: amount too large ('1.000.000.000.000,00')"]),
    "cpr_in_description": ({2: "Løn til Jens 010190-1234"},
                           ["line 3: Tekst: contains a CPR number (never stored) ('Løn til Jens ddmmyy-xxxx')"]),
    "cpr_bare_in_counterparty": ({3: "Jens Hansen 0101901234"},
                                 ["line 3: Kunde: contains a CPR number (never stored) ('Jens Hansen ddmmyy-xxxx')"]),
}


def error_files() -> None:
    ERRORS.mkdir(exist_ok=True)
    for stem, (changes, expected) in ERROR_CASES.items():
        bad = [changes.get(i, v) for i, v in enumerate(GOOD)]
        write_csv(ERRORS / f"{stem}.csv", HEADER, [GOOD, bad, GOOD])
        (ERRORS / f"{stem}.expected").write_text("\n".join(expected) + "\n", encoding="utf-8")
    (ERRORS / "wrong_field_count.csv").write_text(
        ";".join(HEADER) + "\n" + ";".join(GOOD) + "\n" + ";".join(GOOD + ["extra"]) + "\n", encoding="utf-8")
    (ERRORS / "wrong_field_count.expected").write_text("line 3: (row): expected 7 fields, found 8\n", encoding="utf-8")
    many = [GOOD, [*GOOD[:2], "Løn 010190-1234", *GOOD[3:]], ["32-01-2026", *GOOD[1:6], "x"], GOOD, [*GOOD[:3], "", "", "?", ""]]
    write_csv(ERRORS / "several_bad_rows.csv", HEADER, many)
    (ERRORS / "several_bad_rows.expected").write_text("\n".join([
        "line 3: Tekst: contains a CPR number (never stored) ('Løn ddmmyy-xxxx')",
        "line 4: Dato: impossible date ('32-01-2026')",
        "line 4: Beløb: unparseable amount ('x')",
        "line 6: Beløb: missing amount",
        "line 6: Kunde: missing counterparty",
        "line 6: Kategori: unknown stream ('?')",
    ]) + "\n", encoding="utf-8")
    acc = [["05-01-2026", "F1", "9999", "Kager", "Café Solsikke", "1.234,50"]]
    write_csv(ERRORS / "unmapped_account.csv", ["Dato", "Bilag", "Konto", "Tekst", "Kunde", "Kredit"], acc)
    (ERRORS / "unmapped_account.expected").write_text("line 2: Konto: account not mapped to a stream ('9999')\n", encoding="utf-8")


if __name__ == "__main__":
    ok_files()
    overlap_files()
    error_files()
