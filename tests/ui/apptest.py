"""Helpers for AppTest: run the real app.py and switch to a page, as a user would navigate."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def open_page(page: str | None = None, lang: str | None = None, timeout: float = 30) -> AppTest:
    """Run app.py (with its navigation and sidebar) and open ``page`` (e.g. "pages/risk.py")."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def texts(at: AppTest) -> str:
    """All visible text of markdown, metrics, captions, titles and alerts, joined for searching."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption"):
        parts += [str(el.value) for el in at.get(kind)]
    for alerts in (at.info, at.warning, at.error, at.success):
        parts += [str(el.value) for el in alerts]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def readable(at: AppTest) -> list[str]:
    """Everything a person reads on the page: texts, metrics, widget labels and options, table headers and cells."""
    parts = texts(at).split("\n")
    for frame in [f.value for f in at.dataframe] + [f.value for f in at.get("table")]:
        if hasattr(frame, "columns"):
            parts += [str(c) for c in frame.columns]
            # text cells; empty cells show the table's placeholder (""), truth values a tick box
            parts += [v for column in frame.columns for v in frame[column].tolist() if isinstance(v, str)]
    for kind in ("selectbox", "radio", "multiselect"):
        for widget in at.get(kind):
            parts.append(str(widget.label))
            parts += [str(o) for o in getattr(widget, "options", [])]
    for kind in ("text_input", "number_input", "date_input", "checkbox", "button", "toggle", "slider"):
        parts += [str(w.label) for w in at.get(kind)]
    parts += [str(e.label) for e in at.get("expander")] + [str(t.label) for t in at.get("tab")]
    return parts
