# Hvad en kommando skriver på standard error, mens den arbejder
# (src/console.rs): hændelserne fra udgivelseslaget, og statuslinjen for
# `rk build --all` og `rk check --all`.

## Statuslinjen: "bygger [=====>    ] 3/12 møder, 4s"

console-progress-building = bygger
console-progress-checking = tjekker
console-progress-meetings = møder

## En build

# Decimaltegnet i et antal sekunder (1,25 s).
console-decimal-point = ,
console-sources-fail = ikke bygget: kildefilerne har { $tally }{ $denied }; der blev ikke skrevet noget
console-not-typeset = ikke bygget: opsætningen af { $id } mislykkedes; der blev ikke skrevet noget output
    .emitted = ikke bygget: opsætningen af { $id } mislykkedes; der blev ikke skrevet noget output (det genererede dokument ligger i { $dir })
console-not-typeset-denied = ikke bygget: opsætningen af { $id } gav advarsler, og --deny-warnings er angivet; der blev ikke skrevet noget output
    .emitted = ikke bygget: opsætningen af { $id } gav advarsler, og --deny-warnings er angivet; der blev ikke skrevet noget output (det genererede dokument ligger i { $dir })
console-built = bygget { $id }: { $written } i { $dir } ({ $seconds } s)
console-pages = { $n ->
    [one] 1 side
   *[other] { $n } sider
}
console-linked-files = { $n ->
    [one] 1 linket fil
   *[other] { $n } linkede filer
}
console-removed-left-out = advarsel: fjernede { $path }: lavet ud fra ældre kildefiler; byg uden --only for at lave den igen
console-removed-internal = advarsel: fjernede { $path }: den interne udgave bliver aldrig i det udgivne træ (`rk build --internal` skriver den til sit eget træ)
console-removed-change-page = fjernede { $path }: ændringssiden fra `rk diff` er til gennemsyn, og en build til udgivelse udelader den
console-removed-stale = fjernede { $path }: der linkes ikke længere til den fra denne udgave

## En dagsorden bygget, som den blev sendt ($what: `agenda` eller `tillægsdagsorden`)

console-as-sent = { $id }: { $what ->
        [agenda] dagsordenen
       *[other] tillægsdagsordenen
    }, som den blev sendt { $sent } (commit { $commit }); det, der er skrevet i kildefilerne siden, hører til referatet
console-sent-fails = ikke bygget: { $what ->
        [agenda] dagsordenen
       *[other] tillægsdagsordenen
    } for { $id }, som den blev sendt (commit { $commit }), har { $tally }; der blev ikke skrevet noget. En rettelse, der er committet siden, er ikke med i { $what ->
        [agenda] dagsordenen
       *[other] tillægsdagsordenen
    }, som den blev sendt: for at udgive den skal du sende { $what ->
        [agenda] dagsordenen
       *[other] tillægsdagsordenen
    } igen og skrive den nye dato i `{ $key }`

## `--all`

console-skipped = sprang { $id } over: uændret siden sidste build
console-meeting-fails = ikke bygget: { $id } har { $tally }{ $denied }; der blev ikke skrevet noget
console-removed-gone = fjernede { $path }: mødet er ikke længere blandt kildefilerne
console-archived = arkiv: { $built } bygget, { $skipped } sprunget over (uændret), { $failed } fejlet ({ $seconds } s)
    .removed = arkiv: { $built } bygget, { $skipped } sprunget over (uændret), { $failed } fejlet, { $removed } fjernet ({ $seconds } s)
