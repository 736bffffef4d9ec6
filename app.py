"""seconomy — the Streamlit entry point: page navigation, language switch, demo banner.

Run with ``make run`` (or ``streamlit run app.py [-- --db PATH]``).
"""

import streamlit as st

from seconomy.access import NotPermitted
from seconomy.ui import auth, shell
from seconomy.ui.i18n import t
from seconomy.ui.layout import demo_banner, language_switch
from seconomy.ui.safety import guarded

st.set_page_config(page_title="seconomy", page_icon="🌱", layout="wide")
shell.mark()
language_switch()
auth.gate()  # login on and nobody signed in: the login page is the app's only page, and the run ends here

# One line per page (file, text key, icon, url path). Pages are thin: widgets in, one call, charts out.
PAGES = [
    ("pages/overview.py", "nav.overview", ":material/dashboard:", "overview"),
    ("pages/data.py", "nav.data", ":material/upload_file:", "data"),
    ("pages/risk.py", "nav.risk", ":material/warning:", "risk"),
    ("pages/effect.py", "nav.effect", ":material/diversity_3:", "effect"),
    ("pages/agreements.py", "nav.agreements", ":material/handshake:", "agreements"),
    ("pages/scenarios.py", "nav.scenarios", ":material/query_stats:", "scenarios"),
    ("pages/grants.py", "nav.grants", ":material/volunteer_activism:", "grants"),
    ("pages/settings.py", "nav.settings", ":material/settings:", "settings"),
]

navigation = st.navigation(
    [st.Page(path, title=t(key), icon=icon, url_path=url, default=(i == 0)) for i, (path, key, icon, url) in enumerate(PAGES)]
)
st.sidebar.caption(t("app.tagline"))
auth.sidebar()
demo_banner()


def _page() -> None:
    """The chosen page; a viewer's write (seconomy.ui.data.write refuses it) is shown in the UI language."""
    try:
        navigation.run()
    except NotPermitted as refused:
        st.error(str(refused), icon=":material/lock:")


guarded(_page)  # an unexpected error: one message in the UI language, the traceback in the server log
