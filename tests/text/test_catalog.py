"""The one catalog: every key in Danish and English, the same placeholders in both, no Danish text left English."""

from __future__ import annotations

import re
import string

from seconomy.settings import SETTINGS
from seconomy.text.catalog import CATALOG, KEY_OWNER

# Danish values that are rightly the same as the English ones (words both languages use, names, codes, formats).
SAME_IN_BOTH = {
    "app.title", "nav.data", "data.title", "download.sheet", "col.hhi", "risk.kpi.hhi", "risk.trend.hhi",
    "agreements.field.type", "agreements.field.start_date", "agreements.field.status", "agreements.field.note",
    "agreements.field.reason", "effect.field.start_date", "effect.field.reason", "grants.field.start_date",
    "grants.col.reason", "data.role.status", "data.h.format", "data.h.demo", "data.format.saft", "effect.col.progression",
    "effect.report.progression_title", "effect.scheme.mentor", "effect.outcome.job", "effect.kind.workshop",
    "scn.tab.montecarlo", "scn.report.mc", "scn.label.median", "settings.database",
}
ENGLISH_WORDS = re.compile(r"\b(the|and|with|from|of|is|are|not|this|your|you|which|when|income|costs|share|amount|payer|"
                           r"months?|download|upload|save|settings|choose|file|none|true|false)\b", re.I)
QUOTED = re.compile(r"\{[^}]*\}|`[^`]*`|«[^»]*»|\([^)]*\)|\*[^*]+\*")  # names, code, quotes: not Danish text


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_danish_and_english_with_the_same_placeholders():
    for key, pair in CATALOG.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        danish, english = pair
        assert danish.strip() and english.strip(), key
        assert _placeholders(danish) == _placeholders(english), key


def test_no_danish_text_is_left_english():
    """A Danish value equal to its English one is either in the allow-list or only placeholders and signs."""
    same = {k for k, (d, e) in CATALOG.items() if d == e and re.sub(r"\{[^}]*\}|[\W_]", "", d)}
    assert same - SAME_IN_BOTH == set()
    english = {k: ENGLISH_WORDS.findall(QUOTED.sub("", d)) for k, (d, _) in CATALOG.items()}
    assert {k: w for k, w in english.items() if w} == {}


def test_every_setting_has_a_danish_and_english_name_and_help():
    missing = [s.name for s in SETTINGS for key in (f"setting.{s.name}", f"setting.{s.name}.help") if key not in CATALOG]
    assert missing == []


def test_the_catalog_lives_in_the_text_package():
    assert all(not owner.startswith("ui/") for owner in KEY_OWNER.values())


def test_every_error_code_the_domain_raises_has_its_text():
    """A SeconomyError(code=…) whose ``error.<code>`` is missing would reach the UI in English."""
    import re
    from pathlib import Path

    from seconomy.text.catalog import CATALOG as TEXTS

    root = Path(__file__).resolve().parents[2] / "seconomy"
    codes = {code for path in root.rglob("*.py") for code in re.findall(r'\bcode="([a-z_.]+)"', path.read_text("utf-8"))}
    assert len(codes) > 20  # the scan finds the codes at all
    assert sorted(c for c in codes if f"error.{c}" not in TEXTS) == []
