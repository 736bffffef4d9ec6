"""CPR numbers are never shown or stored: a CPR number in any column of any file kind, in a file name or in any
command-line argument never appears on stdout, on stderr, in a file the command writes or in the database.

Table-driven: every column of a valid row of each file kind gets a CPR number (the whole value, and inside a
text), the file is imported for real (with --skip-invalid too, so the rejected-rows file is written), and the
outputs and every text column of every table are searched for the number in its written forms. Bare ten digits
(0101901234) count as a CPR number in free text; in reference and account columns, where ten-digit voucher and
account numbers are common, the hyphenated form (seconomy.ingest.cpr); in a number column ten digits are a number
(stored as one, never as text).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from seconomy.cli import main

CPR = "010190-1234"
FORMS = {"hyphen": CPR, "bare": "0101901234", "space": "010190 1234", "inside": f"Anna Jensen {CPR} Hansen"}
FOUND = re.compile(r"010190[- ]?1234")
REFERENCE_LIKE = {"Bilag", "Afsender", "Modtager", "account", "id", "agreement",  # the hyphenated form only here
                  "Beløb", "Saldo", "placements", "price", "monthly amount", "amount", "weekly price"}

FILES = {  # kind: (header, a valid row, delimiter, import command)
    "ledger": (["Dato", "Tekst", "Beløb", "Kunde", "Kommune", "Bilag", "Kategori"],
               ["05-01-2026", "Kaffe", "100,00", "Café A", "", "F1", "salg"], ";", ["import"]),
    "bank": (["Bogføringsdato", "Beløb", "Afsender", "Modtager", "Navn", "Beskrivelse", "Saldo", "Valuta", "Afstemt"],
             ["2026/11/25", "2500,00", "5566778899", "", "Café A", "Salg november", "10000,00", "DKK", ""], ";",
             ["import"]),
    "agreements": (["type", "stream", "counterparty", "municipality", "department", "placements", "price", "price unit",
                    "start", "end", "status", "note"],
                   ["agreement", "municipal_contract", "", "Gladsaxe", "Jobcenter", "2", "2400", "week", "2027-01-01",
                    "2027-12-31", "active", "Rammeaftale"], ",", ["agreements", "import"]),
    "costs": (["type", "category", "cost kind", "monthly amount", "start", "note"],
              ["cost", "Husleje", "fixed", "46000", "2027-01-01", "Lejekontrakt"], ",", ["agreements", "import"]),
    "pipeline": (["funder", "kind", "project", "amount", "start", "end", "schedule", "stage", "restrictions", "report due"],
                 ["Egebjerg Fonden", "foundation", "Grønne jobs", "450000", "2027-03-01", "2028-02-29", "quarterly", "idea",
                  "Ingen", "2028-04-30"], ",", ["pipeline", "import"]),
    "placements": (["participant", "municipality", "scheme", "start", "end", "weekly price", "outcome"],
                   ["GV-9001", "Gladsaxe", "virksomhedspraktik", "2026-01-05", "2026-03-27", "2400", "job"], ",",
                   ["placements", "import"]),
    "rules": (["match", "field", "stream", "payer", "municipality", "exclude"],
              ["kaffe", "any", "product_sale", "Kaffebaren", "", "false"], ";", ["rules", "import"]),
}
ALL_OR_NOTHING = ("agreements", "costs", "pipeline", "placements", "rules")


def columns_for(kind: str, form: str) -> list[str]:
    return [c for c in FILES[kind][0] if not (c in REFERENCE_LIKE and form in ("bare", "space"))]


@pytest.fixture(scope="module")
def database(demo_template, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cpr") / "cpr.duckdb"
    shutil.copy(demo_template, path)
    return path


def leaks(database: Path) -> list[str]:
    """Every text value of every table that holds the CPR number (in any written form)."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        columns = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() "
                              "AND data_type IN ('VARCHAR', 'VARCHAR[]') ").fetchall()
        found = []
        for table, column in columns:
            hits = con.execute(f'SELECT CAST("{column}" AS VARCHAR) FROM "{table}" WHERE regexp_matches(CAST("{column}" AS '
                               "VARCHAR), '010190[- ]?1234')").fetchall()
            found += [f"{table}.{column}: {value!r}" for (value,) in hits]
        return found
    finally:
        con.close()


def run(capsys, database: Path, *argv: str) -> str:
    capsys.readouterr()
    with contextlib.suppress(SystemExit):
        main(["--db", str(database), *argv])
    out, err = capsys.readouterr()
    return out + err


def _file(folder: Path, kind: str, form: str) -> tuple[Path, list[str]]:
    """One valid row per column of ``kind``, each with the CPR number (in ``form``) in that column; the columns."""
    header, row, delimiter, _ = FILES[kind]
    columns = columns_for(kind, form)
    lines = [delimiter.join(header)]
    for n, column in enumerate(columns):
        cells = [FORMS[form] if name == column else _varied(name, cell, n) for name, cell in zip(header, row, strict=True)]
        lines.append(delimiter.join(f'"{c}"' if delimiter == "," else c for c in cells))
    path = folder / f"{kind}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, columns


def _varied(column: str, cell: str, n: int) -> str:
    """Rows that differ apart from the CPR number (placements are keyed by participant and start)."""
    return f"GV-{9000 + n}" if column == "participant" else cell


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("kind", list(FILES))
def test_a_cpr_number_in_any_column_is_never_shown_or_stored(capsys, database, tmp_path, kind, form):
    path, columns = _file(tmp_path, kind, form)
    command = FILES[kind][3]
    shown = run(capsys, database, *command, str(path))
    if kind in ALL_OR_NOTHING:  # every row holds a CPR number: every row must be refused (so nothing is stored)
        refused = {int(n) for n in re.findall(r"^line (\d+):", shown, re.M)}
        assert refused == set(range(2, len(columns) + 2)), (columns, shown)
    else:  # the ledger and the bank statement also import their valid rows and write the rejected ones
        rejected = tmp_path / "rejected.csv"
        shown += run(capsys, database, "import", str(path), "--skip-invalid", "--rejected", str(rejected), "--json")
        shown += rejected.read_text(encoding="utf-8-sig") if rejected.exists() else ""
    assert not FOUND.search(shown), shown
    assert leaks(database) == []


SCENARIO_FIELDS = [{"name": "{}"}, {"description": "{}"}, {"shocks": [{"payer": "{}", "change": -0.5}]},
                   {"shocks": [{"municipality": "{}", "change": -1}]}, {"shocks": [{"stream": "{}", "change": -1}]},
                   {"shocks": [{"payer": "Café Solsikken", "change": -0.5, "label": "{}"}]},
                   {"costs": [{"category": "{}", "change": 0.1}]}, {"shocks": [{"payer": "x", "change": -1, "from": "{}"}]}]


@pytest.mark.parametrize("field", range(len(SCENARIO_FIELDS)))
@pytest.mark.parametrize("form", ["hyphen", "bare", "inside"])
def test_a_cpr_number_in_a_scenario_is_never_shown_or_stored(capsys, database, tmp_path, field, form):
    spec = json.loads(json.dumps(SCENARIO_FIELDS[field]).replace("{}", FORMS[form]))
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"months": 3, "shocks": [], **spec}), encoding="utf-8")
    shown = run(capsys, database, "scenario", str(path), "--json") + run(capsys, database, "scenarios", "save", str(path))
    assert not FOUND.search(shown), shown
    assert leaks(database) == []


BARE_ALLOWED = ("own_accounts", "cvr")  # account and CVR numbers: ten digits are a number there, as in references
ARGUMENTS = [
    ["effect", "--municipality", "{}"], ["effect", "--from", "{}"], ["grants", "--scenario", "{}"], ["grants", "--gap", "{}"],
    ["grants", "--target", "{}"], ["grants", "--year", "{}"], ["grants", "--win", "{}"], ["scenarios", "show", "{}"],
    ["scenarios", "delete", "{}"], ["risk", "--from", "{}"], ["risk", "--by", "{}"], ["undo", "{}"], ["demo", "--seed", "{}"],
    ["settings", "get", "{}"], ["settings", "set", "enterprise_name", "{}"], ["settings", "set", "own_accounts", "{}"],
    ["settings", "set", "cvr", "{}"], ["settings", "set", "opening_cash", "{}"], ["settings", "set", "cash_date", "{}"],
    ["settings", "set", "effect_scale", "{}"], ["settings", "set", "{}", "1"],
    ["import", "LEDGER", "--stream", "{}", "--dry-run"], ["import", "LEDGER", "--column", "date={}", "--dry-run"],
    ["import", "LEDGER", "--column", "{}=Dato", "--dry-run"], ["import", "LEDGER", "--sheet", "{}"],
    ["import", "LEDGER", "--encoding", "{}", "--dry-run"], ["import", "LEDGER", "--delimiter", "{}", "--dry-run"],
    ["import", "XLSX", "--sheet", "{}", "--dry-run"], ["placements", "purge", "--before", "{}", "--yes"],
    ["scenario", "SPEC", "--simulate", "{}"], ["pipeline", "export", "DIR/{}.xlsx"], ["export", "DIR/{}.csv"],
    ["agreements", "export", "DIR/{}.csv"], ["rules", "export", "DIR/{}.csv"], ["backup", "DIR/{}.duckdb"],
    ["restore", "DIR/{}.duckdb"], ["import", "DIR/{}.csv"], ["rules", "import", "DIR/{}.csv"],
    ["agreements", "import", "DIR/{}.csv"], ["effect", "--municipality", "Gladsaxe", "--report", "DIR/{}.html"],
]


@pytest.mark.parametrize("argv", ARGUMENTS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("form", ["hyphen", "bare"])
def test_a_cpr_number_in_any_argument_is_never_echoed_or_stored(capsys, database, tmp_path, argv, form):
    if form == "bare" and any(a in BARE_ALLOWED for a in argv):
        pytest.skip("ten bare digits are an account or CVR number here (seconomy.ingest.cpr)")
    spec = tmp_path / "spec.json"
    spec.write_text('{"months": 3, "shocks": []}', encoding="utf-8")
    ledger = Path(__file__).resolve().parent / "data" / "ok"
    files = {"LEDGER": str(ledger / "da_semicolon_cp1252.csv"), "XLSX": str(ledger / "en_ledger.xlsx"), "SPEC": str(spec)}
    shown = run(capsys, database, *[files.get(a, a.replace("DIR", str(tmp_path)).replace("{}", FORMS[form])) for a in argv])
    assert not FOUND.search(shown), shown
    assert leaks(database) == []


def test_a_file_named_with_a_cpr_number_is_stored_masked(capsys, database, tmp_path):
    path = tmp_path / f"kontoudtog {CPR}.csv"
    path.write_text("Dato;Tekst;Beløb;Kunde\n05-01-2026;Kaffe;100,00;Café Ny\n", encoding="utf-8")
    shown = run(capsys, database, "import", str(path), "--json") + run(capsys, database, "imports", "--json")
    assert not FOUND.search(shown) and "kontoudtog ddmmyy-xxxx.csv" in shown
    assert leaks(database) == []
