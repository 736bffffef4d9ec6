"""Reclassify: the rules applied again to stored entries, in one transaction, recorded and undoable."""

from __future__ import annotations

import json

import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.errors import InputError
from seconomy.ingest.history import import_history, undo
from seconomy.ingest.importer import import_file
from seconomy.ingest.reclassify import reclassify
from seconomy.ingest.rules import DEFAULT_RULES, Rule

LEDGER = ("Dato;Tekst;Beløb;Kunde\n05-01-2026;Kaffe;1.000,00;Café Solsikken\n06-01-2026;Donation;5.000,00;Velux Fonden\n"
          "07-01-2026;Fra opsparing;9.000,00;Egen opsparing\n").encode()


def _streams(con) -> dict[str, str]:
    return dict(con.execute("SELECT counterparty, stream FROM entries").fetchall())


def test_a_new_rule_reclassifies_and_undo_restores(con):
    import_file(con, LEDGER, "x.csv")
    assert _streams(con)["Café Solsikken"] == "product_sale"
    store.replace_rules(con, [Rule("Solsikken", "counterparty", "other"), Rule("opsparing", exclude=True), *DEFAULT_RULES])
    result = reclassify(con)
    assert (result.changed, result.excluded) == (1, 1)
    assert _streams(con) == {"Café Solsikken": "other", "Velux Fonden": "foundation_grant"}
    assert con.execute("SELECT stream_by FROM entries WHERE counterparty = 'Café Solsikken'").fetchall() == [("rule:Solsikken",)]
    history = import_history(con)
    assert history["kind"].tolist()[0] == "reclassify"
    assert undo(con, result.import_id) == 2
    assert _streams(con) == {"Café Solsikken": "product_sale", "Velux Fonden": "foundation_grant",
                             "Egen opsparing": "product_sale"}


def test_a_dry_run_changes_nothing(con):
    import_file(con, LEDGER, "x.csv")
    store.replace_rules(con, [Rule("Solsikken", "counterparty", "other"), *DEFAULT_RULES])
    result = reclassify(con, dry_run=True)
    assert result.changed == 1 and result.import_id is None
    assert _streams(con)["Café Solsikken"] == "product_sale"
    assert (import_history(con)["kind"] == "reclassify").sum() == 0


def test_reclassify_keeps_what_the_file_stated(con):
    import_file(con, "Dato;Kunde;Kategori;Beløb\n05-01-2026;Velux Fonden;Andet;1.000,00\n".encode(), "x.csv")
    result = reclassify(con)
    assert result.changed == 0 and _streams(con) == {"Velux Fonden": "other"}


def test_an_earlier_reclassification_cannot_be_undone_before_a_later_one(con):
    import_file(con, LEDGER, "x.csv")
    store.replace_rules(con, [Rule("Solsikken", "counterparty", "other"), *DEFAULT_RULES])
    first = reclassify(con)
    store.replace_rules(con, [Rule("Solsikken", "counterparty", "public_grant"), *DEFAULT_RULES])
    second = reclassify(con)
    with pytest.raises(InputError, match=f"undo #{second.import_id} first"):
        undo(con, first.import_id)
    undo(con, second.import_id)
    undo(con, first.import_id)
    assert _streams(con)["Café Solsikken"] == "product_sale"


def test_reclassify_on_an_empty_database_says_so(con):
    with pytest.raises(InputError, match="no entries"):
        reclassify(con)


def test_cli_reclassify_json_and_rules_round_trip(tmp_path, capsys):
    db, source, rules = str(tmp_path / "x.duckdb"), tmp_path / "ledger.csv", tmp_path / "regler.csv"
    source.write_bytes(LEDGER)
    assert main(["--db", db, "import", str(source)]) == 0
    assert main(["--db", db, "rules", "export", str(rules)]) == 0
    text = rules.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "match;field;stream;payer;municipality;exclude"
    rules.write_text(text.replace("match;field;stream;payer;municipality;exclude\n",
                                  "match;field;stream;payer;municipality;exclude\nVelux;counterparty;other;;;false\n"),
                     encoding="utf-8")
    assert main(["--db", db, "rules", "import", str(rules)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "reclassify", "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["changed"] == 1 and dry["import_id"] is None and dry["moves"][0]["from"] == "foundation_grant"
    assert main(["--db", db, "reclassify", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["changed"] == 1 and done["import_id"] == 2
    assert main(["--db", db, "undo", "2"]) == 0


def test_import_with_a_rules_file(tmp_path, capsys):
    db, source, rules = str(tmp_path / "x.duckdb"), tmp_path / "ledger.csv", tmp_path / "regler.csv"
    source.write_bytes(LEDGER)
    rules.write_text("match;field;stream;payer;municipality;exclude\n*;any;other;;;\n", encoding="utf-8")
    assert main(["--db", db, "import", str(source), "--rules", str(rules), "--json"]) == 0
    with store.session(db) as con:
        assert set(_streams(con).values()) == {"other"}
    assert main(["--db", db, "import", str(source), "--rules", str(tmp_path / "nope.csv")]) == 2
