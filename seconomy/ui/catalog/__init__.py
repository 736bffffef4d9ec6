"""Kept for one release: the catalog moved to ``seconomy.text.catalog`` (add section modules there).

A merge bridge: a section module another branch still adds here (``seconomy/ui/catalog/<area>.py`` with
``TEXTS``) is merged into the one catalog when the UI starts, with the same no-key-twice check, so its texts
work until it is moved. Nothing outside ``seconomy/ui`` may import this module.
"""

from __future__ import annotations

import importlib
import pkgutil

from seconomy.text.catalog import CATALOG, KEY_OWNER, Texts

__all__ = ["CATALOG", "KEY_OWNER", "Texts"]


def _adopt() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in getattr(module, "TEXTS", {}).items():
            if key in CATALOG:
                raise ValueError(f"text key {key!r} defined in both {KEY_OWNER[key]} and ui/catalog/{info.name}")
            CATALOG[key] = pair
            KEY_OWNER[key] = f"ui/catalog/{info.name}"


_adopt()
