"""Page furniture shared by all pages: the language switch, the demo banner, the empty state, charts, downloads."""

from __future__ import annotations

import streamlit as st

from seconomy import demo
from seconomy.errors import SeconomyError
from seconomy.inventory import inventory
from seconomy.settings import get_settings
from seconomy.text.charts import localise
from seconomy.ui import errors
from seconomy.ui.data import query, write
from seconomy.ui.downloads import download_table
from seconomy.ui.i18n import DEFAULT_LANGUAGE, lang, t, words
from seconomy.ui.safe import md

LANGUAGES = ("da", "en")


def _from_url() -> str | None:
    chosen = st.query_params.get("lang")
    return chosen if chosen in LANGUAGES else None


def language_switch() -> None:
    """Sidebar radio Dansk/English; the choice lives in the session and in the URL (``?lang=en``).

    A page load reads ``?lang=`` first (a reload or a deep link keeps the language), then the session, then the
    default language of the settings. Every run writes the session's language back into the URL, so the
    address bar always says which language a link opens in. The choice is copied into the plain session key
    "lang" by a callback: the radio lives in app.py (the entrypoint), and Streamlit 1.67 drops an entrypoint
    widget's own keyed state on the rerun of a file-based page. The label is the same in both languages
    because a widget whose label changes is a new widget.
    """
    from_url = _from_url()
    if from_url and from_url != st.session_state.get("lang"):
        st.session_state["lang"] = from_url
        st.session_state.pop("_lang_choice", None)
    if "lang" not in st.session_state:
        try:
            st.session_state["lang"] = str(query(get_settings).get("language", DEFAULT_LANGUAGE))
        except SeconomyError:
            st.session_state["lang"] = DEFAULT_LANGUAGE

    def _chosen() -> None:
        st.session_state["lang"] = st.session_state["_lang_choice"]
        st.query_params["lang"] = st.session_state["lang"]

    st.sidebar.radio(
        "Sprog / Language", list(LANGUAGES), key="_lang_choice", horizontal=True, on_change=_chosen,
        index=LANGUAGES.index(lang()),
        format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
    )
    if st.query_params.get("lang") != lang():
        st.query_params["lang"] = lang()


def demo_banner() -> None:
    """A banner on every page while the database holds the demo enterprise."""
    settings = query(get_settings)
    if settings.get("dataset") == "demo":
        st.warning(t("demo.banner", name=md(settings.get("enterprise_name") or "demo")), icon=":material/science:")


def _load_demo() -> None:
    """The empty state's button: the demo enterprise, written by the same function as ``python -m seconomy demo``."""
    write(demo.install)
    st.session_state["demo_loaded"] = True


def require_data() -> dict:
    """Inventory of the database; stops the page with a friendly message when it has no income.

    An empty database offers the demo enterprise with one button; a database with one's own data but no income
    yet (costs only) points to the Data page.
    """
    try:
        info = query(inventory)
    except SeconomyError as exc:
        errors.show(exc, stop=True)
    if not info["counts"]["entries"]:
        if info["dataset"] == "own":
            st.info(t("empty.no_income_own"))
            st.page_link("pages/data.py", label=t("empty.to_data"), icon=":material/upload_file:")
        else:
            st.info(t("empty.no_data"))
            left, right = st.columns([1, 3])
            left.button(t("empty.load_demo"), key="empty_load_demo", type="primary", on_click=_load_demo,
                        icon=":material/science:", help=t("empty.load_demo_help"))
            right.page_link("pages/data.py", label=t("empty.to_data"), icon=":material/upload_file:")
        st.stop()
    return info


def plot(fig, key: str, **kwargs) -> None:
    """Draw a Plotly figure in the page's language: its separators, month names and percent style."""
    config = localise(fig, words(), kwargs.pop("config", None))
    st.plotly_chart(fig, width="stretch", key=key, config=config, **kwargs)


def download_csv(frame, file_name: str, key: str, headers: dict | None = None) -> None:
    """Kept for the callers of one release: the table's CSV and XLSX buttons (seconomy.ui.downloads)."""
    download_table(frame, file_name, key, headers)
