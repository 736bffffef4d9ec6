"""Texts of the Grant planner page: pipeline, gap and coverage, mix, mosaic, track record, calendar and cliff."""

TEXTS = {
    "nav.grants": ("Fondsansøgninger", "Grant planner"),
    "grants.title": ("Fondsansøgninger", "Grant planner"),
    "grants.intro": (
        "Ansøgninger til fonde og puljer: hvor stort finansieringsbehovet er i året, hvor sandsynligt det er at "
        "ansøgningerne dækker det, hvilke ansøgninger der er værd at gå efter – og hvad bevillingerne gør ved "
        "afhængigheden af de enkelte betalere.",
        "Applications to foundations and public pools: how large the year's funding gap is, how likely the "
        "applications are to cover it, which applications are worth going for — and what the grants do to the "
        "dependency on single payers.",
    ),
    "grants.tab.plan": ("Plan for året", "The year's plan"),
    "grants.tab.pipeline": ("Ansøgninger", "Applications"),
    "grants.tab.track": ("Erfaringer", "Track record"),
    "grants.tab.calendar": ("Kalender og bevillingsklippe", "Calendar and grant cliff"),
    "grants.no_forecast": ("Der er endnu ingen indtægter at lave en prognose ud fra. Importér bogføringen under *Data* "
                           "– ansøgningerne kan du allerede føre under *Ansøgninger*.",
                           "There is no income to forecast from yet. Import the ledger under *Data* — you can already "
                           "keep the applications under *Applications*."),
    "grants.plan_error": ("Planen kunne ikke beregnes: {error}", "The plan could not be computed: {error}"),
    # inputs
    "grants.year": ("År", "Year"),
    "grants.year_help": ("Året finansieringsbehovet gælder. Som udgangspunkt året for prognosens første måned, hvis "
                         "mindst 6 af dets måneder er tilbage, ellers året efter.",
                         "The year the funding gap is for. By default the year of the forecast's first month if at "
                         "least 6 of its months are ahead, else the next year."),
    "grants.scenario": ("Scenarie", "Scenario"),
    "grants.scenario_help": ("Bestyrelsens gemte scenarier fra *Scenarier*, eller basisprognosen.",
                             "The board's saved scenarios from *Scenarios*, or the baseline forecast."),
    "grants.baseline": ("Basisprognose", "Baseline forecast"),
    "grants.gap_override": ("Eget finansieringsbehov (hvad nu hvis)", "Own funding gap (what-if)"),
    "grants.gap_placeholder": ("tom: fra prognosen", "empty: from the forecast"),
    "grants.gap_help": ("Skriv et beløb, fx 450.000, for at regne med et andet behov end prognosens.",
                        "Type an amount, e.g. 450,000, to plan for another gap than the forecast's."),
    "grants.gap_invalid": ("Ikke et beløb – prognosens behov bruges.", "Not an amount — the forecast's gap is used."),
    "grants.target": ("Mål for sandsynlighed", "Target probability"),
    "grants.target_help": ("Hvor sikkert skal behovet være dækket? Mixet er det mindste sæt ansøgninger, der når målet.",
                           "How sure should the gap be covered? The mix is the smallest set of applications that "
                           "reaches the target."),
    # headline
    "grants.metric.gap": ("Finansieringsbehov {year}", "Funding gap {year}"),
    "grants.metric.gap_given": ("Finansieringsbehov {year} (eget)", "Funding gap {year} (own)"),
    "grants.metric.gap_help": ("Omkostninger minus forventede indtægter uden de åbne ansøgninger.",
                               "Costs minus expected income without the open applications."),
    "grants.metric.expected": ("Forventet fra ansøgninger", "Expected from applications"),
    "grants.metric.expected_help": ("Summen af sandsynlighed × årets beløb for de åbne ansøgninger.",
                                    "The sum of probability × the year's amount of the open applications."),
    "grants.metric.p_cover": ("Chance for dækning", "Chance of covering"),
    "grants.metric.p_cover_help": ("Den præcise sandsynlighed for, at de åbne ansøgninger tilsammen giver mindst "
                                   "behovet (uafhængige afgørelser).",
                                   "The exact probability that the open applications together bring at least the "
                                   "gap (independent decisions)."),
    "grants.metric.p_mix": ("Med det valgte mix", "With the chosen mix"),
    "grants.metric.p_mix_help": ("Sandsynligheden med kun de {n} valgte ansøgninger.",
                                 "The probability with only the {n} chosen applications."),
    "grants.gap_caption": ("{scenario} – omkostninger: {costs} · forventede indtægter uden ansøgningerne: {income}",
                           "{scenario} — costs: {costs} · expected income without the applications: {income}"),
    "grants.actual_months": (
        "Årets første {months} måneder ligger før prognosen (som starter {first}): for dem bruges de faktiske "
        "indtægter fra bogføringen og omkostningerne fra omkostningslisten.",
        "The year's first {months} months come before the forecast (which starts {first}): for them the actual "
        "income from the ledger and the costs of the cost lines are used.",
    ),
    "grants.surplus": ("Ingen finansieringsbehov: året giver et overskud på {amount} uden ansøgningerne.",
                       "No funding gap: the year has a surplus of {amount} without the applications."),
    "grants.upcoming": ("De næste {days} dage", "The next {days} days"),
    "grants.upcoming_none": ("Ingen frister, svar eller afrapporteringer de næste {days} dage.",
                             "No deadlines, decisions or reports in the next {days} days."),
    "grants.days_left": ("om {days} dage", "in {days} days"),
    "grants.deadline.passed": ("fristen er overskredet", "deadline passed"),
    "grants.col.deadline_state": ("Frist", "Deadline"),
    "grants.file.track": ("bevillingshistorik", "track_record"),
    "grants.event.deadline": ("Ansøgningsfrist", "Application deadline"),
    "grants.event.decision": ("Svar", "Decision"),
    "grants.event.report": ("Afrapportering", "Report due"),
    # what if, coverage, mix
    "grants.whatif.title": ("Åbne ansøgninger i året – sæt kryds ved 'Hvis vi vinder' for at regne med en bevilling",
                            "Open applications in the year — tick 'If we win' to count one as granted"),
    "grants.no_open": ("Ingen åbne ansøgninger. Tilføj dem under *Ansøgninger*.",
                       "No open applications. Add them under *Applications*."),
    "grants.coverage.title": ("Hvor meget giver ansøgningerne i {year}?", "How much do the applications bring in {year}?"),
    "grants.coverage.pipeline": ("Alle åbne ansøgninger", "All open applications"),
    "grants.coverage.mix": ("Det valgte mix", "The chosen mix"),
    "grants.coverage.x": ("Mindst dette beløb i året", "At least this much in the year"),
    "grants.coverage.y": ("Sandsynlighed", "Probability"),
    "grants.coverage.gap": ("Behov {amount}", "Gap {amount}"),
    "grants.coverage.hover": ("Mindst {amount}: {p}", "At least {amount}: {p}"),
    "grants.method.grid": ("Præcis fordeling (dynamisk programmering på øre over beløbenes fælles divisor), ikke "
                           "simulering. Kurven aflæst ved behovet er sandsynligheden for at dække det.",
                           "Exact distribution (dynamic programming in øre over the amounts' common divisor), not "
                           "sampling. The curve read at the gap is the probability of covering it."),
    "grants.method.sparse": ("Præcis fordeling (alle mulige summer), ikke simulering. Kurven aflæst ved behovet er "
                             "sandsynligheden for at dække det.",
                             "Exact distribution (every possible sum), not sampling. The curve read at the gap is the "
                             "probability of covering it."),
    "grants.method.split": ("Præcis fordeling (ansøgningerne i to halvdele, der kombineres eksakt), ikke simulering.",
                            "Exact distribution (the applications in two halves, combined exactly), not sampling."),
    "grants.mix.title": ("Mixet: de ansøgninger, der er værd at gå efter", "The mix: the applications worth going for"),
    "grants.mix.reached": ("{n} ansøgninger dækker behovet med {p} sandsynlighed – målet var {target}.",
                           "{n} applications cover the gap with {p} probability — the target was {target}."),
    "grants.mix.hours": (" Der er {hours} arbejde tilbage på dem.", " They need {hours} more work."),
    "grants.mix.not_reached": (
        "Ingen kombination når målet på {target}: selv alle {n} ansøgninger giver kun {p}. Mixet er derfor alle "
        "ansøgningerne – find flere, eller sænk målet.",
        "No combination reaches the target of {target}: even all {n} applications give only {p}. The mix is "
        "therefore all of them — find more, or lower the target.",
    ),
    "grants.mix.no_gap": ("Der er intet behov at dække – ingen ansøgning er nødvendig i året.",
                          "There is no gap to cover — no application is needed in the year."),
    "grants.mix.method.exact": ("Præcist valgt (alle kombinationer gennemsøgt med branch and bound).",
                                "Chosen exactly (every combination searched by branch and bound)."),
    "grants.mix.method.heuristic": ("Valgt med en heuristik (grådig søgning; over 20 ansøgninger er den præcise søgning "
                                    "for tung) – mixet er godt, men ikke bevist det mindste.",
                                    "Chosen by a heuristic (greedy search; above 20 applications the exact search is "
                                    "too heavy) — a good mix, not proven the smallest."),
    "grants.mix.objective.effort": ("Mindst samlet arbejdstid, da alle ansøgninger har timer angivet.",
                                    "Least total effort, as every application has its hours entered."),
    "grants.mix.objective.count": ("Færrest ansøgninger (ikke alle har timer angivet).",
                                   "Fewest applications (not every one has its hours entered)."),
    "grants.hours": ("{hours} timer", "{hours} hours"),
    # mosaic
    "grants.mosaic.title": ("Mosaikeffekten: afhængighed før og efter mixet", "The mosaic effect: dependency before and after the mix"),
    "grants.mosaic.hhi": ("Betaler-HHI efter", "Payer HHI after"),
    "grants.mosaic.hhi_help": ("Herfindahl-indekset over årets forventede indtægter pr. betaler, beregnet som på "
                               "siden Risiko (0–10.000; en kommune er én betaler).",
                               "The Herfindahl index of the year's expected income per payer, computed as on the Risk "
                               "page (0–10,000; a municipality is one payer)."),
    "grants.mosaic.grant_share": ("Bevillingernes andel efter", "Grant share after"),
    "grants.mosaic.largest": ("Største bevillingsgivers andel efter", "Largest funder's share after"),
    "grants.mosaic.largest_help": ("Den største fond eller pulje som andel af årets indtægter (en kommunal pulje "
                                   "tæller med kommunens øvrige indtægter).",
                                   "The largest foundation or pool as a share of the year's income (a municipal pool "
                                   "counts with the municipality's other income)."),
    "grants.mosaic.largest_caption": ("Største bevillingsgiver efter: {funder} (før: {before}).",
                                      "Largest funder after: {funder} (before: {before})."),
    "grants.mosaic.before": ("Før", "Before"),
    "grants.mosaic.after": ("Efter", "After"),
    "grants.mosaic.as_if_won": ("'Efter' regner med, at hele mixet bevilges (årets beløb lagt til fondens eller "
                                "puljens betaler), ikke med sandsynlighedsvægtede beløb.",
                                "'After' assumes the whole mix is granted (the year's amounts added to the funder's "
                                "payer), not probability-weighted amounts."),
    "grants.pp": ("{value} procentpoint", "{value} pp"),
    "grants.warn.grant_share": ("Bevillinger ville udgøre {share} af årets indtægter – mere end grænsen på {limit}.",
                                "Grants would be {share} of the year's income — more than the limit of {limit}."),
    "grants.warn.funder_share": ("{funder} ville betale {share} af årets indtægter – mere end grænsen på {limit}.",
                                 "{funder} would pay {share} of the year's income — more than the limit of {limit}."),
    "grants.download_json": ("Hent planen som JSON", "Download the plan as JSON"),
    # columns
    "grants.col.id": ("Nr.", "No."),
    "grants.col.won": ("Hvis vi vinder", "If we win"),
    "grants.col.won_help": ("Regn med, at ansøgningen bevilges (sandsynlighed 100 %).",
                            "Count the application as granted (probability 100%)."),
    "grants.col.funder": ("Fond eller pulje", "Funder"),
    "grants.col.project": ("Projekt", "Project"),
    "grants.col.stage": ("Fase", "Stage"),
    "grants.col.p": ("Sandsynlighed", "Probability"),
    "grants.col.p_used": ("Regnes med", "Counted with"),
    "grants.col.p_used_help": ("Ansøgningens egen sandsynlighed, ellers fasens standard (Indstillinger).",
                               "The application's own probability, else its stage's default (Settings)."),
    "grants.col.year_amount": ("Beløb i {year}", "Amount in {year}"),
    "grants.col.expected": ("Forventet", "Expected"),
    "grants.col.effort": ("Arbejde tilbage", "Work left"),
    "grants.col.agreement": ("Aftale", "Agreement"),
    "grants.col.date": ("Dato", "Date"),
    "grants.col.days": ("Hvornår", "When"),
    "grants.col.event": ("Hvad", "What"),
    "grants.col.line": ("Linje", "Line"),
    "grants.col.column": ("Kolonne", "Column"),
    "grants.col.value": ("Værdi", "Value"),
    "grants.col.reason": ("Problem", "Problem"),
    # stages and kinds
    "grants.stage.idea": ("Idé", "Idea"),
    "grants.stage.drafting": ("Under udarbejdelse", "Drafting"),
    "grants.stage.submitted": ("Indsendt", "Submitted"),
    "grants.stage.shortlisted": ("Shortlistet", "Shortlisted"),
    "grants.stage.granted": ("Bevilget", "Granted"),
    "grants.stage.rejected": ("Afslået", "Rejected"),
    "grants.kind.foundation": ("Fond", "Foundation"),
    "grants.kind.public_pool": ("Offentlig pulje", "Public pool"),
    # fields
    "grants.field.id": ("Nr.", "No."),
    "grants.field.funder": ("Fond eller pulje", "Funder"),
    "grants.field.funder_kind": ("Type", "Kind"),
    "grants.field.project": ("Projekt", "Project"),
    "grants.field.amount": ("Ansøgt beløb (kr.)", "Amount applied for (DKK)"),
    "grants.field.start_date": ("Start", "Start"),
    "grants.field.end_date": ("Slut", "End"),
    "grants.field.schedule": ("Udbetaling", "Disbursement"),
    "grants.field.stage": ("Fase", "Stage"),
    "grants.field.probability": ("Egen sandsynlighed", "Own probability"),
    "grants.field.probability_pct": ("Egen sandsynlighed (%)", "Own probability (%)"),
    "grants.field.deadline": ("Ansøgningsfrist", "Application deadline"),
    "grants.field.decision_date": ("Svardato", "Decision date"),
    "grants.field.effort_hours": ("Timer tilbage", "Hours left"),
    "grants.field.report_due": ("Afrapportering", "Report due"),
    "grants.field.restrictions": ("Bindinger", "Restrictions"),
    # pipeline editing
    "grants.pipeline.empty": ("Ingen ansøgninger endnu. Tilføj den første nedenfor, eller importér en fil.",
                              "No applications yet. Add the first below, or import a file."),
    "grants.pipeline.editor_help": (
        "Ret direkte i tabellen og gem. Beløb og timer som 250.000 eller 12,5, sandsynlighed som 25 % (tom: fasens "
        "standard), flere afrapporteringer adskilt af ;. Sættes fasen til Bevilget, oprettes bevillingen som aftale.",
        "Edit in the table and save. Amounts and hours as 250,000 or 12.5, probability as 25% (empty: the stage's "
        "default), several report dates separated by ;. Setting the stage to Granted creates the grant agreement.",
    ),
    "grants.pipeline.save": ("Gem ændringer", "Save changes"),
    "grants.pipeline.saved": ("Gemt: {changed} ændret, {granted} bevillinger oprettet som aftaler, {ungranted} fjernet.",
                              "Saved: {changed} changed, {granted} grants created as agreements, {ungranted} removed."),
    "grants.not_saved": ("Ikke gemt — ret venligst:", "Not saved — please fix:"),
    "grants.new.title": ("Ny ansøgning", "New application"),
    "grants.new.add": ("Tilføj ansøgning", "Add application"),
    "grants.new.added": ("Tilføjet: ansøgning #{id}", "Added: application #{id}"),
    "grants.new.probability_help": ("Tom: fasens standard fra Indstillinger.", "Empty: the stage's default from Settings."),
    "grants.new.reports_help": ("Datoer adskilt af ;, fx 31.08.2027; 28.02.2028", "Dates separated by ;, e.g. 2027-08-31; 2028-02-28"),
    "grants.actions.pick": ("Vælg en ansøgning", "Pick an application"),
    "grants.actions.grant": ("Bevilget", "Granted"),
    "grants.actions.grant_help": ("Markér som bevilget og opret bevillingen som aftale (samme transaktion).",
                                  "Mark as granted and create the grant agreement (one transaction)."),
    "grants.actions.granted": ("Ansøgning #{id} er bevilget – aftale #{agreement} er oprettet.",
                               "Application #{id} is granted — agreement #{agreement} was created."),
    "grants.actions.ungrant": ("Fortryd bevilling", "Undo grant"),
    "grants.actions.ungrant_help": ("Slet den oprettede aftale og sæt fasen tilbage til den før bevillingen.",
                                    "Delete the agreement it created and restore the stage before the grant."),
    "grants.actions.ungranted": ("Bevillingen af #{id} er fortrudt; fasen er igen {stage}.",
                                 "The grant of #{id} is undone; its stage is {stage} again."),
    "grants.actions.delete": ("Slet", "Delete"),
    "grants.actions.delete_confirm": ("Ja, slet ansøgningen", "Yes, delete the application"),
    "grants.actions.delete_needs_confirm": ("Sæt kryds for at bekræfte sletningen.", "Tick the box to confirm."),
    "grants.actions.deleted": ("Slettet: ansøgning #{id}", "Deleted: application #{id}"),
    # file
    "grants.file.title": ("Import og eksport", "Import and export"),
    "grants.file.csv": ("Hent ansøgninger (CSV)", "Download applications (CSV)"),
    "grants.file.xlsx": ("Hent ansøgninger (XLSX)", "Download applications (XLSX)"),
    "grants.file.upload": ("Importér ansøgninger (CSV eller XLSX)", "Import applications (CSV or XLSX)"),
    "grants.file.rules": (
        "Filen erstatter ansøgningerne: rækker med et nr. fra en eksport opdaterer ansøgningen, rækker uden nr. "
        "tilføjes, og ansøgninger der ikke er i filen, slettes. Én fejl, og intet importeres.",
        "The file replaces the applications: rows with a number from an export update the application, rows "
        "without one are added, and applications missing from the file are deleted. One error and nothing is imported.",
    ),
    "grants.file.unreadable": ("Filen kunne ikke læses: {error}", "The file could not be read: {error}"),
    "grants.file.format": ("Læst som: {format}", "Read as: {format}"),
    "grants.file.errors": ("{count} problemer i filen – intet er importeret:", "{count} problems in the file — nothing was imported:"),
    "grants.file.nothing": ("Filen ændrer intet.", "The file changes nothing."),
    "grants.file.preview": (
        "Importen vil tilføje {added}, ændre {changed}, beholde {unchanged} og slette {removed} ansøgninger; "
        "{granted} bevillinger oprettes som aftaler og {ungranted} fjernes.",
        "The import will add {added}, change {changed}, keep {unchanged} and delete {removed} applications; "
        "{granted} grants are created as agreements and {ungranted} removed.",
    ),
    "grants.file.confirm": ("Importér", "Import"),
    "grants.file.done": ("Ansøgningerne er importeret.", "The applications were imported."),
    # problems (codes of seconomy.grants.model.REASONS that the agreements' catalog does not have)
    "grants.err.report_due": ("er ikke en liste af datoer (skriv dem som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD adskilt af ;)",
                              "is not a list of dates (write them as YYYY-MM-DD or DD-MM-YYYY, separated by ;)"),
    "grants.err.amount_required": ("en ansøgning skal have det ansøgte beløb", "a grant application needs the amount applied for"),
    "grants.err.unknown_column": ("ukendt kolonne (kendte: {known}; eller de danske overskrifter)",
                                  "unknown column (known: {known}; or the Danish headers)"),
    "grants.err.no_rows": ("filen har en overskrift men ingen ansøgninger", "the file has a header but no applications"),
    "grants.err.cpr": ("indeholder et CPR-nummer; CPR-numre gemmes aldrig (skriv teksten uden)",
                       "holds a CPR number; CPR numbers are never stored (write the text without it)"),
    "grants.err.not_granted": ("er ikke bevilget, så der er ingen bevilling at fortryde",
                               "is not granted, so there is no grant to undo"),
    "grants.err.end_required": ("en ansøgning skal have en slutdato (periodens slutning)",
                                "an application needs an end date (the end of its period)"),
    # track record
    "grants.track.intro": (
        "Hvor ofte er jeres ansøgninger blevet bevilget? Bevilget / (bevilget + afslået), pr. fase nået og pr. "
        "fond – ved siden af de standard-sandsynligheder, planen regner med.",
        "How often were your applications granted? Granted / (granted + rejected), per stage reached and per "
        "funder — beside the default probabilities the plan uses.",
    ),
    "grants.track.stage_note": (
        "Kun afgjorte ansøgninger tæller. Idéer og udkast, der blev opgivet før indsendelse, er hverken bevilget "
        "eller afslået – derfor ligger historikken for de tidlige faser tæt på den for indsendte.",
        "Only decided applications count. Ideas and drafts given up before submission are neither granted nor "
        "rejected — so the history of the early stages is close to that of submitted ones.",
    ),
    "grants.track.overall": ("Bevilget i alt", "Granted overall"),
    "grants.track.counts": ("{granted} bevilget, {rejected} afslået.", "{granted} granted, {rejected} rejected."),
    "grants.track.by_stage": ("Pr. fase nået", "Per stage reached"),
    "grants.track.by_funder": ("Pr. fond eller pulje", "Per funder"),
    "grants.track.default": ("Standard i planen", "Default in the plan"),
    "grants.track.history": ("Jeres historik", "Your history"),
    "grants.track.granted": ("Bevilget", "Granted"),
    "grants.track.rejected": ("Afslået", "Rejected"),
    "grants.track.open": ("Åbne nu", "Open now"),
    "grants.track.none": ("Ingen ansøgninger endnu.", "No applications yet."),
    "grants.no_history": ("ingen historik", "no history"),
    # calendar and cliff
    "grants.calendar.title": ("Frister, svar og afrapporteringer", "Deadlines, decisions and reports"),
    "grants.calendar.none": ("Ingen datoer endnu.", "No dates yet."),
    "grants.calendar.today": ("I dag {date}", "Today {date}"),
    "grants.cliff.title": ("Bevillingsklippen: bevillingsindtægter de næste {months} måneder",
                           "The grant cliff: grant income over the next {months} months"),
    "grants.cliff.intro": (
        "De bevilgede fonds- og puljemidler efter deres udbetalingsplan – hvor pengene slutter, hvis intet nyt "
        "bevilges – og den stiplede linje: ansøgningernes forventede udbetalinger (sandsynlighed × udbetaling).",
        "The granted foundation and pool money by its disbursement schedule — where the money stops unless something "
        "new is granted — and the dashed line: the applications' expected payments (probability × payment).",
    ),
    "grants.cliff.pipeline": ("Ansøgninger, forventet", "Applications, expected"),
    "grants.cliff.y": ("Kroner pr. måned", "Kroner per month"),
    "grants.cliff.last_payment": ("Sidste udbetaling", "Last payment"),
    "grants.cliff.end": ("Bevillingen slutter", "Grant ends"),
    # settings of this page
}
