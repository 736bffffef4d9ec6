"""The Data page's own-books journey in AppTest: a stream changed per counterparty becomes a rule; the Rules tab
edits, saves and applies rules; the Agreements page accepts proposed cost lines and the file's balance; undoing the
only own import offers the demo back."""

from __future__ import annotations

from seconomy import store
from tests.data.banks.make_banks import HERE
from tests.ui.apptest import open_page, texts

PLAIN = b"Dato;Tekst;Bel\xf8b;Kunde\n05-01-2026;Kaffe;1.000,00;Caf\xe9 Solsikken\n06-01-2026;Bevilling;5.000,00;Velux Fonden\n"


def _upload(at, name: str, data: bytes):
    at.get("file_uploader")[0].set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def _edit(at, key: str, rows: dict) -> None:
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception


def test_a_stream_changed_in_the_preview_becomes_a_rule(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _upload(open_page("pages/data.py", lang="en"), "kasse.csv", PLAIN)
    scope = at.session_state["data_scope"]
    _edit(at, f"data_counterparties_{scope}", {1: {"stream": "Other"}})  # Café Solsikken (the smaller amount, row 1)
    assert "1 changes become rules when you import." in texts(at)
    next(b for b in at.button if str(b.key).startswith("data_confirm_")).click().run()
    with store.session(db) as con:
        assert dict(con.execute("SELECT counterparty, stream FROM entries").fetchall()) == {
            "Café Solsikken": "other", "Velux Fonden": "foundation_grant"}
        assert con.execute("SELECT match, field, stream, origin FROM rules ORDER BY position LIMIT 1").fetchall() == [
            ("Café Solsikken", "counterparty", "other", "user")]


def test_rules_are_edited_saved_and_applied_again(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _upload(open_page("pages/data.py", lang="en"), "kasse.csv", PLAIN)
    next(b for b in at.button if str(b.key).startswith("data_confirm_")).click().run()
    _edit(at, "rules_table_0", {0: {"match": "Velux", "field": "counterparty", "stream": "Other", "municipality": None}})
    at.button(key="rules_save").click().run()
    assert "rules saved" in at.success[0].value
    at.button(key="rules_check").click().run()
    assert "1 entries get another stream, municipality or payer, and 0 are left out." in texts(at)
    at.button(key="rules_reclassify").click().run()
    assert "The rules were applied: 1 entries changed" in at.success[0].value
    with store.session(db) as con:
        assert con.execute("SELECT stream FROM entries WHERE counterparty = 'Velux Fonden'").fetchall() == [("other",)]


def test_an_invalid_rule_is_explained_with_its_row(tmp_path, monkeypatch):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "x.duckdb"))
    at = open_page("pages/data.py", lang="en")
    _edit(at, "rules_table_0", {0: {"municipality": "Atlantis"}})
    at.button(key="rules_save").click().run()
    assert "Row 1, Municipality: is not a Danish municipality \\(Atlantis\\)" in at.error[0].value  # escaped markdown


def test_the_agreements_page_proposes_cost_lines_and_offers_the_balance(one_month_db):
    at = open_page("pages/agreements.py", lang="en")
    assert "Here is a proposal from the booked costs of the last 1 months" in texts(at)
    at.button(key="proposals_accept").click().run()
    assert "3 cost lines were added." in texts(at)
    with store.session(one_month_db) as con:
        lines = dict(con.execute("SELECT category, monthly_amount FROM costs").fetchall())
    # One month of booked costs (tests/data/banks/make_banks.py): each category's month is its monthly line.
    assert {k: float(v) for k, v in lines.items()} == {"Løn / Løn": 25000.0, "Bolig / Husleje": 8000.0,
                                                       "Dagligvarer / Supermarked": 1234.56}
    assert "The latest balance in an imported file is DKK 178,075.94" in texts(at)
    at.button(key="proposals_use_balance").click().run()
    with store.session(one_month_db) as con:
        assert dict(con.execute("SELECT name, value FROM settings WHERE name IN ('opening_cash', 'cash_date')").fetchall()) == {
            "opening_cash": "178075.94", "cash_date": "2026-11-25"}


def test_the_scenarios_page_says_costs_are_missing_instead_of_forecasting(one_month_db):
    at = open_page("pages/scenarios.py", lang="en")
    assert not at.exception and "No costs are entered yet" in at.warning[0].value


def test_undoing_the_only_own_import_offers_the_demo_back(demo_db):
    at = _upload(open_page("pages/data.py", lang="en"), "danske_bank.csv", (HERE / "danske_bank.csv").read_bytes())
    next(b for b in at.button if str(b.key).startswith("data_confirm_")).click().run()
    at.button(key="data_undo").click().run()
    assert "Do you want the demo enterprise back?" in texts(at)
    at.button(key="data_demo_restore").click().run()
    with store.session(demo_db) as con:
        assert store.has_demo(con)
