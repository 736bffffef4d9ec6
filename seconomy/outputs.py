"""Output files that cannot destroy data: one check for every path a command writes, and atomic writes.

Why: an output path is typed by a person, and one slip (``--rejected data/seconomy.duckdb``, ``export
backup.duckdb``, the file being imported) used to overwrite data. Every command that writes a file calls
``check_output`` before it opens the database or reads its input, so a bad path ends in a usage error (exit 2)
with nothing imported and nothing written:

- never the database itself or its write-ahead log (compared as resolved paths — through symlinks and ``..`` —
  and as the same file on disk, which also catches hard links), nor a file the same command reads;
- never into a folder that does not exist, nor onto a folder;
- an existing file only when it is of the output's own kind by its content (a CSV may replace a text file, an
  XLSX an XLSX …); a DuckDB database, a workbook where a CSV is expected or any other kind needs ``--force``.

Writes go to a temporary file beside the target and are renamed over it at the end, so a full disk or a killed
process leaves the earlier file as it was, never half a file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from seconomy.errors import UsageError

# What each output kind may replace without --force (by the content of the existing file).
REPLACEABLE = {
    "csv": {"text", "empty"},
    "xlsx": {"xlsx", "empty"},
    "html": {"html", "empty"},
    "duckdb": {"duckdb", "empty"},
}
KIND_NAMES = {"csv": "a CSV file", "xlsx": "an Excel workbook", "html": "an HTML report", "duckdb": "a DuckDB database",
              "text": "a text file", "empty": "an empty file", "zip": "a ZIP archive", "xls": "an old Excel workbook",
              "pdf": "a PDF document", "sqlite": "an SQLite database", "binary": "a binary file"}
_SNIFF = 8192


def content_kind(path: str | os.PathLike[str]) -> str:
    """What an existing file is, by its first bytes: duckdb, xlsx, zip, xls, pdf, sqlite, html, text, empty, binary."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    if not head:
        return "empty"
    if head[8:12] == b"DUCK":
        return "duckdb"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if b"[Content_Types].xml" in head or b"xl/" in head else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _same(a: Path, b: Path) -> bool:
    """The same file: equal resolved paths, or (when both exist) the same file on disk (hard links, letter case)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def database_files(database: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The database file and its write-ahead log."""
    db = Path(database)
    return db, Path(f"{db}.wal")


def check_output(path: str | os.PathLike[str], kind: str, *, database: str | os.PathLike[str] | None = None,
                 inputs: Iterable[str | os.PathLike[str] | None] = (), force: bool = False,
                 option: str = "the output") -> Path:
    """The resolved path to write ``kind`` to, or a UsageError saying why not (see the module docstring).

    ``option`` names the argument in messages (``--rejected``); ``force`` allows replacing a file of another kind,
    never the database, its log or an input.
    """
    target = Path(path)
    shown = str(target)
    if database is not None and str(database) != ":memory:":
        for protected in database_files(database):
            if _same(target, protected):
                what = "the database itself" if protected == Path(database) else "the database's write-ahead log"
                raise UsageError(f"{option} {shown} is {what}; choose another file (nothing was written)")
    for source in inputs:
        if source is not None and str(source) != "-" and _same(target, Path(source)):
            raise UsageError(f"{option} {shown} is the file being read; choose another file (nothing was written)")
    resolved = target.resolve()
    if resolved.is_dir():
        raise UsageError(f"{option} {shown} is a folder; give a file name (nothing was written)")
    if not resolved.parent.is_dir():
        raise UsageError(f"{option} {shown}: the folder {target.parent} does not exist (nothing was written)")
    if not os.access(resolved.parent, os.W_OK):
        raise UsageError(f"{option} {shown}: cannot write in the folder {target.parent} (nothing was written)")
    if resolved.exists() and not force:
        found = content_kind(resolved)
        if found not in REPLACEABLE[kind]:
            raise UsageError(f"{option} {shown} exists and is {KIND_NAMES[found]}, not {KIND_NAMES[kind]}; choose "
                             "another name, or add --force to replace it (nothing was written)")
    return resolved


def output_kind(path: str | os.PathLike[str], allowed: tuple[str, ...] = ("csv", "xlsx")) -> str:
    """The kind an export writes, by the extension (``.csv`` or ``.xlsx``); a UsageError for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in allowed:
        wanted = " or ".join(f".{a}" for a in allowed)
        raise UsageError(f"export to {wanted}, not {('.' + suffix) if suffix else 'a file without extension'!r}")
    return suffix


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block succeeds, removed if not."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield temp
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a full disk leaves the earlier file untouched)."""
    with replacing(path) as temp, open(temp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def csv_text(rows: Iterable[Iterable[object]], delimiter: str = ",") -> str:
    """Rows as CSV text, ``\\n`` between rows, every field that holds the delimiter, a quote, a line feed OR a
    carriage return quoted.

    Why not ``csv.writer(lineterminator="\\n")`` alone: it quotes only the characters of its line terminator, so a
    text with a lone carriage return went out unquoted and every CSV reader took it for the end of the row. Written
    row by row with ``\\r\\n`` as the terminator (both characters then force quoting) and the ``\\r`` taken off again.
    None is written as an empty field.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    lines = []
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["" if cell is None else cell for cell in row])
        lines.append(buffer.getvalue()[:-2] + "\n")
    return "".join(lines)
