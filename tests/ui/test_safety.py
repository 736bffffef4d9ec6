"""The app's safety: one error message in the UI language instead of a traceback (logged on the server), no error
details in the browser, uploads over the limit refused before they are read, and the backups on the Settings page."""

from __future__ import annotations

import logging
import tomllib

import duckdb
import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

from seconomy import store
from seconomy.settings import UPLOAD_CEILING_MB
from seconomy.store.backup import automatic_backup
from seconomy.ui import safety
from tests.ui.apptest import ROOT, open_page, texts

MESSAGES = {"da": "Noget gik galt; intet blev ændret. Fejlen er logget.",
            "en": "Something went wrong; nothing was changed. The error is logged."}


def test_the_browser_gets_no_error_details_and_uploads_have_a_hard_ceiling():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] == UPLOAD_CEILING_MB


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_unexpected_error_is_one_message_in_the_ui_language_and_logged(demo_db, monkeypatch, caplog, lang):
    monkeypatch.delenv("SECONOMY_DEBUG")  # as in production: the boundary catches

    def broken() -> None:
        raise RuntimeError("a bug in the page")

    monkeypatch.setattr("seconomy.ui.layout.require_data", broken)
    with caplog.at_level(logging.ERROR, logger="seconomy.app"):
        # the app's first page (Overview) in app.py's own run: AppTest runs a switched-to page file on its own
        at = open_page(lang=lang)
    assert not at.exception
    assert [e.value for e in at.error] == [MESSAGES[lang]]
    assert "a bug in the page" not in texts(at)  # nothing of the error reaches the browser
    logged = [r for r in caplog.records if r.name == "seconomy.app"]
    assert logged and logged[0].exc_info and "a bug in the page" in str(logged[0].exc_info[1])


@pytest.mark.parametrize("control", [StopException(), RerunException(None)])
def test_the_boundary_lets_streamlit_s_own_control_flow_through(monkeypatch, control):
    monkeypatch.delenv("SECONOMY_DEBUG")

    def page() -> None:  # st.stop() and st.rerun() raise these (BaseExceptions): they must reach Streamlit
        raise control

    with pytest.raises(type(control)):
        safety.guarded(page)


def test_with_seconomy_debug_the_error_itself_comes_through():
    def page() -> None:
        raise RuntimeError("seen by the test suite")

    with pytest.raises(RuntimeError, match="seen by the test suite"):
        safety.guarded(page)


def _set(db, name: str, value: str) -> None:
    with store.session(db) as con:
        store.change_setting(con, name, value)


def test_an_upload_over_the_limit_is_refused_before_it_is_read(demo_db, monkeypatch):
    _set(demo_db, "upload_limit_mb", "1")

    def never(*_args, **_kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("seconomy.ui.imports._preview", never)
    at = open_page("pages/data.py", lang="en")
    big = b"Dato;Tekst;Bel\xf8b;Kunde\n" + b"05-01-2026;Kaffe;100,00;Cafe A\n" * 50_000  # 1.5 MB
    at.get("file_uploader")[0].set_value(("big.csv", big, "text/csv")).run()
    assert not at.exception
    shown = texts(at)
    assert "The file is 1.5 MB; the limit is 1 MB" in shown and "SAF-T" in shown and str(UPLOAD_CEILING_MB) in shown.replace(",", "")


def test_an_upload_under_the_limit_is_read(demo_db):
    at = open_page("pages/data.py", lang="en")
    at.get("file_uploader")[0].set_value(("small.csv", b"Dato;Tekst;Bel\xf8b;Kunde\n05-01-2026;Kaffe;100,00;Cafe A\n",
                                          "text/csv")).run()
    assert not at.exception and "the limit is" not in texts(at)


def test_settings_show_the_latest_backup_and_offer_the_whole_database(demo_db):
    at = open_page("pages/settings.py", lang="en")
    assert "There are no automatic backups yet." in texts(at)
    with store.session(demo_db) as con:
        automatic_backup(con, "before-undo-3")
    at = open_page("pages/settings.py", lang="en")
    assert not at.exception
    assert "Latest backup:" in texts(at) and "before an undo" in texts(at)
    assert "Download the whole database (a consistent copy)" in [b.label for b in at.get("download_button")]


def test_the_database_download_is_a_consistent_seconomy_database(demo_db, tmp_path):
    data = safety._database_copy()  # what the download button's callable returns when clicked
    copy = tmp_path / "download.duckdb"
    copy.write_bytes(data)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        with store.session(demo_db) as source:  # the app's shared database may hold the file open in this process
            for table in ("entries", "agreements", "placements", "settings"):
                assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == source.execute(
                    f"SELECT count(*) FROM {table}").fetchall()
    finally:
        con.close()


def test_every_uploader_checks_the_limit_before_reading():
    """Each st.file_uploader of the app is followed by the limit check (the hard ceiling alone is 1000 MB)."""
    unchecked = []
    for path in sorted((ROOT / "seconomy" / "ui").glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if "file_uploader(" in line and "upload_too_large(" not in "\n".join(lines[i:i + 5]):
                unchecked.append(f"{path.name}:{i + 1}")
    assert unchecked == []
