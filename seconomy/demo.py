"""A deterministic, fictional demo enterprise: "Grønt Værksted", a café, garden nursery and soda maker.

Why: a new user must see a working dashboard before they have data of their own, and the tests
need realistic figures. Everything here is made up (firm and foundation names included) but
shaped like a real social-economy enterprise: placements sold to six municipalities (one contract
ends mid-2025), wage subsidies from two jobcentres, seasonal product sales, credit notes, four
foundation grants and a public pool, costs and opening cash. The same seed always gives the same
figures, so tests can rely on them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from seconomy import store
from seconomy.grants import demo as grants_demo
from seconomy.window import add_months, month_end

FIRST_MONTH = dt.date(2023, 1, 1)
LAST_MONTH = dt.date(2026, 10, 1)
CASH_DATE = dt.date(2026, 10, 31)
OPENING_CASH = "700000.00"
ENTERPRISE = "Grønt Værksted (demo)"
SEED = 2026

# Municipal contracts: (municipality code, counterparty, department, placements, price, unit, start, end, p_renew)
CONTRACTS = (
    (101, "Københavns Kommune, Socialforvaltningen", "Socialforvaltningen", 6, 2900, "week",
     dt.date(2023, 1, 1), dt.date(2027, 12, 31), 0.8),
    (101, "Københavns Kommune, Beskæftigelses- og Integrationsforvaltningen", "Beskæftigelses- og Integrationsforvaltningen",
     4, 2600, "week", dt.date(2023, 1, 1), dt.date(2027, 6, 30), 0.75),
    (159, "Gladsaxe Kommune, Jobcenter Gladsaxe", "Jobcenter", 4, 2400, "week",
     dt.date(2023, 1, 1), dt.date(2027, 12, 31), 0.7),
    (147, "Frederiksberg Kommune, Socialområdet", "Socialområdet", 3, 9500, "month",
     dt.date(2023, 3, 1), dt.date(2027, 12, 31), 0.8),
    (157, "Gentofte Kommune, Social & Sundhed", "Social & Sundhed", 2, 10000, "month",
     dt.date(2023, 1, 1), dt.date(2027, 6, 30), 0.6),
    (175, "Rødovre Kommune, Jobcenter Rødovre", "Jobcenter", 2, 2500, "week",
     dt.date(2023, 1, 1), dt.date(2025, 6, 30), 0.0),
    (163, "Herlev Kommune, Jobcenter Herlev", "Jobcenter", 2, 2700, "week",
     dt.date(2025, 9, 1), dt.date(2027, 8, 31), 0.7),
)
# A one-year pilot that ends with the fiscal year, so its renewal is decided in the autumn budget season.
# Invoiced without random draws (and with its own invoice numbers) so adding it left the rest of the demo as it was.
PILOT = (151, "Ballerup Kommune, Center for Beskæftigelse", "Center for Beskæftigelse", 1, 2600, "week",
         dt.date(2026, 1, 1), dt.date(2026, 12, 31), 0.5)
# Wage subsidies (løntilskud / flexjob refusion) paid monthly by a jobcentre.
WAGE_SUBSIDIES = (
    (101, "Jobcenter København", 46000, dt.date(2023, 1, 1), dt.date(2027, 5, 31)),
    (159, "Jobcenter Gladsaxe", 12500, dt.date(2024, 2, 1), dt.date(2027, 1, 31)),
)
# Grants: (stream, counterparty, total, schedule, start, end, status)
GRANTS = (
    ("foundation_grant", "Lindegaard Fonden", 1200000, "quarterly", dt.date(2023, 1, 1), dt.date(2025, 12, 31), "ended"),
    ("foundation_grant", "Fonden Fælles Fremtid", 600000, "half_yearly", dt.date(2024, 7, 1), dt.date(2026, 12, 31), "active"),
    ("foundation_grant", "Det Blå Legat", 150000, "upfront", dt.date(2025, 3, 1), dt.date(2025, 12, 31), "ended"),
    ("foundation_grant", "Spirefonden", 400000, "quarterly", dt.date(2026, 4, 1), dt.date(2027, 3, 31), "active"),
    ("public_grant", "Puljen for Inkluderende Virksomheder", 720000, "quarterly", dt.date(2025, 1, 1),
     dt.date(2026, 12, 31), "active"),
)
# Product customers invoiced per delivery: (counterparty, municipality, mean invoice, invoices/month, season)
CUSTOMERS = (
    ("Café Solsikken", None, 9500, 3, "soda"),
    ("Kantine Nordlys A/S", None, 14000, 2, "flat"),
    ("Kontorfællesskabet Bølgen", None, 6500, 2, "flat"),
    ("Odense Saftværk ApS", None, 11000, 1, "soda"),
    ("Københavns Kommune, Rådhuskantinen", 101, 8000, 2, "flat"),
    ("Haveforeningen Solbakken", None, 7000, 2, "garden"),
)
SEASON = {  # month-of-year factors
    "cafe": (0.8, 0.85, 0.95, 1.0, 1.1, 1.25, 1.3, 1.25, 1.05, 0.95, 0.9, 1.2),
    "garden": (0.1, 0.2, 0.7, 1.8, 2.4, 2.0, 1.2, 0.9, 0.8, 0.5, 0.3, 1.1),
    "soda": (0.6, 0.6, 0.8, 0.9, 1.2, 1.6, 1.8, 1.6, 1.0, 0.8, 0.6, 0.9),
    "flat": (1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.6, 0.9, 1.05, 1.05, 1.1, 1.2),
}
COSTS = (
    ("Husleje", "fixed", 46000), ("Løn, faste medarbejdere", "fixed", 300000),
    ("Løn, medarbejdere i løntilskud og flexjob", "wage", 98000), ("El, vand og varme", "fixed", 14000),
    ("Forsikring og administration", "fixed", 21000), ("Vedligehold og værktøj", "fixed", 9000),
)
VARIABLE_COSTS = (("Råvarer og emballage", "product_sale", "0.3500"),)


@dataclass
class DemoData:
    entries: pd.DataFrame
    agreements: list[dict] = field(default_factory=list)
    costs: list[dict] = field(default_factory=list)
    scenarios: dict[str, dict] = field(default_factory=dict)


def _months() -> list[dt.date]:
    months, m = [], FIRST_MONTH
    while m <= LAST_MONTH:
        months.append(m)
        m = add_months(m, 1)
    return months


class _Ledger:
    """Collects lines with running invoice numbers, amounts in whole øre."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.invoice = 0

    def add(self, day, amount_kr, stream, counterparty, code, description, reference=None) -> None:
        if reference is None:
            self.invoice += 1
            reference = f"F{day.year}-{self.invoice:05d}"
        ore = int(round(float(amount_kr) * 100))
        self.rows.append((day, ore, stream, counterparty, code, description, reference))


def _contract_lines(ledger: _Ledger, rng: np.random.Generator, month: dt.date) -> None:
    end = month_end(month)
    for code, payer, _dept, places, price, unit, start, stop, _p in CONTRACTS:
        if not (start <= month <= stop):
            continue
        used = max(1, places + int(rng.integers(-1, 2)))
        if unit == "week":
            amount = used * price * (end.day / 7)
            text = f"Forløb {end:%m/%Y}: {used} pladser á {price} kr./uge"
        else:
            amount = used * price
            text = f"Forløb {end:%m/%Y}: {used} pladser á {price} kr./md."
        ledger.add(end, round(amount, 2), "municipal_contract", payer, code, text)
        if rng.random() < 0.04:  # a credit note for absence
            ledger.add(end, -round(price * 0.5, 2),
                       "municipal_contract", payer, code, "Kreditnota: fravær")
    for code, payer, monthly, start, stop in WAGE_SUBSIDIES:
        if start <= month <= stop:
            amount = monthly * float(rng.uniform(0.9, 1.08))
            ledger.add(end, round(amount, 2), "wage_subsidy", payer, code, f"Løntilskud/flexjobrefusion {end:%m/%Y}")


def _pilot_lines(ledger: _Ledger, month: dt.date) -> None:
    code, payer, _dept, places, price, _unit, start, stop, _p = PILOT
    if start <= month <= stop:
        end = month_end(month)
        ledger.add(end, round(places * price * end.day / 7, 2), "municipal_contract", payer, code,
                   f"Forløb {end:%m/%Y}: {places} plads á {price} kr./uge (pilotprojekt)", f"B{end:%Y%m}")


def _product_lines(ledger: _Ledger, rng: np.random.Generator, month: dt.date) -> None:
    moy = month.month - 1
    end = month_end(month)
    growth = 1 + 0.04 * (month.year - FIRST_MONTH.year)
    for week_start in range(1, end.day + 1, 7):  # café and plant shop takings, booked weekly
        day = month.replace(day=min(week_start + 6, end.day))
        cafe = 11500 * SEASON["cafe"][moy] * growth * float(rng.uniform(0.85, 1.15))
        ledger.add(day, round(cafe, 2), "product_sale", "Caféens kasse", None, "Kasseopgørelse café", f"K{day:%Y%m%d}")
        plants = 5200 * SEASON["garden"][moy] * growth * float(rng.uniform(0.8, 1.2))
        ledger.add(day, round(plants, 2), "product_sale", "Planteboden (kasse)", None, "Kasseopgørelse planteboden",
                   f"P{day:%Y%m%d}")
    for payer, code, mean, per_month, season in CUSTOMERS:
        for _ in range(int(rng.poisson(per_month))):
            day = month.replace(day=int(rng.integers(1, end.day + 1)))
            amount = mean * SEASON[season][moy] * growth * float(rng.uniform(0.6, 1.4))
            what = "Sodavand" if season == "soda" else "Planter og anlæg" if season == "garden" else "Catering"
            ledger.add(day, round(amount, 2), "product_sale", payer, code, f"{what}, levering")
            if rng.random() < 0.05:
                ledger.add(day + dt.timedelta(days=3) if day.day < 25 else day, -round(amount * 0.2, 2),
                           "product_sale", payer, code, "Kreditnota: reklamation")


def _grant_payments(stream, payer, total, schedule, start, stop) -> list[tuple[dt.date, float]]:
    """Split a grant into its disbursements: the first day of each paid period."""
    span = (stop.year - start.year) * 12 + stop.month - start.month + 1
    step = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12, "upfront": span}[schedule]
    count = -(-span // step)
    return [(add_months(start, i * step), round(total / count, 2)) for i in range(count)]


def _grant_lines(ledger: _Ledger, month: dt.date) -> None:
    for stream, payer, total, schedule, start, stop, _status in GRANTS:
        for day, amount in _grant_payments(stream, payer, total, schedule, start, stop):
            if day.replace(day=1) == month:
                ledger.add(day.replace(day=5), amount, stream, payer, None, f"Udbetaling af bevilling ({schedule})")


def _other_lines(ledger: _Ledger, rng: np.random.Generator, month: dt.date) -> None:
    if month.month in (5, 12):
        ledger.add(month.replace(day=15), round(float(rng.uniform(4000, 12000)), 2), "other",
                   "Rotary Klub Nordvest", None, "Donation")


def generate(seed: int = SEED) -> DemoData:
    """Build the demo enterprise's ledger, agreements, costs and an example scenario."""
    rng = np.random.default_rng(seed)
    ledger = _Ledger()
    for month in _months():
        _contract_lines(ledger, rng, month)
        _product_lines(ledger, rng, month)
        _grant_lines(ledger, month)
        _other_lines(ledger, rng, month)
        _pilot_lines(ledger, month)
    frame = pd.DataFrame(ledger.rows, columns=["entry_date", "amount_ore", "stream", "counterparty",
                                                "municipality_code", "description", "reference"])
    frame = frame.sort_values(["entry_date", "reference"], kind="stable").reset_index(drop=True)
    frame.insert(0, "line", range(2, len(frame) + 2))
    frame["municipality_code"] = frame["municipality_code"].astype("Int16")
    return DemoData(frame, _agreements(), _costs(), _scenarios())


def _agreements() -> list[dict]:
    rows = []
    for code, payer, dept, places, price, unit, start, stop, p in (*CONTRACTS, PILOT):
        rows.append(dict(stream="municipal_contract", counterparty=payer, municipality_code=code, department=dept,
                         placements=places, price=price, price_unit=unit, start_date=start, end_date=stop,
                         notice_months=3, renewal_probability=p, status="ended" if stop < CASH_DATE else "active",
                         is_demo=True))
    for code, payer, monthly, start, stop in WAGE_SUBSIDIES:
        rows.append(dict(stream="wage_subsidy", counterparty=payer, municipality_code=code, department="Jobcenter",
                         monthly_amount=monthly, start_date=start, end_date=stop, notice_months=1,
                         renewal_probability=0.85, status="active", is_demo=True))
    for stream, payer, total, schedule, start, stop, status in GRANTS:
        rows.append(dict(stream=stream, counterparty=payer, total_amount=total, schedule=schedule, start_date=start,
                         end_date=stop, renewal_probability=0.3 if status == "active" else 0.0, status=status,
                         is_demo=True))
    rows.append(dict(stream="foundation_grant", counterparty="Fonden Fælles Fremtid", total_amount=500000,
                     schedule="half_yearly", start_date=dt.date(2027, 1, 1), end_date=dt.date(2028, 12, 31),
                     renewal_probability=0.5, status="pending", note="Ansøgning om videreførelse, svar marts 2027",
                     is_demo=True))
    return rows


def _costs() -> list[dict]:
    rows = [dict(category=c, kind=k, monthly_amount=a, is_demo=True) for c, k, a in COSTS]
    rows += [dict(category=c, kind="variable", stream=s, share_of_income=share, is_demo=True)
             for c, s, share in VARIABLE_COSTS]
    return rows


def _scenarios() -> dict[str, dict]:
    return {
        "Gladsaxe stopper i april, København −30 % fra juli": {
            "name": "Gladsaxe stopper i april, København −30 % fra juli",
            "start": "2027-01", "months": 12,
            "shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"},
                       {"municipality": "København", "change": -0.3, "from": "2027-07"}],
        },
    }


def install(con, seed: int = SEED) -> store.ImportOutcome:
    """Replace any demo in the database with a fresh one (own data is never touched), in ONE transaction.

    One transaction for every table: a process killed while the demo is written leaves the earlier state (no demo,
    or the earlier demo), never entries without settings or a part of the agreements.
    """
    from seconomy.effect import demo as effect_demo  # here, not at the top: it reads this module's contracts

    data = generate(seed)
    with store.transaction(con):
        store.remove_demo(con)
        outcome = store.add_entries(con, data.entries, file_name="demo: Grønt Værksted", fmt="demo", is_demo=True)
        for row in data.agreements:
            store.add_agreement(con, row)
        grants_demo.install(con)  # the grant pipeline, linked to the demo's grant agreements
        for row in data.costs:
            store.add_cost(con, row)
        for name, spec in data.scenarios.items():
            store.save_scenario(con, name, json.dumps(spec, ensure_ascii=False), is_demo=True)
        effect_demo.install(con)  # placements, municipal contacts and the contact log (issue 13)
        for name, value in DEMO_SETTINGS:
            store.set_setting(con, name, value)
    return outcome


# What a complete demo holds beside its entries (the entries' count depends on the seed; the import row records it).
DEMO_SETTINGS = (("opening_cash", OPENING_CASH), ("cash_date", CASH_DATE.isoformat()), ("enterprise_name", ENTERPRISE),
                 ("dataset", "demo"))
DEMO_TABLES = ("agreements", "costs", "scenarios", "applications", "placements", "contacts", "contact_log")
OWN_TABLES = ("imports", *DEMO_TABLES)


def expected_rows() -> dict[str, int]:
    """Rows per table of a complete demo (every table but the entries, whose count the demo's import row holds)."""
    from seconomy.effect import demo as effect_demo

    return {"agreements": len(_agreements()), "costs": len(_costs()), "scenarios": len(_scenarios()),
            "applications": len(grants_demo.applications()), "placements": len(effect_demo.placements()),
            "contacts": len(effect_demo.CONTACTS), "contact_log": len(effect_demo.LOG)}


def has_own_data(con) -> bool:
    """True when the database holds anything of the user's own (a real import, an own agreement, plan, contact…)."""
    dataset = con.execute("SELECT value FROM settings WHERE name = ?", ["dataset"]).fetchall()
    if dataset and dataset[0][0] == "own":
        return True
    # each table by name through DuckDB's relation API: no SQL text is built from the names
    return any(con.table(table).filter("NOT is_demo").limit(1).fetchall() for table in OWN_TABLES)


def demo_state(con) -> str:
    """'none' (no trace of a demo), 'complete', or 'partial' (e.g. written by a process that was killed half-way)."""
    demo_rows = {t: n for t, n in con.execute(
        " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {store.sql.ident(t)} WHERE is_demo" for t in DEMO_TABLES)).fetchall()}
    imports = con.execute("SELECT count(*), coalesce(sum(rows_added), 0) FROM imports WHERE is_demo").fetchall()[0]
    entries = con.execute("SELECT count(*) FROM entries WHERE import_id IN (SELECT id FROM imports WHERE is_demo)").fetchall()[0][0]
    settings = dict(con.execute("SELECT name, value FROM settings").fetchall())
    if not imports[0] and not any(demo_rows.values()) and settings.get("dataset") != "demo":
        return "none"
    complete = (imports[0] == 1 and entries == imports[1] > 0 and demo_rows == expected_rows()
                and all(settings.get(name) == value for name, value in DEMO_SETTINGS))
    return "complete" if complete else "partial"


def restore(con, seed: int = SEED) -> store.ImportOutcome:
    """Bring the demo back after the user's only own import was undone (refused while own data remains)."""
    from seconomy.errors import InputError
    from seconomy.ingest.history import demo_restorable

    if not demo_restorable(con):
        raise InputError("the demo can only come back to a database whose own imports were all undone")
    return install(con, seed)
