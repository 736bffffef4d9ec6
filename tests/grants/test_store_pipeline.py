"""Writing the pipeline: granting creates exactly one agreement in the same transaction, and the undo removes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seconomy import demo, store
from seconomy.grants import edit
from seconomy.grants.model import Problem, agreement_row
from tests.grants.helpers import D, application


def _agreements(con):
    return con.execute("SELECT id, stream, counterparty, municipality_code, total_amount, schedule, start_date, end_date, "
                       "status, note, is_demo FROM agreements ORDER BY id").fetchall()


def _stage(con, app_id):
    return con.execute("SELECT stage, agreement_id, stage_before_grant FROM applications WHERE id = ?", [app_id]).fetchall()[0]


def test_granting_creates_the_grant_agreement_and_links_it(con):
    app = edit.save_application(con, application(funder="Egebjerg Fonden", amount="450.000", schedule="kvartalsvis",
                                                 stage="shortlistet", project="Grønne jobs")).id
    agreement = edit.grant(con, app)
    assert _agreements(con) == [(agreement, "foundation_grant", "Egebjerg Fonden", None, Decimal("450000.00"), "quarterly",
                                 D(2027, 1, 1), D(2027, 12, 31), "active", "Grønne jobs", False)]
    assert _stage(con, app) == ("granted", agreement, "shortlisted")


def test_granting_twice_never_creates_two_agreements(con):
    app = edit.save_application(con, application()).id
    first = edit.grant(con, app)
    assert edit.grant(con, app) == first
    # setting the stage to granted again through an edit changes nothing either
    assert edit.save_application(con, application(stage="bevilget"), app).ok
    assert edit.save_changes(con, [(app, application(stage="granted"))]).counts.granted == 0
    assert [a[0] for a in _agreements(con)] == [first]


def test_undo_removes_the_agreement_and_restores_the_stage(con):
    app = edit.save_application(con, application(stage="indsendt")).id
    edit.grant(con, app)
    assert edit.ungrant(con, app) == "submitted"
    assert _agreements(con) == [] and _stage(con, app) == ("submitted", None, None)
    assert edit.ungrant(con, app) == Problem("stage", "not_granted")  # nothing left to undo


def test_an_application_entered_as_granted_gets_its_agreement_and_undoes_to_submitted(con):
    app = edit.save_application(con, application(stage="granted", funder_kind="public_pool")).id
    assert [a[1] for a in _agreements(con)] == ["public_grant"]
    assert edit.ungrant(con, app) == "submitted" and _agreements(con) == []


def test_a_municipal_pool_is_stored_with_its_municipality(con):
    app = edit.save_application(con, application(funder="Københavns Kommune", funder_kind="pulje")).id
    edit.grant(con, app)
    assert _agreements(con)[0][2:4] == ("Københavns Kommune", 101)


def test_editing_a_granted_application_keeps_its_agreement_in_step(con):
    app = edit.save_application(con, application(stage="granted")).id
    assert edit.save_application(con, application(stage="granted", amount="12.500", schedule="halvårlig"), app).ok
    assert _agreements(con)[0][4:6] == (Decimal("12500.00"), "half_yearly")


def test_a_stage_change_away_from_granted_removes_the_agreement(con):
    app = edit.save_application(con, application(stage="shortlisted")).id
    edit.grant(con, app)
    counts = edit.save_changes(con, [(app, application(stage="rejected"))]).counts
    assert (counts.ungranted, _agreements(con)) == (1, [])
    assert _stage(con, app) == ("rejected", None, "shortlisted")  # decided from the shortlist


def test_a_batch_with_one_bad_row_writes_nothing(con):
    first = edit.save_application(con, application()).id
    second = edit.save_application(con, application(funder="Fond B")).id
    batch = edit.save_changes(con, [(first, application(stage="granted")), (second, application(amount="-1"))])
    assert not batch.ok and list(batch.problems) == [second]
    assert _stage(con, first)[0] == "submitted" and _agreements(con) == []


def test_a_failing_grant_rolls_back_the_stage_too(con):
    app = edit.save_application(con, application()).id
    with pytest.raises(ValueError):
        store.grant_application(con, app, lambda row: {**agreement_row(row), "colour": "red"})
    assert _stage(con, app) == ("submitted", None, None) and _agreements(con) == []


def test_deleting_a_granted_application_keeps_its_agreement(con):
    app = edit.save_application(con, application(stage="granted")).id
    edit.delete(con, app)
    assert con.execute("SELECT count(*) FROM applications").fetchall() == [(0,)]
    assert len(_agreements(con)) == 1


def test_the_demo_pipeline_goes_with_the_demo_and_its_grants_link_the_demo_agreements(con):
    demo.install(con)
    linked = con.execute("SELECT a.funder, g.counterparty, g.is_demo FROM applications a JOIN agreements g "
                         "ON g.id = a.agreement_id WHERE a.stage = 'granted'").fetchall()
    assert len(linked) == 5 and all(f == c and is_demo for f, c, is_demo in linked)
    assert con.execute("SELECT count(*) FROM agreements").fetchall() == [(len(demo.generate().agreements),)]
    edit.save_application(con, application(funder="Min egen fond"))  # the user's own application stays
    store.remove_demo(con)
    assert con.execute("SELECT funder, is_demo FROM applications").fetchall() == [("Min egen fond", False)]


def test_granting_a_demo_application_makes_a_demo_agreement(con):
    demo.install(con)
    app = con.execute("SELECT id FROM applications WHERE stage = 'submitted' ORDER BY id LIMIT 1").fetchall()[0][0]
    agreement = edit.grant(con, app)
    assert con.execute("SELECT is_demo FROM agreements WHERE id = ?", [agreement]).fetchall() == [(True,)]
