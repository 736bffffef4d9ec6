"""The import streams its file: one pass in blocks for the hash and the line counts, DuckDB reads the path, and
Python never holds the file whole (so the peak memory of a 10M-row import is DuckDB's, not several copies)."""

from __future__ import annotations

import hashlib
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from seconomy import store
from seconomy.ingest import probe as probe_module
from seconomy.ingest.importer import import_file
from seconomy.ingest.probe import head, probe


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64).map(lambda b: b.replace(b"x", b"\r\n")), st.integers(1, 7))
def test_streamed_counts_equal_those_of_the_whole_file(tmp_path_factory, data, block):
    path = tmp_path_factory.mktemp("probe") / "f.csv"
    path.write_bytes(data)
    original = probe_module.BLOCK
    probe_module.BLOCK = block  # tiny blocks: every \r\n may straddle two of them
    try:
        found = probe(path)
    finally:
        probe_module.BLOCK = original
    assert found == probe(data)  # the bytes themselves, counted at once
    assert (found.sha256, found.size, found.newlines, found.crs, found.crlfs) == (
        hashlib.sha256(data).hexdigest(), len(data), data.count(b"\n"), data.count(b"\r"), data.count(b"\r\n"))
    assert found.blank == (not data or data.isspace()) and found.ends_with_newline == data.endswith(b"\n")


def test_head_is_the_start_of_a_file_or_of_bytes(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a;b\n" * 100)
    assert head(path, 8) == b"a;b\na;b\n" == head(path.read_bytes(), 8)


def test_a_large_csv_is_imported_without_holding_it_in_python(tmp_path):
    path = tmp_path / "big.csv"
    line = "05-01-2026;Faktura forløb uge 2;12345,50;Kunde {:06d} ApS\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Dato;Tekst;Beløb;Kunde\n")
        fh.writelines(line.format(i % 1000) for i in range(150_000))
    size = path.stat().st_size  # ≈ 8 MB
    with store.session(tmp_path / "x.duckdb") as con:
        tracemalloc.start()
        try:
            outcome = import_file(con, path, path.name).outcome
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert outcome.rows_added == 150_000
    assert peak < size / 2, f"Python held {peak:,} bytes for a {size:,}-byte file"  # reading it whole: > size


def test_a_windows_1252_bank_file_is_re_encoded_in_blocks_not_read_whole(tmp_path, monkeypatch):
    from seconomy.ingest import bulk

    rows = "".join(f'"0{1 + i % 9}.11.2026";"Indtægter";"Anden indtægt";"Gladsaxe Kommune Forløb {i}";"1.000,00";'
                   f'"{1000 * (i + 1)},00";"Udført";"Nej"\n' for i in range(2000))
    path = tmp_path / "danske.csv"
    path.write_bytes(('"Dato";"Kategori";"Underkategori";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\n' + rows).encode("cp1252"))
    monkeypatch.setattr(bulk, "read_bytes", lambda source: (_ for _ in ()).throw(AssertionError("read whole")))
    with store.session(tmp_path / "x.duckdb") as con:
        result = import_file(con, path, path.name)
    assert result.outcome.rows_added == 2000 and result.preview.detected.encoding == "cp1252"
    assert result.preview.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # the file's own hash, not the copy's


def test_an_import_into_a_file_caps_duckdbs_memory_and_gives_it_back(tmp_path, monkeypatch):
    from seconomy.ingest.importer import bounded_memory

    def limit(con) -> str:
        return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]

    with store.session(tmp_path / "x.duckdb") as con:
        before = limit(con)
        with bounded_memory(con):
            assert limit(con) == "366.2 MiB"  # 384MB: the staging tables spill to x.duckdb.tmp beyond it
        assert limit(con) == before
        monkeypatch.setenv("SECONOMY_IMPORT_MEMORY", "")
        with bounded_memory(con):
            assert limit(con) == before  # no cap when the variable is empty
    memory = store.connect(store.MEMORY)
    with bounded_memory(memory):
        assert limit(memory) == before  # nowhere to spill to: left alone
    memory.close()
