"""Every sample file: the good ones import to the same totals per payer, the bad ones name each bad line."""

from __future__ import annotations

import pytest

from seconomy import store
from seconomy.cli import main
from tests.data.make_samples import EXPECTED_TOTALS
from tests.ingest.helpers import ERRORS, OK, counts, totals

ACCOUNTS = str(OK / "accounts.csv")
UNKNOWN = ["--column", "date=Posted", "--column", "counterparty=Who", "--column", "municipality=Where",
           "--column", "stream=Kind", "--column", "amount=Sum"]
GOOD = {  # file -> extra CLI arguments
    "da_semicolon_cp1252.csv": [],
    "en_ledger.xlsx": [],
    "en_comma_bom.csv": [],
    "tab_dotted_dates.tsv": [],
    "slash_dates_plain_amounts.csv": [],
    "account_debet_kredit.csv": ["--accounts", ACCOUNTS],
    "account_income_negative.csv": ["--accounts", ACCOUNTS, "--income-negative"],
    "invoices_vat.csv": [],
    "named_sheet.xlsx": ["--sheet", "Indtægter"],
    "unknown_layout.csv": UNKNOWN,
}
ERROR_FILES = sorted(ERRORS.glob("*.csv"))


def test_every_good_sample_is_listed():
    listed = set(GOOD) | {"accounts.csv", "overlap_jan_jun.csv", "overlap_jan_dec.csv"}
    assert {p.name for p in OK.iterdir()} == listed


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_sample_imports_to_the_expected_totals_per_payer(name, tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", str(OK / name), *GOOD[name]]) == 0, capsys.readouterr().err
    assert "added 12 rows, 0 already present, 0 rejected" in capsys.readouterr().out
    with store.session(db) as con:
        assert totals(con) == EXPECTED_TOTALS


def test_danish_cp1252_csv_and_english_xlsx_give_identical_totals(tmp_path):
    found = []
    for name in ("da_semicolon_cp1252.csv", "en_ledger.xlsx"):
        db = str(tmp_path / f"{name}.duckdb")
        assert main(["--db", db, "import", str(OK / name)]) == 0
        with store.session(db) as con:
            found.append(totals(con))
            rows = con.execute("SELECT count(*), count(municipality_code) FROM entries").fetchall()[0]
    assert found[0] == found[1] == EXPECTED_TOTALS
    assert rows == (12, 5)  # three named, two inferred (Jobcenter Århus, Frederiksberg Kommune), not Odense Saftværk ApS


def test_importing_one_layout_after_another_doubles_nothing(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    assert main(["--db", db, "import", str(OK / "da_semicolon_cp1252.csv")]) == 0
    assert main(["--db", db, "import", str(OK / "tab_dotted_dates.tsv")]) == 0
    assert "added 0 rows, 12 already present" in capsys.readouterr().out
    with store.session(db) as con:
        assert totals(con) == EXPECTED_TOTALS


@pytest.mark.parametrize("path", ERROR_FILES, ids=lambda p: p.stem)
def test_bad_sample_names_each_bad_line_and_writes_nothing(path, demo_db, capsys):
    with store.session(demo_db) as con:
        before = counts(con)
    assert main(["--db", str(demo_db), "import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ") and "nothing was imported" in err[0]
    assert err[1:] == path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    with store.session(demo_db) as con:
        assert counts(con) == before  # the all-or-nothing rule: not even the demo was removed


def test_cpr_numbers_never_reach_the_database_even_with_skip_invalid(tmp_path, capsys):
    db = str(tmp_path / "x.duckdb")
    rejected = tmp_path / "rejected.csv"
    for name in ("cpr_in_description.csv", "cpr_bare_in_counterparty.csv"):
        assert main(["--db", db, "import", str(ERRORS / name), "--skip-invalid", "--rejected", str(rejected)]) == 0
        assert "010190" not in rejected.read_text(encoding="utf-8-sig")
    assert "010190" not in capsys.readouterr().err
    with store.session(db) as con:
        texts = con.execute("SELECT string_agg(concat_ws('|', counterparty, description, reference), '|') FROM entries").fetchall()
    assert "010190" not in texts[0][0]
