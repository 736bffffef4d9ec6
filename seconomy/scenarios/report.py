"""The board report: one standalone HTML file with the chosen scenarios, ready to print on A4.

Standalone and offline: plotly.js is embedded once in the file (about 4–5 MB), every chart is an
inline <div>, there are no links to fetch. Print CSS sets A4 pages, keeps tables and charts whole
(each heading with its chart) and starts every scenario on a new page. Contents: the data basis and
date, a one-page summary of the main scenario (the verdict, first month with negative cash, lowest
cash, result, the reverse stress test's answers and P(negative cash) when simulated), the comparison
(a table and one chart), for each scenario (each once) its assumptions in words, key figures, cash
chart, waterfall and month-by-month table, the Monte Carlo when one was run, and the method.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from seconomy.scenarios import charts
from seconomy.scenarios.describe import Words, describe_cost, describe_shock, shock_target
from seconomy.scenarios.montecarlo import SimulationResult
from seconomy.scenarios.results import ScenarioResult
from seconomy.scenarios.reverse import ReverseAnswer
from seconomy.scenarios.spec import Spec
from seconomy.scenarios.verdict import cut_text, target_text, verdict
from seconomy.text import format as fmt
from seconomy.text.charts import config as plotly_config

CSS = """
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "Source Sans Pro", Arial, Helvetica, sans-serif; color: #1d1d1d; font-size: 10.5pt;
       line-height: 1.4; max-width: 184mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #264653; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; color: #264653; border-bottom: 1.5pt solid #264653; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
p.meta { color: #555; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2mm 0 3mm; }
th, td { padding: 1.2mm 2mm; border-bottom: 0.5pt solid #ccc; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 1pt solid #264653; }
.neg { color: #c1121f; font-weight: 600; }
.kpis { display: flex; gap: 3mm; margin: 2mm 0; }
.kpi { flex: 1; border: 0.5pt solid #bbb; border-radius: 2mm; padding: 2mm 3mm; }
.kpi b { display: block; font-size: 13pt; }
.figure, table, .kpis, ul, .block { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.scenario { break-before: page; page-break-before: always; }
.verdict { font-size: 12.5pt; margin: 3mm 0 4mm; }
footer { margin-top: 8mm; color: #777; font-size: 8.5pt; border-top: 0.5pt solid #ccc; padding-top: 2mm; }
@media print { body { padding: 0; } }
"""
FIGURE_WIDTH, FIGURE_HEIGHT = "680px", 330


def _esc(value: object) -> str:
    return html.escape(str(value))


def _markdown(text: str) -> str:
    """The catalog's small markdown (paragraphs, '- ' bullets, **bold**) as HTML."""
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.strip().splitlines()
        bold = lambda s: re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _esc(s))  # noqa: E731
        if all(line.lstrip().startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{bold(line.lstrip()[2:])}</li>" for line in lines) + "</ul>")
        else:
            out.append(f"<p>{bold(' '.join(lines))}</p>")
    return "\n".join(out)


def _figure(fig: go.Figure, words: Words) -> str:
    """A chart sized for the A4 column: fixed width, room for the axis labels, month ticks at an angle."""
    config = plotly_config(words, {"displayModeBar": False, "responsive": False})
    fig.update_layout(separators=words.separators, width=680, height=FIGURE_HEIGHT,
                      margin=dict(l=80, r=20, t=40, b=70), font=dict(family="Arial, Helvetica, sans-serif", size=11))
    fig.update_xaxes(tickangle=-45, automargin=True)
    fig.update_yaxes(automargin=True)
    body = pio.to_html(fig, full_html=False, include_plotlyjs=False, default_width=FIGURE_WIDTH,
                       default_height=f"{FIGURE_HEIGHT}px", config=config)
    return f'<div class="figure">{body}</div>'


def _money(words: Words, value: float) -> str:
    css = ' class="neg"' if value < 0 else ""
    return f"<span{css}>{_esc(words.money(value))}</span>"


def _labels(words: Words) -> dict[str, str]:
    keys = ("baseline", "scenario", "first_negative", "axis", "band90", "band50", "median", "forecast", "contracted")
    return {k: words.text(f"scn.label.{k}") for k in keys}


def step_labeller(words: Words, spec: Spec) -> Callable[[str], str]:
    """Waterfall step → a short label: 'Baseline', '1. Gladsaxe', '2. København', 'Costs 1', 'Scenario'."""
    def label(step: str) -> str:
        if step in ("baseline", "scenario"):
            return words.text(f"scn.step.{step}")
        kind, number = step.split(":")
        if kind == "shock":
            target = shock_target(words, spec.shocks[int(number) - 1])
            return f"{number}. {target if len(target) <= 22 else target[:21] + '…'}"
        return words.text("scn.step.cost", n=number)
    return label


def _first_negative(words: Words, result: ScenarioResult) -> str:
    month = result.first_negative_cash_month
    return f'<span class="neg">{_esc(words.month(month))}</span>' if month else _esc(words.text("scn.kpi.none"))


def _comparison(results: Sequence[ScenarioResult], words: Words) -> str:
    rows = [
        (words.text("scn.report.period"), [f"{words.month(r.months[0])} – {words.month(r.months[-1])}" for r in results], False),
        (words.text("scn.cmp.baseline_result"), [r.totals["baseline_result"] / 100 for r in results], True),
        (words.text("scn.cmp.result"), [r.totals["scenario_result"] / 100 for r in results], True),
        (words.text("scn.cmp.income"), [r.totals["scenario_income"] / 100 for r in results], True),
        (words.text("scn.cmp.lowest_cash"), [r.totals["scenario_lowest_cash"] / 100 for r in results], True),
        (words.text("scn.cmp.closing_cash"), [r.totals["scenario_closing_cash"] / 100 for r in results], True),
    ]
    head = "".join(f"<th>{_esc(r.spec.name)}</th>" for r in results)
    body = "".join(
        f"<tr><td>{_esc(label)}</td>" + "".join(f"<td>{_money(words, v) if money else _esc(v)}</td>" for v in values) + "</tr>"
        for label, values, money in rows)
    body += f"<tr><td>{_esc(words.text('scn.kpi.first_negative'))}</td>" + "".join(
        f"<td>{_first_negative(words, r)}</td>" for r in results) + "</tr>"
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"


def _monthly_table(result: ScenarioResult, words: Words) -> str:
    columns = ("baseline_income", "scenario_income", "costs", "result", "cash")
    head = f"<th>{_esc(words.text('col.month'))}</th>" + "".join(f"<th>{_esc(words.text(f'scn.col.{c}'))}</th>" for c in columns)
    rows = "".join(
        f"<tr><td>{_esc(words.month(row['month']))}</td>" + "".join(f"<td>{_money(words, row[c])}</td>" for c in columns) + "</tr>"
        for _, row in result.monthly.iterrows())
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _scenario(result: ScenarioResult, words: Words) -> str:
    labels = _labels(words)
    shocks = [describe_shock(words, s) for s in result.spec.shocks] + [describe_cost(words, c) for c in result.spec.costs]
    assumptions = "<ul>" + "".join(f"<li>{_esc(s)}</li>" for s in shocks) + "</ul>" if shocks else \
        f"<p>{_esc(words.text('scn.report.no_shocks'))}</p>"
    kpis = (
        (words.text("scn.kpi.result"), _money(words, result.totals["scenario_result"] / 100)),
        (words.text("scn.kpi.lowest"), _money(words, result.totals["scenario_lowest_cash"] / 100)),
        (words.text("scn.kpi.first_negative"), _first_negative(words, result)),
    )
    return f"""<section class="scenario">
<h2>{_esc(result.spec.name)}</h2>
<p class="meta">{_esc(words.text('scn.report.period'))}: {_esc(words.month(result.months[0]))} – {_esc(words.month(result.months[-1]))}</p>
<h3>{_esc(words.text('scn.report.assumptions'))}</h3>
{assumptions}
<div class="kpis">{''.join(f'<div class="kpi">{_esc(k)}<b>{v}</b></div>' for k, v in kpis)}</div>
{_block(words.text('scn.chart.cash'), _figure(charts.cash_lines(result.monthly, labels), words))}
{_block(words.text('scn.chart.waterfall'),
        _figure(charts.waterfall(result.waterfall, labels, step_labeller(words, result.spec)), words))}
<h3>{_esc(words.text('scn.table.monthly'))}</h3>
{_monthly_table(result, words)}
</section>"""


def _block(heading: str, body: str) -> str:
    """A heading kept on the same page as its chart."""
    return f'<div class="block"><h3>{_esc(heading)}</h3>\n{body}</div>'


def _kpis(kpis: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f'<div class="kpi">{_esc(k)}<b>{v}</b></div>' for k, v in kpis)
    return f'<div class="kpis">{cells}</div>'


def _lowest(words: Words, result: ScenarioResult) -> str:
    row = result.monthly.loc[result.monthly["cash"].idxmin()]
    return words.text("scn.report.lowest_in", cash=words.money(row["cash"]), month=words.month(row["month"]))


def _summary(results: Sequence[ScenarioResult], words: Words, stress: Sequence[ReverseAnswer] | None,
             simulation: SimulationResult | None) -> str:
    """The first page: the main scenario's verdict, its key figures, the stress test and P(negative cash)."""
    main = results[0]
    kpis = [
        (words.text("scn.kpi.first_negative"), _first_negative(words, main)),
        (words.text("scn.kpi.lowest"), _esc(_lowest(words, main))),
        (words.text("scn.kpi.result"), _money(words, main.totals["scenario_result"] / 100)),
    ]
    if simulation is not None:
        kpis.append((words.text("scn.mc.p_negative"), _esc(words.percent(simulation.probability_negative_cash))))
    parts = [f'<h2>{_esc(words.text("scn.report.summary"))}: {_esc(main.spec.name)}</h2>',
             f'<div class="verdict">{_markdown(verdict(words, main))}</div>',
             _kpis(kpis)]
    if stress:
        rows = "".join(f"<tr><td>{_esc(target_text(words, a))}</td><td>{_esc(cut_text(words, a, a.result_cut, False))}</td>"
                       f"<td>{_esc(cut_text(words, a, a.cash_cut, True))}</td></tr>" for a in stress)
        head = (f"<tr><th>{_esc(words.text('scn.stress.target'))}</th><th>{_esc(words.text('scn.stress.result'))}</th>"
                f"<th>{_esc(words.text('scn.stress.cash'))}</th></tr>")
        parts.append(f'<div class="block"><h3>{_esc(words.text("scn.report.stress", month=words.month(stress[0].start)))}'
                     f"</h3><table><thead>{head}</thead><tbody>{rows}</tbody></table></div>")
    if len(results) > 1:
        items = "".join(f"<li><strong>{_esc(r.spec.name)}</strong>: {_markdown(verdict(words, r))[3:-4]}</li>"
                        for r in results[1:])
        parts.append(f'<div class="block"><h3>{_esc(words.text("scn.report.others"))}</h3><ul>{items}</ul></div>')
    return "\n".join(parts)


def unique(results: Sequence[ScenarioResult]) -> list[ScenarioResult]:
    """Each scenario once: the one being edited and the same one saved are the same scenario."""
    seen, out = set(), []
    for result in results:
        key = result.spec.to_json()
        if key not in seen:
            seen.add(key)
            out.append(result)
    return out


def _simulation(simulation: SimulationResult, name: str, words: Words) -> str:
    facts = (
        (words.text("scn.mc.p_deficit"), _esc(words.percent(simulation.probability_deficit))),
        (words.text("scn.mc.p_negative"), _esc(words.percent(simulation.probability_negative_cash))),
        (words.text("scn.mc.rar"), _money(words, simulation.revenue_at_risk)),
    )
    return f"""<section class="scenario">
<h2>{_esc(words.text('scn.report.mc'))}: {_esc(name)}</h2>
<p>{_esc(words.text('scn.report.mc_runs', runs=fmt.number(simulation.runs, words.lang), seed=simulation.seed))}</p>
<div class="kpis">{''.join(f'<div class="kpi">{_esc(k)}<b>{v}</b></div>' for k, v in facts)}</div>
{_figure(charts.fan(simulation.cash, _labels(words)), words)}
</section>"""


def board_report(results: Sequence[ScenarioResult], words: Words, enterprise: str, made: dt.date,
                 simulation: tuple[str, SimulationResult] | None = None,
                 stress: Sequence[ReverseAnswer] | None = None) -> str:
    """The whole report as one HTML document (UTF-8 text).

    ``simulation`` and ``stress`` belong to the first (main) scenario; the first page summarises it.
    """
    results = unique(results)
    if not results:
        raise ValueError("a board report needs at least one scenario")
    first = results[0]
    basis = words.text("scn.report.basis", cash=words.money(first.opening_cash / 100),
                       date=fmt.date(first.cash_date, words.lang) if first.cash_date else "–",
                       trailing=f"{words.month(first.trailing[0])} – {words.month(first.trailing[1])}")
    compare = charts.compare_cash([(r.spec.name, r.monthly) for r in results], _labels(words))
    title = words.text("scn.report.title")
    return f"""<!DOCTYPE html>
<html lang="{words.lang}"><head><meta charset="utf-8">
<title>{_esc(title)} – {_esc(enterprise)}</title>
<style>{CSS}</style>
<script type="text/javascript">{get_plotlyjs()}</script>
</head><body>
<h1>{_esc(title)}</h1>
<p class="meta"><strong>{_esc(enterprise)}</strong> · {_esc(words.text('scn.report.made', date=fmt.date(made, words.lang)))}</p>
<p class="meta">{_esc(basis)}</p>
{_summary(results, words, stress, simulation[1] if simulation else None)}
<section class="scenario">
<h2>{_esc(words.text('scn.report.comparison'))}</h2>
{_comparison(results, words)}
{_figure(compare, words)}
</section>
{''.join(_scenario(r, words) for r in results)}
{_simulation(simulation[1], simulation[0], words) if simulation else ''}
<section class="scenario">
<h2>{_esc(words.text('scn.method.title'))}</h2>
{_markdown(words.text('scn.method.body'))}
</section>
<footer>{_esc(words.text('scn.report.footer', date=made.isoformat()))}</footer>
</body></html>
"""
