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
from seconomy.store.tx import transaction
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
)

def _seed_rules(con: duckdb.DuckDBPyConnection) -> None:
    """The shipped Danish classification rules (seconomy.ingest.rules.DEFAULT_RULES), after any stored ones."""
    from seconomy.ingest.rules import DEFAULT_RULES  # the rules' vocabulary lives with the import

    con.executemany(
        "INSERT INTO rules (position, match, field, stream, payer, municipality, exclude, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'default')",
        [(i, r.match, r.field, r.stream, r.payer, r.municipality, r.exclude) for i, r in enumerate(DEFAULT_RULES, 1)],
    )


# Resolved once at import, stored on the entry: who pays (the payer rule: a municipality is ONE payer
# across all its departments and streams, keyed by its short name; anyone else is their own payer).
_PAYER_MACRO = """CREATE OR REPLACE MACRO payer_key(municipality, party) AS
    coalesce((SELECT m.name FROM municipalities m WHERE m.code = municipality), party)"""

_INCOME_VIEW = """CREATE OR REPLACE VIEW income AS
    SELECT e.entry_date, e.amount, e.stream, e.counterparty, e.municipality_code, m.name AS municipality,
           e.description, e.reference, e.import_id, e.payer, e.account, e.id
    FROM entries e LEFT JOIN municipalities m ON m.code = e.municipality_code"""

MIGRATIONS += (
    Migration(
        3,
        "own books: resolved payer/stream/municipality on entries, actual costs, classification rules",
        (
            "DROP VIEW income",
            # Duplicates are found on the typed values themselves (date, amount, counterparty, text, reference and
            # the occurrence within the file): nothing derived needs storing.
            "ALTER TABLE entries DROP COLUMN fingerprint",
            "CREATE SEQUENCE entry_id_seq START 1",
            "ALTER TABLE entries ADD COLUMN id BIGINT DEFAULT nextval('entry_id_seq')",
            "ALTER TABLE entries ADD COLUMN payer VARCHAR",
            "ALTER TABLE entries ADD COLUMN account VARCHAR",
            "ALTER TABLE entries ADD COLUMN stated_stream VARCHAR",
            "ALTER TABLE entries ADD COLUMN stated_municipality_code SMALLINT",
            "ALTER TABLE entries ADD COLUMN stream_by VARCHAR",
            "ALTER TABLE entries ADD COLUMN municipality_by VARCHAR",
            "ALTER TABLE entries ADD COLUMN payer_by VARCHAR",
            _PAYER_MACRO,
            """UPDATE entries SET payer = payer_key(municipality_code, counterparty), stated_stream = stream,
                   stated_municipality_code = municipality_code, stream_by = 'column',
                   municipality_by = CASE WHEN municipality_code IS NOT NULL THEN 'column' END,
                   payer_by = CASE WHEN municipality_code IS NOT NULL THEN 'municipality' ELSE 'counterparty' END""",
            _INCOME_VIEW,
            "CREATE SEQUENCE actual_cost_id_seq START 1",
            """CREATE TABLE actual_costs (
                id BIGINT PRIMARY KEY DEFAULT nextval('actual_cost_id_seq'),
                entry_date DATE NOT NULL,
                amount DECIMAL(14,2) NOT NULL,
                counterparty VARCHAR,
                category VARCHAR,
                account VARCHAR,
                description VARCHAR,
                reference VARCHAR,
                import_id INTEGER NOT NULL,
                occurrence INTEGER NOT NULL)""",
            "CREATE SEQUENCE rule_id_seq START 1",
            f"""CREATE TABLE rules (
                id INTEGER PRIMARY KEY DEFAULT nextval('rule_id_seq'),
                position INTEGER NOT NULL,
                match VARCHAR NOT NULL,
                field VARCHAR NOT NULL CHECK (field IN ('any', 'counterparty', 'text', 'account')),
                stream VARCHAR CHECK (stream IS NULL OR {_STREAM_CHECK}),
                payer VARCHAR,
                municipality VARCHAR,
                exclude BOOLEAN NOT NULL DEFAULT false,
                origin VARCHAR NOT NULL DEFAULT 'user' CHECK (origin IN ('default', 'user')))""",
            _seed_rules,
            "ALTER TABLE imports ADD COLUMN layout VARCHAR",
            "ALTER TABLE imports ADD COLUMN kind VARCHAR DEFAULT 'import'",
            "ALTER TABLE imports ADD COLUMN income_total DECIMAL(14,2)",
            "ALTER TABLE imports ADD COLUMN cost_total DECIMAL(14,2)",
            "ALTER TABLE imports ADD COLUMN costs_added INTEGER DEFAULT 0",
            "ALTER TABLE imports ADD COLUMN skipped VARCHAR",
            "ALTER TABLE imports ADD COLUMN closing_balance DECIMAL(14,2)",
            "ALTER TABLE imports ADD COLUMN closing_balance_date DATE",
            "ALTER TABLE imports ADD COLUMN replaced_demo BOOLEAN DEFAULT false",
            "UPDATE imports SET kind = CASE WHEN is_demo THEN 'demo' ELSE 'import' END, layout = 'ledger'",
            # What a reclassification changed, so it can be undone: the entries' earlier resolution, and
            # whole entries a new exclusion rule removed.
            """CREATE TABLE entry_changes (
                import_id INTEGER NOT NULL, entry_id BIGINT NOT NULL, stream VARCHAR, municipality_code SMALLINT,
                payer VARCHAR, stream_by VARCHAR, municipality_by VARCHAR, payer_by VARCHAR)""",
            """CREATE TABLE entries_removed AS SELECT CAST(NULL AS INTEGER) AS removed_by, * FROM entries WITH NO DATA""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        4,
        "grant pipeline: applications to foundations and public pools",
        (
            "CREATE SEQUENCE application_id_seq START 1",
            # One row per application. probability NULL = the stage's default (settings); agreement_id is the
            # grant agreement a granted application became; stage_before_grant the open stage it left when it
            # was decided (restored by the undo of a grant, and the track record's "stage reached").
            """CREATE TABLE applications (
                id INTEGER PRIMARY KEY DEFAULT nextval('application_id_seq'),
                funder VARCHAR NOT NULL,
                funder_kind VARCHAR NOT NULL DEFAULT 'foundation' CHECK (funder_kind IN ('foundation', 'public_pool')),
                project VARCHAR,
                amount DECIMAL(14,2) NOT NULL CHECK (amount >= 0),
                start_date DATE NOT NULL,
                end_date DATE NOT NULL,
                schedule VARCHAR NOT NULL CHECK (schedule IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'upfront')),
                stage VARCHAR NOT NULL
                    CHECK (stage IN ('idea', 'drafting', 'submitted', 'shortlisted', 'granted', 'rejected')),
                probability DOUBLE CHECK (probability BETWEEN 0 AND 1),
                deadline DATE,
                decision_date DATE,
                report_due DATE[],
                effort_hours DECIMAL(8,2) CHECK (effort_hours >= 0),
                restrictions VARCHAR,
                agreement_id INTEGER,
                stage_before_grant VARCHAR
                    CHECK (stage_before_grant IN ('idea', 'drafting', 'submitted', 'shortlisted')),
                is_demo BOOLEAN NOT NULL DEFAULT false,
                updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
                CHECK (end_date >= start_date))""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        5,
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

MIGRATIONS += (
    Migration(
        6,
        "forecast: payment terms per agreement, one-off incomes kept in the forecast",
        (
            "ALTER TABLE agreements ADD COLUMN payment_days INTEGER",  # 0–365, checked by seconomy.agreements.validate
            """CREATE TABLE forecast_kept (
                payer VARCHAR NOT NULL, stream VARCHAR NOT NULL, counterparty VARCHAR NOT NULL,
                PRIMARY KEY (payer, stream, counterparty))""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    exists = con.execute(  # duckdb_tables(): a catalog lookup, a tenth of information_schema's cost
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations' AND schema_name = 'main'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0]


def pending(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[Migration]:
    """The migrations ``migrate`` would apply (newer than the database, up to ``target``)."""
    current = schema_version(con)
    return [m for m in MIGRATIONS if m.version > current and (target is None or m.version <= target)]


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply every migration newer than the database, up to ``target``, in ONE transaction; return the versions.

    One transaction for all of them (and for the table that records them): a process killed during an upgrade
    leaves the file exactly at the version it had, never between two versions, and the next open starts again.
    """
    steps = pending(con, target)
    if not steps:
        return []
    with transaction(con):
        con.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp())"""
        )
        for migration in steps:
            for step in migration.steps:
                step(con) if callable(step) else con.execute(step)
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [migration.version, migration.name]
            )
    return [m.version for m in steps]
