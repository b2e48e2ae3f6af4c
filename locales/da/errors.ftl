# Fejlene, der standser en kommando (afslutningsstatus 2), vist efter
# `fejl:` (commands.ftl's `cmd-error`): src/cmd/, projektet, rk.toml,
# layouts, udgivelse, git og omnummerering. En årsag tilføjes efter `: `.

## Filer og mapper

error-cannot-make = kan ikke oprette { $path }
error-cannot-create = kan ikke oprette { $path }
error-cannot-write = kan ikke skrive { $path }
error-cannot-write-in = kan ikke skrive i { $path }
error-cannot-read = kan ikke læse { $path }
error-cannot-replace = kan ikke erstatte { $path }
error-did-you-mean = {" "}(mente du { $name }?)

## rk init

error-init-exists = { $folder } indeholder allerede { $existing }: rk init starter et nyt projekt og skriver ikke hen over et eksisterende
error-clock-before-1970 = systemuret er stillet før 1970: kan ikke navngive dagens møde
error-clock-after-9999 = systemuret er stillet efter år 9999: kan ikke navngive dagens møde

## rk new

error-new-not-a-date = `{ $date }` er ikke en mødedato: skriv den som ÅÅÅÅ-MM-DD (2021-04-21), evt. med en endelse (2021-04-21-ekstra)
error-new-exists = { $folder } findes allerede: rk new starter et nyt møde og skriver ikke hen over noget
error-new-people-unknown = kan ikke læse, hvem der deltog i { $meeting }: ret først mødets meeting.yaml (rk check { $meeting })
error-new-nothing-before = intet møde før { $date } under { $dir } at starte fra: angiv et med --from, eller start et projekt med rk init
error-new-last-too-large = årets forrige møde slutter med punkt { $last }: ret dets nummer, før du starter det næste møde
error-new-appeared = { $folder } dukkede op, mens rk new skrev: intet blev ændret

## rk renumber

error-renumber-approved = { $meeting } er godkendt (`status: godkendt`): et godkendt referat rettes kun ved tilføjelse (berigtigelser) og omnummereres aldrig; intet blev ændret
error-renumber-agenda-sent = dagsordenen for { $meeting } blev sendt ud { $sent } (`agenda_sent` i meeting.yaml): dens punktnumre er offentliggjort, og et punkt, der er sat ind siden, nummereres efter det punkt, det følger (45a); for at sende en rettet dagsorden med nye numre: tag `agenda_sent` ud, omnummerér, og skriv den nye dato, når den sendes ud igen; intet blev ændret
error-renumber-not-a-number = { $flag } { $text }: ikke et punktnummer (skriv det, som punktets `number` skrives: 31, 2.10, 45a)
error-renumber-year-goes-on = kan ikke omnummerere { $meeting }: dets sidste punkt ville blive { $after } i stedet for { $before }, og { $next } (nummereret gennem året, rk.toml's `numbering = "year"`) fortsætter derfra; omnummerér, så det sidste punkt beholder sit nummer, eller omnummerér også { $next }; intet blev ændret
error-renumber-no-number = intet

## rk watch, rk lsp, rk explain, rk layout, rk diff

error-watch-cannot = kan ikke holde øje med ændringer
error-watch-cannot-dir = kan ikke holde øje med { $dir }
error-watch-stopped = overvågningen stoppede
error-watch-cannot-serve = kan ikke vise siden på 127.0.0.1:{ $port }
error-lsp-stdio-only = rk lsp taler kun over standard input og output, ikke { $flag }: sæt klientens transport til stdio (i VS Codes languageclient: `transport: TransportKind.stdio`)
error-no-rule = ingen regel `{ $name }`{ $hint }; `rk explain` viser reglerne
error-no-built-in-layout = intet indbygget layout `{ $name }`{ $hint }; de indbyggede layouts er: { $names }
error-layout-not-empty = { $folder } er ikke tom: rk layout copy skriver i en ny eller tom mappe og skriver ikke hen over noget
error-diff-meeting-as-base = { $error }; `{ $meeting }` er et møde, og det første argument er den revision, der sammenlignes med: `rk diff main { $meeting }`

## Projektet (src/project.rs) og rk.toml (src/config.rs)

error-cannot-open = kan ikke åbne { $path }
error-no-project = intet rk-projekt fundet: hverken { $dir } eller nogen mappe over den indeholder rk.toml eller meetings/
error-several-meetings = { $arg } passer på { $n ->
    [one] 1 møde
   *[other] { $n } møder
}; angiv mappen i stedet:
    { $folders }
error-no-meeting = intet møde `{ $arg }`: hverken et møde under { $dir } eller en mappe med en meeting.yaml{ $hint }
error-meetings-known = {" "}(møder: { $meetings })
error-config-misplaced-key = `{ $key }` på linje { $line } er havnet inde i `[{ $table }]`: hver nøgle efter en `[{ $table }]`-linje hører til den tabel, som ikke har nogen `{ $key }`. Nøgler på øverste niveau står før den første tabel: flyt `{ $key }` op over `[{ $table }]`

## Layouts (src/layout.rs)

error-no-layout = intet layout `{ $name }`: det er hverken et indbygget layout ({ $names }) eller en mappe
error-layout-lacks = layoutet { $name } har ingen { $file }
error-not-utf8 = { $path } er ikke UTF-8
error-layout-calendar-names = { $name }/labels.toml: `weekdays` skal have 7 navne og `months` 12
error-layout-fallback-lacks-table = det indbyggede layout { $layout } har ingen [{ $table }]-tekster
error-layout-fallback-lacks-word = det indbyggede layout { $layout } har ingen `{ $word }`
error-layout-no-agenda = layoutet { $name } kan ikke lave en dagsorden: dets labels.toml skal have ordet for den og overskrifterne på de dele, der skrives på mødet, og som dagsordenen udelader; tilføj { $lines }
error-both = { $first } og { $second }
error-cannot-open-layout = kan ikke åbne layoutet { $path }
error-layout-outside = { $path } peger uden for layoutmappen
error-layout-too-large = layoutet { $path } er større end 64 MB

## Byg (src/publish/build.rs)

error-cannot-remove = kan ikke fjerne { $path }
error-not-built-draft = ikke bygget: { $which } (`status: udkast`), og { $cause } bygger kun godkendte referater; intet blev skrevet. Når referatet er godkendt, så skriv `status: godkendt` og `approved: <datoen for godkendelsen>` i { $file }
error-draft = { $meeting } er et udkast
error-drafts = { $meetings } er udkast
error-publish-flag = --publish
error-publish-config = `publish = true` i rk.toml
error-drafts-file = hvert mødes meeting.yaml
error-nothing-added = { $meeting }: intet punkt blev føjet til dagsordenen, efter den blev sendt ud (`added` i et punkt), så der er ingen tillægsdagsorden; intet blev skrevet
error-typst-data = kan ikke skrive mødets data til sætningsmotoren
error-layout-does-not-typeset = layoutet { $name } kan ikke sættes (se ovenfor); intet output blev skrevet
error-source-date-epoch = SOURCE_DATE_EPOCH={ $value } er ikke et antal sekunder
error-pdf-time = tidspunktet { $seconds } kan ikke skrives i en PDF
error-build-no-date = kan ikke bygge { $meeting }: meeting.yaml har ingen dato på formen ÅÅÅÅ-MM-DD

## Planlægning og udgivelse (src/publish/)

error-internal-edition = den interne udgave
error-internal-change-page = den interne ændringsside
error-internal-inside-published = { $what } kan ikke lægges i { $out }: den ligger inde i { $published }, den mappe, der udgives; giv --out (eller out_internal i rk.toml) en mappe uden for den
error-accessibility-statement-not-an-address = rk.toml: `accessibility_statement` under [site] er `{ $url }`, ikke en hel webadresse: skriv adressen på tilgængelighedserklæringen med https:// (`https://www.was.digst.dk/referater-example-dk`)
error-site-url-not-an-address = rk.toml: `url` under [site] er `{ $url }`, ikke en hel webadresse: skriv den adresse, out/ udgives på, med https:// (`https://referater.example.dk/`)
error-labels-lack-index-word = { $layout }/labels.toml har ingen `{ $key }` under [index]
error-no-meetings = ingen møder fundet under { $dir }
error-cannot-make-temporary = kan ikke oprette en midlertidig mappe
error-sent-agenda = dagsordenen
error-sent-added-agenda = tillægsdagsordenen
error-sent-not-found = ikke bygget: { $what } for { $meeting } blev sendt ud { $sent } (`{ $key }` i { $file }), så rk bygger den, som den står i det commit, der sendte den, og det commit kan ikke findes: { $why }; intet blev skrevet, og { $what }, som den blev bygget, da den blev sendt, forbliver uændret
error-not-built-several = { $n ->
    [one] 1 møde
   *[other] { $n } møder
} kunne ikke bygges:
error-and-more = og { $n } mere

## git (src/source/git.rs)

error-git-cannot-run-diff = rk diff læser den tidligere version med git, og git kan ikke køres her (er det installeret og på PATH?)
error-git-no-repository = { $dir } ligger ikke i et git-repository{ $why }: rk diff sammenligner med en revision af det repository, møderne er committet i
error-git-says-aside = {" "}(git siger: { $said })
error-git-unknown-revision = ukendt revision `{ $base }`: git kender ingen branch, tag eller commit med det navn i { $dir } (i CI: hent den først, `git fetch origin { $base }`, eller tjek ud med hele historikken)
error-git-folder-unnamed = en mødemappe har et navn
error-git-cannot-list = git kan ikke liste { $folder } ved { $revision }
error-git-cat-file = kan ikke køre git cat-file
error-git-cat-file-read = kan ikke læse fra git cat-file
error-git-cat-file-unfinished = git cat-file blev ikke færdig
error-git-cat-file-unreadable = git cat-file gav et output, rk ikke kan læse
error-git-outside-work-tree = { $dir } ligger ikke inde i git-arbejdstræet { $top }
error-git-cannot-run-sent = rk bygger en udsendt dagsorden fra det git-commit, der sendte den, og git kan ikke køres her (er det installeret og på PATH?)
error-sent-no-repository = mødet ligger ikke i et git-repository
error-git-says = git siger: { $said }
error-sent-shallow = denne klons historik er overfladisk og begynder ved { $commit }, så det commit, der sendte den, kan være ældre: hent hele historikken (`git fetch --unshallow`; i CI: tjek ud med `fetch-depth: 0` eller `GIT_DEPTH: 0`)

## gits historik, til godkendte møder (src/source/history.rs)

error-history-unreadable = gits historik kan ikke læses: { $error }
error-history-reader-failed = en læser af gits objekter fejlede
error-git-cat-file-closed = git cat-file blev lukket
error-git-cat-file-write = kan ikke skrive til git cat-file
error-git-cat-file-said = git cat-file sagde { $said }

## Omnummerering (src/source/renumber/)

error-cannot-move = kan ikke flytte { $path }
error-renumber-cannot-write-in = kan ikke skrive i { $path }: intet blev ændret
error-renumber-undone = intet blev ændret: alle filer er, som de var
error-renumber-merge-conflict = gits index har { $file } i en merge-konflikt: løs den, og omdøb så
error-renumber-index-not-updated = filerne er omdøbt, men gits index blev ikke opdateret: `git add -A` på mødemappen registrerer omdøbningerne
error-renumber-git-cannot-run = git kan ikke køres: { $error }
error-renumber-stopped-half-way = { $dir } indeholder { $files } fra en rk renumber, der blev stoppet halvvejs: hver .rk-renumber-N.old er en fil, som den var, hver .rk-renumber-N.new dens omnummererede tekst; læg dem tilbage (git status og git restore viser, hvad der mangler), og fjern dem, og omnummerér så igen
error-renumber-unreadable-item = kan ikke omnummerere { $meeting }: en punktfil kan ikke læses, så dens nummer kendes ikke; ret først fundene fra `rk check { $meeting }`
error-renumber-no-number-read = kan ikke omnummerere { $meeting }: { $file } har intet punktnummer, rk kan læse; ret først fundene fra `rk check { $meeting }`
error-renumber-same-number = kan ikke omnummerere { $meeting }: { $other } og { $file } er begge punkt { $number }, og det vides ikke, hvilket der kommer først; giv først et af dem dets nummer
error-line = linje { $line }
error-renumber-not-a-number-in-items = kan ikke omnummerere { $meeting }: `{ $written }` i punkterne for { $name } ({ $place }) er ikke et punktnummer; skriv først numrene som en liste ([24, 25, 26])
error-renumber-items-of = punkterne for { $name }
error-renumber-the-link = linket #punkt-{ $anchor } i { $file }
error-renumber-range-apart = kan ikke omnummerere { $meeting }: `{ $written }` i punkterne for { $name } ({ $place }) er et interval, hvis punkter ikke ville følge efter hinanden efter omnummereringen; skriv først numrene som en liste
error-renumber-empty-range = et tomt interval
error-renumber-range-becomes = dets punkter bliver { $items }
error-renumber-range-dash = et interval har en bindestreg
error-renumber-would-name = kan ikke omnummerere { $meeting }: `{ $old }` i { $what } er ikke et punkt i { $meeting }, og efter omnummereringen ville det pege på det punkt, der nu har nummer { $now }; tag det ud, eller ret det først
error-renumber-no-section = intet afsnit
error-renumber-the-section = afsnittet { $title }
error-renumber-out-of-section = kan ikke flytte punkt { $from } derhen: det ligger i { $own }, og som { $to } ville det ligge i { $there }; flyt det inden for sit afsnit, eller ret først afsnittene i meeting.yaml
error-renumber-out-of-closed-section = kan ikke flytte punkt { $from } derhen: det ligger i { $own }, og som { $to } ville det ligge i { $there } og blive offentliggjort; flyt det inden for sit afsnit, eller ret først afsnittene i meeting.yaml
error-renumber-changed-meanwhile = { $file } blev ændret, mens rk renumber læste den: intet blev ændret
error-renumber-same-name = kan ikke omnummerere: to filer ville hedde { $file }; omdøb først en af dem
error-renumber-name-taken = kan ikke omnummerere: { $file } findes allerede; omdøb eller fjern den først
error-renumber-letter-first = kan ikke omnummerere: punkt { $number } har et bogstav, men intet punkt kommer før det, som det kan følge
error-renumber-no-such-item = der er intet punkt { $number } at flytte
error-renumber-group-level = punkterne i gruppe { $group } ({ $group }.1, { $group }.2 …)
error-renumber-top-level = punkterne på øverste niveau
error-renumber-other-level = --to { $to }: punkt { $from } flyttes blandt { $level }; giv det et nummer der
error-renumber-to-lettered = --to { $to }: et flyttet punkt får et nummer uden bogstav (et bogstav er til et punkt, der er sat ind, efter dagsordenen blev sendt); flyt det til et nummer uden bogstav
error-renumber-to-outside = --to { $to }: punkterne der er nummereret fra { $start } til { $last }; giv et nummer blandt dem
error-renumber-too-many-letters = kan ikke omnummerere: mere end 26 punkter med bogstav efter punkt { $number }
error-renumber-too-large = kan ikke omnummerere: punktnumre efter { $number } er for store

## Hvorfor et godkendt møde ikke blev sammenlignet med godkendelsen (src/source/history.rs)

error-history-no-git = git kan ikke køres her (er det installeret og på PATH?)
error-history-approval-not-committed = mødet er ikke committet som godkendt (`status: godkendt`)
