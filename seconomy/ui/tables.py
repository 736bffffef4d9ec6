"""Tables people read: pre-formatted display columns, figures right-aligned, never a raw value.

Why pre-formatted: ``st.dataframe`` formats numbers and dates with the *browser's* locale (``2,120,490.87`` on an
English browser in the Danish UI), and shows ``None``, ``True`` and ids as they are. So every page builds a
display frame of strings from seconomy.ui.i18n (``money``, ``percent``, ``date`` …) with headers from the
catalog, and draws it here: columns holding figures are right-aligned, as numbers are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from seconomy.text.format import EMPTY

# A formatted figure: '1.234 kr.', '−DKK 1,234', '30,8 %', '30.8%', '12', '+3,5', '#12' (an id) …
_FIGURE = re.compile(r"^[−+]?(DKK )?[−]?#?\d[\d.,]*( kr\.| %|%| pp| pct\.-point| mdr\.| months?| md\.)?$")


def is_figure_column(values: pd.Series) -> bool:
    """True when every shown value is a formatted figure (or a dash): such a column is right-aligned."""
    shown = [str(v) for v in values if str(v) not in ("", EMPTY)]
    return bool(shown) and all(_FIGURE.match(v) for v in shown)


CHAR_PX, PAD_PX, MIN_PX, MAX_PX = 8, 34, 56, 320  # Source Sans at the grid's 14 px, and the cell's padding


def width(column: str, values: pd.Series) -> int:
    """A column wide enough for its header and its longest value (first 300 rows), so nothing is clipped."""
    longest = max([len(str(column))] + [len(str(v)) for v in values.head(300)])
    return int(min(MAX_PX, max(MIN_PX, CHAR_PX * longest + PAD_PX)))


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or pd.api.types.is_string_dtype(values)


def column_config(frame: pd.DataFrame, extra: Mapping[str, object] | None = None) -> dict[str, object]:
    """Widths that fit headers and values, right alignment for figure columns, then the caller's own settings."""
    config: dict[str, object] = {}
    for c in frame.columns:
        name = str(c)
        right = _is_text(frame[c]) and is_figure_column(frame[c])
        config[name] = st.column_config.Column(name, width=width(name, frame[c]), alignment="right" if right else None)
    for name, own in (extra or {}).items():
        if isinstance(own, dict) and name in config and "width" not in own:
            own = {**own, "width": config[name]["width"]}
        config[name] = own
    return config


def show(frame: pd.DataFrame, key: str | None = None, columns: Mapping[str, object] | None = None, **kwargs) -> None:
    """Draw a display frame (strings, translated headers) with its figures right-aligned."""
    kwargs.setdefault("placeholder", "")  # an empty cell is empty, not "None"
    st.dataframe(frame, hide_index=True, width="stretch", key=key, column_config=column_config(frame, columns), **kwargs)


def mark(value: object) -> str:
    """A yes/no column as a tick or nothing (never True/False)."""
    return "✓" if value is not None and not pd.isna(value) and bool(value) else ""
