"""Login for a shared server: with login on, no page renders for a visitor; a viewer is refused every write, even when
a crafted client presses a greyed-out button; an editor writes; a broken set-up keeps the app closed."""

from __future__ import annotations

import ast

import pytest
from streamlit.testing.v1 import AppTest

from seconomy import store
from seconomy.access import EDITOR, VIEWER, User, hash_password
from seconomy.text.catalog import CATALOG
from seconomy.ui.auth import USER_KEY
from seconomy.ui.safe import md
from seconomy.ui.shell import MARK
from tests.ui.apptest import APP, ROOT

PASSWORD = "rødgrød med fløde"
REFUSED_DA = CATALOG["auth.refused"][0]
VIEWER_BO, EDITOR_ANNA = User("bo", VIEWER), User("anna", EDITOR)
PLAIN = b"Dato;Tekst;Bel\xf8b;Kunde\n05-01-2026;Kaffe;1.000,00;Caf\xe9 Solsikken\n06-01-2026;Bevilling;5.000,00;Velux Fonden\n"


def _pages() -> list[str]:
    """The page files app.py lists in PAGES (read from its source: importing app.py would run it)."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    return [entry[0] for entry in ast.literal_eval(node.value)]


@pytest.fixture(scope="module")
def secrets() -> dict:
    hashed = hash_password(PASSWORD)
    return {"seconomy": {"login": "password", "users": {
        "anna": {"password_hash": hashed, "role": EDITOR}, "bo": {"password_hash": hashed, "role": VIEWER}}}}


def _app(secrets: dict, user: User | None = None, lang: str = "da") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = secrets
    at.session_state["lang"] = lang
    if user is not None:
        at.session_state[USER_KEY] = user
    return at.run()


def _open(secrets: dict, page: str, user: User | None) -> AppTest:
    at = _app(secrets, user)
    at.switch_page(page)
    at.run()
    return at


def _titles(at: AppTest) -> list[str]:
    return [str(t.value) for t in at.title]


def _press(at: AppTest, key: str) -> AppTest:
    """Check the button is greyed out for the viewer, then press it the way a crafted client could (AppTest itself
    refuses disabled widgets): Streamlit discards the forged press server-side, and write() would refuse it."""
    button = at.button(key=key)
    assert button.disabled, key
    button.proto.disabled = False
    at = button.click().run()
    assert not at.exception, at.exception
    return at


def _settings_save(at: AppTest):
    return next(b for b in at.button if str(b.key).startswith("FormSubmitter:settings_form"))


def _refused(at: AppTest) -> bool:
    shown = [str(e.value) for e in at.error] + [str(e.message) for e in at.exception]
    return any(REFUSED_DA in text for text in shown)


def _try_write(action: str, db: str) -> None:
    """An AppTest script: attempt one of the pages' writes through seconomy.ui.data.write, show what happened."""
    import datetime as dt

    import streamlit as st

    from seconomy.access import NotPermitted
    from seconomy.agreements import edit as agreements
    from seconomy.effect import edit as placements
    from seconomy.grants import edit as pipeline
    from seconomy.ingest.history import undo
    from seconomy.ingest.importer import import_file
    from seconomy.ingest.reclassify import reclassify
    from seconomy.store import replace_rules, update_settings
    from seconomy.store import scenarios as saved
    from seconomy.ui.data import write

    plain = b"Dato;Tekst;Bel\xf8b;Kunde\n05-01-2026;Kaffe;1.000,00;Caf\xe9 Solsikken\n"
    writes = {
        "settings": (update_settings, {"hhi_high": "3000"}),
        "import": (import_file, plain, "kasse.csv"),
        "undo": (undo, 1),
        "reclassify": (reclassify,),
        "rules": (replace_rules, []),
        "agreement": (agreements.delete_agreement, 1),
        "scenario": (saved.create_scenario, "Ny", '{"name": "Ny", "months": 12, "shocks": []}'),
        "pipeline": (pipeline.delete, 1),
        "placement": (placements.delete_placement, 1),
        "cash": (agreements.set_cash, 1000, dt.date(2026, 1, 1)),
    }
    fn, *args = writes[action]
    try:
        write(fn, *args)
        st.success("written")
    except NotPermitted as exc:
        st.error(str(exc))


def _count(db, sql: str) -> object:
    with store.session(db) as con:
        return con.execute(sql).fetchall()


def test_with_login_on_the_login_is_the_only_page_of_the_app(secrets, demo_db):
    at = _app(secrets)
    assert _titles(at) == ["Log ind"] and not at.metric and not at.dataframe and not at.get("plotly_chart")
    for page in _pages():
        with pytest.raises(ValueError, match=r"Known pages: \['Log ind'\]"):  # no page of the app is routable
            at.switch_page(page)


@pytest.mark.parametrize("page", _pages())
def test_a_page_run_on_its_own_draws_nothing_without_a_login(secrets, demo_db, page):
    """The second lock: a page file run directly (a fresh server's first deep link) stops in inside_app()."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    at.secrets = secrets
    at.session_state[MARK] = True
    at.run()
    assert not at.exception, at.exception
    assert _titles(at) == [] and not at.metric and not at.dataframe and not at.get("plotly_chart")
    at.session_state[USER_KEY] = VIEWER_BO  # and with a viewer signed in, it draws
    at.run()
    assert not at.exception and _titles(at)


def test_the_login_is_the_only_page_until_the_password_is_right(secrets, demo_db):
    at = _app(secrets)
    assert _titles(at) == ["Log ind"] and not at.metric and not at.get("plotly_chart")
    at.text_input(key="auth_name").input("anna")
    at.text_input(key="auth_password").input("forkert")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Forkert brugernavn eller adgangskode."] and _titles(at) == ["Log ind"]
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert _titles(at) == ["Overblik"]
    assert "Logget ind som anna (redaktør)" in [c.value for c in at.sidebar.caption]


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(secrets, demo_db):
    at = _app(secrets)
    at.text_input(key="auth_name").input("mallory")
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Forkert brugernavn eller adgangskode."] and _titles(at) == ["Log ind"]


def test_repeated_wrong_passwords_lock_the_name_for_a_while(secrets, demo_db):
    at = _app(secrets)
    at.text_input(key="auth_name").input("bo")
    for _ in range(5):
        at.text_input(key="auth_password").input("gæt")
        at.button[0].click().run()
    at.text_input(key="auth_password").input(PASSWORD)  # even the right password waits now
    at.button[0].click().run()
    assert [e.value for e in at.error] == [CATALOG["auth.locked"][0]] and _titles(at) == ["Log ind"]


def test_a_broken_login_set_up_keeps_the_app_closed(demo_db):
    at = _app({"seconomy": {"login": "password"}})  # password login, but no users
    assert not _titles(at) and "secrets.toml" in at.error[0].value
    at = _app({"seconomy": {"login": "sometimes"}})
    assert not _titles(at) and at.error


def test_oidc_lets_in_the_listed_and_refuses_the_rest(demo_db):
    secrets = {"seconomy": {"login": "oidc", "oidc": {"editors": ["anna@example.dk"], "viewers": ["@example.dk"]}},
               "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}}
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = secrets
    at.run()
    assert _titles(at) == ["Log ind"] and at.button(key="auth_oidc")
    for email, role in (("anna@example.dk", "redaktør"), ("bo@example.dk", "læser")):
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets, at.user = secrets, {"is_logged_in": True, "email": email}
        at.run()
        shown = md(email)  # escaped, and a word joiner so the browser does not make it a mailto link
        assert _titles(at) == ["Overblik"] and f"Logget ind som {shown} ({role})" in [c.value for c in at.sidebar.caption]
        assert "\u2060@" in shown
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets, at.user = secrets, {"is_logged_in": True, "email": "eve@elsewhere.dk"}
    at.run()
    assert _titles(at) == ["Log ind"] and md("eve@elsewhere.dk") in at.error[0].value


# ---------------------------------------------------------------- a viewer writes nothing, an editor does

def test_a_viewer_sees_the_pages_with_the_write_buttons_greyed_out(secrets, demo_db):
    at = _open(secrets, "pages/settings.py", VIEWER_BO)
    assert _titles(at) == ["Indstillinger"] and _settings_save(at).disabled
    at = _open(secrets, "pages/scenarios.py", VIEWER_BO)
    assert at.button(key="scn.do.save").disabled and at.button(key="scn.do.copy").disabled


def test_a_viewer_cannot_save_settings(secrets, demo_db):
    before = _count(demo_db, "SELECT name, value FROM settings ORDER BY name")
    at = _open(secrets, "pages/settings.py", VIEWER_BO)
    at.text_input(key="setting_hhi_high").set_value("3000")
    _press(at, _settings_save(at).key)
    assert _count(demo_db, "SELECT name, value FROM settings ORDER BY name") == before


def test_an_editor_saves_settings(secrets, demo_db):
    at = _open(secrets, "pages/settings.py", EDITOR_ANNA)
    at.text_input(key="setting_hhi_high").set_value("3000")
    _settings_save(at).click().run()
    assert ("hhi_high", "3000") in _count(demo_db, "SELECT name, value FROM settings")


def test_a_viewer_cannot_import(secrets, tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    monkeypatch.setenv("SECONOMY_DB", str(db))
    at = _open(secrets, "pages/data.py", VIEWER_BO)
    at.get("file_uploader")[0].set_value(("kasse.csv", PLAIN, "text/csv")).run()
    confirm = next(b for b in at.button if str(b.key).startswith("data_confirm_"))
    assert confirm.disabled  # the preview is there to look at, the button is greyed out
    _press(at, confirm.key)
    assert _count(db, "SELECT count(*) FROM entries") == [(0,)]


def test_a_viewer_cannot_undo_an_import(secrets, one_month_db):
    before = _count(one_month_db, "SELECT count(*) FROM entries")
    at = _open(secrets, "pages/data.py", VIEWER_BO)
    _press(at, "data_undo")
    assert _count(one_month_db, "SELECT count(*) FROM entries") == before
    assert _count(one_month_db, "SELECT count(*) FROM imports WHERE undone_at IS NOT NULL") == [(0,)]


def test_a_viewer_cannot_reclassify(secrets, one_month_db):
    with store.session(one_month_db) as con:  # a rule that would move an entry, so the button shows
        con.execute("UPDATE entries SET stream = 'other'")
    before = _count(one_month_db, "SELECT id, stream FROM entries ORDER BY id")
    at = _open(secrets, "pages/data.py", VIEWER_BO)
    at.button(key="rules_check").click().run()
    _press(at, "rules_reclassify")
    assert _count(one_month_db, "SELECT id, stream FROM entries ORDER BY id") == before


def test_a_viewer_cannot_add_an_agreement(secrets, demo_db):
    before = _count(demo_db, "SELECT count(*) FROM agreements")
    at = _open(secrets, "pages/agreements.py", VIEWER_BO)
    _press(at, "ag_contract_new_0_save")
    assert _count(demo_db, "SELECT count(*) FROM agreements") == before


def test_a_viewer_cannot_save_a_scenario(secrets, demo_db):
    before = _count(demo_db, "SELECT count(*) FROM scenarios")
    at = _open(secrets, "pages/scenarios.py", VIEWER_BO)
    _press(at, "scn.do.copy")
    assert _count(demo_db, "SELECT count(*) FROM scenarios") == before


def test_a_viewer_cannot_add_to_the_pipeline(secrets, demo_db):
    before = _count(demo_db, "SELECT count(*) FROM applications")
    at = _open(secrets, "pages/grants.py", VIEWER_BO)
    _press(at, "gr_new_0_add")
    assert _count(demo_db, "SELECT count(*) FROM applications") == before


def test_a_viewer_cannot_add_a_placement(secrets, demo_db):
    before = _count(demo_db, "SELECT count(*) FROM placements")
    at = _open(secrets, "pages/effect.py", VIEWER_BO)
    _press(at, "ef_pl_new_0_save")
    assert _count(demo_db, "SELECT count(*) FROM placements") == before


def test_a_viewer_may_still_download_and_load_a_saved_scenario(secrets, demo_db):
    at = _open(secrets, "pages/scenarios.py", VIEWER_BO)
    first = _count(demo_db, "SELECT min(id) FROM scenarios")[0][0]  # the demo's saved scenarios
    next(s for s in at.selectbox if str(s.key).startswith("scn.pick.")).set_value(str(first)).run()
    assert not at.exception and not at.error and at.session_state["scn.loaded"] == first


WRITES = ("settings", "import", "undo", "reclassify", "rules", "agreement", "scenario", "pipeline", "placement", "cash")


def _tables(db) -> dict:
    tables = ("entries", "imports", "settings", "agreements", "scenarios", "applications", "placements", "rules")
    return {t: _count(db, f"SELECT * FROM {t} ORDER BY ALL") for t in tables}  # noqa: S608 - fixed names


@pytest.mark.parametrize("action", WRITES)
def test_write_refuses_a_viewer_whatever_the_write(secrets, demo_db, action):
    """The one door: seconomy.ui.data.write refuses a viewer every page's kind of change, and nothing is written."""
    before = _tables(demo_db)
    at = AppTest.from_function(_try_write, args=(action, str(demo_db)), default_timeout=60)
    at.secrets = secrets
    at.session_state[USER_KEY] = VIEWER_BO
    at.run()
    assert [e.value for e in at.error] == [REFUSED_DA] and not at.success
    assert _tables(demo_db) == before


@pytest.mark.parametrize("who", ["editor", "no login"])
@pytest.mark.parametrize("action", ["settings", "import", "scenario"])
def test_the_same_writes_go_through_for_an_editor_and_without_login(secrets, demo_db, action, who):
    before = _tables(demo_db)
    at = AppTest.from_function(_try_write, args=(action, str(demo_db)), default_timeout=60)
    if who == "editor":
        at.secrets = secrets
        at.session_state[USER_KEY] = EDITOR_ANNA
    at.run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["written"] and _tables(demo_db) != before
