"""Text is text in charts: a name people typed, put into a Plotly label, never becomes markup.

Why: Plotly renders a subset of HTML in every label, hover text and annotation (``<b>``, ``<a href>``,
``<br>``, ``<span style>``); a counterparty ``<a href="…">`` would become a link. The core's chart modules use
this (they may not import the UI); ``seconomy.ui.safe`` re-exports it for the pages.
"""

from __future__ import annotations

import html


def plotly_text(text: object) -> str:
    """``text`` for a Plotly label: ``<``, ``>`` and ``&`` as entities (Plotly shows them as typed)."""
    return html.escape("" if text is None else str(text), quote=False)
