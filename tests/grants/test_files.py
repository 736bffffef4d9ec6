"""The pipeline file: export and import back unchanged, Danish headers, line errors, all or nothing, grants."""

from __future__ import annotations

import pytest

from seconomy import demo
from seconomy.errors import InputError
from seconomy.grants import edit, files
from tests.grants.helpers import application

DANISH = ("fond;type;projekt;beløb;start;slut;udbetaling;fase;sandsynlighed;ansøgningsfrist;svardato;timer;"
          "afrapportering;bindinger\n")


def _count(con, sql="SELECT count(*) FROM applications"):
    return con.execute(sql).fetchall()[0][0]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_unedited_export_imports_as_no_change(con, suffix, lang):
    demo.install(con)
    before = con.execute("SELECT * EXCLUDE (updated_at) FROM applications ORDER BY id").fetchall()
    summary = files.import_file(con, files.export_bytes(con, suffix, lang), f"pipeline{suffix}")
    assert summary.counts.as_dict() == {"added": 0, "changed": 0, "unchanged": 17, "removed": 0, "granted": 0,
                                        "ungranted": 0}
    assert con.execute("SELECT * EXCLUDE (updated_at) FROM applications ORDER BY id").fetchall() == before


def test_a_danish_file_with_danish_words(con):
    text = DANISH + ("Egebjerg Fonden;fond;Grønne jobs;450.000;01-03-2027;29-02-2028;kvartalsvis;indsendt;35 %;"
                     "15-01-2027;01-03-2027;12,5;30-09-2027; 31-03-2028;Mindst 4 pladser\n")
    text = text.replace("30-09-2027; 31-03-2028", '"30-09-2027; 31-03-2028"')
    summary = files.import_file(con, text.encode("utf-8"), "ansøgninger.csv")
    assert summary.counts.added == 1
    row = con.execute("SELECT funder, funder_kind, amount, schedule, stage, probability, report_due, effort_hours "
                      "FROM applications").fetchall()[0]
    assert row[:6] == ("Egebjerg Fonden", "foundation", 450000, "quarterly", "submitted", 0.35)
    assert [d.isoformat() for d in row[6]] == ["2027-09-30", "2028-03-31"] and float(row[7]) == 12.5


def test_bad_lines_are_all_listed_and_nothing_is_written(con):
    edit.save_application(con, application())
    text = ("funder,amount,start,end,schedule,stage,probability,colour\n"
            "Fond A,-100,2027-01-01,2027-12-31,upfront,submitted,0.2,red\n"
            "Fond B,100,2027-05-01,2027-01-01,upfront,maybe,150 %,blue\n")
    with pytest.raises(InputError) as err:
        files.import_file(con, text.encode(), "bad.csv")
    shown = [str(e) for e in err.value.errors]
    assert "line 1: colour: unknown column (known: id, funder, kind, project, amount, start, end, schedule, stage, " \
           "probability, deadline, decision, effort hours, report due, restrictions; or the Danish headers)" in shown
    assert "line 2: amount: must not be negative ('-100')" in shown
    assert "line 3: end: ends before it starts (2027-05-01) ('2027-01-01')" in shown
    assert "line 3: stage: must be one of: idea, drafting, submitted, shortlisted, granted, rejected ('maybe')" in shown
    assert "line 3: probability: must be between 0 and 1 (or 0 % to 100 %) ('150 %')" in shown
    assert _count(con) == 1  # untouched


def test_a_missing_column_is_named_with_its_english_header(con):
    with pytest.raises(InputError) as err:
        files.import_file(con, "fond;start;slut;fase\nFond A;2027-01-01;2027-12-31;idé\n".encode(), "x.csv")
    assert {str(e) for e in err.value.errors} == {"line 2: amount: a grant application needs the amount applied for",
                                                  "line 2: schedule: is required"}


def test_duplicate_ids_are_refused(con):
    text = "id,funder,amount,start,end,schedule,stage\n1,A,1,2027-01-01,2027-01-31,upfront,idea\n" \
           "1,B,1,2027-01-01,2027-01-31,upfront,idea\n"
    with pytest.raises(InputError) as err:
        files.import_file(con, text.encode(), "x.csv")
    assert [str(e) for e in err.value.errors] == ["line 3: id: id 1 appears more than once (first on line 2) ('1')"]


def test_a_row_set_to_granted_creates_its_agreement_and_back_removes_it(con):
    app = edit.save_application(con, application(funder="Fond A")).id
    exported = files.export_bytes(con, ".csv").decode()
    granted = exported.replace(",submitted,", ",granted,")
    assert files.import_file(con, granted.encode(), "x.csv").counts.granted == 1
    assert _count(con, "SELECT count(*) FROM agreements WHERE counterparty = 'Fond A'") == 1
    assert files.import_file(con, granted.encode(), "x.csv").counts.granted == 0  # the same file again: no second one
    assert _count(con, "SELECT count(*) FROM agreements") == 1
    back = files.import_file(con, exported.encode(), "x.csv")
    assert back.counts.ungranted == 1 and _count(con, "SELECT count(*) FROM agreements") == 0
    assert con.execute("SELECT id, stage FROM applications").fetchall() == [(app, "submitted")]


def test_a_new_row_that_is_granted_gets_an_agreement_and_missing_rows_are_removed(con):
    edit.save_application(con, application(funder="Gammel Fond"))
    text = "funder,amount,start,end,schedule,stage\nNy Fond,50000,2027-01-01,2027-12-31,quarterly,bevilget\n"
    counts = files.import_file(con, text.encode(), "x.csv").counts
    assert (counts.added, counts.removed, counts.granted) == (1, 1, 1)
    assert con.execute("SELECT funder FROM applications").fetchall() == [("Ny Fond",)]


def test_a_dry_run_writes_nothing(con):
    text = "funder,amount,start,end,schedule,stage\nNy Fond,50000,2027-01-01,2027-12-31,quarterly,granted\n"
    summary = files.import_file(con, text.encode(), "x.csv", dry_run=True)
    assert summary.dry_run and summary.counts.granted == 1
    assert _count(con) == 0 and _count(con, "SELECT count(*) FROM agreements") == 0


def test_formula_like_text_is_neutralised_and_comes_back(con):
    edit.save_application(con, application(funder="=HYPERLINK(\"x\")", restrictions="+45 pladser"))
    exported = files.export_bytes(con, ".csv").decode()
    assert "'=HYPERLINK" in exported and "'+45 pladser" in exported
    assert files.import_file(con, exported.encode(), "x.csv").counts.unchanged == 1
    assert con.execute("SELECT funder, restrictions FROM applications").fetchall() == [('=HYPERLINK("x")', "+45 pladser")]


def test_preview_shows_findings_or_what_would_change(con):
    bad = files.preview_import(con, b"funder,amount\nA,x\n", "x.csv")
    assert bad.summary is None and bad.findings
    good = files.preview_import(con, b"funder,amount,start,end,schedule,stage\nA,1,2027-01-01,2027-01-31,upfront,idea\n",
                                "x.csv")
    assert good.summary.counts.added == 1 and _count(con) == 0
