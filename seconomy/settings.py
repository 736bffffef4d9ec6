"""Every setting in one table: name, default, type and help. The UI and README show this table.

Why one table: a setting that exists in code but nowhere in the docs is a setting nobody uses;
``tests/test_settings.py`` keeps this table and the README in step.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

import duckdb

from seconomy import values


@dataclass(frozen=True)
class Setting:
    """One setting. ``kind`` is what it is (Decimal for an amount, float for a number, Share for a fraction 0–1 …);
    every value, typed or stored, is read by the project's one parser (seconomy.values): ``1.234,50``, ``35 %``."""

    name: str
    default: str
    kind: type
    help: str

    def read(self, raw: object) -> object:
        """The typed value of ``raw`` (text as a user types it, or as stored); ValueError with a reason otherwise."""
        text = "" if raw is None else str(raw).strip()
        if self.kind is str:
            return text
        if self.kind is Decimal:
            found = values.money(text)
        elif self.kind is Share:
            found = values.share(text)
            if found is not None and not 0 <= found <= 1:
                raise ValueError("must be a share between 0 and 1 (or 0 % to 100 %)")
        elif self.kind is int:
            found = values.integer(text)
        else:
            found = values.decimal(text)
        if found is None:
            raise ValueError("is required")
        return Share(found) if self.kind is Share else self.kind(found)


class Share(float):
    """A fraction 0–1, typed as 0.35, 0,35 or 35 %."""


SETTINGS: tuple[Setting, ...] = (
    Setting("opening_cash", "0", Decimal, "Cash at bank on the cash date, in DKK."),
    Setting("cash_date", "", str, "The date (YYYY-MM-DD) the opening cash refers to; empty means the last data date."),
    Setting("hhi_moderate", "1500", float, "HHI from which concentration is 'moderate' (US merger guidelines 2010)."),
    Setting("hhi_high", "2500", float, "HHI above which concentration is 'high'."),
    Setting("major_share", "0.10", Share, "Share of income from which a payer is a major customer (IFRS 8 10 % rule)."),
    Setting("critical_share", "0.25", Share, "Share of income from which a payer is critical."),
    Setting("language", "da", str, "Default UI language: 'da' (Danish) or 'en' (English)."),
    Setting("enterprise_name", "", str, "The enterprise's name, shown in the header and board report."),
    Setting("cvr", "", str, "The enterprise's CVR number (8 digits); a bank line naming it is a transfer between own accounts."),
    Setting("own_accounts", "", str, "The enterprise's own bank account numbers, comma-separated; transfers between them "
            "are neither income nor costs."),
    Setting("dataset", "empty", str, "'demo' while the database holds the demo enterprise, 'own' after a real import."),
    # The forecast (issue 9): recurring income, payment terms, VAT, and how municipalities decide.
    Setting("recurring_min_months", "6", int, "Income without an agreement recurs in the forecast only when it came in "
            "at least this many of the last 12 complete months (fewer months of history: in proportion)."),
    Setting("payment_days_municipal_contract", "30", int, "Days after the month a municipality pays a contract's invoice "
            "(cash timing; 30 days = the next month)."),
    Setting("payment_days_wage_subsidy", "30", int, "Days after the month the jobcentre pays a wage subsidy or refusion."),
    Setting("payment_days_product_sale", "0", int, "Days after the month product sales are paid (0: in the month)."),
    Setting("payment_days_foundation_grant", "0", int, "Days after the month a foundation's disbursement arrives."),
    Setting("payment_days_public_grant", "0", int, "Days after the month a public pool's disbursement arrives."),
    Setting("payment_days_other", "0", int, "Days after the month other income arrives."),
    Setting("vat_streams", "product_sale", str, "Income streams with VAT (comma-separated stream ids); their VAT is "
            "collected with the sale and paid in the VAT periods."),
    Setting("vat_rate", "0.25", Share, "The VAT rate on VAT-able sales."),
    Setting("vat_period", "half_yearly", str, "The VAT period: 'monthly', 'quarterly' or 'half_yearly' "
            "(due the month after; the third month after the quarter; 1 September and 1 March)."),
    Setting("renewal_correlation", "1", Share, "Monte Carlo: how strongly one municipality's renewals and cuts in a "
            "budget year go together (1: one budget decides them all; 0: independent)."),
    Setting("stage_probability_idea", "0.05", Share, "Chance that a grant application still at the idea stage is granted."),
    Setting("stage_probability_drafting", "0.10", Share, "Chance that an application being written is granted."),
    Setting("stage_probability_submitted", "0.25", Share, "Chance that a submitted application is granted."),
    Setting("stage_probability_shortlisted", "0.50", Share, "Chance that a shortlisted application is granted."),
    Setting("grant_target", "0.80", Share, "The probability of covering the funding gap the grant mix should reach."),
    Setting("max_grant_share", "0.30", Share, "Warn when grants would be more than this share of the year's income."),
    Setting("max_funder_share", "0.10", Share, "Warn when one grant funder would pay more than this share of income."),
    # The documented effect (issue 13): the municipality's business case and the retention of placements.
    Setting("effect_horizon_months", "12", int,
            "Business case: months after an exit to work or education over which the saved benefit is counted."),
    Setting("effect_persistence", "0.75", Share,
            "Business case: share of those months the citizen stays off benefit (0-1); 0.75 counts 9 of 12 months."),
    Setting("effect_flexjob_share", "0.5", Share,
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
    # Safety (issue 11): automatic backups and the largest upload the Data page reads.
    Setting("backups_kept", "5", int,
            "Automatic backups kept in the 'backups' folder beside the database (made before each migration, undo and "
            "restore); the oldest beyond this number are deleted. 0 turns automatic backups off."),
    Setting("upload_limit_mb", "50", int,
            "The largest file the Data page reads, in MB (1-1000). A SAF-T file of a large bookkeeping may need more; "
            "1000 is the server's ceiling (server.maxUploadSize in .streamlit/config.toml)."),
)
UPLOAD_CEILING_MB = 1000  # server.maxUploadSize in .streamlit/config.toml: no setting can go above it
TEXT_SETTINGS = ("enterprise_name", "effect_scale")  # free text: a CPR number is refused

SHARE_SETTINGS = ("stage_probability_idea", "stage_probability_drafting", "stage_probability_submitted",
                  "stage_probability_shortlisted", "grant_target", "max_grant_share", "max_funder_share")

BY_NAME = {s.name: s for s in SETTINGS}


def get_settings(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """All settings, typed, with defaults filled in for those never set."""
    stored = dict(con.execute("SELECT name, value FROM settings").fetchall())
    return {s.name: _read_or_default(s, stored.get(s.name, s.default)) for s in SETTINGS}


def _read_or_default(setting: Setting, raw: object) -> object:
    """A stored value as typed; a value stored by an older version that no longer reads falls back to the default."""
    try:
        return setting.read(raw)
    except ValueError:
        return setting.read(setting.default)


def get_setting(con: duckdb.DuckDBPyConnection, name: str) -> object:
    """One setting, typed."""
    if name not in BY_NAME:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    return get_settings(con)[name]


EDITABLE = tuple(s.name for s in SETTINGS if s.name != "dataset")


def _shown(raw: object) -> str:
    text = str(raw)
    return repr(text if len(text) <= 40 else text[:37] + "...")


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
            typed[name] = setting.read(raw)
        except ValueError as exc:
            problems.append((name, f"{exc} ({_shown(raw)})"))
    if "language" in typed and typed["language"] not in ("da", "en"):
        problems.append(("language", "must be 'da' or 'en'"))
    if {"hhi_moderate", "hhi_high"} <= typed.keys() and not 0 <= typed["hhi_moderate"] < typed["hhi_high"] <= 10000:
        problems.append(("hhi_high", "need 0 ≤ moderate < high ≤ 10000"))
    if {"major_share", "critical_share"} <= typed.keys() and not 0 < typed["major_share"] < typed["critical_share"] <= 1:
        problems.append(("critical_share", "need 0 < major share < critical share ≤ 1"))
    problems += [(name, "must be a share between 0 and 1") for name in SHARE_SETTINGS
                 if name in typed and not 0 <= typed[name] <= 1]
    problems += _effect_problems(typed) + _forecast_problems(typed)
    problems += _safety_problems(typed)
    if typed.get("cash_date"):
        try:
            dt.date.fromisoformat(str(typed["cash_date"]))
        except ValueError:
            problems.append(("cash_date", "must be a date YYYY-MM-DD or empty"))
    return problems


_STREAM_IDS = ("product_sale", "municipal_contract", "wage_subsidy", "foundation_grant", "public_grant", "other")
_VAT_PERIODS = ("monthly", "quarterly", "half_yearly")


def _forecast_problems(typed: dict[str, object]) -> list[tuple[str, str]]:
    """Ranges of the forecast's settings: payment terms, VAT, recurrence and correlation."""
    problems = [(f"payment_days_{s}", "must be 0 to 365 days") for s in _STREAM_IDS
                if f"payment_days_{s}" in typed and not 0 <= typed[f"payment_days_{s}"] <= 365]
    if "recurring_min_months" in typed and not 1 <= typed["recurring_min_months"] <= 12:
        problems.append(("recurring_min_months", "must be 1 to 12 months"))
    if "vat_rate" in typed and not 0 <= typed["vat_rate"] <= 1:
        problems.append(("vat_rate", "must be a share between 0 and 1 (0.25 for 25 %)"))
    if "vat_period" in typed and typed["vat_period"] not in _VAT_PERIODS:
        problems.append(("vat_period", "must be 'monthly', 'quarterly' or 'half_yearly'"))
    unknown = [v.strip() for v in str(typed.get("vat_streams") or "").split(",") if v.strip() and v.strip() not in _STREAM_IDS]
    if unknown:
        problems.append(("vat_streams", f"unknown stream {unknown[0]!r}; streams are {', '.join(_STREAM_IDS)}"))
    if "renewal_correlation" in typed and not 0 <= typed["renewal_correlation"] <= 1:
        problems.append(("renewal_correlation", "must be between 0 and 1"))
    return problems


_SHARES = ("effect_persistence", "effect_flexjob_share")
_BENEFITS = ("effect_benefit_cash", "effect_benefit_resource", "effect_benefit_youth")


def _effect_problems(typed: dict[str, object]) -> list[tuple[str, str]]:
    """Ranges of the business-case and retention settings."""
    problems = [(name, "must be between 0 and 1") for name in _SHARES if name in typed and not 0 <= typed[name] <= 1]
    problems += [(name, "must not be negative") for name in _BENEFITS if name in typed and typed[name] < 0]
    if "effect_horizon_months" in typed and not 1 <= typed["effect_horizon_months"] <= 120:
        problems.append(("effect_horizon_months", "must be 1 to 120 months"))
    if "placement_retention_years" in typed and not 1 <= typed["placement_retention_years"] <= 50:
        problems.append(("placement_retention_years", "must be 1 to 50 years"))
    return problems


def _safety_problems(typed: dict[str, object]) -> list[tuple[str, str]]:
    """Backups, the upload limit, numbers that are not finite, and CPR numbers in free text (never stored)."""
    from seconomy.ingest.cpr import has_cpr

    problems = []
    if "backups_kept" in typed and not 0 <= typed["backups_kept"] <= 100:
        problems.append(("backups_kept", "must be 0 to 100"))
    if "upload_limit_mb" in typed and not 1 <= typed["upload_limit_mb"] <= UPLOAD_CEILING_MB:
        problems.append(("upload_limit_mb", f"must be 1 to {UPLOAD_CEILING_MB} MB (the server's ceiling)"))
    problems += [(name, "must be a finite number") for name, value in typed.items() if not _finite(value)]
    cash = typed.get("opening_cash")
    if isinstance(cash, Decimal) and _finite(cash) and abs(cash) >= Decimal("1e12"):
        problems.append(("opening_cash", "is too large (at most 999.999.999.999,99 kr.)"))
    problems += [(name, "contains a CPR number (never stored)") for name in TEXT_SETTINGS
                 if name in typed and has_cpr(typed[name], "description")]
    problems += [(name, "contains a CPR number (never stored)") for name in ("own_accounts", "cvr", "cash_date")
                 if name in typed and has_cpr(typed[name], "reference")]
    return problems


def _finite(value: object) -> bool:
    """False for NaN and infinities ('nan', 'inf' and '1e999' parse as numbers, but are no setting)."""
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, float):
        return math.isfinite(value)
    return True
