"""Every setting in one table: name, default, type and help. The UI and README show this table.

Why one table: a setting that exists in code but nowhere in the docs is a setting nobody uses;
``tests/test_settings.py`` keeps this table and the README in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import duckdb


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
        from seconomy import values  # late: the parser needs pandas, which `info` and `--help` do without

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


LANGUAGES = ("da", "en")
SHARES = tuple(s.name for s in SETTINGS if s.kind is Share)
AMOUNTS = tuple(s.name for s in SETTINGS if s.kind is Decimal)
INTEGERS = tuple(s.name for s in SETTINGS if s.kind is int)
DATES = ("cash_date",)
STREAM_IDS = ("product_sale", "municipal_contract", "wage_subsidy", "foundation_grant", "public_grant", "other")
VAT_PERIODS = ("monthly", "quarterly", "half_yearly")
CHOICES = {"language": LANGUAGES, "vat_period": VAT_PERIODS}  # settings chosen from a list, not typed
_BENEFITS = ("effect_benefit_cash", "effect_benefit_resource", "effect_benefit_youth")
_CASH_LIMIT = Decimal("1e12")

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
    "days_range": "must be 0 to 365 days",
    "recurring_range": "must be 1 to 12 months",
    "vat_period": "must be 'monthly', 'quarterly' or 'half_yearly'",
    "vat_stream": "unknown stream {value!r}; streams are " + ", ".join(STREAM_IDS),
    "backups_range": "must be 0 to 100",
    "upload_range": f"must be 1 to {UPLOAD_CEILING_MB} MB (the server's ceiling)",
    "too_large": "is too large (at most 999.999.999.999,99 kr.)",
    "cpr": "contains a CPR number (never stored)",
}


@dataclass(frozen=True)
class SettingProblem:
    """One setting that cannot be saved: which, a stable code (the catalog's setting.err.<code>), the value typed."""

    name: str
    code: str
    value: str = ""

    @property
    def reason(self) -> str:
        return REASONS[self.code].format(value=self.value if len(self.value) <= 40 else self.value[:37] + "...")


def canonical(name: str, raw: object) -> str:
    """The value as stored, read with the project's one parser: '0,35' and '35 %' → '0.35', '1.234.567,50' →
    '1234567.50', '31.12.2026' → '2026-12-31', '0101901234' → '101901234'. ValueError names the kind that could
    not be read (a REASONS code)."""
    from seconomy import values

    text = "" if raw is None else str(raw).strip()
    setting = BY_NAME[name]
    try:
        if name in DATES:
            day = values.date(text)
            return "" if day is None else day.isoformat()
        if setting.kind is str:
            return text
        if name in AMOUNTS:
            amount = values.money(text)
            if amount is None:
                raise ValueError("amount")
            return f"{amount:.2f}"
        number = values.share(text) if name in SHARES else values.integer(text) if setting.kind is int \
            else values.decimal(text)
    except (ValueError, ArithmeticError) as exc:
        raise ValueError(_kind_code(setting)) from exc
    if number is None:
        raise ValueError(_kind_code(setting))
    return _plain(number)


def _kind_code(setting: Setting) -> str:
    return "share" if setting.kind is Share else "amount" if setting.kind is Decimal else \
        "date" if setting.name in DATES else "integer" if setting.kind is int else "number"


def _plain(number: object) -> str:
    """A number as plain text the typed reader takes back (no exponent, no trailing zeros after the point)."""
    text = format(Decimal(str(number)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check(given: dict[str, object]) -> list[SettingProblem]:
    """Every problem of a full set of settings, with codes (empty when all is well)."""
    problems: list[SettingProblem] = []
    typed: dict[str, object] = {}
    for name, raw in given.items():
        if name not in BY_NAME:
            problems.append(SettingProblem(name, "unknown", str(raw)))
            continue
        try:
            typed[name] = BY_NAME[name].read(canonical(name, raw))
        except (ValueError, ArithmeticError) as exc:
            code = str(exc) if str(exc) in REASONS else _kind_code(BY_NAME[name])
            problems.append(SettingProblem(name, code, str(raw)))

    def problem(name: str, code: str, shown: object = None) -> None:
        problems.append(SettingProblem(name, code, str(given.get(name, "") if shown is None else shown)))

    if "language" in typed and typed["language"] not in LANGUAGES:
        problem("language", "language")
    if {"hhi_moderate", "hhi_high"} <= typed.keys() and not 0 <= typed["hhi_moderate"] < typed["hhi_high"] <= 10000:
        problem("hhi_high", "hhi_order")
    if {"major_share", "critical_share"} <= typed.keys() and not 0 < typed["major_share"] < typed["critical_share"] <= 1:
        problem("critical_share", "share_order")
    for name in SHARES:
        if name in typed and not 0 <= typed[name] <= 1:
            problem(name, "share_range")
    for name in _BENEFITS:
        if name in typed and typed[name] < 0:
            problem(name, "negative")
    _range(typed, problem, "effect_horizon_months", 1, 120, "months_range")
    _range(typed, problem, "placement_retention_years", 1, 50, "years_range")
    _forecast_checks(typed, problem)
    _safety_checks(typed, problem)
    return problems


def _range(typed: dict, problem: Callable, name: str, low: float, high: float, code: str) -> None:
    if name in typed and not low <= typed[name] <= high:
        problem(name, code)


def _forecast_checks(typed: dict[str, object], problem: Callable) -> None:
    """Payment terms, recurrence, VAT (the VAT rate is a share, checked with the others)."""
    for stream in STREAM_IDS:
        _range(typed, problem, f"payment_days_{stream}", 0, 365, "days_range")
    _range(typed, problem, "recurring_min_months", 1, 12, "recurring_range")
    if "vat_period" in typed and typed["vat_period"] not in VAT_PERIODS:
        problem("vat_period", "vat_period")
    unknown = [v.strip() for v in str(typed.get("vat_streams") or "").split(",") if v.strip() and v.strip() not in STREAM_IDS]
    if unknown:
        problem("vat_streams", "vat_stream", unknown[0])


def _safety_checks(typed: dict[str, object], problem: Callable) -> None:
    """Backups, the upload limit, a cash figure too large to be real, and CPR numbers in free text (never stored)."""
    from seconomy.ingest.cpr import has_cpr

    _range(typed, problem, "backups_kept", 0, 100, "backups_range")
    _range(typed, problem, "upload_limit_mb", 1, UPLOAD_CEILING_MB, "upload_range")
    cash = typed.get("opening_cash")
    if isinstance(cash, Decimal) and abs(cash) >= _CASH_LIMIT:
        problem("opening_cash", "too_large")
    for name in TEXT_SETTINGS:
        if name in typed and has_cpr(typed[name], "description"):
            problem(name, "cpr", "")
    for name in ("own_accounts", "cvr", "cash_date"):
        if name in typed and has_cpr(typed[name], "reference"):
            problem(name, "cpr", "")


def validate(given: dict[str, object]) -> list[tuple[str, str]]:
    """Check a full set of settings; return (name, English reason) for each problem, empty when all is well."""
    return [(p.name, p.reason) for p in check(given)]
