"""Settings: one table in code, documented in the README, typed on read."""

from decimal import Decimal

import pytest

from seconomy.settings import SETTINGS, get_setting, get_settings
from seconomy.store import set_setting
from tests.conftest import ROOT


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s.name for s in SETTINGS if f"| `{s.name}` |" not in readme] == []


def test_defaults_and_typed_values(con):
    assert get_settings(con)["opening_cash"] == Decimal("0")
    set_setting(con, "opening_cash", "1234.50")
    assert get_setting(con, "opening_cash") == Decimal("1234.50")
    set_setting(con, "opening_cash", "99")
    assert get_setting(con, "opening_cash") == Decimal("99")


def test_unknown_setting_is_refused(con):
    with pytest.raises(KeyError, match="known"):
        set_setting(con, "colour", "blue")


def test_update_settings_is_all_or_nothing(con):
    from seconomy.errors import InputError
    from seconomy.store import update_settings

    update_settings(con, {"hhi_moderate": "1000", "hhi_high": "2000"})
    with pytest.raises(InputError) as err:
        update_settings(con, {"hhi_moderate": "3000", "hhi_high": "2000", "language": "fr"})
    assert {e.column for e in err.value.errors} == {"hhi_high", "language"}
    assert get_setting(con, "hhi_moderate") == 1000.0
