"""Importing: no doubling, nothing lost, the demo replaced in the same transaction, answers remembered."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from seconomy import store
from seconomy.errors import InputError, UsageError
from seconomy.ingest.importer import import_file, preview, rejected_csv
from seconomy.ingest.ledger import ImportOptions
from seconomy.settings import get_setting
from tests.conftest import ROOT
from tests.data.make_samples import EXPECTED_TOTALS
from tests.ingest.helpers import ACCOUNTS, ERRORS, OK, counts, totals

UNKNOWN_LAYOUT = (("date", "Posted"), ("counterparty", "Who"), ("municipality", "Where"), ("stream", "Kind"), ("amount", "Sum"))


def _import(con, name, **options):
    path = OK / name if (OK / name).exists() else ERRORS / name
    return import_file(con, path, name, ImportOptions(**options))


def test_overlapping_exports_add_only_the_new_rows_and_keep_identical_lines(con):
    first = _import(con, "overlap_jan_jun.csv").outcome
    second = _import(con, "overlap_jan_dec.csv").outcome
    assert (first.rows_added, first.rows_present) == (7, 0)
    assert (second.rows_added, second.rows_present) == (6, 7)
    assert con.execute("SELECT count(*) FROM entries WHERE reference = 'F03'").fetchall()[0][0] == 2
    assert totals(con) == {"Café Solsikke": 13 * 100000}


def test_reimporting_the_same_file_adds_nothing_and_says_so(con):
    first = _import(con, "da_semicolon_cp1252.csv")
    again = _import(con, "da_semicolon_cp1252.csv")
    assert (again.outcome.rows_added, again.outcome.rows_present) == (0, 12)
    assert [i for i, _ in again.preview.earlier] == [first.outcome.import_id]
    assert totals(con) == EXPECTED_TOTALS
    history = con.execute("SELECT rows_added, rows_present FROM imports ORDER BY id").fetchall()
    assert history == [(12, 0), (0, 12)]  # every import is recorded, the empty one too


def test_a_failed_import_leaves_every_table_as_it_was(con):
    _import(con, "overlap_jan_jun.csv")
    before = counts(con)
    with pytest.raises(InputError) as failure:
        _import(con, "several_bad_rows.csv")
    assert [e.line for e in failure.value.errors] == [3, 4, 4, 6, 6, 6]
    assert counts(con) == before


def test_skip_invalid_writes_the_valid_rows_and_hands_back_the_rejected(con):
    result = _import(con, "several_bad_rows.csv", skip_invalid=True)
    assert (result.outcome.rows_added, result.outcome.rows_rejected) == (2, 3)
    frame = result.rejected
    assert frame["line"].tolist() == [3, 4, 6]
    assert frame.loc[1, "reason"] == "Dato: impossible date; Beløb: unparseable amount"
    assert frame.loc[0, "Tekst"] == "Løn ddmmyy-xxxx"  # the CPR number is not handed back either
    rows = list(csv.reader(io.StringIO(rejected_csv(frame).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["line", "Dato", "Bilag", "Tekst", "Kunde", "Kommune", "Kategori", "Beløb", "reason"]
    assert con.execute("SELECT rows_rejected FROM imports").fetchall() == [(3,)]


def test_first_real_import_replaces_the_demo_in_the_same_transaction(demo_con):
    assert store.has_demo(demo_con)
    result = _import(demo_con, "da_semicolon_cp1252.csv")
    assert result.demo_removed and not store.has_demo(demo_con)
    assert totals(demo_con) == EXPECTED_TOTALS  # no demo figure mixed in
    assert get_setting(demo_con, "dataset") == "own"
    assert demo_con.execute("SELECT count(*) FROM agreements WHERE is_demo").fetchall()[0][0] == 0


def test_dry_run_writes_nothing_and_remembers_nothing(con):
    before = counts(con)
    options = ImportOptions(accounts=ACCOUNTS, columns=(("reference", "Bilag"),))
    result = import_file(con, OK / "account_debet_kredit.csv", "x.csv", options, dry_run=True)
    assert result.outcome.import_id is None and result.outcome.rows_added == 12
    assert counts(con) == before


def test_account_streams_and_column_mappings_are_remembered_for_later_files(con):
    _import(con, "account_debet_kredit.csv", accounts=ACCOUNTS)
    assert con.execute("SELECT count(*) FROM account_streams").fetchall()[0][0] == 6
    second = _import(con, "account_income_negative.csv", income_negative=True)  # no --accounts needed now
    assert second.outcome.rows_present == 12
    fresh = store.connect(store.MEMORY)
    _import(fresh, "unknown_layout.csv", columns=UNKNOWN_LAYOUT)
    undo_all = fresh.execute("SELECT id FROM imports").fetchall()[0][0]
    store.undo_import(fresh, undo_all)
    again = _import(fresh, "unknown_layout.csv")  # same header: the remembered mapping applies
    assert again.outcome.rows_added == 12 and again.preview.staged.mapping.origin["date"] == "remembered"
    assert totals(fresh) == EXPECTED_TOTALS
    fresh.close()


def test_mostly_negative_amounts_ask_whether_income_is_booked_negative(con):
    with pytest.raises(InputError, match="--income-negative"):
        _import(con, "account_income_negative.csv", accounts=ACCOUNTS)
    kept = _import(con, "account_income_negative.csv", accounts=ACCOUNTS, income_negative=False)
    assert kept.outcome.rows_added == 12
    assert sum(totals(con).values()) == -sum(EXPECTED_TOTALS.values())


def test_unmapped_accounts_are_line_errors_until_mapped(con):
    view = preview(con, OK / "account_debet_kredit.csv", "x.csv")
    assert view.staged.error_count == 12 and set(view.staged.errors["code"]) == {"account_unmapped"}
    assert view.staged.accounts["account"].tolist() == ["1000", "1010", "1020", "1030", "1040", "1050"]
    mapped = preview(con, OK / "account_debet_kredit.csv", "x.csv", ImportOptions(accounts=ACCOUNTS))
    assert mapped.staged.error_count == 0 and mapped.staged.total_ore == sum(EXPECTED_TOTALS.values())


def test_preview_shows_inferences_and_the_first_rows_without_writing(con):
    view = preview(con, OK / "da_semicolon_cp1252.csv", "x.csv")
    assert view.detected.describe() == "CSV, Windows-1252, semicolon-separated"
    assert dict(zip(view.staged.inferred["counterparty"], view.staged.inferred["municipality"], strict=True)) == {
        "Jobcenter Århus": "Aarhus", "Frederiksberg Kommune, Rådhuskantinen": "Frederiksberg"}
    assert len(view.rows) == 12 and pd.isna(view.rows.loc[4, "municipality"])  # Odense Saftværk ApS stays private
    assert counts(con)["imports"] == 0


def test_gross_minus_vat_is_income_when_there_is_no_net_column(con):
    data = "Dato;Kunde;Kategori;Beløb inkl. moms;Moms\n05-01-2026;Café;salg;1.250,00;250,00\n".encode()
    import_file(con, data, "x.csv")
    assert totals(con) == {"Café": 100000}


def test_a_default_stream_covers_files_without_stream_or_account(con):
    data = "Dato;Kunde;Beløb\n05-01-2026;Velux Fonden;100,00\n".encode()
    import_file(con, data, "x.csv", ImportOptions(default_stream="andet"))
    assert con.execute("SELECT stream, stream_by FROM entries").fetchall() == [("other", "option")]


def test_without_stream_column_and_rules_a_line_has_no_stream(con):
    data = "Dato;Kunde;Beløb\n05-01-2026;Café Solsikke;100,00\n".encode()
    with pytest.raises(InputError) as refused:
        import_file(con, data, "x.csv", ImportOptions(rules=()))
    assert [str(e) for e in refused.value.errors] == ["line 2: stream: no stream: no column, account or rule gives one"]
    assert counts(con)["entries"] == 0


def test_a_blank_stream_cell_is_left_to_the_rules(con):
    data = "Dato;Kunde;Kategori;Beløb\n05-01-2026;Café;Salg;10,00\n06-01-2026;Bikubenfonden;;500,00\n".encode()
    import_file(con, data, "x.csv")
    assert con.execute("SELECT stream, stream_by FROM entries ORDER BY entry_date").fetchall() == [
        ("product_sale", "column"), ("foundation_grant", "rule:fond")]


@pytest.mark.parametrize(("data", "message"), [
    ("Dato;Kunde;Kategori;Beløb\n", "no rows"),
    ("Posted;Who;Sum\n2026-01-05;x;1\n", "no date"),
    ("Dato;Kunde;Kategori\n05-01-2026;x;salg\n", "no amount"),
    ("Dato;Kunde;Kategori;Beløb inkl. moms\n05-01-2026;x;salg;125,00\n", "including VAT"),
])
def test_files_missing_what_an_import_needs_are_input_errors(con, data, message):
    with pytest.raises(InputError, match=message):
        import_file(con, data.encode(), "x.csv")


def test_impossible_options_are_usage_errors(con):
    with pytest.raises(UsageError):
        import_file(con, OK / "da_semicolon_cp1252.csv", "x", ImportOptions(default_stream="lotto"))
    with pytest.raises(UsageError):
        import_file(con, OK / "da_semicolon_cp1252.csv", "x", ImportOptions(decimal=";"))


def test_a_process_killed_inside_the_import_transaction_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "crash.duckdb"
    with store.session(db) as con:
        _import(con, "overlap_jan_jun.csv")
        before = counts(con)
    script = textwrap.dedent(f"""
        import os
        from seconomy import store
        from seconomy.ingest import importer
        real = store.add_entries
        def crashing(con, *args, also=(), **kwargs):
            return real(con, *args, also=[*also, lambda c: os._exit(9)], **kwargs)  # die before COMMIT
        importer.store.add_entries = crashing
        with store.session({str(db)!r}) as con:
            importer.import_file(con, {str(OK / 'overlap_jan_dec.csv')!r}, "year.csv")
    """)
    died = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    with store.session(db) as con:
        assert counts(con) == before
