"""The login set-up and the password check (seconomy.access) and the ``users hash`` command."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy.access import (
    EDITOR,
    VIEWER,
    AccessConfigError,
    LoginConfig,
    Throttle,
    User,
    check_password,
    hash_password,
    login_config,
    oidc_user,
)
from tests.ui.apptest import ROOT

HASH = hash_password("korrekt hest")


def _password_setup(**users) -> dict:
    return {"seconomy": {"login": "password", "users": users}}


def test_no_secrets_means_login_off():
    assert login_config({}) == LoginConfig() and not login_config({}).required
    assert not login_config({"seconomy": {"login": "off"}}).required


def test_password_users_and_roles_are_read():
    config = login_config(_password_setup(Anna={"password_hash": HASH, "role": "Editor"}, bo={"password_hash": HASH}))
    assert config.required and config.users == {"anna": (HASH, EDITOR), "bo": (HASH, VIEWER)}  # names folded, viewer default


@pytest.mark.parametrize("secrets, message", [
    ({"seconomy": {"login": "maybe"}}, "seconomy.login must be one of"),
    ({"seconomy": {"login": "password"}}, "no [seconomy.users.NAME]"),
    (_password_setup(anna={"password_hash": "hemmelig"}), "needs password_hash"),
    (_password_setup(anna={"password_hash": HASH, "role": "admin"}), "role must be 'viewer' or 'editor'"),
    ({"seconomy": {"login": "oidc", "oidc": {"editors": ["a@b.dk"]}}}, "no [auth] block"),
    ({"seconomy": {"login": "oidc"}, "auth": {}}, "lists no editors or viewers"),
    ({"seconomy": {"login": "oidc", "oidc": {"editors": "a@b.dk"}}, "auth": {}}, "must be a list"),
])
def test_a_set_up_that_cannot_work_is_refused_with_the_reason(secrets, message):
    with pytest.raises(AccessConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        login_config(secrets)


def test_the_right_password_gives_the_user_with_the_role():
    config = login_config(_password_setup(anna={"password_hash": HASH, "role": "editor"}))
    assert check_password(config, " Anna ", "korrekt hest") == User("anna", EDITOR)
    assert check_password(config, "anna", "korrekt hest!") is None
    assert check_password(config, "bo", "korrekt hest") is None  # unknown user: checked against a dummy hash
    assert check_password(config, "anna", "") is None
    assert check_password(config, "anna", "x" * 5000) is None  # no megabyte passwords


def test_a_placeholder_hash_lets_nobody_in():
    config = login_config(_password_setup(anna={"password_hash": "$argon2id$v=19$m=65536,t=3,p=4$REPLACE$ME"}))
    assert check_password(config, "anna", "REPLACE") is None


def test_oidc_roles_by_address_and_domain():
    config = login_config({"seconomy": {"login": "oidc", "oidc": {"editors": ["Anna@Example.dk"], "viewers": ["@example.dk"]}},
                           "auth": {}})
    assert oidc_user(config, "anna@example.dk") == User("anna@example.dk", EDITOR)
    assert oidc_user(config, "bo@example.dk") == User("bo@example.dk", VIEWER)
    assert oidc_user(config, "eve@notexample.dk") is None  # '@example.dk' is a domain, not a suffix of any text
    assert oidc_user(config, "eve@example.dk.evil.com") is None and oidc_user(config, None) is None


def test_only_an_editor_can_write():
    assert User("a", EDITOR).can_write and not User("b", VIEWER).can_write


def test_the_throttle_locks_a_name_after_five_failures_and_forgets_after_success():
    throttle = Throttle(limit=5, window_s=600, lock_s=60)
    for second in range(5):
        assert not throttle.locked("bo", second)
        throttle.failed("Bo", second)
    assert throttle.locked("bo", 10) and not throttle.locked("anna", 10)
    assert not throttle.locked("bo", 4 + 61)  # the lock lasts a minute after the last failure
    throttle.failed("bo", 100)
    throttle.succeeded("bo")
    assert not throttle.locked("bo", 101)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0, 10_000), max_size=30))
def test_the_throttle_never_keeps_more_than_it_needs(times):
    throttle = Throttle(limit=5)
    for when in sorted(times):
        throttle.failed("x", when)
    assert len(throttle._failures.get("x", [])) <= 5


def test_users_hash_reads_stdin_and_prints_a_hash_that_verifies():
    result = subprocess.run([sys.executable, "-m", "seconomy", "users", "hash"], input="kaffe og kage\n", text=True,
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    hashed = result.stdout.strip()
    assert hashed.startswith("$argon2id$") and "kaffe" not in result.stdout
    config = login_config(_password_setup(anna={"password_hash": hashed}))
    assert check_password(config, "anna", "kaffe og kage") == User("anna", VIEWER)


def test_users_hash_refuses_an_empty_password():
    result = subprocess.run([sys.executable, "-m", "seconomy", "users", "hash"], input="\n", text=True,
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1 and "1 to 1024 characters" in result.stderr
