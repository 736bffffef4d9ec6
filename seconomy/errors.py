"""Typed domain errors.

Each family is translated once at the edge: the UI shows ``st.error`` and stops, the CLI prints
the message and exits with the family's code. The domain never prints or exits itself.

CPR numbers are masked here, where every message is built: a CPR number a person typed into a file, a field
or an argument never comes back in an error (``seconomy.ingest.cpr.mask``: ``ddmmyy-xxxx``).
"""

from __future__ import annotations

from dataclasses import dataclass


def _mask(text: object) -> str:
    from seconomy.ingest.cpr import mask  # late: seconomy.ingest imports this module

    return mask(text)


class SeconomyError(Exception):
    """Base of every error the user should see as a message, not a traceback (CPR numbers masked)."""

    exit_code = 1

    def __init__(self, *args: object):
        super().__init__(*(_mask(a) if isinstance(a, str) else a for a in args))


class StoreError(SeconomyError):
    """Something about the database file itself (cannot open, wrong version)."""


class StoreBusy(StoreError):
    """Another process holds the DuckDB file; the user should retry later."""


class UsageError(SeconomyError):
    """Wrong arguments or options: exit code 2 like argparse."""

    exit_code = 2


@dataclass(frozen=True)
class LineError:
    """One bad line of an input file: where it is and why it was refused."""

    line: int
    column: str
    value: str
    reason: str

    def __post_init__(self) -> None:
        for name in ("column", "value", "reason"):
            text = getattr(self, name)
            if text:
                object.__setattr__(self, name, _mask(text))

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.reason}" + (f" ({self.value!r})" if self.value else "")


class InputError(SeconomyError):
    """An input file (income export, agreements file, scenario spec) has bad content."""

    def __init__(self, message: str, errors: list[LineError] | None = None):
        super().__init__(message)
        self.errors = errors or []


class ScenarioError(SeconomyError):
    """A scenario specification that cannot be applied (unknown payer, bad month…)."""
