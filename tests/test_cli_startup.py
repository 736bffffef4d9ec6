"""The CLI starts fast: ``--help`` and ``info`` import neither pandas nor numpy, pyarrow, plotly or Streamlit.

Why a test: a CLI command used to pay 0,9 s of imports before doing anything. Each command module imports its domain
modules inside the functions that run it; one top-level import in any command would bring the cost back for all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.ui.apptest import ROOT

HEAVY = ("pandas", "numpy", "pyarrow", "plotly", "streamlit", "openpyxl", "lxml", "argon2")
_PROBE = """
import json, runpy, sys
sys.argv = ["seconomy", *json.loads(sys.argv[1])]
try:
    runpy.run_module("seconomy", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _modules_after(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(list(args))], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [("--help",), ("import", "--help"), ("scenario", "--help"), ("risk", "--help")])
def test_help_imports_nothing_heavy(args):
    loaded = _modules_after(*args)
    assert "seconomy" in loaded and not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_info_needs_duckdb_only(tmp_path):
    loaded = _modules_after("--db", str(tmp_path / "x.duckdb"), "info")
    assert "duckdb" in loaded and not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_constants_written_out_for_help_match_their_sources():
    from seconomy import demo
    from seconomy.cli import demo as demo_cli
    from seconomy.cli import risk as risk_cli
    from seconomy.cli import scenario as scenario_cli
    from seconomy.risk import BY_OPTIONS
    from seconomy.scenarios.montecarlo import MAX_RUNS

    assert demo_cli.SEED == demo.SEED and risk_cli.BY_OPTIONS == BY_OPTIONS and scenario_cli.MAX_RUNS == MAX_RUNS
