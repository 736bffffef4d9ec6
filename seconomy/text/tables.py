"""A table as a file people can open: XLSX with real numbers and dates, or CSV in the reader's convention.

Why: a Danish Excel opens a comma-separated file with decimal points as one column of text, and ids such as
``foundation_grant`` or ``True`` mean nothing to the reader. So a downloaded table gets

- headers and stream names in the reader's language (``headers`` given by the caller, else the catalog's
  ``col.<column>``);
- XLSX: number cells (shares as percentages, amounts with thousands separators), date cells in Excel's
  short-date format (shown in the reader's own date order), truth values as Excel's TRUE/FALSE (Danish
  Excel says SAND/FALSK);
- CSV, Danish: ``;``-separated, decimal comma, UTF-8 with a byte order mark (so Excel reads æøå);
  English: ``,``-separated, decimal point, UTF-8. Dates are ISO (``2026-12-31``), which both read as dates;
  truth values are words (``ja``/``nej``);
- every text cell that a spreadsheet would run as a formula — starting with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return (OWASP's list) — gets a leading apostrophe; numbers stay numbers.

The machine-readable exports of the CLI (``export``, ``agreements export`` …) are not made here: they keep
their documented form so they import back.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import numpy as np
import pandas as pd

from seconomy.text.words import Words

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_CONVENTION = {"da": (";", ","), "en": (",", ".")}  # (delimiter, decimal mark)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHARE_WORDS = ("share", "rate", "probability")
_STREAM_COLUMNS = ("stream", "old_stream", "new_stream")


class MissingHeader(KeyError):
    """A column has no header in the reader's language (neither given nor in the catalog as ``col.<name>``)."""


def neutralise(value: object) -> object:
    """'=HYPERLINK(…)' → "'=HYPERLINK(…)": text a spreadsheet would run is shown as text; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def is_share(column: str) -> bool:
    """Columns holding a share of 1 (0.308 = 30,8 %): their name says so ('share', 'top1_share', 'exit_rate')."""
    name = column.lower()
    return any(word in name.split("_") or name.endswith(word) for word in _SHARE_WORDS)


def header(column: str, words: Words, headers: Mapping[str, str] | None = None) -> str:
    """The column's header in the reader's language."""
    if headers and column in headers:
        return headers[column]
    key = f"col.{column}"
    if words.has(key):
        return words.text(key)
    raise MissingHeader(column)


def localised(frame: pd.DataFrame, words: Words, headers: Mapping[str, str] | None = None,
              translate: Mapping[str, Callable[[object], object]] | None = None,
              streams: Iterable[str] = _STREAM_COLUMNS) -> tuple[pd.DataFrame, set[str]]:
    """The frame with headers, stream names and coded values in the reader's language, and its share columns.

    ``translate`` maps a column to the function that turns its codes into words (e.g. a level 'high' → 'høj').
    """
    out = frame.copy()
    for column in streams:
        if column in out.columns:
            out[column] = [words.stream(s) if isinstance(s, str) else s for s in out[column]]
    for column, turn in (translate or {}).items():
        if column in out.columns:
            out[column] = [None if _empty(v) else turn(v) for v in out[column]]
    shares = {header(c, words, headers) for c in out.columns if is_share(str(c))}
    out.columns = [header(str(c), words, headers) for c in out.columns]
    return out, shares


def _empty(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _plain_number(value: Decimal | float | int, decimal: str) -> str:
    """-13500.5 → '-13500,5' (da) / '-13500.5' (en): no grouping, the hyphen minus every spreadsheet reads."""
    if isinstance(value, numbers.Integral):
        return str(int(value))
    text = format(value if isinstance(value, Decimal) else Decimal(repr(float(value))), "f")
    return text.replace(".", decimal)


def csv_cell(value: object, words: Words) -> str:
    """One cell as CSV text in the reader's convention."""
    if _empty(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return words.yes_no(bool(value))
    if isinstance(value, (numbers.Number, Decimal)):
        return _plain_number(value, CSV_CONVENTION[words.lang][1])
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        moment = pd.Timestamp(value)
        return moment.date().isoformat() if moment == moment.normalize() else moment.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(neutralise(str(value)))


def csv_bytes(frame: pd.DataFrame, words: Words) -> bytes:
    """The (already localised) table as CSV: Danish ';', decimal comma and a BOM; English ',' and point."""
    delimiter, _ = CSV_CONVENTION[words.lang]
    shown = pd.DataFrame({str(neutralise(str(c))): [csv_cell(v, words) for v in frame[c]] for c in frame.columns},
                         columns=[str(neutralise(str(c))) for c in frame.columns])
    text = shown.to_csv(index=False, sep=delimiter, lineterminator="\r\n")
    return (("\ufeff" + text) if words.lang == "da" else text).encode("utf-8")


def _xlsx_value(value: object) -> object:
    if _empty(value):
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        return value.item()
    return neutralise(value) if isinstance(value, str) else value


def _number_format(column: str, values: list[object], shares: set[str]) -> str | None:
    """Excel's display format of a column: percentages, dates, whole or two-decimal numbers."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    if all(isinstance(v, dt.datetime) for v in present):
        return "mm-dd-yy" if all(v == dt.datetime.combine(v.date(), dt.time()) for v in present) else "yyyy-mm-dd hh:mm"
    if all(isinstance(v, dt.date) for v in present):
        return "mm-dd-yy"  # Excel's built-in short date (14): shown in the reader's own date order
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        if column in shares:
            return "0.0%"
        whole = all(float(v).is_integer() for v in present)
        return "#,##0" if whole else "#,##0.00"
    return None


def xlsx_bytes(frame: pd.DataFrame, words: Words, shares: set[str] = frozenset(), sheet: str = "Data") -> bytes:
    """The (already localised) table as an .xlsx workbook with typed cells, neutralised text and fitted columns."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    columns = [str(c) for c in frame.columns]
    ws.append([neutralise(c) for c in columns])
    cells = {c: [_xlsx_value(v) for v in frame[c]] for c in frame.columns}
    for row in zip(*cells.values(), strict=True) if len(frame.columns) else ():
        ws.append(list(row))
    for index, column in enumerate(frame.columns, 1):
        values = cells[column]
        number_format = _number_format(str(column), values, shares)
        letter = get_column_letter(index)
        if number_format:
            for cell in ws[letter][1:]:
                cell.number_format = number_format
        longest = max([len(str(column))] + [len(str(v)) for v in values[:500] if v is not None])
        ws.column_dimensions[letter].width = min(60, max(10, longest + 2))
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_file(frame: pd.DataFrame, kind: str, words: Words, headers: Mapping[str, str] | None = None,
               sheet: str = "Data", translate: Mapping[str, Callable[[object], object]] | None = None) -> bytes:
    """``frame`` as the bytes of a .csv or .xlsx file for a reader of ``words.lang``."""
    shown, shares = localised(frame, words, headers, translate)
    if kind == "csv":
        return csv_bytes(shown, words)
    if kind == "xlsx":
        return xlsx_bytes(shown, words, shares, sheet)
    raise ValueError(f"kind must be 'csv' or 'xlsx', not {kind!r}")
