# What a command says on standard error while it works (src/console.rs):
# the publishing layer's events in words, and the progress bar of
# `rk build --all` and `rk check --all`.

## The progress bar: "building [=====>    ] 3/12 meetings, 4s"

console-progress-building = building
console-progress-checking = checking
console-progress-meetings = meetings

## A build

# The decimal point of a number of seconds (1.25 s).
console-decimal-point = .
# $tally: the count of findings (2 errors, 1 warning); $denied: the words
# after it when warnings alone fail the run (tally-denied), or nothing.
console-sources-fail = not built: the sources have { $tally }{ $denied }; nothing was written
console-not-typeset = not built: { $id } could not be typeset; no output was written
    .emitted = not built: { $id } could not be typeset; no output was written (the generated document is in { $dir })
console-not-typeset-denied = not built: { $id } has typesetting warnings and --deny-warnings is given; no output was written
    .emitted = not built: { $id } has typesetting warnings and --deny-warnings is given; no output was written (the generated document is in { $dir })
# $written: the files written, e.g. "referat.pdf (16 pages), referat.html,
# 1 linked file" (console-pages, console-linked-files).
console-built = built { $id }: { $written } in { $dir } ({ $seconds } s)
console-pages = { $n ->
    [one] 1 page
   *[other] { $n } pages
}
console-linked-files = { $n ->
    [one] 1 linked file
   *[other] { $n } linked files
}
console-removed-left-out = warning: removed { $path }: made from older sources; build without --only to make it again
console-removed-internal = warning: removed { $path }: the internal edition never stays in the published tree (`rk build --internal` writes it to a tree of its own)
console-removed-change-page = removed { $path }: the change page of `rk diff` is for review, and a publishing build leaves it out
console-removed-stale = removed { $path }: no longer linked from this edition

## An agenda built as it was sent ($what: `agenda` or `tillægsdagsorden`)

console-as-sent = { $id }: the { $what } as it was sent on { $sent } (commit { $commit }); what was written in the sources since is for the referat
# $key: the field of meeting.yaml with the date it was sent.
console-sent-fails = not built: the { $what } of { $id } as it was sent (commit { $commit }) has { $tally }; nothing was written. A fix committed since is not in the { $what } as sent: to publish it, send the { $what } again and write the new date in `{ $key }`

## `--all`

console-skipped = skipped { $id }: unchanged since its last build
console-meeting-fails = not built: { $id } has { $tally }{ $denied }; nothing was written
console-removed-gone = removed { $path }: the meeting is no longer among the sources
console-archived = archive: { $built } built, { $skipped } skipped (unchanged), { $failed } failed ({ $seconds } s)
    .removed = archive: { $built } built, { $skipped } skipped (unchanged), { $failed } failed, { $removed } removed ({ $seconds } s)
