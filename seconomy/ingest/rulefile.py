"""The rule table as a file: ``match;field;stream;payer;municipality;exclude``, exported and imported (all or nothing).

Import replaces the whole table with the file's rules, in the file's order; a row equal to a shipped default rule
stays a default (so the file's stated columns keep winning over it, see seconomy.ingest.rules), every other row is
the user's own. Headers in English or Danish (match/søg, field/felt, stream/indtægtstype, payer/betaler,
municipality/kommune, exclude/udelad), any delimiter and encoding the ledger import reads.
"""

from __future__ import annotations

from pathlib import Path

from seconomy.agreements.files import unneutralise
from seconomy.agreements.reader import read_table
from seconomy.errors import InputError, LineError
from seconomy.ingest import cpr
from seconomy.ingest.rules import FILE_COLUMNS, Rule, clean_rule, with_origin
from seconomy.outputs import csv_text
from seconomy.text import fold

_HEADERS = {
    "match": ("match", "soeg", "sog", "soegeord", "ord", "word", "pattern"),
    "field": ("field", "felt", "kolonne"),
    "stream": ("stream", "indtaegtstype", "type"),
    "payer": ("payer", "betaler"),
    "municipality": ("municipality", "kommune"),
    "exclude": ("exclude", "udelad", "ignorer", "ignore"),
}


def _column(header: str) -> str | None:
    key = fold(header)
    return next((name for name, words in _HEADERS.items() if key in words), None)


def read_rules(source: str | Path | bytes, name: str) -> list[Rule]:
    """The rules of a file, in order; InputError with every bad line (``line N: column: reason``)."""
    table = read_table(source, name)
    columns = [_column(h) for h in table.headers]
    errors = list(table.errors)
    unknown = [h for h, c in zip(table.headers, columns, strict=True) if c is None and h]
    if unknown or "match" not in columns:
        raise InputError(f"{name}: the columns must be {';'.join(FILE_COLUMNS)}", [
            LineError(1, h, "", "unknown column", "rules.file.unknown_column") for h in unknown]
            or [LineError(1, "match", "", "is required", "agreements.err.required")], code="rules.file.columns",
            columns=";".join(FILE_COLUMNS))
    rules: list[Rule] = []
    for line, cells in table.rows:
        raw = {c: unneutralise(v) if isinstance(v, str) else v for c, v in zip(columns, cells, strict=True) if c}
        rule, problems = clean_rule(raw)
        spelled = {c: h for h, c in zip(table.headers, columns, strict=True) if c}
        errors += [LineError(line, spelled.get(p.column, p.column), cpr.mask(p.value), p.reason, f"agreements.err.{p.code}",
                             tuple(p.params.items())) for p in problems]
        if rule is not None:
            rules.append(with_origin(rule))
    if errors:
        raise InputError(f"{name}: {len(errors)} problem(s); no rule was changed", errors, code="rules.file.problems",
                         count=len(errors))
    return rules


def rules_csv(rules: list[Rule]) -> bytes:
    """The rules as a semicolon-separated UTF-8 file (with BOM, so Excel shows æøå), in their order."""
    rows = [[_safe(r.match), r.field, r.stream or "", _safe(r.payer or ""), r.municipality or "",
             "true" if r.exclude else "false"] for r in rules]
    return ("\ufeff" + csv_text([list(FILE_COLUMNS), *rows], ";")).encode("utf-8")


def _safe(text: str) -> str:
    """A text a spreadsheet would run as a formula gets a leading apostrophe (removed again on import)."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
