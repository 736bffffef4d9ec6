"""A database made by v0.1 (schema 2) migrates to today's schema keeping every entry, resolved as before."""

from __future__ import annotations

import duckdb

from seconomy import store
from seconomy.ingest.importer import import_file
from seconomy.store.schema import migrate
from tests.ingest.helpers import OK, totals


def _v01(path) -> None:
    """The v0.1 database: schema 2 and its way of storing entries (with the md5 fingerprint)."""
    con = duckdb.connect(str(path))
    migrate(con, target=2)
    assert con.execute("INSERT INTO imports (file_name) VALUES ('old.csv') RETURNING id").fetchall() == [(1,)]
    con.execute("""INSERT INTO entries VALUES
        ('2026-01-05', 12500.00, 'municipal_contract', 'Københavns Kommune, Socialforvaltningen', 101, 'Forløb januar', 'F1001', 1, 'x', 1),
        ('2026-01-09', 1234.50, 'product_sale', 'Café Solsikke', NULL, 'Kager til møde', 'F1002', 1, 'y', 1),
        ('2026-01-15', 8000.00, 'wage_subsidy', 'Jobcenter Århus', 751, 'Løntilskud januar', 'F1003', 1, 'z', 1)""")
    con.close()


def test_a_v01_database_migrates_and_keeps_its_entries(tmp_path):
    path = tmp_path / "old.duckdb"
    _v01(path)
    with store.session(path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        assert totals(con) == {"København": 1250000, "Café Solsikke": 123450, "Aarhus": 800000}
        resolved = con.execute("SELECT payer, stream_by, municipality_by, payer_by FROM entries ORDER BY entry_date").fetchall()
        assert resolved == [("København", "column", "column", "municipality"), ("Café Solsikke", "column", None, "counterparty"),
                            ("Aarhus", "column", "column", "municipality")]
        assert con.execute("SELECT count(*) FROM rules WHERE origin = 'default'").fetchall()[0][0] > 10


def test_reimporting_a_file_into_a_migrated_database_doubles_nothing(tmp_path):
    path = tmp_path / "old.duckdb"
    _v01(path)  # three of the file's twelve lines were imported by v0.1
    with store.session(path) as con:
        again = import_file(con, OK / "da_semicolon_cp1252.csv", "again.csv")
    assert again.outcome.rows_added == 9 and again.outcome.rows_present == 3
