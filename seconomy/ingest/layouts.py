"""The layouts a file can have — a ledger, a known bank's statement, a headerless statement, SAF-T — and telling them apart.

Why layouts: a bank statement is not a ledger. Money out is a cost, not a credit note; a pending row is no
payment yet; a transfer from the enterprise's savings account is no income; the bank's category ("Bolig",
"Anden indtægt") is not an income stream, and its account-name column is not a bookkeeping account. A layout
says which column holds what and how its rows are told apart (``classify.Direction``), so each bank's export
imports with no options. A file that matches no bank is read as a ledger, whose columns are recognised by
their headers (``columns.ROLE_HEADERS``).

Each bank is recognised by its header (all of ``signature``, compared as ``columns.normalise`` folds headers);
the formats follow their public descriptions (tests/data/banks/README.md lists the sources).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seconomy.ingest.classify import Direction
from seconomy.ingest.columns import detect_columns, normalise
from seconomy.ingest.staging import Mode

LEDGER_NAME = "ledger"


@dataclass(frozen=True)
class Layout:
    """How to read one kind of file: its columns (role → header; None: by header words) and how rows differ."""

    name: str
    columns: dict[str, str] | None = None
    mode: Mode = field(default_factory=Mode)
    direction: Direction = field(default_factory=Direction)
    text_names_payer: bool = False
    signature: tuple[str, ...] = ()
    decimal: str | None = None
    date_order: str | None = None

    @property
    def is_bank(self) -> bool:
        return self.name.startswith("bank:")


LEDGER = Layout(LEDGER_NAME)

def bank(name: str, columns: dict[str, str], *, pending: tuple[tuple[str, str], ...] = (),
         own: tuple[tuple[str, str], ...] = (), signature: tuple[str, ...] | None = None, decimal: str | None = None,
         date_order: str | None = None, first_part: bool = False) -> Layout:
    """A bank statement layout: money out is a cost, the text names the payer where no payer column does."""
    mode = Mode(counterparty_from_text=True, accounts_required=False, payer_first_part=first_part)
    return Layout(f"bank:{name}", columns, mode, Direction(by_sign=True, pending=pending, own_category=own),
                  text_names_payer=True, signature=tuple(signature or columns.values()), decimal=decimal,
                  date_order=date_order)


BANKS: list[Layout] = []  # filled by seconomy.ingest.banks (most specific signature first)

# SAF-T's lines are loaded into columns named after their roles (seconomy.ingest.saft.HEADER); amounts have a point.
SAFT = Layout("saft", columns={r: r for r in ("date", "amount", "account", "account_name", "account_type", "counterparty",
                                              "description", "reference")},
              mode=Mode(accounts_required=False), direction=Direction(by_account_type=True), decimal=".", date_order="dmy")


_STATEMENT = ("date", "description", "amount", "balance")
_LEDGER_ONLY = ("counterparty", "stream", "account", "account_name", "debit", "credit", "net_amount", "gross_amount")


def detect(header: list[str]) -> Layout:
    """The bank whose signature the header has (the longest signature wins); else, for a date, a text, an amount
    and a balance with nobody named as customer, a statement of an unknown bank; else the ledger layout."""
    from seconomy.ingest import banks  # registers the banks

    present = {normalise(h) for h in header}
    for layout in sorted(BANKS, key=lambda b: -len(b.signature)):
        if {normalise(h) for h in layout.signature} <= present:
            return layout
    roles = detect_columns(header)
    if all(r in roles for r in _STATEMENT) and not any(r in roles for r in _LEDGER_ONLY):
        columns = {role: header[i] for role, i in roles.items() if role in (*_STATEMENT, "status", "subcategory")}
        return Layout(**{**banks.GENERIC.__dict__, "columns": columns})
    return LEDGER


def by_name(name: str) -> Layout | None:
    from seconomy.ingest import banks  # noqa: F401

    return next((b for b in BANKS if b.name == name), LEDGER if name == LEDGER_NAME else SAFT if name == "saft" else None)
