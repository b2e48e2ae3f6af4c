# Fundene fra reglerne om dagsordenen og punkterne
# (src/check/findings.rs fra "The agenda" og frem, og
# opsætningsmotorens fund, src/render/typst/diagnostics.rs):
# punktnumre, sager, afsnit, bilag, punkternes tekst, tegn og
# beslutningsprotokollen.

## Dagsordenen

items-no-agenda-items = dette møde har ingen punkter på dagsordenen
    .help = skriv hvert punkt som en Markdown-fil ved siden af meeting.yaml, fx 01-godkendelse.md med `number` og `title` i filens front matter
items-no-public-decision = dette lukkede punkt har ingen offentlig beslutning
    .help = tilføj `public_decision: |` over denne linje med beslutningen, som den må offentliggøres (hvad der blev besluttet, uden det fortrolige): rk.toml siger `closed_decisions = "required"`
items-public-decision-of-open-item = `public_decision` på et punkt, der ikke er lukket
    .help = et åbent punkt offentliggøres i sin helhed: fjern `public_decision`, eller luk punktet (`closed: true`), hvis indholdet er fortroligt
items-empty-item = dette punkt har ingen tekst
    .help = skriv punktets dele (## Indstilling, ## Drøftelse) under denne linje

## numbering

items-not-an-item-number = `{ $text }` er ikke et punktnummer
    .help = et punktnummer er hele tal fra 1 adskilt af punktummer, hvert med et eventuelt lille bogstav, fx 2 eller 2.1 eller 2.13 eller 2a
items-write-number = skriv `number: "{ $number }"`
items-number-too-deep = punkt { $number } har { $depth } niveauer; højst tre er tilladt
    .help = brug højst tre niveauer, fx 2.9.1
items-number-used-twice = punktnummer { $number } er brugt to gange: også i { $first }
    .help = giv hvert punkt sit eget nummer
items-no-parent-item = punkt { $number } har intet overordnet punkt { $parent }
    .help = tilføj et punkt med nummer { $parent } (en gruppeoverskrift), eller giv dette punkt et andet nummer
items-number-missing = punkt { $number } følger efter { $before }: punkt { $missing } mangler
    .first = punkt { $number } er det første på sit niveau: punkt { $missing } mangler
    .help = tilføj det manglende punkt { $missing }; eller, hvis intet punkt mangler, giv dette punkt nummer { $missing } og træk { $step } fra nummeret på { $later ->
        [one] det ene punkt
       *[other] hvert af de { $later } punkter
    } efter det{ $sections ->
        [yes] , og ret afsnittenes `from` herfra i meeting.yaml
       *[no] {""}
    }
    .help-renumber = giv dette punkt nummer { $missing }, eller tilføj det manglende punkt
items-number-not-the-file-name-twice = punktnummer { $written } er brugt to gange: også i { $other }; filens navn siger { $meant }, og punkt { $meant } mangler
items-number-not-the-file-name-follows = punkt { $written } følger efter { $before }: punkt { $meant } mangler, og filens navn siger { $meant }
items-number-not-the-file-name-out-of-sequence = punktnummer { $written } falder uden for rækkefølgen: filens navn siger { $meant }, og punkt { $meant } mangler
items-number-twice-one-missing = punktnummer { $written } er brugt to gange: også i { $other }; og punkt { $missing } mangler
    .help = et af de to punkter med nummer { $written } er punkt { $missing }: skriv `number: "{ $missing }"` i det
items-numbering-does-not-continue = det første punkt er { $first }, men årets forrige møde, { $previous }, sluttede med punkt { $last }: punkt { $next } er det næste
    .help = nummerér dette mødes punkter fra { $next }: `numbering = "year"` i rk.toml nummererer punkterne fortløbende gennem året

## missing-sag, bad-sag, bad-document

items-sag-empty = `sag` er tom
items-no-sag = dette punkt har ingen `sag`
items-missing-sag-help = skriv `sag: SAG-ÅÅÅÅ-NNNNN`, eller `sag: none` for et punkt uden sag
    .example = skriv sagsnummeret, fx `sag: { $example }`, eller `sag: none` for et punkt uden sag
    .pattern = skriv sagsnummeret (det skal passe til `{ $pattern }`), eller `sag: none` for et punkt uden sag
items-not-a-case-reference = `{ $reference }` er ikke et sagsnummer (mønster `{ $pattern }`)
    .empty = `sag` er tom (mønster `{ $pattern }`)
    .help = skriv `{ $fixed }`
    .help-default = et sagsnummer ser ud som `SAG-2020-01234`; et punkt uden sag har `sag: none`
    .help-example = et sagsnummer ser ud som `{ $example }`; et punkt uden sag har `sag: none`
    .help-pattern = et sagsnummer passer til `{ $pattern }`; et punkt uden sag har `sag: none`
items-not-a-document-number = `{ $dok }` er ikke et dokumentnummer (mønster `{ $pattern }`)
    .help = skriv nummeret, som sagssystemet angiver det, eller ret `[document] pattern` i rk.toml
items-case-after-meeting = sag { $reference } er fra { $year }, efter mødets år { $meeting_year }
    .help = kontrollér årstallet i sagsnummeret

## numbering: afsnittene

items-section-start-malformed = afsnittet `{ $title }` starter ved `{ $written }`, som ikke er et punktnummer
    .help = skriv nummeret på afsnittets første punkt, fx `from: 48`
items-section-start-not-top-level = afsnittet `{ $title }` starter ved punkt { $from }, som ikke er et punkt på øverste niveau
    .help = et afsnit starter ved et punkt på øverste niveau: skriv `from: { $top }`, eller nummerér punkterne, så afsnittet starter ved et af dem
items-section-start-not-an-item = afsnittet `{ $title }` starter ved punkt { $from }, som ikke er på dagsordenen
    .help = skriv nummeret på afsnittets første punkt
items-section-out-of-order = afsnittet `{ $title }` starter ved punkt { $from }, men afsnittet før det, `{ $before }`, starter ved punkt { $before_from }
    .help = opstil afsnittene i punkternes rækkefølge, så hvert starter efter det foregående

## inaccessible-pdf

items-inaccessible-pdf = bilag `{ $file }` { $what }: en skærmlæser kan ikke læse det, som den skal ({ $details })
    .help = eksportér det igen som en tagget PDF med sproget angivet: i Word Filer > Gem som > PDF > Indstillinger > "Dokumentstrukturkoder til tilgængelighed", med dokumentets sprog angivet under Gennemse > Sprog; i LibreOffice Eksportér som PDF > "Universel tilgængelighed (PDF/UA)"; et scannet papir kræver tekstgenkendelse og tags (fx Acrobats Tilgængelighed > Autotag) og sproget angivet under Dokumentegenskaber
items-pdf-lacks =
    .untagged = er en PDF uden tags
    .untagged-no-language = er en PDF uden tags og angiver intet sprog
    .unmarked = er ikke markeret som en tagget PDF
    .unmarked-no-language = er ikke markeret som en tagget PDF og angiver intet sprog
    .no-language = angiver intet sprog
items-pdf-lacks-detail =
    .structure = ingen /StructTreeRoot
    .marked = ingen /MarkInfo med /Marked true
    .language = ingen /Lang
items-unreadable-pdf = bilag `{ $file }` { $reason }: det kan ikke kontrolleres, om det er tilgængeligt
items-pdf-unreadable-io = kan ikke læses ({ $error })
    .help = kontrollér, at filen kan åbnes
items-pdf-unreadable-not-pdf = hedder .pdf, men er ikke en PDF
    .help = gem eller eksportér det som PDF igen, eller giv det et navn efter, hvad det er
items-pdf-unreadable-encrypted = er en PDF låst med adgangskode
    .help = offentliggør det uden adgangskode til at åbne det: en læser kan ikke åbne det, og rk kan ikke kontrollere det
items-pdf-unreadable-damaged = er en beskadiget PDF
    .help = eksportér det som PDF igen fra det program, der lavede det

## missing-file

items-file-use =
    .image = billedet
    .attachment = bilaget
    .link = linket
items-missing-file = { $what } { $reason }
    .help = læg { $kind ->
        [image] billedet
       *[other] filen
    } i mødemappen (fx bilag/), og angiv navnet i forhold til mødemappen
items-path-no-file = angiver ingen fil
items-path-web-address = `{ $name }` er en webadresse; billeder og bilag skal være filer i mødemappen
items-path-backslash = `{ $name }` er skrevet med `\` mellem mapperne
items-path-absolute = `{ $name }` er en absolut sti; angiv filer i forhold til mødemappen, fx bilag/graf.png
items-path-absolute-prefix = `{ $name }` er en absolut sti
items-path-outside = `{ $name }` peger uden for mødemappen
items-path-does-not-exist = `{ $name }` findes ikke i mødemappen
items-path-folder-unresolved = mødemappen kan ikke findes: { $error }
items-path-unresolved = `{ $name }` kan ikke findes: { $error }
items-path-link-outside = `{ $name }` er et link, der peger uden for mødemappen
items-path-not-a-file = `{ $name }` er ikke en fil
items-image-unreadable = `{ $url }` kan ikke læses: { $error }
items-not-an-image = `{ $url }` er ikke et PNG-, JPEG-, GIF-, WebP- eller SVG-billede
items-image-damaged = `{ $url }` er beskadiget og kan ikke vises ({ $error })
    .help = gem eller eksportér billedet igen fra det program, der lavede det
items-with-slash-help = skriv stien med `/` mellem mapperne: `{ $path }`
items-missing-link-target-help = læg filen i mødemappen (fx bilag/), og link til den i forhold til mødemappen; en webadresse starter med https://
items-takes-an-outputs-place = { $what } `{ $name }` har samme navn som en af de filer, rk selv laver, og ville tage dens plads
    .help = flyt det til en mappe for sig, fx `bilag/`, eller omdøb det
items-file-of-closed-item = { $what } `{ $name }` er en fil fra det lukkede punkt { $number }, som ikke offentliggøres
    .help = et lukket punkts filer offentliggøres aldrig: fjern det her, eller offentliggør en kopi under sit eget navn
items-closed-attachment-published = { $what } `{ $name }` er et lukket bilag til punkt { $number }, som ikke offentliggøres
    .help = et lukket bilag offentliggøres aldrig: fjern det her, eller fjern `closed: true` fra bilaget, hvis det må offentliggøres
items-image-too-large = billedet `{ $url }` er { $width } × { $height } pixels, mere end de { $million } millioner, et billede må have
    .help = gem en mindre kopi af billedet: 2.000 pixels i bredden er rigeligt til en side

## Punkternes tekst

items-image-without-alt = et billede uden alternativ tekst
    .help = beskriv billedet mellem de kantede parenteser: ![Graf over ...](bilag/graf.png)
items-nested-too-deep = lister, citater og fremhævning indlejret mere end { $max } niveauer dybt
    .help = gør strukturen fladere: et referat har sjældent brug for mere end nogle få niveauer
items-level-one-heading = en overskrift på niveau 1 i et punkts tekst
    .help = punktets titel er dets overskrift: skriv dele som `## Indstilling`
items-heading-skips-level = en overskrift på niveau { $level } følger efter niveau { $previous }: niveau { $expected } er sprunget over
    .help = skriv den som en overskrift på niveau { $expected } (`{ $hashes } `)
items-raw-html = rå HTML i et punkt: den vises som almindelig tekst, ikke som HTML
    .help = skriv det i Markdown i stedet, eller skriv `<` som `\<`, hvis det er teksten, der er ment
items-accidental-list = `{ $marker }` i starten af denne linje gør den til { $list ->
        [numbered] en nummereret liste
       *[bulleted] en punktopstilling
    } i stedet for resten af afsnittet ovenfor
    .help = hvis linjen fortsætter linjen ovenfor, så skriv `{ $escaped }`, eller flyt `{ $marker }` op på linjen ovenfor; hvis en liste er ment, så indsæt en tom linje før den
items-indented-line = denne linje er indrykket med { $indent ->
        [tab] et tabulatortegn
       *[spaces] fire mellemrum
    }: Markdown ville gøre den til en kodeblok
    .help = fjern indrykningen; rk viser linjen som almindelig tekst uden dens Markdown; kode skrives mellem to ```-linjer
items-not-a-link = `[{ $text }]({ $target })` er ikke et link, men tekst: { $why ->
        [space] adressen indeholder et mellemrum
       *[unparsed] adressen kan ikke læses
    }
    .help-space = skriv adressen i vinkelparenteser: `[{ $text }](<{ $target }>)`, eller hvert mellemrum som `%20`
    .help = et link er `[tekst](adresse)`: en adresse med mellemrum i vinkelparenteser (`[bilag 1](<bilag/Bilag 1.pdf>)`), parenteserne parvis, en titel i anførselstegn efter et mellemrum
items-joined-line = denne linje hænger sammen med linjen ovenfor: et enkelt linjeskift inde i et afsnit er et mellemrum
    .help = for at holde linjerne adskilt: afslut linjen ovenfor med `\` (et linjeskift), indsæt en tom linje mellem dem, eller skriv dem som en liste (`- `)
items-unsafe-link = et `{ $scheme }:`-link i et offentliggjort referat
    .help = links må kun bruge http, https eller mailto
items-not-a-web-address = `{ $url }` er ikke en webadresse: den har ingen `https:`
    .help = skriv hele adressen, fx `url: https://{ $address }`; en fil i mødemappen skrives `file: bilag/<navn>`

## personal-data

items-personal-data-cpr = et CPR-nummer i { $place }
items-personal-data-email = en e-mailadresse i { $place }
items-personal-data-phone = et telefonnummer i { $place }
items-place =
    .meeting-yaml = meeting.yaml
    .public-item = et offentligt punkt
    .closed-title = titlen på et lukket punkt
    .public-decision = den offentlige beslutning på et lukket punkt
items-place-help =
    .meeting-yaml = fjern det: alt i meeting.yaml offentliggøres
    .item-cpr = fjern det fra teksten: et offentligt punkt offentliggøres; hvis sagen angår en persons private forhold, hører punktet til blandt de lukkede (`closed: true`)
    .item = fjern det fra teksten, eller flyt det til et bilag markeret `closed: true` (`attachments: [{"{"} file: bilag/<navn>, title: <titel>, closed: true {"}"}]`), som ikke offentliggøres
    .title = fjern det fra titlen: titler offentliggøres, også for lukkede punkter
    .public-decision = fjern det fra `public_decision`: den tekst offentliggøres, selv om punktet er lukket

## missing-glyph

items-forbidden-mark = `{ $escaped }` (U+{ $code }, et usynligt tegn) er ikke tilladt i PDF'ens tekst: de arkiverings- og tilgængelighedsstandarder, PDF'en følger, forbyder det
    .help = fjern det: slet ordet omkring det, og skriv det igen
items-not-in-fonts = `{ $text }` ({ $points }) findes ikke i nogen af skrifttyperne i layoutet { $layout }: PDF'en kan ikke vise det
    .kind = `{ $text }` ({ $points }, { $kind }) findes ikke i nogen af skrifttyperne i layoutet { $layout }: PDF'en kan ikke vise det
    .help = fjern det, eller skriv det med ord (en emoji som det, den betyder); for at beholde det skal du bygge med et layout, der har en skrifttype med det (`--layout DIR`, eller `layout` i rk.toml)
items-glyph-kind =
    .control = et kontroltegn, usynligt i de fleste editorer
    .emoji = en emoji eller et symbol
    .private = et tegn til privat brug, sådan som Word skriver et Wingdings-symbol
    .korean = koreansk
    .cjk = kinesisk eller japansk
    .devanagari = devanagari
    .bengali = bengali
    .tamil = tamil
    .telugu = telugu
    .kannada = kannada
    .malayalam = malayalam
    .thai = thai

## Beslutningsprotokollen: afstemninger, protokoltilførsler, inhabilitet

items-did-you-mean = mente du `{ $meant }`?
items-party-in-name = `({ $letter })` er et partibogstav, ikke en del af navnet { $name }
    .help-same = skriv navnet alene, `{ $name }`: personens `party: { $letter }` vises efter navnet
    .help-other = skriv navnet alene, `{ $name }`; personens parti er `party: { $party }` (som vises efter navnet)
    .help-defined = skriv navnet alene og partiet på personen: `- {"{"} name: { $name }, party: { $letter } {"}"}`
    .help = skriv navnet alene og partiet på personen: `- {"{"} name: { $name }, party: { $letter } {"}"}`, og definér gruppen i rk.toml: `[groups]` med en linje `{ $letter } = "<partiets navn>"`
items-role-did =
    .voter = er nævnt i en afstemning om punkt { $item }
    .dissenter = er nævnt som forfatter til en protokoltilførsel til punkt { $item }
    .presenter = er nævnt som oplægsholder på punkt { $item }
items-role-place =
    .voter = afstemningen
    .dissenter = protokoltilførslen
    .presenter = `presenters`
items-unknown-group = `{ $letter }` er ikke en gruppes bogstav
    .help-none = definér grupperne i rk.toml: `[groups]` med en linje `{ $letter } = "<partiets navn>"`
    .help = grupperne er { $known }; tilføj `{ $letter } = "<partiets navn>"` under `[groups]` i rk.toml
items-took-no-part-absent = { $name } { $did }, men står som fraværende
    .help = fjern { $name } fra { $place }, eller flyt { $name } fra `absent` til `members` i meeting.yaml, hvis personen kom
items-took-no-part-not-attending = { $name } { $did }, men deltog kun i { $n ->
        [one] punkt
       *[other] punkterne
    } { $items }
    .help = fjern { $name } fra { $place }, eller tilføj { $item } til `items` for { $name } i meeting.yaml
items-took-no-part = { $name } { $did }, men er ikke et medlem, der er til stede
    .help = skriv navnet, som det står under `members` i meeting.yaml, eller en gruppes bogstav
items-not-a-member = { $name } står under `{ $group }`, ikke blandt medlemmerne
    .help = kun medlemmer stemmer eller beder om en protokoltilførsel: fjern { $name } fra { $place }
items-inhabil-takes-part = { $name } { $did }, men var inhabil i punktet
    .help = et inhabilt medlem deltager ikke i punktet: fjern { $name } fra { $place }
    .help-stand-in = et inhabilt medlem deltager ikke i punktet: fjern { $name } fra { $place } ({ $stand_in } indtrådte som stedfortræder)
items-inhabil-not-present-absent = { $name } er skrevet som inhabil i punkt { $item }, men står som fraværende
    .help = et fraværende medlem er ikke inhabilt: fjern { $name } fra `inhabil`
items-inhabil-not-present-not-attending = { $name } er skrevet som inhabil i punkt { $item }, men deltog ikke i punkt { $item }
    .help = fjern { $name } fra `inhabil`, eller tilføj { $item } til personens `items` i meeting.yaml
items-inhabil-not-present = { $name } er skrevet som inhabil i punkt { $item }, men er ikke et medlem, der er til stede
    .help = skriv navnet, som det står under `members` i meeting.yaml
items-named-twice-in-vote = { $name } er nævnt to gange i denne afstemning
    .help = hvert medlem (eller hver gruppe) stemmer én gang: behold { $name } under kun én af `for`, `against` og `abstained`
items-count-differs = tallet { $count } for `{ $side }` passer ikke med { $expected ->
        [one] det ene medlem
       *[other] de { $expected } medlemmer
    }, der er nævnt ({ $entries })
    .help = skriv `{ $side }: { $expected }`, eller nævn under `{ $side }` hvert medlem, der stemte sådan (en gruppes bogstav står for de af gruppens medlemmer, der deltog i punktet)
items-counts-exceed = stemmetallene giver tilsammen { $total }, men { $members ->
        [one] 1 medlem
       *[other] { $members } medlemmer
    } deltog i punkt { $item }
    .help = ret stemmetallene: hvert medlem, der deltog, stemmer én gang eller slet ikke
items-group-took-no-part = { $letter } { $did }, men intet medlem af { $letter } deltog i punktet
    .help = fjern { $letter } fra { $place }, eller giv gruppens medlemmer `party: { $letter }` i meeting.yaml

## typeset

items-typeset = opsætningsmotoren: { $message }
items-typeset-generated-hint = det genererede dokument er det, rk giver opsætningsmotoren; `rk build --emit-typst` skriver det ud, så du kan se i det
items-typeset-unwritten = (genereret dokument)/referat.typ
items-typeset-built-in-layout = (indbygget layout { $name })
