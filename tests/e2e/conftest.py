"""End-to-end fixtures: a real `streamlit run` on a free port and Debian's headless Chromium.

Without a Chromium the browser tests are skipped with a visible reason; with
SECONOMY_REQUIRE_BROWSER=1 (as in CI) a missing browser is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SECONOMY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "docs" / "screenshots"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("SECONOMY_REQUIRE_BROWSER") == "1":
        return  # the browser fixture fails loudly instead
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: browser tests skipped (apt-get install chromium)")
    for item in items:
        if "e2e" in item.nodeid.split("/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"SECONOMY_REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "accept_downloads": True}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running `streamlit run app.py` against its own database file."""

    def __init__(self, db: Path, args: tuple[str, ...] = ()):
        self.db = db
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "SECONOMY_DB": str(db)}
        self.log = open(db.with_suffix(".log"), "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
             *args],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout: float = 40) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.db.with_suffix('.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def demo_server(demo_template, tmp_path) -> Iterator[Server]:
    """The app on a private copy of the demo database."""
    db = tmp_path / "e2e.duckdb"
    shutil.copy(demo_template, db)
    server = Server(db)
    yield server
    server.stop()


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the page has drawn its title and Streamlit has finished running the script.

    The title comes first: right after navigation the 'running' indicator may not have appeared
    yet, so waiting only for it to vanish can return before anything was drawn.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_timeout(300)
