"""Texts of the risk page and of the concentration verdict (seconomy.risk.verdicts)."""

TEXTS = {
    "risk.title": ("Risiko: hvem er I afhængige af?", "Risk: whom do you depend on?"),
    "risk.window": ("Periode (fra – til, begge dage med)", "Period (from – to, both days included)"),
    "risk.window_caption": ("{start} – {end}. Standard: de seneste 12 måneder med data (færre, hvis der er mindre historik).",
                            "{start} – {end}. Default: the latest 12 months with data (fewer when the history is shorter)."),
    "risk.by": ("Opdel efter", "Group by"),
    "risk.by.payer": ("Betaler", "Payer"),
    "risk.by.municipality": ("Kommune", "Municipality"),
    "risk.by.stream": ("Indtægtstype", "Income stream"),
    "risk.by.counterparty": ("Modpart", "Counterparty"),
    "risk.by_help": (
        "Betaler: en kommune tæller som én betaler på tværs af alle forvaltninger og betalingstyper. "
        "Modpart: hver forvaltning og hvert jobcenter for sig.",
        "Payer: a municipality counts as one payer across all its departments and payment kinds. "
        "Counterparty: each department and jobcentre on its own.",
    ),
    "risk.verdict_title": ("Vurdering", "Verdict"),
    "risk.kpi.hhi": ("HHI", "HHI"),
    "risk.kpi.hhi_help": ("Herfindahl-Hirschman-indekset: summen af (100 · andel)², fra 0 til 10.000.",
                          "Herfindahl-Hirschman index: the sum of (100 · share)², from 0 to 10,000."),
    "risk.kpi.hhi_municipal_help": ("HHI inden for de kommunale indtægter (andele af kommunale indtægter).",
                                    "HHI within municipal income (shares of municipal income)."),
    "risk.kpi.level": ("Niveau", "Level"),
    "risk.kpi.effective": ("Effektivt antal", "Effective number"),
    "risk.kpi.effective_help": ("10.000 / HHI: så mange lige store betalere svarer koncentrationen til.",
                                "10,000 / HHI: the number of equally large payers with the same concentration."),
    "risk.kpi.top1": ("Største andel", "Top-1 share"),
    "risk.kpi.top3": ("Tre største", "Top-3 share"),
    "risk.kpi.total": ("Indtægter i perioden", "Income in the period"),
    "risk.kpi.municipal": ("Kommunal andel", "Municipal share"),
    "risk.level.low": ("lav", "low"),
    "risk.level.moderate": ("moderat", "moderate"),
    "risk.level.high": ("høj", "high"),
    "risk.level.none": ("–", "–"),
    "risk.pareto": ("Fordeling: andel pr. {by}", "Distribution: share per {by}"),
    "risk.pareto.share": ("Andel", "Share"),
    "risk.pareto.cumulative": ("Akkumuleret andel", "Cumulative share"),
    "risk.pareto.major": ("Stor kunde ({share})", "Major customer ({share})"),
    "risk.pareto.critical": ("Kritisk ({share})", "Critical ({share})"),
    "risk.pareto.others": ("Øvrige ({count})", "Others ({count})"),
    "risk.left_out": ("{count} med negativ netto i perioden (kreditnotaer over salget, i alt {amount}) er udeladt.",
                      "{count} with a negative net in the period (credit notes above sales, {amount} in all) left out."),
    "risk.col.key": ("Navn", "Name"),
    "risk.col.code": ("Kommunekode", "Municipality code"),
    "risk.col.amount": ("Beløb (kr.)", "Amount (DKK)"),
    "risk.col.share": ("Andel", "Share"),
    "risk.col.share_of_municipal": ("Andel af kommunale", "Share of municipal"),
    "risk.col.cumulative": ("Akkumuleret", "Cumulative"),
    "risk.col.major": ("Stor kunde", "Major"),
    "risk.col.critical": ("Kritisk", "Critical"),
    "risk.trend": ("Koncentrationen over tid (rullende 12 måneder)", "Concentration over time (rolling 12 months)"),
    "risk.trend.hhi": ("HHI", "HHI"),
    "risk.trend.top1": ("Største andel", "Top-1 share"),
    "risk.trend.empty": ("Kræver mindst 12 måneders data.", "Needs at least 12 months of data."),
    "risk.map": ("Indtægter pr. kommune", "Income per municipality"),
    "risk.map.colorbar": ("kr.", "DKK"),
    "risk.map.none": ("Ingen indtægt", "No income"),
    "risk.mosaic": ("Mosaikken over tid: indtægtstyper pr. kvartal", "The mosaic over time: income streams per quarter"),
    "risk.mosaic.hhi": ("HHI for typer", "HHI of streams"),
    "risk.exposure": ("Aftaler der udløber de næste 12 måneder", "Agreements ending in the next 12 months"),
    "risk.exposure.caption": (
        "{start} – {end}. Månedlig indtægt fra aktive aftaler, der udløber i måneden; røde søjler er aftaler med en kommune, "
        "hvis fornyelse (slutdato minus opsigelsesvarsel) falder i budgetsæsonen august–oktober.",
        "{start} – {end}. Monthly income of active agreements ending in the month; red bars are agreements with a municipality "
        "whose renewal (end date minus notice) falls in the budget season August–October.",
    ),
    "risk.exposure.ending": ("Udløber", "Ending"),
    "risk.exposure.budget": ("Udløber, fornyelse i budgetsæsonen", "Ending, renewal in the budget season"),
    "risk.exposure.cumulative": ("Månedlig indtægt uden aftale (akkumuleret)", "Monthly income no longer under agreement (cumulative)"),
    "risk.exposure.summary": (
        "Aftaler for {monthly} om måneden ({share} af den gennemsnitlige månedlige indtægt) udløber inden {end}; "
        "{budget} af dem skal fornyes i kommunernes budgetsæson.",
        "Agreements worth {monthly} a month ({share} of average monthly income) end by {end}; "
        "{budget} of them come up for renewal in the municipal budget season.",
    ),
    "risk.exposure.none": ("Ingen aktive aftaler udløber de næste 12 måneder.", "No active agreement ends in the next 12 months."),
    "risk.col.payer": ("Betaler", "Payer"),
    "risk.col.counterparty": ("Modpart", "Counterparty"),
    "risk.col.stream": ("Indtægtstype", "Income stream"),
    "risk.col.end_date": ("Slutdato", "End date"),
    "risk.col.renewal_date": ("Fornyelse senest", "Renewal by"),
    "risk.col.budget_season": ("Budgetsæson", "Budget season"),
    "risk.col.monthly": ("Pr. måned (kr.)", "Per month (DKK)"),
    "risk.col.share_of_income": ("Andel af månedlig indtægt", "Share of monthly income"),
    "risk.calc": ("Spredningsberegner", "Diversification calculator"),
    "risk.calc.payer": ("Betaler", "Payer"),
    "risk.calc.threshold": ("Under andel", "Below share"),
    "risk.calc.threshold_help": ("Den andel, betaleren skal under, fx 25 %, 25 eller 0,25.",
                                 "The share the payer should get below, e.g. 25%, 25 or 0.25."),
    "risk.calc.threshold_range": ("Skriv en andel mellem 1 % og 99 %; beregningen bruger indtil da den kritiske grænse.",
                                  "Enter a share between 1% and 99%; until then the calculation uses the critical limit."),
    "risk.col.id": ("Aftale nr.", "Agreement no."),
    "risk.file.groups": ("risiko_{by}_{start}_{end}", "risk_{by}_{start}_{end}"),
    "risk.file.municipalities": ("risiko_kommuner_{start}_{end}", "risk_municipalities_{start}_{end}"),
    "risk.file.trend": ("risiko_udvikling_{by}_{end}", "risk_trend_{by}_{end}"),
    "risk.file.mosaic": ("risiko_mosaik_{end}", "risk_mosaic_{end}"),
    "risk.file.exposure_months": ("aftaler_der_udloeber_pr_maaned_{start}", "agreements_ending_by_month_{start}"),
    "risk.file.exposure_agreements": ("aftaler_der_udloeber_{start}", "agreements_ending_{start}"),
    "risk.calc.result": (
        "For at bringe **{name}** under {threshold} skal I have **{extra}** mere i indtægt fra andre i perioden "
        "(i dag {before}; bagefter {after}).",
        "To bring **{name}** below {threshold} you need **{extra}** more income from others in the period "
        "(now {before}; afterwards {after}).",
    ),
    "risk.calc.already": ("**{name}** er allerede under {threshold} ({before}).", "**{name}** is already below {threshold} ({before})."),
    "risk.calc.hhi_new": ("HHI: mange nye, små betalere", "HHI: many new small payers"),
    "risk.calc.hhi_one": ("HHI: én ny betaler", "HHI: one new payer"),
    "risk.calc.hhi_grow": ("HHI: de andre vokser", "HHI: the others grow"),
    "risk.calc.hhi_new_help": ("HHI, hvis den ekstra indtægt kommer fra mange nye, små betalere.",
                               "The HHI if the extra income comes from many new small payers."),
    "risk.calc.hhi_one_help": ("HHI, hvis den ekstra indtægt kommer fra én ny betaler.",
                               "The HHI if the extra income comes from one new payer."),
    "risk.calc.hhi_grow_help": ("HHI, hvis de nuværende andre betalere vokser ligeligt.",
                                "The HHI if the other current payers grow in proportion."),
    "risk.calc.help": (
        "Ekstra indtægt X: mindste hele kronebeløb med a / (T + X) < mål, dvs. X = ⌊a/mål − T⌋ + 1 kr. "
        "HHI bagefter = 10.000 · Σaᵢ² / (T + X)² for mange små nye betalere; + 10.000 · X² / (T + X)² for én ny betaler.",
        "Extra income X: the smallest whole-krone amount with a / (T + X) < target, i.e. X = ⌊a/target − T⌋ + 1 kr. "
        "HHI afterwards = 10,000 · Σaᵢ² / (T + X)² for many small new payers; + 10,000 · X² / (T + X)² for one new payer.",
    ),
    "risk.definitions": ("Definitioner", "Definitions"),
    "risk.definitions.text": (
        "- **Periode**: datoerne fra og til, begge med; som standard de seneste 12 hele måneder til og med den sidste måned med data.\n"
        "- **Betaler**: hver kommune er én betaler på tværs af alle forvaltninger og indtægtstyper (forløb, løntilskud, "
        "kantinesalg til kommunen …); enhver anden modpart er sin egen betaler.\n"
        "- **Andel** = gruppens nettobeløb i perioden / summen af grupperne med indtægt. En gruppe uden indtægt i perioden "
        "(netto ≤ 0, fx kreditnotaer over salget) er udeladt af grupperne og HHI, så andelene summerer til 1; de samlede "
        "indtægter tæller den med (samme tal som Overblik).\n"
        "- **HHI** = Σ (100 · andel)², fra 0 til 10.000; **effektivt antal betalere** = 10.000 / HHI; største og tre største andele.\n"
        "- **Niveau**: HHI under {moderate} lav, {moderate}–{high} moderat, over {high} høj (amerikanske fusionsretningslinjer 2010; "
        "grænserne er indstillinger). En betaler med mindst {major} er en *stor kunde* (10 %-reglen i IFRS 8 / ASC 280, hvor en "
        "kommune tæller som én kunde), med mindst {critical} *kritisk*.\n"
        "- **Pr. kommune**: hver kommunes andel af de samlede indtægter, den kommunale andel af de samlede indtægter og HHI "
        "*inden for* de kommunale indtægter (andele af de kommunale indtægter).\n"
        "- **Pr. indtægtstype**: mosaikken — de seks typers andele og deres HHI.\n"
        "- **Aftaler der udløber**: aktive aftaler med slutdato i de 12 måneder efter den sidste måned med data. Månedlig indtægt = "
        "aftalens indtægt efter dens vilkår i de sidste 12 måneder, den er i kraft, pr. måned i kraft (en ugepris tæller dagene), "
        "for en bevilling totalbeløbet / periodens måneder — samme regel som prognosen. Fornyelsen falder i "
        "budgetsæsonen, når betaleren er en kommune, og slutdato minus opsigelsesvarsel ligger i august–oktober.",
        "- **Window**: the dates from and to, both included; by default the trailing 12 full months ending with the last month that has data.\n"
        "- **Payer**: every municipality is ONE payer across all its departments and streams (placements, wage subsidies, "
        "canteen sales to it…); every other counterparty is its own payer.\n"
        "- **Share** = net amount of the group in the window / the sum of the groups with income. A group with no income in the "
        "window (net ≤ 0, e.g. credit notes above sales) is left out of the groups and the HHI, so shares sum to 1; total income "
        "counts it (the same figure as the Overview).\n"
        "- **HHI** = Σ (100 · share)², from 0 to 10,000; **effective number of payers** = 10,000 / HHI; top-1 and top-3 share.\n"
        "- **Level**: HHI below {moderate} low, {moderate}–{high} moderate, above {high} high (US merger guidelines 2010; the bands "
        "are settings). A payer at {major} or more is a *major customer* (the 10 % rule of IFRS 8 / ASC 280, where a "
        "municipality counts as one customer), at {critical} or more *critical*.\n"
        "- **By municipality**: each municipality's share of total income, the municipal share of total income, and the HHI "
        "*within* municipal income (shares of municipal income).\n"
        "- **By stream**: the mosaic — the shares of the six streams and their HHI.\n"
        "- **Agreements ending**: active agreements whose end date falls in the 12 months after the last month with data. Monthly "
        "income = the agreement's income by its terms over its last 12 months in force, per month in force (a weekly price counts "
        "the days), for a grant the total / the months of its period — the forecast's rule. The renewal "
        "falls in the budget season when the payer is a municipality and the end date minus the notice is in August–October.",
    ),
    # The verdict (seconomy.risk.verdicts); {values} are formatted for the language.
    "risk.verdict.no_income": ("Der er ingen indtægter i perioden.", "There is no income in this period."),
    "risk.verdict.top": ("{share} af jeres indtægter kommer fra {name}.", "{share} of your income comes from {name}."),
    "risk.verdict.top_municipal": ("{share} af jeres indtægter kommer fra {name} — alle forvaltninger tilsammen.",
                                   "{share} of your income comes from {name} — all departments together."),
    "risk.verdict.critical": (
        "Det er kritisk: {critical} eller mere fra én betaler. Stopper den med at betale, forsvinder {amount} af periodens indtægter.",
        "That is critical: {critical} or more from one payer. If it stopped paying, {amount} of the period's income would go.",
    ),
    "risk.verdict.major": ("Det gør den til en stor kunde ({major} eller mere, grænsen i IFRS 8).",
                           "That makes it a major customer ({major} or more, the IFRS 8 threshold)."),
    "risk.verdict.no_major": ("Ingen enkelt betaler står for {major} eller mere.", "No single payer provides {major} or more."),
    "risk.verdict.majors": ("{count} {noun} står hver for {major} eller mere; tilsammen {share}.",
                            "{count} {noun} each provide {major} or more; together {share}."),
    "risk.verdict.level.low": ("Samlet er koncentrationen lav: HHI {hhi}, som havde I {effective} lige store {noun}.",
                               "Overall concentration is low: HHI {hhi}, as if you had {effective} equally large {noun}."),
    "risk.verdict.level.moderate": ("Samlet er koncentrationen moderat: HHI {hhi}, som havde I {effective} lige store {noun}.",
                                    "Overall concentration is moderate: HHI {hhi}, as if you had {effective} equally large {noun}."),
    "risk.verdict.level.high": ("Samlet er koncentrationen høj: HHI {hhi}, som havde I kun {effective} lige store {noun}.",
                                "Overall concentration is high: HHI {hhi}, as if you had only {effective} equally large {noun}."),
    "risk.noun.payer": ("betalere", "payers"),
    "risk.noun.counterparty": ("modparter", "counterparties"),
    "risk.noun.stream": ("indtægtstyper", "income streams"),
    "risk.verdict.advice": ("Beregneren nedenfor viser, hvor meget mere indtægt fra andre der skal til for at bringe {name} under {critical}.",
                            "The calculator below shows how much more income from others it takes to bring {name} below {critical}."),
    "risk.verdict.counterparty_note": (
        "Pr. modpart står en kommunes forvaltninger hver for sig; vælg *Betaler* for at se dem samlet.",
        "Per counterparty, a municipality's departments stand apart; choose *Payer* to see them together.",
    ),
    "risk.verdict.stream_top": ("{share} af jeres indtægter er {stream}.", "{share} of your income is {stream}."),
    "risk.verdict.no_municipal": ("Ingen kommune har betalt i perioden.", "No municipality paid in this period."),
    "risk.verdict.municipal": ("{share} af jeres indtægter kommer fra kommuner, {count} i alt.",
                               "{share} of your income comes from municipalities, {count} in all."),
    "risk.verdict.municipal_top": ("{name} står for {share_of} af de kommunale indtægter ({share} af alle indtægter).",
                                   "{name} pays {share_of} of the municipal income ({share} of all income)."),
    "risk.verdict.municipal_level.low": ("Inden for de kommunale indtægter er koncentrationen lav: HHI {hhi} ({effective} lige store kommuner).",
                                         "Within municipal income concentration is low: HHI {hhi} ({effective} equally large municipalities)."),
    "risk.verdict.municipal_level.moderate": ("Inden for de kommunale indtægter er koncentrationen moderat: HHI {hhi} ({effective} lige store kommuner).",
                                              "Within municipal income concentration is moderate: HHI {hhi} ({effective} equally large municipalities)."),
    "risk.verdict.municipal_level.high": ("Inden for de kommunale indtægter er koncentrationen høj: HHI {hhi} (kun {effective} lige store kommuner).",
                                          "Within municipal income concentration is high: HHI {hhi} (only {effective} equally large municipalities)."),
}
