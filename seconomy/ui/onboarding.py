"""The first-hour checklist on the Overview (and the Data page after an import): what is still missing, with links."""

from __future__ import annotations

import streamlit as st

from seconomy.onboarding import checklist
from seconomy.settings import get_settings
from seconomy.ui.data import query
from seconomy.ui.i18n import t
from seconomy.ui.safe import md


def checklist_panel(always: bool = False) -> None:
    """The steps still open after the first own import (nothing while the demo is shown or all is done)."""
    if query(get_settings).get("dataset") != "own":
        return
    steps = query(checklist)
    if all(s.done for s in steps) and not always:
        return
    with st.container(border=True, key="onboarding"):
        st.markdown(f"**{t('onboarding.title')}**")
        st.caption(t("onboarding.intro"))
        for step in steps:
            mark = ":material/check_circle:" if step.done else ":material/radio_button_unchecked:"
            text = t(f"onboarding.{step.key}.{'done' if step.done else 'todo'}",
                     names=", ".join(md(n) for n in step.missing))
            left, right = st.columns([4, 1])
            left.markdown(f"{mark} {text}")
            if not step.done:
                right.page_link(step.page, label=t(f"onboarding.{step.key}.link"), icon=":material/arrow_forward:")


def missing_costs_stop() -> None:
    """Stop a page whose figures would otherwise be computed on zero costs."""
    st.warning(t("onboarding.no_costs"))
    st.page_link("pages/agreements.py", label=t("onboarding.costs.link"), icon=":material/arrow_forward:")
    st.stop()
