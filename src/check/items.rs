//! The agenda: item numbering, case references and empty items.

use std::collections::BTreeMap;

use crate::check::CheckSettings;
use crate::check::case::CasePattern;
use crate::check::findings;
use crate::config::Numbering;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::files::Files;
use crate::model::{CaseRef, Item, ItemNumber, Meeting, Part, PreviousMeeting};

const MAX_DEPTH: usize = 3;

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
    let by_number = numbers(meeting, files, diags);
    let through_year = settings.numbering == Numbering::Year;
    gaps(meeting, &by_number, through_year, diags);
    if through_year && numbers_known(meeting) {
        diags.extend(continues(&by_number, previous));
    }
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

/// Each item's number: well formed, at most three levels, used once. The
/// items by number, the first of each.
fn numbers<'m>(
    meeting: &'m Meeting,
    files: &Files,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<&'m ItemNumber, &'m Item> {
    let mut by_number: BTreeMap<&ItemNumber, &Item> = BTreeMap::new();
    for item in &meeting.items {
        let Some(text) = &item.number_text else {
            continue;
        };
        let loc = Loc::new(item.file, text.span.clone());
        let Some(number) = &item.number else {
            diags.push(findings::not_an_item_number(loc, &text.value));
            continue;
        };
        if number.depth() > MAX_DEPTH {
            diags.push(findings::number_too_deep(loc.clone(), number));
        }
        match by_number.get(number) {
            Some(first) => {
                let first_file = files.get(first.file).display();
                let (line, _) = files
                    .get(first.file)
                    .line_col(first.number_text.as_ref().map_or(0, |t| t.span.start));
                let first = format!("{first_file}:{line}");
                diags.push(findings::number_used_twice(loc, number, &first));
            }
            None => {
                by_number.insert(number, item);
            }
        }
    }
    by_number
}

/// True when every item's number is known: no item file is unreadable and
/// every number is well formed.
pub fn numbers_known(meeting: &Meeting) -> bool {
    let unknown_number = meeting
        .items
        .iter()
        .any(|i| i.number_text.is_some() && i.number.is_none());
    meeting.unreadable_items == 0 && !unknown_number
}

/// With items numbered through the year: the first top-level item follows
/// the last one of the body's previous meeting of the year, if there is one.
fn continues(
    by_number: &BTreeMap<&ItemNumber, &Item>,
    previous: Option<&PreviousMeeting>,
) -> Option<Diagnostic> {
    let previous = previous?;
    let (first, item) = by_number.iter().find(|(n, _)| n.depth() == 1)?;
    (first.0 != [Part::plain(previous.last.saturating_add(1))])
        .then(|| findings::numbering_does_not_continue(number_loc(item), first, previous))
}

/// Every sub-item needs its parent; the children of each parent (and the
/// top level) must count 1, 2, 3 ... without gaps; items numbered through
/// the year (`through_year`) count on from the first top-level item. While
/// an item file cannot be read its number is unknown, so gaps are not judged.
fn gaps(
    meeting: &Meeting,
    by_number: &BTreeMap<&ItemNumber, &Item>,
    through_year: bool,
    diags: &mut Vec<Diagnostic>,
) {
    if !numbers_known(meeting) {
        return;
    }
    let mut children: BTreeMap<Vec<Part>, Vec<(&ItemNumber, &Item)>> = BTreeMap::new();
    for (number, item) in by_number {
        if let Some(parent) = number.parent()
            && !by_number.contains_key(&parent)
        {
            diags.push(findings::no_parent_item(number_loc(item), number, &parent));
        }
        let parent_key = number.0[..number.0.len() - 1].to_vec();
        children.entry(parent_key).or_default().push((number, item));
    }
    for (parent, siblings) in &children {
        let start = match siblings.first() {
            Some((first, _)) if through_year && parent.is_empty() => first.0[0].n,
            _ => 1,
        };
        counted(siblings, start, diags);
    }
}

/// Siblings count `start`, `start` + 1 ...: a finding at each that does not.
/// An item added after another (`2a` after `2`, `2b` after `2a`) is no gap;
/// a letter needs its item before it (`2a` needs `2`, `2b` needs `2a`).
fn counted(siblings: &[(&ItemNumber, &Item)], start: u32, diags: &mut Vec<Diagnostic>) {
    let mut expected = Part::plain(start);
    let mut before: Option<Part> = None;
    for (number, item) in siblings {
        let Some(&last) = number.0.last() else {
            continue;
        };
        if let Some(missing) = missing_before(last, expected, before) {
            let missing = with_last(number, missing);
            let before = before.map(|b| with_last(number, b));
            diags.push(findings::number_missing(
                number_loc(item),
                number,
                &missing,
                before.as_ref(),
            ));
        }
        expected = Part::plain(last.n.saturating_add(1));
        before = Some(last);
    }
}

/// The part missing before `last`, when it does not follow `before`: a
/// plain number must be `expected`, a letter must follow the part of the
/// same number before it (`2` before `2a`, `2a` before `2b`).
fn missing_before(last: Part, expected: Part, before: Option<Part>) -> Option<Part> {
    let Some(letter) = last.letter else {
        return (last.n != expected.n).then_some(expected);
    };
    let previous_letter = match letter {
        'a' => None,
        c => char::from_u32(c as u32 - 1),
    };
    let wanted = Part {
        n: last.n,
        letter: previous_letter,
    };
    (before != Some(wanted)).then_some(wanted)
}

/// `number` with its last part replaced by `last`.
fn with_last(number: &ItemNumber, last: Part) -> ItemNumber {
    let mut parts = number.0.clone();
    if let Some(l) = parts.last_mut() {
        *l = last;
    }
    ItemNumber(parts)
}

fn number_loc(item: &Item) -> Loc {
    let span = item.number_text.as_ref().map_or(0..0, |t| t.span.clone());
    Loc::new(item.file, span)
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
