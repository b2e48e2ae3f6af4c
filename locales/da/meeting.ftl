# Fundene fra reglerne om meeting.yaml (src/check/findings.rs): datoen,
# hvornår dagsordenen blev sendt, godkendelsen, berigtigelser, projektet
# og hvem der var til stede.

## date-mismatch

meeting-not-a-date = `{ $written }` er ikke en gyldig dato
    .help = skriv `date: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen som ÅÅÅÅ-MM-DD, fx 2020-11-25
meeting-date-differs-from-folder = datoen { $written } er en anden end mappens dato { $folder }
    .help = skriv `date: { $folder }`, eller omdøb mappen til { $written }
