# Det, kommandoerne siger (src/cmd/, src/main.rs): linjerne under en
# kørsel på standard error og oversigterne på standard output. Claps
# --help-tekster og `rk explain`s regeltekster er ikke her: de forbliver
# på engelsk.

## Alle kommandoer (src/main.rs, src/cmd.rs)

cmd-error = fejl: { $message }
cmd-items = { $n ->
    [one] 1 punkt
   *[other] { $n } punkter
}

## rk check

cmd-checked = tjekket { $meeting } ({ $items }): { $tally }

## rk index

cmd-index-refused = ikke indekseret: kilderne har { $tally }; intet blev skrevet
cmd-index-feed-removed = fjernede { $path }: rk.toml har ingen `url` under `[site]` til feedets links
cmd-index-no-feeds = ingen feeds: et Atom-feed kræver adressen, arkivet udgives på, `url` under `[site]` i rk.toml
cmd-index-no-accessibility-statement = ingen tilgængelighedserklæring: et offentligt websted skal have en tilgængelighedserklæring, der linkes til fra hver side (webtilgængelighedsloven § 4); skriv dens adresse som `accessibility_statement` under `[site]` i rk.toml
cmd-index-feeds = , { $n ->
    [one] 1 feed
   *[other] { $n } feeds
} under feeds/
cmd-index-done = indekserede { $meetings ->
    [one] 1 møde
   *[other] { $meetings } møder
} og { $cases ->
    [one] 1 sag
   *[other] { $cases } sager
}: { $files } i { $out } ({ $seconds },{ $tenths } s)
cmd-index-search-unmarked = advarsel: { $layout }/referat.html markerer ikke, hvad søgningen må indeksere (data-pagefind-body): Pagefind ville tage hele sider, også titlerne på lukkede punkter; kopiér linjerne markeret "Search" fra det indbyggede layouts referat.html
cmd-index-search-needs-pagefind = { $page } skal have sit søgeindeks: kør Pagefind efter rk index, `npx pagefind --site { $out }`
cmd-index-oparl-removed = fjernede { $path }: rk.toml har ingen `url` under `[site]` til objekternes adresser
cmd-index-no-oparl = ingen oparl/: OParl-objekter kendes på deres adresser, og de kræver adressen, arkivet udgives på, `url` under `[site]` i rk.toml
cmd-index-oparl-deleted = { $n ->
    [one] 1 objekt
   *[other] { $n } objekter
} markeret som slettet
cmd-index-oparl-removed-old = { $n ->
    [one] 1 gammel fil
   *[other] { $n } gamle filer
} fjernet
cmd-index-oparl = OParl 1.1: { $files ->
    [one] 1 fil
   *[other] { $files } filer
} i { $dir } ({ $changed } ændret{ $gone })

## rk init

cmd-init-this-folder = denne mappe
cmd-init-created = oprettede et rk-projekt i { $folder }: rk.toml og meetings/{ $date }/ (et eksempelmøde med { $items })
cmd-init-next = næste skridt: ret meetings/{ $date }/, og kør så `rk check` og `rk build { $date }` i { $folder }
cmd-init-private = kilderne indeholder de lukkede punkters tekst: hold repositoriet privat, og udgiv kun out/ (.gitignore holder out/ og out-internt/ uden for git)

## rk new

cmd-new-created = oprettede { $folder } ud fra { $from }: { $items } ({ $standing ->
    [one] 1 fast
   *[other] { $standing } faste
}{ $groups }{ $postponed }, { $templates } til udfyldning)
cmd-new-groups = , { $n ->
    [one] 1 gruppeoverskrift
   *[other] { $n } gruppeoverskrifter
}
cmd-new-postponed = , { $n ->
    [one] 1 udsat
   *[other] { $n } udsatte
}
cmd-new-section = afsnit { $title } fra punkt { $from }
cmd-new-closed-section = afsnit { $title } (lukket) fra punkt { $from }
cmd-new-note = bemærk: { $note }
cmd-new-unplaced = { $name } (fraværende fra { $meeting }) står sidst blandt medlemmerne: intet tidligere møde viser vedkommendes plads
cmd-new-closed-required = bemærk: punkterne fra { $from } og frem er lukkede, og rk.toml siger `closed_decisions = "required"`: `rk check` kræver hvert punkts public_decision, når det er besluttet (det gør `rk check --agenda` ikke)
cmd-new-next = næste skridt: skriv punkterne, og kør så `rk check { $date }`; faste punkter har ingen tekst før mødet

## rk renumber

cmd-renumber-nothing = intet at omnummerere: punkterne i { $meeting } har allerede disse numre
cmd-renumber-dry-run = prøvekørsel: intet blev ændret
cmd-renumber-staged = git: { $n ->
    [one] 1 omdøbning
   *[other] { $n } omdøbninger
} lagt klar, som `git mv` gør det; de nye numre inde i filerne er ændringer, der ikke er lagt klar (se dem med git status og git diff)
cmd-renumber-untracked = git: filerne følges ikke af git endnu, så de blev kun omdøbt på disken
cmd-renumber-next = næste skridt: `rk check { $meeting }`
cmd-renumber-would = ville omnummerere { $meeting }: { $items }
cmd-renumber-done = omnummererede { $meeting }: { $items }
cmd-renumber-mention = bemærk: { $place } siger "{ $text }": løbende tekst ændres ikke; tjek, om den mener et punkt i dette møde

## rk diff

cmd-diff-refused = ingen ændringsside: kilderne har { $tally }; intet blev skrevet
cmd-diff-new-meeting = { $meeting }: nyt siden { $base }
cmd-diff-no-changes = { $meeting }: ingen ændringer siden { $base }
cmd-diff-changes = { $meeting } siden { $base }: { $changes }
cmd-diff-wrote = {"  "}skrev { $page }
cmd-diff-meeting = mødet
cmd-diff-participants = deltagere
cmd-diff-field-changed = { $field } ændret
cmd-diff-person-new = { $name } ny i { $group }
cmd-diff-person-removed = { $name } fjernet fra { $group }
cmd-diff-person-changed = { $name } ændret i { $group }
cmd-diff-item-new = nyt
cmd-diff-item-removed = fjernet
cmd-diff-words-changed = { $n ->
    [one] 1 ord
   *[other] { $n } ord
} ændret
cmd-diff-closed-changed = ændret (lukket punkt)
cmd-diff-text-changed = tekst ændret
cmd-diff-github-none = Intet møde er ændret siden `{ $base }`.
cmd-diff-github-title = { $meeting }: ændringer siden `{ $base }`
cmd-diff-github-new-meeting = Mødet er nyt: det hele.
cmd-diff-github-no-changes = Ingen ændringer.
cmd-diff-github-page = Referatet med ændringerne markeret: `{ $page }`

## rk list

cmd-list-none = ingen møder under { $dir }
cmd-list-no-body = (intet udvalg)
cmd-list-ok = ok

## rk layout

cmd-layout-copied = kopierede layoutet { $name } til { $folder } ({ $n ->
    [one] 1 fil
   *[other] { $n } filer
}); brug det med `--layout { $folder }` eller `layout = "{ $folder }"` i rk.toml

## rk watch

cmd-watch-watching = overvåger { $dir }: hver gang du gemmer, bygges der igen (Ctrl-C stopper)
cmd-watch-serving = viser http://{ $address }/ (PDF'en: http://{ $address }/referat.pdf)
cmd-watch-built = bygget på { $ms } ms
cmd-watch-built-kept = bygget på { $ms } ms (motoren genbrugt)
cmd-watch-rebuilt = bygget igen på { $ms } ms
cmd-watch-rebuilt-kept = bygget igen på { $ms } ms (motoren genbrugt)
cmd-watch-not-built = ikke bygget ({ $ms } ms): ingen output blev skrevet
cmd-watch-not-rebuilt = ikke bygget igen ({ $ms } ms): det sidste gode output bliver stående

## rk man

cmd-man-wrote = skrev { $n } manualsider til { $dir }

## rk lsp (det, editoren viser)

cmd-lsp-fix = Skriv `{ $text }`
cmd-lsp-case-elsewhere = **{ $case }** i andre møder:
cmd-lsp-case-item = { $date } punkt { $number }: { $title }

## rk watch --serve (siden i browseren)

cmd-watch-refused = rk watch svarer kun på forespørgsler til http://{ $address }/ (Host: { $host }): afvist, så ingen andre websteder kan læse udkastet
cmd-watch-page-not-built = Ikke bygget endnu: se fundene i terminalen.
cmd-watch-page-failed = rk watch: det sidst gemte blev ikke bygget. Bagved ses det sidste gode byg, ikke det, der blev gemt. Ret fundene, og gem igen.

## rk explain (listen over regler; reglernes egne tekster forbliver på engelsk)

cmd-explain-one = `rk explain RULE` forklarer én regel.

## rk renumber: hvad der ændres i hver fil (src/source/renumber/)

cmd-renumber-change-number = nummer { $old } -> { $new }
cmd-renumber-change-items = punkter for { $name }: { $old } -> { $new }
cmd-renumber-change-section = afsnit { $title } fra { $old } -> { $new }
cmd-renumber-change-link = link #punkt-{ $old } -> #punkt-{ $new }

## Bemærkninger under en kørsel (src/publish/analysis.rs, src/layout.rs)

cmd-approval-not-checked = bemærk: { $meeting } er godkendt, men om det er ændret siden godkendelsen, blev ikke tjekket: { $why }
cmd-layout-fallback-note = bemærk: layoutet { $name } har ingen { $pages }, så siden laves helt ud fra det indbyggede layout { $fallback } (skabelon og style.css) og ligner KL's, ikke mappens; for at lave den i mappens udseende: kopiér { $pages } fra `rk layout copy kommune NEW` (eller kl) ind i mappen, og tilpas den til dens style.css
