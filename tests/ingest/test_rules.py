"""Classification rules: reading and checking them, first match per field, words inside compounds, what files state."""

from __future__ import annotations

import unicodedata

import duckdb
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from seconomy.errors import InputError
from seconomy.ingest.importer import import_file
from seconomy.ingest.ledger import ImportOptions
from seconomy.ingest.rulefile import read_rules, rules_csv
from seconomy.ingest.rules import DEFAULT_RULES, Rule, clean_rule, fold_sql
from seconomy.text import fold


def _import(con, text: str, rules: tuple[Rule, ...] | None = None) -> list[tuple]:
    import_file(con, text.encode(), "x.csv", ImportOptions(rules=rules))
    return con.execute("SELECT counterparty, stream, payer, municipality_code, stream_by FROM entries ORDER BY entry_date, "
                       "counterparty").fetchall()


PLAIN = "Dato;Tekst;Beløb;Kunde\n"


def test_a_plain_ledger_without_stream_column_imports_with_sensible_streams(con):
    rows = _import(con, PLAIN + "05-01-2026;Kaffe;1.000,00;Café Solsikken\n06-01-2026;Bevilling;250.000,00;Bikubenfonden\n"
                   "07-01-2026;Forløb december;24.000,00;Gladsaxe Kommune\n08-01-2026;Puljemidler 2026;50.000,00;Socialstyrelsen\n"
                   "09-01-2026;Refusion;8.000,00;Jobcenter København\n")
    assert rows == [
        ("Café Solsikken", "product_sale", "Café Solsikken", None, "rule:*"),
        ("Bikubenfonden", "foundation_grant", "Bikubenfonden", None, "rule:fond"),
        ("Gladsaxe Kommune", "municipal_contract", "Gladsaxe", 159, "rule:forløb"),
        ("Socialstyrelsen", "public_grant", "Socialstyrelsen", None, "rule:pulje"),
        ("Jobcenter København", "wage_subsidy", "København", 101, "rule:refusion"),
    ]


def test_card_acquirers_are_one_payer(con):
    rows = _import(con, PLAIN + "05-01-2026;Udbetaling;1.000,00;MobilePay\n06-01-2026;Settlement;500,00;Nets Denmark A/S\n")
    assert {(r[1], r[2]) for r in rows} == {("product_sale", "Kortbetalinger")}


def test_for_each_field_the_first_matching_rule_wins(con):
    rules = (Rule("fond", stream="other"), Rule("fond", stream="foundation_grant"), Rule("fond", payer="Fondene"))
    rows = _import(con, PLAIN + "05-01-2026;x;100,00;Velux Fonden\n", rules)
    assert rows == [("Velux Fonden", "other", "Fondene", None, "rule:fond")]


def test_a_regular_expression_is_case_insensitive_and_folds_danish_letters(con):
    rules = (Rule("re:^kæffe", stream="other"), Rule("*", stream="product_sale"))
    rows = _import(con, PLAIN + "05-01-2026;KÆFFEMASKINE;100,00;Lejer\n06-01-2026;Te;100,00;Lejer B\n", rules)
    assert [r[1] for r in rows] == ["other", "product_sale"]


def test_the_files_stream_column_wins_over_the_default_rules(con):
    text = "Dato;Kunde;Kategori;Beløb\n05-01-2026;Københavns Kommune, Rådhuskantinen;Salg;1.000,00\n"
    assert _import(con, text) == [("Københavns Kommune, Rådhuskantinen", "product_sale", "København", 101, "column")]


def test_an_exclusion_rule_leaves_the_line_out_and_counts_it(con):
    rules = (Rule("opsparing", exclude=True), *DEFAULT_RULES)
    result = import_file(con, (PLAIN + "05-01-2026;Fra opsparing;5.000,00;Egen konto\n06-01-2026;Kaffe;100,00;Café\n").encode(),
                         "x.csv", ImportOptions(rules=rules))
    assert result.preview.staged.skipped == {"excluded": 1} and result.outcome.rows_added == 1


def test_a_company_is_never_a_municipality_payer_because_of_a_kommune_column(con):
    text = "Dato;Kunde;Kommune;Kategori;Beløb\n05-01-2026;Odense Saftværk ApS;Odense;Salg;1.000,00\n"
    result = import_file(con, text.encode(), "x.csv")
    assert con.execute("SELECT payer, municipality_code, municipality_by FROM entries").fetchall() == [
        ("Odense Saftværk ApS", None, "company_form")]
    assert result.preview.staged.not_municipal["counterparty"].tolist() == ["Odense Saftværk ApS"]


@pytest.mark.parametrize(("raw", "problem"), [
    ({"match": "", "stream": "salg"}, ("match", "required")),
    ({"match": "x", "stream": "lotto"}, ("stream", "choice")),
    ({"match": "x", "municipality": "Atlantis"}, ("municipality", "municipality")),
    ({"match": "re:(?<=a)b", "stream": "salg"}, ("match", "rule_regex")),
    ({"match": "x"}, ("stream", "rule_empty")),
    ({"match": "x", "stream": "salg", "field": "sky"}, ("field", "choice")),
    ({"match": "010190-1234", "stream": "salg"}, ("match", "rule_cpr")),
    ({"match": "x", "exclude": "måske"}, ("exclude", "rule_flag")),
])
def test_bad_rules_are_refused_with_their_reason(raw, problem):
    rule, problems = clean_rule(raw)
    assert rule is None and (problems[0].column, problems[0].code) == problem
    assert "010190-1234" not in " ".join(p.value for p in problems)


def test_the_rule_file_round_trips_and_keeps_defaults_as_defaults(tmp_path):
    path = tmp_path / "regler.csv"
    rules = [Rule("Velux", "counterparty", "foundation_grant"), *DEFAULT_RULES]
    path.write_bytes(rules_csv(rules))
    back = read_rules(path, path.name)
    assert [(r.match, r.field, r.stream, r.payer, r.municipality, r.exclude) for r in back] == [
        (r.match, r.field, r.stream, r.payer, r.municipality, r.exclude) for r in rules]
    assert [r.origin for r in back] == ["user"] + ["default"] * len(DEFAULT_RULES)


def test_a_bad_rule_file_names_every_line(tmp_path):
    path = tmp_path / "regler.csv"
    path.write_text("match;field;stream;payer;municipality;exclude\nfond;any;lotto;;;\n;any;salg;;;\nx;any;salg;;Atlantis;\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_rules(path, path.name)
    assert [str(e) for e in refused.value.errors] == [
        "line 2: stream: must be one of: product_sale, municipal_contract, wage_subsidy, foundation_grant, public_grant, other "
        "('lotto')", "line 3: match: is required", "line 4: municipality: is not a Danish municipality ('Atlantis')"]


def _plain(character: str) -> bool:
    """Characters without a compatibility decomposition (² and ﬁ fold to 2 and fi in Python, not in SQL)."""
    return unicodedata.normalize("NFKD", character) == unicodedata.normalize("NFD", character)


@settings(max_examples=200, deadline=None)
@example("\uabe3")  # a spacing mark (Mc): DuckDB's strip_accents drops it, so must fold
@example("\uac00")  # a Hangul syllable: strip_accents leaves it composed
@given(st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs", "Cc")).filter(_plain)
               | st.sampled_from(["æ", "Ø", "å", "\u00a0", "\u202f", "\u2003", "\u2028", "\u212b", "-", "_", " ", "é", "ü"]), max_size=30))
def test_sql_folding_equals_python_folding(text):
    con = duckdb.connect()
    assert con.execute(f"SELECT {fold_sql('?')}", [text]).fetchall()[0][0] == fold(text)
