"""Texts of safety (issue 11): the error boundary, the upload limit, backups on the Settings page, CPR refusals."""

TEXTS = {
    "safety.error": ("Noget gik galt; intet blev ændret. Fejlen er logget.",
                     "Something went wrong; nothing was changed. The error is logged."),
    "safety.upload_too_large": (
        "Filen er {size} MB; grænsen er {limit} MB (indstillingen upload_limit_mb). Filen er ikke læst. En SAF-T-fil "
        "fra et stort bogholderi kan være større: hæv grænsen på siden Indstillinger (højst {ceiling} MB).",
        "The file is {size} MB; the limit is {limit} MB (the setting upload_limit_mb). The file was not read. A SAF-T "
        "file of a large bookkeeping can be larger: raise the limit on the Settings page (at most {ceiling} MB)."),
    "safety.backups": ("Sikkerhedskopier", "Backups"),
    "safety.backups_caption": (
        "Før hver opdatering af databasens skema, hver fortrydelse og hver gendannelse gemmes en kopi i mappen "
        "backups ved siden af databasen; de nyeste {kept} beholdes (indstillingen backups_kept). Gendan med "
        "python -m seconomy restore FIL.",
        "Before each schema upgrade, each undo and each restore a copy is kept in the folder backups beside the "
        "database; the newest {kept} are kept (the setting backups_kept). Restore with python -m seconomy restore FILE."),
    "safety.latest_backup": ("Seneste sikkerhedskopi: {time} · {size} MB · {reason}",
                             "Latest backup: {time} · {size} MB · {reason}"),
    "safety.no_backup": ("Der er ingen automatiske sikkerhedskopier endnu.", "There are no automatic backups yet."),
    "safety.reason.before-migration": ("før opdatering af skemaet", "before a schema upgrade"),
    "safety.reason.before-undo": ("før en fortrydelse", "before an undo"),
    "safety.reason.before-restore": ("før en gendannelse", "before a restore"),
    "safety.reason.other": ("sikkerhedskopi", "backup"),
    "safety.download_db": ("Hent hele databasen (en sammenhængende kopi)", "Download the whole database (a consistent copy)"),
    "safety.download_help": (
        "En kopi taget i én transaktion, mens appen kører; den kan gendannes med restore eller åbnes med --db.",
        "A copy taken in one transaction while the app runs; restore it with restore or open it with --db."),
    "setting.backups_kept": ("Sikkerhedskopier der beholdes", "Backups kept"),
    "setting.upload_limit_mb": ("Største fil der kan indlæses (MB)", "Largest file to upload (MB)"),
    "agreements.err.cpr": ("indeholder et CPR-nummer; CPR-numre gemmes aldrig (skriv teksten uden)",
                           "contains a CPR number: CPR numbers are never stored (write the text without it)"),
}
