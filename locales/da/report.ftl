# Sådan vises et fund (src/diag.rs): ordet for dets alvor i terminalen,
# mærkerne for note og hjælp, og antallet af fund i en kørsel.

severity-error = fejl
severity-warning = advarsel
finding-note = bemærk
finding-help = hjælp

tally-none = ingen fund
tally-errors = { $errors ->
    [one] 1 fejl
   *[other] { $errors } fejl
}
tally-warnings = { $warnings ->
    [one] 1 advarsel
   *[other] { $warnings } advarsler
}
tally = { tally-errors }, { tally-warnings }
# Efter antallet, når en kørsel fejler alene på advarsler.
tally-denied = { " " }og --deny-warnings er givet
