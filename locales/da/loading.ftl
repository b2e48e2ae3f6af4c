# Fundene, når en mødemappe læses (src/source/): filer, tegnsæt, YAML,
# felter, referatets status og felterne i beslutningsprotokollen.

## Filer

load-no-meeting-yaml = denne mødemappe har ingen meeting.yaml
    .help = tilføj meeting.yaml med body, date, referent og members, eller fjern mappen

## Tegnsæt (src/source/decode.rs)

load-encoding-utf16 = filen er UTF-16, men rk læser UTF-8
    .help = gem filen som UTF-8 (med eller uden BOM)
load-encoding-nul = filen indeholder en NUL-byte: den er ikke en tekstfil
    .help = fjern NUL-byten, eller flyt en binær fil til bilag/
load-encoding-lone-cr = filen afslutter sine linjer med CR alene (gamle Mac-linjeskift)
    .help = gem filen med LF- eller CRLF-linjeskift
load-encoding-not-utf8 = filen er ikke gyldig UTF-8 (byte 0x{ $byte })
    .help = gem filen som UTF-8 (med eller uden BOM)

## YAML: fortolkerens fejl sagt med en referents ord

load-yaml-parser-says = YAML-fortolkeren siger: { $said }
load-yaml-cannot-be-read = denne YAML kan ikke læses
load-yaml-colon-quotable = en værdi med kolon skal stå i anførselstegn
    .help = en værdi, der indeholder `: `, skal stå i anførselstegn (title: "Tema: Evaluering"); er det ikke det, så tjek, at felterne i samme gruppe står lige under hinanden
load-yaml-colon = et `: `, hvor YAML ikke venter et: felterne står ikke lige under hinanden, eller en værdi med kolon skal stå i anførselstegn
    .help = en værdi, der indeholder `: `, skal stå i anførselstegn (title: "Tema: Evaluering"); er det ikke det, så tjek, at felterne i samme gruppe står lige under hinanden
load-yaml-not-lined-up = linjerne i en liste eller en gruppe felter står ikke lige under hinanden
    .help = linjerne i samme liste eller gruppe skal stå lige under hinanden: tjek indrykningen
load-yaml-stray-dash = en listelinje `- `, hvor YAML ikke venter en
    .help = en `{"{"}` eller `[` længere oppe er måske ikke lukket på sin linje (`{"{"} name: Anna Holm {"}"}`), eller linjerne i listen står ikke lige under hinanden
load-yaml-comment-in-value = ` #` i en værdi starter en kommentar
    .help = ` #` starter en kommentar i YAML: sæt værdien i anførselstegn (title: "Budget #2")
load-yaml-after-quote = tekst efter det afsluttende anførselstegn
    .help = en værdi i anførselstegn er hele værdien: sæt hele værdien i anførselstegn (title: "'Tema' og mere"), eller intet af den
load-yaml-stray-colon = et `:`, hvor YAML ikke venter et
    .help = en `[` eller `{"{"}` er ikke lukket på sin linje, eller en værdi med `:` skal stå i anførselstegn
load-yaml-simple-key = en linje, som YAML ikke kan læse som `felt: værdi`
    .help = skriv et mellemrum efter kolonet (`kind: beslutning`), og sæt felterne lige under hinanden
load-yaml-quote-not-closed = en værdi i anførselstegn er ikke afsluttet
    .help = afslut en værdi, der begynder med `"` eller `'`, med det samme anførselstegn på samme linje
load-yaml-flow = en liste i `[ ]` eller en gruppe i `{"{"} {"}"}` kan ikke læses til ende
    .help = en `[` eller `{"{"}` er ikke lukket, eller en værdi i den skal stå i anførselstegn
load-yaml-tab = et tabulatortegn, hvor YAML vil have mellemrum
    .help = ryk ind med mellemrum, ikke med tabulator
load-yaml-reserved-character = en værdi begynder med et tegn, som YAML har reserveret
    .help = en værdi, der begynder med `@`, en backtick, `%` eller `!`, skal stå i anførselstegn: title: "@x"

## YAML: hvad rk selv finder (src/source/yaml.rs)

load-yaml-tab-in-indentation = et tabulatortegn i indrykningen
    .help = ryk ind med mellemrum, ikke med tabulator
load-yaml-curly-not-a-quote = `{ $quote }` er ikke et anførselstegn i YAML, så værdien står ikke i anførselstegn
load-yaml-straight-quotes = “…” er ikke anførselstegn i YAML: brug lige anførselstegn: `{ $fixed }`
load-yaml-unclosed-quote = anførselstegnet `{ $quote }`, som værdien begynder med, er ikke lukket
    .help = afslut værdien med `{ $quote }` på samme linje: `{ $line }{ $quote }`
    .help-in-brackets = afslut værdien i anførselstegn med `{ $quote }`
load-yaml-not-a-list-marker = `{ $bullet }` er ikke et listetegn i YAML
    .help = skriv `- { $entry }`: en bindestreg og et mellemrum
load-yaml-one-document = her må der kun være ét YAML-dokument
load-yaml-alias = ankre og aliasser (`*name`) kan ikke bruges i rk's kildefiler
    .help = skriv værdien helt ud
load-yaml-key-not-plain = et feltnavn skal være et enkelt navn, ikke en liste eller en gruppe felter
load-yaml-key-twice = feltet `{ $field }` står to gange i samme gruppe
    .help = fjern det ene af dem

## Front matter

load-no-front-matter = dagsordenspunktet har ingen front matter (ingen `number` og `title`)
    .help =
        begynd filen med front matter:
        ---
        number: "2.1"
        title: <titel>
        sag: SAG-2020-01234
        ---
load-front-matter-not-closed = front matter er ikke afsluttet: der er ingen `---`-linje efter den
    .help = afslut front matter med en linje, der kun indeholder `---`

## Felter

load-unknown-field = ukendt felt `{ $name }` i { $what }
    .help = mente du `{ $meant }`?
    .help-danish = mente du `{ $meant }`? Feltnavnene skrives på engelsk
    .help-list = felterne i { $what } er: { $allowed }

# Grupperne af felter, som fundene om dem nævner dem.
load-mapping-meeting-yaml = meeting.yaml
load-mapping-item = et dagsordenspunkt
load-mapping-this-item = dette dagsordenspunkt
load-mapping-person = en person
load-mapping-list-entry = en linje i denne liste
load-mapping-section = en sektion
load-mapping-attachment = et bilag
load-mapping-added = `added`
load-mapping-approval = en godkendelse
load-mapping-correction = en berigtigelse
load-mapping-vote = en afstemning
load-mapping-vote-counts = stemmetallene for en afstemning
load-mapping-dissent = en protokoltilførsel
load-mapping-inhabil = et inhabilt medlem

load-field-missing = { $what } mangler `{ $field }`
load-field-empty = feltet `{ $field }` er tomt

# Hvad der skal skrives, når et påkrævet felt mangler eller er tomt.
load-required-body = skriv `body: It-Arkitekturrådet`
load-required-date = skriv `date: 2020-11-25`
load-required-referent = skriv `referent: <navnet på en af de fremmødte>`
load-required-members =
    skriv `members:
      - name: <navn>
        organisation: <organisation>`
load-required-item-number = skriv `number: "2.1"` i front matter
load-required-item-title = skriv `title: <punktets titel>` i front matter
load-required-entry-name = skriv personens navn efter `- `, eller fjern linjen
load-required-person-name = tilføj `name: <fulde navn>`
load-required-attachment-file = tilføj `file: bilag/<navn>`
load-required-attachment-url = skriv sidens fulde adresse: `url: https://...`
load-required-added-date = tilføj datoen, hvor punktet blev sat på dagsordenen: `date: 2024-05-27`
load-required-added-reason = tilføj, hvorfor punktet ikke kunne vente til næste møde: `reason: "..."`
load-required-section-title = tilføj `title: <overskriften>`, fx `title: Lukkede punkter`
load-required-section-from = tilføj `from: <nummeret på sektionens første punkt>`
load-required-correction-date = tilføj `date: ÅÅÅÅ-MM-DD`, den dag berigtigelsen blev foretaget
load-required-correction-text = tilføj `text: <hvad der berigtiges, og hvordan>`
load-required-vote-subject = skriv, hvad der blev stemt om: `subject: Ændringsforslag fra Ø`
load-required-vote-outcome = skriv `outcome: vedtaget` eller `outcome: forkastet`
load-required-dissent-by = skriv, hvem der bad om den: `by: Ø` eller `by: [Jens Vestergaard]`
load-required-dissent-text = skriv, hvad der skal føres til protokol: `text: Enhedslisten kan ikke støtte …`

load-not-a-mapping = { $what } skal bestå af felter (`felt: værdi`)
load-not-text = `{ $field }` skal være tekst, ikke { $kind ->
        [list] en liste
       *[mapping] en gruppe felter
    }
    .help = skriv `{ $field }: <tekst>` på én linje
    .help-list = skriv én værdi efter `{ $field }:`; indeholder den et komma eller klammer, så sæt den i anførselstegn
load-not-a-boolean = `{ $field }` skal være true eller false
    .help = skriv `{ $field }: true` eller `{ $field }: false`
load-curly-quoted = `{ $text }` står i krøllede anførselstegn, som YAML regner for en del af teksten
load-cut-short-by-comment = `#` starter en YAML-kommentar her: `{ $field }` læses som `{ $read }`
    .help = skriv `{ $fixed }`
# Hjælpen til load-yaml-not-a-list-marker for en værdi skrevet som en
# punktopstilling.
load-bulleted-list =
    .help =
        skriv én værdi pr. linje efter `- `:
        { $field }:{ $list }
load-not-a-list-of-people = `{ $group }` skal være en liste over personer
    .help =
        skriv én person pr. linje:
        { $group }:
          - <navn>
load-not-a-list-of-attachments = `attachments` skal være en liste med `{"{"} file, title {"}"}` eller `{"{"} url, title {"}"}`
load-file-and-url = et bilag er enten en `file` eller en `url`, ikke begge dele
    .help = gør dem til to bilag, hver med sin egen `title`
load-not-one-of = `{ $value }` er ikke en gyldig værdi for `{ $field }` (én af { $values })
    .help = mente du `{ $field }: { $meant }`?
    .help-list = `{ $field }` er én af { $values }, skrevet præcis sådan

## Referatets status

load-approved-missing = et godkendt referat (`status: godkendt`) har ingen `approved`-dato
    .help = skriv `approved: ÅÅÅÅ-MM-DD`, datoen hvor referatet blev godkendt
load-approved-empty = feltet `approved` er tomt
    .help = skriv `approved: ÅÅÅÅ-MM-DD`, datoen hvor referatet blev godkendt
load-approved-on-a-draft = et udkast (`status: udkast`) har ingen godkendelsesdato
    .help = skriv `status: godkendt`, når referatet er godkendt, eller fjern `approved`
load-approved-without-status = `approved` er angivet, men der er ingen `status`
    .help = tilføj `status: godkendt` (eller fjern `approved`)
load-not-a-list-of-approvals = `approvals` skal være en liste med `{"{"} name, date, forbehold {"}"}`
    .help =
        skriv `approvals:
          - {"{"} name: Anna Holm, date: 2024-06-26 {"}"}`
load-not-a-list-of-corrections = `berigtigelser` skal være en liste med `{"{"} date, text {"}"}`
    .help =
        skriv `berigtigelser:
          - {"{"} date: 2024-07-03, text: "..." {"}"}`
load-not-a-list-of-sections = `sections` skal være en liste med `{"{"} title, from, closed {"}"}`
    .help =
        skriv `sections:
          - title: Lukkede punkter
            from: 48
            closed: true`

## Beslutningsprotokollen

load-not-a-list-of = `{ $field }` skal være en liste
    .help-votes =
        skriv `votes:
          - subject: Indstillingen
            for: [A, V]
            against: [Ø]
            outcome: vedtaget`
    .help-dissents =
        skriv `dissents:
          - by: Ø
            text: Enhedslisten ønsker ført til protokol, at …`
    .help-inhabil =
        skriv `inhabil:
          - name: Bo Hilsted
            reason: hans ægtefælle er ansat i revisionsfirmaet`
load-not-groups = `groups` skal knytte hvert gruppebogstav til gruppens navn
    .help =
        skriv `groups:
          A: Socialdemokratiet
          V: Venstre`
load-not-a-count = `{ $value }` er ikke et antal stemmer
    .help = skriv antallet af stemmer med cifre: `{ $choice }: 14`
