"""Texts of the overview page."""

TEXTS = {
    "overview.title": ("Overblik", "Overview"),
    "overview.window": ("Seneste {months} måneder med data: {start} – {end}", "Latest {months} months with data: {start} – {end}"),
    "overview.window.one": ("Den ene måned med data: {start} – {end}", "The one month with data: {start} – {end}"),
    "overview.kpi.income": ("Indtægter, {months} mdr.", "Income, {months} months"),
    "overview.kpi.income.one": ("Indtægter, 1 md.", "Income, 1 month"),
    "overview.kpi.costs": ("Omkostninger, {months} mdr.", "Costs, {months} months"),
    "overview.kpi.costs.one": ("Omkostninger, 1 md.", "Costs, 1 month"),
    "overview.kpi.costs_help": ("De bogførte omkostninger i perioden, fra kontoudtog eller SAF-T-filer.",
                                "The costs booked in the period, from bank statements or SAF-T files."),
    "overview.kpi.costs_none": ("Ingen bogførte omkostninger er importeret. Importér et kontoudtog eller en SAF-T-fil, "
                                "så vises omkostninger og resultat her.",
                                "No booked costs have been imported. Import a bank statement or a SAF-T file to see costs "
                                "and the result here."),
    "overview.kpi.costs_planned_help": (
        "Ingen bogførte omkostninger er importeret: omkostningslinjerne fra Aftaler og omkostninger for periodens måneder "
        "(variable omkostninger som deres andel af månedens indtægt). Importér et kontoudtog eller en SAF-T-fil for de "
        "faktiske tal.",
        "No booked costs have been imported: the cost lines from Agreements and costs over the period's months (variable "
        "costs as their share of the month's income). Import a bank statement or a SAF-T file for the actual figures."),
    "overview.kpi.result": ("Resultat", "Result"),
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
    "overview.file.treemap": ("indtaegter_pr_type_og_betaler", "income_by_stream_and_payer"),
    "overview.file.monthly": ("indtaegter_pr_maaned", "income_by_month"),
    "overview.largest_caption": ("{payer}: {share} af indtægterne", "{payer}: {share} of income"),
}
