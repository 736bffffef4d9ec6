"""The grant planner: the pipeline of applications to foundations and public pools, and what it is worth.

- ``model``: stages, funder kinds and their Danish words, stage probabilities, the agreement a grant becomes;
- ``validate``, ``edit``: one application checked (Problem codes) and written — granting and its undo go
  through seconomy.store.pipeline in one transaction with the grant agreement;
- ``queries``, ``layout``, ``files``: reading the pipeline exactly; the CSV/XLSX layout, export and import;
- ``amounts``: each open application's amount in a year (the agreements' schedule rule) and probability;
- ``gap``: the year's funding gap from the forecast under a scenario (the one place that reads the forecast);
- ``distribution``: the exact distribution of the pipeline's total and P(gap covered);
- ``mix``: the smallest set of applications reaching a target probability (exact up to 20, else heuristic);
- ``mosaic``: payer HHI, grant share and largest funder before and after the mix (the Risk page's measures);
- ``track``: win rates per funder and per stage reached; ``calendar``: deadlines, reports and the grant cliff;
- ``plan``: all of it for one year — the function the page and the ``grants`` command share;
- ``charts``: the page's Plotly figures; ``demo``: the demo enterprise's pipeline.
Definitions: README "Grant planner".
"""
