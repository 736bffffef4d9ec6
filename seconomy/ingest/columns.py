"""Recognising what each column of a ledger export holds, from its header, in Danish and English.

Headers are compared folded (case, accents, æ/ø/å ≡ ae/oe/aa, punctuation ignored), so "Beløb (DKK)",
"BELOB DKK" and "beloeb dkk" are the same header. A layout we do not know is mapped by the user once
(``--column ROLE=HEADER`` or the table on the Data page); the mapping is remembered for files with the
same header (see ``header_key``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seconomy.errors import UsageError
from seconomy.text import fold

# role -> header words. Roles of the staged entry plus the bookkeeping columns that lead to them.
ROLE_HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("dato", "bogføringsdato", "bogført", "posteringsdato", "fakturadato", "date", "posting date",
             "invoice date", "transaction date", "entry date", "booking date"),
    "amount": ("beløb", "belob", "amount", "amount (dkk)", "beløb (dkk)", "beløb dkk", "amount dkk", "beløb i kr"),
    "net_amount": ("beløb ekskl. moms", "beløb ekskl moms", "ekskl. moms", "ekskl moms", "netto", "nettobeløb",
                   "net amount", "net", "amount excl. vat", "amount excl vat", "excl. vat", "excl vat", "amount (net)"),
    "gross_amount": ("beløb inkl. moms", "beløb inkl moms", "inkl. moms", "inkl moms", "brutto", "bruttobeløb",
                     "gross amount", "gross", "amount incl. vat", "amount incl vat", "incl. vat", "incl vat", "i alt", "total"),
    "vat": ("moms", "momsbeløb", "vat", "vat amount"),
    "debit": ("debet", "debit"),
    "credit": ("kredit", "credit"),
    "stream": ("kategori", "type", "indtægtstype", "indtægtskategori", "stream", "income stream", "category"),
    "account": ("konto", "kontonr", "kontonr.", "kontonummer", "account", "account no", "account number"),
    "account_name": ("kontonavn", "account name"),
    "counterparty": ("kunde", "kundenavn", "debitor", "debitornavn", "modpart", "betaler", "customer", "customer name",
                     "counterparty", "payer", "name", "navn"),
    "municipality_code": ("kommunekode", "kommunenr", "kommunenummer", "municipality code", "municipality_code"),
    "municipality": ("kommune", "kommunenavn", "municipality", "municipality name"),
    "description": ("tekst", "beskrivelse", "posteringstekst", "description", "text", "memo"),
    "reference": ("bilag", "bilagsnr", "bilagsnummer", "fakturanr", "fakturanummer", "voucher", "voucher no",
                  "invoice", "invoice no", "invoice number", "reference", "ref"),
    # Bank statements (seconomy.ingest.layouts names them for the known banks; these words find them elsewhere).
    "balance": ("saldo", "balance", "saldo (dkk)", "saldo dkk", "bogført saldo", "running balance"),
    "status": ("status",),
    "subcategory": ("underkategori", "subcategory"),
    "transfer_type": ("overførselstype", "transfer type"),
    "sender": ("afsender", "sender"),
    "receiver": ("modtager", "receiver", "recipient"),
    "payee": ("modtagernavn", "payee"),
    "category": (),
    "account_type": (),
}
ROLES = tuple(ROLE_HEADERS)
TEXT_ROLES = ("counterparty", "description", "reference", "stream", "account", "account_name", "municipality", "status",
              "category", "subcategory", "transfer_type", "sender", "receiver", "payee", "account_type")
_PUNCT = re.compile(r"[.()\[\]/:#_\-*]+")


def normalise(header: str) -> str:
    """The matching key of a header: folded, punctuation dropped, ae/oe/aa also read as a/o/a."""
    key = " ".join(_PUNCT.sub(" ", fold(header)).split())
    return key.replace("aa", "a").replace("oe", "o").replace("ae", "a")


_LOOKUP: dict[str, str] = {normalise(word): role for role, words in ROLE_HEADERS.items() for word in words}


def header_key(header: list[str]) -> str:
    """The key a remembered mapping is stored under: the normalised headers in order."""
    return "|".join(normalise(h) for h in header)


@dataclass(frozen=True)
class ColumnMap:
    """role -> column index, and where the mapping came from ('detected', 'remembered', 'chosen')."""

    columns: dict[str, int]
    origin: dict[str, str]

    def get(self, role: str) -> int | None:
        return self.columns.get(role)

    def names(self, header: list[str]) -> dict[str, str]:
        """role -> header name, the form a mapping is remembered in."""
        return {role: header[i] for role, i in self.columns.items()}


def detect_columns(header: list[str]) -> dict[str, int]:
    """Roles recognised from the header; the first column wins when two mean the same."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        role = _LOOKUP.get(normalise(name))
        if role and role not in found:
            found[role] = index
    return found


def resolve_columns(header: list[str], chosen: dict[str, str] | None = None,
                    remembered: dict[str, str] | None = None) -> ColumnMap:
    """Detected roles, overlaid by a remembered mapping, overlaid by the user's choice.

    A choice names the header (or its 1-based position); an empty name un-maps the role.
    """
    columns = detect_columns(header)
    origin = dict.fromkeys(columns, "detected")
    for source, mapping in (("remembered", remembered or {}), ("chosen", chosen or {})):
        for role, name in mapping.items():
            if role not in ROLE_HEADERS:
                raise UsageError(f"unknown column role {role!r}; roles are: {', '.join(ROLES)}")
            if not name:
                columns.pop(role, None)
                origin.pop(role, None)
                continue
            index = _find(header, name)
            if index is None:
                if source == "remembered":
                    continue
                raise UsageError(f"the file has no column {name!r}; its columns are: {', '.join(header)}")
            for other, i in list(columns.items()):  # one column has one role
                if i == index and other != role:
                    columns.pop(other)
                    origin.pop(other, None)
            columns[role] = index
            origin[role] = source
    return ColumnMap(columns, origin)


def _find(header: list[str], name: str) -> int | None:
    if name in header:
        return header.index(name)
    key = normalise(name)
    for i, h in enumerate(header):
        if normalise(h) == key:
            return i
    if name.isdigit() and 1 <= int(name) <= len(header):
        return int(name) - 1
    return None


def parse_column_option(text: str) -> tuple[str, str]:
    """``ROLE=HEADER`` from the command line."""
    role, sep, name = text.partition("=")
    if not sep:
        raise UsageError(f"--column wants ROLE=HEADER, not {text!r}")
    return role.strip(), name.strip()
