"""Texts of the proposals a first bank or SAF-T file offers (cost lines, the cash)."""

TEXTS = {
    "proposals.none": ("Der er ingen omkostningslinjer endnu. Læg dem ind nedenfor – eller importér et kontoudtog eller en "
                       "SAF-T-fil, så foreslås de ud fra de bogførte omkostninger.",
                       "There are no cost lines yet. Enter them below – or import a bank statement or a SAF-T file, and they "
                       "are proposed from the booked costs."),
    "proposals.intro": ("Der er ingen omkostningslinjer, så prognosen har ingen udgifter. Her er et forslag ud fra de "
                        "bogførte omkostninger de seneste {months} måneder: ét fast månedligt beløb pr. kategori. Ret beløb og "
                        "navne, fravælg det der ikke gentager sig, og godkend.",
                        "There are no cost lines, so the forecast has no expenses. Here is a proposal from the booked costs "
                        "of the last {months} months: one fixed monthly amount per category. Edit amounts and names, untick "
                        "what does not recur, and accept."),
    "proposals.take": ("Med", "Include"),
    "proposals.monthly": ("Pr. måned (kr.)", "Per month (DKK)"),
    "proposals.total": ("Bogført, {months} mdr.", "Booked, {months} months"),
    "proposals.uncategorised": ("Øvrige omkostninger", "Other costs"),
    "proposals.accept": ("Godkend {count} omkostningslinjer", "Accept {count} cost lines"),
    "proposals.accepted": ("{count} omkostningslinjer er lagt ind.", "{count} cost lines were added."),
    "proposals.note": ("foreslået ud fra bogførte omkostninger", "proposed from booked costs"),
    "proposals.balance": ("Den seneste saldo i en importeret fil er {amount} pr. {day} ({file}).",
                          "The latest balance in an imported file is {amount} on {day} ({file})."),
    "proposals.use_balance": ("Brug den som likvid beholdning", "Use it as the cash at bank"),
    "proposals.balance_used": ("Saldoen er nu den likvide beholdning, med sin dato.", "The balance is now the cash at bank, with its date."),
}
