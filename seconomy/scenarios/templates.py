"""Ready-made shocks for the questions boards ask most, as spec dicts ready to append to a scenario.

Each returns one shock in the SPEC format, with concrete names and months, so a saved scenario
reads the same tomorrow as today (no "largest customer" that silently changes meaning).
"""

from __future__ import annotations

import datetime as dt

from seconomy.forecast.months import month_text

TEMPLATES = ("municipality_stops", "mid_year_cut", "grant_not_renewed", "largest_customer_lost", "sales_cut",
             "application_granted", "new_income")


def municipality_stops(municipality: str, month: dt.date) -> dict[str, object]:
    """The municipality stops buying entirely (every department and stream) from ``month``."""
    return {"municipality": municipality, "change": -1.0, "from": month_text(month)}


def mid_year_cut(municipality: str, share: float, month: dt.date) -> dict[str, object]:
    """A municipality overruns its budget and cuts ``share`` (0.3 = 30 %) from ``month`` (after the summer)."""
    return {"municipality": municipality, "change": -abs(share), "from": month_text(month)}


def grant_not_renewed(payer: str, stream: str, month: dt.date) -> dict[str, object]:
    """A foundation or pool pays nothing more from ``month``."""
    return {"payer": payer, "stream": stream, "change": -1.0, "from": month_text(month)}


def largest_customer_lost(payer: str, month: dt.date) -> dict[str, object]:
    """The largest payer (named when the shock is made) is lost from ``month``."""
    return {"payer": payer, "change": -1.0, "from": month_text(month)}


def sales_cut(share: float, month: dt.date) -> dict[str, object]:
    """Product sales fall by ``share`` from ``month``."""
    return {"stream": "product_sale", "change": -abs(share), "from": month_text(month)}


def application_granted(agreement_id: int) -> dict[str, object]:
    """What if a pending application is granted as applied for."""
    return {"agreement": int(agreement_id), "change": 0.0}


def new_income(name: str, stream: str, amount: float, month: dt.date) -> dict[str, object]:
    """Income from someone the forecast does not have yet (a new customer, a new municipality's contract)."""
    return {"counterparty": name.strip(), "stream": stream, "amount": abs(float(amount)), "from": month_text(month),
            "new": True}
