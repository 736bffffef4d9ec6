"""Reading the first (or a named) sheet of an .xlsx workbook with its native cell values.

Why native values: an Excel date cell is a date and a number cell a number; turning them into text
first would make us guess the format Excel never had. Row numbers are Excel's, so an error on
"line 7" is row 7 in the spreadsheet the user has open.
"""

from __future__ import annotations

import io
import re
import zipfile

from seconomy.errors import InputError
from seconomy.ingest.reader import Detected, RawTable, clean_header, split_records

# OOXML's own escape for characters XML cannot hold (ECMA-376 ST_Xstring): "_x0001_" is U+0001, "_x005F_" an
# underscore. Excel writes a carriage return in a cell as "_x000D_"; openpyxl neither writes nor reads the escape.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_LITERAL = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")  # every underscore that would start an escape, overlaps included
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape_text(text: str) -> str:
    """A text as an .xlsx cell can hold it: control characters as ``_xHHHH_``, a literal ``_xHHHH_`` kept literal."""
    if "_x" in text:
        text = _LITERAL.sub("_x005F_", text)
    return _UNWRITABLE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """The text a cell holds, its ``_xHHHH_`` escapes decoded (NUL stays as written: it is no text character)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: m.group(0) if m.group(1) == "0000" else chr(int(m.group(1), 16)), text)


def _cell_value(value: object) -> object:
    return unescape_text(value) if isinstance(value, str) else value


def _open(data: bytes, file_name: str):
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputError(f"{file_name} is not a readable .xlsx workbook ({exc.__class__.__name__})", code="xlsx.unreadable",
                         file=file_name) from exc
    except Exception as exc:  # openpyxl raises assorted errors on damaged files
        raise InputError(f"{file_name} is not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})",
                         code="xlsx.unreadable", file=file_name) from exc


def sheet_names(data: bytes, file_name: str = "workbook") -> list[str]:
    """The workbook's sheet names, in order."""
    book = _open(data, file_name)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_xlsx(data: bytes, file_name: str, sheet: str | None = None, header: bool = True) -> RawTable:
    """The sheet's first non-empty row is the header (``header=False``: columns 1, 2, …); empty rows skipped, rows kept."""
    book = _open(data, file_name)
    try:
        names = tuple(book.sheetnames)
        if not names:
            raise InputError(f"{file_name} has no sheets", code="xlsx.no_sheets", file=file_name)
        chosen = names[0] if sheet is None else _match_sheet(sheet, names, file_name)
        try:
            raw = [(n, [_cell_value(c) for c in cells]) for n, cells in enumerate(book[chosen].iter_rows(values_only=True), start=1)]
        except Exception as exc:  # a damaged sheet part
            raise InputError(f"{file_name}: sheet {chosen!r} cannot be read ({exc.__class__.__name__})", code="xlsx.sheet_unreadable",
                             file=file_name, sheet=chosen) from exc
    finally:
        book.close()
    records = [(n, _trim(cells)) for n, cells in raw if any(_filled(c) for c in cells)]
    if not records:
        raise InputError(f"{file_name}: sheet {chosen!r} is empty", code="xlsx.sheet_empty", file=file_name, sheet=chosen)
    if header:
        names_row, body = clean_header(records[0][1]), records[1:]
        while names_row and not names_row[-1]:
            names_row.pop()
    else:
        names_row, body = [str(i + 1) for i in range(max(len(cells) for _, cells in records))], records
    rows, lines, errors = split_records(iter((n, _pad(cells, len(names_row))) for n, cells in body), len(names_row))
    header = names_row
    return RawTable(header, rows, lines, Detected("xlsx", sheet=chosen, sheets=names), errors)


def _match_sheet(wanted: str, names: tuple[str, ...], file_name: str) -> str:
    for name in names:
        if name == wanted or name.strip().lower() == wanted.strip().lower():
            return name
    raise InputError(f"{file_name} has no sheet {wanted!r}; its sheets are: {', '.join(names)}", code="xlsx.no_sheet",
                     file=file_name, sheet=wanted, sheets=", ".join(names))


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _trim(cells: list) -> list:
    """Drop trailing empty cells (read-only sheets often report a wider range than is used).

    Only cells that hold nothing: a last cell with a line break or a control character is text like any other
    (the CSV path keeps it too), so an export with such a text in its last column imports back exactly.
    """
    end = len(cells)
    while end and cells[end - 1] in (None, ""):
        end -= 1
    return cells[:end]


def _pad(cells: list, width: int) -> list:
    """Excel has no 'missing field': a short row is a row whose last cells are empty."""
    return cells + [None] * (width - len(cells)) if len(cells) < width else cells
