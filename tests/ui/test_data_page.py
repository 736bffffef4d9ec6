"""The Data page: upload, preview, errors, account and column choices, confirm, history with undo, export."""

from __future__ import annotations

from seconomy import store
from seconomy.settings import get_setting
from tests.data.make_samples import EXPECTED_TOTALS
from tests.ingest.helpers import ERRORS, OK, counts, totals
from tests.ui.apptest import open_page, texts

PAGE = "pages/data.py"


def _upload(at, path, name=None):
    at.get("file_uploader")[0].set_value((name or path.name, path.read_bytes(), "text/csv")).run()
    assert not at.exception, at.exception
    return at


def _one(elements, prefix: str):
    found = [e for e in elements if str(e.key).startswith(prefix)]
    assert len(found) == 1, [e.key for e in elements]
    return found[0]


def _table(at, column: str):
    """The one table on the page that has ``column``."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def _scope(at) -> str:
    return at.session_state["data_scope"]


def _confirm(at):
    return _one(at.button, "data_confirm_")


def test_upload_preview_and_import_replaces_the_demo(demo_db):
    at = _upload(open_page(PAGE, lang="en"), OK / "da_semicolon_cp1252.csv")
    shown = texts(at)
    assert "Detected format: CSV, Windows-1252, semicolon-separated" in shown
    assert "Valid rows 12" in shown and "Total of valid rows DKK 242,674.67" in shown
    assert "removes it in the same transaction" in shown
    inferred = _table(at, "Rows")
    assert set(inferred["Counterparty"]) == {"Jobcenter Århus", "Frederiksberg Kommune, Rådhuskantinen"}
    button = _confirm(at)
    assert button.label == "Remove the demo and import 12 rows" and not button.disabled
    button.click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["**da\\_semicolon\\_cp1252\\.csv** imported: 12 new rows, 0 already present, "
                                             "0 rejected.  \nThe demo enterprise was removed; your own figures now stand alone."]
    with store.session(demo_db) as con:
        assert totals(con) == EXPECTED_TOTALS and not store.has_demo(con) and get_setting(con, "dataset") == "own"


def test_bad_rows_block_the_import_until_the_user_skips_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "x.duckdb"))
    at = _upload(open_page(PAGE, lang="en"), ERRORS / "several_bad_rows.csv")
    assert "6 errors in 3 rows" in texts(at)
    errors = _table(at, "Reason")
    assert errors["Line"].tolist() == ["3", "4", "4", "6", "6", "6"]  # pre-formatted: the browser never formats them
    assert "contains a CPR number (never stored)" in errors["Reason"].tolist()
    assert "Løn ddmmyy-xxxx" in errors["Value"].tolist()
    assert _confirm(at).disabled
    _one(at.checkbox, "data_skip_").check().run()
    _confirm(at).click().run()
    assert "2 new rows, 0 already present, 3 rejected" in at.success[0].value
    assert any(b.label == "Download the rejected rows (CSV with reason)" for b in at.get("download_button"))
    with store.session(tmp_path / "x.duckdb") as con:
        assert counts(con)["entries"] == 2


def test_accounts_are_mapped_once_and_negative_income_is_confirmed(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _upload(open_page(PAGE, lang="en"), OK / "account_income_negative.csv")
    assert "Accounts in the file" in texts(at) and "There are no valid rows to import." in texts(at)
    for account, stream in {"1000": "product_sale", "1010": "municipal_contract", "1020": "wage_subsidy",
                            "1030": "foundation_grant", "1040": "public_grant", "1050": "other"}.items():
        _one(at.selectbox, f"data_acc_{_scope(at)}_{account}").set_value(stream)
    at.run()
    assert "11 of 12 amounts are negative" in texts(at)
    assert _one(at.checkbox, "data_negative_").value is True
    _confirm(at).click().run()
    with store.session(db) as con:
        assert totals(con) == EXPECTED_TOTALS
        assert con.execute("SELECT count(*) FROM account_streams").fetchall()[0][0] == 6


def test_unknown_layout_is_mapped_by_hand_and_remembered(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _upload(open_page(PAGE, lang="en"), OK / "unknown_layout.csv")
    assert "The file lacks a column the import needs" in texts(at)
    for role, header in {"date": "Posted", "counterparty": "Who", "municipality": "Where", "stream": "Kind", "amount": "Sum"}.items():
        at.selectbox(key=f"data_col_{role}_{_scope(at)}").set_value(header)
    at.run()
    assert "Valid rows 12" in texts(at)
    _confirm(at).click().run()
    with store.session(db) as con:
        assert totals(con) == EXPECTED_TOTALS
        assert con.execute("SELECT count(*) FROM column_mappings").fetchall()[0][0] == 1
    at = _upload(at, OK / "unknown_layout.csv", "next_month.csv")  # the same header: the choice is remembered
    assert at.selectbox(key=f"data_col_date_{_scope(at)}").value == "__auto__"
    assert "remembered: Posted" in texts(at)
    assert "Valid rows 12" in texts(at)


def test_history_lists_imports_and_undo_removes_one(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _upload(open_page(PAGE, lang="en"), OK / "overlap_jan_jun.csv")
    _confirm(at).click().run()
    at = _upload(at, OK / "overlap_jan_dec.csv")
    assert "This very file" not in texts(at)
    _confirm(at).click().run()
    history = _table(at, "Already present")
    assert history["Added"].tolist() == ["6", "7"] and history["Already present"].tolist() == ["7", "0"]
    at.selectbox(key="data_undo_pick").set_value(2)
    at.button(key="data_undo").click().run()
    assert at.success[0].value == "Import #2 undone: 6 rows removed."
    with store.session(db) as con:
        assert counts(con)["entries"] == 7


def test_export_offers_csv_and_xlsx_once_there_is_income(demo_db):
    at = open_page(PAGE, lang="en")
    labels = [b.label for b in at.get("download_button")]
    assert labels[-2:] == ["Download CSV", "Download XLSX"]


def test_the_page_speaks_danish_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "x.duckdb"))
    at = _upload(open_page(PAGE), OK / "en_ledger.xlsx")
    shown = texts(at)
    assert "Genkendt format: Excel-projektmappe, arket «Income»" in shown and "Gyldige rækker 12" in shown
    assert _confirm(at).label == "Importér 12 rækker"


def test_a_workbook_whose_first_sheet_is_not_the_ledger_is_read_from_the_chosen_sheet(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "x.duckdb"))
    at = _upload(open_page(PAGE, lang="en"), OK / "named_sheet.xlsx")
    assert "The file lacks a column the import needs" in texts(at)
    at.selectbox(key=f"data_sheet_{_scope(at)}").set_value("Indtægter").run()
    assert "Detected format: Excel workbook, sheet 'Indtægter'" in texts(at) and "Valid rows 12" in texts(at)
