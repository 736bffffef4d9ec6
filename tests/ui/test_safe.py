"""User text reaches markdown only escaped: no links, images, HTML or formatting survive."""

from __future__ import annotations

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
    assert "![b](http://host/x.png)" in out


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
