# The errors that stop a command (exit status 2), shown after `error:`
# (commands.ftl's `cmd-error`): src/cmd/, the project, rk.toml, layouts,
# publishing, git and renumbering. A cause is added after `: `.

## Files and folders

error-cannot-make = cannot make { $path }
error-cannot-create = cannot create { $path }
error-cannot-write = cannot write { $path }
error-cannot-write-in = cannot write in { $path }
error-cannot-read = cannot read { $path }
error-cannot-replace = cannot replace { $path }
# After a name not known: the known one it is closest to.
error-did-you-mean = {" "}(did you mean { $name }?)

## rk init

error-init-exists = { $folder } already holds { $existing }: rk init starts a new project and writes nothing over one
error-clock-before-1970 = the system clock is set before 1970: cannot name today's meeting
error-clock-after-9999 = the system clock is set beyond the year 9999: cannot name today's meeting

## rk new

error-new-not-a-date = `{ $date }` is not a meeting date: write it as YYYY-MM-DD (2021-04-21), optionally with a suffix (2021-04-21-ekstra)
error-new-exists = { $folder } already exists: rk new starts a new meeting and writes over nothing
error-new-people-unknown = cannot read who attended { $meeting }: fix its meeting.yaml first (rk check { $meeting })
error-new-nothing-before = no meeting before { $date } under { $dir } to start from: name one with --from, or start a project with rk init
error-new-last-too-large = the previous meeting of the year ends with item { $last }: correct its number before starting the next meeting
error-new-appeared = { $folder } appeared while rk new wrote: nothing was changed

## rk renumber

error-renumber-approved = { $meeting } is approved (`status: godkendt`): an approved referat is corrected by addition only (berigtigelser), never renumbered; nothing was changed
error-renumber-agenda-sent = the agenda of { $meeting } went out on { $sent } (`agenda_sent` in meeting.yaml): its item numbers are published, and an item put in since is numbered after the item it follows (45a); to send a corrected agenda with new numbers, take `agenda_sent` out, renumber, and write the new date when it goes out again; nothing was changed
# `flag` is --move or --to.
error-renumber-not-a-number = { $flag } { $text }: not an item number (write it as the item's `number` is written: 31, 2.10, 45a)
error-renumber-year-goes-on = cannot renumber { $meeting }: its last item would be { $after } instead of { $before }, and { $next } (numbered through the year, rk.toml's `numbering = "year"`) goes on from it; renumber so that the last item keeps its number, or renumber { $next } too; nothing was changed
# The last item number of a meeting that has none.
error-renumber-no-number = none

## rk watch, rk lsp, rk explain, rk layout, rk diff

error-watch-cannot = cannot watch for changes
error-watch-cannot-dir = cannot watch { $dir }
error-watch-stopped = the watch stopped
error-watch-cannot-serve = cannot serve on 127.0.0.1:{ $port }
error-lsp-stdio-only = rk lsp speaks over standard input and output only, not { $flag }: set the client's transport to stdio (in VS Code's languageclient: `transport: TransportKind.stdio`)
# `hint` is empty or `error-did-you-mean`.
error-no-rule = no rule `{ $name }`{ $hint }; `rk explain` lists the rules
error-no-built-in-layout = no built-in layout `{ $name }`{ $hint }; the built-in layouts are: { $names }
error-layout-not-empty = { $folder } is not empty: rk layout copy writes into a new or empty folder and writes over nothing
# `rk diff 2020-11-25`: the revision left out; `error` is why the meeting
# is no revision.
error-diff-meeting-as-base = { $error }; `{ $meeting }` is a meeting, and the first argument is the revision to compare with: `rk diff main { $meeting }`

## The project (src/project.rs) and rk.toml (src/config.rs)

error-cannot-open = cannot open { $path }
error-no-project = no rk project found: neither { $dir } nor any folder above it holds rk.toml or meetings/
# A MEETING argument that several meeting folders end with; `folders` is
# a line per folder.
error-several-meetings = { $arg } names { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
}; give the folder instead:
    { $folders }
# `hint` is empty, `error-did-you-mean` or `error-meetings-known`.
error-no-meeting = no meeting `{ $arg }`: not a meeting under { $dir } nor a folder with a meeting.yaml{ $hint }
error-meetings-known = {" "}(meetings: { $meetings })
error-config-misplaced-key = `{ $key }` on line { $line } landed inside `[{ $table }]`: every key after a `[{ $table }]` line belongs to that table, which has no `{ $key }`. Top-level keys go before the first table: move `{ $key }` above `[{ $table }]`

## Layouts (src/layout.rs)

error-no-layout = no layout `{ $name }`: it is neither a built-in layout ({ $names }) nor a folder
# `file` is a file of the layout (referat.typ, labels.toml).
error-layout-lacks = the layout { $name } has no { $file }
error-not-utf8 = { $path } is not UTF-8
error-layout-calendar-names = { $name }/labels.toml: `weekdays` needs 7 names and `months` 12
error-layout-fallback-lacks-table = the built-in { $layout } layout has no [{ $table }] labels
error-layout-fallback-lacks-word = the built-in { $layout } layout has no `{ $word }`
# `lines` are the labels.toml lines to add.
error-layout-no-agenda = the layout { $name } cannot make an agenda: its labels.toml needs the word for it and the headings of the parts written at the meeting, which the agenda leaves out; add { $lines }
# Two things named together.
error-both = { $first } and { $second }
error-cannot-open-layout = cannot open the layout { $path }
error-layout-outside = { $path } points outside the layout folder
error-layout-too-large = the layout { $path } is larger than 64 MB

## Building (src/publish/build.rs)

error-cannot-remove = cannot remove { $path }
# `which` is `error-draft` or `error-drafts`, `cause` `error-publish-flag`
# or `error-publish-config`, `file` a meeting.yaml or `error-drafts-file`.
error-not-built-draft = not built: { $which } (`status: udkast`), and { $cause } builds only approved referater; nothing was written. When the referat is approved, write `status: godkendt` and `approved: <the date of the approval>` in { $file }
error-draft = { $meeting } is a draft
error-drafts = { $meetings } are drafts
error-publish-flag = --publish
error-publish-config = rk.toml's `publish = true`
error-drafts-file = each one's meeting.yaml
error-nothing-added = { $meeting }: no item was added to the agenda after it went out (`added` in an item), so there is no tillægsdagsorden; nothing was written
error-typst-data = cannot write the meeting's data for the typesetting engine
error-layout-does-not-typeset = the layout { $name } does not typeset (see above); no output was written
error-source-date-epoch = SOURCE_DATE_EPOCH={ $value } is not a number of seconds
error-pdf-time = the time { $seconds } cannot be written in a PDF
error-build-no-date = cannot build { $meeting }: meeting.yaml has no date of the form YYYY-MM-DD

## Planning and publishing (src/publish/)

# What would lie inside the published tree (`what` of
# `error-internal-inside-published`).
error-internal-edition = the internal edition
error-internal-change-page = the internal change page
error-internal-inside-published = { $what } cannot go to { $out }: that is inside { $published }, the tree that gets published; give --out (or out_internal in rk.toml) a folder outside it
error-accessibility-statement-not-an-address = rk.toml: `accessibility_statement` under [site] is `{ $url }`, not a whole web address: write the address of the tilgængelighedserklæring with https:// (`https://www.was.digst.dk/referater-example-dk`)
error-site-url-not-an-address = rk.toml: `url` under [site] is `{ $url }`, not a whole web address: write the address out/ is published at, with https:// (`https://referater.example.dk/`)
error-labels-lack-index-word = { $layout }/labels.toml has no `{ $key }` under [index]
error-no-meetings = no meetings found under { $dir }
error-cannot-make-temporary = cannot make a temporary folder
# The document that was sent (`what` of `error-sent-not-found`).
error-sent-agenda = agenda
error-sent-added-agenda = tillægsdagsorden
# `why` is why git cannot find the commit.
error-sent-not-found = not built: the { $what } of { $meeting } was sent on { $sent } (`{ $key }` in { $file }), so rk builds it as the commit that sent it holds it, and that commit cannot be found, because { $why }; nothing was written, and the { $what } built when it was sent stays as it was
# `rk build --all` with meetings that failed: this line, then an error per
# meeting, then `error-and-more`.
error-not-built-several = { $n ->
    [one] 1 meeting
   *[other] { $n } meetings
} could not be built:
error-and-more = and { $n } more

## git (src/source/git.rs)

error-git-cannot-run-diff = rk diff reads the earlier version with git, and git cannot be run here (is it installed and on PATH?)
# `why` is empty or `error-git-says-aside`.
error-git-no-repository = { $dir } is not in a git repository{ $why }: rk diff compares with a revision of the repository the meetings are committed in
error-git-says-aside = {" "}(git says: { $said })
error-git-unknown-revision = unknown revision `{ $base }`: git knows no branch, tag or commit of that name in { $dir } (in CI, fetch it first: `git fetch origin { $base }`, or check out with the whole history)
error-git-folder-unnamed = a meeting folder has a name
error-git-cannot-list = git cannot list { $folder } at { $revision }
error-git-cat-file = cannot run git cat-file
error-git-cat-file-read = cannot read from git cat-file
error-git-cat-file-unfinished = git cat-file did not finish
error-git-cat-file-unreadable = git cat-file gave an output rk cannot read
error-git-outside-work-tree = { $dir } is not inside the git work tree { $top }
error-git-cannot-run-sent = rk builds a sent agenda from the git commit that sent it, and git cannot be run here (is it installed and on PATH?)
# Why the commit that sent an agenda cannot be found (`why` of
# `error-sent-not-found`).
error-sent-no-repository = the meeting is not in a git repository
error-git-says = git says: { $said }
error-sent-shallow = this clone's history is shallow and begins at { $commit }, so the commit that sent it may be older: fetch the whole history (`git fetch --unshallow`; in CI, check out with `fetch-depth: 0` or `GIT_DEPTH: 0`)

## git's history, for approved meetings (src/source/history.rs)

error-history-unreadable = git's history cannot be read: { $error }
error-history-reader-failed = a reader of git's objects failed
error-git-cat-file-closed = git cat-file was closed
error-git-cat-file-write = cannot write to git cat-file
# `said` is git's line, quoted.
error-git-cat-file-said = git cat-file said { $said }

## Renumbering (src/source/renumber/)

error-cannot-move = cannot move { $path }
error-renumber-cannot-write-in = cannot write in { $path }: nothing was changed
error-renumber-undone = nothing was changed: every file is back as it was
error-renumber-merge-conflict = git's index has { $file } in a merge conflict: resolve it, then rename
error-renumber-index-not-updated = the files are renamed, but git's index was not updated: `git add -A` on the meeting folder records the renames
error-renumber-git-cannot-run = git cannot be run: { $error }
# `files` is the first working file left, and `error-and-more`.
error-renumber-stopped-half-way = { $dir } holds { $files } from an rk renumber that was stopped half-way: each .rk-renumber-N.old is a file as it was, each .rk-renumber-N.new its renumbered text; put them back (git status and git restore show what is missing) and remove them, then renumber again
error-renumber-unreadable-item = cannot renumber { $meeting }: an item file cannot be read, so its number is not known; fix the findings of `rk check { $meeting }` first
error-renumber-no-number-read = cannot renumber { $meeting }: { $file } has no item number rk can read; fix the findings of `rk check { $meeting }` first
error-renumber-same-number = cannot renumber { $meeting }: { $other } and { $file } are both item { $number }, and which comes first is not known; give one of them its number first
# A place in a file: `meeting.yaml, line 12`.
error-line = line { $line }
error-renumber-not-a-number-in-items = cannot renumber { $meeting }: `{ $written }` in the items of { $name } ({ $place }) is not an item number; write the numbers as a list ([24, 25, 26]) first
# What names an item number (`what` of `error-renumber-would-name`).
error-renumber-items-of = the items of { $name }
error-renumber-the-link = the link #punkt-{ $anchor } in { $file }
error-renumber-range-apart = cannot renumber { $meeting }: `{ $written }` in the items of { $name } ({ $place }) is a range whose items would not run together after renumbering; write the numbers as a list first
error-renumber-empty-range = an empty range
error-renumber-range-becomes = its items become { $items }
error-renumber-range-dash = a range has a dash
error-renumber-would-name = cannot renumber { $meeting }: `{ $old }` in { $what } is no item of { $meeting }, and after renumbering it would name the item now numbered { $now }; take it out or correct it first
# Where an item lies (`own` and `there` of the next two).
error-renumber-no-section = no section
error-renumber-the-section = the section { $title }
error-renumber-out-of-section = cannot move item { $from } there: it lies in { $own }, and at { $to } it would lie in { $there }; move it within its section, or change the sections in meeting.yaml first
error-renumber-out-of-closed-section = cannot move item { $from } there: it lies in { $own }, and at { $to } it would lie in { $there } and be published; move it within its section, or change the sections in meeting.yaml first
error-renumber-changed-meanwhile = { $file } changed while rk renumber read it: nothing was changed
error-renumber-same-name = cannot renumber: two files would be named { $file }; rename one of them first
error-renumber-name-taken = cannot renumber: { $file } is there already; rename or remove it first
error-renumber-letter-first = cannot renumber: item { $number } is lettered but no item comes before it to follow
error-renumber-no-such-item = there is no item { $number } to move
# The items a moved item stays among (`level` of
# `error-renumber-other-level`).
error-renumber-group-level = the items of group { $group } ({ $group }.1, { $group }.2 …)
error-renumber-top-level = the top-level items
error-renumber-other-level = --to { $to }: item { $from } moves among { $level }; give it a number there
error-renumber-to-lettered = --to { $to }: a moved item gets a plain number (a letter is for an item put in after the agenda was sent); move it to a number without a letter
error-renumber-to-outside = --to { $to }: the items there are numbered { $start } to { $last }; give a number among them
error-renumber-too-many-letters = cannot renumber: more than 26 lettered items after item { $number }
error-renumber-too-large = cannot renumber: item numbers after { $number } do not fit

## Why an approved meeting was not compared with its approval (src/source/history.rs)

# Shown in commands.ftl's `cmd-approval-not-checked`.
error-history-no-git = git cannot be run here (is it installed and on PATH?)
error-history-approval-not-committed = the meeting has not been committed as approved (`status: godkendt`)
