"""The track record (win rates per funder and per stage reached) and the calendar with the grant cliff."""

from __future__ import annotations

from decimal import Decimal

from seconomy import store
from seconomy.grants import edit
from seconomy.grants.calendar import calendar, cliff, upcoming
from seconomy.grants.track import track_record
from tests.grants.helpers import D, application


def _record(con):
    first = edit.save_application(con, application(funder="Fond A", stage="shortlisted")).id
    edit.grant(con, first)  # granted from the shortlist
    second = edit.save_application(con, application(funder="fond a ", stage="submitted")).id  # the same funder, spelt loosely
    edit.save_changes(con, [(second, application(funder="fond a ", stage="afslået"))])  # rejected after submitting
    edit.save_application(con, application(funder="Fond B", stage="rejected"))  # entered as decided: reached 'submitted'
    edit.save_application(con, application(funder="Fond C", stage="submitted"))  # open, no history
    return track_record(con)


def test_win_rates_per_funder(con):
    record = _record(con)
    funders = record.by_funder.to_dict("records")
    assert [(f["funder"], f["granted"], f["rejected"], f["win_rate"], f["open"]) for f in funders] == [
        ("Fond A", 1, 1, 0.5, 0), ("Fond B", 0, 1, 0.0, 0), ("Fond C", 0, 0, None, 1)]
    assert (record.granted, record.rejected) == (1, 2) and record.win_rate == 1 / 3


def test_win_rates_per_stage_reached_beside_the_defaults(con):
    stages = _record(con).by_stage.to_dict("records")
    # all three decided applications reached idea, drafting and submitted: 1 granted of 3; only the granted one
    # reached the shortlist: 1 of 1
    assert [(s["stage"], s["default"], s["granted"], s["rejected"], s["win_rate"]) for s in stages] == [
        ("idea", 0.05, 1, 2, 1 / 3), ("drafting", 0.10, 1, 2, 1 / 3), ("submitted", 0.25, 1, 2, 1 / 3),
        ("shortlisted", 0.50, 1, 0, 1.0)]


def test_no_history_without_decided_applications(con):
    stages = track_record(con).by_stage
    assert list(stages["win_rate"]) == [None] * 4 and track_record(con).win_rate is None


def _calendar_fixture(con):
    edit.save_application(con, application(funder="Åben", amount="10.000", stage="submitted", start_date=D(2027, 6, 1),
                                           end_date=D(2027, 6, 30), deadline=D(2027, 1, 15), decision_date=D(2027, 5, 1),
                                           report_due="2027-09-01"))
    granted = edit.save_application(con, application(funder="Bevilget", amount="12.000", schedule="quarterly",
                                                     report_due="2026-12-01; 2027-03-01", deadline=D(2026, 1, 1))).id
    edit.grant(con, granted)
    edit.save_application(con, application(funder="Afslået", stage="rejected", decision_date=D(2027, 1, 20)))


def test_the_calendar_has_open_deadlines_and_decisions_and_granted_reports(con):
    _calendar_fixture(con)
    events = calendar(con, D(2027, 1, 10))
    assert [(e["date"], e["kind"], e["funder"], e["days"]) for e in events.to_dict("records")] == [
        (D(2026, 12, 1), "report", "Bevilget", -40),
        (D(2027, 1, 15), "deadline", "Åben", 5),
        (D(2027, 3, 1), "report", "Bevilget", 50),
        (D(2027, 5, 1), "decision", "Åben", 111),
    ]  # an open application's report date and a decided one's decision are not events
    soon = upcoming(con, D(2027, 1, 10), 90)
    assert list(soon["date"]) == [D(2027, 1, 15), D(2027, 3, 1)]


def test_the_cliff_pays_the_grants_by_schedule_and_marks_where_they_end(con):
    _calendar_fixture(con)
    data = cliff(con, D(2027, 2, 14), 12)
    # 12.000 kr. quarterly over 2027: 3.000 kr. in January (before the window), April, July, October
    assert data.months[0] == D(2027, 2, 1) and len(data.months) == 12
    assert [(r["month"], r["funder"], r["amount"]) for r in data.granted.to_dict("records")] == [
        (D(2027, 4, 1), "Bevilget", Decimal("3000.00")), (D(2027, 7, 1), "Bevilget", Decimal("3000.00")),
        (D(2027, 10, 1), "Bevilget", Decimal("3000.00"))]
    assert [(r["funder"], r["end_date"], r["last_payment"]) for r in data.ends.to_dict("records")] == [
        ("Bevilget", D(2027, 12, 31), D(2027, 10, 1))]
    # the open application: 10.000 kr. upfront in June 2027 at the submitted default 25 % → 2.500 kr. expected
    expected = dict(zip(data.pipeline["month"], data.pipeline["expected"], strict=True))
    assert expected[D(2027, 6, 1)] == 2500.0 and sum(expected.values()) == 2500.0


def test_a_pending_agreement_is_not_a_granted_grant(con):
    store.add_agreement(con, dict(stream="foundation_grant", counterparty="Afventer", total_amount=1000, schedule="upfront",
                                  start_date=D(2027, 3, 1), end_date=D(2027, 3, 31), status="pending"))
    assert cliff(con, D(2027, 1, 1), 12).granted.empty
