"""SAF-T Financial DK imports with no options: income from Sale accounts net of VAT, costs from Expense accounts,
the cash from the bank accounts, the company's name and CVR; streams suggested per Sale account and remembered.

The fixture (tests/data/saft/saft_dk.xml, written by make_saft.py) has its expected figures worked out by hand there.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.errors import InputError
from seconomy.ingest.importer import import_file, preview
from seconomy.ingest.saft import suggest_stream
from seconomy.ingest.sniff import UnsupportedFormat
from tests.data.saft.make_saft import EXPECTED, EXPECTED_PAYERS, EXPECTED_STREAMS, HERE, document
from tests.ingest.helpers import totals

SAFT = HERE / "saft_dk.xml"


def test_saft_imports_income_costs_and_cash(con):
    result = import_file(con, SAFT, SAFT.name)
    staged = result.preview.staged
    assert result.preview.file_layout == "saft"
    assert staged.total_ore == EXPECTED["income_total"] * 100 and staged.cost_ore == EXPECTED["cost_total"] * 100
    assert totals(con) == EXPECTED_PAYERS
    streams = dict(con.execute("SELECT stream, CAST(sum(amount) * 100 AS BIGINT) FROM entries GROUP BY stream").fetchall())
    assert streams == EXPECTED_STREAMS
    costs = dict(con.execute("SELECT category, sum(amount) FROM actual_costs GROUP BY category").fetchall())
    assert {k: float(v) for k, v in costs.items()} == {"Varekøb": 4000.0, "Husleje": 8000.0}
    balance = result.preview.saft.cash
    assert float(balance) == EXPECTED["closing_balance"][1]


def test_saft_fills_the_enterprise_name_and_cvr_when_unset(con):
    import_file(con, SAFT, SAFT.name)
    settings = dict(con.execute("SELECT name, value FROM settings").fetchall())
    assert settings["enterprise_name"] == EXPECTED["company"] and settings["cvr"] == EXPECTED["cvr"]


def test_saft_keeps_an_enterprise_name_already_set(con):
    store.set_setting(con, "enterprise_name", "Vores navn")
    import_file(con, SAFT, SAFT.name)
    assert dict(con.execute("SELECT name, value FROM settings").fetchall())["enterprise_name"] == "Vores navn"


def test_sale_accounts_get_suggested_streams_that_are_remembered(con):
    view = preview(con, SAFT, SAFT.name)
    suggested = {a: None if pd.isna(s) else s for a, s in zip(view.staged.accounts["account"], view.staged.accounts["stream"],
                                                              strict=True)}
    assert suggested == {
        "1000": "product_sale", "1010": "municipal_contract", "1020": "wage_subsidy", "1030": "foundation_grant", "1040": None}
    import_file(con, SAFT, SAFT.name)
    assert dict(con.execute("SELECT account, stream FROM account_streams").fetchall()) == {
        "1000": "product_sale", "1010": "municipal_contract", "1020": "wage_subsidy", "1030": "foundation_grant"}


@pytest.mark.parametrize(("description", "stream"), [
    ("Salg af forløb", "municipal_contract"), ("Kommunale aftaler", "municipal_contract"),
    ("Løntilskud", "wage_subsidy"), ("Flexjobrefusion", "wage_subsidy"), ("Tilskud fra fond", "foundation_grant"),
    ("Puljemidler", "public_grant"), ("Salg af varer", "product_sale"), ("Omsætning", None),
])
def test_suggested_stream_from_account_description(description, stream):
    assert suggest_stream(description) == stream


def test_cli_json_for_saft(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", str(SAFT), "--json", "--set-cash"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layout"] == "saft" and out["income_total"] == 141000.0 and out["cost_total"] == -12000.0
    assert out["closing_balance"] == {"date": "2026-02-28", "amount": 88000.0} and out["cash_set"] is True
    assert out["skipped"] == {}
    with store.session(db) as con:
        assert dict(con.execute("SELECT name, value FROM settings WHERE name IN ('opening_cash', 'cash_date')").fetchall()) == {
            "opening_cash": "88000.00", "cash_date": "2026-02-28"}


def test_entities_are_not_expanded(con):
    hostile = document().replace('<?xml version="1.0" encoding="UTF-8"?>',
                                 '<?xml version="1.0"?><!DOCTYPE AuditFile [<!ENTITY x "EXPANDED">]>')
    hostile = hostile.replace("<Name>Café Solsikken</Name>", "<Name>&x;</Name>")
    import_file(con, hostile.encode(), "hostile.xml")
    assert "EXPANDED" not in {p for (p,) in con.execute("SELECT payer FROM entries").fetchall()}


def test_a_broken_saft_file_names_its_line(con):
    broken = document().replace("</Transaction>", "</Transactio>", 1).encode()
    with pytest.raises(InputError, match=r"line \d+: .*not well-formed"):
        import_file(con, broken, "broken.xml")
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 0


def test_saft_of_another_country_is_refused(con):
    norwegian = document().replace(":DK", ":NO").encode()
    with pytest.raises(InputError, match="another country"):
        import_file(con, norwegian, "no.xml")


@pytest.mark.parametrize(("data", "kind"), [
    (b'{"entries": []}', "json"), (b"[1, 2]", "json"), (b"<?xml version='1.0'?><invoice/>", "xml"),
    (b"%PDF-1.7\n...", "pdf"), (b"\x89PNG\r\n\x1a\n....", "image"), (b"\xff\xd8\xff\xe0....", "image"),
])
def test_formats_we_do_not_read_are_named(con, data, kind):
    with pytest.raises(UnsupportedFormat) as refused:
        import_file(con, data, f"file.{kind}")
    assert refused.value.kind == kind and "export SAF-T or CSV" in str(refused.value)


def test_a_zip_that_is_not_a_workbook_is_named(con, tmp_path):
    import zipfile

    path = tmp_path / "bilag.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.csv", "x")
    with pytest.raises(UnsupportedFormat, match="ZIP archive"):
        import_file(con, path, path.name)


def test_cli_exit_code_2_for_a_json_file(tmp_path, capsys):
    path = tmp_path / "export.json"
    path.write_text('{"a": 1}')
    assert main(["--db", str(tmp_path / "x.duckdb"), "import", str(path)]) == 2
    assert "this is a JSON file; export SAF-T or CSV from your bookkeeping system" in capsys.readouterr().err
