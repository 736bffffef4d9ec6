"""The app's safety furniture: the one error boundary, the upload limit, and the backups section of Settings.

Why here: each is one call from its place (``app.py``, ``imports.import_tab``, ``pages/settings.py``), so the pages
keep their shape and the behaviour is tested in one module (tests/ui/test_safety.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable

import streamlit as st

from seconomy import store
from seconomy.settings import UPLOAD_CEILING_MB, get_settings
from seconomy.text.catalog import CATALOG
from seconomy.ui.data import database, query, write
from seconomy.ui.i18n import date, number, t

LOG = logging.getLogger("seconomy.app")
MB = 1024 * 1024


def guarded(run: Callable[[], object]) -> None:
    """Run the page; an unexpected error becomes one message in the UI language, its traceback goes to the log.

    Streamlit's own control flow (``st.stop``, ``st.rerun``, ``st.switch_page``) raises BaseExceptions, not
    Exceptions, and passes through untouched. With ``client.showErrorDetails = "none"`` no traceback reaches the
    browser in any case; this turns the bare "an error occurred" into the app's own sentence. ``SECONOMY_DEBUG=1``
    (set for the whole test suite in tests/conftest.py) lets the error through, so no page test can miss one.
    """
    try:
        run()
    except Exception:
        if os.environ.get("SECONOMY_DEBUG"):  # developers and the test suite see the real error
            raise
        LOG.exception("page failed")
        st.error(t("safety.error"))


def upload_too_large(upload) -> bool:
    """True (and the message shown) when an upload is over the ``upload_limit_mb`` setting; checked before reading."""
    limit = int(query(get_settings)["upload_limit_mb"])
    if upload.size <= limit * MB:
        return False
    st.error(t("safety.upload_too_large", size=number(upload.size / MB, 1), limit=number(limit),
               ceiling=number(UPLOAD_CEILING_MB)))
    return True


def _reason(reason: str) -> str:
    kind = reason.rsplit("-", 1)[0] if reason[-1:].isdigit() else reason
    key = f"safety.reason.{kind}"
    return t(key) if key in CATALOG else t("safety.reason.other")


def _database_copy() -> bytes:
    """A consistent copy of the database (one transaction), made only when the button is clicked."""
    return write(store.copy_bytes, tempfile.gettempdir())


def backup_section() -> None:
    """The latest automatic backup (time, size, why) and a download of the whole database."""
    st.subheader(t("safety.backups"))
    st.caption(t("safety.backups_caption", kept=number(query(get_settings)["backups_kept"])))
    found = store.list_backups(database())
    if found:
        latest = found[0]
        st.caption(t("safety.latest_backup", time=f"{date(latest.created.date())} {latest.created:%H:%M}",
                     size=number(latest.size / MB, 1), reason=_reason(latest.reason)))
    else:
        st.caption(t("safety.no_backup"))
    st.download_button(t("safety.download_db"), data=_database_copy, file_name=f"{database().stem}-{dt.date.today()}.duckdb",
                       mime="application/octet-stream", on_click="ignore", key="settings_download_db",
                       help=t("safety.download_help"))
