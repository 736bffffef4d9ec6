"""Page furniture shared by all pages: the language switch, the demo banner, downloads."""

from __future__ import annotations

import streamlit as st

from seconomy.errors import SeconomyError
from seconomy.inventory import inventory
from seconomy.settings import get_settings
from seconomy.ui.data import query, show_error
from seconomy.ui.i18n import DEFAULT_LANGUAGE, lang, t


def language_switch() -> None:
    """Sidebar radio Dansk/English; the choice lives in the session, the default in settings.

    The choice is copied into the plain session key "lang" by a callback: the radio lives in
    app.py (the entrypoint), and Streamlit 1.67 drops an entrypoint widget's own keyed state on
    the rerun of a file-based page, which would throw the user's choice away. The label is the
    same in both languages because a widget whose label changes is a new widget.
    """
    if "lang" not in st.session_state:
        try:
            st.session_state["lang"] = str(query(get_settings).get("language", DEFAULT_LANGUAGE))
        except SeconomyError:
            st.session_state["lang"] = DEFAULT_LANGUAGE

    def _chosen() -> None:
        st.session_state["lang"] = st.session_state["_lang_choice"]

    st.sidebar.radio(
        "Sprog / Language", ["da", "en"], key="_lang_choice", horizontal=True, on_change=_chosen,
        index=0 if st.session_state["lang"] == "da" else 1,
        format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
    )


def demo_banner() -> None:
    """A banner on every page while the database holds the demo enterprise."""
    settings = query(get_settings)
    if settings.get("dataset") == "demo":
        st.warning(t("demo.banner", name=settings.get("enterprise_name") or "demo"), icon="🧪")


def require_data() -> dict:
    """Inventory of the database; stops the page with a friendly message when it has no income."""
    try:
        info = query(inventory)
    except SeconomyError as exc:
        show_error(exc)
    if not info["counts"]["entries"]:
        st.info(t("empty.no_data"))
        st.stop()
    return info


def plot(fig, key: str, **kwargs) -> None:
    """Draw a Plotly figure with the current language's number separators (1.234,5 / 1,234.5)."""
    fig.update_layout(separators=",." if lang() == "da" else ".,")
    st.plotly_chart(fig, width="stretch", key=key, **kwargs)


def download_csv(frame, file_name: str, key: str) -> None:
    """A download button for a table, as UTF-8 CSV."""
    st.download_button(t("download.csv"), frame.to_csv(index=False).encode("utf-8"), file_name=file_name,
                       mime="text/csv", key=key)
