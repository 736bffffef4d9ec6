"""Text is text: user-supplied strings shown through Streamlit's markdown never become markup.

Why: a counterparty named ``![b](http://host/x.png)`` or ``<img src=…>`` would otherwise be rendered as an
image the browser fetches, and ``**Kommune**`` would turn bold. Every name, note or free text that reaches
``st.markdown``, a caption, a metric label or an alert goes through ``md`` first.
"""

from __future__ import annotations

import html
import re

from seconomy.text.safe import plotly_text

__all__ = ["attr", "md", "plotly_text"]

# Every character Streamlit's markdown (CommonMark + GFM, with its :colour[] and :material/ directives and
# $…$ maths) can read as syntax. Backslash-escaping them keeps the text as typed.
_LEADING = re.compile(r"^ +")
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=^&\"'])")


# GFM turns bare addresses into links after parsing, in the text itself, so escaping cannot stop it ("http\://host"
# still links): an invisible word joiner (U+2060) after the scheme, after "www" and before "@" breaks the pattern.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www|xmpp)(?=[:.])|(?=@)")
_JOINER = "\u2060"


def md(text: object) -> str:
    """``text`` escaped for Streamlit markdown: shown literally, never as links, images, HTML or formatting."""
    raw = ("" if text is None else str(text)).replace("\t", " ").replace("\r", " ")
    escaped = _SPECIAL.sub(r"\\\1", _AUTOLINK.sub(lambda m: (m.group(1) or "") + _JOINER, raw))
    # Leading blanks would make an indented code block: keep them as no-break spaces.
    lines = [_LEADING.sub(lambda m: "\u00a0" * len(m.group(0)), line) for line in escaped.split("\n")]
    return "  \n".join(lines)


def attr(text: object) -> str:
    """``text`` for an HTML report (element content or attribute value)."""
    return html.escape("" if text is None else str(text), quote=True)
