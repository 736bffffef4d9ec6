"""Amounts and dates: the Python parser (one cell) and the SQL parser (a whole column) agree."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy.ingest import sql
from seconomy.ingest.values import detect_decimal, guess_decimal, parse_amount, parse_date


@pytest.mark.parametrize(("text", "decimal", "ore"), [
    ("1.234.567,50", None, 123456750),
    ("1,234,567.50", None, 123456750),
    ("-13.500,00", None, -1350000),
    ("1 234 567,50", ",", 123456750),
    ("1\u00a0234,50", ",", 123450),
    ("1234567,5", ",", 123456750),
    ("1234567.5", ".", 123456750),
    ("kr. 1.234,50", None, 123450),
    ("1.234,50 kr", None, 123450),
    ("DKK -1,234.50", None, -123450),
    ("1.234,50-", None, -123450),
    ("\u221212,00", None, -1200),
    ("+12,00", None, 1200),
    ("1.250,-", None, 125000),
    ("1.234", None, 123400),  # one separator before three digits separates thousands
    ("1,5", None, 150),
    ("0,05", ",", 5),
    ("100", None, 10000),
    (" 42 ", None, 4200),
    (12, None, 1200),
    (12.5, None, 1250),
    (1234.1 + 0.2, None, 123430),  # floating-point noise from Excel is rounded to the øre
    (Decimal("-13500.00"), None, -1350000),
])
def test_parse_amount_reads_danish_and_english_styles(text, decimal, ore):
    assert parse_amount(text, decimal) == ore


@pytest.mark.parametrize(("text", "decimal", "reason"), [
    ("", None, "missing amount"),
    (None, None, "missing amount"),
    ("abc", None, "not an amount"),
    ("12,34,56", ",", "not an amount"),
    ("12,345", ",", "more than two decimals"),
    ("1.2345", ".", "more than two decimals"),
    ("1.23.4", None, "not an amount"),
    ("-12,00-", None, "two signs"),
    ("1" * 13 + ",00", ",", "amount too large"),
    (0.001, None, "more than two decimals"),
    (float("nan"), None, "not an amount"),
])
def test_parse_amount_refuses_with_a_reason(text, decimal, reason):
    with pytest.raises(ValueError, match=reason):
        parse_amount(text, decimal)


@pytest.mark.parametrize(("text", "mark"), [("1.234,50", ","), ("1,234.50", "."), ("1.234", ","), ("1,234", "."),
                                            ("1,5", ","), ("12.50", "."), ("100", None), ("1.234.567", ",")])
def test_guess_decimal_from_one_value(text, mark):
    assert guess_decimal(text) == mark


def test_detect_decimal_takes_the_majority_and_falls_back_to_the_default():
    assert detect_decimal(["1.234,50", "12,00", "1,234"]) == ","
    assert detect_decimal(["1,234.50", "12.00", "7"]) == "."
    assert detect_decimal(["7", "8"], default=".") == "."


@pytest.mark.parametrize(("text", "order", "day"), [
    ("05-01-2026", None, dt.date(2026, 1, 5)),
    ("5.1.2026", None, dt.date(2026, 1, 5)),
    ("05/01/2026", None, dt.date(2026, 1, 5)),
    ("2026-01-05", None, dt.date(2026, 1, 5)),
    ("2026-01-05 13:45:00", None, dt.date(2026, 1, 5)),
    ("05-01-26", None, dt.date(2026, 1, 5)),
    ("01/05/2026", "mdy", dt.date(2026, 1, 5)),
    (dt.datetime(2026, 1, 5, 10, 30), None, dt.date(2026, 1, 5)),
    (dt.date(2026, 1, 5), None, dt.date(2026, 1, 5)),
])
def test_parse_date_reads_the_four_formats_and_excel_cells(text, order, day):
    assert parse_date(text, order) == day


@pytest.mark.parametrize(("text", "reason"), [
    ("31-02-2026", "impossible date"), ("13-13-2026", "impossible date"), ("01-01-1800", "impossible date"),
    ("i går", "not a date"), ("2026/13", "not a date"), ("", "missing date"), ("05-01-2026x", "not a date"),
])
def test_parse_date_refuses_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(text)


# --- the SQL parser agrees with the Python parser --------------------------------------------------

def _sql_amounts(values: list[str], decimal: str) -> list[tuple[int | None, str | None]]:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    rows = con.execute(f"""
        WITH f AS (SELECT i, nullif(v, '') AS raw, {sql.amount_fast("nullif(v, '')", decimal)} AS fast FROM t),
             p AS (SELECT *, {sql.amount_parts('raw', 'fast', decimal)} AS parts FROM f),
             o AS (SELECT *, {sql.amount_ore('raw', 'fast', 'parts', decimal)} AS ore FROM p)
        SELECT ore, {sql.amount_code('raw', 'ore', 'parts', decimal)} FROM o ORDER BY i""").fetchall()
    con.close()
    return rows


def _sql_dates(values: list[str], order: str | None, shape: str = "dmy-") -> list[dt.date | None]:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    rows = con.execute(f"""
        WITH f AS (SELECT i, nullif(v, '') AS raw, {sql.date_fast("nullif(v, '')", shape)} AS fast FROM t),
             p AS (SELECT *, {sql.date_parts('raw', 'fast')} AS parts FROM f),
             d AS (SELECT *, {sql.date_value('raw', 'fast', 'parts', shape, order)} AS day FROM p)
        SELECT {sql.in_year_range('day')} FROM d ORDER BY i""").fetchall()
    con.close()
    return [r[0] for r in rows]


def _python_amount(text: str, decimal: str) -> int | None:
    try:
        return parse_amount(text, decimal)
    except ValueError:
        return None


def _python_date(text: str, order: str | None) -> dt.date | None:
    try:
        return parse_date(text, order)
    except ValueError:
        return None


AMOUNT_CASES = ["1.234.567,50", "1,234,567.50", "-13.500,00", "1 234,50", "kr. 1.234,50", "1.250,-", "100", "1.234", "1,5",
                "12,345", "abc", "12,34,56", "1.234,50-", "\u221212,00", "-12,00-", " 42 ", "0,05", "1" * 13, "1" * 12,
                "DKK 1,234.50", "1.23.4", "+5", "1'234.50", "  ", "-", ",50", "1.234.567.890.123,00"]


@pytest.mark.parametrize("decimal", [",", "."])
def test_sql_amounts_match_python_on_every_listed_case(decimal):
    expected = [_python_amount(v, decimal) for v in AMOUNT_CASES]
    assert [ore for ore, _ in _sql_amounts(AMOUNT_CASES, decimal)] == expected


@settings(max_examples=60, deadline=None)
@given(ore=st.integers(-10**14 + 1, 10**14 - 1), style=st.sampled_from(["da", "da_space", "da_plain", "en", "en_plain", "kr"]))
def test_sql_and_python_read_formatted_amounts_the_same(ore, style):
    whole, cents = divmod(abs(ore), 100)
    sign = "-" if ore < 0 else ""
    text = {
        "da": f"{sign}{whole:,}".replace(",", ".") + f",{cents:02d}",
        "da_space": f"{sign}{whole:,}".replace(",", " ") + f",{cents:02d}",
        "da_plain": f"{sign}{whole},{cents:02d}",
        "en": f"{sign}{whole:,}.{cents:02d}",
        "en_plain": f"{sign}{whole}.{cents:02d}",
        "kr": f"kr. {sign}{whole:,}".replace(",", ".") + f",{cents:02d}",
    }[style]
    decimal = "." if style.startswith("en") else ","
    assert parse_amount(text, decimal) == ore
    assert _sql_amounts([text], decimal)[0][0] == ore


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="0123456789.,- kr\u00a0+'", max_size=14), decimal=st.sampled_from([",", "."]))
def test_sql_and_python_agree_on_arbitrary_amount_text(text, decimal):
    assert _sql_amounts([text], decimal)[0][0] == _python_amount(text, decimal)


DATE_CASES = ["05-01-2026", "5.1.2026", "05/01/2026", "2026-01-05", "2026-1-5", "05-01-26", "31-02-2026", "32-01-2026",
              "01-01-1800", "2026-01-05 13:45", "i går", "05.01/2026", "2026-02-30", "0026-01-01", "1-1-69", "1-1-68", "",
              "05.01.2026", "31.02.2026", "05/13/2026", "13/05/2026", " 05-01-2026", "00-01-2026", "05-00-2026"]


@pytest.mark.parametrize("shape", sorted(sql.DATE_SHAPES))
@pytest.mark.parametrize("order", [None, "mdy"])
def test_sql_dates_match_python(order, shape):
    """Whatever shape a column mostly has (the fast path), every value reads as Python reads it."""
    assert _sql_dates(DATE_CASES, order, shape) == [_python_date(v, order) for v in DATE_CASES]


def test_date_shape_is_what_most_values_look_like():
    assert sql.date_shape(["05.01.2026", "06.01.2026", "2026-01-07"]) == "dmy."
    assert sql.date_shape(["2026-01-07"]) == "iso" and sql.date_shape([]) == "dmy-"


@settings(max_examples=60, deadline=None)
@given(day=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
       fmt=st.sampled_from(["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y"]))
def test_every_written_date_reads_back_in_sql_and_python(day, fmt):
    text = day.strftime(fmt)
    expected = parse_date(text)
    if fmt != "%d-%m-%y":
        assert expected == day
    assert _sql_dates([text], None) == [expected]
    assert _sql_dates([text], None, sql.date_shape([text])) == [expected]
