"""The one quoting helper for SQL identifiers that must be interpolated (table, view, column, type names).

Values always travel as bound parameters (? or $name). Identifiers cannot be bound, so the few that are
built in code (temp tables of an import, the plans tables, the staging columns c0…cN) go through
``ident``: it accepts only plain names and double-quotes them, so nothing a user typed can ever become SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TYPES = frozenset({"VARCHAR", "SMALLINT", "INTEGER", "BIGINT", "DATE", "DOUBLE", "BOOLEAN", "DECIMAL(14,2)"})


def ident(name: str) -> str:
    """``name`` as a quoted SQL identifier; ValueError for anything but a plain name."""
    if not isinstance(name, str) or not _PLAIN.fullmatch(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return f'"{name}"'


def catalog(name: str) -> str:
    """A database (catalog) or table name DuckDB gave us, quoted for SQL.

    Catalog names come from file names (``my-db.duckdb`` is the catalog ``my-db``), so they need not be plain;
    doubling the double quotes makes any name one identifier that cannot end the quoting early.
    """
    if not isinstance(name, str) or not name or "\x00" in name:
        raise ValueError(f"not a catalog name: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def idents(names: Iterable[str]) -> str:
    """A comma-separated list of quoted identifiers."""
    return ", ".join(ident(n) for n in names)


def sql_type(name: str) -> str:
    """A SQL type name from the short list the code uses; ValueError otherwise."""
    if name not in _TYPES:
        raise ValueError(f"not a known SQL type: {name!r}")
    return name
