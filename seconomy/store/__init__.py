"""The store: the one owner of the DuckDB schema and of every SQL statement that writes.

Reading queries live beside the figures they compute (risk, overview, forecast); anything that
changes the database goes through the functions re-exported here.
"""

from seconomy.store import sql
from seconomy.store.config import change_setting, fill_company, set_cash, set_setting, update_settings
from seconomy.store.db import MEMORY, connect, session
from seconomy.store.entries import (
    STAGING_COLUMNS,
    ImportOutcome,
    Recorded,
    add_entries,
    has_demo,
    remove_demo,
    undo_import,
)
from seconomy.store.forecast import drop_from_forecast, keep_in_forecast
from seconomy.store.imports import mark_own_data, save_account_streams, save_column_mapping
from seconomy.store.plans import (
    ReplaceCounts,
    add_agreement,
    add_cost,
    delete_agreement,
    delete_cost,
    end_agreement,
    end_cost,
    replace_plans,
    save_scenario,
    update_agreement,
    update_cost,
)
from seconomy.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from seconomy.store.tx import in_transaction, transaction

__all__ = [
    "MEMORY", "MIGRATIONS", "SCHEMA_VERSION", "STAGING_COLUMNS", "ImportOutcome", "add_agreement", "add_cost",
    "add_entries", "connect", "has_demo", "migrate", "remove_demo", "save_scenario", "schema_version", "session",
    "set_setting", "undo_import", "update_settings", "Recorded", "fill_company", "set_cash", "change_setting",
    "keep_in_forecast", "drop_from_forecast",
    "in_transaction", "sql", "transaction",
]
__all__ += [  # plans: agreements and costs
    "ReplaceCounts", "delete_agreement", "delete_cost", "end_agreement", "end_cost", "replace_plans",
    "update_agreement", "update_cost",
]
__all__ += ["mark_own_data", "save_account_streams", "save_column_mapping"]  # imports: remembered mappings
from seconomy.store.scenarios import copy_scenario, create_scenario, delete_scenario, update_scenario  # noqa: E402

__all__ += ["copy_scenario", "create_scenario", "delete_scenario", "update_scenario"]  # scenarios: saved specs
from seconomy.store.rules import add_rules_first, replace_rules  # noqa: E402

__all__ += ["add_rules_first", "replace_rules"]  # rules: the classification table
from seconomy.store.pipeline import (  # noqa: E402
    PipelineCounts,
    add_application,
    delete_application,
    grant_application,
    replace_applications,
    save_applications,
    ungrant_application,
    update_application,
)

__all__ += [  # pipeline: grant applications (and the agreement a granted one becomes)
    "PipelineCounts", "add_application", "delete_application", "grant_application", "replace_applications",
    "save_applications", "ungrant_application", "update_application",
]
from seconomy.store.placements import (  # noqa: E402
    UpsertCounts,
    add_contact,
    add_log,
    add_placement,
    delete_contact,
    delete_log,
    delete_placement,
    purge_placements,
    update_contact,
    update_placement,
    upsert_placements,
)

__all__ += [  # placements, contacts and the contact log (issue 13)
    "UpsertCounts", "add_contact", "add_log", "add_placement", "delete_contact", "delete_log", "delete_placement",
    "purge_placements", "update_contact", "update_placement", "upsert_placements",
]
from seconomy.store.backup import (  # noqa: E402
    BackupFile,
    Restored,
    automatic_backup,
    copy_bytes,
    copy_to,
    list_backups,
    restore,
)

__all__ += [  # backups and restore (issue 11)
    "BackupFile", "Restored", "automatic_backup", "copy_bytes", "copy_to", "list_backups", "restore",
]
