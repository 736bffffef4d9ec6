"""Plotly in the reader's language: separators, month and day names, the toolbar's words.

Why: plotly.js formats every axis tick, hover number and date with its own locale (English unless told), so
a Danish page showed ``Nov 2026`` and ``1,234.5`` on its charts beside ``nov. 2026`` and ``1.234,5`` in its
tables. ``localise`` sets the figure's separators; ``config`` gives plotly.js a locale made from the same CLDR
names as seconomy.text.format (``%b %Y`` then reads ``nov. 2026``). The board and effect reports pass the
same config when they embed a chart, so a printed chart speaks like the page.
"""

from __future__ import annotations

from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from seconomy.text.format import month_names, separators
from seconomy.text.words import Words

_LOCALE = {"da": "da_DK", "en": "en"}
# The toolbar's tooltips (plotly.js's own English is the key).
_TOOLBAR_DA = {
    "Download plot as a png": "Hent grafen som PNG", "Download plot": "Hent grafen", "Zoom": "Zoom",
    "Pan": "Panorér", "Box Select": "Vælg med kasse", "Lasso Select": "Vælg med lasso", "Zoom in": "Zoom ind",
    "Zoom out": "Zoom ud", "Autoscale": "Autoskalér", "Reset axes": "Nulstil akser", "Reset view": "Nulstil visning",
    "Toggle Spike Lines": "Slå sigtelinjer til/fra", "Show closest data on hover": "Vis nærmeste data ved mouseover",
    "Compare data on hover": "Sammenlign data ved mouseover", "Produced with Plotly.js": "Lavet med Plotly.js",
    "Double-click to zoom back out": "Dobbeltklik for at zoome ud igen", "Click to enter Colorscale title":
        "Klik for at skrive farveskalaens titel", "Snapshot succeeded": "Billedet er gemt",
    "Taking snapshot - this may take a few seconds": "Gemmer billedet – det kan tage et par sekunder",
    "Double-click on legend to isolate one trace": "Dobbeltklik på en forklaring for at vise den alene",
    "Reset": "Nulstil", "Zoom back out": "Zoom ud igen",
}


@lru_cache(maxsize=4)
def _format(lang: str) -> dict:
    locale = _LOCALE[lang]
    days_wide, days_short = get_day_names("wide", locale=locale), get_day_names("abbreviated", locale=locale)
    sunday_first = (6, 0, 1, 2, 3, 4, 5)  # babel counts from Monday, d3 from Sunday
    decimal, thousands = separators(lang)
    danish = lang == "da"
    return {
        "days": [days_wide[d] for d in sunday_first], "shortDays": [days_short[d] for d in sunday_first],
        "months": [get_month_names("wide", locale=locale)[m] for m in range(1, 13)],
        "shortMonths": list(month_names(lang)), "periods": ["AM", "PM"],
        "dateTime": "%A %e %B %Y %X" if danish else "%a %b %e %X %Y",
        "date": "%d.%m.%Y" if danish else "%d %b %Y", "time": "%H:%M:%S",
        "decimal": decimal, "thousands": thousands, "grouping": [3],
        "currency": ["", " kr."] if danish else ["DKK ", ""],
        "year": "%Y", "month": "%b %Y", "dayMonth": "%-d. %b" if danish else "%-d %b",
        "dayMonthYear": "%-d. %b %Y" if danish else "%-d %b %Y",
    }


def locale_name(lang: str) -> str:
    return f"seconomy-{lang}"


def config(words: Words, base: dict | None = None) -> dict:
    """A plotly.js config (``st.plotly_chart(config=…)``, ``pio.to_html(config=…)``) that speaks ``words.lang``."""
    name = locale_name(words.lang)
    dictionary = _TOOLBAR_DA if words.lang == "da" else {}
    return {**(base or {}), "locale": name, "locales": {name: {"dictionary": dictionary, "format": _format(words.lang)}}}


def localise(fig, words: Words, base: dict | None = None) -> dict:
    """Set ``fig``'s separators for ``words.lang`` and return the config to draw it with."""
    fig.update_layout(separators=words.separators)
    return config(words, base)
