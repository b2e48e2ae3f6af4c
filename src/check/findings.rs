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
    Diagnostic::warning(Rule::EmptyItem, loc, tr!("items-no-agenda-items"))
        .with_help(tr!("items-no-agenda-items.help"))
}

/// `closed-decision`: a closed item with no public text of its decision,
/// where rk.toml says `closed_decisions = "required"`.
pub fn no_public_decision(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::ClosedDecision, loc, tr!("items-no-public-decision"))
        .with_help(tr!("items-no-public-decision.help"))
}

/// `closed-decision`: a public decision on an item that is not closed,
/// which publishes its whole text anyway.
pub fn public_decision_of_open_item(loc: Loc) -> Diagnostic {
    Diagnostic::warning(
        Rule::ClosedDecision,
        loc,
        tr!("items-public-decision-of-open-item"),
    )
    .with_help(tr!("items-public-decision-of-open-item.help"))
}

/// `empty-item`: an item with front matter and no text.
pub fn empty_item(loc: Loc) -> Diagnostic {
    Diagnostic::warning(Rule::EmptyItem, loc, tr!("items-empty-item"))
        .with_help(tr!("items-empty-item.help"))
}

/// `numbering`: `text` is not dot-separated whole numbers.
pub fn not_an_item_number(loc: Loc, text: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!("items-not-an-item-number", text = text),
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
        tr!("items-write-number", number = fixed)
    } else {
        tr!("items-not-an-item-number.help")
    }
}

/// `numbering`: more levels than three.
pub fn number_too_deep(loc: Loc, number: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-number-too-deep",
            number = number.to_string(),
            depth = number.depth()
        ),
    )
    .with_help(tr!("items-number-too-deep.help"))
}

/// `numbering`: the number is also that of the item at `first` (`file:line`).
pub fn number_used_twice(loc: Loc, number: &ItemNumber, first: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-number-used-twice",
            number = number.to_string(),
            first = first
        ),
    )
    .with_help(tr!("items-number-used-twice.help"))
}

/// `numbering`: a sub-item without its parent.
pub fn no_parent_item(loc: Loc, number: &ItemNumber, parent: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-no-parent-item",
            number = number.to_string(),
            parent = parent.to_string()
        ),
    )
    .with_help(tr!(
        "items-no-parent-item.help",
        parent = parent.to_string()
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
    let (number_text, missing_text) = (number.to_string(), missing.to_string());
    let message = match before {
        None => tr!(
            "items-number-missing.first",
            number = number_text,
            missing = missing_text.clone()
        ),
        Some(before) => tr!(
            "items-number-missing",
            number = number_text,
            before = before.to_string(),
            missing = missing_text.clone()
        ),
    };
    let step = match (number.0.last(), missing.0.last()) {
        (Some(n), Some(m)) if n.letter.is_none() && m.letter.is_none() => n.n.checked_sub(m.n),
        _ => None,
    };
    let help = match step {
        Some(step) if later.items > 0 => tr!(
            "items-number-missing.help",
            missing = missing_text,
            later = later.items,
            step = step,
            sections = if later.sections { "yes" } else { "no" }
        ),
        _ => tr!("items-number-missing.help-renumber", missing = missing_text),
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
    let (written, meant) = (written.to_string(), meant.to_string());
    let message = match how {
        Misnumbered::Twice(other) => tr!(
            "items-number-not-the-file-name-twice",
            written = written,
            other = other,
            meant = meant.clone()
        ),
        Misnumbered::Follows(before) => tr!(
            "items-number-not-the-file-name-follows",
            written = written,
            before = before.to_string(),
            meant = meant.clone()
        ),
        Misnumbered::OutOfSequence => tr!(
            "items-number-not-the-file-name-out-of-sequence",
            written = written,
            meant = meant.clone()
        ),
    };
    Diagnostic::error(Rule::Numbering, loc, message)
        .with_help(tr!("items-write-number", number = meant.clone()))
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
    let (written, missing) = (written.to_string(), missing.to_string());
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-number-twice-one-missing",
            written = written.clone(),
            other = other,
            missing = missing.clone()
        ),
    )
    .with_help(tr!(
        "items-number-twice-one-missing.help",
        written = written,
        missing = missing
    ))
}

/// `missing-sag`: `sag:` is written with no value.
pub fn sag_empty(loc: Loc, pattern: &CasePattern, meeting_year: Option<u32>) -> Diagnostic {
    Diagnostic::error(Rule::MissingSag, loc, tr!("items-sag-empty"))
        .with_help(missing_sag_help(pattern, meeting_year))
}

/// `missing-sag`: the item has no `sag:` at all.
pub fn no_sag(loc: Loc, pattern: &CasePattern, meeting_year: Option<u32>) -> Diagnostic {
    Diagnostic::error(Rule::MissingSag, loc, tr!("items-no-sag"))
        .with_help(missing_sag_help(pattern, meeting_year))
}

/// The help of `missing-sag`: KL's form for the default pattern, else an
/// example made from the configured one.
fn missing_sag_help(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return tr!("items-missing-sag-help");
    }
    match pattern.example(meeting_year) {
        Some(example) => tr!("items-missing-sag-help.example", example = example),
        None => tr!("items-missing-sag-help.pattern", pattern = pattern.text()),
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
        Some(fixed) => tr!("items-not-a-case-reference.help", fixed = fixed.as_str()),
        None => looks_like(pattern, meeting_year),
    };
    let diag = Diagnostic::error(
        Rule::BadSag,
        loc,
        if reference.trim().is_empty() {
            tr!("items-not-a-case-reference.empty", pattern = pattern.text())
        } else {
            tr!(
                "items-not-a-case-reference",
                reference = reference,
                pattern = pattern.text()
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
        tr!("items-not-a-document-number", dok = dok, pattern = written),
    )
    .with_help(tr!("items-not-a-document-number.help"))
}

/// The help of `bad-sag` without a fix: what a case reference looks like
/// (`SAG-2020-01234`), or what the pattern says.
fn looks_like(pattern: &CasePattern, meeting_year: Option<u32>) -> String {
    if pattern.is_default() {
        return tr!("items-not-a-case-reference.help-default");
    }
    match pattern.example(meeting_year) {
        Some(example) => tr!("items-not-a-case-reference.help-example", example = example),
        None => tr!(
            "items-not-a-case-reference.help-pattern",
            pattern = pattern.text()
        ),
    }
}

/// `bad-sag`: the case's year is after the meeting's.
pub fn case_after_meeting(loc: Loc, reference: &str, year: u32, meeting_year: u32) -> Diagnostic {
    Diagnostic::error(
        Rule::BadSag,
        loc,
        tr!(
            "items-case-after-meeting",
            reference = reference,
            year = year.to_string(),
            meeting_year = meeting_year.to_string()
        ),
    )
    .with_help(tr!("items-case-after-meeting.help"))
}

/// `numbering`: with items numbered through the year, the first item does
/// not follow the last item of the body's previous meeting of the year.
pub fn numbering_does_not_continue(
    loc: Loc,
    first: &ItemNumber,
    previous: &PreviousMeeting,
) -> Diagnostic {
    let next = previous.last.saturating_add(1).to_string();
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-numbering-does-not-continue",
            first = first.to_string(),
            previous = previous.id.as_str(),
            last = previous.last.to_string(),
            next = next.clone()
        ),
    )
    .with_help(tr!("items-numbering-does-not-continue.help", next = next))
}

/// `numbering`: a section's `from` is not an item number at all.
pub fn section_start_malformed(loc: Loc, title: &str, written: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-section-start-malformed",
            title = title,
            written = written
        ),
    )
    .with_help(tr!("items-section-start-malformed.help"))
}

/// `numbering`: a section's `from` names a sub-item.
pub fn section_start_not_top_level(loc: Loc, title: &str, from: &ItemNumber) -> Diagnostic {
    let top = from.top().unwrap_or(Part::plain(1));
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-section-start-not-top-level",
            title = title,
            from = from.to_string()
        ),
    )
    .with_help(tr!(
        "items-section-start-not-top-level.help",
        top = top.to_string()
    ))
}

/// `numbering`: a section's `from` names no item of the agenda.
pub fn section_start_not_an_item(loc: Loc, title: &str, from: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::Numbering,
        loc,
        tr!(
            "items-section-start-not-an-item",
            title = title,
            from = from.to_string()
        ),
    )
    .with_help(tr!("items-section-start-not-an-item.help"))
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
        tr!(
            "items-section-out-of-order",
            title = title,
            from = from.to_string(),
            before = before,
            before_from = before_from.to_string()
        ),
    )
    .with_help(tr!("items-section-out-of-order.help"))
}

// Bilag: PDF accessibility ------------------------------------------------------

/// `inaccessible-pdf`: a public PDF bilag lacks tags, the mark of a tagged
/// PDF or a language.
pub fn inaccessible_pdf(loc: Loc, file: &str, lacks: pdf::Lacks) -> Diagnostic {
    let what = match (lacks.structure, lacks.marked, lacks.language) {
        (true, _, true) => tr!("items-pdf-lacks.untagged-no-language"),
        (true, _, false) => tr!("items-pdf-lacks.untagged"),
        (false, true, true) => tr!("items-pdf-lacks.unmarked-no-language"),
        (false, true, false) => tr!("items-pdf-lacks.unmarked"),
        (false, false, _) => tr!("items-pdf-lacks.no-language"),
    };
    let mut details = Vec::new();
    if lacks.structure {
        details.push(tr!("items-pdf-lacks-detail.structure"));
    }
    if lacks.marked {
        details.push(tr!("items-pdf-lacks-detail.marked"));
    }
    if lacks.language {
        details.push(tr!("items-pdf-lacks-detail.language"));
    }
    Diagnostic::warning(
        Rule::InaccessiblePdf,
        loc,
        tr!(
            "items-inaccessible-pdf",
            file = file,
            what = what,
            details = details.join(", ")
        ),
    )
    .with_help(tr!("items-inaccessible-pdf.help"))
}

/// `inaccessible-pdf`: a public bilag named or made as a PDF that cannot
/// be read as one, so its accessibility cannot be told.
pub fn unreadable_pdf(loc: Loc, file: &str, why: &pdf::Unreadable) -> Diagnostic {
    let (reason, help) = match why {
        pdf::Unreadable::Io(error) => (
            tr!("items-pdf-unreadable-io", error = error.to_string()),
            tr!("items-pdf-unreadable-io.help"),
        ),
        pdf::Unreadable::NotPdf => (
            tr!("items-pdf-unreadable-not-pdf"),
            tr!("items-pdf-unreadable-not-pdf.help"),
        ),
        pdf::Unreadable::Encrypted => (
            tr!("items-pdf-unreadable-encrypted"),
            tr!("items-pdf-unreadable-encrypted.help"),
        ),
        pdf::Unreadable::Damaged => (
            tr!("items-pdf-unreadable-damaged"),
            tr!("items-pdf-unreadable-damaged.help"),
        ),
    };
    Diagnostic::warning(
        Rule::InaccessiblePdf,
        loc,
        tr!("items-unreadable-pdf", file = file, reason = reason),
    )
    .with_help(help)
}

// Item bodies -------------------------------------------------------------------

/// What a file named in an item is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileUse {
    Image,
    Attachment,
    Link,
}

impl FileUse {
    /// The word for it at the start of a finding: "image".
    fn word(self) -> String {
        match self {
            FileUse::Image => tr!("items-file-use.image"),
            FileUse::Attachment => tr!("items-file-use.attachment"),
            FileUse::Link => tr!("items-file-use.link"),
        }
    }

    /// Its name for a catalogue's select: `image`, `attachment`, `link`.
    fn code(self) -> &'static str {
        match self {
            FileUse::Image => "image",
            FileUse::Attachment => "attachment",
            FileUse::Link => "link",
        }
    }
}

/// `missing-file`: `what` (image, link, attachment) `reason`.
pub fn missing_file(what: FileUse, reason: &str, loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        tr!("items-missing-file", what = what.word(), reason = reason),
    )
    .with_help(tr!("items-missing-file.help", kind = what.code()))
}

/// `missing-file`: an image that cannot be read.
pub fn image_unreadable(loc: Loc, url: &str, err: &std::io::Error) -> Diagnostic {
    let reason = tr!("items-image-unreadable", url = url, error = err.to_string());
    missing_file(FileUse::Image, &reason, loc)
}

/// `missing-file`: a file that is none of the image types the layouts can
/// show, by its first bytes.
pub fn not_an_image(loc: Loc, url: &str) -> Diagnostic {
    missing_file(FileUse::Image, &tr!("items-not-an-image", url = url), loc)
}

/// `missing-file`: an image whose type is known but which does not decode.
pub fn image_damaged(loc: Loc, url: &str, error: &str) -> Diagnostic {
    missing_file(
        FileUse::Image,
        &tr!("items-image-damaged", url = url, error = error),
        loc,
    )
    .with_help(tr!("items-image-damaged.help"))
}

/// A `missing-file` finding for a path written with Windows' `\`: the
/// help says to write `/`, which is what rk (and the web) read.
pub fn with_slash_help(diag: Diagnostic, name: &str) -> Diagnostic {
    if !name.contains('\\') {
        return diag;
    }
    diag.with_help(tr!("items-with-slash-help", path = name.replace('\\', "/")))
}

/// `missing-file`: a link to a local file that is not in the folder.
pub fn missing_link_target(reason: &str, loc: Loc) -> Diagnostic {
    missing_file(FileUse::Link, reason, loc).with_help(tr!("items-missing-link-target-help"))
}

/// `missing-file`: a file copied beside the referat under the name of an
/// output (`referat.pdf`, `typst/...`).
pub fn takes_an_outputs_place(loc: Loc, what: FileUse, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        tr!(
            "items-takes-an-outputs-place",
            what = what.word(),
            name = name
        ),
    )
    .with_help(tr!("items-takes-an-outputs-place.help"))
}

/// `missing-file`: `what` (image, link, attachment) `name` is a file of the
/// closed item `number`.
pub fn file_of_closed_item(loc: Loc, what: FileUse, name: &str, number: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        tr!(
            "items-file-of-closed-item",
            what = what.word(),
            name = name,
            number = number
        ),
    )
    .with_help(tr!("items-file-of-closed-item.help"))
}

/// `missing-file`: `what` (image, link, attachment) `name` is a closed
/// attachment of item `number`.
pub fn closed_attachment_published(
    loc: Loc,
    what: FileUse,
    name: &str,
    number: &str,
) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        tr!(
            "items-closed-attachment-published",
            what = what.word(),
            name = name,
            number = number
        ),
    )
    .with_help(tr!("items-closed-attachment-published.help"))
}

/// `missing-file`: an image of more than [`image::MAX_PIXELS`] pixels.
pub fn image_too_large(loc: Loc, url: &str, (width, height): (u32, u32)) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingFile,
        loc,
        tr!(
            "items-image-too-large",
            url = url,
            width = width.to_string(),
            height = height.to_string(),
            million = (image::MAX_PIXELS / 1_000_000).to_string()
        ),
    )
    .with_help(tr!("items-image-too-large.help"))
}

/// `image-alt`: an image without a description.
pub fn image_without_alt(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::ImageAlt, loc, tr!("items-image-without-alt"))
        .with_help(tr!("items-image-without-alt.help"))
}

/// `nesting`: structure deeper than `max` levels.
pub fn nested_too_deep(loc: Loc, max: usize) -> Diagnostic {
    Diagnostic::error(Rule::Nesting, loc, tr!("items-nested-too-deep", max = max))
        .with_help(tr!("items-nested-too-deep.help"))
}

/// `heading-level`: a `#` heading, which only the item's title may be.
pub fn level_one_heading(loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::HeadingLevel, loc, tr!("items-level-one-heading"))
        .with_help(tr!("items-level-one-heading.help"))
}

/// `heading-level`: a heading of `level` skips one after `previous`.
pub fn heading_skips_level(loc: Loc, level: usize, previous: usize) -> Diagnostic {
    let expected = previous + 1;
    Diagnostic::error(
        Rule::HeadingLevel,
        loc,
        tr!(
            "items-heading-skips-level",
            level = level,
            previous = previous,
            expected = expected
        ),
    )
    .with_help(tr!(
        "items-heading-skips-level.help",
        expected = expected,
        hashes = "#".repeat(expected)
    ))
}

/// `raw-html`: HTML in an item, shown as text.
pub fn raw_html(loc: Loc) -> Diagnostic {
    Diagnostic::warning(Rule::RawHtml, loc, tr!("items-raw-html"))
        .with_help(tr!("items-raw-html.help"))
}

/// `markdown-slip`: a line inside a paragraph starts a list of one item
/// (`marker` is `1.`, `-`, ...); `line` is the line as written.
pub fn accidental_list(loc: Loc, marker: &str, line: &str) -> Diagnostic {
    // `1.` is escaped as `1\.`, `-` as `\-`: text, not a list.
    let (list, escaped) = match marker.char_indices().last() {
        Some((at, '.' | ')')) => ("numbered", format!("{}\\{}", &marker[..at], &marker[at..])),
        _ => ("bulleted", format!("\\{marker}")),
    };
    Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        tr!("items-accidental-list", marker = marker, list = list),
    )
    .with_help(tr!(
        "items-accidental-list.help",
        escaped = escaped.as_str(),
        marker = marker
    ))
    .with_fix(line.replacen(marker, &escaped, 1))
}

/// `markdown-slip`: an indented code block, which rk shows as plain text.
/// The fix drops the indentation of a line that starts with it (in a list
/// item or a quote, the marker comes first: no fix).
pub fn indented_line(loc: Loc, line: &str, tab: bool) -> Diagnostic {
    let indent = if tab { "tab" } else { "spaces" };
    let diag = Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        tr!("items-indented-line", indent = indent),
    )
    .with_help(tr!("items-indented-line.help"));
    if line.starts_with([' ', '\t']) {
        diag.with_fix(line.trim_start().to_string())
    } else {
        diag
    }
}

/// `markdown-slip`: `[text](target)` is shown as written, not as a link.
pub fn not_a_link(loc: Loc, text: &str, target: &str) -> Diagnostic {
    let space = target.contains(char::is_whitespace) && !target.contains(['<', '>']);
    let help = if space {
        tr!("items-not-a-link.help-space", text = text, target = target)
    } else {
        tr!("items-not-a-link.help")
    };
    let diag = Diagnostic::warning(
        Rule::MarkdownSlip,
        loc,
        tr!(
            "items-not-a-link",
            text = text,
            target = target,
            why = if space { "space" } else { "unparsed" }
        ),
    )
    .with_help(help);
    if space {
        diag.with_fix(format!("<{target}>"))
    } else {
        diag
    }
}

/// `markdown-slip`: a line joined to the one above, both looking like
/// facts of their own (`For stemte: …` / `Imod stemte: …`).
pub fn joined_line(loc: Loc) -> Diagnostic {
    Diagnostic::warning(Rule::MarkdownSlip, loc, tr!("items-joined-line"))
        .with_help(tr!("items-joined-line.help"))
}

/// `unsafe-link`: a link with a scheme other than http, https or mailto.
pub fn unsafe_link(loc: Loc, scheme: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::UnsafeLink,
        loc,
        tr!("items-unsafe-link", scheme = scheme),
    )
    .with_help(tr!("items-unsafe-link.help"))
}

/// `bad-value`: an attachment's `url` that is not a whole web address.
pub fn not_a_web_address(loc: Loc, url: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadValue,
        loc,
        tr!("items-not-a-web-address", url = url),
    )
    .with_help(tr!(
        "items-not-a-web-address.help",
        address = url.trim_start_matches('/')
    ))
}

/// `personal-data`: a CPR number (an error), an e-mail address or a phone
/// number (warnings) at `place`.
pub fn personal_data(loc: Loc, kind: PersonalDataKind, place: &Exposure) -> Diagnostic {
    let name = place_name(place);
    let diag = match kind {
        PersonalDataKind::Cpr => Diagnostic::error(
            Rule::PersonalData,
            loc,
            tr!("items-personal-data-cpr", place = name),
        ),
        PersonalDataKind::Email => Diagnostic::warning(
            Rule::PersonalData,
            loc,
            tr!("items-personal-data-email", place = name),
        ),
        PersonalDataKind::Phone => Diagnostic::warning(
            Rule::PersonalData,
            loc,
            tr!("items-personal-data-phone", place = name),
        ),
    };
    diag.with_help(place_help(place, kind))
}

fn place_name(place: &Exposure) -> String {
    match place {
        Exposure::MeetingYaml => tr!("items-place.meeting-yaml"),
        Exposure::Item { .. } | Exposure::Title { closed: false } => tr!("items-place.public-item"),
        Exposure::Title { closed: true } => tr!("items-place.closed-title"),
        Exposure::PublicDecision => tr!("items-place.public-decision"),
    }
}

/// How to keep personal data found at `place` out of the published
/// minutes. A public item stays public: a phone number or an e-mail
/// address goes, or moves to a closed bilag; only a CPR number says that
/// the case may be one to close.
fn place_help(place: &Exposure, kind: PersonalDataKind) -> String {
    match (place, kind) {
        (Exposure::MeetingYaml, _) => tr!("items-place-help.meeting-yaml"),
        (Exposure::Item { .. }, PersonalDataKind::Cpr) => tr!("items-place-help.item-cpr"),
        (Exposure::Item { .. }, _) => tr!("items-place-help.item"),
        (Exposure::Title { .. }, _) => tr!("items-place-help.title"),
        (Exposure::PublicDecision, _) => tr!("items-place-help.public-decision"),
    }
}

// Glyphs ------------------------------------------------------------------------

/// `missing-glyph`: an invisible mark the PDF standards forbid.
pub fn forbidden_mark(loc: Loc, c: char) -> Diagnostic {
    Diagnostic::error(
        Rule::MissingGlyph,
        loc,
        tr!(
            "items-forbidden-mark",
            escaped = c.escape_unicode().to_string(),
            code = format!("{:04X}", u32::from(c))
        ),
    )
    .with_help(tr!("items-forbidden-mark.help"))
}

/// `missing-glyph`: `text` (shown safely), whose code `points` and `kind`
/// (an emoji, a script, if known) no font of `layout` has.
pub fn not_in_fonts(
    loc: Loc,
    text: &str,
    points: &str,
    kind: Option<&str>,
    layout: &str,
) -> Diagnostic {
    let message = match kind {
        Some(kind) => tr!(
            "items-not-in-fonts.kind",
            text = text,
            points = points,
            kind = kind,
            layout = layout
        ),
        None => tr!(
            "items-not-in-fonts",
            text = text,
            points = points,
            layout = layout
        ),
    };
    Diagnostic::error(Rule::MissingGlyph, loc, message).with_help(tr!("items-not-in-fonts.help"))
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
            tr!(
                "items-party-in-name.help-same",
                name = name,
                letter = letter
            )
        }
        Some(party) => tr!("items-party-in-name.help-other", name = name, party = party),
        None if defined => tr!(
            "items-party-in-name.help-defined",
            name = name,
            letter = letter
        ),
        None => tr!("items-party-in-name.help", name = name, letter = letter),
    };
    Diagnostic::warning(
        Rule::BadValue,
        loc,
        tr!("items-party-in-name", letter = letter, name = name),
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

    /// "is named in a vote on item 45", "is named as author of a
    /// protokoltilførsel on item 43".
    fn did(self, item: &ItemNumber) -> String {
        let item = item.to_string();
        match self {
            Role::Voter => tr!("items-role-did.voter", item = item),
            Role::Dissenter => tr!("items-role-did.dissenter", item = item),
            Role::Presenter => tr!("items-role-did.presenter", item = item),
        }
    }

    /// Where the name is written: "the vote", "the protokoltilførsel".
    fn place(self) -> String {
        match self {
            Role::Voter => tr!("items-role-place.voter"),
            Role::Dissenter => tr!("items-role-place.dissenter"),
            Role::Presenter => tr!("items-role-place.presenter"),
        }
    }
}

/// `unknown-group`: `letter` (a person's `party`, or an entry of a vote or
/// protokoltilførsel taken for a letter) is no group's letter; `known` are
/// the letters defined, `meant` the one most likely meant.
pub fn unknown_group(loc: Loc, letter: &str, known: &[String], meant: Option<&str>) -> Diagnostic {
    let help = match (meant, known.is_empty()) {
        (Some(meant), _) => tr!("items-did-you-mean", meant = meant),
        (None, true) => tr!("items-unknown-group.help-none", letter = letter),
        (None, false) => tr!(
            "items-unknown-group.help",
            known = both(known),
            letter = letter
        ),
    };
    let diag = Diagnostic::error(
        Rule::UnknownGroup,
        loc,
        tr!("items-unknown-group", letter = letter),
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
    let (did, place) = (role.did(item), role.place());
    let (message, help) = match standing {
        Standing::Absent(_) => (
            tr!("items-took-no-part-absent", name = name, did = did),
            tr!("items-took-no-part-absent.help", name = name, place = place),
        ),
        Standing::NotAttending(person) => {
            let attended: Vec<&str> = person.items.iter().map(|i| i.value.as_str()).collect();
            (
                tr!(
                    "items-took-no-part-not-attending",
                    name = name,
                    did = did,
                    n = attended.len(),
                    items = both(&attended)
                ),
                tr!(
                    "items-took-no-part-not-attending.help",
                    name = name,
                    place = place,
                    item = item.to_string()
                ),
            )
        }
        _ => (
            tr!("items-took-no-part", name = name, did = did),
            match meant {
                Some(meant) => tr!("items-did-you-mean", meant = meant),
                None => tr!("items-took-no-part.help"),
            },
        ),
    };
    let diag = Diagnostic::error(role.rule(), loc, message).with_help(help);
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
        tr!("items-not-a-member", name = name, group = group),
    )
    .with_help(tr!(
        "items-not-a-member.help",
        name = name,
        place = role.place()
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
    let help = match stand_in {
        Some(other) => tr!(
            "items-inhabil-takes-part.help-stand-in",
            name = name,
            place = role.place(),
            stand_in = other
        ),
        None => tr!(
            "items-inhabil-takes-part.help",
            name = name,
            place = role.place()
        ),
    };
    Diagnostic::error(
        Rule::Inhabil,
        loc,
        tr!(
            "items-inhabil-takes-part",
            name = name,
            did = role.did(item)
        ),
    )
    .with_help(help)
}

/// `inhabil`: the member written as inhabil for item `item` was not there.
pub fn inhabil_not_present(
    loc: Loc,
    name: &str,
    item: &ItemNumber,
    standing: Standing<'_>,
    meant: Option<&str>,
) -> Diagnostic {
    let item = item.to_string();
    let (message, help) = match standing {
        Standing::Absent(_) => (
            tr!(
                "items-inhabil-not-present-absent",
                name = name,
                item = item.clone()
            ),
            tr!("items-inhabil-not-present-absent.help", name = name),
        ),
        Standing::NotAttending(_) => (
            tr!(
                "items-inhabil-not-present-not-attending",
                name = name,
                item = item.clone()
            ),
            tr!(
                "items-inhabil-not-present-not-attending.help",
                name = name,
                item = item
            ),
        ),
        _ => (
            tr!("items-inhabil-not-present", name = name, item = item),
            match meant {
                Some(meant) => tr!("items-did-you-mean", meant = meant),
                None => tr!("items-inhabil-not-present.help"),
            },
        ),
    };
    let diag = Diagnostic::error(Rule::Inhabil, loc, message).with_help(help);
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
        tr!("items-named-twice-in-vote", name = name),
    )
    .with_help(tr!("items-named-twice-in-vote.help", name = name))
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
        tr!(
            "items-count-differs",
            count = count.to_string(),
            side = side,
            expected = expected,
            entries = both(entries)
        ),
    )
    .with_help(tr!(
        "items-count-differs.help",
        side = side,
        expected = expected
    ))
    .with_fix(expected.to_string())
}

/// `bad-vote`: the counts of a vote add up to more than the members who
/// took part in item `item`.
pub fn counts_exceed(loc: Loc, total: u32, members: usize, item: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        Rule::BadVote,
        loc,
        tr!(
            "items-counts-exceed",
            total = total.to_string(),
            members = members,
            item = item.to_string()
        ),
    )
    .with_help(tr!("items-counts-exceed.help"))
}

/// `bad-vote` or `bad-dissent`: no member of the group `letter` took part
/// in item `item`.
pub fn group_took_no_part(loc: Loc, role: Role, letter: &str, item: &ItemNumber) -> Diagnostic {
    Diagnostic::error(
        role.rule(),
        loc,
        tr!(
            "items-group-took-no-part",
            letter = letter,
            did = role.did(item)
        ),
    )
    .with_help(tr!(
        "items-group-took-no-part.help",
        letter = letter,
        place = role.place()
    ))
}
