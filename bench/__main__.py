"""Run every benchmark module (bench/bench_*.py) and print one table: figure, reference, target.

Each module exposes ``run() -> list[Result]``. Figures are measured in this process on this machine,
each next to a reference measured in the same run (e.g. DuckDB's bare read_csv or aggregate), so
the ratio means something even when the machine is busy. Results also go to bench/out/results.json.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import bench
from bench.common import Result

OUT = Path(__file__).resolve().parent / "out"


def main(selected: list[str]) -> int:
    results: list[Result] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_") or (selected and info.name not in selected):
            continue
        print(f"== {info.name}", flush=True)
        module = importlib.import_module(f"bench.{info.name}")
        for result in module.run():
            print(result.line(), flush=True)
            results.append(result)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps([r.as_dict() for r in results], indent=2), encoding="utf-8")
    failed = [r for r in results if r.target is not None and not r.meets_target]
    print(f"\n{len(results)} figures, {len(failed)} over target")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
