"""The one download helper for tables: a CSV and an Excel button, in the page's language.

Why one helper: every table a page offers (the figures behind a chart, an error list) must open in a Danish or
an English spreadsheet as the reader expects — headers and stream names in the UI language, numbers as
numbers, formulas made inert (seconomy.text.tables). The file is built only when a button is clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from seconomy.text.tables import XLSX_MIME, table_file
from seconomy.ui.i18n import t, words


def file_stem(name: str) -> str:
    """'risk_payer.csv' → 'risk_payer' (callers used to pass a CSV name)."""
    return name.rsplit(".", 1)[0] if name.lower().endswith((".csv", ".xlsx")) else name


def download_table(frame: pd.DataFrame, name: str, key: str, headers: Mapping[str, str] | None = None,
                   sheet: str | None = None, container=None,
                   translate: Mapping[str, Callable[[object], object]] | None = None) -> None:
    """Two buttons, CSV and XLSX, for ``frame`` (raw figures; headers from ``headers`` or the catalog's ``col.*``).

    ``name`` is the file name without extension; ``key`` the widget key stem; ``translate`` turns a column's codes
    into words (fixed now, in this run's language).
    """
    bundle = words()  # fixed now: Streamlit builds the file on another thread, outside this session
    stem = file_stem(name)
    fixed = dict(headers or {})
    row = (container or st).container(horizontal=True, key=f"{key}_row")
    row.download_button(t("download.csv"), lambda: table_file(frame, "csv", bundle, fixed, translate=translate), file_name=f"{stem}.csv",
                         mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:",
                         help=t("download.csv_help"))
    row.download_button(t("download.xlsx"), lambda: table_file(frame, "xlsx", bundle, fixed, sheet or t("download.sheet"), translate),
                          file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                          icon=":material/table_view:", help=t("download.xlsx_help"))
