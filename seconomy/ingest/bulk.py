"""Loading a whole file into a DuckDB temp table ``_raw`` (text columns c0…cN and the file line number).

Why not read_table: a million rows as Python lists cost seconds and gigabytes. DuckDB's CSV reader
loads them as text in well under a second. Its records are numbered by position, so the file line is
``position + 2`` only when every record is one line and no line is blank; the loader checks exactly
that (records + 1 == lines) and otherwise, or when DuckDB refuses the file (a stray quote, a ragged
row), reads it with Python's csv module, which knows the line of every record.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from seconomy.errors import InputError, LineError
from seconomy.ingest.probe import BLOCK, HEAD, Probe, head, probe
from seconomy.ingest.reader import (
    Detected,
    RawTable,
    Source,
    clean_header,
    csv_records,
    decode,
    file_kind,
    read_bytes,
    sniff_delimiter,
    split_records,
)
from seconomy.store.sql import ident

RAW = "_raw"  # the view (or table) the ledger reads: line, c0…cN
TABLE = "_raw_records"


@dataclass
class Loaded:
    """What was loaded into ``_raw``: the header, the format, and records that did not fit."""

    header: list[str]
    detected: Detected
    sha256: str
    records: int
    errors: list[LineError] = field(default_factory=list)


_UTF8 = ("utf-8", "utf8", "utf-8-sig")
_SINGLE_BYTE = ("cp1252", "windows-1252", "latin-1", "latin1", "iso-8859-1")


def load_raw(con: duckdb.DuckDBPyConnection, source: Source, file_name: str, *, sheet: str | None = None,
             encoding: str | None = None, delimiter: str | None = None, header: bool = True,
             data: bytes | None = None) -> Loaded:
    """Create (or replace) the temp table (or view) ``_raw`` from a CSV or XLSX file.

    ``header=False``: the file has no header row; every record is data and the columns are named 1, 2, ….
    A file given by its path is never read whole into Python when it is UTF-8 CSV: DuckDB reads the path, and one
    streamed pass (``seconomy.ingest.probe``) hashes and counts its lines at the same time.
    """
    source = data if data is not None else source
    prefix = head(source)
    with ThreadPoolExecutor(max_workers=1) as pool:  # hashing a gigabyte overlaps DuckDB's reading
        probed = pool.submit(probe, source)
        if not prefix or (len(prefix) < HEAD and prefix.isspace()):  # isspace() stops at the first character that is not
            raise InputError(f"{file_name} is empty", code="file.empty", file=file_name)
        loaded = _load(con, source, prefix, probed, file_name, sheet, encoding, delimiter, header)
        found = probed.result()
    if found.blank:
        raise InputError(f"{file_name} is empty", code="file.empty", file=file_name)
    loaded.sha256 = found.sha256
    return loaded


def _load(con, source: Source, prefix: bytes, probed: Future[Probe], file_name: str, sheet: str | None,
          encoding: str | None, delimiter: str | None, header: bool) -> Loaded:
    if file_kind(prefix, file_name) == "xlsx":
        from seconomy.ingest.xlsx import read_xlsx

        table = read_xlsx(read_bytes(source), file_name, sheet, header)
        _from_rows(con, len(table.header), [[cell_text(c) for c in row] for row in table.rows], table.lines)
        return Loaded(table.header, table.detected, "", len(table.rows), table.errors)
    if (encoding is None or encoding.lower() in _UTF8) and prefix[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        loaded = _fast_utf8(con, source, prefix, probed, delimiter, header)
        if loaded is not None:
            return loaded
    if not isinstance(source, bytes) and (encoding or "cp1252").lower().replace("_", "-") in _SINGLE_BYTE:
        loaded = _transcoded(con, Path(source), prefix, probed, encoding or "cp1252", delimiter, header)
        if loaded is not None:
            return loaded
    data = read_bytes(source)  # UTF-16, or not plain enough for DuckDB: decoded, and counted, in Python
    text, used = decode(data, encoding)
    delim = delimiter or sniff_delimiter(text)
    utf8 = text.encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="seconomy-") as tmp:
        path = Path(tmp) / "input.csv"
        path.write_bytes(utf8)
        loaded = _duckdb_csv(con, path, utf8[:HEAD], probe(utf8), used, delim, header=header)
    if loaded is None:
        table = _python_csv(text, used, delim, header)
        _from_rows(con, len(table.header), table.rows, table.lines)
        loaded = Loaded(table.header, table.detected, "", len(table.rows), table.errors)
    return loaded


def _fast_utf8(con, source: Source, prefix: bytes, probed: Future[Probe], delimiter: str | None,
               header: bool = True) -> Loaded | None:
    """A UTF-8 file straight into DuckDB (which checks the encoding): the file is never decoded in Python."""
    cut = prefix.rfind(b"\n", 0, HEAD) if len(prefix) >= HEAD else len(prefix)
    try:
        text = prefix[: cut if cut > 0 else HEAD].decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    delim = delimiter or sniff_delimiter(text)
    encoding = "utf-8-sig" if prefix[:3] == b"\xef\xbb\xbf" else "utf-8"
    if not isinstance(source, bytes):
        return _duckdb_csv(con, Path(source), prefix, probed, encoding, delim, text, header)
    with tempfile.TemporaryDirectory(prefix="seconomy-") as tmp:
        path = Path(tmp) / "input.csv"
        path.write_bytes(source)
        return _duckdb_csv(con, path, prefix, probed, encoding, delim, text, header)


def _transcoded(con, path: Path, prefix: bytes, probed: Future[Probe], encoding: str, delimiter: str | None,
                header: bool) -> Loaded | None:
    """A Windows-1252 file (most Danish banks' exports) re-encoded to UTF-8 block by block into a temporary file that
    DuckDB reads; None when it is not that encoding after all. One byte per character both ways, so the lines are
    the original's and so are the counts of the pass beside it."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    with tempfile.TemporaryDirectory(prefix="seconomy-") as tmp:
        target = Path(tmp) / "input.csv"
        try:
            with path.open("rb") as fh, target.open("w", encoding="utf-8", newline="") as out:
                while block := fh.read(BLOCK):
                    out.write(decoder.decode(block))
                out.write(decoder.decode(b"", final=True))
        except (UnicodeDecodeError, LookupError):
            return None
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
        text = prefix.decode(encoding, errors="replace")
        delim = delimiter or sniff_delimiter(text)
        return _duckdb_csv(con, target, text.encode("utf-8"), probed, encoding, delim, text, header)


def _python_csv(text: str, encoding: str, delimiter: str, header: bool = True) -> RawTable:
    records = csv_records(text, delimiter)
    first = next(records, None)
    if first is None:
        raise InputError("the file is empty: no header line", code="file.no_header")
    if header:
        names = clean_header(first[1])
    else:
        rest = list(records)
        names = [str(i + 1) for i in range(max(len(r) for _, r in [first, *rest]))]
        records = iter([first, *rest])
    rows, lines, errors = split_records(records, len(names))
    return RawTable(names, rows, lines, Detected("csv", encoding, delimiter), errors)


def _duckdb_csv(con, path: Path, prefix: bytes, probed: Future[Probe] | Probe, encoding: str, delimiter: str,
                text: str | None = None, header: bool = True) -> Loaded | None:
    """DuckDB's reader when the file is plain enough that its line numbers are certain; else None.

    ``prefix`` is the start of the file as UTF-8 bytes (``text`` the same decoded, if known); ``probed`` its line
    counts, from the pass that runs beside DuckDB's read.
    """
    start = text if text is not None else prefix.decode("utf-8", errors="ignore")
    first = next(csv_records(start, delimiter), None)
    if first is None:
        raise InputError("the file is empty: no header line", code="file.no_header")
    if first[0] != 1 or (b"\r" in prefix and prefix.count(b"\r") != prefix.count(b"\r\n")):
        return None  # a header after blank lines, or old Mac line ends: let Python count
    names = clean_header(first[1]) if header else [str(i + 1) for i in range(len(first[1]))]
    skip = 1 if header else 0
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    try:
        cleanup(con)
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {TABLE} AS
            SELECT * FROM read_csv(?, delim = ?, quote = '"', escape = '"', header = false, skip = ?,
                                   auto_detect = false, columns = {columns}, encoding = 'utf-8')""",
            [str(path), delimiter, skip],
        )
    except duckdb.Error:
        return None  # not UTF-8 after all, a stray quote, a ragged row: the careful path decides
    counted = probed if isinstance(probed, Probe) else probed.result()
    count = con.execute("SELECT count(*) FROM " + ident(TABLE)).fetchall()[0][0]
    if counted.old_mac_line_ends or count + skip != counted.lines:
        return None  # old Mac line ends, blank lines or records over several lines: Python knows every line number
    # rowid is the record's position (insertion order is kept), so line = rowid + 1 + skip; a view costs nothing.
    view = (f"CREATE OR REPLACE TEMP VIEW {ident(RAW)} AS SELECT rowid + {1 + skip} AS line, * FROM {ident(TABLE)} "
            f"WHERE {_filled(len(names))}")
    con.execute(view)
    remaining = con.execute("SELECT count(*) FROM " + ident(RAW)).fetchall()[0][0]
    return Loaded(names, Detected("csv", encoding, delimiter), "", remaining)


def _filled(width: int) -> str:
    """SQL: the record has a non-empty field (empty records, like ';;;', are skipped like blank lines)."""
    return "coalesce(" + ", ".join(f"nullif({ident(f'c{i}')}, '')" for i in range(width)) + ") IS NOT NULL"


def _from_rows(con, width: int, rows: list[list], lines: list[int]) -> None:
    """``_raw`` from rows already split in Python."""
    arrays = {"line": pa.array(lines, pa.int64())}
    arrays.update({f"c{i}": pa.array([_text(row[i]) for row in rows], pa.string()) for i in range(width)})
    cleanup(con)
    con.register("_raw_arrow", pa.table(arrays))
    try:
        table = f"CREATE OR REPLACE TEMP TABLE {ident(RAW)} AS SELECT * FROM _raw_arrow WHERE {_filled(width)}"
        con.execute(table)
    finally:
        con.unregister("_raw_arrow")


def _text(cell: object) -> str | None:
    return None if cell is None else str(cell)


def cell_text(cell: object) -> str | None:
    """An Excel cell as the text a CSV export would have held (dates ISO, numbers with a decimal point)."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    if isinstance(cell, float):
        if cell.is_integer():
            return str(int(cell))
        cents = cell * 100
        return f"{cell:.2f}" if abs(cents - round(cents)) < 1e-6 else repr(cell)
    return str(cell)


def cleanup(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the temp tables of an import (they also vanish with the connection)."""
    for kind, name in (("VIEW", RAW), ("TABLE", RAW), ("TABLE", TABLE)):
        with contextlib.suppress(duckdb.CatalogException):  # _raw is a view or a table, by the path taken
            con.execute(("DROP VIEW IF EXISTS " if kind == "VIEW" else "DROP TABLE IF EXISTS ") + ident(name))
