"""Cash at bank, not only the result: payment terms, VAT, and the cash figure rolled forward from its own date.

Why: the board asks in which month the cash runs out. The cumulative result answers a different question.
Municipalities pay 30 days after the month; VAT on sales is collected with the sale and paid to the tax
authority after the VAT period; a cash figure read off last month's statement is not today's.

The model (README "Budget scenarios — Method"; tests pin each rule):
* Income of month m from a line with a payment term of L months (an agreement's own ``payment_days``, else the
  stream's setting ``payment_days_<stream>``; days ÷ 30, rounded) is received in month m + L. Costs are paid in
  their month. The result of a month is income − costs, whatever the payment terms: a lag moves cash, not result.
* VAT: customers pay the VAT on VAT-able sales (the streams of setting ``vat_streams``, rate ``vat_rate``) with
  the sale; the VAT of a VAT period (setting ``vat_period``: monthly, quarterly, half-yearly), less the input VAT
  on the variable costs of those streams (the goods bought for the sales), is paid on the period's due month:
  the month after (monthly), the third month after the quarter (Q1 → June), 1 September and 1 March (half-yearly).
* The cash figure (settings ``opening_cash`` on ``cash_date``; empty date: the last data day) is rolled forward
  through what actually happened after its date: income *received* after it (a bank line on its date; a ledger's
  invoice at the end of its payment term, VAT included) and booked costs dated after it (bank statements, SAF-T),
  and — for months without booked costs — the cost lines. An invoice whose payment term has not run out by the
  last data day (invoiced in October, paid in November) arrives in its forecast month.
  A cash figure more than two months older than the forecast start is flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import numpy as np

from seconomy.forecast.costs import CostModel, cost_lines, load_costs, round_ore
from seconomy.forecast.history import Cutoff
from seconomy.streams import STREAMS
from seconomy.text import fold
from seconomy.window import add_months, month_end

VAT_PERIODS = ("monthly", "quarterly", "half_yearly")
STALE_MONTHS = 2


def period_of(month: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The VAT period holding ``month`` (first month) and the month its VAT is due."""
    if period == "monthly":
        return month, add_months(month, 1)
    if period == "quarterly":
        first = dt.date(month.year, (month.month - 1) // 3 * 3 + 1, 1)
        return first, add_months(first, 5)  # Q1 (Jan–Mar) is due 1 June: the third month after the quarter
    first = dt.date(month.year, 1 if month.month <= 6 else 7, 1)
    return first, add_months(first, 8)  # Jan–Jun due 1 September, Jul–Dec due 1 March


@dataclass(frozen=True)
class VatRules:
    rate: float
    streams: tuple[str, ...]
    period: str

    def taxable(self, stream: str) -> bool:
        return stream in self.streams


@dataclass(frozen=True)
class RollForward:
    """What happened between the cash figure's date and the forecast start (booked, not forecast)."""

    cash_date: dt.date
    to_date: dt.date
    income: float  # kroner booked in between (as received)
    costs: float  # kroner paid in between (booked, or the cost lines for months without booked costs)
    stale: bool  # the cash figure is more than two months older than the forecast start

    @property
    def days(self) -> int:
        return max(0, (self.to_date - self.cash_date).days)


@dataclass(frozen=True)
class CashModel:
    """Everything the cash path needs beyond the income and cost lines (laid out over the forecast months)."""

    opening_ore: float  # the cash at the forecast start, rolled forward from the cash figure
    cash_date: dt.date
    receivables: np.ndarray  # M: income of the months before the forecast, still to be received (VAT included)
    vat_carry: np.ndarray  # M: VAT of the months before the forecast, still to be paid (positive = paid)
    vat_due: np.ndarray  # M × M: VAT of month j (column) is paid in month i (row)
    vat: VatRules
    vat_costs: np.ndarray  # C: 1 for the variable cost lines of VAT-able streams (their input VAT is deducted)
    roll: RollForward
    counted: np.ndarray  # M: the share of each month's flows after the cash date (1 from the forecast start, normally)


def _due_matrix(months: Sequence[dt.date], period: str) -> np.ndarray:
    index = {m: i for i, m in enumerate(months)}
    due = np.zeros((len(months), len(months)))
    for j, month in enumerate(months):
        _, pay = period_of(month, period)
        if pay in index:
            due[index[pay], j] = 1.0
    return due


def _paid_costs(con, after: dt.date, until: dt.date) -> tuple[float, bool]:
    """Costs booked in ``(after, until]`` (øre), taken as paid when booked; whether any costs were ever booked."""
    paid, any_costs = con.execute("""SELECT coalesce(sum(amount) FILTER (WHERE entry_date > ? AND entry_date <= ?), 0),
                                            count(*) > 0 FROM actual_costs""", [after, until]).fetchall()[0]
    return float(paid) * 100, bool(any_costs)


_RECEIPTS_SQL = """
SELECT date_trunc('month', e.entry_date)::DATE AS month, e.stream, e.counterparty,
       coalesce(i.layout, 'ledger') LIKE 'bank:%' AS bank, e.entry_date > ? AS after_cash, sum(e.amount)
FROM income e JOIN imports i ON i.id = e.import_id
WHERE e.entry_date >= ? AND e.entry_date <= ?
GROUP BY ALL"""


def _receipts(con, cut: Cutoff, cash_date: dt.date, months: Sequence[dt.date], terms: _Terms,
              vat: VatRules) -> tuple[float, np.ndarray]:
    """Income received after the cash figure's date and before the forecast (øre), and what is still to come.

    Each booked amount is received on its *receipt date*: a bank statement's line on its date (it is a receipt);
    a ledger's invoice of month m with a payment term of L months at the end of month m + L (L = 0: on its date).
    Received after ``cash_date`` and before the first forecast month rolls the cash figure forward; received in a
    forecast month is a receivable of that month. Customers pay the VAT of VAT-able invoices with them (a bank line has it already).
    """
    out = np.zeros(len(months))
    longest = max([*terms.lags.values(), *terms.own.values(), 0])
    since = min(add_months(cash_date.replace(day=1), -longest), add_months(cut.first_forecast_month, -longest))
    index = {m: i for i, m in enumerate(months)}
    received = 0.0
    for month, stream, counterparty, bank, after_cash, amount in con.execute(
            _RECEIPTS_SQL, [cash_date, since, cut.last_day]).fetchall():
        ore = float(amount) * 100
        if bank:
            received += ore if after_cash else 0.0
            continue
        ore *= 1 + (vat.rate if vat.taxable(stream) else 0.0)
        lag = terms.own.get((fold(str(counterparty)), stream), terms.lags.get(stream, 0))
        if lag == 0:
            received += ore if after_cash else 0.0
            continue
        arrives = add_months(month, lag)
        if arrives < cut.first_forecast_month:
            received += ore if month_end(arrives) > cash_date else 0.0
        elif arrives in index:
            out[index[arrives]] += ore
    return received, round_ore(out)


@dataclass(frozen=True)
class _Terms:
    lags: dict[str, int]  # stream → months
    own: dict[tuple[str, str], int]  # (folded counterparty, stream) → months


def _line_costs(con, months: Sequence[dt.date], by_stream: np.ndarray) -> np.ndarray:
    """The cost lines' costs in ``months`` for the given income per stream (months with no booked costs)."""
    if not months:
        return np.zeros(0)
    return cost_lines(load_costs(con, list(months)), by_stream).sum(axis=0)


def income_by_stream_months(con, months: Sequence[dt.date]) -> np.ndarray:
    """Booked income per stream (rows, STREAMS order) and month (columns), in øre."""
    out = np.zeros((len(STREAMS), len(months)))
    if not months:
        return out
    index = {m: i for i, m in enumerate(months)}
    for month, stream, amount in con.execute(
            """SELECT date_trunc('month', entry_date)::DATE, stream, sum(amount) FROM income
               WHERE entry_date BETWEEN ? AND ? GROUP BY ALL""", [months[0], month_end(months[-1])]).fetchall():
        if month in index:
            out[STREAMS.index(stream), index[month]] += float(amount) * 100
    return out


def build_cash(con: duckdb.DuckDBPyConnection, cut: Cutoff, months: Sequence[dt.date], opening: Decimal,
               cash_date: dt.date, lags: dict[str, int], vat: VatRules, costs: CostModel,
               own_lags: dict[tuple[str, str], int] | None = None) -> CashModel:
    """The cash model for the forecast ``months`` (which start with the cutoff's first forecast month).

    ``lags`` are the streams' payment terms in months; ``own_lags`` an agreement's own term for its
    (folded counterparty, stream), which wins for the invoices still outstanding.
    """
    received, receivables = _receipts(con, cut, cash_date, months, _Terms(lags, own_lags or {}), vat)
    paid, any_costs = _paid_costs(con, cash_date, cut.last_day)
    if not any_costs:  # no booked costs at all: the cost lines stand in for the whole months after the cash date
        gap = _months_between(cash_date, cut.first_forecast_month)
        paid += float(_line_costs(con, gap, income_by_stream_months(con, gap)).sum())
    stale = cash_date < add_months(cut.first_forecast_month, -STALE_MONTHS)
    roll = RollForward(cash_date, max(cash_date, cut.last_day), received / 100, paid / 100, stale)
    taxable = np.array([1.0 if k == "variable" and vat.taxable(str(s)) else 0.0
                        for k, s in zip(costs.meta["kind"], costs.meta["stream"], strict=True)])
    opening_ore = float(round_ore(np.array(float(opening * 100) + received - paid)))
    return CashModel(opening_ore, cash_date, receivables,
                     _vat_carry(con, cut, months, vat), _due_matrix(months, vat.period), vat, taxable, roll,
                     counted_after(cash_date, cut, months))


def counted_after(cash_date: dt.date, cut: Cutoff, months: Sequence[dt.date]) -> np.ndarray:
    """The share of each forecast month's flows that comes after the cash date.

    Flows within a month are taken as spread evenly over the days still to forecast: the days after the data's
    last day in a partial first month, every day of a later month. A cash date inside a forecast month counts the
    part after it; the months before it not at all.
    """
    counted = np.ones(len(months))
    for i, month in enumerate(months):
        first_open = cut.last_day + dt.timedelta(days=1) if cut.partial and i == 0 else month
        last = month_end(month)
        if cash_date >= last:
            counted[i] = 0.0
        elif cash_date >= first_open:
            counted[i] = (last - cash_date).days / ((last - first_open).days + 1)
    return counted


def _months_between(after: dt.date, before: dt.date) -> list[dt.date]:
    """The whole months after the month of ``after`` and before ``before`` (a month's first day)."""
    out, month = [], add_months(after, 1)
    while month < before:
        out.append(month)
        month = add_months(month, 1)
    return out


def _vat_carry(con, cut: Cutoff, months: Sequence[dt.date], vat: VatRules) -> np.ndarray:
    """The VAT on sales of the current VAT period's months before the forecast, due inside the forecast."""
    out = np.zeros(len(months))
    if not months or not vat.streams:
        return out
    first_period, _ = period_of(add_months(cut.first_forecast_month, -1), vat.period)
    index = {m: i for i, m in enumerate(months)}
    rows = con.execute("""SELECT date_trunc('month', entry_date)::DATE, sum(amount) FROM income
                          WHERE entry_date >= ? AND entry_date < ? AND list_contains(?, stream) GROUP BY ALL""",
                       [add_months(first_period, -6), cut.first_forecast_month, list(vat.streams)]).fetchall()
    for month, amount in rows:
        _, pay = period_of(month, vat.period)
        if pay in index:
            out[index[pay]] += float(amount) * 100 * vat.rate
    return round_ore(out)


def cash_flows(model: CashModel, grouped: np.ndarray, group_lag: np.ndarray, group_vat: np.ndarray,
               cost_per_line: np.ndarray) -> np.ndarray:
    """The month's net cash flow (…, M) from income per group (…, G, M) and costs per line (…, C, M), in whole øre.

    A group is income of one stream and payment term; ``group_vat`` says whether it is VAT-able. VAT amounts are
    rounded to the øre (half up) per group and month, as an invoice would.
    """
    months = grouped.shape[-1]
    vat_on_sales = round_ore(grouped * (model.vat.rate * group_vat)[:, None])
    gross = grouped + vat_on_sales
    inflow = np.zeros(grouped.shape[:-2] + (months,))
    for g, lag in enumerate(group_lag):
        if lag == 0:
            inflow += gross[..., g, :]
        elif lag < months:
            inflow[..., lag:] += gross[..., g, :months - lag]
    output_vat = vat_on_sales.sum(axis=-2)
    costs = cost_per_line.sum(axis=-2)
    input_vat = round_ore(model.vat.rate * (cost_per_line[..., :len(model.vat_costs), :] * model.vat_costs[:, None]).sum(axis=-2))
    vat_paid = (output_vat - input_vat) @ model.vat_due.T + model.vat_carry  # VAT of month j paid in month i
    flow = inflow + model.receivables - costs - input_vat - vat_paid  # goods are bought VAT included
    return round_ore(flow * model.counted)


def cash_path(model: CashModel, flow: np.ndarray) -> np.ndarray:
    """Cash at the end of each month: the rolled-forward opening cash plus the flows after the cash date."""
    return model.opening_ore + np.cumsum(flow, axis=-1)
