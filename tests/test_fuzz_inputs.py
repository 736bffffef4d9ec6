"""Hostile input ends in a clear message: a bounded fuzz run over every reader and every CLI option.

Each case runs the command line in-process (``seconomy.cli.main``) on a copy of the demo database and must end
with exit code 0, 1, 2 or 3 and, when it fails, a message on stderr — never a traceback, never the last-resort
"internal error" (with SECONOMY_DEBUG=1, set for the suite, such an error would even propagate and fail the test).

Covered: the CSV and XLSX ledger reader, the SAF-T reader (damaged, huge numbers, deep nesting, entities), the bank
layouts, the scenario spec (any JSON, deep nesting, Windows-1252 bytes, huge numbers), the agreements, pipeline,
placements, rules and accounts files, and the options of every command (seeds, huge numbers, dates, ids, names).

In the suite the run is small and the same every time (``derandomize``); ``make fuzz`` sets FUZZ_EXAMPLES for a
long random run of the same tests.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.agreements.files import export_bytes as agreements_export
from seconomy.cli import main
from seconomy.effect.files import export_bytes as placements_export
from seconomy.grants.files import export_bytes as pipeline_export
from tests.data.banks.make_banks import HERE as BANKS
from tests.ingest.helpers import OK

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 0)
SAFT = Path(__file__).resolve().parent / "data" / "saft" / "saft_dk.xml"
HOSTILE = ["", " ", "-1", "0", "-0", "1e308", "-1e308", "1e-308", "nan", "NaN", "inf", "-inf", "9" * 5000, "1" * 30,
           "-" + "9" * 40, "010190-1234", "0101901234", "=1+1", "\r=1+1", "@SUM(1)", "\r\n", "\t", "ø", "😀", "\u202e",
           "'", '"', ";", ",", "|", "%s%n", "{}", "[]", "null", "2026-02-30", "31-12-9999", "0000-00-00", "99-99-99",
           "1.234.567,89", "1,2,3", "0x10", "١٢٣", "kr.", "-kr", "1.250,-", "--", "København", "Gladsax", "*",
           "product_sale", "granted", "week", "2026-13", "2026-01", "3000-01-01", "1900-01-01", "true", "ja"]
# Text as a command line can carry it: anything but NUL (an operating system cannot pass one in an argument).
ARG = st.sampled_from(HOSTILE) | st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=12) \
    | st.integers(-10**30, 10**30).map(str)
CELL = ARG | st.text(max_size=8).map(lambda s: s.replace("\x00", ""))


def fuzz(default: int):
    """A small fixed run in the suite; FUZZ_EXAMPLES=N (make fuzz) makes it N random examples."""
    return settings(max_examples=EXAMPLES or default, deadline=None, derandomize=not EXAMPLES,
                    **({} if EXAMPLES else {"database": None}),  # make fuzz keeps what it finds in .hypothesis/
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


@pytest.fixture(scope="module")
def database(demo_template, tmp_path_factory) -> Path:
    """One copy of the demo for the module: the commands may write to it, which only widens what they meet."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture(scope="module")
def exports(database) -> dict[str, bytes]:
    """The demo's own agreements, pipeline and placements files: the seeds that mutations start from."""
    with store.session(database) as con:
        return {"agreements": agreements_export(con, ".csv"), "pipeline": pipeline_export(con, ".csv"),
                "placements": placements_export(con, ".csv", with_codes=True)}


def run(capsys, database: Path, *argv: str) -> tuple[int, str, str]:
    """Run the CLI as ``python -m seconomy --db DATABASE ARGV`` and check it ended cleanly; returns (code, out, err)."""
    capsys.readouterr()
    try:
        code = main(["--db", str(database), *argv])
    except SystemExit as exc:  # argparse: a usage error (2) or --help (0)
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err and "internal error" not in err, (argv, err)
    if code:
        first = next((line for line in err.splitlines() if line.strip()), "")
        assert first and ("error:" in err or "usage:" in first), (argv, err)
    return code, out, err


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    """A sample file with a few bytes inserted, deleted, replaced, lines doubled or the end cut off."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate_line", "truncate"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from([h.encode("utf-8", "ignore") for h in HOSTILE]) | st.binary(max_size=6))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "duplicate_line":
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            data = bytearray(b"\n".join(lines[: i + 1] + lines[i:]))
        else:
            data = data[:at]
    return bytes(data)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# ---------------------------------------------------------------- the ledger, bank and SAF-T readers

LEDGERS = [(OK / n).read_bytes() for n in ("da_semicolon_cp1252.csv", "en_comma_bom.csv", "tab_dotted_dates.tsv",
                                            "account_debet_kredit.csv", "invoices_vat.csv")]
BANK_FILES = [p.read_bytes() for p in sorted(BANKS.glob("*.csv"))]


@fuzz(40)
@given(data=mutated(LEDGERS + BANK_FILES), skip=st.booleans(), headerless=st.booleans())
def test_mutated_ledgers_and_bank_statements(capsys, database, tmp_path, data, skip, headerless):
    path = _write(tmp_path, "ledger.csv", data)
    argv = ["import", str(path), "--dry-run", *(["--skip-invalid"] if skip else []), *(["--no-header"] if headerless else [])]
    run(capsys, database, *argv)


@fuzz(30)
@given(cells=st.lists(CELL, min_size=6, max_size=6), xlsx=st.booleans())
def test_hostile_cells_in_a_ledger(capsys, database, tmp_path, cells, xlsx):
    header = ["Dato", "Tekst", "Beløb", "Kunde", "Kommune", "Kategori"]
    if xlsx:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        sheet.append([_xlsx_value(c) for c in cells])
        out = io.BytesIO()
        book.save(out)
        path = _write(tmp_path, "ledger.xlsx", out.getvalue())
    else:
        path = _write(tmp_path, "ledger.csv", ";".join(header) + "\n" + ";".join(c.replace(";", ",").replace("\n", " ")
                                                                                   for c in cells) + "\n")
    run(capsys, database, "import", str(path), "--dry-run")


def _xlsx_value(text: str) -> object:
    """Numbers as number cells (huge ones included), everything else as text an .xlsx can hold."""
    try:
        return float(text) if len(text) < 400 else text[:300]
    except ValueError:
        return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")


SAFT_HOSTILE = [
    # deep nesting (a billion-laughs cousin for parsers that recurse)
    SAFT.read_bytes().replace(b"<MasterFiles>", b"<MasterFiles>" + b"<x>" * 5000 + b"</x>" * 5000, 1),
    # entities: expansion and an external file must never be resolved
    b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "ee"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:DK">'
    b"<Header><AuditFileCountry>DK</AuditFileCountry><Company><Name>&g;</Name></Company></Header></AuditFile>",
    b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:DK"><Header><AuditFileCountry>DK</AuditFileCountry>'
    b"<Company><Name>&x;</Name></Company></Header></AuditFile>",
]


@fuzz(25)
@given(data=mutated([SAFT.read_bytes()]) | st.sampled_from(SAFT_HOSTILE), number=st.sampled_from(HOSTILE))
def test_damaged_and_hostile_saft_files(capsys, database, tmp_path, data, number):
    data = data.replace(b"<DebitAmount><Amount>", b"<DebitAmount><Amount>" + number.encode("utf-8", "ignore"), 1)
    path = _write(tmp_path, "saft.xml", data)
    _, out, _ = run(capsys, database, "import", str(path), "--dry-run")
    assert "/root:" not in out and "root:x:" not in out  # an external entity is never read


# ---------------------------------------------------------------- the scenario spec

JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**40, 10**40) | st.floats() | ARG,
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(ARG, children, max_size=4),
                    max_leaves=20)
SPEC_KEYS = st.sampled_from(["name", "start", "months", "shocks", "costs", "simulation", "description"])
SHOCK_KEYS = st.sampled_from(["payer", "municipality", "stream", "counterparty", "agreement", "change", "amount", "from",
                              "to", "label", "category", "kind", "cut_probability", "cut_size", "cut_month", "volatility"])
SHOCK = st.dictionaries(SHOCK_KEYS, JSON | st.sampled_from(HOSTILE), max_size=5)
SPEC = st.fixed_dictionaries({"shocks": st.lists(SHOCK, max_size=3)}, optional={
    "name": ARG, "start": ARG, "months": JSON, "costs": st.lists(SHOCK, max_size=2), "simulation": SHOCK})


@fuzz(40)
@given(spec=SPEC | st.dictionaries(SPEC_KEYS, JSON, max_size=4) | JSON, encoding=st.sampled_from(["utf-8", "cp1252"]),
       simulate=st.sampled_from([None, "1", "50", "0", "-1", "1e3", "100001"]))
def test_any_json_as_a_scenario(capsys, database, tmp_path, spec, encoding, simulate):
    text = json.dumps(spec, ensure_ascii=False)
    path = _write(tmp_path, "spec.json", text.encode(encoding, errors="replace"))
    run(capsys, database, "scenario", str(path), "--json", *(["--simulate", simulate] if simulate else []))
    run(capsys, database, "scenarios", "save", str(path))


@pytest.mark.parametrize("data", [
    b"[" * 100_000 + b"]" * 100_000,  # nesting far beyond Python's recursion limit
    b'{"name": "' + "Kl\u00f8ver".encode("cp1252") + b'", "shocks": []}',  # a Windows-1252 file
    b'{"months": ' + b"9" * 5000 + b"}",  # an integer of more than 4 300 digits
    b'{"shocks": [{"municipality": "' + b"1" * 5000 + b'", "change": -1}]}',
    b'{"shocks": [{"agreement": ' + b"9" * 40 + b', "change": -1}]}',
    b"\xff\xfe{\x00}\x00",  # UTF-16
    b"\x00\x01\x02",
])
def test_scenario_files_that_used_to_end_in_a_traceback(capsys, database, tmp_path, data):
    path = _write(tmp_path, "spec.json", data)
    run(capsys, database, "scenario", str(path))


# ---------------------------------------------------------------- agreements, pipeline, placements, rules, accounts

def _one_row(header: bytes, cells: list[str]) -> bytes:
    names = header.decode("utf-8-sig").splitlines()[0]
    width = names.count(",") + 1
    row = [(cells[i % len(cells)] if cells else "").replace('"', "'") for i in range(width)]
    return (names + "\n" + ",".join(f'"{c}"' for c in row) + "\n").encode("utf-8")


@fuzz(30)
@given(kind=st.sampled_from(["agreements", "pipeline", "placements"]), cells=st.lists(CELL, min_size=1, max_size=25),
       mutate=st.booleans(), data=st.data())
def test_hostile_agreement_pipeline_and_placement_files(capsys, database, exports, tmp_path, kind, cells, mutate, data):
    content = data.draw(mutated([exports[kind]])) if mutate else _one_row(exports[kind], cells)
    path = _write(tmp_path, f"{kind}.csv", content)
    run(capsys, database, kind, "import", str(path), "--dry-run")


@fuzz(25)
@given(cells=st.lists(CELL, min_size=6, max_size=6), accounts=st.lists(CELL, min_size=2, max_size=2))
def test_hostile_rules_and_accounts_files(capsys, database, tmp_path, cells, accounts):
    rules = _write(tmp_path, "rules.csv", "match;field;stream;payer;municipality;exclude\n"
                   + ";".join(c.replace(";", ",").replace("\n", " ") for c in cells) + "\n")
    run(capsys, database, "rules", "import", str(rules), "--dry-run")
    mapping = _write(tmp_path, "accounts.csv", "account,stream\n" + ",".join(a.replace(",", ";").replace("\n", " ")
                                                                              for a in accounts) + "\n")
    run(capsys, database, "import", str(OK / "account_debet_kredit.csv"), "--accounts", str(mapping), "--dry-run",
        "--no-income-negative")
    run(capsys, database, "import", str(OK / "da_semicolon_cp1252.csv"), "--rules", str(rules), "--dry-run")


# ---------------------------------------------------------------- every option of every command

COMMANDS = st.sampled_from([
    ("demo", "--seed", "{}"), ("scenarios", "show", "{}"), ("undo", "{}"), ("risk", "--by", "{}"),
    ("risk", "--from", "{}"), ("risk", "--to", "{}"), ("grants", "--year", "{}"), ("grants", "--gap", "{}"),
    ("grants", "--target", "{}"), ("grants", "--win", "{}"), ("grants", "--scenario", "{}"),
    ("effect", "--municipality", "{}"), ("effect", "--from", "{}"), ("effect", "--before-budget", "--as-of", "{}"),
    ("settings", "get", "{}"), ("settings", "set", "opening_cash", "{}"), ("settings", "set", "hhi_high", "{}"),
    ("settings", "set", "effect_horizon_months", "{}"), ("settings", "set", "backups_kept", "{}"),
    ("settings", "set", "enterprise_name", "{}"), ("settings", "set", "cash_date", "{}"), ("settings", "set", "{}", "1"),
    ("placements", "purge", "--before", "{}", "--yes"), ("pipeline", "list", "--json"), ("imports", "--json"),
    ("import", "LEDGER", "--delimiter", "{}", "--dry-run"), ("import", "LEDGER", "--encoding", "{}", "--dry-run"),
    ("import", "LEDGER", "--stream", "{}", "--dry-run"), ("import", "LEDGER", "--column", "{}", "--dry-run"),
    ("import", "LEDGER", "--column", "date={}", "--dry-run"), ("import", "LEDGER", "--sheet", "{}", "--dry-run"),
    ("import", "XLSX", "--sheet", "{}", "--dry-run"), ("export", "{}"), ("backup", "{}"), ("restore", "{}"),
    ("scenario", "SPEC", "--simulate", "{}"), ("scenario", "SPEC", "--simulate", "10", "--seed", "{}"),
])


@fuzz(60)
@given(command=COMMANDS, value=ARG)
def test_every_option_with_hostile_values(capsys, database, tmp_path, command, value):
    spec = _write(tmp_path, "spec.json", '{"name": "fuzz", "months": 3, "shocks": []}')
    files = {"LEDGER": str(OK / "da_semicolon_cp1252.csv"), "XLSX": str(OK / "en_ledger.xlsx"), "SPEC": str(spec)}
    if command[0] in ("export", "backup", "restore"):
        value = str(tmp_path / value.replace("/", "_")[:60]) if value.strip() else value
    argv = [files.get(part, part.replace("{}", value)) for part in command]
    run(capsys, database, *argv)
