"""Texts of the domain's errors (seconomy.errors codes), shown by seconomy.ui.errors in the page's language."""

TEXTS = {
    "error.line": ("Linje {line}: {column}: {reason}", "Line {line}: {column}: {reason}"),
    "error.more_lines": ("… og {count} linjer mere.", "… and {count} more lines."),
    "error.file.empty": ("Filen {file} er tom.", "The file {file} is empty."),
    "error.file.no_header": ("Filen er tom: den har ingen overskriftslinje.", "The file is empty: it has no header line."),
    "error.file.no_rows": ("Filen {file} har overskrifter, men ingen rækker.", "The file {file} has headers but no rows."),
    "error.file.unreadable": ("Filen {file} kan ikke læses.", "The file {file} cannot be read."),
    "error.file.binary": ("Det er ikke en tekstfil (den indeholder NUL-tegn). Eksportér bogføringen som CSV eller XLSX.",
                          "This is not a text file (it contains NUL bytes). Export the ledger as CSV or XLSX."),
    "error.file.encoding": ("Filen er ikke gyldig {encoding}: et tegn på linje {line} kan ikke læses. Vælg et andet tegnsæt "
                            "under *Format og kolonner*.",
                            "The file is not valid {encoding}: a byte on line {line} cannot be read. Choose another "
                            "encoding under *Format and columns*."),
    "error.file.encoding_unknown": ("Ukendt tegnsæt {encoding}.", "Unknown encoding {encoding}."),
    "error.file.csv": ("Linje {line}: CSV-filen kan ikke læses ({detail}).", "Line {line}: the CSV cannot be read ({detail})."),
    "error.xlsx.unreadable": ("{file} er ikke en Excel-projektmappe, der kan læses.", "{file} is not a readable .xlsx workbook."),
    "error.xlsx.no_sheets": ("{file} har ingen ark.", "{file} has no sheets."),
    "error.xlsx.sheet_unreadable": ("{file}: arket {sheet} kan ikke læses.", "{file}: the sheet {sheet} cannot be read."),
    "error.xlsx.sheet_empty": ("{file}: arket {sheet} er tomt.", "{file}: the sheet {sheet} is empty."),
    "error.xlsx.no_sheet": ("{file} har intet ark, der hedder {sheet}; arkene er: {sheets}.",
                            "{file} has no sheet {sheet}; its sheets are: {sheets}."),
    "error.saft.country": ("{file} er en SAF-T-fil fra et andet land ({country}); eksportér den danske SAF-T Financial-fil.",
                           "{file} is a SAF-T file of another country ({country}); export the Danish SAF-T Financial file."),
    "error.saft.xml": ("Linje {line}: {file} er ikke gyldig XML ({detail}).", "Line {line}: {file} is not well-formed XML ({detail})."),
    "error.import.sign": ("De fleste beløb i filen er negative ({negatives} af {rows}). Bekræft under forhåndsvisningen, om "
                          "indtægter er bogført med minus.",
                          "Most amounts in this file are negative ({negatives} of {rows}). Confirm in the preview whether "
                          "income is booked as negative amounts."),
    "error.import.invalid": ("{rejected} af {rows} rækker er ugyldige; intet er importeret.",
                             "{rejected} of {rows} rows are invalid; nothing was imported."),
    "error.import.no_balance": ("{file} har ingen saldo at tage den likvide beholdning fra (et kontoudtogs saldokolonne eller "
                                "en SAF-T-fils bankkonti).",
                                "{file} has no balance to take the cash from (a bank statement's balance column, or a "
                                "SAF-T file's bank accounts)."),
    "error.layout.gross_only": ("Filen har kun beløb inklusive moms; indtægten er beløbet uden moms. Vælg den kolonne (eller "
                                "momskolonnen) under *Format og kolonner*.",
                                "The file has amounts including VAT only; income is the amount excluding VAT. Choose that "
                                "column (or the VAT column) under *Format and columns*."),
    "error.layout.no_amount": ("Filen har ingen beløbskolonne (beløb, netto, kredit …). Vælg den under *Format og kolonner*.",
                               "The file has no amount column (amount, net, credit …). Choose it under *Format and columns*."),
    "error.layout.missing": ("Filen mangler en kolonne til: {roles}. Dens kolonner er: {columns}. Vælg dem under *Format og "
                             "kolonner*.",
                             "The file lacks a column for: {roles}. Its columns are: {columns}. Choose them under *Format and "
                             "columns*."),
    "error.undo.unknown": ("Der er ingen import nr. {id}.", "There is no import #{id}."),
    "error.undo.done": ("Import nr. {id} blev allerede fortrudt {at}.", "Import #{id} was already undone on {at}."),
    "error.undo.demo": ("Import nr. {id} er demovirksomheden; den fjernes af jeres første egen import.",
                        "Import #{id} is the demo enterprise; your first own import removes it."),
    "error.undo.later": ("Regelkørsel nr. {later} kom efter nr. {id}; fortryd nr. {later} først.",
                         "Reclassification #{later} came after #{id}; undo #{later} first."),
    "error.reclassify.empty": ("Der er ingen poster at anvende reglerne på: importér en fil først.",
                               "There are no entries to apply the rules to: import a file first."),
    "error.rules.file.columns": ("Regelfilens kolonner skal være {columns}.", "The rule file's columns must be {columns}."),
    "error.rules.file.problems": ("Regelfilen har {count} fejl; ingen regler er ændret.",
                                  "The rule file has {count} problems; no rule was changed."),
    "rules.file.unknown_column": ("ukendt kolonne", "unknown column"),
    "error.export.too_big": ("Over {rows} poster kan ikke være i ét Excel-ark; hent CSV i stedet.",
                             "More than {rows} entries do not fit in one Excel sheet; download CSV instead."),
    "error.unsupported.json": ("Det er en JSON-fil. Eksportér SAF-T eller CSV fra bogføringssystemet (eller CSV fra netbanken).",
                               "This is a JSON file. Export SAF-T or CSV from your bookkeeping system (or CSV from your netbank)."),
    "error.unsupported.xml": ("Det er en XML-fil, men ikke SAF-T Financial. Eksportér SAF-T eller CSV fra bogføringssystemet.",
                              "This is an XML file, but not SAF-T Financial. Export SAF-T or CSV from your bookkeeping system."),
    "error.unsupported.pdf": ("Det er en PDF-fil. Eksportér SAF-T eller CSV fra bogføringssystemet (eller CSV fra netbanken).",
                              "This is a PDF file. Export SAF-T or CSV from your bookkeeping system (or CSV from your netbank)."),
    "error.unsupported.zip": ("Det er et ZIP-arkiv. Pak det ud og importér CSV-, XLSX- eller SAF-T-filen i det.",
                              "This is a ZIP archive. Unpack it and import the CSV, XLSX or SAF-T file inside."),
    "error.unsupported.ods": ("Det er et OpenDocument-regneark (.ods). Gem det som .xlsx eller CSV, og importér det.",
                              "This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV and import that."),
    "error.unsupported.docx": ("Det er et Word-dokument. Eksportér SAF-T eller CSV fra bogføringssystemet.",
                               "This is a Word document. Export SAF-T or CSV from your bookkeeping system."),
    "error.unsupported.image": ("Det er et billede. Eksportér SAF-T eller CSV fra bogføringssystemet (eller CSV fra netbanken).",
                                "This is an image. Export SAF-T or CSV from your bookkeeping system (or CSV from your netbank)."),
    "error.unsupported.xls": ("Det er en gammel Excel-projektmappe (.xls). Gem den som .xlsx eller CSV, og importér den.",
                              "This is an old Excel workbook (.xls). Save it as .xlsx or CSV and import that."),
    "error.scenario.agreement_unknown": ("Stødet ({shock}): aftale {id} er hverken i kraft eller en ansøgning, der venter.",
                                         "The shock ({shock}): agreement {id} is neither in force nor a pending application."),
    "error.scenario.no_match": (
        "Stødet ({shock}) rammer ingen indtægt i prognosen. Betalere hedder som på siden Risiko (fx »København« for hele "
        "kommunen); ny indtægt fra en ny betaler tilføjes som »ny indtægt« med et beløb.",
        "The shock ({shock}) matches no income in the forecast. Payers are named as on the Risk page (e.g. 'København' "
        "for the whole municipality); income from someone new is added as 'new income' with an amount."),
    "error.scenario.no_match_close": (
        "Stødet ({shock}) rammer ingen indtægt i prognosen. Mente du: {close}? Betalere hedder som på siden Risiko.",
        "The shock ({shock}) matches no income in the forecast. Did you mean: {close}? Payers are named as on the Risk page."),
    "error.scenario.new_needs_amount": ("Stødet ({shock}): ny indtægt skal have et positivt beløb (kr. pr. måned).",
                                        "The shock ({shock}): new income needs a positive amount (DKK per month)."),
    "error.scenario.ends_before": ("Stødet ({shock}) slutter ({end_month}), før prognosen begynder ({first_month}).",
                                   "The shock ({shock}) ends ({end_month}) before the forecast starts ({first_month})."),
    "error.scenario.starts_after": ("Stødet ({shock}) begynder ({start_month}), efter prognosen slutter ({last_month}).",
                                    "The shock ({shock}) starts ({start_month}) after the forecast ends ({last_month})."),
    "error.scenario.cost_no_match": ("Omkostningsændring {number} rammer ingen linje i omkostningerne.",
                                     "Cost change {number} matches no line of the costs."),
    "error.scenario.cpr_name": ("Et scenaries navn må ikke indeholde et CPR-nummer (CPR-numre gemmes aldrig).",
                                "A scenario's name must not contain a CPR number (CPR numbers are never stored)."),
    "error.scenario.cpr_spec": ("Et scenarie må ikke indeholde et CPR-nummer (CPR-numre gemmes aldrig).",
                                "A scenario must not contain a CPR number (CPR numbers are never stored)."),
    "error.forecast.no_data": ("Der er ingen indtægter at lave en prognose ud fra: indlæs et bogføringsudtræk (eller demoen) først.",
                               "There is no income data to forecast from: import a ledger (or the demo) first."),
    "error.forecast.months": ("Perioden skal være 1 til {max} måneder, ikke {months}.",
                              "The period must be 1 to {max} months, not {months}."),
    "error.forecast.start_early": ("Starten {start_month} ligger før prognosens første måned {first_month} (måneden efter "
                                   "den sidste hele måned med data).",
                                   "The start {start_month} is before the forecast's first month {first_month} (the month "
                                   "after the last complete month of data)."),
    "error.forecast.start_late": ("Starten {start_month} ligger mere end {delay} måneder efter prognosens første måned "
                                  "{first_month}.", "The start {start_month} is more than {delay} months after the "
                                  "forecast's first month {first_month}."),
    "error.scenario.no_name": ("Et scenarie skal have et navn.", "A scenario needs a name."),
    "error.scenario.taken": ("Der findes allerede et scenarie, der hedder {name}.", "A scenario called {name} already exists."),
    "error.scenario.unknown": ("Der er intet gemt scenarie med nr. {id}.", "There is no saved scenario with id {id}."),
}
