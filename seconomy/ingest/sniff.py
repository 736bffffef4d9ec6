"""What a file is, by its content: CSV text, an Excel workbook, a SAF-T file — or something we do not read.

Why by content: users drop whatever their system gave them, named anything. A JSON export, a PDF statement,
a ZIP of several files or a screenshot must get a sentence that says what it is and what to export instead
(exit 2, as a usage error), not a CSV parse error about its first line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from seconomy.errors import UsageError
from seconomy.ingest.saft import country

EXPORT_INSTEAD = "export SAF-T or CSV from your bookkeeping system (or CSV from your netbank)"


class UnsupportedFormat(UsageError):
    """A file of a kind the import does not read (exit 2); ``kind`` names it (json, xml, pdf, zip, image …)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message, code=f"unsupported.{kind}")
        self.kind = kind


_IMAGES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
           (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"BM", "BMP"))


def _refuse(kind: str, label: str, advice: str = EXPORT_INSTEAD) -> UnsupportedFormat:
    return UnsupportedFormat(kind, f"this is {label}; {advice}")


def _zip_kind(whole: bytes | str | Path) -> str:
    """'xlsx' for an Excel workbook; otherwise the refusal of another zip (Word, ODS, a folder of files)."""
    try:
        with zipfile.ZipFile(io.BytesIO(whole) if isinstance(whole, bytes) else whole) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        raise _refuse("zip", "a damaged ZIP archive") from None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "content.xml" in names and any("opendocument.spreadsheet" in n or n == "mimetype" for n in names):
        raise _refuse("ods", "an OpenDocument spreadsheet (.ods)", "save it as .xlsx or CSV and import that")
    if any(n.startswith("word/") for n in names):
        raise _refuse("docx", "a Word document")
    raise _refuse("zip", "a ZIP archive", "unpack it and import the CSV, XLSX or SAF-T file inside")


def sniff(data: bytes, file_name: str = "", whole: bytes | str | Path | None = None) -> str:
    """'csv', 'xlsx' or 'saft'; UnsupportedFormat (exit 2) for JSON, other XML, PDF, ZIP, images, old .xls.

    ``data`` is the file or its first bytes; ``whole`` the file itself (its path or bytes), which a ZIP archive's
    table of contents at its end needs.
    """
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data if whole is None else whole)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnsupportedFormat("xls", f"{file_name or 'the file'} is an old Excel .xls workbook; save it as .xlsx or CSV "
                                       "and import that")
    if head.startswith(b"%PDF"):
        raise _refuse("pdf", "a PDF file")
    for magic, name in _IMAGES:
        if head.startswith(magic):
            raise _refuse("image", f"an image ({name})")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP" or head[4:12] in (b"ftypheic", b"ftypmif1", b"ftypheix"):
        raise _refuse("image", "an image")
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        if country(head):
            return "saft"
        raise _refuse("xml", "an XML file (not SAF-T Financial)")
    if text[:1] in (b"{", b"["):
        raise _refuse("json", "a JSON file")
    return "csv"
