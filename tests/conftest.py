"""Shared fixtures: a fresh database per test, a demo database file, never the user's database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from seconomy import demo, store

# CI (.ci/run sets HYPOTHESIS_PROFILE=ci) runs every property test on the same examples each time, so a landing is
# never decided by a new random draw; a local `make test` draws new examples each run, and `make fuzz` many more.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _never_the_users_database(monkeypatch, tmp_path):
    """Point SECONOMY_DB at a throw-away file so no test can touch data/seconomy.duckdb.

    SECONOMY_DEBUG=1: the app's error boundary and the CLI's last-resort handler let errors through, so a page or
    command that fails is a failing test, never a polite message the test does not look for.
    """
    monkeypatch.setenv("SECONOMY_DB", str(tmp_path / "default.duckdb"))
    monkeypatch.setenv("SECONOMY_DEBUG", "1")


@pytest.fixture
def con():
    """A fresh, migrated in-memory database."""
    connection = store.connect(store.MEMORY)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo enterprise written once per test session; copy it before changing it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with store.session(path) as connection:
        demo.install(connection)
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo database, also set as SECONOMY_DB for the app."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_template, path)
    monkeypatch.setenv("SECONOMY_DB", str(path))
    return path


@pytest.fixture
def demo_con(demo_db):
    with store.session(demo_db) as connection:
        yield connection


def pytest_report_header(config):
    return f"SECONOMY_REQUIRE_BROWSER={os.environ.get('SECONOMY_REQUIRE_BROWSER', '0')}"


@pytest.fixture(scope="session")
def one_month_template(tmp_path_factory) -> Path:
    """A database with one month of one's own data: a Danske Bank statement (income, costs, a pending row)."""
    from seconomy.ingest.importer import import_file
    from tests.data.banks.make_banks import HERE

    path = tmp_path_factory.mktemp("one_month") / "one_month.duckdb"
    with store.session(path) as connection:
        import_file(connection, HERE / "danske_bank.csv", "danske_bank.csv")
    return path


@pytest.fixture
def one_month_db(one_month_template, tmp_path, monkeypatch) -> Path:
    """A private copy of the one-month database, also set as SECONOMY_DB for the app."""
    path = tmp_path / "one_month.duckdb"
    shutil.copy(one_month_template, path)
    monkeypatch.setenv("SECONOMY_DB", str(path))
    return path
