"""The report for a municipality: one or two A4 pages of documented effect, as one offline HTML file.

Meant for the municipality, so small numbers are suppressed: a group (the municipality, a half year) with fewer
than 5 ended placements shows its counts below 5 as "under 5" and no rates, progression or business case; the
dropped-out count and a scheme's number of placements show 1–4 as "under 5" too. There is no breakdown by
outcome or by scheme's exits: beside the totals, small groups could be worked out. No participant codes, and
none of the enterprise's own income figures. Styled like the board report
(seconomy.scenarios.report): no external links or scripts, print CSS for A4, tables kept whole.

Contents: what the municipality bought (placements and price per scheme, the period), the effect with its
interval, the half-year trend, progression, the business case with every assumption, and the
two or three sentences the enterprise writes itself (escaped; blank lines separate paragraphs).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

import duckdb

from seconomy.effect.figures import SUPPRESS_BELOW, Effect, HalfYear, half_years, municipality_effect
from seconomy.municipalities import by_code
from seconomy.scenarios.report import CSS as BOARD_CSS
from seconomy.settings import get_settings
from seconomy.text import format as fmt
from seconomy.text.words import Words, words

CSS = BOARD_CSS + """
.kpi small { display: block; font-size: 8.5pt; font-weight: normal; color: #555; }
.own { border-left: 2pt solid #2a9d8f; padding: 1mm 0 1mm 4mm; margin: 3mm 0 4mm; font-size: 11pt; }
.note { color: #555; font-size: 9pt; }
.suppressed { color: #555; font-style: italic; }
section.block { break-inside: avoid; page-break-inside: avoid; }
@media print { h2 { break-after: avoid; page-break-after: avoid; } }
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def count(words: Words, value: int, hidden: bool = False) -> str:
    """A count as the municipality may see it: 1–4 (or any count of a suppressed group below 5) is 'under 5'."""
    if 0 < value < SUPPRESS_BELOW or (hidden and value < SUPPRESS_BELOW):
        return _esc(words.text("effect.report.under5"))
    return _esc(fmt.number(value, words.lang))


def exact(w: Words, value: int, hidden: bool) -> str:
    """A count shown exactly unless its group is suppressed (exits beside their rate: the rate would tell them)."""
    return _esc(w.text("effect.report.under5")) if hidden and value < SUPPRESS_BELOW else _esc(fmt.number(value, w.lang))


def _kpis(items: Sequence[tuple[str, str]]) -> str:
    return '<div class="kpis">' + "".join(f'<div class="kpi">{_esc(k)}<b>{v}</b></div>' for k, v in items) + "</div>"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    header = "".join(f"<th>{_esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _bought(effect: Effect, w: Words) -> str:
    rows = [[_esc(w.text(f"effect.scheme.{s.scheme}")), count(w, s.placements), _esc(w.money(s.price_paid))]
            for s in effect.by_scheme]
    rows.append([f"<strong>{_esc(w.text('effect.report.total'))}</strong>", count(w, effect.placements),
                 f"<strong>{_esc(w.money(effect.price_paid))}</strong>"])
    head = [w.text("effect.col.scheme"), w.text("effect.col.placements"), w.text("effect.col.price_paid")]
    return f"<h2>{_esc(w.text('effect.report.bought'))}</h2>{_table(head, rows)}"


def _rate(effect: Effect, w: Words) -> str:
    """The exit rate with its interval on a second, smaller line; 'not shown' for a suppressed group."""
    if effect.suppressed or effect.exit_rate is None:
        return f'<span class="suppressed">{_esc(w.text("effect.report.not_shown"))}</span>'
    low, high = effect.interval
    interval = w.text("effect.report.interval", low=fmt.number(low * 100, w.lang), high=w.percent(high, 0))
    return f'{_esc(w.percent(effect.exit_rate, 0))}<small>{_esc(interval)}</small>'


def _effect(effect: Effect, w: Words) -> str:
    """Ended, exits, their share, dropped out, weeks. No breakdown by outcome: with the totals beside it, small
    outcome groups could be worked out, and small numbers identify people."""
    hidden = effect.suppressed
    weeks = "–" if effect.average_weeks is None or hidden else fmt.number(effect.average_weeks, w.lang, 1)
    kpis = _kpis([(w.text("effect.col.ended"), count(w, effect.ended, hidden)),
                  (w.text("effect.col.exits"), exact(w, effect.exits, hidden)),
                  (w.text("effect.col.exit_rate"), _rate(effect, w)),
                  (w.text("effect.col.dropped_out"), count(w, effect.dropped_out, hidden)),
                  (w.text("effect.col.average_weeks"), _esc(weeks))])
    note = f'<p class="note">{_esc(w.text("effect.report.suppressed_note"))}</p>' if hidden else \
        f'<p class="note">{_esc(w.text("effect.report.exits_note"))}</p>'
    return f'<section class="block"><h2>{_esc(w.text("effect.report.effect"))}</h2>{kpis}{note}</section>'


def _trend(trend: Sequence[HalfYear], w: Words) -> str:
    if not trend:
        return ""
    rows = []
    for h in trend:
        e = h.effect
        rate = "–" if e.suppressed or e.exit_rate is None else _esc(w.percent(e.exit_rate, 0))
        label = w.text("effect.half", half=h.half, year=h.year)
        rows.append([_esc(label), count(w, e.ended, e.suppressed), exact(w, e.exits, e.suppressed), rate])
    head = [w.text("effect.col.half_year"), w.text("effect.col.ended"), w.text("effect.col.exits"), w.text("effect.col.exit_rate")]
    return f'<section class="block"><h2>{_esc(w.text("effect.report.trend"))}</h2>{_table(head, rows)}</section>'


def _progression(effect: Effect, w: Words, scale: str) -> str:
    if effect.suppressed or effect.progression is None or effect.progression_count < SUPPRESS_BELOW:
        body = f'<p class="suppressed">{_esc(w.text("effect.report.progression_hidden"))}</p>'
    else:
        change = fmt.number(effect.progression, w.lang, 1)
        body = "<p>" + _esc(w.text("effect.report.progression", change=("+" if effect.progression > 0 else "") + change,
                                   scale=scale, n=fmt.number(effect.progression_count, w.lang))) + "</p>"
    return f'<section class="block"><h2>{_esc(w.text("effect.report.progression_title"))}</h2>{body}</section>'


def _assumptions(effect: Effect, w: Words) -> str:
    a = effect.case.assumptions
    items = [w.text("effect.case.horizon", months=a.horizon_months, persistence=w.percent(float(a.persistence), 0),
                    saved=fmt.number(a.months_saved, w.lang, 1)),
             *[w.text(f"effect.case.benefit_{kind}", amount=w.money(a.benefits[kind])) for kind in a.benefits],
             w.text("effect.case.flexjob", share=w.percent(float(a.flexjob_share), 0)),
             w.text("effect.case.no_benefit"), w.text("effect.case.not_counted")]
    return "<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + "</ul>"


def _case(effect: Effect, w: Words) -> str:
    title = f"<h2>{_esc(w.text('effect.report.case'))}</h2>"
    if effect.suppressed:
        return f'<section class="block">{title}<p class="suppressed">{_esc(w.text("effect.report.case_hidden"))}</p></section>'
    case = effect.case
    per = "–" if case.saved_per_krone is None else fmt.number(case.saved_per_krone, w.lang, 2)
    kpis = _kpis([(w.text("effect.case.savings"), _esc(w.money(case.savings))),
                  (w.text("effect.col.price_paid"), _esc(w.money(case.price_paid))),
                  (w.text("effect.case.net"), _esc(w.money(case.net))),
                  (w.text("effect.case.per_krone"), _esc(per))])
    return (f'<section class="block">{title}{kpis}'
            f'<h3>{_esc(w.text("effect.case.assumptions"))}</h3>{_assumptions(effect, w)}</section>')


def _own_text(text: str | None) -> str:
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f'<p class="own">{_esc(p).replace(chr(10), "<br>")}</p>' for p in paragraphs)


def render(effect: Effect, trend: Sequence[HalfYear], w: Words, enterprise: str, scale: str, own_text: str | None,
           made: dt.date) -> str:
    """The report as one HTML document (pure: everything it shows is handed in)."""
    name = by_code()[effect.municipality_code].official_name
    title = w.text("effect.report.title", municipality=name)
    first = fmt.date(effect.first_start, w.lang) if effect.first_start else "–"
    period = w.text("effect.report.period", start=first, end=fmt.date(effect.end, w.lang))
    return f"""<!DOCTYPE html>
<html lang="{w.lang}"><head><meta charset="utf-8">
<title>{_esc(title)} – {_esc(enterprise)}</title>
<style>{CSS}</style>
</head><body>
<h1>{_esc(title)}</h1>
<p class="meta"><strong>{_esc(enterprise)}</strong> · {_esc(w.text('effect.report.made', date=fmt.date(made, w.lang)))}</p>
<p class="meta">{_esc(period)}</p>
{_own_text(own_text)}
{_bought(effect, w)}
{_effect(effect, w)}
{_trend(trend, w)}
{_progression(effect, w, scale)}
{_case(effect, w)}
<section class="block"><h2>{_esc(w.text('effect.report.method'))}</h2>
<p class="note">{_esc(w.text('effect.report.method_text'))}</p></section>
<footer>{_esc(w.text('effect.report.footer', date=w.date(made)))}</footer>
</body></html>
"""


def municipality_report(con: duckdb.DuckDBPyConnection, code: int, start: dt.date | None, end: dt.date, lang: str,
                        own_text: str | None, made: dt.date) -> str:
    """The report for municipality ``code`` over the window, in ``lang`` ('da' or 'en')."""
    settings = get_settings(con)
    enterprise = str(settings["enterprise_name"] or "")
    return render(municipality_effect(con, code, start, end), half_years(con, start, end, code), words(lang),
                  enterprise, str(settings["effect_scale"]), own_text, made)
