"""The file uploader with its own texts in the page's language.

Streamlit 1.67 writes the uploader's button ("Upload") and its limit ("200MB per file") in English and offers no
setting for them; the label and help are ours. So every uploader gets a caption beside it, in the page's
language, saying what the button does, the size limit and the kinds of file it takes.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from seconomy.ui.i18n import number, t


def server_limit_mb() -> int:
    """The server's upload limit in MB (``server.maxUploadSize``)."""
    try:
        return int(st.get_option("server.maxUploadSize"))
    except Exception:  # noqa: BLE001 - an unreadable option falls back to Streamlit's default
        return 200


def upload_limit_mb() -> int:
    """The largest file the pages read: the setting ``upload_limit_mb``, never above the server's limit."""
    from seconomy.settings import get_settings
    from seconomy.ui.data import query

    return min(int(query(get_settings)["upload_limit_mb"]), server_limit_mb())


def uploader(label: str, key: str, types: Sequence[str] | None = None, help: str | None = None,
             label_visibility: str = "visible", container=None):
    """``st.file_uploader`` with the caption that says its English parts in the page's language; a file over the
    ``upload_limit_mb`` setting is refused (with its message) before anything reads it, and None returned."""
    from seconomy.ui.safety import upload_too_large

    where = container or st
    upload = where.file_uploader(label, type=list(types) if types else None, key=key, help=help,
                                 label_visibility=label_visibility)
    kinds = ", ".join(k.upper() for k in types) if types else t("upload.any_kind")
    where.caption(t("upload.caption", size=number(upload_limit_mb()), kinds=kinds))
    return None if upload is None or upload_too_large(upload) else upload
