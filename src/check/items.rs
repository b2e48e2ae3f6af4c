//! The agenda: item numbering (numbering.rs), case references and empty
//! items.

use crate::check::CheckSettings;
use crate::check::case::CasePattern;
use crate::check::findings;
use crate::check::numbering;
use crate::config::Numbering;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::files::Files;
use crate::model::{CaseRef, Item, Meeting, PreviousMeeting};

pub fn check(
    meeting: &Meeting,
    files: &Files,
    settings: &CheckSettings,
    previous: Option<&PreviousMeeting>,
    diags: &mut Vec<Diagnostic>,
) {
    if !meeting.cancelled {
        diags.extend(no_items(meeting));
    }
    let through_year = settings.numbering == Numbering::Year;
    numbering::check(meeting, files, through_year, previous, diags);
    let year = meeting
        .date
        .as_ref()
        .and_then(|d| Date::parse(&d.value))
        .map(Date::year);
    for item in &meeting.items {
        if let Some(sag) = &item.case
            && let CaseRef::Ref(reference) = &sag.value
        {
            let loc = Loc::new(item.file, sag.span.clone());
            diags.extend(check_sag(reference, loc, year, settings));
        }
        if let (Some(dok), Some(pattern)) = (&item.document_number, &settings.document)
            && !pattern.is_match(&dok.value)
        {
            let loc = Loc::new(item.file, dok.span.clone());
            diags.push(findings::not_a_document_number(loc, &dok.value, pattern));
        }
        if !item.is_group(&meeting.items) && item.number.is_some() {
            diags.extend(missing_sag(item, &settings.case, year));
            if !meeting.cancelled {
                diags.extend(empty_item(item));
            }
        }
        diags.extend(added_date(item, meeting));
    }
}

/// `date-mismatch`: an item's `added` date is a real date, not after the
/// meeting (a meeting date that is no real date has its own finding).
fn added_date(item: &Item, meeting: &Meeting) -> Option<Diagnostic> {
    let written = item.added.as_ref()?.date.as_ref()?;
    let loc = Loc::new(item.file, written.span.clone());
    let Some(date) = Date::parse(&written.value) else {
        let suggestion = Date::suggest(&written.value);
        return Some(findings::added_not_a_date(loc, &written.value, suggestion));
    };
    let held = meeting.calendar_date()?;
    (date > held).then(|| findings::added_after_meeting(loc, date, held))
}

/// `missing-sag`: an item that is not a group heading has a case, or
/// `sag: none`; not when its `sag` was reported already.
fn missing_sag(item: &Item, pattern: &CasePattern, year: Option<u32>) -> Option<Diagnostic> {
    if item.case.is_some() || item.already_reported.contains(&"sag") {
        return None;
    }
    Some(match &item.case_key {
        Some(key) => findings::sag_empty(Loc::new(item.file, key.clone()), pattern, year),
        None => findings::no_sag(end_of_front_matter(item), pattern, year),
    })
}

/// `empty-item`: an item that is not a group heading has text, unless it
/// was postponed or withdrawn (then its title may say all).
fn empty_item(item: &Item) -> Option<Diagnostic> {
    if item.status.is_some() || item.already_reported.contains(&"status") {
        return None;
    }
    item.body
        .trim()
        .is_empty()
        .then(|| findings::empty_item(end_of_front_matter(item)))
}

fn end_of_front_matter(item: &Item) -> Loc {
    Loc::new(item.file, item.front_matter_end.clone())
}

/// An `empty-item` warning at meeting.yaml when the folder holds no item
/// file at all. Not when an item file or meeting.yaml could not be read:
/// that has its own finding.
fn no_items(meeting: &Meeting) -> Option<Diagnostic> {
    let no_files = meeting.items.is_empty() && meeting.unreadable_items == 0;
    (no_files && meeting.people_known)
        .then(|| findings::no_agenda_items(Loc::new(meeting.file, 0..0)))
}

/// `bad-sag`: the reference must match the configured pattern and its year
/// may not be after the meeting's year.
fn check_sag(
    reference: &str,
    loc: Loc,
    meeting_year: Option<u32>,
    settings: &CheckSettings,
) -> Option<Diagnostic> {
    let pattern = &settings.case;
    if !pattern.is_match(reference) {
        return Some(findings::not_a_case_reference(
            loc,
            reference,
            pattern,
            meeting_year,
        ));
    }
    let year = pattern.year(reference)?;
    let meeting_year = meeting_year?;
    (year > meeting_year).then(|| findings::case_after_meeting(loc, reference, year, meeting_year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_year_after_meeting_year() {
        let s = CheckSettings::default();
        let file = Files::default().add("meeting.yaml".into(), String::new());
        let loc = Loc::new(file, 0..0);
        assert!(check_sag("SAG-2021-00001", loc.clone(), Some(2020), &s).is_some());
        assert!(check_sag("SAG-2020-00001", loc, Some(2020), &s).is_none());
    }
}
