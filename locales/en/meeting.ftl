# The findings of the rules about meeting.yaml (src/check/findings.rs):
# its date, when the agenda was sent, the approval, corrections, the
# project and who was there. Each message is named after the function
# that makes it; `.help` and `.note` are its help and note.

## date-mismatch

meeting-not-a-date = `{ $written }` is not a real date
    .help = write `date: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date as YYYY-MM-DD, e.g. 2020-11-25
meeting-date-differs-from-folder = the date { $written } differs from the folder's date { $folder }
    .help = write `date: { $folder }`, or rename the folder to { $written }
