"""The bench's one table, printed and written to docs/benchmarks.md with the machine and the notes.

The notes (bench/NOTES.md) say, for each target missed, where the time goes, from profiles taken on this code;
the table's own note column gives what each run measured about itself (the import's steps, the file size …).
"""

from __future__ import annotations

from pathlib import Path

from bench.common import ROOT, RUNS, Result

DOCS = ROOT / "docs" / "benchmarks.md"
NOTES = Path(__file__).resolve().parent / "NOTES.md"


def show(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "–"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value < 1:
        return f"{value * 1000:,.1f} ms" if value < 0.1 else f"{value * 1000:,.0f} ms"
    return f"{value:,.2f} s"


def verdict(result: Result) -> str:
    return {True: "met", False: "**missed**", None: ""}[result.met]


def row(result: Result) -> list[str]:
    ratio = f"{result.ratio:.2f}×" if result.ratio is not None else "–"
    return [result.name, show(result.value, result.unit), result.reference_name or "–",
            show(result.reference_value, result.unit), ratio, result.target_text or "–", verdict(result), result.note]


HEADERS = ["figure", "ours (median)", "reference (same run)", "reference", "ratio", "target", "", "note"]


def markdown_table(results: list[Result]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row(r)) + " |" for r in results]
    return "\n".join(lines)


def text_table(results: list[Result]) -> str:
    rows = [HEADERS] + [[c.replace("**", "") for c in row(r)] for r in results]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADERS) - 1)]
    out = []
    for r in rows:
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r[:-1])) + "  " + r[-1])
    return "\n".join(out)


def write(results: list[Result], machine: dict[str, str], minutes: float, load_end: str) -> Path:
    met = sum(1 for r in results if r.met)
    missed = [r for r in results if r.met is False]
    facts = "\n".join(f"| {k} | {v} |" for k, v in {**machine, "load at end (1/5/15 min)": load_end}.items())
    notes = NOTES.read_text(encoding="utf-8") if NOTES.exists() else ""
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(f"""# Benchmarks

Written by `make bench` ({minutes:.1f} minutes on this machine). Every figure is the median of {RUNS} runs,
interleaved with its reference's runs (ours, reference, ours, reference …) in the same bench run; whole-process
figures are wall time from start to exit and peak resident memory of a child process
(`getrusage(RUSAGE_CHILDREN).ru_maxrss`). {met} targets met, {len(missed)} missed.

| machine | |
|---|---|
{facts}

{markdown_table(results)}

{notes}""", encoding="utf-8")
    return DOCS
