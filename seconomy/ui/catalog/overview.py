"""Texts of the overview page."""

TEXTS = {
    "overview.title": ("Overblik", "Overview"),
    "overview.window": ("Seneste 12 hele måneder: {start} – {end}", "Trailing 12 full months: {start} – {end}"),
    "overview.kpi.income": ("Indtægter, 12 mdr.", "Income, 12 months"),
    "overview.kpi.largest": ("Største betaler", "Largest payer"),
    "overview.kpi.largest_help": (
        "En kommune tæller som én betaler på tværs af alle forvaltninger og indtægtstyper.",
        "A municipality counts as one payer across all its departments and income streams.",
    ),
    "overview.kpi.payers": ("Antal betalere", "Number of payers"),
    "overview.kpi.cash": ("Måneders likviditet", "Months of cash"),
    "overview.kpi.cash_help": (
        "Likvid beholdning ({cash}) divideret med de månedlige omkostninger ({costs}).",
        "Cash at bank ({cash}) divided by monthly costs ({costs}).",
    ),
    "overview.kpi.cash_value": ("{months} mdr.", "{months} months"),
    "overview.mosaic": ("Mosaikøkonomien: indtægter fordelt på typer", "The mosaic: income by stream"),
    "overview.treemap": ("Hvem betaler: indtægtstype → betaler", "Who pays: stream → payer"),
    "overview.monthly": ("Indtægter pr. måned", "Income per month"),
    "overview.largest_caption": ("{payer}: {share} af indtægterne", "{payer}: {share} of income"),
}
