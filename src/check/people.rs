//! meeting.yaml: the date, and who was there.

use std::collections::HashMap;
use std::ops::Range;

use crate::check::findings::{self, Post};
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::model::{
    Document, Group, Item, ItemNumber, Meeting, People, Spanned, name_key, same_name, without_party,
};
use crate::suggest;

/// The checks of who was there. For an agenda, made before the meeting,
/// the roles of its outcome (the referent, the presenters) are not judged.
/// `in_order`: the items' numbers count without a numbering finding, so
/// that the numbers in people's `items` can be judged against them.
pub fn check(meeting: &Meeting, document: Document, in_order: bool, diags: &mut Vec<Diagnostic>) {
    diags.extend(check_date(meeting));
    let at = |span: &Range<usize>| Loc::new(meeting.file, span.clone());
    let people = &meeting.people;
    if let Some(span) = &meeting.members_span
        && people.members.is_empty()
    {
        diags.push(findings::no_members(at(span)));
    }
    let present = present_once(people, at, diags);
    absent_once(people, &present, at, diags);
    substitutes(meeting, at, diags);
    if !meeting.people_known {
        // meeting.yaml could not be read: its finding says so, and nobody
        // can be judged present or not.
        return;
    }
    roles_present(meeting, document, diags);
    attendance(meeting, in_order, diags);
}

/// Everyone present, by name, with the group each name was first listed
/// in; a name listed again among the present is a finding.
fn present_once(
    people: &People,
    at: impl Fn(&Range<usize>) -> Loc,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, Group> {
    let mut present: HashMap<String, Group> = HashMap::new();
    for group in Group::ALL.into_iter().filter(|g| g.is_present()) {
        for person in people.group(group) {
            let name = &person.name;
            match present.get(&name_key(&name.value)) {
                Some(first) => diags.push(findings::listed_twice_present(
                    at(&name.span),
                    &name.value,
                    first.key(),
                )),
                None => {
                    present.insert(name_key(&name.value), group);
                }
            }
        }
    }
    present
}

/// The absent: each once, and none of them present.
fn absent_once(
    people: &People,
    present: &HashMap<String, Group>,
    at: impl Fn(&Range<usize>) -> Loc,
    diags: &mut Vec<Diagnostic>,
) {
    let mut absent_seen: HashMap<String, ()> = HashMap::new();
    for person in &people.absent {
        let name = &person.name;
        if let Some(group) = present.get(&name_key(&name.value)) {
            diags.push(findings::absent_and_present(
                at(&name.span),
                &name.value,
                group.key(),
            ));
        }
        if absent_seen.insert(name_key(&name.value), ()).is_some() {
            diags.push(findings::listed_twice_absent(at(&name.span), &name.value));
        }
    }
}

/// Each substitute stands in for someone listed as absent, or for a
/// member inhabil for every item the substitute attended (a stedfortræder
/// for those items only).
fn substitutes(meeting: &Meeting, at: impl Fn(&Range<usize>) -> Loc, diags: &mut Vec<Diagnostic>) {
    let people = &meeting.people;
    // Names as the help may suggest them: without a party letter in
    // brackets, which has a finding of its own.
    let absent_names: Vec<&str> = people
        .absent
        .iter()
        .map(|p| without_party(&p.name.value))
        .collect();
    for person in people.present() {
        let Some(sub) = &person.substitute_for else {
            continue;
        };
        if !absent_names.iter().any(|a| same_name(a, &sub.value))
            && !stands_in_for_inhabil(meeting, person, &sub.value)
        {
            let part = suggest::names_in_part(&sub.value, absent_names.iter().copied());
            let suggestion = match part.as_slice() {
                [full] => Some(*full),
                _ => suggest::closest(&sub.value, absent_names.iter().copied()),
            };
            diags.push(findings::bad_substitute(
                at(&sub.span),
                &person.name.value,
                &sub.value,
                suggestion,
            ));
        }
    }
}

/// Whether `person` attended only items (at least one) for which the
/// member `name` was inhabil.
fn stands_in_for_inhabil(meeting: &Meeting, person: &crate::model::Person, name: &str) -> bool {
    let items: Vec<ItemNumber> = person
        .items
        .iter()
        .filter_map(|i| ItemNumber::parse(&i.value))
        .collect();
    !items.is_empty() && items.iter().all(|n| meeting.inhabil_for(name, n))
}

/// The referent, the chair and every presenter are among the present, and
/// a presenter attended the item they present; for an agenda, the chair.
fn roles_present(meeting: &Meeting, document: Document, diags: &mut Vec<Diagnostic>) {
    let present_names: Vec<&str> = meeting
        .people
        .present()
        .map(|p| without_party(&p.name.value))
        .collect();
    for (role, name) in [
        (Post::Referent, &meeting.referent),
        (Post::Chair, &meeting.chair),
    ] {
        if document == Document::Agenda && role == Post::Referent {
            continue;
        }
        if let Some(name) = name {
            diags.extend(unknown_person(meeting, &present_names, name, role));
        }
    }
    if document == Document::Agenda {
        return;
    }
    for item in &meeting.items {
        for presenter in &item.presenters {
            let loc = Loc::new(item.file, presenter.span.clone());
            if let Some(d) = unknown_person(meeting, &present_names, presenter, Post::Presenter) {
                diags.push(Diagnostic { loc, ..d });
            } else if let Some(d) = not_attending(meeting, item, presenter, loc) {
                diags.push(d);
            }
        }
    }
}

/// The `unknown-person` finding for a present presenter of `item` whose
/// `items` leave it out.
fn not_attending(
    meeting: &Meeting,
    item: &Item,
    presenter: &Spanned<String>,
    loc: Loc,
) -> Option<Diagnostic> {
    let number = item.number.as_ref()?;
    let person = meeting
        .people
        .present()
        .find(|p| same_name(&p.name.value, &presenter.value))?;
    if person.attended(number) {
        return None;
    }
    let attended: Vec<String> = person.items.iter().map(|i| i.value.clone()).collect();
    Some(findings::presenter_not_attending(
        loc,
        &presenter.value,
        number,
        &attended,
    ))
}

/// The `unknown-person` finding for `name` in `role`, unless the name is
/// present. A name that is part of one listed person's name (`Jakob
/// Harder` for `Jakob Aagaard Harder`) is taken for that person's in the
/// help; nobody already listed is ever to be added again. Points into
/// meeting.yaml; callers move it for item files.
pub fn unknown_person(
    meeting: &Meeting,
    present: &[&str],
    name: &Spanned<String>,
    role: Post,
) -> Option<Diagnostic> {
    if present.iter().any(|p| same_name(p, &name.value)) {
        return None;
    }
    let loc = Loc::new(meeting.file, name.span.clone());
    let written = name.value.as_str();
    let absent: Vec<&str> = meeting
        .people
        .absent
        .iter()
        .map(|p| without_party(&p.name.value))
        .collect();
    if let Some(listed) = absent.iter().find(|a| same_name(a, written)) {
        return Some(findings::role_absent(loc, role, written, listed));
    }
    let in_present = suggest::names_in_part(written, present.iter().copied());
    let in_absent = suggest::names_in_part(written, absent.iter().copied());
    Some(match (in_present.as_slice(), in_absent.as_slice()) {
        ([full], _) => findings::role_short_name(loc, role, written, full),
        ([], [listed]) => findings::role_absent(loc, role, written, listed),
        ([], []) => {
            let suggestion = suggest::closest(written, present.iter().copied());
            findings::role_not_present(loc, role, written, suggestion)
        }
        ([], several) | (several, _) => findings::role_ambiguous(loc, role, written, several),
    })
}

/// Each present person's `items` names items of this meeting; an absent
/// person attended none. While the numbers are not `in_order` (an item
/// file cannot be read, or a number is used twice or missing: the
/// numbering finding says so) an entry is not judged against them.
fn attendance(meeting: &Meeting, in_order: bool, diags: &mut Vec<Diagnostic>) {
    let numbers: Vec<String> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref().map(ToString::to_string))
        .collect();
    let people = &meeting.people;
    for person in &people.absent {
        if let Some(first) = person.items.first() {
            let loc = Loc::new(meeting.file, first.span.clone());
            diags.push(findings::absent_attended_items(loc, &person.name.value));
        }
    }
    for person in people.present() {
        for entry in &person.items {
            let loc = Loc::new(meeting.file, entry.span.clone());
            if let Some(range) = ItemNumber::parse_range(&entry.value) {
                // Both ends items of the meeting: read as its items when loaded.
                if in_order {
                    diags.push(range_finding(meeting, &person.name.value, entry, &range));
                }
                continue;
            }
            let Some(number) = ItemNumber::parse(&entry.value) else {
                let fixed =
                    ItemNumber::parse(entry.value.trim_matches(|c: char| !c.is_ascii_digit()));
                diags.push(findings::attended_not_a_number(
                    loc,
                    &entry.value,
                    fixed.as_ref(),
                ));
                continue;
            };
            if !in_order || numbers.contains(&number.to_string()) {
                continue;
            }
            let suggestion = meant_item(&entry.value, &numbers);
            diags.push(findings::unknown_item(
                loc,
                &person.name.value,
                &entry.value,
                suggestion,
                &numbers,
            ));
        }
    }
}

/// The `unknown-item` finding of a range in `name`'s `items` that is not
/// read as the meeting's items: one of its ends is none of them.
fn range_finding(
    meeting: &Meeting,
    name: &str,
    entry: &Spanned<String>,
    range: &(ItemNumber, ItemNumber),
) -> Diagnostic {
    let numbers: Vec<&ItemNumber> = meeting
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .collect();
    let end = if numbers.contains(&&range.0) {
        &range.1
    } else {
        &range.0
    };
    let within: Vec<String> = ItemNumber::in_range(numbers.iter().copied(), range)
        .into_iter()
        .map(ToString::to_string)
        .collect();
    let all: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    let loc = Loc::new(meeting.file, entry.span.clone());
    findings::range_end_not_an_item(loc, name, &entry.value, end, &within, &all)
}

/// The item number `written` most likely means: the one with the same
/// digits (`21` for `2.1`), when there is one.
fn meant_item<'a>(written: &str, numbers: &'a [String]) -> Option<&'a str> {
    let digits = |n: &str| n.replace('.', "");
    numbers
        .iter()
        .find(|n| digits(n) == digits(written))
        .map(String::as_str)
}

/// `date-mismatch`: the date is a real date, and the folder's.
fn check_date(meeting: &Meeting) -> Option<Diagnostic> {
    let date = meeting.date.as_ref()?;
    let loc = Loc::new(meeting.file, date.span.clone());
    let Some(written) = Date::parse(&date.value) else {
        return Some(findings::not_a_date(
            loc,
            &date.value,
            Date::suggest(&date.value),
        ));
    };
    match Date::of_meeting_name(&meeting.id) {
        Some(folder) => (folder != written)
            .then(|| findings::date_differs_from_folder(loc, &date.value, folder)),
        None => Some(findings::folder_not_named_by_date(
            loc,
            &meeting.id,
            &date.value,
        )),
    }
}
