"""Text is text (issue 11 item 6, UI): a name with markdown or HTML is shown as typed on every page, never rendered.

The largest payer is ``![b](http://127.0.0.1:1/x.png)``, the second ``<img src=x onerror=alert(1)>``; the enterprise,
an agreement, a funder, a contact and a scenario carry the same strings. Every markdown-rendering element (markdown,
captions, alerts, titles, metric labels, expander and tab labels) must hold them escaped, and no chart label may
hold a raw tag (Plotly renders HTML in labels).
"""

from __future__ import annotations

import re

import pytest

from tests.ui import hostile
from tests.ui.apptest import open_page
from tests.ui.test_smoke import PAGES


@pytest.fixture
def hostile_db(demo_template, tmp_path, monkeypatch):
    path = hostile.make(demo_template, tmp_path / "hostile.duckdb")
    monkeypatch.setenv("SECONOMY_DB", str(path))
    return path


def rendered(at) -> list[str]:
    """Every text Streamlit renders as markdown (or as a label that takes markdown)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(el.value) for el in at.get(kind)]
    parts += [str(m.label) for m in at.metric] + [str(e.label) for e in at.get("expander")]
    parts += [str(t.label) for t in at.get("tab")]
    for table in at.get("table"):  # st.table renders its cells as markdown
        frame = table.value
        parts += [v for c in frame.columns for v in frame[c].tolist() if isinstance(v, str)]
    return parts


AUTOLINK = re.compile(r"https?\\?:")  # GFM links a bare address even when its colon is escaped


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_page_renders_a_name_as_markup(hostile_db, page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception, at.exception
    leaks = [text for text in rendered(at) if any(raw in text for raw in hostile.RAW) or AUTOLINK.search(text)]
    assert leaks == []
    charts = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert [spec for spec in charts if "<img" in spec or "<b>Kunde" in spec] == []


def test_the_largest_payer_is_shown_and_escaped_on_the_overview(hostile_db):
    at = open_page("pages/overview.py")
    assert any(c.value == "\\!\\[b\\]\\(http\u2060\\://127\\.0\\.0\\.1\\:1/x\\.png\\)" for c in at.caption)


def test_the_risk_verdict_names_it_escaped(hostile_db):
    at = open_page("pages/risk.py", lang="en")
    verdict = " ".join(e.value for e in (*at.error, *at.warning, *at.success))
    assert "\\!\\[b\\]" in verdict and IMAGE_NOT_RENDERED(verdict)


def IMAGE_NOT_RENDERED(text: str) -> bool:  # noqa: N802 - reads as a sentence in the assertion
    return hostile.IMAGE not in text
