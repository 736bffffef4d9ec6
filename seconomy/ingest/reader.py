"""One entry point for reading a tabular file: CSV (any common delimiter and encoding) or XLSX.  (Shared API.)

Shared API: ``read_table`` and ``RawTable``/``Detected`` are used by the ledger import and by the
agreements import; their signatures stay stable. ``read_table`` returns the rows *and* the format it
chose (encoding, delimiter, sheet), so the UI can show it and the user can override any choice.

Line numbers are the file's own (header = line 1; a record that spans lines has the number of its
first line; Excel rows keep their row number), because that is what the user sees in an editor.
Records with the wrong number of fields are not guessed at: they are left out of ``rows`` and listed
in ``errors`` as line errors. Problems with the file as a whole (empty, undecodable, unknown sheet)
raise ``InputError``.
"""

from __future__ import annotations

import ast
import csv
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from seconomy.errors import InputError, LineError

Source = str | Path | bytes

DELIMITERS = (";", "\t", ",", "|")
DELIMITER_NAMES = {";": "semicolon", "\t": "tab", ",": "comma", "|": "pipe"}
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1252": "Windows-1252",
                  "utf-16": "UTF-16", "latin-1": "ISO-8859-1"}
_SNIFF_CHARS = 65536
_SNIFF_RECORDS = 30


@dataclass(frozen=True)
class Detected:
    """The format a file was read with: what was detected or what the caller forced."""

    kind: str  # "csv", "xlsx" or "saft"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()

    def describe(self) -> str:
        """A short English description, e.g. "CSV, Windows-1252, semicolon-separated"."""
        if self.kind == "xlsx":
            return f"Excel workbook, sheet {self.sheet!r}"
        if self.kind == "saft":
            return "SAF-T Financial DK (XML)"
        return f"CSV, {ENCODING_NAMES.get(self.encoding, self.encoding)}, {DELIMITER_NAMES.get(self.delimiter, self.delimiter)}-separated"


_DESCRIBED_CSV = re.compile(r"^CSV, (?P<encoding>.+), (?P<delimiter>[a-z]+)-separated$")
_DESCRIBED_XLSX = re.compile(r"^Excel workbook, sheet (?P<sheet>'.*'|\".*\")$")


def parse_description(text: object) -> Detected | None:
    """The Detected that ``Detected.describe`` wrote (the import history stores that English text), or None.

    Why: the history keeps the English description for the CLI; the UI reads it back into its parts and says
    it in the page's language.
    """
    if not isinstance(text, str):
        return None
    if text == "SAF-T Financial DK (XML)":
        return Detected("saft")
    if found := _DESCRIBED_XLSX.match(text):
        try:
            return Detected("xlsx", sheet=str(ast.literal_eval(found["sheet"])))
        except (ValueError, SyntaxError):
            return None
    if found := _DESCRIBED_CSV.match(text):
        encodings = {name: code for code, name in ENCODING_NAMES.items()}
        delimiters = {name: mark for mark, name in DELIMITER_NAMES.items()}
        return Detected("csv", encodings.get(found["encoding"], found["encoding"]), delimiters.get(found["delimiter"]))
    return None


@dataclass
class RawTable:
    """A file's header and rows as read, before any interpretation.

    ``rows`` hold strings (CSV) or Excel's native cell values (str, int, float, datetime, bool, None);
    ``lines[i]`` is the file line (or Excel row) of ``rows[i]``; ``errors`` lists records that could not
    be split into the header's columns.
    """

    header: list[str]
    rows: list[list[object]]
    lines: list[int]
    detected: Detected
    errors: list[LineError] = field(default_factory=list)


def read_bytes(source: Source) -> bytes:
    """The file's content (an upload's bytes are taken as they are)."""
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}", code="file.unreadable", file=str(source)) from exc


def file_kind(data: bytes, file_name: str = "") -> str:
    """'xlsx' or 'csv', by content (an .xlsx is a zip archive), whatever the file is called."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(f"{file_name or 'the file'} is an old Excel .xls workbook; save it as .xlsx or CSV and import that",
                         code="unsupported.xls")
    return "csv"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: BOMs first, then UTF-8, then Windows-1252 (Danish exports' two encodings)."""
    if encoding:
        enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data[:3] == b"\xef\xbb\xbf" else encoding
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(_decode_message(data, encoding, exc), **_decode_code(data, encoding, exc)) from exc
    if data[:3] == b"\xef\xbb\xbf":
        return _strict(data, "utf-8-sig")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _strict(data, "utf-16")
    if b"\x00" in data[:4096]:
        raise InputError("this is not a text file (it contains NUL bytes); export the ledger as CSV or XLSX", code="file.binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise InputError(_decode_message(data, encoding, exc), **_decode_code(data, encoding, exc)) from exc


def _decode_code(data: bytes, encoding: str, exc: Exception) -> dict[str, object]:
    """The code and parameters of ``_decode_message`` (for the UI's own words)."""
    if isinstance(exc, LookupError):
        return {"code": "file.encoding_unknown", "encoding": encoding}
    return {"code": "file.encoding", "encoding": encoding, "line": data[: getattr(exc, "start", 0)].count(b"\n") + 1}


def _decode_message(data: bytes, encoding: str, exc: Exception) -> str:
    if isinstance(exc, LookupError):
        return f"unknown encoding {encoding!r}; use one of {', '.join(ENCODINGS)}"
    line = data[: getattr(exc, "start", 0)].count(b"\n") + 1
    return f"the file is not valid {encoding}: undecodable byte on line {line}; try another encoding"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header and the first records into the same, largest number of fields."""
    sample = text[:_SNIFF_CHARS]
    best, best_score = ",", (False, 0.0, 0)
    for candidate in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        counts = [len(r) for r in itertools.islice(reader, _SNIFF_RECORDS) if r]
        if not counts:
            continue
        header = counts[0]
        body = counts[1:-1] or counts[1:]  # the last sampled record may be cut off
        consistency = sum(c == header for c in body) / len(body) if body else 1.0
        score = (header > 1, consistency, header)
        if score > best_score:
            best, best_score = candidate, score
    return best


def csv_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of every non-blank record, with the file's line numbers."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    try:
        for record in reader:
            if any(record):  # a blank line, or only delimiters (';;;'), is no record
                yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"line {start}: the CSV cannot be read: {exc}", code="file.csv", line=start, detail=str(exc)) from exc


def clean_header(cells: list[object]) -> list[str]:
    """Header names as text, BOM and surrounding spaces removed."""
    return [("" if c is None else str(c)).replace("\ufeff", "").strip() for c in cells]


def split_records(records: Iterator[tuple[int, list]], width: int) -> tuple[list[list], list[int], list[LineError]]:
    """Keep the records that have the header's number of fields (surplus empty fields are dropped)."""
    rows: list[list] = []
    lines: list[int] = []
    errors: list[LineError] = []
    for line, record in records:
        if len(record) > width and not any(str(c).strip() for c in record[width:] if c is not None):
            record = record[:width]
        if len(record) != width:
            errors.append(LineError(line, "(row)", "", f"expected {width} fields, found {len(record)}", "data.reason.fields"))
            continue
        rows.append(list(record))
        lines.append(line)
    return rows, lines, errors


def read_csv_text(text: str, encoding: str, delimiter: str | None = None) -> RawTable:
    """A RawTable from decoded CSV text."""
    delim = delimiter or sniff_delimiter(text)
    records = csv_records(text, delim)
    first = next(records, None)
    if first is None:
        raise InputError("the file is empty: no header line", code="file.no_header")
    header = clean_header(first[1])
    rows, lines, errors = split_records(records, len(header))
    return RawTable(header, rows, lines, Detected("csv", encoding, delim), errors)


def read_table(source: Source, file_name: str, *, sheet: str | None = None, encoding: str | None = None,
               delimiter: str | None = None) -> RawTable:
    """Read a CSV or XLSX file (path or bytes) into a RawTable; detects what it is not told."""
    data = read_bytes(source)
    if not data or data.isspace():
        raise InputError(f"{file_name} is empty", code="file.empty", file=file_name)
    if file_kind(data, file_name) == "xlsx":
        from seconomy.ingest.xlsx import read_xlsx  # openpyxl only when needed

        return read_xlsx(data, file_name, sheet)
    text, used = decode(data, encoding)
    return read_csv_text(text, used, delimiter)
