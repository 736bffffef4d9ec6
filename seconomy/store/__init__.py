"""The store: the one owner of the DuckDB schema and of every SQL statement that writes.

Reading queries live beside the figures they compute (risk, overview, forecast); anything that
changes the database goes through the functions re-exported here.

The re-exports are lazy (PEP 562): ``store.session`` imports ``seconomy.store.db`` on first use, so a CLI command
that only opens the file does not pay for pandas and pyarrow, which the entry and plan writers need. To re-export a
new function, add its name under its module in ``_EXPORTS``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, tuple[str, ...]] = {
    "config": ("change_setting", "fill_company", "set_cash", "set_setting", "update_settings"),
    "db": ("MEMORY", "connect", "session"),
    "entries": ("STAGING_COLUMNS", "ImportOutcome", "Recorded", "add_entries", "has_demo", "remove_demo", "undo_import"),
    "imports": ("mark_own_data", "save_account_streams", "save_column_mapping"),  # remembered mappings
    "plans": ("ReplaceCounts", "add_agreement", "add_cost", "delete_agreement", "delete_cost", "end_agreement", "end_cost",
              "replace_plans", "save_scenario", "update_agreement", "update_cost"),  # agreements and costs
    "schema": ("MIGRATIONS", "SCHEMA_VERSION", "migrate", "schema_version"),
    "scenarios": ("copy_scenario", "create_scenario", "delete_scenario", "update_scenario"),  # saved specs
    "rules": ("add_rules_first", "replace_rules"),  # the classification table
    "pipeline": ("PipelineCounts", "add_application", "delete_application", "grant_application", "replace_applications",
                 "save_applications", "ungrant_application", "update_application"),  # grant applications
    "placements": ("UpsertCounts", "add_contact", "add_log", "add_placement", "delete_contact", "delete_log",
                   "delete_placement", "purge_placements", "update_contact", "update_placement",
                   "upsert_placements"),  # placements, contacts and the contact log (issue 13)
    "forecast": ("drop_from_forecast", "keep_in_forecast"),  # one-offs kept in (or dropped from) the forecast
    "tx": ("in_transaction", "transaction"),  # the nestable store transaction
    "backup": ("BackupFile", "Restored", "automatic_backup", "copy_bytes", "copy_to", "list_backups",
               "restore"),  # backups and restore (issue 11)
}
_SUBMODULES = ("sql",)  # ``store.sql``: the statements' helpers, as a module
_OWNER = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_OWNER) + list(_SUBMODULES)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _OWNER.get(name)
    if module is None:
        raise AttributeError(f"module 'seconomy.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_OWNER) | set(_SUBMODULES))


if TYPE_CHECKING:  # for type checkers and editors: the same names, eagerly
    from seconomy.store import sql  # noqa: F401
    from seconomy.store.backup import (  # noqa: F401
        BackupFile,
        Restored,
        automatic_backup,
        copy_bytes,
        copy_to,
        list_backups,
        restore,
    )
    from seconomy.store.config import change_setting, fill_company, set_cash, set_setting, update_settings  # noqa: F401
    from seconomy.store.db import MEMORY, connect, session  # noqa: F401
    from seconomy.store.entries import (  # noqa: F401
        STAGING_COLUMNS,
        ImportOutcome,
        Recorded,
        add_entries,
        has_demo,
        remove_demo,
        undo_import,
    )
    from seconomy.store.forecast import drop_from_forecast, keep_in_forecast  # noqa: F401
    from seconomy.store.imports import mark_own_data, save_account_streams, save_column_mapping  # noqa: F401
    from seconomy.store.pipeline import (  # noqa: F401
        PipelineCounts,
        add_application,
        delete_application,
        grant_application,
        replace_applications,
        save_applications,
        ungrant_application,
        update_application,
    )
    from seconomy.store.placements import (  # noqa: F401
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
    from seconomy.store.plans import (  # noqa: F401
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
    from seconomy.store.rules import add_rules_first, replace_rules  # noqa: F401
    from seconomy.store.scenarios import copy_scenario, create_scenario, delete_scenario, update_scenario  # noqa: F401
    from seconomy.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version  # noqa: F401
    from seconomy.store.tx import in_transaction, transaction  # noqa: F401
