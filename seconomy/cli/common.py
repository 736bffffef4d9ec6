"""Helpers shared by the CLI commands: JSON output with exact money, plain tables, argument types, shown paths."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from seconomy.ingest.cpr import mask

SEED_MAX = 2**63 - 1  # numpy seeds any non-negative integer; this keeps it a 64-bit number in JSON and SQL
ID_MAX = 2**31 - 1  # ids are DuckDB INTEGERs


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dkk(value: object) -> float:
    """An amount in DKK with two decimals, as a JSON number (1234.5 → 1234.5, from DECIMAL exactly)."""
    return float(Decimal(str(value)).quantize(Decimal("0.01")))


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def print_table(frame: pd.DataFrame) -> None:
    """A readable plain-text table (no index)."""
    if frame.empty:
        print("(no rows)")
        return
    print(frame.to_string(index=False))


def whole_number(low: int, high: int, what: str = "a whole number"):
    """An argparse type: a whole number from ``low`` to ``high`` (else a usage error naming the range, exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip()) if len(text.strip()) <= 30 else None
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} from {low} to {high} expected, not {text[:40]!r}")
        return value

    return parse


seed = whole_number(0, SEED_MAX, "a seed (a whole number)")
record_id = whole_number(1, ID_MAX, "an id")


def shown(path: object) -> str:
    """A path as a message shows it: a CPR number in a file name is never echoed."""
    return mask(os.fspath(path) if isinstance(path, os.PathLike) else str(path))


def read_text(path: object) -> str:
    """A text file named on the command line ('-' is standard input), decoded as seconomy.text.decode_text does."""
    from pathlib import Path

    from seconomy.errors import UsageError
    from seconomy.text import decode_text

    if str(path) == "-":
        return decode_text(sys.stdin.buffer.read(), "standard input")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {shown(path)}: {exc.strerror or exc}") from exc
    return decode_text(data, shown(path))
