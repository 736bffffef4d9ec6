"""The store: the one owner of the DuckDB schema and of every SQL statement that writes.

Reading queries live beside the figures they compute (risk, overview, forecast); anything that
changes the database goes through the functions re-exported here.
"""

from seconomy.store.config import set_setting, update_settings
from seconomy.store.db import MEMORY, connect, session
from seconomy.store.entries import (
    STAGING_COLUMNS,
    ImportOutcome,
    add_entries,
    has_demo,
    remove_demo,
    undo_import,
)
from seconomy.store.plans import add_agreement, add_cost, save_scenario
from seconomy.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version

__all__ = [
    "MEMORY", "MIGRATIONS", "SCHEMA_VERSION", "STAGING_COLUMNS", "ImportOutcome", "add_agreement", "add_cost",
    "add_entries", "connect", "has_demo", "migrate", "remove_demo", "save_scenario", "schema_version", "session",
    "set_setting", "undo_import", "update_settings",
]
