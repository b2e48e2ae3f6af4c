//! The wording of every finding the checks make: one function per message,
//! named for what it says, returning the [`Diagnostic`]. The rules decide
//! when a finding is due and where it points; what it says lives here.

use crate::check::case::CasePattern;
use crate::check::pdf;
use crate::check::personal::PersonalDataKind;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc, Rule};
use crate::image;
use crate::model::{ItemNumber, Part, PreviousMeeting, Signatories, Standing};
use crate::plural;
use crate::tr;

// meeting.yaml: the date ------------------------------------------------------

/// `date-mismatch`: the date is not a real YYYY-MM-DD date; `suggestion` is
/// the date it most likely means.
pub fn not_a_date(loc: Loc, written: &str, suggestion: Option<Date>) -> Diagnostic {
    let help = match suggestion {
        Some(iso) => tr!("meeting-not-a-date.help", date = iso.to_string()),
        None => tr!("meeting-not-a-date.help-no-guess"),
    };
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!("meeting-not-a-date", written = written),
    )
    .with_help(help)
}

/// `date-mismatch`: the date written is not the folder's.
pub fn date_differs_from_folder(loc: Loc, written: &str, folder: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-date-differs-from-folder",
            written = written,
            folder = folder.to_string()
        ),
    )
    .with_help(tr!(
        "meeting-date-differs-from-folder.help",
        written = written,
        folder = folder.to_string()
    ))
}

/// `date-mismatch`: the folder's name is not a date.
pub fn folder_not_named_by_date(loc: Loc, folder: &str, written: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!("meeting-folder-not-named-by-date", folder = folder),
    )
    .with_help(tr!(
        "meeting-folder-not-named-by-date.help",
        written = written
    ))
}

/// `date-mismatch`: an item's `added` date is not a real YYYY-MM-DD date;
/// `suggestion` is the date it most likely means.
pub fn added_not_a_date(loc: Loc, written: &str, suggestion: Option<Date>) -> Diagnostic {
    let help = match suggestion {
        Some(iso) => tr!("meeting-added-not-a-date.help", date = iso.to_string()),
        None => tr!("meeting-added-not-a-date.help-no-guess"),
    };
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!("meeting-added-not-a-date", written = written),
    )
    .with_help(help)
}

/// `date-mismatch`: an item is said to be added to the agenda after its
/// meeting was held.
pub fn added_after_meeting(loc: Loc, added: Date, held: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-added-after-meeting",
            added = added.to_string(),
            held = held.to_string()
        ),
    )
    .with_help(tr!("meeting-added-after-meeting.help"))
}

// meeting.yaml: when the agenda was sent --------------------------------------

/// `date-mismatch`: `agenda_sent` or `added_agenda_sent` (`key`) is not a
/// real YYYY-MM-DD date; `suggestion` is the date it most likely means.
pub fn sent_not_a_date(loc: Loc, key: &str, written: &str, suggestion: Option<Date>) -> Diagnostic {
    let help = match suggestion {
        Some(iso) => tr!(
            "meeting-sent-not-a-date.help",
            key = key,
            date = iso.to_string()
        ),
        None => tr!("meeting-sent-not-a-date.help-no-guess", key = key),
    };
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!("meeting-sent-not-a-date", key = key, written = written),
    )
    .with_help(help)
}

/// `date-mismatch`: the agenda or the tillægsdagsorden, as its date's
/// `key` (`agenda_sent`, `added_agenda_sent`) says, is said to be sent
/// after its meeting was held.
pub fn sent_after_meeting(loc: Loc, key: &str, sent: Date, held: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-sent-after-meeting",
            key = key,
            sent = sent.to_string(),
            held = held.to_string()
        ),
    )
    .with_help(tr!("meeting-sent-after-meeting.help", key = key))
}

/// `date-mismatch`: the tillægsdagsorden is said to be sent before the
/// agenda it adds to.
pub fn added_sent_before_agenda(loc: Loc, added: Date, agenda: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-added-sent-before-agenda",
            added = added.to_string(),
            agenda = agenda.to_string()
        ),
    )
    .with_help(tr!("meeting-added-sent-before-agenda.help"))
}

// meeting.yaml: the approval --------------------------------------------------

/// `date-mismatch`: `approved` is not a real YYYY-MM-DD date; `suggestion`
/// is the date it most likely means.
pub fn approved_not_a_date(loc: Loc, written: &str, suggestion: Option<Date>) -> Diagnostic {
    let help = match suggestion {
        Some(iso) => tr!("meeting-approved-not-a-date.help", date = iso.to_string()),
        None => tr!("meeting-approved-not-a-date.help-no-guess"),
    };
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!("meeting-approved-not-a-date", written = written),
    )
    .with_help(help)
}

/// `date-mismatch`: the referat is said to be approved before its meeting
/// was held.
pub fn approved_before_meeting(loc: Loc, approved: Date, held: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-approved-before-meeting",
            approved = approved.to_string(),
            held = held.to_string()
        ),
    )
    .with_help(tr!("meeting-approved-before-meeting.help"))
}

/// What a dated entry besides the meeting's own dates is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    /// An entry of `approvals`.
    Approval,
    /// An entry of an item's `berigtigelser`.
    Berigtigelse,
}

impl Dated {
    /// The catalogues choose their words by this.
    fn key(self) -> &'static str {
        match self {
            Dated::Approval => "approval",
            Dated::Berigtigelse => "berigtigelse",
        }
    }
}

/// `date-mismatch`: the date of an approval or a berigtigelse (`what`)
/// is not a real date.
pub fn dated_not_a_date(
    loc: Loc,
    what: Dated,
    written: &str,
    suggestion: Option<Date>,
) -> Diagnostic {
    let help = match suggestion {
        Some(iso) => tr!("meeting-dated-not-a-date.help", date = iso.to_string()),
        None => tr!("meeting-dated-not-a-date.help-no-guess", what = what.key()),
    };
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-dated-not-a-date",
            what = what.key(),
            written = written
        ),
    )
    .with_help(help)
}

/// `date-mismatch`: an approval or a berigtigelse (`what`) dated before
/// the meeting.
pub fn dated_before_meeting(loc: Loc, what: Dated, date: Date, held: Date) -> Diagnostic {
    Diagnostic::error(
        Rule::DateMismatch,
        loc,
        tr!(
            "meeting-dated-before-meeting",
            what = what.key(),
            date = date.to_string(),
            held = held.to_string()
        ),
    )
    .with_help(tr!("meeting-dated-before-meeting.help", what = what.key()))
}

/// `missing-field`: rk.toml's `approvers = "required"`, and an approved
/// referat names no approvers.
pub fn no_approvers(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingField, loc, tr!("meeting-no-approvers"))
        .with_help(tr!("meeting-no-approvers.help"))
}

/// `bad-approver`: an approver who is none of those who sign (`who`, as
/// rk.toml's `approval` says); `absent`: listed under `absent`.
pub fn approver_not_a_signer(
    loc: Loc,
    name: &str,
    absent: bool,
    who: Signatories,
    meant: Option<&str>,
) -> Diagnostic {
    let who = match who {
        Signatories::Members => "members",
        Signatories::ChairAndReferent => "chair-and-referent",
    };
    let message = if absent {
        tr!("meeting-approver-absent", name = name, who = who)
    } else {
        tr!("meeting-approver-not-a-signer", name = name, who = who)
    };
    let help = match meant {
        Some(name) => tr!("meeting-approver-not-a-signer.help-meant", meant = name),
        None => tr!("meeting-approver-not-a-signer.help", who = who),
    };
    let diag = Diagnostic::error(Rule::BadApprover, loc, message).with_help(help);
    match meant {
        Some(name) if !absent => diag.with_fix(name),
        _ => diag,
    }
}

/// `bad-approver`: the same approver twice.
pub fn approver_twice(loc: Loc, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadApprover,
        loc,
        tr!("meeting-approver-twice", name = name),
    )
    .with_help(tr!("meeting-approver-twice.help"))
}

// Corrections after the approval ------------------------------------------

/// The commit that approved a meeting: its short id and its date.
#[derive(Debug, Clone, Copy)]
pub struct Approving<'a> {
    pub commit: &'a str,
    pub date: &'a str,
}

/// `changed-after-approval`: a file differs from the approved version
/// beyond new berigtigelser.
pub fn changed_after_approval(loc: Loc, file: &str, approved: Approving<'_>) -> Diagnostic {
    Diagnostic::error(
        Rule::ChangedAfterApproval,
        loc,
        tr!(
            "meeting-changed-after-approval",
            file = file,
            commit = approved.commit,
            date = approved.date
        ),
    )
    .with_help(tr!(
        "meeting-changed-after-approval.help",
        file = file,
        commit = approved.commit
    ))
}

/// `changed-after-approval`: a file new since the approval.
pub fn added_after_approval(loc: Loc, file: &str, approved: Approving<'_>) -> Diagnostic {
    Diagnostic::error(
        Rule::ChangedAfterApproval,
        loc,
        tr!(
            "meeting-added-after-approval",
            file = file,
            commit = approved.commit,
            date = approved.date
        ),
    )
    .with_help(tr!("meeting-added-after-approval.help", file = file))
}

/// `changed-after-approval`: a file removed since the approval.
pub fn removed_after_approval(loc: Loc, file: &str, approved: Approving<'_>) -> Diagnostic {
    Diagnostic::error(
        Rule::ChangedAfterApproval,
        loc,
        tr!(
            "meeting-removed-after-approval",
            file = file,
            commit = approved.commit,
            date = approved.date
        ),
    )
    .with_help(tr!(
        "meeting-removed-after-approval.help",
        file = file,
        commit = approved.commit
    ))
}

// the project ---------------------------------------------------------------

/// `internal-tracked`: git tracks files of the internal edition's tree
/// (`folder`, as rk.toml's `out_internal` names it); `ignored`: whether the
/// project's .gitignore names the folder (`None`: there is no .gitignore).
pub fn internal_tracked(
    loc: Loc,
    folder: &str,
    tracked: &[String],
    ignored: Option<bool>,
) -> Diagnostic {
    let first = tracked.first().map_or(folder, String::as_str);
    let gitignore = match ignored {
        None => "none",
        Some(false) => "without",
        Some(true) => "with",
    };
    Diagnostic::warning(
        Rule::InternalTracked,
        loc,
        tr!("meeting-internal-tracked", n = tracked.len(), first = first),
    )
    .with_help(tr!(
        "meeting-internal-tracked.help",
        folder = folder,
        gitignore = gitignore
    ))
}

// meeting.yaml: who was there -------------------------------------------------

/// `no-attendees`: `members:` is there but empty.
pub fn no_members(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::NoAttendees, loc, tr!("meeting-no-members"))
        .with_help(tr!("meeting-no-members.help"))
}

/// `duplicate-person`: a present person listed again; `first_group` is
/// where they were listed first.
pub fn listed_twice_present(loc: Loc, name: &str, first_group: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::DuplicatePerson,
        loc,
        tr!("meeting-listed-twice-present", name = name),
    )
    .with_help(tr!(
        "meeting-listed-twice-present.help",
        name = name,
        group = first_group
    ))
}

/// `duplicate-person`: a name twice under `absent`.
pub fn listed_twice_absent(loc: Loc, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::DuplicatePerson,
        loc,
        tr!("meeting-listed-twice-absent", name = name),
    )
    .with_help(tr!("meeting-listed-twice-absent.help"))
}

/// `absent-and-present`: an absent person also listed under `group`.
pub fn absent_and_present(loc: Loc, name: &str, group: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::AbsentAndPresent,
        loc,
        tr!("meeting-absent-and-present", name = name, group = group),
    )
    .with_help(tr!("meeting-absent-and-present.help"))
}

/// `absent-and-present`: an absent person with `items`, the items they
/// attended.
pub fn absent_attended_items(loc: Loc, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::AbsentAndPresent,
        loc,
        tr!("meeting-absent-attended-items", name = name),
    )
    .with_help(tr!("meeting-absent-attended-items.help", name = name))
}

/// `bad-substitute`: `person` stands in for `absent`, who is not listed as
/// absent; `suggestion` is the absent name most like it.
pub fn bad_substitute(
    loc: Loc,
    person: &str,
    absent: &str,
    suggestion: Option<&str>,
) -> Diagnostic {
    let help = match suggestion {
        Some(name) => tr!("meeting-bad-substitute.help-meant", meant = name),
        None => tr!("meeting-bad-substitute.help", absent = absent),
    };
    Diagnostic::error(
        Rule::BadSubstitute,
        loc,
        tr!("meeting-bad-substitute", person = person, absent = absent),
    )
    .with_help(help)
}

/// A post that must be filled by someone present: the role a name has in
/// the `unknown-person` findings of meeting.yaml's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    /// meeting.yaml's `referent`.
    Referent,
    /// meeting.yaml's `chair`.
    Chair,
    /// One of an item's `presenters`.
    Presenter,
}

impl Post {
    /// The catalogues choose their words by this.
    fn key(self) -> &'static str {
        match self {
            Post::Referent => "referent",
            Post::Chair => "chair",
            Post::Presenter => "presenter",
        }
    }
}

/// `unknown-person`: the `role` `name` is absent; `listed` is the name the
/// absent list gives (the same, or the full name of which `name` is a
/// part).
pub fn role_absent(loc: Loc, role: Post, name: &str, listed: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::UnknownPerson,
        loc,
        tr!("meeting-role-absent", role = role.key(), name = name),
    )
    .with_help(tr!(
        "meeting-role-absent.help",
        role = role.key(),
        listed = listed
    ))
}

/// `unknown-person`: the `role` is nobody present; `suggestion` is the
/// present name most like it.
pub fn role_not_present(loc: Loc, role: Post, name: &str, suggestion: Option<&str>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => tr!("meeting-role-not-present.help-meant", meant = s),
        None => tr!("meeting-role-not-present.help", name = name),
    };
    let diag = Diagnostic::error(
        Rule::UnknownPerson,
        loc,
        tr!("meeting-role-not-present", role = role.key(), name = name),
    )
    .with_help(help);
    match suggestion {
        Some(s) => diag.with_fix(s),
        None => diag,
    }
}

/// `unknown-person`: the `role` is named by a part of the name of one
/// present person, `full`, as minutes often shorten a name.
pub fn role_short_name(loc: Loc, role: Post, name: &str, full: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::UnknownPerson,
        loc,
        tr!("meeting-role-not-present", role = role.key(), name = name),
    )
    .with_help(tr!("meeting-role-not-present.help-short", full = full))
    .with_fix(full)
}

/// `unknown-person`: the `role` is named by a part of the names of several
/// people listed (`Christian`, with two present).
pub fn role_ambiguous(loc: Loc, role: Post, name: &str, listed: &[&str]) -> Diagnostic {
    Diagnostic::error(
        Rule::UnknownPerson,
        loc,
        tr!("meeting-role-not-present", role = role.key(), name = name),
    )
    .with_help(tr!(
        "meeting-role-not-present.help-ambiguous",
        name = name,
        listed = either(listed)
    ))
}

/// `unknown-person`: a presenter of item `item` attended other items only
/// (`attended`, their `items` in meeting.yaml).
pub fn presenter_not_attending(
    loc: Loc,
    name: &str,
    item: &ItemNumber,
    attended: &[String],
) -> Diagnostic {
    Diagnostic::error(
        Rule::UnknownPerson,
        loc,
        tr!(
            "meeting-presenter-not-attending",
            name = name,
            n = attended.len(),
            attended = both(attended),
            item = item.to_string()
        ),
    )
    .with_help(tr!(
        "meeting-presenter-not-attending.help",
        name = name,
        item = item.to_string()
    ))
}

/// `unknown-item`: a person's `items` names `number`, which is no item of
/// this meeting; `suggestion` is the item most likely meant, `numbers` are
/// the meeting's item numbers, in order.
pub fn unknown_item(
    loc: Loc,
    name: &str,
    number: &str,
    suggestion: Option<&str>,
    numbers: &[String],
) -> Diagnostic {
    let help = match suggestion {
        Some(s) => tr!("meeting-unknown-item.help-meant", meant = s),
        None => the_items(numbers),
    };
    Diagnostic::error(
        Rule::UnknownItem,
        loc,
        tr!("meeting-unknown-item", name = name, number = number),
    )
    .with_help(help)
}

/// "this meeting's items are 41, 42 and 43".
fn the_items(numbers: &[String]) -> String {
    match numbers {
        [] => tr!("meeting-the-items-none"),
        [first, .., last] if numbers.len() > 8 => tr!(
            "meeting-the-items-range",
            first = first.as_str(),
            last = last.as_str()
        ),
        _ => tr!("meeting-the-items", items = both(numbers)),
    }
}

/// `unknown-item`: a range in a person's `items` (`24-29`) whose first or
/// last number, `end`, is no item of the meeting; `within` are the
/// meeting's items inside it, `numbers` all of them.
pub fn range_end_not_an_item(
    loc: Loc,
    name: &str,
    written: &str,
    end: &ItemNumber,
    within: &[String],
    numbers: &[String],
) -> Diagnostic {
    let help = if within.is_empty() {
        the_items(numbers)
    } else {
        tr!(
            "meeting-range-end-not-an-item.help",
            name = name,
            within = within.join(", ")
        )
    };
    Diagnostic::error(
        Rule::UnknownItem,
        loc,
        tr!(
            "meeting-range-end-not-an-item",
            name = name,
            written = written,
            end = end.to_string()
        ),
    )
    .with_help(help)
}

/// `bad-value`: an entry of a person's `items` is not an item number;
/// `fixed` is the number it most likely means.
pub fn attended_not_a_number(loc: Loc, written: &str, fixed: Option<&ItemNumber>) -> Diagnostic {
    let help = match fixed {
        Some(n) => tr!("meeting-attended-not-a-number.help", fixed = n.to_string()),
        None => tr!("meeting-attended-not-a-number.help-no-guess"),
    };
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("meeting-attended-not-a-number", written = written),
    )
    .with_help(help)
}

/// `7`, `7 and 8`, `7, 8 and 9` (in the chosen language).
fn both(list: &[impl AsRef<str>]) -> String {
    joined(list, |rest, last| {
        tr!("meeting-list-and", rest = rest, last = last)
    })
}

/// `A`, `A or B`, `A, B or C` (in the chosen language).
fn either(list: &[impl AsRef<str>]) -> String {
    joined(list, |rest, last| {
        tr!("meeting-list-or", rest = rest, last = last)
    })
}

/// The words of `list`, all but the last joined by commas, the last by
/// `last_of` (`7, 8` and `9` -> `7, 8 and 9`).
fn joined(list: &[impl AsRef<str>], last_of: impl Fn(String, &str) -> String) -> String {
    let words: Vec<&str> = list.iter().map(AsRef::as_ref).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => last_of(rest.join(", "), last),
    }
}

// The agenda --------------------------------------------------------------------

/// `empty-item`: the meeting folder holds no item file.
pub fn no_agenda_items(loc: Loc) -> Diagnostic {
    Diagnostic::warning(Rule::EmptyItem, loc, "this meeting has no agenda items").with_help(
        "write each item as a Markdown file beside meeting.yaml, \
         such as 01-godkendelse.md with `number` and `title` in its front matter",
    )
}

/// `closed-decision`: a closed item with no public text of its decision,
/// where rk.toml says `closed_decisions = "required"`.
pub fn no_public_decision(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::ClosedDecision,
        loc,
        "this closed item has no public decision",
    )
    .with_help(
        "add `public_decision: |` above this line with the decision as it may be published \
         (what was decided, without what is confidential): rk.toml says \
         `closed_decisions = \"required\"`",
    )
}

/// `closed-decision`: a public decision on an item that is not closed,
/// which publishes its whole text anyway.
pub fn public_decision_of_open_item(loc: Loc) -> Diagnostic {
    Diagnostic::warning(
        Rule::ClosedDecision,
        loc,
        "`public_decision` on an item that is not closed",
    )
    .with_help(
        "an open item is published whole: remove `public_decision`, or close the item \
         (`closed: true`) if its content is confidential",
    )
}

/// `empty-item`: an item with front matter and no text.
pub fn empty_item(loc: Loc) -> Diagnostic {
    Diagnostic::warning(Rule::EmptyItem, loc, "this item has no text")
        .with_help("write the item's parts (## Indstilling, ## Drøftelse) below this line")
}

/// `numbering`: `text` is not dot-separated whole numbers.
pub fn not_an_item_number(loc: Loc, text: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("`{text}` is not an item number"),
    )
    .with_help(malformed_help(text))
}

fn malformed_help(text: &str) -> String {
    let parts: Vec<String> = text
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_start_matches('0').to_lowercase())
        .collect();
    let fixed = parts.join(".");
    if !fixed.is_empty() && ItemNumber::parse(&fixed).is_some() && fixed != text {
        format!("write `number: \"{fixed}\"`")
    } else {
        "an item number is dot-separated whole numbers from 1, each with an optional \
         lowercase letter, like 2 or 2.1 or 2.13 or 2a"
            .to_string()
    }
}

/// `numbering`: more levels than three.
pub fn number_too_deep(loc: Loc, number: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!(
            "item {number} has {} levels; at most three are allowed",
            number.depth()
        ),
    )
    .with_help("use at most three levels, like 2.9.1")
}

/// `numbering`: the number is also that of the item at `first` (`file:line`).
pub fn number_used_twice(loc: Loc, number: &ItemNumber, first: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("item number {number} is used twice: also in {first}"),
    )
    .with_help("give each item its own number")
}

/// `numbering`: a sub-item without its parent.
pub fn no_parent_item(loc: Loc, number: &ItemNumber, parent: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("item {number} has no parent item {parent}"),
    )
    .with_help(format!(
        "add an item numbered {parent} (a group heading), or renumber this one"
    ))
}

/// What follows an item at its level: how many items, and whether a
/// section starts at it or after it.
#[derive(Debug, Clone, Copy)]
pub struct Later {
    pub items: usize,
    pub sections: bool,
}

/// `numbering`: a gap before `number`; `before` is the sibling it follows,
/// `None` when it is the first at its level. Renumbering the item alone
/// would open the gap after it, so the help says how many items follow.
pub fn number_missing(
    loc: Loc,
    number: &ItemNumber,
    missing: &ItemNumber,
    before: Option<&ItemNumber>,
    later: Later,
) -> Diagnostic {
    let message = match before {
        None => format!("item {number} comes first at its level: item {missing} is missing"),
        Some(before) => format!("item {number} follows {before}: item {missing} is missing"),
    };
    let step = match (number.0.last(), missing.0.last()) {
        (Some(n), Some(m)) if n.letter.is_none() && m.letter.is_none() => n.n.checked_sub(m.n),
        _ => None,
    };
    let help = match step {
        Some(step) if later.items > 0 => format!(
            "add the missing item {missing}; or, if no item is missing, number this item \
             {missing} and each of the {} after it {step} lower{}",
            plural::english(later.items, "item"),
            if later.sections {
                ", and the `from` of the sections from here on in meeting.yaml"
            } else {
                ""
            }
        ),
        _ => format!("renumber this item {missing}, or add the missing item"),
    };
    Diagnostic::error(Rule::Numbering, loc, message).with_help(help)
}

/// What is wrong with a number whose file's name says another.
pub enum Misnumbered<'a> {
    /// Another item has it too, at `file:line`.
    Twice(&'a str),
    /// It follows this item, and the number between is missing.
    Follows(&'a ItemNumber),
    /// It stands apart from the count (`72` for `27`).
    OutOfSequence,
}

/// `numbering`: the item's number, `written`, is used by another item as
/// well, or leaves a gap, and its file's name says `meant`, which no item
/// has.
pub fn number_not_the_file_name(
    loc: Loc,
    written: &ItemNumber,
    meant: &ItemNumber,
    how: Misnumbered<'_>,
) -> Diagnostic {
    let message = match how {
        Misnumbered::Twice(other) => format!(
            "item number {written} is used twice: also in {other}; this file's name says \
             {meant}, and item {meant} is missing"
        ),
        Misnumbered::Follows(before) => format!(
            "item {written} follows {before}: item {meant} is missing, and this file's name \
             says {meant}"
        ),
        Misnumbered::OutOfSequence => format!(
            "item number {written} is out of sequence: this file's name says {meant}, and \
             item {meant} is missing"
        ),
    };
    Diagnostic::error(Rule::Numbering, loc, message)
        .with_help(format!("write `number: \"{meant}\"`"))
        .with_fix(format!("\"{meant}\""))
}

/// `numbering`: the item's number, `written`, is also that of the item at
/// `other` (`file:line`), and `missing`, next to it, is no item's.
pub fn number_twice_one_missing(
    loc: Loc,
    written: &ItemNumber,
    missing: &ItemNumber,
    other: &str,
) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!(
            "item number {written} is used twice: also in {other}; and item {missing} is missing"
        ),
    )
    .with_help(format!(
        "one of the two items numbered {written} is item {missing}: write `number: \"{missing}\"` in that one"
    ))
}

/// `missing-sag`: `sag:` is written with no value.
pub fn sag_empty(loc: Loc, pattern: &CasePattern, meeting_year: Option<u32>) -> Diagnostic {
    Diagnostic::error(Rule::MissingSag, loc, "`sag` is empty")
        .with_help(missing_sag_help(pattern, meeting_year))
}

/// `missing-sag`: the item has no `sag:` at all.
pub fn no_sag(loc: Loc, pattern: &CasePattern, meeting_year: Option<u32>) -> Diagnostic {
    Diagnostic::error(Rule::MissingSag, loc, "this item has no `sag`")
        .with_help(missing_sag_help(pattern, meeting_year))
}

/// The help of `missing-sag`: KL's form for the default pattern, else an
/// example made from the configured one.
fn missing_sag_help(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return "write `sag: SAG-YYYY-NNNNN`, or `sag: none` for an item without a case".into();
    }
    match pattern.example(meeting_year) {
        Some(example) => format!(
            "write the case reference, like `sag: {example}`, or `sag: none` for an item without a case"
        ),
        None => format!(
            "write the case reference (it matches `{}`), or `sag: none` for an item without a case",
            pattern.text()
        ),
    }
}

/// `bad-sag`: the reference does not match the pattern.
pub fn not_a_case_reference(
    loc: Loc,
    reference: &str,
    pattern: &CasePattern,
    meeting_year: Option<u32>,
) -> Diagnostic {
    let fixed = pattern.fixed(reference);
    let help = match &fixed {
        Some(fixed) => format!("write `{fixed}`"),
        None => format!(
            "a case reference {}; an item without a case has `sag: none`",
            looks_like(pattern, meeting_year)
        ),
    };
    let diag = Diagnostic::error(
        Rule::BadSag,
        loc,
        if reference.trim().is_empty() {
            format!("`sag` is empty (pattern `{}`)", pattern.text())
        } else {
            format!(
                "`{reference}` is not a case reference (pattern `{}`)",
                pattern.text()
            )
        },
    )
    .with_help(help);
    match fixed {
        Some(fixed) => diag.with_fix(fixed),
        None => diag,
    }
}

/// `bad-document`: the document number does not match rk.toml's
/// `document.pattern` (shown as written, without the anchors rk adds).
pub fn not_a_document_number(loc: Loc, dok: &str, pattern: &regex::Regex) -> Diagnostic {
    let written = pattern
        .as_str()
        .strip_prefix("^(?:")
        .and_then(|p| p.strip_suffix(")$"))
        .unwrap_or(pattern.as_str());
    Diagnostic::error(
        Rule::BadDocument,
        loc,
        format!("`{dok}` is not a document number (pattern `{written}`)"),
    )
    .with_help(
        "write the number as the case system gives it, or change `[document] pattern` in rk.toml",
    )
}

/// "looks like `SAG-2020-01234`", or what the pattern says.
fn looks_like(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return "looks like `SAG-2020-01234`".into();
    }
    match pattern.example(meeting_year) {
        Some(example) => format!("looks like `{example}`"),
        None => format!("matches `{}`", pattern.text()),
    }
}

/// `bad-sag`: the case's year is after the meeting's.
pub fn case_after_meeting(loc: Loc, reference: &str, year: u32, meeting_year: u32) -> Diagnostic {
    Diagnostic::error(
        Rule::BadSag,
        loc,
        format!("case {reference} is from {year}, after the meeting's year {meeting_year}"),
    )
    .with_help("check the year in the case reference")
}

/// `numbering`: with items numbered through the year, the first item does
/// not follow the last item of the body's previous meeting of the year.
pub fn numbering_does_not_continue(
    loc: Loc,
    first: &ItemNumber,
    previous: &PreviousMeeting,
) -> Diagnostic {
    let next = previous.last.saturating_add(1);
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!(
            "the first item is {first}, but the previous meeting of the year, {}, ended with item {}: item {next} comes next",
            previous.id, previous.last
        ),
    )
    .with_help(format!(
        "number this meeting's items from {next}: rk.toml's `numbering = \"year\"` runs the items through the year"
    ))
}

/// `numbering`: a section's `from` is not an item number at all.
pub fn section_start_malformed(loc: Loc, title: &str, written: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("section `{title}` starts at `{written}`, which is not an item number"),
    )
    .with_help("write the number of the section's first item, like `from: 48`")
}

/// `numbering`: a section's `from` names a sub-item.
pub fn section_start_not_top_level(loc: Loc, title: &str, from: &ItemNumber) -> Diagnostic {
    let top = from.top().unwrap_or(Part::plain(1));
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("section `{title}` starts at item {from}, which is not a top-level item"),
    )
    .with_help(format!(
        "a section starts at a top-level item: write `from: {top}`, or number the items so that the section starts at one"
    ))
}

/// `numbering`: a section's `from` names no item of the agenda.
pub fn section_start_not_an_item(loc: Loc, title: &str, from: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!("section `{title}` starts at item {from}, which is not on the agenda"),
    )
    .with_help("write the number of the section's first item")
}

/// `numbering`: sections are listed in the order of their first items.
pub fn section_out_of_order(
    loc: Loc,
    title: &str,
    from: Part,
    before: &str,
    before_from: Part,
) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        format!(
            "section `{title}` starts at item {from}, but the section before it, `{before}`, starts at item {before_from}"
        ),
    )
    .with_help("list the sections in the order of their items, each starting after the one before")
}

// Bilag: PDF accessibility ------------------------------------------------------

/// How to make a PDF bilag accessible, for the help of `inaccessible-pdf`.
const TAGGED_PDF_HELP: &str = "export it again as a tagged PDF with its language set: in Word, \
    File > Save As > PDF > Options > \"Document structure tags for accessibility\", with the \
    document's language set under Review > Language; in LibreOffice, Export as PDF > \
    \"Universal Accessibility (PDF/UA)\"; a scanned paper needs text recognition and tags \
    (e.g. Acrobat's Accessibility > Autotag) and its language set in Document Properties";

/// `inaccessible-pdf`: a public PDF bilag lacks tags, the mark of a tagged
/// PDF or a language.
pub fn inaccessible_pdf(loc: Loc, file: &str, lacks: pdf::Lacks) -> Diagnostic {
    let untagged = if lacks.structure {
        Some("is an untagged PDF")
    } else if lacks.marked {
        Some("is not marked as a tagged PDF")
    } else {
        None
    };
    let what = match (untagged, lacks.language) {
        (Some(untagged), true) => format!("{untagged} and names no language"),
        (Some(untagged), false) => untagged.to_string(),
        (None, _) => "names no language".to_string(),
    };
    let details: Vec<&str> = [
        (lacks.structure, "no /StructTreeRoot"),
        (lacks.marked, "no /MarkInfo with /Marked true"),
        (lacks.language, "no /Lang"),
    ]
    .into_iter()
    .filter_map(|(lacking, detail)| lacking.then_some(detail))
    .collect();
    Diagnostic::warning(
        Rule::InaccessiblePdf,
        loc,
        format!(
            "bilag `{file}` {what}: a screen reader cannot read it as it should ({})",
            details.join(", ")
        ),
    )
    .with_help(TAGGED_PDF_HELP)
}

/// `inaccessible-pdf`: a public bilag named or made as a PDF that cannot
/// be read as one, so its accessibility cannot be told.
pub fn unreadable_pdf(loc: Loc, file: &str, why: &pdf::Unreadable) -> Diagnostic {
    let (reason, help) = match why {
        pdf::Unreadable::Io(error) => (
            format!("cannot be read ({error})"),
            "check that the file can be opened",
        ),
        pdf::Unreadable::NotPdf => (
            "is named .pdf but is not a PDF".to_string(),
            "save or export it as PDF again, or name it for what it is",
        ),
        pdf::Unreadable::Encrypted => (
            "is a PDF locked with a password".to_string(),
            "publish it without a password to open it: a reader cannot open it, \
             nor rk check it",
        ),
        pdf::Unreadable::Damaged => (
            "is a damaged PDF".to_string(),
            "export it as PDF again from the program that made it",
        ),
    };
    Diagnostic::warning(
        Rule::InaccessiblePdf,
        loc,
        format!("bilag `{file}` {reason}: whether it is accessible cannot be checked"),
    )
    .with_help(help)
}

// Item bodies -------------------------------------------------------------------

/// `missing-file`: `what` (image, link, attachment) `reason`.
pub fn missing_file(what: &str, reason: &str, loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingFile, loc, format!("{what} {reason}")).with_help(format!(
        "put the {} in the meeting folder (e.g. bilag/) and name it relative to the folder",
        if what == "image" { "image" } else { "file" }
    ))
}

/// `missing-file`: an image that cannot be read.
pub fn image_unreadable(loc: Loc, url: &str, err: &std::io::Error) -> Diagnostic {
    missing_file("image", &format!("`{url}` cannot be read: {err}"), loc)
}

/// `missing-file`: a file that is none of the image types the layouts can
/// show, by its first bytes.
pub fn not_an_image(loc: Loc, url: &str) -> Diagnostic {
    missing_file(
        "image",
        &format!("`{url}` is not a PNG, JPEG, GIF, WebP or SVG image"),
        loc,
    )
}

/// `missing-file`: an image whose type is known but which does not decode.
pub fn image_damaged(loc: Loc, url: &str, error: &str) -> Diagnostic {
    missing_file(
        "image",
        &format!("`{url}` is damaged and cannot be shown ({error})"),
        loc,
    )
    .with_help("save or export the image again from the program that made it")
}

/// A `missing-file` finding for a path written with Windows' `\`: the
/// help says to write `/`, which is what rk (and the web) read.
pub fn with_slash_help(diag: Diagnostic, name: &str) -> Diagnostic {
    if !name.contains('\\') {
        return diag;
    }
    diag.with_help(format!(
        "write the path with `/` between folders: `{}`",
        name.replace('\\', "/")
    ))
}

/// `missing-file`: a link to a local file that is not in the folder.
pub fn missing_link_target(reason: &str, loc: Loc) -> Diagnostic {
    missing_file("link", reason, loc).with_help(
        "put the file in the meeting folder (e.g. bilag/) and link it relative to the folder; \
         a web address starts with https://",
    )
}

/// `missing-file`: a file copied beside the referat under the name of an
/// output (`referat.pdf`, `typst/...`).
pub fn takes_an_outputs_place(loc: Loc, what: &str, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        format!(
            "{what} `{name}` has the name of one of rk's own outputs, which would take its place"
        ),
    )
    .with_help("move it into a folder of its own, e.g. `bilag/`, or rename it")
}

/// `missing-file`: `what` (image, link, attachment) `name` is a file of the
/// closed item `number`.
pub fn file_of_closed_item(loc: Loc, what: &str, name: &str, number: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        format!("{what} `{name}` is a file of closed item {number}, which is not published"),
    )
    .with_help("a closed item's files are never published: remove it here, or publish a copy under a name of its own")
}

/// `missing-file`: `what` (image, link, attachment) `name` is a closed
/// attachment of item `number`.
pub fn closed_attachment_published(loc: Loc, what: &str, name: &str, number: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        format!("{what} `{name}` is a closed attachment of item {number}, which is not published"),
    )
    .with_help(
        "a closed attachment is never published: remove it here, or drop `closed: true` \
         from the attachment if it may be published",
    )
}

/// `missing-file`: an image of more than [`image::MAX_PIXELS`] pixels.
pub fn image_too_large(loc: Loc, url: &str, (width, height): (u32, u32)) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        format!(
            "image `{url}` is {width} × {height} pixels, more than the {} million an image may have",
            image::MAX_PIXELS / 1_000_000
        ),
    )
    .with_help("save a smaller copy of the image: 2,000 pixels across is plenty for a page")
}

/// `image-alt`: an image without a description.
pub fn image_without_alt(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::ImageAlt, loc, "an image without alt text")
        .with_help("describe the image between the brackets: ![Graf over ...](bilag/graf.png)")
}

/// `nesting`: structure deeper than `max` levels.
pub fn nested_too_deep(loc: Loc, max: usize) -> Diagnostic {
    Diagnostic::error(
        Rule::Nesting,
        loc,
        format!("lists, quotes and emphasis nested more than {max} levels deep"),
    )
    .with_help("flatten the structure: minutes rarely need more than a few levels")
}

/// `heading-level`: a `#` heading, which only the item's title may be.
pub fn level_one_heading(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::HeadingLevel, loc, "a level-1 heading in an item body")
        .with_help("the item's title is its heading: write parts as `## Indstilling`")
}

/// `heading-level`: a heading of `level` skips one after `previous`.
pub fn heading_skips_level(loc: Loc, level: usize, previous: usize) -> Diagnostic {
    let expected = previous + 1;
    Diagnostic::error(
        Rule::HeadingLevel,
        loc,
        format!("a level-{level} heading follows level {previous}: level {expected} is skipped"),
    )
    .with_help(format!(
        "write it as a level-{expected} heading (`{} `)",
        "#".repeat(expected)
    ))
}

/// `raw-html`: HTML in an item, shown as text.
pub fn raw_html(loc: Loc) -> Diagnostic {
    Diagnostic::warning(
        Rule::RawHtml,
        loc,
        "raw HTML in an item: it is shown as literal text, not as HTML",
    )
    .with_help("write it in Markdown instead, or escape the `<` as `\\<` to mean the text")
}

/// `markdown-slip`: a line inside a paragraph starts a list of one item
/// (`marker` is `1.`, `-`, ...); `line` is the line as written.
pub fn accidental_list(loc: Loc, marker: &str, line: &str) -> Diagnostic {
    // `1.` is escaped as `1\.`, `-` as `\-`: text, not a list.
    let (what, escaped) = match marker.char_indices().last() {
        Some((at, '.' | ')')) => (
            "a numbered list",
            format!("{}\\{}", &marker[..at], &marker[at..]),
        ),
        _ => ("a bulleted list", format!("\\{marker}")),
    };
    Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        format!("`{marker}` at the start of this line makes it {what}, not the rest of the paragraph above"),
    )
    .with_help(format!(
        "if the line goes on from the line above, write `{escaped}` or move `{marker}` to the line above; \
         if a list is meant, put a blank line before it"
    ))
    .with_fix(line.replacen(marker, &escaped, 1))
}

/// `markdown-slip`: an indented code block, which rk shows as plain text.
/// The fix drops the indentation of a line that starts with it (in a list
/// item or a quote, the marker comes first: no fix).
pub fn indented_line(loc: Loc, line: &str, tab: bool) -> Diagnostic {
    let indent = if tab { "a tab" } else { "four spaces" };
    let diag = Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        format!("this line is indented by {indent}: Markdown would make it a code block"),
    )
    .with_help(
        "remove the indentation; rk shows the line as plain text, without its Markdown; \
         code is written between two ``` lines",
    );
    if line.starts_with([' ', '\t']) {
        diag.with_fix(line.trim_start().to_string())
    } else {
        diag
    }
}

/// `markdown-slip`: `[text](target)` is shown as written, not as a link.
pub fn not_a_link(loc: Loc, text: &str, target: &str) -> Diagnostic {
    let (why, help) = if target.contains(char::is_whitespace) && !target.contains(['<', '>']) {
        (
            "its target has a space",
            format!(
                "write the target in angle brackets: `[{text}](<{target}>)`, or each space as `%20`"
            ),
        )
    } else {
        (
            "its target does not parse",
            "a link is `[text](target)`: a target with spaces in angle brackets \
             (`[bilag 1](<bilag/Bilag 1.pdf>)`), its parentheses balanced, a title in quotes after a space"
                .to_string(),
        )
    };
    let diag = Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        format!("`[{text}]({target})` is not a link but text: {why}"),
    )
    .with_help(help);
    if why == "its target has a space" {
        diag.with_fix(format!("<{target}>"))
    } else {
        diag
    }
}

/// `markdown-slip`: a line joined to the one above, both looking like
/// facts of their own (`For stemte: …` / `Imod stemte: …`).
pub fn joined_line(loc: Loc) -> Diagnostic {
    Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        "this line is joined to the line above: a single line break inside a paragraph is a space",
    )
    .with_help(
        "to keep the lines apart, end the line above with `\\` (a line break), \
         put a blank line between them, or write them as a list (`- `)",
    )
}

/// `unsafe-link`: a link with a scheme other than http, https or mailto.
pub fn unsafe_link(loc: Loc, scheme: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::UnsafeLink,
        loc,
        format!("a `{scheme}:` link in published minutes"),
    )
    .with_help("links may use http, https or mailto only")
}

/// `bad-value`: an attachment's `url` that is not a whole web address.
pub fn not_a_web_address(loc: Loc, url: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        format!("`{url}` is not a web address: it has no `https:`"),
    )
    .with_help(format!(
        "write the whole address, like `url: https://{}`; a file in the meeting folder is `file: bilag/<name>`",
        url.trim_start_matches('/')
    ))
}

/// `personal-data`: a CPR number (an error), an e-mail address or a phone
/// number (warnings) at `place`.
pub fn personal_data(loc: Loc, kind: PersonalDataKind, place: &Exposure) -> Diagnostic {
    let name = place_name(place);
    let diag = match kind {
        PersonalDataKind::Cpr => {
            Diagnostic::error(Rule::PersonalData, loc, format!("a CPR number in {name}"))
        }
        PersonalDataKind::Email => Diagnostic::warning(
            Rule::PersonalData,
            loc,
            format!("an e-mail address in {name}"),
        ),
        PersonalDataKind::Phone => {
            Diagnostic::warning(Rule::PersonalData, loc, format!("a phone number in {name}"))
        }
    };
    diag.with_help(place_help(place, kind))
}

fn place_name(place: &Exposure) -> &'static str {
    match place {
        Exposure::MeetingYaml => "meeting.yaml",
        Exposure::Item { .. } | Exposure::Title { closed: false } => "a public item",
        Exposure::Title { closed: true } => "the title of a closed item",
        Exposure::PublicDecision => "the public decision of a closed item",
    }
}

/// How to keep personal data found at `place` out of the published
/// minutes. A public item stays public: a phone number or an e-mail
/// address goes, or moves to a closed bilag; only a CPR number says that
/// the case may be one to close.
fn place_help(place: &Exposure, kind: PersonalDataKind) -> &'static str {
    match (place, kind) {
        (Exposure::MeetingYaml, _) => "remove it: everything in meeting.yaml is published",
        (Exposure::Item { .. }, PersonalDataKind::Cpr) => {
            "remove it from the text: a public item is published; if the case concerns a \
             person's private matters, the item belongs among the closed ones (`closed: true`)"
        }
        (Exposure::Item { .. }, _) => {
            "remove it from the text, or move it to an attachment marked `closed: true` \
             (`attachments: [{ file: bilag/<name>, title: <title>, closed: true }]`), which \
             is not published"
        }
        (Exposure::Title { .. }, _) => {
            "remove it from the title: titles are published, even for closed items"
        }
        (Exposure::PublicDecision, _) => {
            "remove it from `public_decision`: that text is published, although the item is closed"
        }
    }
}

// Glyphs ------------------------------------------------------------------------

/// `missing-glyph`: an invisible mark the PDF standards forbid.
pub fn forbidden_mark(loc: Loc, c: char) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingGlyph,
        loc,
        format!(
            "`{}` (U+{:04X}, an invisible mark) is not allowed in the text of the PDF: \
             the archiving and accessibility standards the PDF follows forbid it",
            c.escape_unicode(),
            u32::from(c)
        ),
    )
    .with_help("remove it: delete the word around it and write it again")
}

/// `missing-glyph`: `text` (shown safely), whose code `points` and `kind`
/// (", an emoji", or nothing) no font of `layout` has.
pub fn not_in_fonts(loc: Loc, text: &str, points: &str, kind: &str, layout: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingGlyph,
        loc,
        format!(
            "`{text}` ({points}{kind}) is in none of the fonts of the layout {layout}: \
             the PDF cannot show it"
        ),
    )
    .with_help(
        "remove it or write it in words (an emoji as what it means); to keep it, \
         build with a layout that has a font with it (`--layout DIR`, or `layout` in rk.toml)",
    )
}

/// Where personal data was found, which decides what to say about it.
#[derive(Clone)]
pub enum Exposure {
    MeetingYaml,
    /// A public item; `title` is where its title is in the file.
    Item {
        title: Option<std::ops::Range<usize>>,
    },
    Title {
        closed: bool,
    },
    /// A closed item's `public_decision`, which is published.
    PublicDecision,
}

impl Exposure {
    /// The place of a finding at `range` (bytes of the file).
    pub(crate) fn of(&self, range: &std::ops::Range<usize>) -> Exposure {
        match self {
            Exposure::Item { title: Some(title) }
                if title.start <= range.start && range.end <= title.end =>
            {
                Exposure::Title { closed: false }
            }
            other => other.clone(),
        }
    }
}

// The beslutningsprotokol: votes, protokoltilførsler, inhabilitet -------------

/// `bad-value` (a warning): a person's name ends in a party letter in
/// brackets, `name (letter)`; `party` is the person's `party` when given,
/// `defined` whether the letter is a group's.
pub fn party_in_name(
    loc: Loc,
    name: &str,
    letter: &str,
    party: Option<&str>,
    defined: bool,
) -> Diagnostic {
    let help = match party {
        Some(party) if party == letter => {
            format!("write the name alone, `{name}`: its `party: {letter}` is shown after it")
        }
        Some(party) => format!(
            "write the name alone, `{name}`; its party is `party: {party}` (which is shown after it)"
        ),
        None if defined => format!(
            "write the name alone and the party on the person: `- {{ name: {name}, party: {letter} }}`"
        ),
        None => format!(
            "write the name alone and the party on the person: `- {{ name: {name}, party: {letter} }}`, \
             and define the group in rk.toml: `[groups]` with a line `{letter} = \"<the party's name>\"`"
        ),
    };
    Diagnostic::warning(
        Rule::BadValue,
        loc,
        format!("`({letter})` is a party letter, not part of the name {name}"),
    )
    .with_help(help)
}

/// What a name is written as in an item: a voter, the author of a
/// protokoltilførsel, a presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Voter,
    Dissenter,
    Presenter,
}

impl Role {
    fn rule(self) -> Rule {
        match self {
            Role::Voter => Rule::BadVote,
            Role::Dissenter => Rule::BadDissent,
            Role::Presenter => Rule::UnknownPerson,
        }
    }

    /// "voted on item 45", "wrote a protokoltilførsel on item 43".
    fn did(self, item: &ItemNumber) -> String {
        match self {
            Role::Voter => format!("is named in a vote on item {item}"),
            Role::Dissenter => format!("is named as author of a protokoltilførsel on item {item}"),
            Role::Presenter => format!("is named as presenter of item {item}"),
        }
    }

    /// Where the name is written: "the vote", "the protokoltilførsel".
    fn place(self) -> &'static str {
        match self {
            Role::Voter => "the vote",
            Role::Dissenter => "the protokoltilførsel",
            Role::Presenter => "`presenters`",
        }
    }
}

/// `unknown-group`: `letter` (a person's `party`, or an entry of a vote or
/// protokoltilførsel taken for a letter) is no group's letter; `known` are
/// the letters defined, `meant` the one most likely meant.
pub fn unknown_group(loc: Loc, letter: &str, known: &[String], meant: Option<&str>) -> Diagnostic {
    let help = match (meant, known.is_empty()) {
        (Some(meant), _) => format!("did you mean `{meant}`?"),
        (None, true) => format!(
            "define the groups in rk.toml: `[groups]` with a line `{letter} = \"<the party's name>\"`"
        ),
        (None, false) => format!(
            "the groups are {}; add `{letter} = \"<the party's name>\"` under `[groups]` in rk.toml",
            both(known)
        ),
    };
    let diag = Diagnostic::error(
        Rule::UnknownGroup,
        loc,
        format!("`{letter}` is not the letter of a group"),
    )
    .with_help(help);
    match meant {
        Some(meant) => diag.with_fix(meant),
        None => diag,
    }
}

/// `bad-vote` or `bad-dissent`: `name` did not take part in item `item`
/// (`standing` says why); `meant` is the member who did most like it.
pub fn took_no_part(
    loc: Loc,
    role: Role,
    name: &str,
    item: &ItemNumber,
    standing: Standing<'_>,
    meant: Option<&str>,
) -> Diagnostic {
    let (why, help) = match standing {
        Standing::Absent(_) => (
            "but is listed as absent".to_string(),
            format!(
                "remove {name} from {}, or move {name} from `absent` to `members` in \
                 meeting.yaml if they came",
                role.place()
            ),
        ),
        Standing::NotAttending(person) => {
            let attended: Vec<&str> = person.items.iter().map(|i| i.value.as_str()).collect();
            let which = plural::word(attended.len(), "item", "items");
            (
                format!("but attended only {which} {}", both(&attended)),
                format!(
                    "remove {name} from {}, or add {item} to the `items` of {name} in meeting.yaml",
                    role.place()
                ),
            )
        }
        _ => (
            "but is no member present".to_string(),
            match meant {
                Some(meant) => format!("did you mean `{meant}`?"),
                None => "write the name as it is listed under `members` in meeting.yaml, or \
                         a group's letter"
                    .to_string(),
            },
        ),
    };
    let diag = Diagnostic::error(
        role.rule(),
        loc,
        format!("{name} {}, {why}", role.did(item)),
    )
    .with_help(help);
    match (standing, meant) {
        (Standing::Unknown, Some(meant)) => diag.with_fix(meant),
        _ => diag,
    }
}

/// `bad-vote` or `bad-dissent`: `name` is present, but not a member (listed
/// under `group`): only members vote and dissent.
pub fn not_a_member(loc: Loc, role: Role, name: &str, group: &str) -> Diagnostic {
    Diagnostic::error(
        role.rule(),
        loc,
        format!("{name} is listed under `{group}`, not among the members"),
    )
    .with_help(format!(
        "only members vote or ask for a protokoltilførsel: remove {name} from {}",
        role.place()
    ))
}

/// `inhabil`: `name` was inhabil for item `item` and yet is named in it
/// (`role`); `stand_in` is their stedfortræder for it.
pub fn inhabil_takes_part(
    loc: Loc,
    role: Role,
    name: &str,
    item: &ItemNumber,
    stand_in: Option<&str>,
) -> Diagnostic {
    let instead = match stand_in {
        Some(other) => format!(" ({other} took the seat as stedfortræder)"),
        None => String::new(),
    };
    Diagnostic::error(
        Rule::Inhabil,
        loc,
        format!("{name} {}, but was inhabil for it", role.did(item)),
    )
    .with_help(format!(
        "an inhabil member takes no part in the item: remove {name} from {}{instead}",
        role.place()
    ))
}

/// `inhabil`: the member written as inhabil for item `item` was not there.
pub fn inhabil_not_present(
    loc: Loc,
    name: &str,
    item: &ItemNumber,
    standing: Standing<'_>,
    meant: Option<&str>,
) -> Diagnostic {
    let (why, help) = match standing {
        Standing::Absent(_) => (
            "is listed as absent".to_string(),
            format!("an absent member is not inhabil: remove {name} from `inhabil`"),
        ),
        Standing::NotAttending(_) => (
            format!("did not attend item {item}"),
            format!("remove {name} from `inhabil`, or add {item} to their `items` in meeting.yaml"),
        ),
        _ => (
            "is no member present".to_string(),
            match meant {
                Some(meant) => format!("did you mean `{meant}`?"),
                None => "write the name as it is listed under `members` in meeting.yaml".into(),
            },
        ),
    };
    let diag = Diagnostic::error(
        Rule::Inhabil,
        loc,
        format!("{name} is written as inhabil for item {item}, but {why}"),
    )
    .with_help(help);
    match (standing, meant) {
        (Standing::Unknown, Some(meant)) => diag.with_fix(meant),
        _ => diag,
    }
}

/// `bad-vote`: a name or letter written twice in one vote.
pub fn named_twice_in_vote(loc: Loc, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadVote,
        loc,
        format!("{name} is named twice in this vote"),
    )
    .with_help(format!(
        "each member (or group) votes once: keep {name} under one of `for`, `against` and \
         `abstained`"
    ))
}

/// `bad-vote`: the count of `side` differs from the members its `entries`
/// name (`expected`: the names, and the members of the groups who took
/// part and are not named on their own).
pub fn count_differs(
    loc: Loc,
    side: &str,
    count: u32,
    entries: &[&str],
    expected: usize,
) -> Diagnostic {
    Diagnostic::error(
        Rule::BadVote,
        loc,
        format!(
            "the count {count} for `{side}` differs from the {} it names ({})",
            plural::english(expected, "member"),
            both(entries)
        ),
    )
    .with_help(format!(
        "write `{side}: {expected}`, or name under `{side}` every member who voted so (a \
         group's letter stands for its members who took part in the item)"
    ))
    .with_fix(expected.to_string())
}

/// `bad-vote`: the counts of a vote add up to more than the members who
/// took part in item `item`.
pub fn counts_exceed(loc: Loc, total: u32, members: usize, item: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::BadVote,
        loc,
        format!(
            "the counts add up to {total}, but {} took part in item {item}",
            plural::english(members, "member")
        ),
    )
    .with_help("correct the counts: each member who took part votes once, or not at all")
}

/// `bad-vote` or `bad-dissent`: no member of the group `letter` took part
/// in item `item`.
pub fn group_took_no_part(loc: Loc, role: Role, letter: &str, item: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        role.rule(),
        loc,
        format!(
            "{letter} {}, but no member of {letter} took part in it",
            role.did(item)
        ),
    )
    .with_help(format!(
        "remove {letter} from {}, or give the members of the group `party: {letter}` in \
         meeting.yaml",
        role.place()
    ))
}
