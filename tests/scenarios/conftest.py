from __future__ import annotations

import pytest

from seconomy import store
from seconomy.forecast import build_baseline
from tests.forecast.fixtures import install_tiny


@pytest.fixture
def tiny():
    connection = store.connect(store.MEMORY)
    install_tiny(connection)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def tiny_baseline():
    """The tiny enterprise's 12-month baseline (read-only: built once per module)."""
    with store.session(store.MEMORY) as connection:
        install_tiny(connection)
        return build_baseline(connection)


@pytest.fixture(scope="module")
def demo_baseline(demo_template):
    """The demo enterprise's default baseline (read-only)."""
    with store.session(demo_template) as connection:
        return build_baseline(connection)
