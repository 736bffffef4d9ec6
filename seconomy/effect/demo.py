"""The demo enterprise's placements, municipal contacts and contact log (fictional, deterministic).

The placements fill the places of the demo's contracts (seconomy.demo.CONTRACTS and PILOT): København about
10 places (6 social, 4 employment), Gladsaxe 4, Frederiksberg 3, Gentofte 2, Rødovre 2 until June 2025, Herlev 2
from September 2025, the Ballerup pilot 1 in 2026. Each place is taken by one participant after another, with
a scheme fitting the department, a typical length, a short gap, and an outcome drawn with plausible odds
(about a third leave for a job, a flexjob or education; some drop out). Placements that would end after the
demo's last data day are still running. About two thirds have progression scores on a 1–10 scale.

Contacts and log: a few people per main municipality. Gladsaxe deliberately has no meeting with its middle
manager since March 2026, so it appears on the before-the-budget list; Ballerup's pilot, renewing in the budget
season, has only a caseworker. Names are made up.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import numpy as np

from seconomy import store
from seconomy.demo import CONTRACTS, PILOT

SEED = 13
DATA_END = dt.date(2026, 10, 31)  # the demo's last day with data: later placements are still running
# Places per contract counterparty, and the schemes its placements are drawn from.
SCHEMES_OF = {
    "Københavns Kommune, Socialforvaltningen": ("beskyttet_beskaeftigelse_103", "aktivitet_samvaer_104", "stu", "stu",
                                                "mentor", "beskyttet_beskaeftigelse_103"),
    "Københavns Kommune, Beskæftigelses- og Integrationsforvaltningen": ("virksomhedspraktik", "loentilskud",
                                                                         "ressourceforloeb", "virksomhedspraktik"),
    "Gladsaxe Kommune, Jobcenter Gladsaxe": ("virksomhedspraktik", "ressourceforloeb", "jobafklaringsforloeb", "mentor"),
    "Frederiksberg Kommune, Socialområdet": ("stu", "beskyttet_beskaeftigelse_103", "stu"),
    "Gentofte Kommune, Social & Sundhed": ("ressourceforloeb", "stu"),
    "Rødovre Kommune, Jobcenter Rødovre": ("virksomhedspraktik", "virksomhedspraktik"),
    "Herlev Kommune, Jobcenter Herlev": ("virksomhedspraktik", "ressourceforloeb"),
    "Ballerup Kommune, Center for Beskæftigelse": ("virksomhedspraktik",),
}
WEEKS = {  # typical lengths in weeks
    "virksomhedspraktik": (8, 10, 13, 13), "loentilskud": (26, 26, 39), "ressourceforloeb": (26, 39, 52),
    "jobafklaringsforloeb": (20, 26, 40), "stu": (40, 46, 52), "beskyttet_beskaeftigelse_103": (52, 78, 104),
    "aktivitet_samvaer_104": (52, 78, 104), "mentor": (12, 16, 26),
}
OUTCOME_ODDS = {  # job, flexjob, education, other_programme, clarified, dropped_out
    "virksomhedspraktik": (0.27, 0.05, 0.10, 0.28, 0.10, 0.20), "loentilskud": (0.40, 0.05, 0.05, 0.25, 0.05, 0.20),
    "ressourceforloeb": (0.12, 0.20, 0.05, 0.28, 0.25, 0.10), "jobafklaringsforloeb": (0.15, 0.15, 0.05, 0.25, 0.30, 0.10),
    "stu": (0.15, 0.05, 0.30, 0.30, 0.10, 0.10), "beskyttet_beskaeftigelse_103": (0.05, 0.10, 0.0, 0.30, 0.40, 0.15),
    "aktivitet_samvaer_104": (0.0, 0.0, 0.0, 0.40, 0.40, 0.20), "mentor": (0.30, 0.0, 0.20, 0.25, 0.0, 0.25),
}
OUTCOMES = ("job", "flexjob", "education", "other_programme", "clarified", "dropped_out")

# (municipality, name, role, title, next meeting)
CONTACTS = (
    (101, "Mette Lund", "middle_manager", "Afdelingsleder, Socialforvaltningen", dt.date(2027, 1, 14)),
    (101, "Kasper Holm", "caseworker", "Sagsbehandler, Beskæftigelses- og Integrationsforvaltningen", None),
    (101, "Birgitte Skov", "politician", "Formand, Socialudvalget", None),
    (159, "Lise Kragh", "middle_manager", "Afdelingsleder, Jobcenter Gladsaxe", None),
    (159, "Jonas Berg", "caseworker", "Jobkonsulent, Jobcenter Gladsaxe", dt.date(2026, 12, 10)),
    (147, "Anne Dahl", "middle_manager", "Centerchef, Socialområdet", None),
    (147, "Peter Friis", "caseworker", "Sagsbehandler, Socialområdet", None),
    (157, "Sofie Winther", "caseworker", "Rådgiver, Social & Sundhed", None),
    (163, "Ali Hassan", "middle_manager", "Teamleder, Jobcenter Herlev", None),
    (151, "Camilla Juhl", "caseworker", "Jobkonsulent, Center for Beskæftigelse", dt.date(2026, 12, 8)),
)
# (contact name, date, kind, summary)
LOG = (
    ("Mette Lund", dt.date(2025, 10, 7), "workshop", "Workshop med kommunen om et nyt STU-tilbud med værkstedspraktik"),
    ("Birgitte Skov", dt.date(2025, 11, 10), "meeting", "Socialudvalget besøgte caféen og gartneriet"),
    ("Mette Lund", dt.date(2026, 8, 20), "meeting", "Status på forløb i 1. halvår; resultater og business case vist"),
    ("Kasper Holm", dt.date(2026, 10, 2), "call", "Opfølgning på nye visitationer"),
    ("Lise Kragh", dt.date(2025, 11, 19), "workshop", "Workshop: et nyt jobafklaringstilbud formet sammen med jobcentret"),
    ("Lise Kragh", dt.date(2026, 3, 12), "meeting", "Årsmøde om samarbejdsaftalen"),
    ("Jonas Berg", dt.date(2026, 9, 24), "meeting", "Status på de fire deltagere"),
    ("Anne Dahl", dt.date(2026, 6, 18), "meeting", "Budgetdialog: resultater af STU-forløbene"),
    ("Sofie Winther", dt.date(2026, 5, 6), "meeting", "Opfølgning på ressourceforløb"),
    ("Ali Hassan", dt.date(2025, 8, 15), "meeting", "Opstartsmøde om den nye kontrakt"),
    ("Camilla Juhl", dt.date(2026, 2, 2), "call", "Opstart af pilotprojektet"),
)


def _monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _score(rng: np.random.Generator) -> tuple[Decimal | None, Decimal | None]:
    if rng.random() >= 0.68:
        return None, None
    start = int(rng.integers(2, 7))
    end = min(10, max(1, start + int(rng.choice((-1, 0, 1, 1, 2, 2, 3)))))
    return Decimal(start), Decimal(end)


def _place(rng: np.random.Generator, counterparty: str, code: int, price: int, unit: str, first: dt.date,
           last: dt.date, scheme: str, number: int) -> list[dict]:
    """The participants of one place, one after another from ``first`` until the contract's ``last`` day."""
    rows, day = [], _monday(first + dt.timedelta(days=int(rng.integers(0, 21))))
    while day <= min(last, DATA_END):
        weeks = int(rng.choice(WEEKS[scheme]))
        end = day + dt.timedelta(weeks=weeks, days=-3)  # Monday to Friday
        end = min(end, last)
        running = end > DATA_END
        outcome = None if running else OUTCOMES[int(rng.choice(6, p=OUTCOME_ODDS[scheme]))]
        if outcome == "dropped_out":  # a dropout leaves early
            end = min(end, day + dt.timedelta(weeks=max(2, weeks // 3), days=-3))
        score_start, score_end = _score(rng)
        number += 1
        rows.append({"participant_code": f"GV-{number:04d}", "municipality_code": code, "scheme": scheme,
                     "start_date": day, "end_date": None if running else end, "price": Decimal(price), "price_unit": unit,
                     "outcome": outcome, "score_start": score_start, "score_end": None if running else score_end,
                     "counterparty": counterparty})
        day = _monday(end + dt.timedelta(days=int(rng.integers(7, 22))))
    return rows


def placements() -> list[dict]:
    """Every demo placement (with the ``counterparty`` of its contract, to link it to the agreement)."""
    rng = np.random.default_rng(SEED)
    rows: list[dict] = []
    for code, counterparty, _dept, _places, price, unit, start, stop, _p in (*CONTRACTS, PILOT):
        for scheme in SCHEMES_OF[counterparty]:
            rows += _place(rng, counterparty, code, price, unit, start, stop, scheme, len(rows))
    return rows


def install(con: duckdb.DuckDBPyConnection) -> None:
    """Store the demo placements (linked to the demo's agreements), contacts and log, all marked as demo."""
    agreements = dict(con.execute("SELECT counterparty, id FROM agreements WHERE is_demo").fetchall())
    for row in placements():
        counterparty = row.pop("counterparty")
        store.add_placement(con, {**row, "agreement_id": agreements.get(counterparty), "is_demo": True})
    ids = {}
    for code, name, role, title, next_meeting in CONTACTS:
        ids[name] = store.add_contact(con, {"municipality_code": code, "name": name, "role": role, "title": title,
                                            "next_meeting": next_meeting, "is_demo": True})
    codes = {name: code for code, name, *_ in CONTACTS}
    for name, day, kind, summary in LOG:
        store.add_log(con, {"municipality_code": codes[name], "contact_id": ids[name], "log_date": day, "kind": kind,
                            "summary": summary, "is_demo": True})
