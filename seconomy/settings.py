"""Every setting in one table: name, default, type and help. The UI and README show this table.

Why one table: a setting that exists in code but nowhere in the docs is a setting nobody uses;
``tests/test_settings.py`` keeps this table and the README in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    kind: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("opening_cash", "0", Decimal, "Cash at bank on the cash date, in DKK."),
    Setting("cash_date", "", str, "The date (YYYY-MM-DD) the opening cash refers to; empty means the last data date."),
    Setting("hhi_moderate", "1500", float, "HHI from which concentration is 'moderate' (US merger guidelines 2010)."),
    Setting("hhi_high", "2500", float, "HHI above which concentration is 'high'."),
    Setting("major_share", "0.10", float, "Share of income from which a payer is a major customer (IFRS 8 10 % rule)."),
    Setting("critical_share", "0.25", float, "Share of income from which a payer is critical."),
    Setting("language", "da", str, "Default UI language: 'da' (Danish) or 'en' (English)."),
    Setting("enterprise_name", "", str, "The enterprise's name, shown in the header and board report."),
    Setting("cvr", "", str, "The enterprise's CVR number (8 digits); a bank line naming it is a transfer between own accounts."),
    Setting("own_accounts", "", str, "The enterprise's own bank account numbers, comma-separated; transfers between them "
            "are neither income nor costs."),
    Setting("dataset", "empty", str, "'demo' while the database holds the demo enterprise, 'own' after a real import."),
    Setting("stage_probability_idea", "0.05", float, "Chance that a grant application still at the idea stage is granted."),
    Setting("stage_probability_drafting", "0.10", float, "Chance that an application being written is granted."),
    Setting("stage_probability_submitted", "0.25", float, "Chance that a submitted application is granted."),
    Setting("stage_probability_shortlisted", "0.50", float, "Chance that a shortlisted application is granted."),
    Setting("grant_target", "0.80", float, "The probability of covering the funding gap the grant mix should reach."),
    Setting("max_grant_share", "0.30", float, "Warn when grants would be more than this share of the year's income."),
    Setting("max_funder_share", "0.10", float, "Warn when one grant funder would pay more than this share of income."),
)
SHARE_SETTINGS = ("stage_probability_idea", "stage_probability_drafting", "stage_probability_submitted",
                  "stage_probability_shortlisted", "grant_target", "max_grant_share", "max_funder_share")

BY_NAME = {s.name: s for s in SETTINGS}


def get_settings(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """All settings, typed, with defaults filled in for those never set."""
    stored = dict(con.execute("SELECT name, value FROM settings").fetchall())
    return {s.name: s.kind(stored.get(s.name, s.default)) for s in SETTINGS}


def get_setting(con: duckdb.DuckDBPyConnection, name: str) -> object:
    """One setting, typed."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    return get_settings(con)[name]


EDITABLE = tuple(s.name for s in SETTINGS if s.name != "dataset")


def validate(values: dict[str, object]) -> list[tuple[str, str]]:
    """Check a full set of settings; return (name, reason) for each problem, empty when all is well."""
    problems: list[tuple[str, str]] = []
    typed: dict[str, object] = {}
    for name, raw in values.items():
        setting = BY_NAME.get(name)
        if setting is None:
            problems.append((name, "unknown setting"))
            continue
        try:
            typed[name] = setting.kind(str(raw).strip())
        except Exception:
            problems.append((name, f"not a valid {setting.kind.__name__}: {raw!r}"))
    if "language" in typed and typed["language"] not in ("da", "en"):
        problems.append(("language", "must be 'da' or 'en'"))
    if {"hhi_moderate", "hhi_high"} <= typed.keys() and not 0 <= typed["hhi_moderate"] < typed["hhi_high"] <= 10000:
        problems.append(("hhi_high", "need 0 ≤ moderate < high ≤ 10000"))
    if {"major_share", "critical_share"} <= typed.keys() and not 0 < typed["major_share"] < typed["critical_share"] <= 1:
        problems.append(("critical_share", "need 0 < major share < critical share ≤ 1"))
    problems += [(name, "must be a share between 0 and 1") for name in SHARE_SETTINGS
                 if name in typed and not 0 <= typed[name] <= 1]
    if typed.get("cash_date"):
        try:
            dt.date.fromisoformat(str(typed["cash_date"]))
        except ValueError:
            problems.append(("cash_date", "must be a date YYYY-MM-DD or empty"))
    return problems
