"""Fuzzing: mutated sample files end in a clean import or a clear error, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy.errors import SeconomyError
from seconomy.ingest.importer import import_file, preview
from seconomy.ingest.ledger import ImportOptions
from tests.ingest.helpers import ACCOUNTS, ERRORS, OK

SEEDS = [(OK / name).read_bytes() for name in ("da_semicolon_cp1252.csv", "en_comma_bom.csv", "tab_dotted_dates.tsv",
                                               "account_debet_kredit.csv", "invoices_vat.csv")]
SEEDS.append((ERRORS / "several_bad_rows.csv").read_bytes())
XLSX = (OK / "en_ledger.xlsx").read_bytes()
NASTY = [b";", b",", b"\t", b'"', b"\n", b"\r\n", b"\r", b"\x00", b"\xff", b"\xef\xbb\xbf", b"-", b".", b"31-02-2026",
         b"010190-1234", b"9" * 30, "ø".encode("cp1252"), "ø".encode(), b"=1+1", b"kr.", b""]


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate_line", "truncate"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(max_size=6))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "duplicate_line":
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            data = bytearray(b"\n".join(lines[: i + 1] + lines[i:]))
        else:
            data = data[:at]
    return bytes(data)


def _attempt(con, data: bytes, options: ImportOptions) -> None:
    try:
        import_file(con, data, "fuzz.csv", options)
    except SeconomyError as exc:
        assert str(exc).strip(), "an error must say what is wrong"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=mutated(), skip=st.booleans())
def test_mutated_csv_imports_cleanly_or_fails_clearly(con, data, skip):
    _attempt(con, data, ImportOptions(skip_invalid=skip, accounts=ACCOUNTS, income_negative=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(at=st.integers(0, len(XLSX) - 1), junk=st.binary(min_size=1, max_size=8))
def test_damaged_xlsx_fails_clearly(con, at, junk):
    _attempt(con, XLSX[:at] + junk + XLSX[at + len(junk):], ImportOptions())


@pytest.mark.parametrize("data", [b"", b"\n\n", b";;;\n;;;", b'"'])
def test_degenerate_files_fail_clearly_in_preview_too(con, data):
    with pytest.raises(SeconomyError):
        preview(con, data, "x.csv")


def test_a_file_missing_columns_previews_with_the_problem_and_what_was_recognised(con):
    view = preview(con, b"Dato;Posted\n05-01-2026;x\n", "x.csv")
    assert view.staged is None and "no counterparty" in view.problem and "no amount" in view.problem
    assert view.mapping == {"date": "Dato"} and view.header == ["Dato", "Posted"]
