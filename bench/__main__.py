"""``make bench``: run every benchmark module (bench/bench_*.py), print one table, write docs/benchmarks.md.

Each module exposes ``run() -> list[Result]`` and measures its figures beside same-run references (bench.common).
``python -m bench [bench_import bench_risk …]`` runs some of them only (the docs are written either way);
BENCH_BIG=1 adds the 10M-entry runs, BENCH_RUNS=N changes the number of runs (≥ 5 for the docs).
Raw results go to bench/out/results.json.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path

import bench
from bench import machine, report
from bench.common import Result, cleanup

OUT = Path(__file__).resolve().parent / "out"
ORDER = ("bench_import", "bench_books", "bench_risk", "bench_store", "bench_pages", "bench_coldstart", "bench_montecarlo", "bench_cli",
         "bench_agreements", "bench_grants")


def modules(selected: list[str]) -> list[str]:
    found = {m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")}
    ordered = [m for m in ORDER if m in found] + sorted(found - set(ORDER))
    return [m for m in ordered if not selected or m in selected]


def main(selected: list[str]) -> int:
    started = time.perf_counter()
    described = machine.describe()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in described.items()), flush=True)
    results: list[Result] = []
    try:
        for name in modules(selected):
            print(f"== {name}", flush=True)
            module_start = time.perf_counter()
            for result in importlib.import_module(f"bench.{name}").run():
                print("   " + report.text_table([result]).splitlines()[-1], flush=True)
                results.append(result)
            print(f"   ({time.perf_counter() - module_start:.0f} s)", flush=True)
    finally:
        cleanup()
    minutes = (time.perf_counter() - started) / 60
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps([r.as_dict() for r in results], indent=2), encoding="utf-8")
    path = report.write(results, described, minutes, machine.load())
    print("\n" + report.text_table(results))
    missed = sum(1 for r in results if r.met is False)
    print(f"\n{len(results)} figures, {sum(1 for r in results if r.met)} targets met, {missed} missed; "
          f"{minutes:.1f} min; written to {path.relative_to(report.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
