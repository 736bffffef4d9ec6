"""Bank statements import with no options: income, costs (never credit notes), pending rows and own transfers
skipped and counted, the payer from the payer column or the text, the closing balance.

The fixtures (tests/data/banks/, written by make_banks.py from the banks' public descriptions) hold one fictional
month; the expected figures are worked out by hand in make_banks.py.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.cli import main
from seconomy.ingest.importer import import_file, preview
from tests.data.banks.make_banks import EXPECTED, HERE, SAVINGS, da
from tests.ingest.helpers import totals

# file -> (layout, has a pending row, payer of "Faktura 1042" when the bank names the payer in a column of its own)
BANK_FILES = {
    "danske_bank.csv": ("bank:danske", True, None),
    "danske_bank_6_columns.csv": ("bank:danske", True, None),
    "nordea.csv": ("bank:nordea", True, "Café Solsikken"),
    "jyske_bank.csv": ("bank:jyske", False, None),
    "nykredit.csv": ("bank:nykredit", False, "Café Solsikken"),
    "sydbank.csv": ("bank:sydbank", False, None),
    "arbejdernes_landsbank.csv": ("bank:headerless", False, None),
    "arbejdernes_landsbank_header.csv": ("bank:arbejdernes_landsbank", False, "Café Solsikken"),
    "lunar.csv": ("bank:lunar", False, None),
    "spar_nord.csv": ("bank:spar_nord", False, None),
    "unknown_bank.csv": ("bank:generic", False, None),
}


def _own_accounts(con) -> None:
    store.set_setting(con, "own_accounts", SAVINGS)


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_statement_imports_with_no_options(con, name):
    layout, pending, named = BANK_FILES[name]
    _own_accounts(con)
    result = import_file(con, HERE / name, name)
    staged = result.preview.staged
    assert result.preview.file_layout == layout
    assert staged.total_ore == round(EXPECTED["income_total"] * 100)
    assert staged.cost_ore == round(EXPECTED["cost_total"] * 100)
    assert staged.skipped == {"own_transfer": 1, **({"pending": 1} if pending else {})}
    assert staged.closing_balance[0].isoformat() == EXPECTED["closing_balance"][0]
    assert staged.closing_balance[1] == round(EXPECTED["closing_balance"][1] * 100)
    paid = totals(con)
    assert paid["København"] == 1250000 and paid["Gladsaxe"] == 2436000 and paid["Kortbetalinger"] == 345050
    assert paid[named or "Café Solsikken Faktura 1042"] == 200000
    # 8.000,00 + 1.234,56 + 25.000,00 of costs, stored as positive costs
    assert con.execute("SELECT sum(amount) FROM actual_costs").fetchall()[0][0] == Decimal("34234.56")


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_bank_streams_come_from_the_default_rules(con, name):
    _own_accounts(con)
    import_file(con, HERE / name, name)
    streams = dict(con.execute("SELECT stream, CAST(sum(amount) * 100 AS BIGINT) FROM entries GROUP BY stream").fetchall())
    assert streams == {"wage_subsidy": 1250000, "municipal_contract": 2436000, "product_sale": 345050 + 200000,
                       "foundation_grant": 10000000}


def test_a_public_body_at_the_start_of_the_text_is_the_payer_and_the_rest_the_description(con):
    import_file(con, HERE / "danske_bank.csv", "danske_bank.csv")
    rows = con.execute("SELECT counterparty, description, municipality_code, municipality_by FROM entries "
                       "WHERE payer = 'København'").fetchall()
    assert rows == [("Jobcenter København", "Løntilskud oktober", 101, "rule:jobcenter")]


def test_danske_own_transfer_is_known_from_the_banks_category_without_settings(con):
    result = import_file(con, HERE / "danske_bank.csv", "danske_bank.csv")
    assert result.preview.staged.skipped == {"own_transfer": 1, "pending": 1}


def test_without_own_accounts_a_savings_transfer_is_income(con):
    result = import_file(con, HERE / "nordea.csv", "nordea.csv")
    assert result.preview.staged.skipped == {"pending": 1}
    assert result.preview.staged.total_ore == round(EXPECTED["income_total"] * 100) + 5000000


def test_the_enterprise_name_as_counterparty_is_an_own_transfer(con):
    store.set_setting(con, "enterprise_name", "Kaffekollektivet ApS")
    data = ("Dato;Tekst;Beløb;Saldo\n02.11.2026;Kaffekollektivet ApS;10.000,00;10.000,00\n"
            "03.11.2026;Café Solsikken;500,00;10.500,00\n").encode()
    staged = import_file(con, data, "x.csv").preview.staged
    assert staged.skipped == {"own_transfer": 1} and staged.total_ore == 50000


def test_bank_categories_are_cost_categories_never_streams(con):
    _own_accounts(con)
    import_file(con, HERE / "sydbank.csv", "sydbank.csv")
    categories = {c for (c,) in con.execute("SELECT DISTINCT category FROM actual_costs").fetchall()}
    assert categories == {"Bolig / Husleje", "Dagligvarer / Supermarked", "Løn / Løn"}
    assert {s for (s,) in con.execute("SELECT DISTINCT stream FROM entries").fetchall()} <= set(
        ["wage_subsidy", "municipal_contract", "product_sale", "foundation_grant"])


def test_a_headerless_file_keeps_its_first_row(con):
    _own_accounts(con)
    result = import_file(con, HERE / "arbejdernes_landsbank.csv", "arbejdernes_landsbank.csv")
    assert result.preview.header == ["1", "2", "3", "4"]
    assert result.preview.mapping == {"date": "1", "description": "2", "amount": "3", "balance": "4"}
    first = con.execute("SELECT min(entry_date) FROM entries").fetchall()[0][0]
    assert first.isoformat() == "2026-11-02"


def test_cli_import_json_names_the_layout_and_totals(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "settings", "set", "own_accounts", SAVINGS]) == 0
    capsys.readouterr()
    assert main(["--db", db, "import", str(HERE / "nordea.csv"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["layout"] == "bank:nordea"
    assert out["income_total"] == EXPECTED["income_total"] and out["cost_total"] == EXPECTED["cost_total"]
    assert out["skipped"] == {"pending": 1, "own_transfer": 1}
    assert out["closing_balance"] == {"date": "2026-11-25", "amount": 178075.94}


def test_set_cash_takes_the_closing_balance_with_its_date(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", str(HERE / "danske_bank.csv"), "--set-cash"]) == 0
    with store.session(db) as con:
        assert dict(con.execute("SELECT name, value FROM settings WHERE name IN ('opening_cash', 'cash_date')").fetchall()) == {
            "opening_cash": "178075.94", "cash_date": "2026-11-25"}


def test_preview_lists_each_counterparty_with_its_stream_and_rule(con):
    view = preview(con, HERE / "danske_bank.csv", "danske_bank.csv")
    rows = {r.counterparty: (r.stream, r.stream_by) for r in view.staged.counterparties.itertuples()}
    assert rows["Jobcenter København"] == ("wage_subsidy", "rule:løntilskud")
    assert rows["MobilePay Box 12345 udbetaling"] == ("product_sale", "rule:mobilepay")
    assert rows["Bikubenfonden bevilling 1. rate"] == ("foundation_grant", "rule:fond")
    assert con.execute("SELECT count(*) FROM entries").fetchall()[0][0] == 0


_ROW = st.tuples(st.integers(1, 28), st.integers(-5_000_000, 5_000_000).filter(lambda o: o != 0),
                 st.sampled_from(["normal", "pending", "own"]),
                 st.sampled_from(["Café Solsikken", "Jobcenter København refusion", "Netto", "Husleje", "MobilePay Box 1"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_ROW, min_size=1, max_size=25))
def test_every_row_of_a_bank_file_is_income_cost_own_transfer_or_pending(con, rows):
    """income_total + cost_total + own transfers + pending = the net of all rows, for any Danske Bank file."""
    con.execute("DELETE FROM entries")
    con.execute("DELETE FROM actual_costs")
    con.execute("DELETE FROM imports")
    lines = ['"Dato";"Kategori";"Underkategori";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"']
    for day, ore, kind, text in sorted(rows):
        category = "Overførsel mellem egne konti" if kind == "own" else "Ukategoriseret"
        status = "Venter" if kind == "pending" else "Udført"
        lines.append(f'"{day:02d}.11.2026";"Overførsler";"{category}";"{text}";"{da(ore)}";"";"{status}";"Nej"')
    staged = import_file(con, "\r\n".join(lines).encode("cp1252"), "danske.csv").preview.staged
    own = sum(o for _, o, k, _ in rows if k == "own")
    pending = sum(o for _, o, k, _ in rows if k == "pending")
    assert staged.total_ore + staged.cost_ore + own + pending == sum(o for _, o, _, _ in rows)
    assert staged.skipped.get("own_transfer", 0) == sum(k == "own" for _, _, k, _ in rows)
    assert staged.skipped.get("pending", 0) == sum(k == "pending" for _, _, k, _ in rows)
    assert staged.cost_ore <= 0 <= staged.total_ore
