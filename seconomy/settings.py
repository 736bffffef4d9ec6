"""Every setting in one table: name, default, type and help. The UI and README show this table.

Why one table: a setting that exists in code but nowhere in the docs is a setting nobody uses;
``tests/test_settings.py`` keeps this table and the README in step.
"""

from __future__ import annotations

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
    # The documented effect (issue 13): the municipality's business case and the retention of placements.
    Setting("effect_horizon_months", "12", int,
            "Business case: months after an exit to work or education over which the saved benefit is counted."),
    Setting("effect_persistence", "0.75", Decimal,
            "Business case: share of those months the citizen stays off benefit (0-1); 0.75 counts 9 of 12 months."),
    Setting("effect_flexjob_share", "0.5", Decimal,
            "Business case: share of the benefit a flexjob exit saves (0-1); the municipality still pays the "
            "flexjob wage subsidy, so about half of the saving remains."),
    Setting("effect_benefit_cash", "13000", Decimal,
            "Business case: monthly kontanthjælp (cash benefit) saved per exit from virksomhedspraktik, løntilskud, "
            "mentor or other schemes, DKK. Default: the 2025 rate for a person over 30 without children (about "
            "12,500-13,000 DKK a month before tax, Beskæftigelsesministeriet, satser 2025), rounded; check the "
            "current rate."),
    Setting("effect_benefit_resource", "13000", Decimal,
            "Business case: monthly ressourceforløbsydelse saved per exit from a ressourceforløb or "
            "jobafklaringsforløb, DKK. Default: the kontanthjælp level it follows (Beskæftigelsesministeriet, satser "
            "2025), rounded; check the current rate."),
    Setting("effect_benefit_youth", "7000", Decimal,
            "Business case: monthly youth benefit (uddannelseshjælp, under 30, living away from home) saved per exit "
            "from STU, DKK. Default: about 7,000 DKK a month before tax (Beskæftigelsesministeriet, satser 2025), "
            "rounded; check the current rate. § 103 and § 104 save no benefit (the citizen keeps the pension)."),
    Setting("effect_scale", "1-10", str, "Name of the scale of the progression scores, e.g. '1-10 self-assessment'."),
    Setting("placement_retention_years", "5", int,
            "Placements ended more than this many years ago are offered for deletion (privacy: keep no longer than needed)."),
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
LANGUAGES = ("da", "en")
SHARES = ("major_share", "critical_share", "effect_persistence", "effect_flexjob_share", *SHARE_SETTINGS)
AMOUNTS = ("opening_cash", "effect_benefit_cash", "effect_benefit_resource", "effect_benefit_youth")
DATES = ("cash_date",)
_BENEFITS = ("effect_benefit_cash", "effect_benefit_resource", "effect_benefit_youth")

# English reasons for the CLI; the UI shows the same codes from the catalog (setting.err.<code>).
REASONS = {
    "unknown": "unknown setting",
    "number": "not a number: {value!r}",
    "integer": "not a whole number: {value!r}",
    "amount": "not an amount in kroner: {value!r}",
    "share": "not a share (write 0.35 or 35 %): {value!r}",
    "date": "must be a date YYYY-MM-DD or empty",
    "language": "must be 'da' or 'en'",
    "hhi_order": "need 0 ≤ moderate < high ≤ 10000",
    "share_order": "need 0 < major share < critical share ≤ 1",
    "share_range": "must be a share between 0 and 1",
    "negative": "must not be negative",
    "months_range": "must be 1 to 120 months",
    "years_range": "must be 1 to 50 years",
}


@dataclass(frozen=True)
class SettingProblem:
    """One setting that cannot be saved: which, a stable code (the catalog's setting.err.<code>), the value typed."""

    name: str
    code: str
    value: str = ""

    @property
    def reason(self) -> str:
        return REASONS[self.code].format(value=self.value)


def canonical(name: str, raw: object) -> str:
    """The value as stored, read with the project's one parser: '0,35' and '35 %' → '0.35', '1.234.567,50' →
    '1234567.50', '31.12.2026' → '2026-12-31'. ValueError names the kind that could not be read."""
    from seconomy.agreements import values  # the one parser of amounts, shares and dates

    text = "" if raw is None else str(raw).strip()
    setting = BY_NAME[name]
    try:
        if name in DATES:
            day = values.date(text)
            return "" if day is None else day.isoformat()
        if not text and setting.kind is str:
            return ""
        if name in SHARES:
            share = values.share(text)
            if share is None:
                raise ValueError("share")
            return _plain(share)
        if name in AMOUNTS:
            amount = values.money(text)
            if amount is None:
                raise ValueError("amount")
            return f"{amount:.2f}"
        if setting.kind is int:
            number = values.integer(text)
        elif setting.kind in (float, Decimal):
            number = values.decimal(text)
        else:
            return text
    except (ValueError, ArithmeticError) as exc:
        kind = "share" if name in SHARES else "amount" if name in AMOUNTS else "date" if name in DATES else \
            "integer" if setting.kind is int else "number"
        raise ValueError(kind) from exc
    if number is None:
        raise ValueError("integer" if setting.kind is int else "number")
    return _plain(number)


def _plain(number: object) -> str:
    """A number as plain text the typed reader takes back (no exponent, no trailing zeros after the point)."""
    text = format(Decimal(str(number)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check(values: dict[str, object]) -> list[SettingProblem]:
    """Every problem of a full set of settings, with codes (empty when all is well)."""
    problems: list[SettingProblem] = []
    typed: dict[str, object] = {}
    for name, raw in values.items():
        if name not in BY_NAME:
            problems.append(SettingProblem(name, "unknown", str(raw)))
            continue
        try:
            typed[name] = BY_NAME[name].kind(canonical(name, raw))
        except (ValueError, ArithmeticError) as exc:
            problems.append(SettingProblem(name, str(exc) if str(exc) in REASONS else "number", str(raw)))
    if "language" in typed and typed["language"] not in LANGUAGES:
        problems.append(SettingProblem("language", "language", str(typed["language"])))
    if {"hhi_moderate", "hhi_high"} <= typed.keys() and not 0 <= typed["hhi_moderate"] < typed["hhi_high"] <= 10000:
        problems.append(SettingProblem("hhi_high", "hhi_order", str(values.get("hhi_high", ""))))
    if {"major_share", "critical_share"} <= typed.keys() and not 0 < typed["major_share"] < typed["critical_share"] <= 1:
        problems.append(SettingProblem("critical_share", "share_order", str(values.get("critical_share", ""))))
    problems += [SettingProblem(name, "share_range", str(values[name])) for name in (*SHARE_SETTINGS, *_SHARES)
                 if name in typed and not 0 <= typed[name] <= 1]
    problems += [SettingProblem(name, "negative", str(values[name])) for name in _BENEFITS if name in typed and typed[name] < 0]
    if "effect_horizon_months" in typed and not 1 <= typed["effect_horizon_months"] <= 120:
        problems.append(SettingProblem("effect_horizon_months", "months_range", str(values["effect_horizon_months"])))
    if "placement_retention_years" in typed and not 1 <= typed["placement_retention_years"] <= 50:
        problems.append(SettingProblem("placement_retention_years", "years_range", str(values["placement_retention_years"])))
    return problems


def validate(values: dict[str, object]) -> list[tuple[str, str]]:
    """Check a full set of settings; return (name, English reason) for each problem, empty when all is well."""
    return [(p.name, p.reason) for p in check(values)]


_SHARES = ("effect_persistence", "effect_flexjob_share")
