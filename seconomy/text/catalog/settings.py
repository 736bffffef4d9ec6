"""Texts of the settings page: every setting's name, help and problems in Danish and English.

The English help of ``seconomy.settings.SETTINGS`` stays the README's and the CLI's; the page shows these.
"""

TEXTS = {
    "settings.title": ("Indstillinger", "Settings"),
    "settings.intro": ("Indstillingerne gemmes i databasen og gælder for alle brugere af den.",
                       "Settings are stored in the database and apply to everyone who uses it."),
    "settings.save": ("Gem indstillinger", "Save settings"),
    "settings.saved": ("Indstillingerne er gemt.", "Settings saved."),
    "settings.invalid": ("Indstillingerne blev ikke gemt: ret felterne, der er markeret med rødt.",
                         "Settings were not saved: correct the fields marked in red."),
    "settings.table": ("Alle indstillinger", "All settings"),
    "settings.col.name": ("Indstilling", "Setting"),
    "settings.col.value": ("Værdi", "Value"),
    "settings.col.default": ("Standard", "Default"),
    "settings.col.help": ("Betydning", "Meaning"),
    "settings.database": ("Database", "Database"),
    "settings.database_caption": ("Fil: {path} · skemaversion {version} · {entries} indtægtsposter ({first} – {last})",
                                  "File: {path} · schema version {version} · {entries} income entries ({first} – {last})"),
    "settings.section.enterprise": ("Virksomheden", "The enterprise"),
    "settings.section.cash": ("Likviditet", "Cash"),
    "settings.section.risk": ("Koncentrationsrisiko", "Concentration risk"),
    "settings.section.grants": ("Fondsansøgninger", "Grant applications"),
    "settings.section.effect": ("Dokumenteret effekt", "Documented effect"),
    "settings.cash_date_empty": ("Tom: den sidste dato med data.", "Empty: the last date with data."),
    "settings.value.empty": ("–", "–"),
    "settings.value.last_date": ("sidste dato med data", "last date with data"),
    "settings.language.da": ("Dansk", "Danish"),
    "settings.language.en": ("Engelsk", "English"),
    "error.settings.not_saved": ("Indstillingerne blev ikke gemt.", "The settings were not saved."),
    "setting.err.unknown": ("ukendt indstilling", "unknown setting"),
    "setting.err.number": ("skal være et tal, fx 1.500 eller 1.500,5", "must be a number, e.g. 1,500 or 1,500.5"),
    "setting.err.integer": ("skal være et helt tal", "must be a whole number"),
    "setting.err.amount": ("skal være et beløb i kroner, fx 250.000 eller 250.000,50",
                           "must be an amount in kroner, e.g. 250,000 or 250,000.50"),
    "setting.err.share": ("skal være en andel, fx 35 %, 35 eller 0,35", "must be a share, e.g. 35%, 35 or 0.35"),
    "setting.err.date": ("skal være en dato eller tom", "must be a date or empty"),
    "setting.err.language": ("skal være dansk eller engelsk", "must be Danish or English"),
    "setting.err.hhi_order": ("skal være større end grænsen for moderat koncentration og højst 10.000",
                              "must be above the moderate limit and at most 10,000"),
    "setting.err.share_order": ("skal være større end andelen for en stor kunde og højst 100 %",
                                "must be above the major customer's share and at most 100%"),
    "setting.err.share_range": ("skal være mellem 0 % og 100 %", "must be between 0% and 100%"),
    "setting.err.negative": ("må ikke være negativ", "must not be negative"),
    "setting.err.months_range": ("skal være 1 til 120 måneder", "must be 1 to 120 months"),
    "setting.err.years_range": ("skal være 1 til 50 år", "must be 1 to 50 years"),
    "setting.dataset.demo": ("demodata", "demo data"),
    "setting.dataset.own": ("egne data", "own data"),
    "setting.dataset.empty": ("tom", "empty"),
    # every setting: its name (the field's label) and its help
    "setting.opening_cash": ("Likvid beholdning (kr.)", "Cash at bank (DKK)"),
    "setting.opening_cash.help": ("Pengene i banken på datoen nedenfor. Prognosen regner likviditeten frem herfra.",
                                  "The money in the bank on the date below. The forecast rolls the cash forward from it."),
    "setting.cash_date": ("Opgjort pr. dato", "Cash as of"),
    "setting.cash_date.help": ("Den dato beholdningen gælder. Uden dato bruges den sidste dato med data.",
                               "The date the cash refers to. Without a date the last date with data is used."),
    "setting.hhi_moderate": ("HHI: moderat koncentration fra", "HHI: moderate concentration from"),
    "setting.hhi_moderate.help": ("Herfindahl-Hirschman-indeks (0–10.000), hvorfra koncentrationen kaldes moderat. "
                                  "Standard 1.500 som i de amerikanske fusionsretningslinjer fra 2010.",
                                  "The Herfindahl-Hirschman index (0–10,000) from which concentration is called moderate. "
                                  "Default 1,500 as in the US merger guidelines of 2010."),
    "setting.hhi_high": ("HHI: høj koncentration over", "HHI: high concentration above"),
    "setting.hhi_high.help": ("HHI, over hvilket koncentrationen kaldes høj (standard 2.500).",
                              "The HHI above which concentration is called high (default 2,500)."),
    "setting.major_share": ("Stor kunde fra andel", "Major customer from share"),
    "setting.major_share.help": ("Andel af indtægterne, hvorfra en betaler er en stor kunde (IFRS 8's 10 %-regel).",
                                 "The share of income from which a payer is a major customer (IFRS 8's 10% rule)."),
    "setting.critical_share": ("Kritisk kunde fra andel", "Critical customer from share"),
    "setting.critical_share.help": ("Andel af indtægterne, hvorfra en betaler er kritisk: mister I den, mister I så meget.",
                                    "The share of income from which a payer is critical: lose it and you lose that much."),
    "setting.language": ("Standardsprog", "Default language"),
    "setting.language.help": ("Sproget, appen åbner på. Hver bruger kan skifte i sidepanelet; valget står i adressen (?lang=).",
                              "The language the app opens in. Each user can switch in the sidebar; the choice is kept in the "
                              "address (?lang=)."),
    "setting.enterprise_name": ("Virksomhedens navn", "Enterprise name"),
    "setting.enterprise_name.help": ("Vises i overskrifter og på bestyrelsesrapporten. En kontolinje med navnet er en "
                                     "overførsel mellem egne konti.",
                                     "Shown in headers and on the board report. A bank line naming it is a transfer between "
                                     "own accounts."),
    "setting.cvr": ("CVR-nummer", "CVR number"),
    "setting.cvr.help": ("Virksomhedens CVR-nummer (8 cifre); en kontolinje med det er en overførsel mellem egne konti.",
                         "The enterprise's CVR number (8 digits); a bank line naming it is a transfer between own accounts."),
    "setting.own_accounts": ("Egne kontonumre", "Own account numbers"),
    "setting.own_accounts.help": ("Virksomhedens egne kontonumre, adskilt med komma. Overførsler mellem dem er hverken "
                                  "indtægt eller omkostning.",
                                  "The enterprise's own account numbers, comma-separated. Transfers between them are neither "
                                  "income nor costs."),
    "setting.dataset": ("Datasæt", "Data set"),
    "setting.dataset.help": ("Demodata, mens databasen har demovirksomheden; egne data efter den første egne import.",
                             "Demo data while the database holds the demo enterprise; own data after the first own import."),
    "setting.stage_probability_idea": ("Sandsynlighed: idé", "Probability: idea"),
    "setting.stage_probability_idea.help": ("Chancen for, at en ansøgning, der stadig er en idé, bliver bevilget.",
                                            "The chance that an application still at the idea stage is granted."),
    "setting.stage_probability_drafting": ("Sandsynlighed: under udarbejdelse", "Probability: drafting"),
    "setting.stage_probability_drafting.help": ("Chancen for, at en ansøgning, der skrives, bliver bevilget.",
                                                "The chance that an application being written is granted."),
    "setting.stage_probability_submitted": ("Sandsynlighed: indsendt", "Probability: submitted"),
    "setting.stage_probability_submitted.help": ("Chancen for, at en indsendt ansøgning bliver bevilget.",
                                                 "The chance that a submitted application is granted."),
    "setting.stage_probability_shortlisted": ("Sandsynlighed: i sidste runde", "Probability: shortlisted"),
    "setting.stage_probability_shortlisted.help": ("Chancen for, at en ansøgning i sidste runde bliver bevilget.",
                                                   "The chance that a shortlisted application is granted."),
    "setting.grant_target": ("Mål for dækning af finansieringsbehovet", "Target for covering the funding gap"),
    "setting.grant_target.help": ("Den sandsynlighed for at dække årets finansieringsbehov, som kombinationen af ansøgninger "
                                  "skal nå.",
                                  "The probability of covering the year's funding gap that the mix of applications should "
                                  "reach."),
    "setting.max_grant_share": ("Højeste andel fra bevillinger", "Highest share from grants"),
    "setting.max_grant_share.help": ("Advarsel, når bevillinger ville blive mere end denne andel af årets indtægter.",
                                     "Warn when grants would be more than this share of the year's income."),
    "setting.max_funder_share": ("Højeste andel fra én fond", "Highest share from one funder"),
    "setting.max_funder_share.help": ("Advarsel, når én fond ville betale mere end denne andel af indtægterne.",
                                      "Warn when one funder would pay more than this share of income."),
    "setting.effect_horizon_months": ("Business case: måneder med besparelse", "Business case: months of saving"),
    "setting.effect_horizon_months.help": ("Måneder efter en afgang til job eller uddannelse, hvor den sparede ydelse tælles.",
                                           "Months after an exit to work or education over which the saved benefit is counted."),
    "setting.effect_persistence": ("Business case: andel der bliver i job", "Business case: share that stays off benefit"),
    "setting.effect_persistence.help": ("Andel af de måneder, borgeren bliver ude af ydelse; 75 % tæller 9 af 12 måneder.",
                                        "Share of those months the citizen stays off benefit; 75% counts 9 of 12 months."),
    "setting.effect_flexjob_share": ("Business case: besparelse ved fleksjob", "Business case: saving of a flexjob"),
    "setting.effect_flexjob_share.help": ("Andel af ydelsen, en afgang til fleksjob sparer; kommunen betaler stadig "
                                          "fleksløntilskud, så omtrent halvdelen af besparelsen bliver tilbage.",
                                          "Share of the benefit a flexjob exit saves; the municipality still pays the flexjob "
                                          "wage subsidy, so about half of the saving remains."),
    "setting.effect_benefit_cash": ("Business case: kontanthjælp pr. måned (kr.)", "Business case: cash benefit per month (DKK)"),
    "setting.effect_benefit_cash.help": ("Kontanthjælp sparet pr. måned pr. afgang fra virksomhedspraktik, løntilskud, mentor "
                                         "m.fl. Standard: 2025-satsen for en person over 30 uden børn (ca. 12.500–13.000 kr. "
                                         "før skat, Beskæftigelsesministeriet), afrundet; tjek den gældende sats.",
                                         "Cash benefit (kontanthjælp) saved per month per exit from virksomhedspraktik, "
                                         "løntilskud, mentor and other schemes. Default: the 2025 rate for a person over 30 "
                                         "without children (about 12,500–13,000 DKK before tax), rounded; check the current rate."),
    "setting.effect_benefit_resource": ("Business case: ressourceforløbsydelse pr. måned (kr.)",
                                        "Business case: resource benefit per month (DKK)"),
    "setting.effect_benefit_resource.help": ("Ressourceforløbsydelse sparet pr. måned pr. afgang fra et ressourceforløb eller "
                                             "jobafklaringsforløb. Standard: kontanthjælpsniveauet, den følger; tjek den gældende "
                                             "sats.",
                                             "Ressourceforløbsydelse saved per month per exit from a ressourceforløb or "
                                             "jobafklaringsforløb. Default: the kontanthjælp level it follows; check the "
                                             "current rate."),
    "setting.effect_benefit_youth": ("Business case: uddannelseshjælp pr. måned (kr.)", "Business case: youth benefit per month (DKK)"),
    "setting.effect_benefit_youth.help": ("Uddannelseshjælp (under 30, udeboende) sparet pr. måned pr. afgang fra STU. "
                                          "Standard ca. 7.000 kr. før skat; tjek den gældende sats. § 103 og § 104 sparer "
                                          "ingen ydelse (borgeren beholder pensionen).",
                                          "Youth benefit (uddannelseshjælp, under 30, living away from home) saved per month "
                                          "per exit from STU. Default about 7,000 DKK before tax; check the current rate. "
                                          "§ 103 and § 104 save no benefit (the citizen keeps the pension)."),
    "setting.effect_scale": ("Skala for progression", "Progression scale"),
    "setting.effect_scale.help": ("Navnet på skalaen for progressionsscorerne, fx »1-10 selvvurdering«.",
                                  "The name of the scale of the progression scores, e.g. '1-10 self-assessment'."),
    "setting.placement_retention_years": ("Forløb slettes efter (år)", "Delete placements after (years)"),
    "setting.placement_retention_years.help": ("Forløb, der sluttede for mere end så mange år siden, tilbydes slettet "
                                               "(databeskyttelse: gem ikke længere end nødvendigt).",
                                               "Placements that ended more than this many years ago are offered for deletion "
                                               "(privacy: keep no longer than needed)."),
    "settings.section.forecast": ("Prognose: betalingsfrister, moms og fornyelser", "Forecast: payment terms, VAT and renewals"),
    "settings.section.safety": ("Sikkerhed", "Safety"),
    "settings.vat_period.monthly": ("Månedlig", "Monthly"),
    "settings.vat_period.quarterly": ("Kvartalsvis", "Quarterly"),
    "settings.vat_period.half_yearly": ("Halvårlig", "Half-yearly"),
    "setting.err.days_range": ("skal være 0 til 365 dage", "must be 0 to 365 days"),
    "setting.err.recurring_range": ("skal være 1 til 12 måneder", "must be 1 to 12 months"),
    "setting.err.vat_period": ("skal være månedlig, kvartalsvis eller halvårlig", "must be monthly, quarterly or half-yearly"),
    "setting.err.vat_stream": ("ukendt indtægtstype ({value})", "unknown income stream ({value})"),
    "setting.err.backups_range": ("skal være 0 til 100", "must be 0 to 100"),
    "setting.err.upload_range": ("skal være 1 til 1.000 MB (serverens loft)", "must be 1 to 1,000 MB (the server's ceiling)"),
    "setting.err.too_large": ("er for stort (højst 999.999.999.999,99 kr.)", "is too large (at most DKK 999,999,999,999.99)"),
    "setting.err.cpr": ("indeholder et CPR-nummer; CPR-numre gemmes aldrig", "contains a CPR number: CPR numbers are never stored"),
    "setting.recurring_min_months": ("Fast indtægt: mindst så mange af de seneste 12 måneder",
                                     "Recurring income: at least this many of the last 12 months"),
    "setting.recurring_min_months.help": (
        "En indtægt uden aftale regnes med i prognosen hver måned, når den er kommet i mindst så mange af de seneste "
        "12 hele måneder; ellers er den et engangsbeløb (som kan tælles med på siden Budgetscenarier).",
        "Income without an agreement recurs in the forecast when it came in at least this many of the last 12 complete "
        "months; otherwise it is a one-off (which can be counted in on the Budget scenarios page)."),
    "setting.payment_days_municipal_contract": ("Betalingsfrist, kommunale kontrakter (dage)",
                                                "Payment term, municipal contracts (days)"),
    "setting.payment_days_municipal_contract.help": (
        "Dage efter månedens udgang, til kommunen betaler en kontrakts faktura (typisk 30). En aftale med egen frist "
        "bruger sin egen.", "Days after the month until a municipality pays a contract's invoice (typically 30). An "
        "agreement with its own term uses that."),
    "setting.payment_days_wage_subsidy": ("Betalingsfrist, løntilskud og refusion (dage)",
                                          "Payment term, wage subsidies (days)"),
    "setting.payment_days_wage_subsidy.help": ("Dage efter månedens udgang, til jobcentret udbetaler løntilskud eller refusion.",
                                               "Days after the month until the jobcentre pays a wage subsidy or refusion."),
    "setting.payment_days_product_sale": ("Betalingsfrist, salg (dage)", "Payment term, product sales (days)"),
    "setting.payment_days_product_sale.help": ("Dage efter månedens udgang, til salget er betalt (0: i måneden).",
                                               "Days after the month until product sales are paid (0: in the month)."),
    "setting.payment_days_foundation_grant": ("Betalingsfrist, fondsbevillinger (dage)",
                                              "Payment term, foundation grants (days)"),
    "setting.payment_days_foundation_grant.help": ("Dage efter måneden, til fondens udbetaling er på kontoen.",
                                                   "Days after the month until a foundation's disbursement arrives."),
    "setting.payment_days_public_grant": ("Betalingsfrist, puljer (dage)", "Payment term, public pools (days)"),
    "setting.payment_days_public_grant.help": ("Dage efter måneden, til puljens udbetaling er på kontoen.",
                                               "Days after the month until a public pool's disbursement arrives."),
    "setting.payment_days_other": ("Betalingsfrist, andet (dage)", "Payment term, other income (days)"),
    "setting.payment_days_other.help": ("Dage efter måneden, til anden indtægt er på kontoen.",
                                        "Days after the month until other income arrives."),
    "setting.vat_streams": ("Momspligtige indtægtstyper", "VAT-able income streams"),
    "setting.vat_streams.help": (
        "Indtægter med moms; momsen er på kontoen, til den betales til Skattestyrelsen ved periodens frist.",
        "Income streams with VAT; their VAT sits in the bank until it is paid to the tax agency at the period's deadline."),
    "setting.vat_rate": ("Momssats", "VAT rate"),
    "setting.vat_rate.help": ("Momssatsen på momspligtigt salg (25 % i Danmark).", "The VAT rate on VAT-able sales (25 % in Denmark)."),
    "setting.vat_period": ("Momsperiode", "VAT period"),
    "setting.vat_period.help": (
        "Hvor ofte momsen afregnes: månedlig, kvartalsvis eller halvårlig (de fleste små virksomheder).",
        "How often VAT is settled: monthly, quarterly or half-yearly (most small enterprises)."),
    "setting.renewal_correlation": ("Monte Carlo: kommunens beslutninger hænger sammen",
                                    "Monte Carlo: one municipality's decisions go together"),
    "setting.renewal_correlation.help": (
        "Hvor tæt en kommunes fornyelser og besparelser i et budgetår følger hinanden: 100 % én budgetbeslutning "
        "afgør dem alle, 0 % uafhængige.", "How closely one municipality's renewals and cuts in a budget year go "
        "together: 100 % one budget decision settles them all, 0 % independent."),
    "setting.backups_kept.help": (
        "Så mange automatiske sikkerhedskopier (før skemaopdatering, fortrydelse og gendannelse) beholdes; 0 slår dem fra.",
        "This many automatic backups (before schema upgrades, undos and restores) are kept; 0 turns them off."),
    "setting.upload_limit_mb.help": (
        "Den største fil siden Data læser (højst 1.000 MB, serverens loft); en større fil afvises før den læses.",
        "The largest file the Data page reads (at most 1,000 MB, the server's ceiling); a larger file is refused before it is read."),
}
