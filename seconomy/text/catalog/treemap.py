"""Texts of the aggregated treemap (its leaf for the smaller payers of a stream)."""

TEXTS = {
    "overview.treemap.others": ("Øvrige ({count} betalere)", "Others ({count} payers)"),
}
