"""Documented effect per municipality: placements (forløb), effect figures, business case, relations, report.

- ``model``: the vocabulary (schemes, outcomes, contact roles, log kinds), their Danish words, and ``Problem``;
- ``validate``: ``clean_placement`` / ``clean_contact`` / ``clean_log`` — loose values in, a clean row out;
- ``layout``, ``files``: the placements file (CSV/XLSX, Danish or English headers), import (keyed by participant
  and start: updates and adds, never deletes) and export (no participant codes unless asked for);
- ``queries``: exact readers of the three tables; ``edit``: the page's and CLI's writes, validated first;
- ``figures``: the effect of a municipality's placements in a window (Wilson interval, suppression, half years);
- ``business``: the SØM-style business case (months of benefit saved × monthly cost, against the price paid);
- ``budget``: the before-the-budget list; ``report``: the municipality's offline HTML report;
- ``demo``: the demo enterprise's placements, contacts and log.

This package file stays empty on purpose: the store's schema imports ``seconomy.effect.model``.
"""
