"""Downloaded tables open as the reader expects: Danish CSV with ';' and decimal comma, XLSX with real cells."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook

from seconomy.overview import monthly_income_by_stream
from seconomy.text.tables import MissingHeader, neutralise, table_file
from seconomy.text.words import words
from seconomy.window import default_window

DA, EN = words("da"), words("en")
FRAME = pd.DataFrame({
    "month": [dt.date(2026, 1, 1), dt.date(2026, 2, 1)],
    "stream": ["foundation_grant", "product_sale"],
    "amount": [Decimal("1234567.50"), Decimal("-13500.25")],
    "share": [0.308, 0.0125],
})


def test_a_danish_csv_opens_in_pandas_with_semicolon_and_decimal_comma():
    data = table_file(FRAME, "csv", DA)
    assert data.startswith("\ufeff".encode())  # the byte order mark: Excel reads æøå
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == ["Måned", "Indtægtstype", "Beløb (kr.)", "Andel"]
    assert back["Beløb (kr.)"].tolist() == [1234567.50, -13500.25]  # the same numbers, as numbers
    assert back["Andel"].tolist() == [0.308, 0.0125]
    assert back["Indtægtstype"].tolist() == ["Fondsbevillinger", "Produktsalg"]  # words, not ids
    assert back["Måned"].tolist() == ["2026-01-01", "2026-02-01"]


def test_an_english_csv_is_comma_separated_with_a_point():
    data = table_file(FRAME, "csv", EN)
    assert not data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data))
    assert list(back.columns) == ["Month", "Income stream", "Amount (DKK)", "Share"]
    assert back["Amount (DKK)"].tolist() == [1234567.50, -13500.25]
    assert back["Income stream"].tolist() == ["Foundation grants", "Product sales"]


def test_the_xlsx_has_real_numbers_dates_and_percent_cells():
    sheet = load_workbook(io.BytesIO(table_file(FRAME, "xlsx", DA, sheet="Indtægter")))["Indtægter"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Måned", "Indtægtstype", "Beløb (kr.)", "Andel")
    assert rows[1][0] == dt.datetime(2026, 1, 1) and rows[1][2] == 1234567.5 and rows[2][2] == -13500.25
    assert sheet["D2"].number_format == "0.0%" and sheet["C2"].number_format == "#,##0.00"
    assert sheet["A2"].is_date


@pytest.mark.parametrize("danger", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1+1"])
def test_every_formula_start_is_neutralised_and_numbers_stay_numbers(danger):
    frame = pd.DataFrame({"payer": [danger], "amount": [-5.0]})
    assert neutralise(danger) == "'" + danger
    sheet = load_workbook(io.BytesIO(table_file(frame, "xlsx", EN)))["Data"]
    assert sheet["A2"].value == "'" + danger and sheet["B2"].value == -5.0
    back = pd.read_csv(io.BytesIO(table_file(frame, "csv", DA)), sep=";", decimal=",", encoding="utf-8-sig",
                       keep_default_na=False)
    assert back["Beløb (kr.)"].tolist() == [-5.0]
    assert back["Betaler"].iloc[0].startswith("'")


def test_truth_values_and_empty_cells_in_words():
    frame = pd.DataFrame({"payer": ["A", None], "major": [True, False]})
    text = table_file(frame, "csv", DA, headers={"major": "Stor kunde"}).decode("utf-8-sig")
    assert text.splitlines() == ["Betaler;Stor kunde", "A;ja", ";nej"]
    assert "True" not in text and "None" not in text and "nan" not in text


def test_a_column_without_a_header_is_refused():
    with pytest.raises(MissingHeader):
        table_file(pd.DataFrame({"secret_id": [1]}), "csv", DA)


def test_the_overviews_monthly_download_keeps_its_sums(demo_con):
    """The figures behind the chart, downloaded in Danish, read back to the same totals per stream (in øre)."""
    monthly = monthly_income_by_stream(demo_con, default_window(demo_con))
    back = pd.read_csv(io.BytesIO(table_file(monthly, "csv", DA)), sep=";", decimal=",", encoding="utf-8-sig")
    assert round(back["Beløb (kr.)"].sum() * 100) == round(sum(Decimal(str(a)) for a in monthly["amount"]) * 100)
    assert set(back["Indtægtstype"]) <= {DA.stream(s) for s in monthly["stream"]}
