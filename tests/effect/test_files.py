"""The placements file: Danish or English headers, all or nothing, keyed by (participant, start), no notes, no codes out."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.effect import files
from seconomy.effect.model import OUTCOMES, SCHEMES, looks_like_cpr, valid_participant
from seconomy.effect.queries import load_placements
from seconomy.errors import InputError
from tests.effect.conftest import HAND

HEADER = "participant,municipality,scheme,start,end,weekly price,monthly price,outcome,agreement,progression start,progression end\n"


def _count(con) -> int:
    return con.execute("SELECT count(*) FROM placements").fetchall()[0][0]


def _errors(con, text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        files.import_file(con, text.encode("utf-8"), "placements.csv")
    return [str(e) for e in caught.value.errors]


def test_the_hand_file_is_read_with_danish_headers_and_words(con):
    summary = files.import_file(con, HAND)
    assert summary.counts == store.UpsertCounts(added=11) and "semicolon" in summary.format
    stored = {r["participant_code"]: r for r in load_placements(con).to_dict("records")}
    assert {stored[p]["municipality_code"] for p in ("P1", "P2", "P3", "P4")} == {159}  # four spellings, one code
    assert stored["P2"]["price"] == Decimal("10000.00") and stored["P2"]["price_unit"] == "month"
    assert stored["P6"]["scheme"] == "beskyttet_beskaeftigelse_103" and stored["P6"]["outcome"] == "other_programme"
    assert stored["P7"]["end_date"] is None and stored["P7"]["outcome"] is None and stored["P7"]["score_start"] == 2


def test_english_headers_and_an_agreement(con):
    agreement = store.add_agreement(con, dict(stream="municipal_contract", counterparty="Gladsaxe Kommune",
                                              municipality_code=159, placements=4, price=2400, price_unit="week",
                                              start_date=dt.date(2025, 1, 1)))
    files.import_file(con, (HEADER + f"A1,Gladsaxe,work placement,2025-01-06,,2400,,,{agreement},3,\n").encode(), "p.csv")
    assert load_placements(con)["agreement_id"].tolist() == [agreement]


def test_every_bad_line_is_listed_and_nothing_is_written(con):
    text = HEADER + ("A1,Gladsaxe,virksomhedspraktik,2025-01-06,2025-02-28,2400,,job,,,\n"
                     "A2,Atlantis,virksomhedspraktik,2025-01-06,,2400,,,,,\n"
                     "A3,Gladsaxe,virksomhedspraktik,2025-01-06,2025-02-28,2400,,,99,,\n"
                     "A1,Gladsaxe,virksomhedspraktik,2025-01-06,,2400,,,,,\n")
    assert _errors(con, text) == [
        "line 3: municipality: is not a Danish municipality ('Atlantis')",
        "line 4: outcome: an ended placement needs an outcome",
        "line 4: agreement: there is no agreement 99 ('99')",
        "line 5: participant: participant and start appear more than once (first on line 2)",
    ]
    assert _count(con) == 0


def test_a_cpr_like_code_is_refused_never_echoed_never_stored(con):
    text = HEADER + "010190-1234,Gladsaxe,virksomhedspraktik,2025-01-06,,2400,,,,,\n"
    errors = _errors(con, text)
    assert errors == ["line 2: participant: looks like a CPR number: CPR numbers are never stored; use a pseudonym "
                      "chosen by you ('ddmmyy-xxxx')"]
    assert "010190" not in " ".join(errors) and _count(con) == 0


@pytest.mark.parametrize(("header", "code"), [("note", "notes_refused"), ("Bemærkning", "notes_refused"),
                                              ("navn", "identifying_column"), ("CPR-nummer", "identifying_column"),
                                              ("shoe size", "unknown_column")])
def test_notes_and_identifying_columns_are_refused(con, header, code):
    text = HEADER.rstrip("\n") + f",{header}\nA1,Gladsaxe,stu,2025-01-06,,2400,,,,,,x\n"
    with pytest.raises(InputError) as caught:
        files.import_file(con, text.encode(), "p.csv")
    assert caught.value.errors[0].line == 1 and caught.value.errors[0].column == header
    parsed = files.parse_table(files.read_table(text.encode(), "p.csv"), {})
    assert [f.problem.code for f in parsed.findings] == [code]


def test_missing_columns_are_named_once_not_per_line(con):
    errors = _errors(con, "deltager;kommune;start\nA1;Gladsaxe;06-01-2025\nA2;Gladsaxe;06-01-2025\n")
    assert errors == ["line 1: scheme: the file needs this column", "line 1: weekly price / monthly price: the file needs this column"]


def test_import_updates_by_participant_and_start_and_deletes_nothing(con):
    files.import_file(con, HAND)
    changed = ("Deltager;Kommune;Ordning;Start;Slut;Pris pr. uge;Udfald\n"
               "P7;159;Virksomhedspraktik;03-11-2025;30-01-2026;2.000,00;job\n"  # P7 ends now
               "P1;Gladsaxe;Virksomhedspraktik;06-01-2025;28-03-2025;2.000,00;job\n"  # P1's scores dropped: a change
               "P11;Gladsaxe;Mentor;05-01-2026;;2.000,00;\n")
    preview = files.preview_import(con, changed.encode(), "p.csv")
    assert preview.summary.counts == store.UpsertCounts(added=1, changed=2, unchanged=0) and _count(con) == 11
    files.import_file(con, changed.encode(), "p.csv")
    assert _count(con) == 12  # nothing removed
    again = files.import_file(con, changed.encode(), "p.csv")
    assert again.counts == store.UpsertCounts(added=0, changed=0, unchanged=3)
    p7 = load_placements(con).set_index("participant_code").loc["P7"]
    assert p7["end_date"] == dt.date(2026, 1, 30) and p7["outcome"] == "job"


def test_export_leaves_codes_out_unless_asked_and_round_trips_with_them(con):
    files.import_file(con, HAND)
    shared = files.export_bytes(con, ".csv", "en").decode()
    assert shared.splitlines()[0] == "municipality,scheme,start,end,weekly price,monthly price,outcome,agreement," \
                                     "progression start,progression end"
    assert "P1" not in shared and "HX1" not in shared
    full = files.export_bytes(con, ".csv", "da", with_codes=True)
    assert full.decode().startswith("deltager,kommune,ordning,start,slut,pris pr. uge,pris pr. måned,udfald,")
    assert files.import_file(con, full, "forloeb.csv").counts == store.UpsertCounts(unchanged=11)
    workbook = files.export_bytes(con, ".xlsx", "da", with_codes=True)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    assert sheet.title == "Forløb" and sheet["D2"].value.year in (2024, 2025)  # real date cells
    assert files.import_file(con, workbook, "forloeb.xlsx").counts == store.UpsertCounts(unchanged=11)


def test_formula_like_codes_are_neutralised_in_the_export_and_restored_on_import(con):
    files.import_file(con, (HEADER + "-1,Gladsaxe,stu,2025-01-06,,2400,,,,,\n").encode(), "p.csv")
    exported = files.export_bytes(con, ".csv", "en", with_codes=True).decode()
    assert "\n'-1,Gladsaxe," in exported
    assert files.import_file(con, exported.encode(), "p.csv").counts == store.UpsertCounts(unchanged=1)


def test_an_unknown_extension_is_a_usage_error(con):
    from seconomy.errors import UsageError
    with pytest.raises(UsageError):
        files.export_bytes(con, ".pdf")


@st.composite
def _placements(draw) -> list[dict]:
    rows, keys = [], set()
    for _ in range(draw(st.integers(1, 8))):
        code = draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}", fullmatch=True))
        start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
        if (code, start) in keys or not valid_participant(code) or looks_like_cpr(code):
            continue
        keys.add((code, start))
        end = draw(st.one_of(st.none(), st.dates(start, dt.date(2027, 12, 31))))
        rows.append({"participant_code": code, "municipality_code": draw(st.sampled_from([101, 159, 147, 851])),
                     "scheme": draw(st.sampled_from(SCHEMES)), "start_date": start, "end_date": end,
                     "price": Decimal(draw(st.integers(0, 10**8))) / 100, "price_unit": draw(st.sampled_from(["week", "month"])),
                     "outcome": None if end is None else draw(st.sampled_from(OUTCOMES)),
                     "score_start": draw(st.one_of(st.none(), st.decimals(-999, 999, places=2))), "score_end": None})
    return rows


@settings(max_examples=25, deadline=None)
@given(_placements(), st.sampled_from([".csv", ".xlsx"]), st.sampled_from(["da", "en"]))
def test_an_export_with_codes_imports_back_unchanged(rows, suffix, lang):
    con = store.connect(store.MEMORY)
    try:
        store.upsert_placements(con, rows)
        data = files.export_bytes(con, suffix, lang, with_codes=True)
        assert files.import_file(con, data, f"p{suffix}").counts == store.UpsertCounts(unchanged=len(rows))
    finally:
        con.close()
