"""SQL expressions that parse a whole column at once: amounts, dates, CPR numbers.

Why SQL: a million-row export parsed cell by cell in Python takes tens of seconds; DuckDB parses the
column in a fraction of a second. The grammar is the one of ``values`` (same regular expressions),
and each expression has a fast path for the shapes nearly every file uses (``1.234,50``,
``05-01-2026``); the general grammar runs only for the rest (DuckDB evaluates CASE branches lazily).

Every string put into these expressions is a constant of this package (patterns, code words), never
a value from a file or a user; column names are generated (``c0``, ``c1``…). ``lit`` quotes them.
"""

from __future__ import annotations

import re

from seconomy.ingest import values

DATE_CODES = {"missing": "date_missing", "invalid": "date_invalid", "impossible": "date_impossible"}
AMOUNT_CODES = {"missing": "amount_missing", "invalid": "amount_invalid", "decimals": "amount_decimals",
                "large": "amount_large"}
_MINUS = "\u2212"
# A text a spreadsheet would run as a formula (OWASP): = + - @, tab, carriage return, after any apostrophes an
# earlier export put there. Exports put one more apostrophe before it; imports take one away (``unneutralised``).
FORMULA_START = "=+@\t\r-"
DANGEROUS = "^'*[" + FORMULA_START + "]"
_PADDING = " \t\u00a0"  # blanks trimmed from text values


def lit(text: str) -> str:
    """A SQL string literal for a constant of this package."""
    return "'" + text.replace("'", "''") + "'"


def has_padding(column: str) -> str:
    """TRUE when the value starts or ends with a blank (LIKE tests: a tenth of the cost of trim()).

    Carriage returns and line feeds are left out: the CSV readers strip line ends, so they can only
    sit inside a quoted field, where they belong to the text.
    """
    return " OR ".join(f"{column} LIKE {lit(ch + '%')} OR {column} LIKE {lit('%' + ch)}" for ch in _PADDING)


def is_blank(raw: str) -> str:
    """TRUE when the value is empty or only blanks (for error paths: it costs a regular expression)."""
    return f"({raw} IS NULL OR regexp_full_match({raw}, {lit('[' + values.BLANKS + ']*')}))"


def blank_to_null(column: str) -> str:
    """A text column's value without surrounding blanks, NULL when nothing is left."""
    return f"CASE WHEN {has_padding(column)} THEN nullif(trim({column}, {lit(_PADDING)}), '') ELSE nullif({column}, '') END"


def _int(text: str) -> str:
    return f"CAST({text} AS INTEGER)"


# --- amounts -------------------------------------------------------------------------------------

def _two_decimals(decimal: str) -> str:
    """The shape nearly every export uses: optional minus, digits (grouped in threes or not), two decimals."""
    group, point = (r"\.", ",") if decimal == "," else (",", r"\.")
    return rf"-?([0-9]{{1,12}}|[0-9]{{1,3}}({group}[0-9]{{3}}){{1,3}}){point}[0-9]{{2}}"


def amount_fast(raw: str, decimal: str) -> str:
    """TRUE when the value has the common shape that a plain integer cast reads (see _two_decimals)."""
    return f"coalesce(regexp_full_match({raw}, {lit(_two_decimals(decimal))}), false)"


def amount_parts(raw: str, fast: str, decimal: str) -> str:
    """The grammar's groups (sign, whole, fraction, trailing sign), computed only off the fast path."""
    return (f"CASE WHEN {raw} IS NULL OR {fast} THEN NULL "
            f"ELSE regexp_extract({raw}, {lit(values.amount_pattern(decimal))}, ['s', 'w', 'f', 't']) END")


def _digits(parts: str) -> str:
    return f"regexp_replace({parts}.w, '[^0-9]', '', 'g')"


def amount_ore(raw: str, fast: str, parts: str, decimal: str) -> str:
    """Øre (BIGINT) from a text column; NULL when empty or not an amount (see values.parse_amount)."""
    group = "." if decimal == "," else ","
    quick = f"CAST(replace(replace({raw}, {lit(group)}, ''), {lit(decimal)}, '') AS BIGINT)"  # '-1.234,50' -> -123450
    cents = f"CASE WHEN {parts}.f IN ('', '-') THEN 0 ELSE CAST(rpad({parts}.f, 2, '0') AS BIGINT) END"
    sign = f"CASE WHEN {parts}.s IN ('-', {lit(_MINUS)}) OR {parts}.t = '-' THEN -1 ELSE 1 END"
    general = (
        f"CASE WHEN {parts}.w <> '' AND NOT ({parts}.s <> '' AND {parts}.t <> '') "
        f"AND length(ltrim({_digits(parts)}, '0')) <= {values.MAX_WHOLE_DIGITS} "
        f"THEN (CAST({_digits(parts)} AS BIGINT) * 100 + {cents}) * {sign} END"
    )
    return f"CASE WHEN {raw} IS NULL THEN NULL WHEN {fast} THEN {quick} ELSE {general} END"


def amount_code(raw: str, ore: str, parts: str, decimal: str) -> str:
    """Why an amount failed (a code of AMOUNT_CODES); NULL when it parsed or is empty."""
    too_many = ("," if decimal == "," else r"\.") + "[0-9]{3,}[" + values.BLANKS + "]*$"
    return (
        f"CASE WHEN {ore} IS NOT NULL OR {is_blank(raw)} THEN NULL "
        f"WHEN {parts}.w <> '' AND length(ltrim({_digits(parts)}, '0')) > {values.MAX_WHOLE_DIGITS} "
        f"THEN {lit(AMOUNT_CODES['large'])} "
        f"WHEN regexp_matches({raw}, {lit(too_many)}) THEN {lit(AMOUNT_CODES['decimals'])} "
        f"ELSE {lit(AMOUNT_CODES['invalid'])} END"
    )


# --- dates ---------------------------------------------------------------------------------------

# The shapes a column may mostly have: (regular expression, strptime format for day-month order).
DATE_SHAPES = {
    "dmy-": ("[0-9]{2}-[0-9]{2}-[0-9]{4}", "%d-%m-%Y"),
    "dmy.": (r"[0-9]{2}\.[0-9]{2}\.[0-9]{4}", "%d.%m.%Y"),
    "dmy/": ("[0-9]{2}/[0-9]{2}/[0-9]{4}", "%d/%m/%Y"),
    "iso": ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "%Y-%m-%d"),
}


def date_shape(sample: list[str]) -> str:
    """The shape most sampled values have (the fast path); any other value still parses, only slower."""
    counts = {name: sum(1 for v in sample if re.fullmatch(pattern, v)) for name, (pattern, _) in DATE_SHAPES.items()}
    return max(counts, key=lambda name: counts[name]) if any(counts.values()) else "dmy-"


def date_fast(raw: str, shape: str) -> str:
    return f"coalesce(regexp_full_match({raw}, {lit(DATE_SHAPES[shape][0])}), false)"


def date_parts(raw: str, fast: str) -> str:
    """The grammar's groups (first, middle, last part); NULL when empty or in the fast shape."""
    return (f"CASE WHEN {raw} IS NULL OR {fast} THEN NULL "
            f"ELSE regexp_extract(translate({raw}, './', '--'), {lit(values.DATE_PATTERN)}, ['a', 'b', 'c']) END")


def _year(text: str) -> str:
    """Two-digit years as values.full_year reads them."""
    return f"({_int(text)} + CASE WHEN length({text}) = 2 THEN CASE WHEN {_int(text)} <= 68 THEN 2000 ELSE 1900 END ELSE 0 END)"


def date_value(raw: str, fast: str, parts: str, shape: str, order: str | None) -> str:
    """A DATE from a text column (see values.parse_date), before the year-range check; NULL when none."""
    fmt = DATE_SHAPES[shape][1]
    if order == "mdy" and shape != "iso":
        fmt = fmt.replace("%d", "%D").replace("%m", "%d").replace("%D", "%m")
    day, month = (f"{parts}.b", f"{parts}.a") if order == "mdy" else (f"{parts}.a", f"{parts}.b")
    iso = f"try(make_date({_int(parts + '.a')}, {_int(parts + '.b')}, {_int(parts + '.c')}))"
    local = f"try(make_date({_year(parts + '.c')}, {_int(month)}, {_int(day)}))"
    general = (f"CASE WHEN length({parts}.a) = 4 THEN {iso} "
               f"WHEN length({parts}.a) BETWEEN 1 AND 2 AND length({parts}.c) IN (2, 4) THEN {local} END")
    return (f"CASE WHEN {raw} IS NULL THEN NULL WHEN {fast} THEN CAST(try_strptime({raw}, {lit(fmt)}) AS DATE) "
            f"ELSE {general} END")


def in_year_range(value: str) -> str:
    low, high = values.YEAR_RANGE
    return f"CASE WHEN year({value}) BETWEEN {low} AND {high} THEN {value} END"


def date_code(raw: str, parsed: str, parts: str) -> str:
    """Why a date failed (a code of DATE_CODES); NULL when it parsed. No parts means the fast shape."""
    shaped = f"(length({parts}.a) = 4 OR (length({parts}.a) BETWEEN 1 AND 2 AND length({parts}.c) IN (2, 4)))"
    return (f"CASE WHEN {parsed} IS NOT NULL THEN NULL WHEN {is_blank(raw)} THEN {lit(DATE_CODES['missing'])} "
            f"WHEN {parts} IS NULL OR {shaped} THEN {lit(DATE_CODES['impossible'])} ELSE {lit(DATE_CODES['invalid'])} END")


# --- text ----------------------------------------------------------------------------------------

def found(raw: str, pattern: str) -> str:
    """TRUE when the text matches ``pattern`` somewhere (FALSE for NULL)."""
    return f"coalesce(regexp_matches({raw}, {lit(pattern)}), false)"


def unneutralised(raw: str) -> str:
    """Undo the "'" an export put before = + - @, tab or CR against formula injection, so a round trip is exact."""
    quoted = f"CASE WHEN regexp_matches({raw}, {lit('^' + chr(39) + '+[' + FORMULA_START + ']')}) THEN substr({raw}, 2) ELSE {raw} END"
    return f"CASE WHEN {raw} LIKE {lit(chr(39) + '%')} THEN {quoted} ELSE {raw} END"
