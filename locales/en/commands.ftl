# What the commands say (src/cmd/, src/main.rs): the lines of a run on
# standard error and the summaries on standard output. Clap's --help texts
# and `rk explain`'s rule texts are not here: they stay in English.

## Every command (src/main.rs, src/cmd.rs)

# An error that stops a run (exit status 2); `message` is the error with
# its causes.
cmd-error = error: { $message }
# A count of items, as the commands' lines say it.
cmd-items = { $n ->
    [one] 1 item
   *[other] { $n } items
}

## rk check

# A meeting's closing line: `checked 2020-11-25 (16 items): no findings`.
cmd-checked = checked { $meeting } ({ $items }): { $tally }

## rk index

cmd-index-refused = not indexed: the sources have { $tally }; nothing was written
cmd-index-feed-removed = removed { $path }: rk.toml has no [site] url for its links
cmd-index-no-feeds = no feeds: an Atom feed needs the address the archive is published at, `url` under `[site]` in rk.toml
cmd-index-no-accessibility-statement = no accessibility statement: a public website needs a tilgængelighedserklæring linked from every page (webtilgængelighedsloven § 4); write its address as `accessibility_statement` under `[site]` in rk.toml
# Added to the list of files written.
cmd-index-feeds = , { $n ->
    [one] 1 feed
   *[other] { $n } feeds
} under feeds/
# The time it took: `seconds` whole seconds and `tenths`, after the
# language's decimal mark.
cmd-index-done = indexed { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
} and { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}: { $files } in { $out } ({ $seconds }.{ $tenths } s)
cmd-index-search-unmarked = warning: { $layout }/referat.html does not mark what the search may index (data-pagefind-body): Pagefind would take whole pages, the titles of closed items too; copy the lines marked "Search" from the built-in layout's referat.html
cmd-index-search-needs-pagefind = { $page } needs its search index: run Pagefind after rk index, `npx pagefind --site { $out }`
cmd-index-oparl-removed = removed { $path }: rk.toml has no [site] url for its objects' addresses
cmd-index-no-oparl = no oparl/: OParl's objects are known by their addresses, which need the address the archive is published at, `url` under `[site]` in rk.toml
cmd-index-oparl-deleted = { $n ->
    [one] 1 object
   *[other] { $n } objects
} marked deleted
cmd-index-oparl-removed-old = { $n ->
    [one] 1 old file
   *[other] { $n } old files
} removed
# `gone` is empty, or "; " and what was deleted and removed.
cmd-index-oparl = OParl 1.1: { $files ->
    [one] 1 file
   *[other] { $files } files
} in { $dir } ({ $changed } changed{ $gone })

## rk init

# Where the project was made, when it is the folder rk init ran in.
cmd-init-this-folder = this folder
cmd-init-created = created an rk project in { $folder }: rk.toml and meetings/{ $date }/ (an example meeting with { $items })
cmd-init-next = next: edit meetings/{ $date }/, then run `rk check` and `rk build { $date }` in { $folder }
cmd-init-private = the sources hold the closed items' text: keep the repository private and publish only out/ (.gitignore keeps out/ and out-internt/ out of git)

## rk new

# `groups` and `postponed` are empty, or `cmd-new-groups` and
# `cmd-new-postponed`.
cmd-new-created = created { $folder } from { $from }: { $items } ({ $standing } standing{ $groups }{ $postponed }, { $templates } to fill in)
cmd-new-groups = , { $n ->
    [one] 1 group heading
   *[other] { $n } group headings
}
cmd-new-postponed = , { $n } postponed
cmd-new-section = section { $title } from item { $from }
cmd-new-closed-section = section { $title } (closed) from item { $from }
cmd-new-note = note: { $note }
cmd-new-unplaced = { $name } (absent from { $meeting }) is last among the members: no earlier meeting shows their place
cmd-new-closed-required = note: the items from { $from } on are closed, and rk.toml says `closed_decisions = "required"`: `rk check` asks for each one's public_decision once it is decided (`rk check --agenda` does not)
cmd-new-next = next: write the items, then `rk check { $date }`; standing items have no text until the meeting

## rk renumber

cmd-renumber-nothing = nothing to renumber: the items of { $meeting } already have these numbers
cmd-renumber-dry-run = dry run: nothing was changed
cmd-renumber-staged = git: { $n ->
    [one] 1 rename
   *[other] { $n } renames
} staged as `git mv` stages them; the new numbers inside the files are changes not staged (review with git status and git diff)
cmd-renumber-untracked = git: the files are not tracked yet, so they were renamed on disk only
cmd-renumber-next = next: `rk check { $meeting }`
cmd-renumber-would = would renumber { $meeting }: { $items }
cmd-renumber-done = renumbered { $meeting }: { $items }
# `place` is file:line:column.
cmd-renumber-mention = note: { $place } says "{ $text }": running text is not changed; check whether it means an item of this meeting

## rk diff

cmd-diff-refused = no change page: the sources have { $tally }; nothing was written
# A meeting's line: `2020-11-25 since main: 2.3 Kildetekst: 3 words changed`.
cmd-diff-new-meeting = { $meeting }: new since { $base }
cmd-diff-no-changes = { $meeting }: no changes since { $base }
cmd-diff-changes = { $meeting } since { $base }: { $changes }
cmd-diff-wrote = {"  "}wrote { $page }
# What a change is about: the meeting's fields, the participants (an item
# is named by its number and title).
cmd-diff-meeting = meeting
cmd-diff-participants = participants
# `field` is the field's name as written in the sources (`sag`, `title`).
cmd-diff-field-changed = { $field } changed
# `group` is the key of the list (`members`, `others`).
cmd-diff-person-new = { $name } new in { $group }
cmd-diff-person-removed = { $name } removed from { $group }
cmd-diff-person-changed = { $name } changed in { $group }
cmd-diff-item-new = new
cmd-diff-item-removed = removed
cmd-diff-words-changed = { $n ->
    [one] 1 word
   *[other] { $n } words
} changed
cmd-diff-closed-changed = changed (closed item)
cmd-diff-text-changed = text changed
# A pull request's step summary (Markdown).
cmd-diff-github-none = No meeting changed since `{ $base }`.
cmd-diff-github-title = { $meeting }: changes since `{ $base }`
cmd-diff-github-new-meeting = The meeting is new: all of it.
cmd-diff-github-no-changes = No changes.
cmd-diff-github-page = The referat with the changes marked: `{ $page }`

## rk list

cmd-list-none = no meetings under { $dir }
# A meeting.yaml that names no body.
cmd-list-no-body = (no body)
# A meeting with no findings.
cmd-list-ok = ok

## rk layout

cmd-layout-copied = copied the { $name } layout to { $folder } ({ $n ->
    [one] 1 file
   *[other] { $n } files
}); use it with `--layout { $folder }` or `layout = "{ $folder }"` in rk.toml

## rk watch

cmd-watch-watching = watching { $dir }: every save rebuilds (Ctrl-C stops)
cmd-watch-serving = serving http://{ $address }/ (the PDF: http://{ $address }/referat.pdf)
# A build that wrote outputs: "built" the first time, "rebuilt" after;
# "engine kept" when the typesetter typeset in the world it kept.
cmd-watch-built = built in { $ms } ms
cmd-watch-built-kept = built in { $ms } ms (engine kept)
cmd-watch-rebuilt = rebuilt in { $ms } ms
cmd-watch-rebuilt-kept = rebuilt in { $ms } ms (engine kept)
cmd-watch-not-built = not built ({ $ms } ms): no outputs were written
cmd-watch-not-rebuilt = not rebuilt ({ $ms } ms): the last good outputs stay

## rk man

cmd-man-wrote = wrote { $n } manual pages to { $dir }

## rk lsp (what the editor shows)

# A quick fix's title: the text it writes.
cmd-lsp-fix = Write `{ $text }`
# The hover over a case reference (Markdown), then a line per item.
cmd-lsp-case-elsewhere = **{ $case }** in other meetings:
cmd-lsp-case-item = { $date } item { $number }: { $title }

## rk watch --serve (the page in the browser)

cmd-watch-refused = rk watch answers only requests for http://{ $address }/ (Host: { $host }): refused, so that no other site can read the draft
cmd-watch-page-not-built = Not built yet: see the findings in the terminal.
cmd-watch-page-failed = rk watch: the last save was not built. Behind this is the last good build, not what was saved. Fix the findings and save.

## rk explain (the list of rules; the rules' own texts stay in English)

cmd-explain-one = `rk explain RULE` explains one.

## rk renumber: what changes in each file (src/source/renumber/)

# An item's `number` field.
cmd-renumber-change-number = number { $old } -> { $new }
# A person's `items`; the lines of one person are joined after the `: `.
cmd-renumber-change-items = items of { $name }: { $old } -> { $new }
cmd-renumber-change-section = section { $title } from { $old } -> { $new }
cmd-renumber-change-link = link #punkt-{ $old } -> #punkt-{ $new }

## Notes of a run (src/publish/analysis.rs, src/layout.rs)

# `why` says why git could not tell (errors.ftl: `error-sent-no-repository`,
# `error-history-approval-not-committed`, ...).
cmd-approval-not-checked = note: { $meeting } is approved, but whether it was changed since its approval was not checked: { $why }
# `pages` are the pages the layout folder lacks (index.html, sager.html).
cmd-layout-fallback-note = note: the layout { $name } has no { $pages }, so the page is made whole from the built-in { $fallback } layout (template and style.css) and looks like KL's, not like the folder's; to make it in the folder's look, copy { $pages } from `rk layout copy kommune NEW` (or kl) into the folder and fit it to its style.css
