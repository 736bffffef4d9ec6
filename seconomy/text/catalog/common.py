"""Texts shared by every page: navigation, language, streams, banners, units."""

TEXTS = {
    "app.title": ("seconomy", "seconomy"),
    "app.tagline": ("Indtægtsrisiko og budgetscenarier for socialøkonomiske virksomheder",
                    "Income risk and budget scenarios for social-economy enterprises"),
    "nav.overview": ("Overblik", "Overview"),
    "nav.data": ("Data", "Data"),
    "nav.risk": ("Risiko", "Risk"),
    "nav.agreements": ("Aftaler og omkostninger", "Agreements and costs"),
    "nav.scenarios": ("Scenarier", "Scenarios"),
    "nav.settings": ("Indstillinger", "Settings"),
    "lang.da": ("Dansk", "Danish"),
    "lang.en": ("Engelsk", "English"),
    "demo.banner": (
        "**Demodata.** Du ser den opdigtede virksomhed *{name}*. Tallene er ikke dine egne; "
        "importér din egen bogføring under *Data* for at starte forfra.",
        "**Demo data.** You are looking at the fictional enterprise *{name}*. These are not your "
        "figures; import your own ledger under *Data* to start clean.",
    ),
    "empty.no_data": ("Databasen har endnu ingen indtægter. Importér en fil under *Data*, eller kør "
                      "`python -m seconomy demo` for demovirksomheden.",
                      "The database has no income yet. Import a file under *Data*, or run "
                      "`python -m seconomy demo` for the demo enterprise."),
    "window.label": ("Periode", "Period"),
    "window.caption": ("{start} – {end}", "{start} – {end}"),
    "download.csv": ("Hent CSV", "Download CSV"),
    "error.store": ("Databasen kunne ikke åbnes: {error}", "The database could not be opened: {error}"),
    "stream.product_sale": ("Produktsalg", "Product sales"),
    "stream.municipal_contract": ("Kommunale kontrakter", "Municipal contracts"),
    "stream.wage_subsidy": ("Løntilskud og refusion", "Wage subsidies"),
    "stream.foundation_grant": ("Fondsbevillinger", "Foundation grants"),
    "stream.public_grant": ("Offentlige puljer", "Public grants"),
    "stream.other": ("Andet", "Other"),
    "col.month": ("Måned", "Month"),
    "col.stream": ("Indtægtstype", "Income stream"),
    "col.payer": ("Betaler", "Payer"),
    "col.amount": ("Beløb (kr.)", "Amount (DKK)"),
    "col.share": ("Andel", "Share"),
    "footer.attribution": (
        "Kommunegrænser: Geodatastyrelsen & Danske Kommuner (FOT, 1:500 000, 2014), via magnuslarsen/geoJSON-Danish-Municipalities.",
        "Municipality borders: Geodatastyrelsen & Danske Kommuner (FOT, 1:500,000, 2014), via magnuslarsen/geoJSON-Danish-Municipalities.",
    ),
}
