"""Exports: a machine-readable CSV, an XLSX, formula injection neutralised in text only, and a lossless round trip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.errors import UsageError
from seconomy.ingest.classify import COMPANY_FORM
from seconomy.ingest.cpr import has_cpr
from seconomy.ingest.export import csv_bytes, neutralise, write_export, xlsx_bytes
from seconomy.ingest.importer import import_file
from seconomy.ingest.payers import infer_municipality
from seconomy.ingest.values import BLANKS
from seconomy.streams import STREAMS
from tests.ingest.helpers import totals

COLUMNS = ["line", "entry_date", "amount_ore", "stream", "counterparty", "municipality_code", "description", "reference"]
ROWS = [
    (2, dt.date(2026, 1, 5), -1350000, "product_sale", "=HYPERLINK(\"http://x\")", None, "-12 kr. rabat", "@ref"),
    (3, dt.date(2026, 1, 6), 1234550, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101, "Forløb; jan", "+45"),
    (4, dt.date(2026, 1, 7), 5, "other", 'Say "hi", ApS', None, "'=already quoted", None),
]


def _ledger(con, rows=ROWS):
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    store.add_entries(con, frame, file_name="generated")


def test_csv_export_is_machine_readable(con):
    _ledger(con)
    data = csv_bytes(con)
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["date", "amount", "stream", "counterparty", "municipality_code", "municipality", "description", "reference"]
    assert rows[1] == ["2026-01-05", "-13500.00", "product_sale", "'=HYPERLINK(\"http://x\")", "", "", "'-12 kr. rabat", "'@ref"]
    assert rows[2] == ["2026-01-06", "12345.50", "municipal_contract", "Københavns Kommune, Socialforvaltningen", "101",
                       "København", "Forløb; jan", "'+45"]
    assert rows[3][:2] == ["2026-01-07", "0.05"]


def test_neutralise_touches_text_that_starts_like_a_formula_only():
    assert [neutralise(v) for v in ("=1+1", "+45", "-x", "@a", "'=x", "a=b", "", -5, None)] == [
        "'=1+1", "'+45", "'-x", "'@a", "''=x", "a=b", "", -5, None]


def test_xlsx_export_has_date_and_number_cells_and_inert_text(con):
    _ledger(con)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(con))).active
    first = [c for c in sheet[2]]
    assert isinstance(first[0].value, dt.datetime) and first[1].value == -13500 and first[1].data_type == "n"
    assert first[3].value == "'=HYPERLINK(\"http://x\")" and first[3].data_type == "s"


def test_export_refuses_other_extensions(con, tmp_path):
    with pytest.raises(UsageError, match="csv or .xlsx"):
        write_export(con, tmp_path / "x.json")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_restores_the_figures_exactly(con, tmp_path, suffix):
    _ledger(con)
    path = tmp_path / f"all{suffix}"
    assert write_export(con, path) == 3
    fresh = store.connect(store.MEMORY)
    import_file(fresh, path, path.name)
    assert totals(fresh) == totals(con)
    assert fresh.execute("SELECT counterparty, description, reference FROM entries ORDER BY entry_date").fetchall() == \
        con.execute("SELECT counterparty, description, reference FROM entries ORDER BY entry_date").fetchall()
    fresh.close()


# --- property: any valid ledger, exported and imported again, gives the same totals per payer ----

_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("=+-@'\";,\t"),
                min_size=1, max_size=12)


def _valid_text(text: str) -> bool:
    return bool(text.strip(BLANKS)) and text == text.strip(BLANKS) and not has_cpr(text, "description")


_entry = st.tuples(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.integers(-10**9, 10**9),
    st.sampled_from(STREAMS),
    st.one_of(_text.filter(_valid_text), st.sampled_from(["Jobcenter Århus", "Odense Saftværk ApS", "Københavns Kommune"])),
    st.one_of(st.none(), st.sampled_from([101, 147, 751, 461])),
    st.one_of(st.none(), _text.filter(_valid_text)),
)


def _empty(con) -> None:
    con.execute("DELETE FROM entries")
    con.execute("DELETE FROM imports")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_entry, min_size=1, max_size=15), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_valid_ledger_exported_and_reimported_gives_the_same_totals_per_payer(con, tmp_path_factory, entries, suffix):
    # As an import stores them: a company (ApS, A/S …) is never a municipality payer, whatever a kommune column says.
    rows = [(i + 2, day, ore, stream, cp, None if re.search(COMPANY_FORM, cp) else code if code is not None
             else infer_municipality(cp), text, None) for i, (day, ore, stream, cp, code, text) in enumerate(entries)]
    _empty(con)  # one database for every example: migrating a fresh one costs more than the test
    _ledger(con, rows)
    before = totals(con)
    path = tmp_path_factory.mktemp("roundtrip") / f"export{suffix}"
    write_export(con, path)
    _empty(con)
    import_file(con, path, path.name)
    assert totals(con) == before
