"""Every page renders without exception on the demo data, and on an empty database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seconomy.streams import STREAMS
from tests.ui.apptest import ROOT, open_page, readable

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))


def test_app_lists_every_page_file():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert PAGES and all(f'"{page}"' in app for page in PAGES)


# nan, NaT, True, False anywhere; None unless English prose ("None yet."); a stream id (they all hold an underscore)
RAW = re.compile(r"\b(nan|NaN|NaT|True|False)\b|\bNone(?![ \t]+[a-z])\b|\b("
                 + "|".join(s for s in STREAMS if "_" in s) + r")\b")


def raw_values(at) -> list[str]:
    """Texts showing a raw value a person should never read: None, nan, NaT, True/False or a stream id."""
    return [text for text in readable(at) if RAW.search(text)]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_page_renders_on_demo_data(demo_db, page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert raw_values(at) == []


def test_app_shows_the_demo_banner_on_demo_data(demo_db):
    # AppTest keeps the entrypoint's elements only for the first run, so the banner is checked there.
    at = open_page()
    assert any("demo" in w.value.lower() for w in at.warning), "the demo banner is missing"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_empty_database(tmp_path, monkeypatch, page):
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "empty.duckdb"))
    at = open_page(page)
    assert not at.exception, at.exception
    assert raw_values(at) == []
    assert not any("demo" in w.value.lower() for w in open_page().warning)


def _outside_ui() -> list[Path]:
    return [p for p in (ROOT / "seconomy").rglob("*.py") if "ui" not in p.relative_to(ROOT / "seconomy").parts[:1]]


def test_no_streamlit_import_outside_ui():
    offenders = [str(p.relative_to(ROOT)) for p in _outside_ui()
                 if re.search(r"^\s*(import streamlit|from streamlit)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_nothing_outside_ui_imports_ui():
    """The core, the CLI and the text package never depend on the UI (the catalog lives in seconomy.text)."""
    ui = re.compile(r"^\s*(from seconomy\.ui\b|import seconomy\.ui\b|from seconomy import .*\bui\b)", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in _outside_ui() if ui.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_pages_contain_no_sql():
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b")
    offenders = [str(p) for p in Path(ROOT / "pages").glob("*.py") if sql.search(p.read_text(encoding="utf-8"))]
    offenders += [str(ROOT / "app.py")] if sql.search((ROOT / "app.py").read_text(encoding="utf-8")) else []
    assert offenders == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_page_renders_on_one_month_of_own_data(one_month_db, page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert raw_values(at) == []
