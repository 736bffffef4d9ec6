"""A CLI command's start-up: ``python -m seconomy --help`` and ``info`` (on the 1M-entry database) beside a bare
``python -c "import duckdb"``, each a whole process from start to exit, interleaved.

Bytecode is compiled first (``compileall``), as an installed package has it: without it every run would compile
the modules again and measure the compiler.
"""

from __future__ import annotations

import compileall
import sys

from bench.common import ROOT, RUNS, Result, interleaved, measure, median
from bench.dbs import entries_db
from seconomy.store.shared import close_all

TARGET = 2.0


def _whole(argv: list[str]):
    def run() -> float:
        return measure(argv).wall
    return run


def run() -> list[Result]:
    compileall.compile_dir(str(ROOT / "seconomy"), quiet=1)
    compileall.compile_dir(str(ROOT / "bench"), quiet=1)
    db, _ = entries_db(1_000_000)
    close_all()
    bare = [sys.executable, "-c", "import duckdb"]
    results = []
    for name, argv in (("--help", [sys.executable, "-m", "seconomy", "--help"]),
                       ("info (1M entries)", [sys.executable, "-m", "seconomy", "--db", str(db), "info"])):
        ours, theirs = interleaved(_whole(argv), _whole(bare), runs=max(RUNS, 7), warmup=1)
        results.append(Result("cli", f"CLI start-up: python -m seconomy {name}", median(ours), 'python -c "import duckdb"',
                              median(theirs), target_ratio=TARGET, target_text=f"≤ {TARGET:g}×", note="whole process",
                              samples=ours, reference_samples=theirs))
    return results
