"""Login and roles in the app: the gate app.py runs before any page, the signed-in user, the write check.

Why one gate before ``navigation.run()``: when login is on, an unknown visitor gets the login page as the app's
only page (``st.navigation`` with that one page), so no page of the app is even routable; every page's
``inside_app()`` checks again, so a page reached some other way draws nothing. The set-up comes from
``.streamlit/secrets.toml`` (see ``seconomy.access``); a set-up that cannot be read keeps the app closed rather
than open. Password sign-ins live in the browser session (a reload asks again); OpenID Connect sign-ins are
Streamlit's own (``st.login``, a cookie).
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from seconomy.access import AccessConfigError, LoginConfig, NotPermitted, Throttle, User, check_password, login_config, oidc_user
from seconomy.ui.i18n import t
from seconomy.ui.safe import md

USER_KEY = "_seconomy_user"


@st.cache_resource
def _throttle() -> Throttle:
    """Failed password attempts, per server process (shared by every session)."""
    return Throttle()


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError as exc:
        if any(Path(p).exists() for p in st.get_option("secrets.files")):  # there is a file, and it does not parse
            raise AccessConfigError(str(exc)) from None
        return {}


def config() -> LoginConfig:
    """The login set-up (off without a secrets file); AccessConfigError when it cannot be used."""
    return login_config(_secrets())


def current_user() -> User | None:
    """The signed-in user with their role; None when nobody is (or login is off)."""
    try:
        cfg = config()
    except AccessConfigError:
        return None
    if cfg.mode == "password":
        user = st.session_state.get(USER_KEY)
        return user if isinstance(user, User) and user.name in cfg.users else None
    if cfg.mode == "oidc" and st.user.get("is_logged_in", False):
        return oidc_user(cfg, st.user.get("email"))
    return None


def signed_in() -> bool:
    """True when the pages may be shown: login is off, or someone with a role is signed in. Closed on a bad set-up."""
    try:
        cfg = config()
    except AccessConfigError:
        return False
    return not cfg.required or current_user() is not None


def can_write() -> bool:
    """True when this session may change data (login off, or an editor signed in): buttons use it to disable."""
    try:
        cfg = config()
    except AccessConfigError:
        return False
    if not cfg.required:
        return True
    user = current_user()
    return user is not None and user.can_write


def require_editor() -> None:
    """The one check every write goes through (seconomy.ui.data.write); the message is in the UI language."""
    if not can_write():
        raise NotPermitted(t("auth.refused"))


def gate() -> None:
    """In app.py before the navigation: when login is on and nobody is signed in, show only the login and stop."""
    try:
        cfg = config()
    except AccessConfigError as exc:
        st.error(t("auth.config_error", error=md(str(exc))))
        st.stop()
    if not cfg.required or current_user() is not None:
        return
    st.navigation([st.Page(lambda: _login_page(cfg), title=t("auth.title"), icon=":material/lock:", url_path="login")],
                  position="hidden").run()
    st.stop()


def _login_page(cfg: LoginConfig) -> None:
    st.title(t("auth.title"))
    st.caption(t("auth.intro"))
    if cfg.mode == "oidc":
        _oidc_login(cfg)
    else:
        _password_login(cfg)


def _password_login(cfg: LoginConfig) -> None:
    with st.form("auth_form"):
        name = st.text_input(t("auth.name"), key="auth_name", max_chars=200)
        password = st.text_input(t("auth.password"), type="password", key="auth_password", max_chars=1024)
        submitted = st.form_submit_button(t("auth.submit"), type="primary")
    if not submitted:
        return
    throttle, now = _throttle(), time.monotonic()
    if throttle.locked(name, now):
        st.error(t("auth.locked"))
        return
    user = check_password(cfg, name, password)
    if user is None:
        throttle.failed(name, now)
        st.error(t("auth.wrong"))
        return
    throttle.succeeded(name)
    st.session_state[USER_KEY] = user
    st.rerun()


def _oidc_login(cfg: LoginConfig) -> None:
    if st.user.get("is_logged_in", False):  # signed in at the provider, but not given a role here
        st.error(t("auth.not_listed", email=md(str(st.user.get("email") or "–"))))
        st.button(t("auth.logout"), key="auth_logout_unlisted", on_click=st.logout)
        return
    st.button(t("auth.oidc"), key="auth_oidc", type="primary", on_click=st.login)


def sidebar() -> None:
    """Who is signed in, with a sign-out button (nothing when login is off)."""
    user = current_user()
    if user is None:
        return
    st.sidebar.caption(t("auth.signed_in", name=md(user.name), role=t(f"auth.role.{user.role}")))
    if not user.can_write:
        st.sidebar.caption(t("auth.viewer_note"))
    st.sidebar.button(t("auth.logout"), key="auth_logout", on_click=_logout, icon=":material/logout:")


def _logout() -> None:
    if st.session_state.pop(USER_KEY, None) is None:
        st.logout()
