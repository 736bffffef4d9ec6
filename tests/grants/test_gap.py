"""The funding gap of a year: forecast and actual months, scenarios keep their meaning, the horizon and the default year."""

from __future__ import annotations

import json

import pytest

from seconomy import store
from seconomy.errors import UsageError
from seconomy.grants.gap import available_years, default_year, default_year_for, scenario_spec, year_figures
from seconomy.scenarios.spec import parse_spec
from tests.grants.helpers import D, install_cafe


@pytest.fixture
def cafe(con):
    install_cafe(con)
    return con


def test_a_year_with_actual_and_forecast_months(cafe):
    figures = year_figures(cafe, 2027)
    # Jan–Mar actual 3 × 1.000 kr., Apr–Dec forecast 9 × 1.000 kr.; rent 12 × 2.000 kr. + goods 10 % of 12.000 kr.
    assert (figures.months_actual, figures.months_forecast) == (3, 9)
    assert (figures.income, figures.costs, figures.gap) == (1_200_000, 2_520_000, 1_320_000)
    assert figures.by_payer == {"Café A": 1_200_000} and figures.grants_by_payer == {}
    assert figures.first_forecast_month == D(2027, 4, 1) and figures.scenario is None


def test_a_whole_forecast_year(cafe):
    figures = year_figures(cafe, 2028)
    assert (figures.months_actual, figures.income, figures.costs) == (0, 1_200_000, 2_520_000)


def test_a_scenario_keeps_its_own_first_month_and_drops_shocks_after_the_year(cafe):
    spec = parse_spec({"name": "Halv café", "start": "2027-06",
                       "shocks": [{"payer": "Café A", "change": -0.5},
                                  {"payer": "Café A", "change": -1.0, "from": "2028-03"}]})
    figures = year_figures(cafe, 2027, spec)
    # Apr–May 1.000 kr., Jun–Dec 500 kr. (the shock starts with the scenario's own first month, June),
    # the 2028 shock is left out: 3.000 + 2.000 + 7 × 500 = 8.500 kr.; costs 24.000 + 10 % × 8.500 = 24.850 kr.
    assert (figures.income, figures.costs, figures.scenario) == (850_000, 2_485_000, "Halv café")
    later = year_figures(cafe, 2028, spec)
    # Jan–Feb 500 kr., from March nothing: 1.000 kr.; costs 24.000 + 100 kr.
    assert (later.income, later.costs) == (100_000, 2_410_000)


def test_years_outside_the_forecast_are_refused(cafe):
    assert available_years(cafe) == [2027, 2028, 2029]  # the forecast may start at most 24 months after 2027-04
    for year in (2026, 2030):
        with pytest.raises(UsageError, match="outside the forecast: plans can be made for 2027–2029"):
            year_figures(cafe, year)


@pytest.mark.parametrize(("first", "year"), [(D(2026, 11, 1), 2027), (D(2027, 7, 1), 2027), (D(2027, 8, 1), 2028),
                                             (D(2027, 1, 1), 2027)])
def test_the_default_year_needs_six_forecast_months(first, year):
    assert default_year_for(first) == year  # July–December are 6 months; August–December only 5


def test_the_default_year_of_the_data(cafe):
    assert default_year(cafe) == 2027


def test_an_unknown_scenario_names_the_saved_ones(cafe):
    store.save_scenario(cafe, "Bestyrelsen", json.dumps({"name": "Bestyrelsen", "shocks": []}))
    assert scenario_spec(cafe, None) is None
    assert scenario_spec(cafe, "Bestyrelsen").name == "Bestyrelsen"
    with pytest.raises(UsageError, match=r"no saved scenario called 'Bestyrelse' \(saved: 'Bestyrelsen'\)"):
        scenario_spec(cafe, "Bestyrelse")
