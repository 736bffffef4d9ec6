"""What every benchmark shares: a figure beside its reference, interleaved medians, whole-process measurements.

Fair by construction:
- every figure is the MEDIAN of ``RUNS`` (≥ 5) runs, and ours and the reference's runs are INTERLEAVED (ours,
  reference, ours, reference …), so a busy moment of the shared machine hits both;
- the reference does the same work (DuckDB's read_csv with the Danish options and types, the grouped aggregate by
  the stored payer with shares and HHI) and runs in the same bench run;
- whole-process figures (wall time from start to exit, peak resident memory) come from a child process, measured
  by a parent that does nothing else — ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a one-child wrapper —
  beside the in-process timing the child reports for the work itself.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", 5))
BIG = os.environ.get("BENCH_BIG") == "1"
SIZES = (100_000, 1_000_000, *((10_000_000,) if BIG else ()))
WORK = Path(tempfile.mkdtemp(prefix="seconomy-bench-"))


@dataclass
class Result:
    """One line of the table: our figure, the reference measured beside it, and the target (if any)."""

    area: str
    name: str
    value: float  # seconds, or MB when unit == "MB"
    reference_name: str | None = None
    reference_value: float | None = None
    unit: str = "s"
    target_ratio: float | None = None  # met when value / reference_value ≤ this
    target_value: float | None = None  # met when value ≤ this
    target_text: str = ""  # e.g. "≤ 1.5× read_csv"; "" for a figure without a target
    note: str = ""
    runs: int = RUNS
    samples: list[float] = field(default_factory=list)
    reference_samples: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return self.value / self.reference_value if self.reference_value else None

    @property
    def met(self) -> bool | None:
        """True/False against the target; None when the figure has none."""
        if self.target_ratio is not None and self.ratio is not None:
            return self.ratio <= self.target_ratio
        if self.target_value is not None:
            return self.value <= self.target_value
        return None

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


def median(values: list[float]) -> float:
    return statistics.median(values)


def interleaved(ours: Callable[[], float], reference: Callable[[], float] | None, runs: int = RUNS,
                warmup: int = 0) -> tuple[list[float], list[float]]:
    """Seconds of ``runs`` calls of each, alternating ours, reference, ours …; each callable returns its own time."""
    for _ in range(warmup):
        ours()
        if reference:
            reference()
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours())
        if reference:
            theirs.append(reference())
    return mine, theirs


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    """A callable that runs ``fn`` and returns its wall time."""
    def run() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    return run


@dataclass(frozen=True)
class Process:
    """One child process: its wall time, its peak resident memory, and what it printed as JSON (if anything)."""

    wall: float
    peak_mb: float
    report: dict

    @property
    def inner(self) -> float:
        """The child's own timing of the work (in-process), when it reported one."""
        return float(self.report.get("seconds", self.wall))


_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux: the one child's peak
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": done.returncode, "out": done.stdout.decode(errors="replace"),
                  "err": done.stderr.decode(errors="replace")[-2000:]}))
"""


def measure(argv: list[str], env: dict | None = None) -> Process:
    """Run ``argv`` as the only child of a small wrapper and return its wall time and peak memory."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *argv], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})
    if done.returncode:
        raise RuntimeError(f"bench wrapper failed: {done.stderr[-2000:]}")
    outcome = json.loads(done.stdout)
    if outcome["rc"]:
        raise RuntimeError(f"{' '.join(argv)} exited {outcome['rc']}: {outcome['err']}")
    lines = [line for line in outcome["out"].splitlines() if line.startswith("{")]
    report = json.loads(lines[-1]) if lines else {}
    return Process(outcome["wall"], outcome["peak_kib"] / 1024, report)


def job(*args: str) -> list[str]:
    """The argv of one bench job (bench/job.py) in a fresh interpreter."""
    return [sys.executable, "-m", "bench.job", *args]


def fresh(path: Path) -> Path:
    """``path`` without its database file and write-ahead log (each run starts from nothing)."""
    for suffix in ("", ".wal", ".tmp"):
        target = Path(f"{path}{suffix}")
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    return path


def size_label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def cleanup() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
