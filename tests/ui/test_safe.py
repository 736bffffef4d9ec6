"""User text reaches markdown only escaped: no links, images, HTML or formatting survive."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from seconomy.ui.safe import attr, md

_MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def _rendered(text: str) -> str:
    return _MD.render(text)


def test_md_escapes_an_image_link():
    out = _rendered(md("![b](http://host/x.png)"))
    assert "<img" not in out and "href" not in out
    assert "![b](http\u2060://host/x.png)" in out  # as typed (with an invisible word joiner: see below)


def test_md_escapes_html_and_emphasis():
    out = _rendered(md("<img src=x onerror=alert(1)> **bold** _it_ `code`"))
    assert "<img" not in out and "<strong>" not in out and "<em>" not in out and "<code>" not in out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_md_never_produces_markup(text):
    out = _rendered(md(text))
    for tag in ("<a ", "<img", "<strong", "<em>", "<code", "<h1", "<h2", "<ul", "<ol", "<table", "<script", "<del"):
        assert tag not in out


def test_attr_escapes_quotes_and_tags():
    assert attr('<b a="1">') == "&lt;b a=&quot;1&quot;&gt;"


def test_md_breaks_bare_addresses_that_gfm_would_link():
    """GFM links 'http://…', 'www.…' and 'a@b.dk' in the text itself, escaped or not: a word joiner breaks them."""
    linkable = re.compile(r"(?i)(https?|www)\\?[:.]|\w\\?@")
    for text in ("see http://127.0.0.1:1/x.png", "www.example.com", "kontakt@kommune.dk", "HTTPS://X.DK"):
        out = md(text)
        assert not linkable.search(out), out
        assert out.replace("\u2060", "").replace("\\", "") == text  # nothing else changes
