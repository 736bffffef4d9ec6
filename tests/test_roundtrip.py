"""Round trips are exact: the CSV and XLSX exports (``export``, the Data page's download) import back with nothing
added and nothing changed, whatever the text — line breaks (``\\r\\n`` stays ``\\r\\n``), leading and trailing
blanks, tabs, formulas, control characters, Unicode, an apostrophe at the start. And no exported text cell starts
with what a spreadsheet runs as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.ingest.classify import COMPANY_FORM
from seconomy.ingest.cpr import has_cpr
from seconomy.ingest.export import csv_bytes, xlsx_bytes
from seconomy.ingest.importer import import_file
from seconomy.ingest.payers import infer_municipality
from seconomy.streams import STREAMS

# In the suite a fixed, small run (the same examples every time); `make fuzz` sets FUZZ_EXAMPLES for a long random one.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 30)
DERANDOMIZE = not os.environ.get("FUZZ_EXAMPLES")
COLUMNS = ["line", "entry_date", "amount_ore", "stream", "counterparty", "municipality_code", "description", "reference"]
VALUES = "entry_date, amount, stream, counterparty, municipality_code, description, reference"
HOSTILE = ["\r\n", "\n", "\r", "\t", " ", "  ", "\u00a0", "=1+1", "\r=1+1", "\t=SUM(A1)", "+45", "-5 kr.", "@SUM(1)",
           "'", "''=x", '"', '""', ";", ",", "|", "_x000D_", "_x005F_", "\x01", "\x1f", "\x7f", "\u2028", "\ufeff",
           "é", "ø", "€", "😀", "NULL", "nan", "0123", "1.234,50", '=HYPERLINK("http://x")', "<b>x</b>", "![i](http://h/x)"]
# No NUL (a file holding one is no text file, and an .xlsx cannot hold it) and no lone surrogates (not UTF-8).
_any = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=6)
text = st.lists(st.sampled_from(HOSTILE) | _any, min_size=1, max_size=5).map("".join)


def _storable(value: str) -> bool:
    """What the store can hold at all: a counterparty with a character besides blanks, and never a CPR number."""
    return bool(value.strip(" \t\u00a0")) and not has_cpr(value, "description")


entry = st.tuples(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.integers(-10**11, 10**11),  # øre: up to a billion kroner either way
    st.sampled_from(STREAMS),
    text.filter(_storable).filter(lambda cp: infer_municipality(cp.strip()) is None),
    st.one_of(st.none(), st.sampled_from([101, 147, 159, 751])),
    st.one_of(st.none(), text.filter(lambda v: not has_cpr(v, "description"))),
    st.one_of(st.none(), text.filter(lambda v: not has_cpr(v, "description"))),
)


def _store(con, entries) -> None:
    rows = [(i + 2, day, ore, stream, cp, None if code is not None and re.search(COMPANY_FORM, cp) else code, text, ref)
            for i, (day, ore, stream, cp, code, text, ref) in enumerate(entries)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    store.add_entries(con, frame, file_name="generated")


def _stored(con) -> list[tuple]:
    return sorted(con.execute(f"SELECT {VALUES} FROM entries").fetchall(), key=repr)


def _everything(con) -> list[tuple]:
    return sorted(con.execute("SELECT * FROM entries").fetchall(), key=repr)


def _reset(con) -> None:
    con.execute("DELETE FROM entries")
    con.execute("DELETE FROM imports")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(entries=st.lists(entry, min_size=1, max_size=8), kind=st.sampled_from(["csv", "xlsx"]))
def test_an_export_imports_back_with_nothing_added_and_nothing_changed(con, entries, kind):
    _reset(con)  # one database for every example: a fresh one per example costs more than the test
    _store(con, entries)
    stored, everything = _stored(con), _everything(con)
    data = csv_bytes(con) if kind == "csv" else xlsx_bytes(con)
    again = import_file(con, data, f"export.{kind}")
    assert again.outcome.rows_added == 0 and again.outcome.rows_present == len(entries)
    assert _everything(con) == everything  # nothing changed either
    _reset(con)
    import_file(con, data, f"export.{kind}")
    assert _stored(con) == stored  # into an empty database: the same entries, to the character and the øre


def test_a_windows_line_break_comes_back_as_a_windows_line_break(con):
    _store(con, [(dt.date(2026, 1, 5), 100, "other", "Kunde\r\nAfdeling", None, "Linje 1\r\nLinje 2", "\r=1+1")])
    for data, name in ((xlsx_bytes(con), "x.xlsx"), (csv_bytes(con), "x.csv")):
        fresh = store.connect(store.MEMORY)
        import_file(fresh, data, name)
        assert fresh.execute("SELECT counterparty, description, reference FROM entries").fetchall() == [
            ("Kunde\r\nAfdeling", "Linje 1\r\nLinje 2", "\r=1+1")]
        fresh.close()


DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _cells_csv(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for cell in row]


def _cells_xlsx(data: bytes) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(entries=st.lists(entry, min_size=1, max_size=5))
def test_no_exported_text_cell_starts_like_a_formula(con, entries):
    _reset(con)
    _store(con, entries)
    numbers = re.compile(r"^-?[0-9]+\.[0-9]{2}$")  # the amount column: a number, never touched
    cells = [c for c in _cells_csv(csv_bytes(con)) if not numbers.match(c)] + _cells_xlsx(xlsx_bytes(con))
    assert [c for c in cells if c.startswith(DANGEROUS)] == []
