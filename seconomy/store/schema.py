"""The DuckDB schema, as ordered migrations recorded in the database.

Why migrations: a user's database outlives the code that made it. Each step runs once, in order,
inside one transaction together with the row that records it, so a crash never leaves a half
upgraded file and re-running is a no-op.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from seconomy.effect.model import LOG_KINDS, OUTCOMES, PRICE_UNITS, ROLES, SCHEMES
from seconomy.ingest.cpr import FREE_TEXT
from seconomy.paths import KOMMUNER_CSV
from seconomy.streams import STREAMS

Step = str | Callable[[duckdb.DuckDBPyConnection], None]

_STREAM_CHECK = "stream IN (" + ", ".join(f"'{s}'" for s in STREAMS) + ")"  # constants, not user input


def _one_of(column: str, options: tuple[str, ...]) -> str:
    """A CHECK expression ``column IN ('a', 'b')`` from a tuple of constants (never user input)."""
    return f"{column} IN (" + ", ".join(f"'{o}'" for o in options) + ")"


def _seed_municipalities(con: duckdb.DuckDBPyConnection) -> None:
    """Load the 98 municipalities from data/kommuner.csv (reference data, not user data)."""
    with open(KOMMUNER_CSV, encoding="utf-8", newline="") as fh:
        rows = [
            (int(r["code"]), r["name"], r["official_name"], int(r["region_code"]), r["region"])
            for r in csv.DictReader(fh)
        ]
    con.executemany("INSERT INTO municipalities VALUES (?, ?, ?, ?, ?)", rows)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    steps: tuple[Step, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "core tables: municipalities, imports, entries, agreements, costs, settings",
        (
            """CREATE TABLE municipalities (
                code SMALLINT PRIMARY KEY,
                name VARCHAR NOT NULL,
                official_name VARCHAR NOT NULL,
                region_code SMALLINT NOT NULL,
                region VARCHAR NOT NULL)""",
            _seed_municipalities,
            "CREATE SEQUENCE import_id_seq START 1",
            """CREATE TABLE imports (
                id INTEGER PRIMARY KEY DEFAULT nextval('import_id_seq'),
                file_name VARCHAR NOT NULL,
                sha256 VARCHAR,
                format VARCHAR,
                rows_added INTEGER NOT NULL DEFAULT 0,
                rows_present INTEGER NOT NULL DEFAULT 0,
                rows_rejected INTEGER NOT NULL DEFAULT 0,
                imported_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
                is_demo BOOLEAN NOT NULL DEFAULT false,
                undone_at TIMESTAMP)""",
            f"""CREATE TABLE entries (
                entry_date DATE NOT NULL,
                amount DECIMAL(14,2) NOT NULL,
                stream VARCHAR NOT NULL CHECK ({_STREAM_CHECK}),
                counterparty VARCHAR NOT NULL,
                municipality_code SMALLINT,
                description VARCHAR,
                reference VARCHAR,
                import_id INTEGER NOT NULL,
                fingerprint VARCHAR NOT NULL,
                occurrence INTEGER NOT NULL)""",
            "CREATE SEQUENCE agreement_id_seq START 1",
            f"""CREATE TABLE agreements (
                id INTEGER PRIMARY KEY DEFAULT nextval('agreement_id_seq'),
                stream VARCHAR NOT NULL CHECK ({_STREAM_CHECK}),
                counterparty VARCHAR NOT NULL,
                municipality_code SMALLINT,
                department VARCHAR,
                placements DECIMAL(8,2),
                price DECIMAL(14,2),
                price_unit VARCHAR CHECK (price_unit IN ('week', 'month')),
                monthly_amount DECIMAL(14,2),
                total_amount DECIMAL(14,2),
                schedule VARCHAR CHECK (schedule IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'upfront')),
                start_date DATE NOT NULL,
                end_date DATE,
                notice_months INTEGER,
                renewal_probability DOUBLE CHECK (renewal_probability BETWEEN 0 AND 1),
                status VARCHAR NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'pending', 'ended', 'cancelled', 'rejected')),
                note VARCHAR,
                is_demo BOOLEAN NOT NULL DEFAULT false)""",
            "CREATE SEQUENCE cost_id_seq START 1",
            """CREATE TABLE costs (
                id INTEGER PRIMARY KEY DEFAULT nextval('cost_id_seq'),
                category VARCHAR NOT NULL,
                kind VARCHAR NOT NULL CHECK (kind IN ('fixed', 'variable', 'wage')),
                monthly_amount DECIMAL(14,2),
                share_of_income DECIMAL(7,4),
                stream VARCHAR,
                start_date DATE,
                end_date DATE,
                note VARCHAR,
                is_demo BOOLEAN NOT NULL DEFAULT false)""",
            """CREATE TABLE settings (
                name VARCHAR PRIMARY KEY,
                value VARCHAR NOT NULL)""",
        ),
    ),
    Migration(
        2,
        "remembered mappings (accounts, column layouts) and saved scenarios",
        (
            """CREATE TABLE account_streams (
                account VARCHAR PRIMARY KEY,
                stream VARCHAR NOT NULL)""",
            """CREATE TABLE column_mappings (
                header_key VARCHAR PRIMARY KEY,
                mapping VARCHAR NOT NULL)""",
            "CREATE SEQUENCE scenario_id_seq START 1",
            """CREATE TABLE scenarios (
                id INTEGER PRIMARY KEY DEFAULT nextval('scenario_id_seq'),
                name VARCHAR NOT NULL UNIQUE,
                spec VARCHAR NOT NULL,
                updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
                is_demo BOOLEAN NOT NULL DEFAULT false)""",
            # The payer rule in one place: a municipality is ONE payer across all its departments and
            # streams, keyed by its short name; every other counterparty is its own payer.
            """CREATE VIEW income AS
            SELECT e.entry_date, e.amount, e.stream, e.counterparty, e.municipality_code,
                   m.name AS municipality, e.description, e.reference, e.import_id,
                   CASE WHEN e.municipality_code IS NOT NULL THEN m.name ELSE e.counterparty END AS payer
            FROM entries e LEFT JOIN municipalities m ON m.code = e.municipality_code""",
        ),
    ),
    Migration(
        3,
        "placements (forløb), municipal contacts and the contact log",
        (
            "CREATE SEQUENCE placement_id_seq START 1",
            # Personal data about vulnerable citizens: the pseudonym is the only identifier, there is no note
            # column, and the database itself refuses a CPR-shaped participant code (the pattern of
            # seconomy.ingest.cpr, a constant).
            f"""CREATE TABLE placements (
                id INTEGER PRIMARY KEY DEFAULT nextval('placement_id_seq'),
                participant_code VARCHAR NOT NULL
                    CHECK (regexp_full_match(participant_code, '[A-Za-z0-9._-]{{1,20}}')
                           AND NOT regexp_matches(participant_code, '{FREE_TEXT}')),
                municipality_code SMALLINT NOT NULL,
                scheme VARCHAR NOT NULL CHECK ({_one_of('scheme', SCHEMES)}),
                start_date DATE NOT NULL,
                end_date DATE,
                price DECIMAL(14,2) NOT NULL CHECK (price >= 0),
                price_unit VARCHAR NOT NULL CHECK ({_one_of('price_unit', PRICE_UNITS)}),
                agreement_id INTEGER,
                outcome VARCHAR CHECK ({_one_of('outcome', OUTCOMES)}),
                score_start DECIMAL(5,2),
                score_end DECIMAL(5,2),
                is_demo BOOLEAN NOT NULL DEFAULT false,
                UNIQUE (participant_code, start_date),
                CHECK (end_date IS NULL OR end_date >= start_date),
                CHECK ((end_date IS NULL) = (outcome IS NULL)))""",
            "CREATE SEQUENCE contact_id_seq START 1",
            f"""CREATE TABLE contacts (
                id INTEGER PRIMARY KEY DEFAULT nextval('contact_id_seq'),
                municipality_code SMALLINT NOT NULL,
                name VARCHAR NOT NULL,
                role VARCHAR NOT NULL CHECK ({_one_of('role', ROLES)}),
                title VARCHAR,
                last_meeting DATE,
                next_meeting DATE,
                is_demo BOOLEAN NOT NULL DEFAULT false)""",
            "CREATE SEQUENCE contact_log_id_seq START 1",
            f"""CREATE TABLE contact_log (
                id INTEGER PRIMARY KEY DEFAULT nextval('contact_log_id_seq'),
                municipality_code SMALLINT NOT NULL,
                contact_id INTEGER,
                log_date DATE NOT NULL,
                kind VARCHAR NOT NULL CHECK ({_one_of('kind', LOG_KINDS)}),
                summary VARCHAR,
                is_demo BOOLEAN NOT NULL DEFAULT false)""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply every migration newer than the database, up to ``target``; return the versions applied."""
    con.execute(
        """CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
            applied_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp())"""
    )
    current = schema_version(con)
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= current or (target is not None and migration.version > target):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for step in migration.steps:
                step(con) if callable(step) else con.execute(step)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [migration.version, migration.name]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
