"""Charts built once per data version, inputs and language: a rerun that changed none of them reuses the figure.

Why: building a Plotly figure validates every property in Python — 5 to 30 ms per chart, a third of a page's warm
rerun at 1M entries — although its inputs are the cached query results of the same data version. The figure is
kept per process (``st.cache_resource``: no copy, shared by sessions, which only read it) under the database's data
version, the chart's name, the arguments that choose its data (window, grouping, scenario …) and the language its
labels and numbers are written in. The inputs themselves are not hashed: ``key`` must name every choice the chart
depends on besides the data and the language.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from seconomy.ui.data import data_version, database
from seconomy.ui.i18n import lang

F = TypeVar("F")


@st.cache_resource(max_entries=256, show_spinner=False)
def _built(path: str, version: tuple, name: str, key: tuple, language: str, _build: Callable[[], F]) -> F:
    return _build()


def figure(name: str, key: tuple[Hashable, ...], build: Callable[[], F]) -> F:
    """``build()``, or the figure it gave for the same data version, ``name``, ``key`` and language."""
    path = database()
    return _built(str(path), data_version(path), name, tuple(key), lang(), build)
