"""Every file the CLI writes neutralises text a spreadsheet would run (OWASP: = + - @, tab, carriage return), also
after a carriage return (``\\r=1+1``), and the imports take the apostrophe off again."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from seconomy import store
from seconomy.agreements import files as agreement_files
from seconomy.agreements.validate import clean_agreement
from seconomy.grants import files as grant_files
from seconomy.grants.model import agreement_row
from seconomy.grants.validate import clean_application
from seconomy.ingest.importer import import_file, rejected_csv, rejected_rows  # noqa: F401 - rejected_rows: the frame
from seconomy.ingest.ledger import ImportOptions
from seconomy.ingest.rulefile import read_rules, rules_csv
from seconomy.ingest.rules import Rule

FORMULAS = ["=1+1", "\r=1+1", "\t=SUM(A1)", "+45 12 34 56", "-5 kr. rabat", "@SUM(1)", "'=already", "\r\n=2"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _text_cells(data: bytes, suffix: str) -> list[str]:
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
        return [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=",") for c in row]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_agreements_export_neutralises_any_text(con, suffix):
    for text in FORMULAS:  # stored as they are, not as a form would clean them: the export must protect anything
        store.add_agreement(con, {"stream": "foundation_grant", "counterparty": f"Fond {text}", "total_amount": 1000,
                                  "schedule": "upfront", "start_date": dt.date(2026, 1, 1), "end_date": dt.date(2026, 12, 31),
                                  "note": text})
    assert [c for c in _text_cells(agreement_files.export_bytes(con, suffix, "en"), suffix) if c.startswith(DANGEROUS)] == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_agreements_with_formulas_and_line_breaks_import_back_unchanged(con, suffix):
    for text in (*FORMULAS, "Linje 1\r\nLinje 2", "a\rb"):
        row, problems = clean_agreement({"stream": "foundation_grant", "counterparty": f"Fond {text}", "total_amount": "1000",
                                         "schedule": "upfront", "start_date": "2026-01-01", "end_date": "2026-12-31",
                                         "note": text})
        assert not problems
        store.add_agreement(con, row)
    data = agreement_files.export_bytes(con, suffix, "en")
    summary = agreement_files.import_file(con, data, f"a{suffix}")
    assert (summary.agreements.changed, summary.agreements.added, summary.agreements.unchanged) == (0, 0, len(FORMULAS) + 2)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_pipeline_export_neutralises_and_imports_back(con, suffix):
    for i, text in enumerate((*FORMULAS, "a\rb")):
        row, problems = clean_application({"funder": f"Fond {i}", "project": text, "amount": "1000",
                                           "start_date": "2027-01-01", "end_date": "2027-12-31", "schedule": "upfront",
                                           "stage": "idea", "restrictions": text})
        assert not problems
        store.add_application(con, row, agreement_row)
    data = grant_files.export_bytes(con, suffix, "en")
    assert [c for c in _text_cells(data, suffix) if c.startswith(DANGEROUS)] == []
    assert grant_files.import_file(con, data, f"p{suffix}").counts.changed == 0


def test_rules_file_neutralises_and_reads_back():
    rules = [Rule(text.strip() or "x", "any", "other") for text in ("=cmd", "\r=1+1", "+x", "@y")]
    data = rules_csv(rules)
    cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";") for c in row]
    assert [c for c in cells if c.startswith(DANGEROUS)] == []
    assert [r.match for r in read_rules(data, "rules.csv")] == [r.match for r in rules]


def test_the_rejected_rows_file_neutralises_the_file_s_own_cells(con):
    data = "Dato;Tekst;Beløb;Kunde\nikke en dato;=HYPERLINK(\"http://x\");100,00;@SUM(1)\n05-01-2026;ok;1,00;A\n"
    result = import_file(con, data.encode(), "x.csv", ImportOptions(skip_invalid=True))
    cells = [c for row in csv.reader(io.StringIO(rejected_csv(result.rejected).decode("utf-8-sig")), delimiter=";")
             for c in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'@SUM(1)" in cells
    assert [c for c in cells if c.startswith(DANGEROUS)] == []
