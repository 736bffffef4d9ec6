"""A benchmark figure with its same-run reference and target, and a timer that takes the best of n."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Result:
    name: str
    seconds: float
    reference_name: str | None = None
    reference_seconds: float | None = None
    target: float | None = None  # seconds
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.reference_seconds if self.reference_seconds else None

    @property
    def meets_target(self) -> bool:
        return self.target is None or self.seconds <= self.target

    def line(self) -> str:
        ref = f"  ref {self.reference_name}: {self.reference_seconds * 1000:9.1f} ms  ratio {self.ratio:5.2f}x" \
            if self.reference_seconds else ""
        target = f"  target {self.target * 1000:.0f} ms {'OK' if self.meets_target else 'OVER'}" if self.target else ""
        return f"{self.name:<48}{self.seconds * 1000:10.1f} ms{ref}{target} {self.note}"

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "meets_target": self.meets_target}


def best_of(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Best wall time of ``repeat`` calls after ``warmup`` calls (the least disturbed measurement)."""
    for _ in range(warmup):
        fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best
