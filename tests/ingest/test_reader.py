"""Reading files: encodings, delimiters, Excel sheets, line numbers, and the bulk loader agreeing with them."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from seconomy.errors import InputError
from seconomy.ingest.bulk import RAW, cell_text, load_raw
from seconomy.ingest.reader import decode, read_table, sniff_delimiter
from tests.ingest.helpers import ERRORS, OK

SAMPLES = sorted(p for p in OK.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx"))


@pytest.mark.parametrize(("name", "encoding", "delimiter"), [
    ("da_semicolon_cp1252.csv", "cp1252", ";"),
    ("en_comma_bom.csv", "utf-8-sig", ","),
    ("tab_dotted_dates.tsv", "utf-8", "\t"),
    ("slash_dates_plain_amounts.csv", "utf-8", ";"),
])
def test_read_table_detects_encoding_and_delimiter(name, encoding, delimiter):
    table = read_table(OK / name, name)
    assert (table.detected.kind, table.detected.encoding, table.detected.delimiter) == ("csv", encoding, delimiter)
    assert table.header[0] in ("Dato", "Date", "Bogføringsdato")
    assert len(table.rows) == 12 and table.lines == list(range(2, 14))
    assert any("ø" in str(cell) or "å" in str(cell) for row in table.rows for cell in row)


def test_read_table_keeps_excel_cells_native_and_row_numbers():
    table = read_table(OK / "en_ledger.xlsx", "en_ledger.xlsx")
    assert table.detected.kind == "xlsx" and table.detected.sheet == "Income"
    assert isinstance(table.rows[0][0], dt.datetime) and isinstance(table.rows[0][6], (int, float))
    assert table.lines[0] == 2


def test_read_table_named_sheet_and_unknown_sheet():
    table = read_table(OK / "named_sheet.xlsx", "x.xlsx", sheet="indtægter")
    assert table.detected.sheet == "Indtægter" and table.detected.sheets == ("Noter", "Indtægter")
    with pytest.raises(InputError, match="no sheet 'Budget'.*Noter, Indtægter"):
        read_table(OK / "named_sheet.xlsx", "x.xlsx", sheet="Budget")


def test_line_numbers_count_blank_lines_and_multi_line_fields():
    data = 'Dato;Tekst;Beløb\n\n05-01-2026;"to\nlinjer";1,00\n;;\n06-01-2026;x;2,00\n'.encode()
    table = read_table(data, "x.csv")
    assert table.lines == [3, 6]
    assert table.rows[0][1] == "to\nlinjer"


def test_records_with_the_wrong_number_of_fields_become_line_errors():
    table = read_table(ERRORS / "wrong_field_count.csv", "x.csv")
    assert [str(e) for e in table.errors] == ["line 3: (row): expected 7 fields, found 8"]
    assert table.lines == [2]


def test_trailing_empty_fields_are_not_an_error():
    table = read_table(b"a;b\n1;2;\n", "x.csv")
    assert table.rows == [["1", "2"]] and not table.errors


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel .xls"),
    (b"PK\x03\x04not really a zip", "not a readable .xlsx"),
    (b"a\x00b\x00c", "not a text file"),
])
def test_unreadable_files_are_input_errors(data, message):
    with pytest.raises(InputError, match=message):
        read_table(data, "x.csv")


def test_forced_encoding_that_does_not_fit_names_the_line():
    with pytest.raises(InputError, match="not valid utf-8.*line 2"):
        decode("a\nø".encode("cp1252"), "utf-8")


def test_sniff_delimiter_prefers_the_consistent_split():
    assert sniff_delimiter("Dato;Beløb\n05-01-2026;1.234,50\n") == ";"
    assert sniff_delimiter('Date,Amount\n2026-01-05,"1,234.50"\n') == ","
    assert sniff_delimiter("Dato\tBeløb\n05-01-2026\t1,50\n") == "\t"


def test_cell_text_writes_excel_values_as_a_csv_would():
    assert cell_text(dt.datetime(2026, 1, 5)) == "2026-01-05"
    assert cell_text(1234.5) == "1234.50" and cell_text(1001.0) == "1001" and cell_text(7) == "7"
    assert cell_text(0.1 + 0.2) == "0.30" and cell_text(None) is None


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_bulk_loader_reads_what_read_table_reads(sample):
    """DuckDB's fast path and Python's csv module give the same records and line numbers."""
    sheet = "Indtægter" if sample.name == "named_sheet.xlsx" else None
    table = read_table(sample, sample.name, sheet=sheet)
    con = duckdb.connect()
    loaded = load_raw(con, sample, sample.name, sheet=sheet)
    width = len(table.header)
    rows = con.execute(f"SELECT line, {', '.join(f'c{i}' for i in range(width))} FROM {RAW} ORDER BY line").fetchall()
    assert loaded.header == table.header and loaded.records == len(table.rows)
    assert [r[0] for r in rows] == table.lines
    assert [[v or "" for v in r[1:]] for r in rows] == [[cell_text(c) or "" for c in row] for row in table.rows]


def test_bulk_loader_falls_back_for_multi_line_fields_and_keeps_line_numbers():
    data = 'Dato;Tekst;Beløb\n05-01-2026;"to\nlinjer";1,00\n\n06-01-2026;x;2,00\n'.encode()
    con = duckdb.connect()
    load_raw(con, data, "x.csv")
    assert con.execute(f"SELECT line FROM {RAW} ORDER BY line").fetchall() == [(2,), (5,)]
