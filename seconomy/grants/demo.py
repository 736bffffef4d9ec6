"""The demo enterprise's grant pipeline: open applications for 2027 and a track record of past ones.

All fictional (foundations and pools included). The past applications that were granted are the
demo's grant agreements (seconomy.demo.GRANTS) and are linked to them; the demo's pending
continuation from Fonden Fælles Fremtid stays a pending agreement and is not repeated here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb

from seconomy import store
from seconomy.grants.model import agreement_row

D = dt.date

# (funder, kind, project, amount, start, end, schedule, stage, probability, deadline, decision, reports, hours,
#  restrictions)
OPEN = (
    ("Egebjerg Fonden", "foundation", "Grønne jobs i planteboden", 450000, D(2027, 3, 1), D(2028, 2, 29), "quarterly",
     "shortlisted", None, D(2026, 10, 15), D(2027, 1, 20), (D(2028, 4, 30),), 3, "Mindst 4 nye løntilskudspladser"),
    ("Puljen til Grøn Omstilling i Civilsamfundet", "public_pool", "Cirkulært reparationsværksted", 600000,
     D(2027, 4, 1), D(2028, 3, 31), "half_yearly", "drafting", None, D(2027, 1, 15), D(2027, 3, 20),
     (D(2027, 10, 31), D(2028, 5, 31)), 40, "Medfinansiering 20 %; revisorerklæring"),
    ("Fonden for Socialt Entreprenørskab", "foundation", "Mentorforløb for unge i caféen", 300000, D(2027, 1, 1),
     D(2027, 12, 31), "upfront", "shortlisted", None, D(2026, 9, 1), D(2026, 12, 15), (D(2028, 2, 28),), 6, None),
    ("Lindegaard Fonden", "foundation", "Caféakademiet, 2. fase", 500000, D(2027, 2, 1), D(2028, 1, 31), "quarterly",
     "submitted", 0.65, D(2026, 11, 1), D(2027, 2, 10), (D(2027, 8, 31), D(2028, 3, 31)), 2,
     "Tidligere bevilling afrapporteret; fonden har opfordret til ansøgning"),
    ("Nordisk Naturfond", "foundation", "Bier og bestøvere i byhaven", 350000, D(2027, 5, 1), D(2028, 4, 30),
     "quarterly", "drafting", None, D(2027, 2, 1), D(2027, 4, 25), (D(2028, 6, 30),), 24, None),
    ("Havnefonden", "foundation", "Sodavandsværkstedet udvider", 250000, D(2027, 6, 1), D(2028, 5, 31), "upfront",
     "idea", None, D(2027, 3, 1), D(2027, 5, 31), (), 30, "Kun anlæg og maskiner"),
    ("Puljen til Udsatte Unge i Job", "public_pool", "Vejen til job: 12 forløb", 900000, D(2027, 7, 1),
     D(2029, 6, 30), "half_yearly", "idea", None, D(2027, 4, 1), D(2027, 9, 1), (D(2028, 8, 31), D(2029, 8, 31)), 60,
     "Målgruppe 18–29 år; halvårlig effektmåling"),
    ("Københavns Kommune", "public_pool", "Socialøkonomisk pulje: praktikpladser", 200000, D(2027, 1, 1),
     D(2027, 12, 31), "quarterly", "submitted", None, D(2026, 11, 20), D(2027, 1, 31), (D(2028, 3, 1),), 1, None),
)
# Past applications: (funder, kind, project, amount, start, end, schedule, stage, decided from, decision, reports)
PAST = (
    ("Lindegaard Fonden", "foundation", "Caféakademiet", 1200000, D(2023, 1, 1), D(2025, 12, 31), "quarterly",
     "granted", "shortlisted", D(2022, 11, 15), (D(2026, 3, 31),)),
    ("Fonden Fælles Fremtid", "foundation", "Fælles værksted", 600000, D(2024, 7, 1), D(2026, 12, 31), "half_yearly",
     "granted", "submitted", D(2024, 5, 1), (D(2025, 8, 31), D(2027, 2, 28))),
    ("Det Blå Legat", "foundation", "Ny kølemontre", 150000, D(2025, 3, 1), D(2025, 12, 31), "upfront", "granted",
     "submitted", D(2025, 2, 1), (D(2026, 2, 28),)),
    ("Spirefonden", "foundation", "Planteskole for alle", 400000, D(2026, 4, 1), D(2027, 3, 31), "quarterly",
     "granted", "shortlisted", D(2026, 3, 1), (D(2027, 5, 31),)),
    ("Puljen for Inkluderende Virksomheder", "public_pool", "Inkluderende arbejdspladser", 720000, D(2025, 1, 1),
     D(2026, 12, 31), "quarterly", "granted", "submitted", D(2024, 12, 1), (D(2026, 1, 31), D(2027, 2, 15))),
    ("Det Blå Legat", "foundation", "Elcykel til udbringning", 90000, D(2024, 6, 1), D(2024, 12, 31), "upfront",
     "rejected", "submitted", D(2024, 4, 20), ()),
    ("Egebjerg Fonden", "foundation", "Haveklub for seniorer", 200000, D(2024, 9, 1), D(2025, 8, 31), "upfront",
     "rejected", "submitted", D(2024, 6, 15), ()),
    ("Puljen til Socialøkonomiske Virksomheder", "public_pool", "Salgsafdeling", 500000, D(2025, 1, 1),
     D(2026, 6, 30), "half_yearly", "rejected", "shortlisted", D(2024, 11, 1), ()),
    ("Nordlys Fonden", "foundation", "Kantine på hjul", 300000, D(2026, 1, 1), D(2026, 12, 31), "quarterly",
     "rejected", "submitted", D(2025, 10, 1), ()),
)


def applications() -> list[dict[str, object]]:
    """The demo pipeline's rows (deterministic): the open applications, then the past ones."""
    rows = []
    for funder, kind, project, amount, start, end, schedule, stage, p, deadline, decision, reports, hours, note in OPEN:
        rows.append({"funder": funder, "funder_kind": kind, "project": project, "amount": Decimal(amount),
                     "start_date": start, "end_date": end, "schedule": schedule, "stage": stage, "probability": p,
                     "deadline": deadline, "decision_date": decision, "report_due": list(reports) or None,
                     "effort_hours": Decimal(hours), "restrictions": note, "is_demo": True})
    for funder, kind, project, amount, start, end, schedule, stage, reached, decision, reports in PAST:
        rows.append({"funder": funder, "funder_kind": kind, "project": project, "amount": Decimal(amount),
                     "start_date": start, "end_date": end, "schedule": schedule, "stage": stage,
                     "decision_date": decision, "stage_before_grant": reached, "report_due": list(reports) or None,
                     "effort_hours": Decimal(0), "is_demo": True})
    return rows


def _demo_agreement(con: duckdb.DuckDBPyConnection, row: dict[str, object]) -> int | None:
    """The demo grant agreement a past granted application became (same funder and start)."""
    found = con.execute("SELECT id FROM agreements WHERE is_demo AND counterparty = ? AND start_date = ? "
                        "AND status <> 'pending' ORDER BY id", [row["funder"], row["start_date"]]).fetchall()
    return found[0][0] if found else None


def install(con: duckdb.DuckDBPyConnection) -> int:
    """Store the demo pipeline (after the demo's agreements); return how many applications were stored."""
    rows = applications()
    for row in rows:
        if row["stage"] == "granted":
            row["agreement_id"] = _demo_agreement(con, row)
        store.add_application(con, row, agreement_row)
    return len(rows)
