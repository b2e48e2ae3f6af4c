# Fundene fra reglerne om meeting.yaml (src/check/findings.rs): datoen,
# hvornår dagsordenen blev sendt, godkendelsen, berigtigelser, projektet
# og hvem der var til stede.

## date-mismatch

meeting-not-a-date = `{ $written }` er ikke en gyldig dato
    .help = skriv `date: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen som ÅÅÅÅ-MM-DD, fx 2020-11-25
meeting-date-differs-from-folder = datoen { $written } er en anden end mappens dato { $folder }
    .help = skriv `date: { $folder }`, eller omdøb mappen til { $written }
meeting-folder-not-named-by-date = mødemappen `{ $folder }` er ikke navngivet efter mødets dato
    .help = giv mappen navnet { $written } (eventuelt med en endelse: { $written }-ekstra)
meeting-added-not-a-date = datoen `{ $written }`, hvor punktet blev sat på dagsordenen, er ikke en gyldig dato
    .help = skriv `date: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen, hvor punktet blev sat på dagsordenen, som ÅÅÅÅ-MM-DD, fx 2024-05-27
meeting-added-after-meeting = punktet er sat på dagsordenen { $added }, efter mødet { $held }
    .help = et punkt sættes på dagsordenen før eller senest på mødedagen: skriv datoen, hvor tillægsdagsordenen blev sendt

# Hvornår dagsordenen blev sendt: `$key` er datoens felt, `agenda_sent`
# eller `added_agenda_sent` (tillægsdagsordenens).
meeting-sent-not-a-date = `{ $key }: { $written }` er ikke en gyldig dato
    .help = skriv `{ $key }: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen, hvor { $key ->
        [added_agenda_sent] tillægsdagsordenen
       *[agenda_sent] dagsordenen
    } blev sendt, som ÅÅÅÅ-MM-DD: `{ $key }: 2026-03-04`
meeting-sent-after-meeting = { $key ->
        [added_agenda_sent] tillægsdagsordenen
       *[agenda_sent] dagsordenen
    } er sendt { $sent }, efter mødet { $held }
    .help = `{ $key }` er datoen, hvor { $key ->
        [added_agenda_sent] tillægsdagsordenen
       *[agenda_sent] dagsordenen
    } blev sendt ud, før eller senest på mødedagen
meeting-added-sent-before-agenda = tillægsdagsordenen er sendt { $added }, før dagsordenen, som blev sendt { $agenda }
    .help = `added_agenda_sent` er datoen, hvor tillægsdagsordenen blev sendt ud, efter `agenda_sent`

# Godkendelsen. `$what` er `approval` (en linje under `approvals`) eller
# `berigtigelse` (en linje under et punkts `berigtigelser`).
meeting-approved-not-a-date = godkendelsesdatoen `{ $written }` er ikke en gyldig dato
    .help = skriv `approved: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen, hvor referatet blev godkendt, som ÅÅÅÅ-MM-DD, fx 2020-12-02
meeting-approved-before-meeting = referatet er godkendt { $approved }, før mødet { $held }
    .help = et referat godkendes på eller efter mødet: skriv datoen, hvor det blev godkendt
meeting-dated-not-a-date = { $what ->
        [berigtigelse] berigtigelsens
       *[approval] godkendelsens
    } dato `{ $written }` er ikke en gyldig dato
    .help = skriv `date: { $date }`: datoer skrives ÅÅÅÅ-MM-DD
    .help-no-guess = skriv datoen for { $what ->
        [berigtigelse] berigtigelsen
       *[approval] godkendelsen
    } som ÅÅÅÅ-MM-DD, fx 2024-06-26
meeting-dated-before-meeting = { $what ->
        [berigtigelse] berigtigelsen
       *[approval] godkendelsen
    } er dateret { $date }, før mødet { $held }
    .help = { $what ->
        [berigtigelse] en berigtigelse
       *[approval] en godkendelse
    } sker på eller efter mødet: skriv datoen, hvor den skete

## missing-field

meeting-no-approvers = referatet er godkendt (`status: godkendt`), men `approvals` nævner ingen, der har godkendt det
    .help = rk.toml kræver godkendere (`approvers = "required"`): skriv `approvals:
        {"  "}- {"{"} name: <et medlem, der deltog>, date: ÅÅÅÅ-MM-DD {"}"}`

## bad-approver

# `$who` er dem, der underskriver, som rk.toml's `approval` siger:
# `members` (de tilstedeværende medlemmer) eller `chair-and-referent`.
meeting-approver-absent = { $name } har godkendt referatet, men står som fraværende: kun { $who ->
        [chair-and-referent] formanden og referenten
       *[members] de tilstedeværende medlemmer
    } underskriver det
meeting-approver-not-a-signer = { $name } har godkendt referatet, men er ikke blandt { $who ->
        [chair-and-referent] formanden og referenten
       *[members] de tilstedeværende medlemmer
    }, som underskriver det
    .help-meant = mente du `{ $meant }`?
    .help = skriv navnet på { $who ->
        [chair-and-referent] formanden eller referenten
       *[members] et af de tilstedeværende medlemmer
    }, sådan som det står i meeting.yaml, eller fjern linjen
meeting-approver-twice = { $name } står to gange under `approvals`
    .help = hvert medlem underskriver én gang: fjern den ene af linjerne

## changed-after-approval

-meeting-by-addition = et godkendt referat rettes kun ved tilføjelse: fortryd ændringen
meeting-changed-after-approval = { $file } er ændret, efter at referatet blev godkendt (commit { $commit } fra { $date }, hvor meeting.yaml første gang siger `status: godkendt`)
    .help = { -meeting-by-addition } (`git checkout { $commit } -- { $file }` i mødets mappe), og skriv rettelsen som en ny linje sidst i punktets `berigtigelser: [{"{"} date: ÅÅÅÅ-MM-DD, text: ... {"}"}]`
meeting-added-after-approval = { $file } er føjet til mødet, efter at referatet blev godkendt (commit { $commit } fra { $date })
    .help = { -meeting-by-addition } (fjern { $file }), og skriv rettelsen som en linje under `berigtigelser` i det punkt, den vedrører
meeting-removed-after-approval = { $file } er fjernet fra mødet, efter at referatet blev godkendt (commit { $commit } fra { $date })
    .help = { -meeting-by-addition } (`git checkout { $commit } -- { $file }` i mødets mappe), og skriv rettelsen som en linje under `berigtigelser` i det punkt, den vedrører

## internal-tracked

# `$n` filer følges af git, `$first` er den første af dem; `$gitignore` er
# `none` (projektet har ingen .gitignore), `without` (dets .gitignore
# nævner ikke mappen) eller `with`.
meeting-internal-tracked = git følger den interne udgave ({ $n ->
        [one] 1 fil:
       *[other] { $n } filer, blandt andet
    } { $first }): den indeholder de lukkede punkters tekst
    .help = fjern den fra git med `git rm -r --cached { $folder }`{ $gitignore ->
        [none] , skriv en .gitignore ved siden af rk.toml med linjen `/{ $folder }/`
        [without] , tilføj linjen `/{ $folder }/` til .gitignore
       *[with] {""}
    } og lav et commit; hold repositoriet privat: det, der er pushet, bliver i historikken

## Hvem der var til stede: no-attendees, duplicate-person,
## absent-and-present, bad-substitute

meeting-no-members = `members` nævner ingen
    .help = skriv de tilstedeværende medlemmer under `members:`; et referat skal have deltagere
meeting-listed-twice-present = { $name } står to gange blandt de tilstedeværende
    .help = { $name } står allerede under `{ $group }`: fjern den ene af de to
meeting-listed-twice-absent = { $name } står to gange under `absent`
    .help = fjern den ene af de to
meeting-absent-and-present = { $name } står både under `absent` og under `{ $group }`
    .help = en person er enten fraværende eller til stede: fjern den ene af de to
meeting-absent-attended-items = { $name } står under `absent`, men med punkter under `items`
    .help = den, der deltog i nogle af punkterne, var til stede: flyt { $name } til `members`, `others` eller `guests` med disse `items`, eller fjern `items`
meeting-bad-substitute = { $person } er stedfortræder for { $absent }, som ikke står under `absent`
    .help-meant = mente du `{ $meant }`?
    .help = tilføj { $absent } under `absent:`

## unknown-person

# `$role` er `referent`, `chair` (formanden) eller `presenter` (et punkts
# oplægsholder).
meeting-role-absent = { $role ->
        [chair] formanden
        [presenter] oplægsholderen
       *[referent] referenten
    } { $name } står som fraværende
    .help = { $listed } står under `absent`: angiv en { $role ->
        [chair] formand
        [presenter] oplægsholder
       *[referent] referent
    }, der var til stede, eller flyt { $listed } fra `absent` til de tilstedeværende, hvis vedkommende kom
meeting-role-not-present = { $role ->
        [chair] formanden
        [presenter] oplægsholderen
       *[referent] referenten
    } { $name } er ikke blandt de tilstedeværende
    .help-meant = mente du `{ $meant }`?
    .help = tilføj { $name } under `members`, `others` eller `guests` i meeting.yaml
    .help-short = mente du `{ $full }`? Skriv navnet, som det står i deltagerlisten
    .help-ambiguous = `{ $name }` kan være { $listed }: skriv det fulde navn, som det står i deltagerlisten
meeting-presenter-not-attending = oplægsholderen { $name } deltog kun i { $n ->
        [one] punkt
       *[other] punkterne
    } { $attended }, ikke i punkt { $item }
    .help = tilføj { $item } under `items` hos { $name } i meeting.yaml, eller angiv en oplægsholder, der deltog i punkt { $item }

## unknown-item, bad-value

meeting-unknown-item = { $name } deltog i punkt { $number }, som dette møde ikke har
    .help-meant = mente du `{ $meant }`?
meeting-the-items-none = dette møde har ingen punkter at deltage i
meeting-the-items-range = dette mødes punkter går fra { $first } til { $last }
meeting-the-items = dette mødes punkter er { $items }
meeting-range-end-not-an-item = { $name } deltog i punkterne { $written }, men dette møde har intet punkt { $end }
    .help = skriv de punkter, { $name } deltog i, som en liste: `items: [{ $within }]`
meeting-attended-not-a-number = `{ $written }` i `items` er ikke et punktnummer
    .help = skriv `{ $fixed }`: `items` angiver punktnumre, fx `items: [7, 8]`
    .help-no-guess = `items` angiver numrene på de punkter, personen deltog i, fx `items: [7, 8]`

## Lister i teksterne: `$rest` er alle undtagen den sidste, adskilt af kommaer.

meeting-list-and = { $rest } og { $last }
meeting-list-or = { $rest } eller { $last }
