"""Helpers shared by the CLI commands: JSON output with exact money, plain tables."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


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
