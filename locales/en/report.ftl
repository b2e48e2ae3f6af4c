# How a finding is shown (src/diag.rs): the word for its severity in the
# terminal, the labels of its note and help, and the count of a run's
# findings.

severity-error = error
severity-warning = warning
finding-note = note
finding-help = help

tally-none = no findings
tally-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
tally-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
tally = { tally-errors }, { tally-warnings }
# After the tally of a run that failed on warnings alone.
tally-denied = { " " }and --deny-warnings is given
