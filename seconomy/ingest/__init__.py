"""Importing ledger exports: reading files, recognising columns, parsing values, validating lines.

``reader.read_table`` and ``values.parse_amount``/``parse_date`` are shared API (the agreements
import uses them too); ``ledger`` turns a file into staged income entries with line-level errors,
and ``importer`` runs a whole import (preview, all-or-nothing write, rejected rows).
"""

from seconomy.ingest.reader import Detected, RawTable, read_table
from seconomy.ingest.values import parse_amount, parse_date

__all__ = ["Detected", "RawTable", "parse_amount", "parse_date", "read_table"]
