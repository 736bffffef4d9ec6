"""The forecast's rules on the cases a real ledger brings, each figure computed by hand in the comment beside it.

Each test builds its own small ledger (``_ledger``), so the arithmetic stays on the page: several departments of
one municipality, a flat history longer than two years, an agreement renewed in the middle of a month, data that
stops inside a month, payment terms, quarterly VAT, a stale cash figure, correlated budget decisions.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import numpy as np
import pytest

from seconomy import store
from seconomy.cli import main
from seconomy.errors import ScenarioError
from seconomy.forecast import build_baseline
from seconomy.overview import overview
from seconomy.risk.measures import concentration
from seconomy.scenarios.engine import apply
from seconomy.scenarios.montecarlo import build_model, run_model
from seconomy.scenarios.results import compute
from seconomy.scenarios.spec import Spec, parse_spec
from seconomy.window import Window, add_months, month_end
from tests.forecast.fixtures import staging

D = dt.date


def _ledger(con, rows, imported_at: dt.datetime | None = None) -> None:
    """Store rows (date, kroner, stream, counterparty, municipality code) as one import."""
    frame = staging([(day, round(kr * 100), stream, who, code, "", f"R{i}") for i, (day, kr, stream, who, code)
                     in enumerate(rows)])
    outcome = store.add_entries(con, frame, file_name="ledger.csv")
    if imported_at is not None:
        con.execute("UPDATE imports SET imported_at = ? WHERE id = ?", [imported_at, outcome.import_id])


def _monthly(first: dt.date, months: int, day: int, kr: float, stream: str, who: str, code: int | None = None):
    return [(add_months(first, i).replace(day=min(day, month_end(add_months(first, i)).day)), kr, stream, who, code)
            for i in range(months)]


def _payer_months(baseline, key: str) -> list[float]:
    """The expected forecast per month for one payer key, all its lines together (kroner)."""
    mask = (baseline.lines["key"] == key).to_numpy()
    weights = baseline.weights("expected")[mask]
    return [round(v, 2) for v in ((baseline.amounts[mask] * weights[:, None]).sum(axis=0) / 100)[baseline.start:]]


def _no_terms_no_vat(con) -> None:
    for name in ("payment_days_municipal_contract", "payment_days_wage_subsidy"):
        store.set_setting(con, name, "0")
    store.set_setting(con, "vat_streams", "")


def test_two_departments_of_one_municipality_are_one_payer(con):
    # Socialforvaltningen 5.000 kr. and Beskæftigelsesforvaltningen 50.000 kr. a month for 12 months
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 5000, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101)
            + _monthly(D(2025, 12, 1), 12, 31, 50000, "municipal_contract",
                       "Københavns Kommune, Beskæftigelsesforvaltningen", 101))
    baseline = build_baseline(con)
    assert baseline.months[0] == D(2026, 12, 1)
    assert _payer_months(baseline, "København") == [55000.0] * 12  # 5.000 + 50.000
    found = concentration(con, Window(D(2025, 12, 1), D(2026, 11, 30)), "payer")
    assert found.groups[["key", "amount"]].values.tolist() == [["København", 660000.0]]  # 12 × 55.000


def _departments(con) -> None:
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 5000, "municipal_contract", "Københavns Kommune, Socialforvaltningen", 101)
            + _monthly(D(2025, 12, 1), 12, 31, 50000, "municipal_contract",
                       "Københavns Kommune, Beskæftigelsesforvaltningen", 101))
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Københavns Kommune, Socialforvaltningen",
                                  municipality_code=101, department="Socialforvaltningen", monthly_amount=5000,
                                  start_date=D(2025, 1, 1), end_date=None, status="active"))


def test_an_agreement_with_one_department_leaves_the_others_run_rate(con):
    _departments(con)
    baseline = build_baseline(con)
    roles = dict(zip(baseline.lines["counterparty"], baseline.lines["role"], strict=True))
    assert roles == {"Københavns Kommune, Socialforvaltningen": "agreement",
                     "Københavns Kommune, Beskæftigelsesforvaltningen": "run_rate"}
    assert _payer_months(baseline, "København") == [55000.0] * 12  # 5.000 by the agreement + 50.000 run rate
    covered = baseline.coverage.set_index("counterparty")["agreement_id"]
    assert covered["Københavns Kommune, Socialforvaltningen"] == 1
    assert covered.isna()["Københavns Kommune, Beskæftigelsesforvaltningen"]


def test_the_cli_gives_the_same_baseline_income(tmp_path, capsys):
    path = tmp_path / "kbh.duckdb"
    with store.session(path) as con:
        _departments(con)
    spec = tmp_path / "spec.json"
    spec.write_text("{}", encoding="utf-8")
    assert main(["--db", str(path), "scenario", str(spec), "--json"]) == 0
    months = json.loads(capsys.readouterr().out)["months"]
    assert [m["baseline_income"] for m in months] == [55000.0] * 12
    assert [m["contracted_income"] for m in months] == [55000.0] * 12  # nothing uncertain


def test_the_cli_forecasts_only_the_rest_of_a_partial_month(tmp_path, capsys):
    path = tmp_path / "partial.duckdb"
    with store.session(path) as con:
        _ledger(con, _monthly(D(2025, 10, 1), 12, 5, 20000, "product_sale", "Café Sol")
                + [(D(2026, 10, 3), 5000, "product_sale", "Café Sol", None)], imported_at=dt.datetime(2026, 10, 4, 9, 0))
    spec = tmp_path / "spec.json"
    spec.write_text("{}", encoding="utf-8")
    assert main(["--db", str(path), "scenario", str(spec), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["partial_month"] == "2026-10"
    assert [m["baseline_income"] for m in out["months"][:2]] == [15000.0, 20000.0]
    assert out["months"][0]["actual"] == 5000.0 and out["months"][1]["actual"] is None


def test_a_flat_history_longer_than_two_years_stays_flat(con):
    _ledger(con, _monthly(D(2024, 6, 1), 30, 20, 10000, "product_sale", "Kantine Nord"))  # 2024-06 … 2026-11
    baseline = build_baseline(con)
    line = baseline.lines.iloc[0]
    assert line["role"] == "seasonal"  # 24 complete months or more: its own month-of-year profile …
    assert _payer_months(baseline, "Kantine Nord") == [10000.0] * 12  # … which is flat when the history is


def test_an_agreement_renewed_mid_month_pays_the_whole_month(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 28, 6000, "municipal_contract", "Gladsaxe Kommune", 159))
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Gladsaxe Kommune", municipality_code=159,
                                  monthly_amount=6000, start_date=D(2026, 1, 15), end_date=D(2027, 1, 14),
                                  renewal_probability=1, status="active"))
    baseline = build_baseline(con)
    january = baseline.months.index(D(2027, 1, 1))
    agreement = baseline.amounts[(baseline.lines["role"] == "agreement").to_numpy()][0] / 100
    renewal = baseline.amounts[(baseline.lines["role"] == "renewal").to_numpy()][0] / 100
    assert agreement[january] == 2709.68  # 6.000 × 14/31 (1–14 January)
    assert renewal[january] == 3290.32  # 6.000 × 17/31 (15–31 January, the renewed term)
    assert _payer_months(baseline, "Gladsaxe") == [6000.0] * 12
    assert set(baseline.lines["role"]) == {"agreement", "renewal"}  # the agreement covers the ledger's income


def test_a_partial_last_month_is_not_a_month_of_run_rate(con):
    # 20.000 kr. on the 5th of each month 2025-10 … 2026-09, then 5.000 kr. on 3 October; exported 4 October
    _ledger(con, _monthly(D(2025, 10, 1), 12, 5, 20000, "product_sale", "Café Sol")
            + [(D(2026, 10, 3), 5000, "product_sale", "Café Sol", None)], imported_at=dt.datetime(2026, 10, 4, 9, 0))
    baseline = build_baseline(con)
    assert baseline.months[0] == D(2026, 10, 1) and baseline.cut.partial
    # the run rate is 240.000 / 12 complete months = 20.000 (not 245.000 / 12.1); October still has
    # 20.000 − 5.000 already booked = 15.000 to come
    assert _payer_months(baseline, "Café Sol") == [15000.0] + [20000.0] * 11


def test_the_same_partial_month_exported_after_it_ended_is_complete(con):
    _ledger(con, _monthly(D(2025, 10, 1), 12, 5, 20000, "product_sale", "Café Sol")
            + [(D(2026, 10, 3), 5000, "product_sale", "Café Sol", None)], imported_at=dt.datetime(2026, 11, 2, 9, 0))
    baseline = build_baseline(con)
    assert baseline.months[0] == D(2026, 11, 1) and not baseline.cut.partial
    # 2025-11 … 2026-10: 11 × 20.000 + 5.000 = 225.000 over 12 months = 18.750
    assert _payer_months(baseline, "Café Sol") == [18750.0] * 12


def test_a_one_off_grant_is_left_out_and_listed(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 10, 1000, "product_sale", "Kunde A")
            + [(D(2026, 5, 20), 100000, "foundation_grant", "Lille Fond", None)])
    baseline = build_baseline(con)
    assert set(baseline.lines["key"]) == {"Kunde A"}
    assert baseline.one_offs[["payer", "total", "months_paid"]].values.tolist() == [["Lille Fond", 100000.0, 1]]
    assert compute(baseline, Spec()).totals["baseline_income"] == 12 * 1000 * 100  # øre: only Kunde A


def test_a_payer_with_negative_net_counts_the_same_on_overview_risk_and_cli(con, tmp_path, capsys):
    rows = [(D(2026, 1, 31), 30000, "municipal_contract", "Gladsaxe Kommune", 159),
            (D(2026, 3, 10), 2000, "product_sale", "Kunde X", None),
            (D(2026, 3, 20), -2500, "product_sale", "Kunde X", None)]  # a credit note larger than the sale
    _ledger(con, rows)
    window = Window(D(2026, 1, 1), D(2026, 12, 31))
    assert overview(con, window).total == 29500  # 30.000 + 2.000 − 2.500
    assert float(concentration(con, window, "payer").total) == 29500.0
    path = tmp_path / "neg.duckdb"
    with store.session(path) as other:
        _ledger(other, rows)
    assert main(["--db", str(path), "risk", "--by", "payer", "--from", "2026-01-01", "--to", "2026-12-31", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total_dkk"] == 29500.0 and out["shares_total_dkk"] == 30000.0  # shares: of the positive payers
    assert [g["key"] for g in out["groups"]] == ["Gladsaxe"] and out["left_out"][0]["key"] == "Kunde X"


@pytest.mark.parametrize("text, stored", [("1.234.567,50", "1234567.50"), ("1234567.5", "1234567.50"),
                                          ("-25.000", "-25000.00")])
def test_cash_is_read_the_danish_way(tmp_path, capsys, text, stored):
    db = str(tmp_path / "c.duckdb")
    assert main(["--db", db, "settings", "set", "opening_cash", text]) == 0
    capsys.readouterr()
    assert main(["--db", db, "settings", "get", "opening_cash"]) == 0
    assert Decimal(capsys.readouterr().out.strip()) == Decimal(stored)


@pytest.mark.parametrize("text", ["NaN", "inf", "1e400", "12 kr 50", "9" * 70])
def test_cash_that_is_not_an_amount_is_refused_and_nothing_changes(tmp_path, capsys, text):
    db = str(tmp_path / "c.duckdb")
    assert main(["--db", db, "settings", "set", "opening_cash", "1000"]) == 0
    assert main(["--db", db, "settings", "set", "opening_cash", text]) == 1
    assert "opening_cash" in capsys.readouterr().err
    assert main(["--db", db, "settings", "get", "opening_cash"]) == 0
    assert Decimal(capsys.readouterr().out.strip()) == Decimal("1000")


def test_a_payment_term_moves_cash_not_result(con):
    # Kunde A pays 1.000 kr. a month; a new agreement with Gladsaxe pays 10.000 kr. a month from January 2027
    _ledger(con, _monthly(D(2025, 12, 1), 12, 28, 1000, "product_sale", "Kunde A"))
    _no_terms_no_vat(con)
    store.set_setting(con, "opening_cash", "0")
    store.set_setting(con, "cash_date", "2026-11-30")
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Gladsaxe Kommune", municipality_code=159,
                                  monthly_amount=10000, start_date=D(2027, 1, 1), end_date=None, status="active"))
    at_once = compute(build_baseline(con), Spec())
    store.set_setting(con, "payment_days_municipal_contract", "30")
    later = compute(build_baseline(con), Spec())
    assert later.monthly["result"].tolist() == at_once.monthly["result"].tolist() == [1000.0] + [11000.0] * 11
    assert at_once.monthly["cash"].tolist()[:3] == [1000.0, 12000.0, 23000.0]
    assert later.monthly["cash"].tolist()[:3] == [1000.0, 2000.0, 13000.0]  # January's 10.000 arrive in February
    assert later.monthly["cash"].iloc[-1] == at_once.monthly["cash"].iloc[-1] - 10000  # November's is still out


def test_an_agreements_own_payment_term_beats_the_streams(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 28, 10000, "municipal_contract", "Gladsaxe Kommune", 159))
    _no_terms_no_vat(con)
    store.set_setting(con, "opening_cash", "0")
    store.set_setting(con, "cash_date", "2026-11-30")
    store.add_agreement(con, dict(stream="municipal_contract", counterparty="Gladsaxe Kommune", municipality_code=159,
                                  monthly_amount=10000, start_date=D(2025, 12, 1), end_date=None, payment_days=60,
                                  status="active"))
    result = compute(build_baseline(con), Spec())
    assert result.monthly["result"].tolist() == [10000.0] * 12
    # 60 days: the invoices of October and November 2026 (booked, not yet paid on 30 November) arrive in December
    # and January, December's in February …; the stream's own term (0 days here) would have no receivables at all
    assert result.monthly["cash"].tolist() == [10000.0 * (i + 1) for i in range(12)]


def test_an_invoice_counts_once_when_it_is_paid_not_when_it_is_booked(con):
    # municipal invoices at the end of each month, paid 60 days after the month; the cash figure is from 31 October
    amounts = {D(2026, 9, 1): 1000, D(2026, 10, 1): 2000, D(2026, 11, 1): 4000}
    _ledger(con, [(d, amounts.get(d.replace(day=1), 10000), s, w, c)
                  for d, _, s, w, c in _monthly(D(2025, 12, 1), 12, 28, 0, "municipal_contract", "Gladsaxe Kommune", 159)])
    _no_terms_no_vat(con)
    store.set_setting(con, "payment_days_municipal_contract", "60")
    store.set_setting(con, "opening_cash", "0")
    store.set_setting(con, "cash_date", "2026-10-31")
    result = compute(build_baseline(con), Spec())
    # received after 31 October: September's 1.000 (end of November); still to come: October's 2.000 in December
    # and November's 4.000 in January; December's run rate (97.000 / 12) arrives in February
    assert result.roll_forward.income == 1000.0
    cash = result.monthly["cash"].tolist()
    assert cash[:2] == [3000.0, 7000.0] and cash[2] == pytest.approx(7000 + 97000 / 12, abs=0.01)


def test_quarterly_vat_is_paid_in_the_third_month_after_the_quarter(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 10000, "product_sale", "Butikken"))  # forecast Dec 2026 … Nov 2027
    store.set_setting(con, "vat_period", "quarterly")
    store.set_setting(con, "opening_cash", "0")
    store.set_setting(con, "cash_date", "2026-11-30")
    cash = compute(build_baseline(con), Spec()).monthly["cash"].tolist()
    flows = np.diff([0.0, *cash]).tolist()
    # every month 10.000 + 25 % VAT received; the VAT of a quarter (3 × 2.500) is paid in its third month after:
    # Q3 2026 in December, Q4 2026 (two months booked, December forecast) in March, Q1 in June, Q2 in September
    vat = {0: 7500.0, 3: 7500.0, 6: 7500.0, 9: 7500.0}
    assert flows == [12500.0 - vat.get(i, 0.0) for i in range(12)]


def test_half_yearly_vat_is_paid_on_1_march_and_1_september(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 10000, "product_sale", "Butikken"))
    store.set_setting(con, "opening_cash", "0")
    store.set_setting(con, "cash_date", "2026-11-30")
    flows = np.diff([0.0, *compute(build_baseline(con), Spec()).monthly["cash"].tolist()]).tolist()
    assert flows[3] == 12500.0 - 6 * 2500.0  # Jul–Dec 2026 (five months booked, December forecast) on 1 March
    assert flows[9] == 12500.0 - 6 * 2500.0  # Jan–Jun 2027 on 1 September
    assert [f for i, f in enumerate(flows) if i not in (3, 9)] == [12500.0] * 10


def test_a_cash_figure_older_than_two_months_is_flagged(con, tmp_path, capsys):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 10000, "product_sale", "Butikken"))
    store.set_setting(con, "opening_cash", "50000")
    store.set_setting(con, "cash_date", "2026-11-30")
    assert "cash_stale" not in compute(build_baseline(con), Spec()).warnings
    store.set_setting(con, "cash_date", "2026-08-31")
    baseline = build_baseline(con)
    result = compute(baseline, Spec())
    assert "cash_stale" in result.warnings
    # rolled forward through Sep–Nov: 3 × 10.000 sales received with 25 % VAT (no costs, no cost lines)
    assert result.roll_forward.income == 37500.0 and result.opening_cash == 50000 * 100
    assert baseline.cash.opening_ore == 87500 * 100


def test_an_amount_for_a_misspelled_payer_is_refused_with_a_suggestion(con):
    _ledger(con, _monthly(D(2025, 12, 1), 12, 15, 1000, "product_sale", "Café A"))
    baseline = build_baseline(con)
    with pytest.raises(ScenarioError, match="did you mean 'Café A'"):
        compute(baseline, parse_spec({"shocks": [{"payer": "Cafe B", "amount": 500}]}))
    added = compute(baseline, parse_spec({"shocks": [{"payer": "Cafe B", "amount": 500, "new": True}]}))
    assert added.totals["scenario_income"] - added.totals["baseline_income"] == 12 * 500 * 100


def _two_departments_half_likely(con) -> None:
    _ledger(con, _monthly(D(2025, 12, 1), 12, 28, 1000, "product_sale", "Kunde A"))
    for department in ("Socialforvaltningen", "Beskæftigelsesforvaltningen"):
        store.add_agreement(con, dict(stream="municipal_contract", counterparty=f"Københavns Kommune, {department}",
                                      municipality_code=101, monthly_amount=10000, start_date=D(2026, 1, 1),
                                      end_date=D(2026, 12, 31), renewal_probability=0.5, status="active"))


@pytest.mark.parametrize("rho, both_lapse", [(1.0, 0.5), (0.0, 0.25)])
def test_one_municipality_decides_its_renewals_together(con, rho, both_lapse):
    _two_departments_half_likely(con)
    spec = parse_spec({"simulation": {"cut_probability": 0, "volatility": {"product_sale": 0, "municipal_contract": 0}}})
    baseline = build_baseline(con)
    model = build_model(baseline, apply(baseline, spec), spec.simulation, rho)
    income, _, _ = run_model(model, runs=20000, seed=7)
    municipal = income[:, 1:].sum(axis=1) - 11 * 1000 * 100  # 2027: the renewals only (øre)
    # with ρ = 1 Copenhagen renews both departments or neither (½); independent, neither lapses in ¼ of the runs
    assert np.mean(municipal == 0) == pytest.approx(both_lapse, abs=0.015)
    assert np.mean(municipal) == pytest.approx(0.5 * 2 * 11 * 10000 * 100, rel=0.02)  # the expected forecast either way
