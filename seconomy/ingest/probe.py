"""One streamed pass over an import file: its SHA-256, its lines and line ends — without holding it in memory.

Why: a 10-million-row export is about a gigabyte. Reading it whole into Python to hash it and count its lines
held it in memory several times over (bytes, counts, a decoded copy), while DuckDB reads the path itself in
bounded memory. So the import looks at a prefix to tell what the file is (``head``), lets DuckDB read the path,
and gets the hash and the line counts from one pass in 1 MiB blocks (``probe``), alongside DuckDB's read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from seconomy.errors import InputError
from seconomy.ingest.reader import Source

BLOCK = 1 << 20
HEAD = 65536  # bytes that tell the kind, encoding, delimiter and header of a file


@dataclass(frozen=True)
class Probe:
    """What the whole file is made of, as far as the loader needs to know."""

    sha256: str
    size: int
    newlines: int  # b"\n"
    crs: int  # b"\r"
    crlfs: int  # b"\r\n"
    ends_with_newline: bool
    blank: bool  # empty, or nothing but whitespace

    @property
    def lines(self) -> int:
        """Lines as an editor numbers them (a last line without a line end counts)."""
        return self.newlines + (0 if self.ends_with_newline or not self.size else 1)

    @property
    def old_mac_line_ends(self) -> bool:
        """Some line ends are a lone carriage return (Python must count those lines, DuckDB does not)."""
        return self.crs != self.crlfs


def _error(source: Source, exc: OSError) -> InputError:
    return InputError(f"cannot read {source}: {exc.strerror or exc}")


def head(source: Source, size: int = HEAD) -> bytes:
    """The first ``size`` bytes of the file (or of the upload's bytes)."""
    if isinstance(source, bytes):
        return source[:size]
    try:
        with Path(source).open("rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise _error(source, exc) from exc


def probe(source: Source) -> Probe:
    """Hash and count the file in one pass of 1 MiB blocks (an upload's bytes are counted where they are)."""
    if isinstance(source, bytes):
        return Probe(hashlib.sha256(source).hexdigest(), len(source), source.count(b"\n"), source.count(b"\r"),
                     source.count(b"\r\n"), source.endswith(b"\n"), not source or source.isspace())
    digest = hashlib.sha256()
    size = newlines = crs = crlfs = 0
    blank = True
    previous = b""
    try:
        for block in _blocks(source):
            digest.update(block)
            size += len(block)
            newlines += block.count(b"\n")
            crs += block.count(b"\r")
            crlfs += block.count(b"\r\n") + (previous == b"\r" and block[:1] == b"\n")
            blank = blank and block.isspace()
            previous = block[-1:]
    except OSError as exc:
        raise _error(source, exc) from exc
    return Probe(digest.hexdigest(), size, newlines, crs, crlfs, previous == b"\n", blank)


def _blocks(source: str | Path):
    with Path(source).open("rb") as fh:
        while block := fh.read(BLOCK):
            yield block
