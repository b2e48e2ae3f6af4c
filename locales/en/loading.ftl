# The findings met while reading a meeting folder (src/source/): files,
# encodings, YAML, fields, the status of the referat and the fields of the
# beslutningsprotokol. Most are made in src/source/findings.rs and named
# after the function that makes them; `.help` and `.note` are a finding's
# help and note.

## Files

load-no-meeting-yaml = this meeting folder has no meeting.yaml
    .help = add meeting.yaml with body, date, referent and members, or remove the folder

## Encodings (src/source/decode.rs)

load-encoding-utf16 = the file is UTF-16, rk reads UTF-8
    .help = save the file as UTF-8 (with or without BOM)
load-encoding-nul = the file holds a NUL byte: it is not a text file
    .help = remove the NUL byte, or move a binary file into bilag/
load-encoding-lone-cr = the file ends its lines with CR alone (old Mac line endings)
    .help = save the file with LF or CRLF line endings
# $byte: the first byte that is no UTF-8, as two hex digits (E6).
load-encoding-not-utf8 = the file is not valid UTF-8 (byte 0x{ $byte })
    .help = save the file as UTF-8 (with or without BOM)

## YAML: the parser's errors in a referent's words (src/source/findings.rs)

# $said: the YAML parser's own message, in English.
load-yaml-parser-says = the YAML parser says: { $said }
load-yaml-cannot-be-read = this YAML cannot be read
load-yaml-colon-quotable = a value with a colon needs quotes
    .help = a value that holds `: ` must be quoted (title: "Tema: Evaluering"); if it is not that, check that the fields of one mapping line up
load-yaml-colon = a `: ` where YAML does not expect one: the fields do not line up, or a value with a colon needs quotes
    .help = a value that holds `: ` must be quoted (title: "Tema: Evaluering"); if it is not that, check that the fields of one mapping line up
load-yaml-not-lined-up = the lines of a list or mapping do not line up
    .help = the entries of one list or mapping must line up: check the indentation
load-yaml-stray-dash = a list entry `- ` where YAML does not expect one
    .help = a `{"{"}` or `[` above may not be closed on its line (`{"{"} name: Anna Holm {"}"}`), or the entries of the list do not line up
load-yaml-comment-in-value = ` #` in a value starts a comment
    .help = ` #` starts a comment in YAML: put the value in quotes (title: "Budget #2")
load-yaml-after-quote = text after the closing quote
    .help = a quoted value is the whole value: put all of it in quotes (title: "'Tema' og mere"), or none of it
load-yaml-stray-colon = a `:` where YAML does not expect one
    .help = a `[` or `{"{"}` is not closed on its line, or a value with `:` needs quotes
load-yaml-simple-key = a line YAML cannot read as `field: value`
    .help = write a space after the colon (`kind: beslutning`), and line up the fields
load-yaml-quote-not-closed = a quoted value is not closed
    .help = end a value that starts with `"` or `'` with the same quote, on the same line
load-yaml-flow = a list in `[ ]` or a mapping in `{"{"} {"}"}` cannot be read to its end
    .help = a `[` or `{"{"}` is not closed, or a value in it needs quotes
load-yaml-tab = a tab where YAML wants spaces
    .help = indent with spaces, not tabs
load-yaml-reserved-character = a value starts with a character YAML reserves
    .help = a value that starts with `@`, a backtick, `%` or `!` must be quoted: title: "@x"

## YAML: what rk finds itself (src/source/yaml.rs)

load-yaml-tab-in-indentation = a tab in the indentation
    .help = indent with spaces, not tabs
# $quote: the curly quote (“).
load-yaml-curly-not-a-quote = `{ $quote }` is not a YAML quote, so this value is not quoted
# $fixed: the line written with straight quotes.
load-yaml-straight-quotes = “…” are not YAML quotes: use straight quotes: `{ $fixed }`
# $quote: " or '.
load-yaml-unclosed-quote = the quote `{ $quote }` that starts this value is not closed
    .help = end the value with `{ $quote }` on the same line: `{ $line }{ $quote }`
    .help-in-brackets = end the quoted value with `{ $quote }`
# $bullet: the bullet (•) written where YAML wants `- `.
load-yaml-not-a-list-marker = `{ $bullet }` is not a list marker in YAML
    .help = write `- { $entry }`: a hyphen and a space
load-yaml-one-document = only one YAML document is allowed here
load-yaml-alias = anchors and aliases (`*name`) are not supported in rk sources
    .help = write the value out in full
load-yaml-key-not-plain = a key must be a plain name, not a list or mapping
load-yaml-key-twice = the field `{ $field }` is given twice in one mapping
    .help = remove one of the two

## Front matter

load-no-front-matter = agenda item has no front matter (no `number` and `title`)
    .help =
        start the file with front matter:
        ---
        number: "2.1"
        title: <title>
        sag: SAG-2020-01234
        ---
load-front-matter-not-closed = front matter is not closed: no `---` line after it
    .help = end the front matter with a line holding only `---`

## Fields

# $what: a mapping, one of the load-mapping-* below.
load-unknown-field = unknown field `{ $name }` in { $what }
    .help = did you mean `{ $meant }`?
    .help-danish = did you mean `{ $meant }`? Field names are in English
    .help-list = the fields of { $what } are: { $allowed }

# The mappings of fields, as the messages about them name them.
load-mapping-meeting-yaml = meeting.yaml
load-mapping-item = an agenda item
load-mapping-this-item = this agenda item
load-mapping-person = a person
load-mapping-list-entry = an entry of this list
load-mapping-section = a section
load-mapping-attachment = an attachment
load-mapping-added = `added`
load-mapping-approval = an approval
load-mapping-correction = a berigtigelse
load-mapping-vote = a vote
load-mapping-vote-counts = the counts of a vote
load-mapping-dissent = a protokoltilførsel
load-mapping-inhabil = an inhabil member

load-field-missing = { $what } has no `{ $field }`
load-field-empty = `{ $field }` is empty

# What to write for a required field that is missing or empty.
load-required-body = write `body: It-Arkitekturrådet`
load-required-date = write `date: 2020-11-25`
load-required-referent = write `referent: <name of a present person>`
load-required-members =
    write `members:
      - name: <name>
        organisation: <organisation>`
load-required-item-number = write `number: "2.1"` in the front matter
load-required-item-title = write `title: <the item's title>` in the front matter
load-required-entry-name = write the person's name after `- `, or remove the line
load-required-person-name = add `name: <full name>`
load-required-attachment-file = add `file: bilag/<name>`
load-required-attachment-url = write the page's full address: `url: https://...`
load-required-added-date = add the date the item was put on the agenda: `date: 2024-05-27`
load-required-added-reason = add why the item could not wait for the next meeting: `reason: "..."`
load-required-section-title = add `title: <the heading>`, e.g. `title: Lukkede punkter`
load-required-section-from = add `from: <the number of the section's first item>`
load-required-correction-date = add `date: YYYY-MM-DD`, the day the correction was made
load-required-correction-text = add `text: <what is corrected, and how>`
load-required-vote-subject = write what was voted on: `subject: Ændringsforslag fra Ø`
load-required-vote-outcome = write `outcome: vedtaget` or `outcome: forkastet`
load-required-dissent-by = write who asked for it: `by: Ø` or `by: [Jens Vestergaard]`
load-required-dissent-text = write what is to be recorded: `text: Enhedslisten kan ikke støtte …`

load-not-a-mapping = { $what } must be a mapping of fields
# $kind: `list` or `mapping`.
load-not-text = `{ $field }` must be text, not { $kind ->
        [list] a list
       *[mapping] a mapping
    }
    .help = write `{ $field }: <text>` on one line
    .help-list = write one value after `{ $field }:`; if it holds a comma or brackets, put it in quotes
load-not-a-boolean = `{ $field }` must be true or false
    .help = write `{ $field }: true` or `{ $field }: false`
load-curly-quoted = `{ $text }` is in curly quotes, which YAML keeps as part of the text
load-cut-short-by-comment = `#` starts a YAML comment here: `{ $field }` is read as `{ $read }`
    .help = write `{ $fixed }`
# The help of load-yaml-not-a-list-marker for a value written as a
# bulleted list. $list: the entries, each on a line of its own as `  - entry`.
load-bulleted-list =
    .help =
        write one entry a line after `- `:
        { $field }:{ $list }
load-not-a-list-of-people = `{ $group }` must be a list of people
    .help =
        write one person a line:
        { $group }:
          - <name>
load-not-a-list-of-attachments = `attachments` must be a list of `{"{"} file, title {"}"}` or `{"{"} url, title {"}"}`
load-file-and-url = an attachment is a `file` or a `url`, not both
    .help = make them two attachments, each with its own `title`
# $values: the values, each in backticks, separated by commas.
load-not-one-of = `{ $value }` is not a value of `{ $field }` (one of { $values })
    .help = did you mean `{ $field }: { $meant }`?
    .help-list = `{ $field }` is one of { $values }, written as here

## The status of the referat

load-approved-missing = an approved referat (`status: godkendt`) has no `approved` date
    .help = write `approved: YYYY-MM-DD`, the date the referat was approved
load-approved-empty = `approved` is empty
    .help = write `approved: YYYY-MM-DD`, the date the referat was approved
load-approved-on-a-draft = a draft (`status: udkast`) has no approval date
    .help = write `status: godkendt` once the referat is approved, or remove `approved`
load-approved-without-status = `approved` is given, but no `status`
    .help = add `status: godkendt` (or remove `approved`)
load-not-a-list-of-approvals = `approvals` must be a list of `{"{"} name, date, forbehold {"}"}`
    .help =
        write `approvals:
          - {"{"} name: Anna Holm, date: 2024-06-26 {"}"}`
load-not-a-list-of-corrections = `berigtigelser` must be a list of `{"{"} date, text {"}"}`
    .help =
        write `berigtigelser:
          - {"{"} date: 2024-07-03, text: "..." {"}"}`
load-not-a-list-of-sections = `sections` must be a list of `{"{"} title, from, closed {"}"}`
    .help =
        write `sections:
          - title: Lukkede punkter
            from: 48
            closed: true`

## The beslutningsprotokol

# $field: `votes`, `dissents` or `inhabil`; the help shows how an entry is written.
load-not-a-list-of = `{ $field }` must be a list
    .help-votes =
        write `votes:
          - subject: Indstillingen
            for: [A, V]
            against: [Ø]
            outcome: vedtaget`
    .help-dissents =
        write `dissents:
          - by: Ø
            text: Enhedslisten ønsker ført til protokol, at …`
    .help-inhabil =
        write `inhabil:
          - name: Bo Hilsted
            reason: hans ægtefælle er ansat i revisionsfirmaet`
load-not-groups = `groups` must map each group's letter to its name
    .help =
        write `groups:
          A: Socialdemokratiet
          V: Venstre`
load-not-a-count = `{ $value }` is not a number of votes
    .help = write the number of votes as digits: `{ $choice }: 14`
