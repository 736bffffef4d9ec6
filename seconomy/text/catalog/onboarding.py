"""Texts of the first-hour checklist."""

TEXTS = {
    "onboarding.title": ("Kom godt i gang med jeres egne tal", "Getting started with your own figures"),
    "onboarding.intro": ("Indtægterne er importeret. Prognosen og scenarierne har brug for lidt mere, før de kan bruges.",
                         "The income is imported. The forecast and the scenarios need a little more before they can be used."),
    "onboarding.name.todo": ("Skriv virksomhedens navn", "Enter the enterprise's name"),
    "onboarding.name.done": ("Virksomhedens navn er på plads", "The enterprise's name is set"),
    "onboarding.name.link": ("Indstillinger", "Settings"),
    "onboarding.cash.todo": ("Angiv likvid beholdning og datoen den gælder for (eller brug saldoen fra en bankfil)",
                             "Enter the cash at bank and the date it refers to (or use the balance of a bank file)"),
    "onboarding.cash.done": ("Likvid beholdning med dato er angivet", "Cash at bank and its date are set"),
    "onboarding.cash.link": ("Likviditet", "Cash"),
    "onboarding.costs.todo": ("Læg de faste omkostninger ind (forslag fra jeres bogførte omkostninger findes under Aftaler)",
                              "Enter the running costs (proposals from your booked costs are on the Agreements page)"),
    "onboarding.costs.done": ("Omkostningerne er lagt ind", "The costs are entered"),
    "onboarding.costs.link": ("Omkostninger", "Costs"),
    "onboarding.agreements.todo": ("Læg aftalerne med de største kommunale betalere ind: {names}",
                                   "Enter the agreements with the largest municipal payers: {names}"),
    "onboarding.agreements.done": ("De største kommunale betalere har en aftale", "The largest municipal payers have an agreement"),
    "onboarding.agreements.link": ("Aftaler", "Agreements"),
    "onboarding.no_costs": ("Der er ingen omkostninger lagt ind endnu, så en prognose ville vise et resultat uden udgifter. "
                            "Læg omkostningerne ind (eller godkend forslagene fra jeres bogførte omkostninger) først.",
                            "No costs are entered yet, so a forecast would show a result without any expenses. Enter the costs "
                            "(or accept the proposals from your booked costs) first."),
}
