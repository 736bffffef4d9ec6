"""The project's one reader of loose values (money, shares, dates) lives in ``seconomy.values``; this is its old home."""

from seconomy.values import date, decimal, integer, is_empty, money, share, text

__all__ = ["date", "decimal", "integer", "is_empty", "money", "share", "text"]
