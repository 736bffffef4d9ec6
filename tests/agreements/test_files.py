"""The flat file: export, import (replaces each section it contains), line-level errors, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import demo as _demo
from seconomy import store
from seconomy.agreements import files
from seconomy.agreements.queries import load_agreements, load_costs
from seconomy.errors import InputError, UsageError

DEMO_AGREEMENTS = len(_demo.generate().agreements)  # the demo ships this many agreements
DEMO_COSTS = len(_demo.generate().costs)

HEADER_DA = "type;id;indtægtstype;modpart;kommune;afdeling;pladser;pris;prisenhed;månedligt beløb;samlet beløb;udbetaling;" \
            "start;slut;opsigelse (mdr.);sandsynlighed for forlængelse;status;kategori;omkostningsart;andel af indtægt;note"


def _csv(*lines: str, header: str = HEADER_DA, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode(encoding)


def _snapshot(con):
    return (load_agreements(con).to_dict("records"), load_costs(con).to_dict("records"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_reimporting_an_export_changes_nothing(demo_con, suffix, lang):
    before = _snapshot(demo_con)
    summary = files.import_file(demo_con, files.export_bytes(demo_con, suffix, lang), f"export{suffix}")
    assert summary.agreements == store.ReplaceCounts(unchanged=len(before[0]))
    assert summary.costs == store.ReplaceCounts(unchanged=len(before[1]))
    assert _snapshot(demo_con) == before  # ids, values and demo flags


def test_csv_export_is_machine_readable(demo_con):
    text = files.export_bytes(demo_con, ".csv", "en").decode("utf-8")
    header, first = text.splitlines()[:2]
    assert header.startswith("type,id,stream,counterparty,municipality")
    assert first.startswith('agreement,1,municipal_contract,"Københavns Kommune, Socialforvaltningen",København,')
    assert ",6.00,2900.00,week,,,,2023-01-01,2027-12-31,3,,0.8,active," in first


def test_a_danish_semicolon_file_in_windows_1252_with_decimal_commas_is_read(con):
    data = _csv("aftale;;kommunal kontrakt;;Gladsaxe;Jobcenter;4;2.400,00;uge;;;;01-01-2027;31-12-2027;3;70 %;aktiv;;;;",
                "aftale;;fond;Spirefonden;;;;;;;400.000,00;kvartalsvis;01.04.2026;31.03.2027;;0,3;;;;;",
                "omkostning;;;;;;;;;46.000,00;;;;;;;;Husleje;fast;;", encoding="cp1252")
    summary = files.import_file(con, data, "aftaler.csv")
    assert "Windows-1252" in summary.format and "semicolon" in summary.format
    assert (summary.agreements.added, summary.costs.added) == (2, 1)
    rows = con.execute("SELECT counterparty, price, total_amount, schedule, renewal_probability, is_demo FROM agreements "
                       "ORDER BY id").fetchall()
    assert rows == [("Gladsaxe Kommune, Jobcenter", Decimal("2400.00"), None, None, 0.7, False),
                    ("Spirefonden", None, Decimal("400000.00"), "quarterly", 0.3, False)]


def test_every_bad_line_is_named_and_nothing_is_written(demo_con):
    before = _snapshot(demo_con)
    data = _csv("aftale;;kommunal kontrakt;;Gladsaxe;;4;-2400;uge;;;;01-01-2027;31-12-2027;;;;;;;",
                "aftale;;kommunal kontrakt;;Atlantis;;4;2400;uge;;;;01-01-2027;31-12-2026;;;;;;;",
                "aftale;;fond;Fonden;;;;;;;100000;kvartalsvis;01-01-2027;;;;;;;;",
                "omkostning;;;;;;;;;;;;;;;;;Husleje;fast;;")
    with pytest.raises(InputError) as caught:
        files.import_file(demo_con, data, "bad.csv")
    assert [str(e) for e in caught.value.errors] == [
        "line 2: pris: must not be negative ('-2400')",
        "line 3: kommune: is not a Danish municipality ('Atlantis')",
        "line 3: slut: ends before it starts (2027-01-01) ('31-12-2026')",
        "line 4: slut: a grant needs an end date (the end of its period)",
        "line 5: månedligt beløb: is required",
    ]
    assert _snapshot(demo_con) == before


def test_unknown_and_repeated_columns_are_errors_on_line_one(con):
    with pytest.raises(InputError) as caught:
        files.import_file(con, _csv("x;y;z", header="kategori;Kontaktperson;category"), "x.csv")
    errors = [(e.line, e.column, e.reason.split(" (")[0]) for e in caught.value.errors]
    assert (1, "Kontaktperson", "unknown column") in errors
    assert (1, "category", "names the same column as 'kategori'") in errors


def test_ids_repeated_in_one_section_are_errors_but_the_same_id_may_name_an_agreement_and_a_cost(con):
    data = _csv("aftale;7;løntilskud;;101;;;;;1000;;;2027-01-01;;;;;;;;",
                "aftale;7;løntilskud;;101;;;;;2000;;;2027-01-01;;;;;;;;",
                "omkostning;7;;;;;;;;5;;;;;;;;Leje;fast;;")
    with pytest.raises(InputError) as caught:
        files.import_file(con, data, "x.csv")
    assert [str(e) for e in caught.value.errors] == ["line 3: id: id 7 appears more than once (first on line 2) ('7')"]


def test_columns_of_the_other_section_are_errors(con):
    data = _csv("aftale;;løntilskud;;101;;;;;1000;;;2027-01-01;;;;;Husleje;;;", "omkostning;;;Fonden;;;;;;5;;;;;;;;Leje;fast;;")
    with pytest.raises(InputError) as caught:
        files.import_file(con, data, "x.csv")
    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "kategori"), (3, "modpart")]


def test_the_type_is_inferred_when_the_column_is_missing(con):
    data = "kategori;omkostningsart;månedligt beløb\r\nHusleje;fast;46000\r\n".encode()
    summary = files.import_file(con, data, "costs.csv")
    assert summary.agreements is None and summary.costs.added == 1


def test_a_file_replaces_only_the_sections_it_contains(demo_con):
    agreements_before = load_agreements(demo_con).to_dict("records")
    data = b"category,kind,monthly amount\nRent,fixed,50000\n"
    summary = files.import_file(demo_con, data, "costs.csv")
    assert summary.costs == store.ReplaceCounts(added=1, removed=7)
    assert load_agreements(demo_con).to_dict("records") == agreements_before
    assert load_costs(demo_con)["category"].tolist() == ["Rent"]


def test_an_edited_export_changes_exactly_what_was_edited(demo_con):
    text = files.export_bytes(demo_con, ".csv", "en").decode()
    lines = text.splitlines()
    lines[1] = lines[1].replace(",2900.00,", ",3100.00,")  # a new price for agreement 1
    del lines[2]  # agreement 2 removed
    lines.append("agreement,,wage_subsidy,,Herlev,Jobcenter,,,,9000,,,2027-01-01,,,,,,,,,")
    summary = files.import_file(demo_con, "\n".join(lines).encode(), "edited.csv")
    assert summary.agreements == store.ReplaceCounts(added=1, changed=1, unchanged=DEMO_AGREEMENTS - 2, removed=1)
    flags = dict(demo_con.execute("SELECT counterparty, is_demo FROM agreements").fetchall())
    assert flags["Herlev Kommune, Jobcenter"] is False and flags["Jobcenter København"] is True


def test_dry_run_reports_and_writes_nothing(demo_con):
    before = _snapshot(demo_con)
    summary = files.import_file(demo_con, b"category,kind,monthly amount\nRent,fixed,1\n", "c.csv", dry_run=True)
    assert summary.dry_run and summary.costs.removed == 7
    assert _snapshot(demo_con) == before


def test_formula_like_text_is_neutralised_in_the_export_and_restored_on_import(con):
    store.add_agreement(con, {"stream": "other", "counterparty": "=HYPERLINK(\"x\")", "monthly_amount": 1,
                              "start_date": dt.date(2027, 1, 1), "note": "@home"})
    text = files.export_bytes(con, ".csv", "en").decode()
    assert "'=HYPERLINK" in text and "'@home" in text
    summary = files.import_file(con, text.encode(), "x.csv")
    assert summary.agreements.unchanged == 1
    assert con.execute("SELECT counterparty, note FROM agreements").fetchall() == [('=HYPERLINK("x")', "@home")]


@given(st.text(max_size=12))
def test_neutralise_round_trips_every_text(text):
    assert files.unneutralise(files.neutralise(text)) == text
    assert not files.neutralise(text).startswith(("=", "+", "-", "@"))


def test_header_only_file_and_wrong_field_counts_are_reported(con):
    with pytest.raises(InputError) as caught:
        files.import_file(con, _csv(), "x.csv")
    assert "no agreement or cost lines" in str(caught.value.errors[0])
    with pytest.raises(InputError) as caught:
        files.import_file(con, b"category,kind,monthly amount\nRent,fixed,1,2,3\n", "x.csv")
    assert caught.value.errors[0].line == 2


def test_usage_errors_for_a_missing_file_and_a_sheet_of_a_csv(con, tmp_path):
    with pytest.raises(UsageError):
        files.import_file(con, tmp_path / "nope.csv")
    with pytest.raises(UsageError):
        files.import_file(con, b"category\nx\n", "x.csv", sheet="Aftaler")
    with pytest.raises(UsageError):
        files.export_bytes(con, ".json")


def test_xlsx_sheet_by_name(demo_con):
    data = files.export_bytes(demo_con, ".xlsx", "da")
    assert files.import_file(demo_con, data, "a.xlsx", sheet="Aftaler").agreements.unchanged == DEMO_AGREEMENTS
    with pytest.raises(InputError):
        files.import_file(demo_con, data, "a.xlsx", sheet="Costs")


money = st.decimals(min_value=0, max_value=10**8, places=2)
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s.strip())
contracts = st.fixed_dictionaries({
    "stream": st.sampled_from(["municipal_contract", "wage_subsidy"]), "counterparty": text,
    "municipality_code": st.sampled_from([101, 147, 159, 751, 851]), "department": st.none() | text,
    "monthly_amount": money, "start_date": st.dates(dt.date(2000, 1, 1), dt.date(2050, 1, 1)),
    "notice_months": st.none() | st.integers(0, 24), "renewal_probability": st.none() | st.sampled_from([0.0, 0.25, 0.7, 1.0]),
    "status": st.sampled_from(["active", "pending"]), "note": st.none() | text,
})
grants = st.fixed_dictionaries({
    "stream": st.sampled_from(["foundation_grant", "public_grant"]), "counterparty": text, "total_amount": money,
    "schedule": st.sampled_from(["monthly", "quarterly", "half_yearly", "yearly", "upfront"]),
    "start_date": st.just(dt.date(2027, 1, 1)), "end_date": st.dates(dt.date(2027, 1, 1), dt.date(2030, 1, 1)),
})


@pytest.fixture(scope="module")
def two_databases():
    source, target = store.connect(store.MEMORY), store.connect(store.MEMORY)
    yield source, target
    source.close()
    target.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(contracts | grants, min_size=1, max_size=6), suffix=st.sampled_from([".csv", ".xlsx"]),
       lang=st.sampled_from(["da", "en"]))
def test_any_agreements_survive_export_and_import_into_an_empty_database(two_databases, rows, suffix, lang):
    source, target = two_databases
    store.replace_plans(source, [], None)
    store.replace_plans(target, [], None)
    for row in rows:
        store.add_agreement(source, row)
    summary = files.import_file(target, files.export_bytes(source, suffix, lang), f"x{suffix}")
    assert summary.agreements.added == len(rows)
    keep = ["stream", "counterparty", "municipality_code", "department", "monthly_amount", "total_amount", "schedule",
            "start_date", "end_date", "notice_months", "renewal_probability", "status", "note"]
    assert load_agreements(target)[keep].to_dict("records") == load_agreements(source)[keep].to_dict("records")
