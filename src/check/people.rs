//! meeting.yaml: the date, and who was there.

use std::collections::HashMap;
use std::ops::Range;

use crate::check::findings;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::model::{Group, Meeting, People, Spanned, name_key, same_name};
use crate::suggest;

pub fn check(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
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
    substitutes(people, at, diags);
    if !meeting.people_known {
        // meeting.yaml could not be read: its finding says so, and nobody
        // can be judged present or not.
        return;
    }
    roles_present(meeting, diags);
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

/// Each substitute stands in for someone listed as absent.
fn substitutes(people: &People, at: impl Fn(&Range<usize>) -> Loc, diags: &mut Vec<Diagnostic>) {
    let absent_names: Vec<&str> = people
        .absent
        .iter()
        .map(|p| p.name.value.as_str())
        .collect();
    for person in people.present() {
        let Some(sub) = &person.substitute_for else {
            continue;
        };
        if !absent_names.iter().any(|a| same_name(a, &sub.value)) {
            let suggestion = suggest::closest(&sub.value, absent_names.iter().copied());
            diags.push(findings::bad_substitute(
                at(&sub.span),
                &person.name.value,
                &sub.value,
                suggestion,
            ));
        }
    }
}

/// The referent, the chair and every presenter are among the present.
fn roles_present(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    let present_names: Vec<&str> = meeting
        .people
        .present()
        .map(|p| p.name.value.as_str())
        .collect();
    for (role, name) in [("referent", &meeting.referent), ("chair", &meeting.chair)] {
        if let Some(name) = name {
            diags.extend(unknown_person(meeting, &present_names, name, role));
        }
    }
    for item in &meeting.items {
        for presenter in &item.presenters {
            if let Some(d) = unknown_person(meeting, &present_names, presenter, "presenter") {
                diags.push(Diagnostic {
                    loc: Loc::new(item.file, presenter.span.clone()),
                    ..d
                });
            }
        }
    }
}

/// The `unknown-person` finding for `name` in `role`, unless the name is
/// present. Points into meeting.yaml; callers move it for item files.
pub fn unknown_person(
    meeting: &Meeting,
    present: &[&str],
    name: &Spanned<String>,
    role: &str,
) -> Option<Diagnostic> {
    if present.iter().any(|p| same_name(p, &name.value)) {
        return None;
    }
    let loc = Loc::new(meeting.file, name.span.clone());
    let is_absent = meeting
        .people
        .absent
        .iter()
        .any(|p| same_name(&p.name.value, &name.value));
    Some(if is_absent {
        findings::role_absent(loc, role, &name.value)
    } else {
        let suggestion = suggest::closest(&name.value, present.iter().copied());
        findings::role_not_present(loc, role, &name.value, suggestion)
    })
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
