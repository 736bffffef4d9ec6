from __future__ import annotations

import pytest

from seconomy import store
from tests.forecast.fixtures import install_tiny


@pytest.fixture
def tiny():
    """The hand-computable enterprise of tests/forecast/fixtures.py in a fresh in-memory database."""
    connection = store.connect(store.MEMORY)
    install_tiny(connection)
    yield connection
    connection.close()
