# The findings of the rules about the agenda and the items
# (src/check/findings.rs from "The agenda" on, and the typesetting
# engine's findings, src/render/typst/diagnostics.rs): item numbers,
# cases, sections, bilag, the items' text, glyphs and the
# beslutningsprotokol. Each message is named after the function that
# makes it; `.help` and `.note` are its help and note.

## The agenda

items-no-agenda-items = this meeting has no agenda items
    .help = write each item as a Markdown file beside meeting.yaml, such as 01-godkendelse.md with `number` and `title` in its front matter
items-no-public-decision = this closed item has no public decision
    .help = add `public_decision: |` above this line with the decision as it may be published (what was decided, without what is confidential): rk.toml says `closed_decisions = "required"`
items-public-decision-of-open-item = `public_decision` on an item that is not closed
    .help = an open item is published whole: remove `public_decision`, or close the item (`closed: true`) if its content is confidential
items-empty-item = this item has no text
    .help = write the item's parts (## Indstilling, ## Drøftelse) below this line

## numbering

items-not-an-item-number = `{ $text }` is not an item number
    .help = an item number is dot-separated whole numbers from 1, each with an optional lowercase letter, like 2 or 2.1 or 2.13 or 2a
# The help that says which number to write.
items-write-number = write `number: "{ $number }"`
items-number-too-deep = item { $number } has { $depth } levels; at most three are allowed
    .help = use at most three levels, like 2.9.1
items-number-used-twice = item number { $number } is used twice: also in { $first }
    .help = give each item its own number
items-no-parent-item = item { $number } has no parent item { $parent }
    .help = add an item numbered { $parent } (a group heading), or renumber this one
# $sections is `yes` when a section starts at this item or after it.
items-number-missing = item { $number } follows { $before }: item { $missing } is missing
    .first = item { $number } comes first at its level: item { $missing } is missing
    .help = add the missing item { $missing }; or, if no item is missing, number this item { $missing } and each of the { $later ->
        [one] 1 item
       *[other] { $later } items
    } after it { $step } lower{ $sections ->
        [yes] , and the `from` of the sections from here on in meeting.yaml
       *[no] {""}
    }
    .help-renumber = renumber this item { $missing }, or add the missing item
items-number-not-the-file-name-twice = item number { $written } is used twice: also in { $other }; this file's name says { $meant }, and item { $meant } is missing
items-number-not-the-file-name-follows = item { $written } follows { $before }: item { $meant } is missing, and this file's name says { $meant }
items-number-not-the-file-name-out-of-sequence = item number { $written } is out of sequence: this file's name says { $meant }, and item { $meant } is missing
items-number-twice-one-missing = item number { $written } is used twice: also in { $other }; and item { $missing } is missing
    .help = one of the two items numbered { $written } is item { $missing }: write `number: "{ $missing }"` in that one
items-numbering-does-not-continue = the first item is { $first }, but the previous meeting of the year, { $previous }, ended with item { $last }: item { $next } comes next
    .help = number this meeting's items from { $next }: rk.toml's `numbering = "year"` runs the items through the year

## missing-sag, bad-sag, bad-document

items-sag-empty = `sag` is empty
items-no-sag = this item has no `sag`
items-missing-sag-help = write `sag: SAG-YYYY-NNNNN`, or `sag: none` for an item without a case
    .example = write the case reference, like `sag: { $example }`, or `sag: none` for an item without a case
    .pattern = write the case reference (it matches `{ $pattern }`), or `sag: none` for an item without a case
items-not-a-case-reference = `{ $reference }` is not a case reference (pattern `{ $pattern }`)
    .empty = `sag` is empty (pattern `{ $pattern }`)
    .help = write `{ $fixed }`
    .help-default = a case reference looks like `SAG-2020-01234`; an item without a case has `sag: none`
    .help-example = a case reference looks like `{ $example }`; an item without a case has `sag: none`
    .help-pattern = a case reference matches `{ $pattern }`; an item without a case has `sag: none`
items-not-a-document-number = `{ $dok }` is not a document number (pattern `{ $pattern }`)
    .help = write the number as the case system gives it, or change `[document] pattern` in rk.toml
items-case-after-meeting = case { $reference } is from { $year }, after the meeting's year { $meeting_year }
    .help = check the year in the case reference

## numbering: the sections

items-section-start-malformed = section `{ $title }` starts at `{ $written }`, which is not an item number
    .help = write the number of the section's first item, like `from: 48`
items-section-start-not-top-level = section `{ $title }` starts at item { $from }, which is not a top-level item
    .help = a section starts at a top-level item: write `from: { $top }`, or number the items so that the section starts at one
items-section-start-not-an-item = section `{ $title }` starts at item { $from }, which is not on the agenda
    .help = write the number of the section's first item
items-section-out-of-order = section `{ $title }` starts at item { $from }, but the section before it, `{ $before }`, starts at item { $before_from }
    .help = list the sections in the order of their items, each starting after the one before

## inaccessible-pdf

# $what is one of the attributes of items-pdf-lacks; $details, the
# attributes of items-pdf-lacks-detail, joined by ", ".
items-inaccessible-pdf = bilag `{ $file }` { $what }: a screen reader cannot read it as it should ({ $details })
    .help = export it again as a tagged PDF with its language set: in Word, File > Save As > PDF > Options > "Document structure tags for accessibility", with the document's language set under Review > Language; in LibreOffice, Export as PDF > "Universal Accessibility (PDF/UA)"; a scanned paper needs text recognition and tags (e.g. Acrobat's Accessibility > Autotag) and its language set in Document Properties
items-pdf-lacks =
    .untagged = is an untagged PDF
    .untagged-no-language = is an untagged PDF and names no language
    .unmarked = is not marked as a tagged PDF
    .unmarked-no-language = is not marked as a tagged PDF and names no language
    .no-language = names no language
items-pdf-lacks-detail =
    .structure = no /StructTreeRoot
    .marked = no /MarkInfo with /Marked true
    .language = no /Lang
# $reason is one of the items-pdf-unreadable-* messages.
items-unreadable-pdf = bilag `{ $file }` { $reason }: whether it is accessible cannot be checked
items-pdf-unreadable-io = cannot be read ({ $error })
    .help = check that the file can be opened
items-pdf-unreadable-not-pdf = is named .pdf but is not a PDF
    .help = save or export it as PDF again, or name it for what it is
items-pdf-unreadable-encrypted = is a PDF locked with a password
    .help = publish it without a password to open it: a reader cannot open it, nor rk check it
items-pdf-unreadable-damaged = is a damaged PDF
    .help = export it as PDF again from the program that made it

## missing-file

# What a file is to the item, at the start of a finding.
items-file-use =
    .image = image
    .attachment = attachment
    .link = link
# $what is one of items-file-use; $reason, one of the items-path-* messages
# or another message about the file; $kind is `image`, `attachment` or `link`.
items-missing-file = { $what } { $reason }
    .help = put the { $kind ->
        [image] image
       *[other] file
    } in the meeting folder (e.g. bilag/) and name it relative to the folder
items-path-no-file = names no file
items-path-web-address = `{ $name }` is a web address; images and attachments must be files in the meeting folder
items-path-backslash = `{ $name }` is written with `\` between folders
items-path-absolute = `{ $name }` is an absolute path; name files relative to the meeting folder, like bilag/graf.png
items-path-absolute-prefix = `{ $name }` is an absolute path
items-path-outside = `{ $name }` points outside the meeting folder
items-path-does-not-exist = `{ $name }` does not exist in the meeting folder
items-path-folder-unresolved = cannot resolve the meeting folder: { $error }
items-path-unresolved = cannot resolve `{ $name }`: { $error }
items-path-link-outside = `{ $name }` is a link that points outside the meeting folder
items-path-not-a-file = `{ $name }` is not a file
items-image-unreadable = `{ $url }` cannot be read: { $error }
items-not-an-image = `{ $url }` is not a PNG, JPEG, GIF, WebP or SVG image
items-image-damaged = `{ $url }` is damaged and cannot be shown ({ $error })
    .help = save or export the image again from the program that made it
items-with-slash-help = write the path with `/` between folders: `{ $path }`
items-missing-link-target-help = put the file in the meeting folder (e.g. bilag/) and link it relative to the folder; a web address starts with https://
items-takes-an-outputs-place = { $what } `{ $name }` has the name of one of rk's own outputs, which would take its place
    .help = move it into a folder of its own, e.g. `bilag/`, or rename it
items-file-of-closed-item = { $what } `{ $name }` is a file of closed item { $number }, which is not published
    .help = a closed item's files are never published: remove it here, or publish a copy under a name of its own
items-closed-attachment-published = { $what } `{ $name }` is a closed attachment of item { $number }, which is not published
    .help = a closed attachment is never published: remove it here, or drop `closed: true` from the attachment if it may be published
items-image-too-large = image `{ $url }` is { $width } × { $height } pixels, more than the { $million } million an image may have
    .help = save a smaller copy of the image: 2,000 pixels across is plenty for a page

## The items' text

items-image-without-alt = an image without alt text
    .help = describe the image between the brackets: ![Graf over ...](bilag/graf.png)
items-nested-too-deep = lists, quotes and emphasis nested more than { $max } levels deep
    .help = flatten the structure: minutes rarely need more than a few levels
items-level-one-heading = a level-1 heading in an item body
    .help = the item's title is its heading: write parts as `## Indstilling`
items-heading-skips-level = a level-{ $level } heading follows level { $previous }: level { $expected } is skipped
    .help = write it as a level-{ $expected } heading (`{ $hashes } `)
items-raw-html = raw HTML in an item: it is shown as literal text, not as HTML
    .help = write it in Markdown instead, or escape the `<` as `\<` to mean the text
# $list is `numbered` or `bulleted`.
items-accidental-list = `{ $marker }` at the start of this line makes it { $list ->
        [numbered] a numbered list
       *[bulleted] a bulleted list
    }, not the rest of the paragraph above
    .help = if the line goes on from the line above, write `{ $escaped }` or move `{ $marker }` to the line above; if a list is meant, put a blank line before it
# $indent is `tab` or `spaces`.
items-indented-line = this line is indented by { $indent ->
        [tab] a tab
       *[spaces] four spaces
    }: Markdown would make it a code block
    .help = remove the indentation; rk shows the line as plain text, without its Markdown; code is written between two ``` lines
# $why is `space` or `unparsed`.
items-not-a-link = `[{ $text }]({ $target })` is not a link but text: { $why ->
        [space] its target has a space
       *[unparsed] its target does not parse
    }
    .help-space = write the target in angle brackets: `[{ $text }](<{ $target }>)`, or each space as `%20`
    .help = a link is `[text](target)`: a target with spaces in angle brackets (`[bilag 1](<bilag/Bilag 1.pdf>)`), its parentheses balanced, a title in quotes after a space
items-joined-line = this line is joined to the line above: a single line break inside a paragraph is a space
    .help = to keep the lines apart, end the line above with `\` (a line break), put a blank line between them, or write them as a list (`- `)
items-unsafe-link = a `{ $scheme }:` link in published minutes
    .help = links may use http, https or mailto only
items-not-a-web-address = `{ $url }` is not a web address: it has no `https:`
    .help = write the whole address, like `url: https://{ $address }`; a file in the meeting folder is `file: bilag/<name>`

## personal-data

# $place is one of the attributes of items-place.
items-personal-data-cpr = a CPR number in { $place }
items-personal-data-email = an e-mail address in { $place }
items-personal-data-phone = a phone number in { $place }
items-place =
    .meeting-yaml = meeting.yaml
    .public-item = a public item
    .closed-title = the title of a closed item
    .public-decision = the public decision of a closed item
items-place-help =
    .meeting-yaml = remove it: everything in meeting.yaml is published
    .item-cpr = remove it from the text: a public item is published; if the case concerns a person's private matters, the item belongs among the closed ones (`closed: true`)
    .item = remove it from the text, or move it to an attachment marked `closed: true` (`attachments: [{"{"} file: bilag/<name>, title: <title>, closed: true {"}"}]`), which is not published
    .title = remove it from the title: titles are published, even for closed items
    .public-decision = remove it from `public_decision`: that text is published, although the item is closed

## missing-glyph

items-forbidden-mark = `{ $escaped }` (U+{ $code }, an invisible mark) is not allowed in the text of the PDF: the archiving and accessibility standards the PDF follows forbid it
    .help = remove it: delete the word around it and write it again
# $kind is one of the attributes of items-glyph-kind.
items-not-in-fonts = `{ $text }` ({ $points }) is in none of the fonts of the layout { $layout }: the PDF cannot show it
    .kind = `{ $text }` ({ $points }, { $kind }) is in none of the fonts of the layout { $layout }: the PDF cannot show it
    .help = remove it or write it in words (an emoji as what it means); to keep it, build with a layout that has a font with it (`--layout DIR`, or `layout` in rk.toml)
items-glyph-kind =
    .control = a control character, invisible in most editors
    .emoji = an emoji or symbol
    .private = a private-use character, as Word writes a Wingdings symbol
    .korean = Korean
    .cjk = Chinese or Japanese
    .devanagari = Devanagari
    .bengali = Bengali
    .tamil = Tamil
    .telugu = Telugu
    .kannada = Kannada
    .malayalam = Malayalam
    .thai = Thai

## The beslutningsprotokol: votes, protokoltilførsler, inhabilitet

items-did-you-mean = did you mean `{ $meant }`?
items-party-in-name = `({ $letter })` is a party letter, not part of the name { $name }
    .help-same = write the name alone, `{ $name }`: its `party: { $letter }` is shown after it
    .help-other = write the name alone, `{ $name }`; its party is `party: { $party }` (which is shown after it)
    .help-defined = write the name alone and the party on the person: `- {"{"} name: { $name }, party: { $letter } {"}"}`
    .help = write the name alone and the party on the person: `- {"{"} name: { $name }, party: { $letter } {"}"}`, and define the group in rk.toml: `[groups]` with a line `{ $letter } = "<the party's name>"`
# What a person named in an item did there, after their name.
items-role-did =
    .voter = is named in a vote on item { $item }
    .dissenter = is named as author of a protokoltilførsel on item { $item }
    .presenter = is named as presenter of item { $item }
# Where in the item a name is written.
items-role-place =
    .voter = the vote
    .dissenter = the protokoltilførsel
    .presenter = `presenters`
items-unknown-group = `{ $letter }` is not the letter of a group
    .help-none = define the groups in rk.toml: `[groups]` with a line `{ $letter } = "<the party's name>"`
    .help = the groups are { $known }; add `{ $letter } = "<the party's name>"` under `[groups]` in rk.toml
# $did is one of items-role-did; $place, one of items-role-place.
items-took-no-part-absent = { $name } { $did }, but is listed as absent
    .help = remove { $name } from { $place }, or move { $name } from `absent` to `members` in meeting.yaml if they came
items-took-no-part-not-attending = { $name } { $did }, but attended only { $n ->
        [one] item
       *[other] items
    } { $items }
    .help = remove { $name } from { $place }, or add { $item } to the `items` of { $name } in meeting.yaml
items-took-no-part = { $name } { $did }, but is no member present
    .help = write the name as it is listed under `members` in meeting.yaml, or a group's letter
items-not-a-member = { $name } is listed under `{ $group }`, not among the members
    .help = only members vote or ask for a protokoltilførsel: remove { $name } from { $place }
items-inhabil-takes-part = { $name } { $did }, but was inhabil for it
    .help = an inhabil member takes no part in the item: remove { $name } from { $place }
    .help-stand-in = an inhabil member takes no part in the item: remove { $name } from { $place } ({ $stand_in } took the seat as stedfortræder)
items-inhabil-not-present-absent = { $name } is written as inhabil for item { $item }, but is listed as absent
    .help = an absent member is not inhabil: remove { $name } from `inhabil`
items-inhabil-not-present-not-attending = { $name } is written as inhabil for item { $item }, but did not attend item { $item }
    .help = remove { $name } from `inhabil`, or add { $item } to their `items` in meeting.yaml
items-inhabil-not-present = { $name } is written as inhabil for item { $item }, but is no member present
    .help = write the name as it is listed under `members` in meeting.yaml
items-named-twice-in-vote = { $name } is named twice in this vote
    .help = each member (or group) votes once: keep { $name } under one of `for`, `against` and `abstained`
items-count-differs = the count { $count } for `{ $side }` differs from the { $expected ->
        [one] 1 member
       *[other] { $expected } members
    } it names ({ $entries })
    .help = write `{ $side }: { $expected }`, or name under `{ $side }` every member who voted so (a group's letter stands for its members who took part in the item)
items-counts-exceed = the counts add up to { $total }, but { $members ->
        [one] 1 member
       *[other] { $members } members
    } took part in item { $item }
    .help = correct the counts: each member who took part votes once, or not at all
items-group-took-no-part = { $letter } { $did }, but no member of { $letter } took part in it
    .help = remove { $letter } from { $place }, or give the members of the group `party: { $letter }` in meeting.yaml

## typeset

items-typeset = the typesetting engine: { $message }
items-typeset-generated-hint = the generated document is what rk hands the engine; `rk build --emit-typst` writes it out to look into
# The file name of the generated document in a finding when
# `--emit-typst` did not write it out: no file on disk.
items-typeset-unwritten = (generated document)/referat.typ
# A file of a built-in layout as a finding names it, before its path.
items-typeset-built-in-layout = (built-in layout { $name })
