# The findings of the rules about meeting.yaml (src/check/findings.rs):
# its date, when the agenda was sent, the approval, corrections, the
# project and who was there. Each message is named after the function
# that makes it; `.help` and `.note` are its help and note.

## date-mismatch

meeting-not-a-date = `{ $written }` is not a real date
    .help = write `date: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date as YYYY-MM-DD, e.g. 2020-11-25
meeting-date-differs-from-folder = the date { $written } differs from the folder's date { $folder }
    .help = write `date: { $folder }`, or rename the folder to { $written }
meeting-folder-not-named-by-date = the meeting folder `{ $folder }` is not named by its date
    .help = name the folder { $written } (optionally with a suffix: { $written }-ekstra)
meeting-added-not-a-date = the date `{ $written }` the item was added is not a real date
    .help = write `date: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date the item was put on the agenda as YYYY-MM-DD, e.g. 2024-05-27
meeting-added-after-meeting = the item is added to the agenda on { $added }, after its meeting on { $held }
    .help = an item is added to the agenda before or on the day of the meeting: write the date the tillægsdagsorden was sent

# When the agenda was sent: `$key` is the date's field, `agenda_sent` or
# `added_agenda_sent` (the tillægsdagsorden's).
meeting-sent-not-a-date = `{ $key }: { $written }` is not a real date
    .help = write `{ $key }: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date it was sent as YYYY-MM-DD: `{ $key }: 2026-03-04`
meeting-sent-after-meeting = the { $key ->
        [added_agenda_sent] tillægsdagsorden
       *[agenda_sent] agenda
    } is sent on { $sent }, after its meeting on { $held }
    .help = `{ $key }` is the date the { $key ->
        [added_agenda_sent] tillægsdagsorden
       *[agenda_sent] agenda
    } went out, before or on the day of the meeting
meeting-added-sent-before-agenda = the tillægsdagsorden is sent on { $added }, before the agenda on { $agenda }
    .help = `added_agenda_sent` is the date the tillægsdagsorden went out, after `agenda_sent`

# The approval. `$what` is `approval` (an entry of `approvals`) or
# `berigtigelse` (an entry of an item's `berigtigelser`).
meeting-approved-not-a-date = the approval date `{ $written }` is not a real date
    .help = write `approved: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date the referat was approved as YYYY-MM-DD, e.g. 2020-12-02
meeting-approved-before-meeting = the referat is approved on { $approved }, before its meeting on { $held }
    .help = a referat is approved at or after its meeting: write the date it was approved
meeting-dated-not-a-date = the { $what ->
        [berigtigelse] berigtigelse
       *[approval] approval
    } date `{ $written }` is not a real date
    .help = write `date: { $date }`: dates are written YYYY-MM-DD
    .help-no-guess = write the date of the { $what ->
        [berigtigelse] berigtigelse
       *[approval] approval
    } as YYYY-MM-DD, e.g. 2024-06-26
meeting-dated-before-meeting = the { $what ->
        [berigtigelse] berigtigelse
       *[approval] approval
    } is dated { $date }, before the meeting on { $held }
    .help = the { $what ->
        [berigtigelse] berigtigelse
       *[approval] approval
    } is made at or after the meeting: write the date it was made

## missing-field

meeting-no-approvers = the referat is approved (`status: godkendt`), but `approvals` names nobody who approved it
    .help = rk.toml asks for approvers (`approvers = "required"`): write `approvals:
        {"  "}- {"{"} name: <a member who took part>, date: YYYY-MM-DD {"}"}`

## bad-approver

# `$who` is who signs, as rk.toml's `approval` says: `members` (the members
# present) or `chair-and-referent`.
meeting-approver-absent = { $name } approved the referat, but is listed as absent: only the { $who ->
        [chair-and-referent] chair and the referent
       *[members] members present
    } sign it
meeting-approver-not-a-signer = { $name } approved the referat, but is not among the { $who ->
        [chair-and-referent] chair and the referent
       *[members] members present
    }, who sign it
    .help-meant = did you mean `{ $meant }`?
    .help = write the name of one of the { $who ->
        [chair-and-referent] chair and the referent
       *[members] members present
    } as meeting.yaml lists them, or remove the entry
meeting-approver-twice = { $name } is listed twice under `approvals`
    .help = each member signs once: remove one of the entries

## changed-after-approval

-meeting-by-addition = an approved referat is corrected by addition only: undo the change
meeting-changed-after-approval = { $file } was changed after the referat was approved (commit { $commit } of { $date }, where meeting.yaml first says `status: godkendt`)
    .help = { -meeting-by-addition } (`git checkout { $commit } -- { $file }` in the meeting folder) and write the correction as a new entry at the end of the item's `berigtigelser: [{"{"} date: YYYY-MM-DD, text: ... {"}"}]`
meeting-added-after-approval = { $file } was added to the meeting after the referat was approved (commit { $commit } of { $date })
    .help = { -meeting-by-addition } (remove { $file }) and write the correction as a `berigtigelser` entry of the item it concerns
meeting-removed-after-approval = { $file } was removed from the meeting after the referat was approved (commit { $commit } of { $date })
    .help = { -meeting-by-addition } (`git checkout { $commit } -- { $file }` in the meeting folder) and write the correction as a `berigtigelser` entry of the item it concerns

## internal-tracked

# `$n` files are tracked, `$first` the first of them; `$gitignore` is
# `none` (the project has no .gitignore), `without` (its .gitignore does
# not name the folder) or `with`.
meeting-internal-tracked = git tracks the internal edition ({ $n ->
        [one] 1 file:
       *[other] { $n } files, among them
    } { $first }): it holds the closed items' text
    .help = stop tracking it with `git rm -r --cached { $folder }` and commit{ $gitignore ->
        [none] , and write a .gitignore beside rk.toml with the line `/{ $folder }/`
        [without] , and add the line `/{ $folder }/` to .gitignore
       *[with] {""}
    }; keep the repository private: what was pushed stays in its history

## Who was there: no-attendees, duplicate-person, absent-and-present,
## bad-substitute

meeting-no-members = `members` lists nobody
    .help = list the members present under `members:`; a referat needs attendees
meeting-listed-twice-present = { $name } is listed twice among the present
    .help = { $name } is already listed under `{ $group }`: remove one of the two
meeting-listed-twice-absent = { $name } is listed twice under `absent`
    .help = remove one of the two
meeting-absent-and-present = { $name } is listed under `absent` and under `{ $group }`
    .help = a person is either absent or present: remove one of the two
meeting-absent-attended-items = { $name } is listed under `absent` with items attended
    .help = someone who attended some items is present: move { $name } to `members`, `others` or `guests` with these `items`, or remove `items`
meeting-bad-substitute = { $person } is a substitute for { $absent }, who is not listed under `absent`
    .help-meant = did you mean `{ $meant }`?
    .help = add { $absent } under `absent:`

## unknown-person

# `$role` is `referent`, `chair` or `presenter` (of an item).
meeting-role-absent = the { $role ->
        [chair] chair
        [presenter] presenter
       *[referent] referent
    } { $name } is listed as absent
    .help = { $listed } is listed under `absent`: name a { $role ->
        [chair] chair
        [presenter] presenter
       *[referent] referent
    } who was present, or move { $listed } from `absent` to the people present if they came
meeting-role-not-present = the { $role ->
        [chair] chair
        [presenter] presenter
       *[referent] referent
    } { $name } is not among the people present
    .help-meant = did you mean `{ $meant }`?
    .help = add { $name } to `members`, `others` or `guests` in meeting.yaml
    .help-short = did you mean `{ $full }`? Write the name as the participant list has it
    .help-ambiguous = `{ $name }` could be { $listed }: write the full name as the participant list has it
meeting-presenter-not-attending = the presenter { $name } attended only { $n ->
        [one] item
       *[other] items
    } { $attended }, not item { $item }
    .help = add { $item } to the `items` of { $name } in meeting.yaml, or name a presenter who attended item { $item }

## unknown-item, bad-value

meeting-unknown-item = { $name } attended item { $number }, which this meeting does not have
    .help-meant = did you mean `{ $meant }`?
meeting-the-items-none = this meeting has no items to attend
meeting-the-items-range = this meeting's items run from { $first } to { $last }
meeting-the-items = this meeting's items are { $items }
meeting-range-end-not-an-item = { $name } attended items { $written }, but this meeting has no item { $end }
    .help = write the items { $name } attended as a list: `items: [{ $within }]`
meeting-attended-not-a-number = `{ $written }` in `items` is not an item number
    .help = write `{ $fixed }`: `items` lists item numbers, like `items: [7, 8]`
    .help-no-guess = `items` lists the numbers of the items the person attended, like `items: [7, 8]`

## Lists in the messages: `$rest` is all but the last, joined by commas.

meeting-list-and = { $rest } and { $last }
meeting-list-or = { $rest } or { $last }
