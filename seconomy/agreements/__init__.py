"""The enterprise's own agreements (municipal contracts, wage subsidies, grants) and costs.

- ``model``: the allowed values, their Danish words, and ``Problem`` (one finding about one field).
- ``validate``: ``clean_agreement`` / ``clean_cost`` — loose values in, a clean row (or problems) out.
- ``terms``: ``monthly_income(agreement_row, month)`` and ``income_schedule`` / ``agreement_income`` —
  what each agreement pays per month by its terms (the forecast's building block).
- ``queries``: exact readers (Decimal money) of the agreements and costs tables.
- ``edit``: add / edit / end / delete with validation, and the opening cash.
- ``layout``, ``reader``, ``files``: the flat CSV/XLSX layout, export, and import (replaces each section it contains).
"""
