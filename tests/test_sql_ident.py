"""The one quoting helper for interpolated SQL identifiers refuses anything but plain names."""

import pytest

from seconomy.store.sql import ident, idents, sql_type


def test_ident_quotes_plain_names():
    assert ident("_raw") == '"_raw"'
    assert idents(["c0", "c1"]) == '"c0", "c1"'
    assert sql_type("SMALLINT") == "SMALLINT"


@pytest.mark.parametrize("name", ["", "a b", 'x"; DROP TABLE entries; --', "1abc", "entries.amount", None])
def test_ident_refuses_anything_else(name):
    with pytest.raises(ValueError):
        ident(name)


def test_sql_type_refuses_unknown_types():
    with pytest.raises(ValueError):
        sql_type("VARCHAR); DROP TABLE entries; --")
