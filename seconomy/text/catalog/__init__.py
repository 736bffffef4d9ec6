"""The text catalog, in Danish (default) and English: the UI's texts and the core's sentences alike.

One catalog, kept in one section module per area (common, overview, data, risk, scenarios…) so
that each page's texts sit together; ``CATALOG`` merges them and a test checks every key has both
languages and no key is defined twice.
"""

from __future__ import annotations

import importlib
import pkgutil

Texts = dict[str, tuple[str, str]]  # key -> (Danish, English)


def _load() -> tuple[Texts, dict[str, str]]:
    merged: Texts = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"text key {key!r} defined in both {owner[key]} and {info.name}")
            merged[key] = pair
            owner[key] = info.name
    return merged, owner


CATALOG, KEY_OWNER = _load()
