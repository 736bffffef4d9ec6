"""``grants`` and ``pipeline``: the JSON keys, the exit codes, the line errors, the round trip."""

from __future__ import annotations

import json

import pytest

from seconomy.cli import main
from seconomy.grants.plan import plan, to_json
from tests.grants.test_plan import KEYS


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_grants_json_on_the_demo_has_every_key_and_the_plans_numbers(demo_db, demo_con, capsys):
    expected = to_json(plan(demo_con))
    demo_con.close()
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) >= KEYS
    assert data == json.loads(json.dumps(expected))
    assert data["year"] == 2027  # the demo's forecast starts 2026-11: only 2 months of 2026 left
    assert data["method"] == "exact" and data["target"] == 0.8


def test_grants_options(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants", "--json", "--target", "50 %", "--gap", "1.000.000",
                        "--year", "2027")
    data = json.loads(out)
    assert code == 0 and data["target"] == 0.5 and data["gap"] == 1_000_000.0 and data["gap_overridden"]
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants", "--json", "--gap", "1,000,000.00", "--target", "0.5")
    assert json.loads(out)["gap"] == 1_000_000.0
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants", "--json", "--win", "8")
    assert [a["won"] for a in json.loads(out)["applications"] if a["id"] == 8] == [True]


def test_grants_with_a_saved_scenario(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants", "--json", "--scenario",
                        "Gladsaxe stopper i april, København −30 % fra juli")
    data = json.loads(out)
    baseline = json.loads(_run(capsys, "--db", str(demo_db), "grants", "--json")[1])
    assert code == 0 and data["scenario"].startswith("Gladsaxe") and data["gap"] > baseline["gap"]


@pytest.mark.parametrize(("args", "message"), [
    (("--scenario", "Ukendt"), "no saved scenario called 'Ukendt' (saved: 'Gladsaxe stopper i april, København −30 % fra juli')"),
    (("--year", "2031"), "year 2031 is outside the forecast: plans can be made for 2026–2028"),
    (("--target", "130 %"), "the target must be a probability"),
    (("--gap", "meget"), "the gap must be an amount"),
    (("--win", "99"), "no open application with id 99"),
])
def test_grants_usage_errors_exit_2(demo_db, capsys, args, message):
    code, _, err = _run(capsys, "--db", str(demo_db), "grants", *args)
    assert code == 2 and message in err


def test_grants_text_output(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "grants")
    assert code == 0 and "grant plan 2027 (baseline)" in out and "P(gap covered)" in out and "payer HHI" in out


def test_pipeline_list_json(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db), "pipeline", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 17
    first = rows[0]
    assert set(first) == {"id", "funder", "kind", "project", "amount", "start", "end", "schedule", "stage", "probability",
                          "probability_override", "deadline", "decision_date", "report_due", "effort_hours",
                          "restrictions", "agreement_id"}
    assert first["probability"] == 0.5 and first["probability_override"] is None and first["stage"] == "shortlisted"
    assert all(r["agreement_id"] for r in rows if r["stage"] == "granted")


def test_pipeline_export_and_import_round_trip(demo_db, tmp_path, capsys):
    for name in ("ansøgninger.xlsx", "pipeline.csv"):
        path = tmp_path / name
        assert _run(capsys, "--db", str(demo_db), "pipeline", "export", str(path), "--lang", "da")[0] == 0
        code, out, _ = _run(capsys, "--db", str(demo_db), "pipeline", "import", str(path), "--json")
        summary = json.loads(out)
        assert code == 0 and summary["unchanged"] == 17 and summary["added"] == summary["changed"] == 0


def test_pipeline_import_errors_exit_1_and_write_nothing(demo_db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("fond;beløb;start;slut;udbetaling;fase\nNy Fond;-5;2027-01-01;2027-12-31;forud;idé\n"
                    "Anden Fond;100;2027-01-01;2027-12-31;ugentlig;indsendt\n", encoding="utf-8")
    code, _, err = _run(capsys, "--db", str(demo_db), "pipeline", "import", str(path))
    assert code == 1
    assert "line 2: beløb: must not be negative ('-5')" in err
    assert "line 3: udbetaling: must be one of: monthly, quarterly, half_yearly, yearly, upfront ('ugentlig')" in err
    assert json.loads(_run(capsys, "--db", str(demo_db), "pipeline", "list", "--json")[1])[-1]["funder"] == "Nordlys Fonden"


def test_pipeline_import_dry_run(demo_db, tmp_path, capsys):
    path = tmp_path / "one.csv"
    path.write_text("funder,amount,start,end,schedule,stage\nNy Fond,100000,2027-01-01,2027-12-31,upfront,granted\n")
    code, out, _ = _run(capsys, "--db", str(demo_db), "pipeline", "import", str(path), "--dry-run")
    assert code == 0 and "1 added" in out and "17 removed" in out and "1 created" in out and "dry run" in out
    assert len(json.loads(_run(capsys, "--db", str(demo_db), "pipeline", "list", "--json")[1])) == 17


def test_pipeline_missing_file_is_a_usage_error(demo_db, capsys):
    code, _, err = _run(capsys, "--db", str(demo_db), "pipeline", "import", "nowhere.csv")
    assert code == 2 and "no such file" in err
