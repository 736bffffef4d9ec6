"""Texts of the classification rules (the Data page's Rules tab)."""

TEXTS = {
    "rules.intro": (
        "Reglerne giver rækker uden indtægtstype (posteringslister, kontoudtog, SAF-T) deres type, betaler og kommune – eller "
        "udelader dem. For hvert felt vinder den første regel, der passer. Et ord passer overalt i teksten, også inde i "
        "sammensatte ord (pulje passer på Puljemidler); skriv re:… for et regulært udtryk og * for alle rækker. Kommune {inferred} "
        "betyder den kommune, teksten nævner (Jobcenter København, Gladsaxe Kommune). Det, filen selv angiver (en "
        "typekolonne, en konto, en kommunekolonne), vinder over reglerne.",
        "The rules give lines without a stream (ledgers, bank statements, SAF-T) their stream, payer and municipality – or "
        "leave them out. For each field the first matching rule wins. A word matches anywhere in the text, also inside "
        "compounds (pulje matches Puljemidler); write re:… for a regular expression and * for every line. Municipality "
        "{inferred} means the municipality the text names (Jobcenter København, Gladsaxe Kommune). What the file itself "
        "states (a stream column, an account, a municipality column) wins over the rules.",
    ),
    "rules.col.match": ("Ord eller mønster", "Word or pattern"),
    "rules.col.match_help": ("Et ord (fond), re:mønster, eller * for alle rækker.", "A word (fond), re:pattern, or * for every line."),
    "rules.col.field": ("Søg i", "Look in"),
    "rules.col.stream": ("Indtægtstype", "Income stream"),
    "rules.col.payer": ("Betaler", "Payer"),
    "rules.col.municipality": ("Kommune", "Municipality"),
    "rules.col.municipality_help": ("Et kommunenavn eller -nummer, eller * for den kommune teksten nævner.",
                                    "A municipality's name or code, or * for the one the text names."),
    "rules.col.exclude": ("Udelad", "Leave out"),
    "rules.col.origin": ("Oprindelse", "Origin"),
    "rules.field.any": ("alle felter", "every field"),
    "rules.field.counterparty": ("modpart", "counterparty"),
    "rules.field.text": ("tekst", "text"),
    "rules.field.account": ("konto", "account"),
    "rules.origin.default": ("standard", "default"),
    "rules.origin.user": ("egen", "your own"),
    "rules.save": ("Gem reglerne", "Save the rules"),
    "rules.saved": ("{count} regler gemt. Anvend dem på de gemte poster nedenfor.", "{count} rules saved. Apply them to the stored entries below."),
    "rules.invalid": ("Reglerne er ikke gemt:", "The rules were not saved:"),
    "rules.problem": ("Række {line}, {column}: {reason}", "Row {line}, {column}: {reason}"),
    "rules.download": ("Hent reglerne (CSV)", "Download the rules (CSV)"),
    "rules.upload": ("Erstat reglerne med en fil (match;field;stream;payer;municipality;exclude)",
                     "Replace the rules with a file (match;field;stream;payer;municipality;exclude)"),
    "rules.replace": ("Erstat med filens {count} regler", "Replace with the file's {count} rules"),
    "rules.reclassify": ("Anvend reglerne igen", "Apply the rules again"),
    "rules.reclassify_help": ("Bruger reglerne på alle gemte poster. Ændringen står i importhistorikken og kan fortrydes.",
                              "Applies the rules to every stored entry. The change is listed in the import history and can be undone."),
    "rules.reclassify_nothing": ("Alle {checked} poster følger allerede reglerne.", "All {checked} entries already follow the rules."),
    "rules.reclassify_would": ("{changed} poster får en anden type, kommune eller betaler, og {excluded} udelades.",
                               "{changed} entries get another stream, municipality or payer, and {excluded} are left out."),
    "rules.reclassify_run": ("Anvend reglerne", "Apply the rules"),
    "rules.reclassify_check": ("Se hvad reglerne ændrer", "See what the rules change"),
    "rules.reclassified": ("Reglerne er anvendt: {changed} poster ændret, {excluded} udeladt (kan fortrydes som nr. {id}).",
                           "The rules were applied: {changed} entries changed, {excluded} left out (undo #{id})."),
    "rules.from": ("Fra", "From"),
    "rules.to": ("Til", "To"),
    "rules.excluded": ("udeladt", "left out"),
    "agreements.err.rule_cpr": ("indeholder et CPR-nummer (gemmes aldrig)", "contains a CPR number (never stored)"),
    "agreements.err.rule_regex": ("er ikke et gyldigt regulært udtryk", "is not a valid regular expression"),
    "agreements.err.rule_flag": ("skal være ja eller nej", "must be yes or no"),
    "agreements.err.rule_empty": ("en regel skal sætte en type, en betaler, en kommune eller udelade", "a rule must set a stream, a payer, a municipality or leave out"),
}
