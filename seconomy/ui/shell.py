"""Every page runs inside the app: its navigation, language switch and demo banner.

Why: Streamlit 1.67 still reads a ``pages/`` folder beside the entry point the old way until ``st.navigation`` has run
once in the server process. So the very first request of a fresh server, when it is a deep link (``/effect?municipality=159``,
a bookmark, a reload), runs the page file on its own: no sidebar of the app, no language switch, no banner. app.py marks
each session it has run in; a page that finds no mark switches the old behaviour off and runs again, this time through
app.py, which opens the same page (its URL path is the same) with everything around it.

Login: when it is on, app.py shows only the login until someone is signed in; a page that runs anyway (reached
before app.py's gate) draws nothing — every page starts here, so this is the second lock on every page.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from seconomy.ui import auth

MARK = "_seconomy_shell"


def mark() -> None:
    """Called by app.py: this session runs through the app's navigation."""
    st.session_state[MARK] = True


def inside_app() -> None:
    """At the top of every page: when run on its own (the old pages-folder behaviour), run again through app.py."""
    if not st.session_state.get(MARK):
        PagesManager.uses_pages_directory = False
        st.rerun()
    if not auth.signed_in():
        st.stop()
