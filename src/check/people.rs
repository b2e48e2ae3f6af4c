//! meeting.yaml: the date, and who was there.

use std::collections::HashMap;

use crate::date::Date;
use crate::diag::{Diagnostic, Loc, Rule};
use crate::model::{Group, Meeting, Spanned, name_key, same_name};
use crate::suggest;

pub fn check(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    check_date(meeting, diags);
    let at = |span: &std::ops::Range<usize>| Loc::new(meeting.file, span.clone());
    let people = &meeting.people;

    if let Some(span) = &meeting.members_span
        && people.members.is_empty()
    {
        diags.push(
            Diagnostic::error(Rule::NoAttendees, at(span), "`members` lists nobody")
                .with_help("list the members present under `members:`; a referat needs attendees"),
        );
    }

    // Everyone present, by name: the first place each name was listed.
    let mut present: HashMap<String, (Group, &Spanned<String>)> = HashMap::new();
    for group in Group::ALL.into_iter().filter(|g| g.is_present()) {
        for person in people.group(group) {
            let name = &person.name;
            match present.get(&name_key(&name.value)) {
                Some((first, _)) => diags.push(
                    Diagnostic::error(
                        Rule::DuplicatePerson,
                        at(&name.span),
                        format!("{} is listed twice among the present", name.value),
                    )
                    .with_help(format!(
                        "{} is already listed under `{}`: remove one of the two",
                        name.value,
                        first.key()
                    )),
                ),
                None => {
                    present.insert(name_key(&name.value), (group, name));
                }
            }
        }
    }

    let mut absent_seen: HashMap<String, ()> = HashMap::new();
    for person in &people.absent {
        let name = &person.name;
        if let Some((group, _)) = present.get(&name_key(&name.value)) {
            diags.push(
                Diagnostic::error(
                    Rule::AbsentAndPresent,
                    at(&name.span),
                    format!(
                        "{} is listed under `absent` and under `{}`",
                        name.value,
                        group.key()
                    ),
                )
                .with_help("a person is either absent or present: remove one of the two"),
            );
        }
        if absent_seen.insert(name_key(&name.value), ()).is_some() {
            diags.push(
                Diagnostic::error(
                    Rule::DuplicatePerson,
                    at(&name.span),
                    format!("{} is listed twice under `absent`", name.value),
                )
                .with_help("remove one of the two"),
            );
        }
    }

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
            let help = match suggest::closest(&sub.value, absent_names.iter().copied()) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!("add {} under `absent:`", sub.value),
            };
            diags.push(
                Diagnostic::error(
                    Rule::BadSubstitute,
                    at(&sub.span),
                    format!(
                        "{} is a substitute for {}, who is not listed under `absent`",
                        person.name.value, sub.value
                    ),
                )
                .with_help(help),
            );
        }
    }

    if !meeting.people_known {
        // meeting.yaml could not be read: its finding says so, and nobody
        // can be judged present or not.
        return;
    }
    let present_names: Vec<&str> = people.present().map(|p| p.name.value.as_str()).collect();
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
    let is_absent = meeting
        .people
        .absent
        .iter()
        .any(|p| same_name(&p.name.value, &name.value));
    let (message, help) = if is_absent {
        (
            format!("the {role} {} is listed as absent", name.value),
            "the referent, the chair and presenters must be present".to_string(),
        )
    } else {
        let help = match suggest::closest(&name.value, present.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "add {} to `members`, `others` or `guests` in meeting.yaml",
                name.value
            ),
        };
        (
            format!("the {role} {} is not among the people present", name.value),
            help,
        )
    };
    Some(
        Diagnostic::error(
            Rule::UnknownPerson,
            Loc::new(meeting.file, name.span.clone()),
            message,
        )
        .with_help(help),
    )
}

fn check_date(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    let Some(date) = &meeting.date else { return };
    let loc = Loc::new(meeting.file, date.span.clone());
    let Some(written) = Date::parse(&date.value) else {
        let help = match Date::suggest(&date.value) {
            Some(iso) => format!("write `date: {iso}`: dates are written YYYY-MM-DD"),
            None => "write the date as YYYY-MM-DD, e.g. 2020-11-25".into(),
        };
        diags.push(
            Diagnostic::error(
                Rule::DateMismatch,
                loc,
                format!("`{}` is not a real date", date.value),
            )
            .with_help(help),
        );
        return;
    };
    match Date::of_meeting_name(&meeting.id) {
        Some(folder) => {
            if folder != written {
                diags.push(
                    Diagnostic::error(
                        Rule::DateMismatch,
                        loc,
                        format!(
                            "the date {} differs from the folder's date {folder}",
                            date.value
                        ),
                    )
                    .with_help(format!(
                        "write `date: {folder}`, or rename the folder to {}",
                        date.value
                    )),
                );
            }
        }
        _ => diags.push(
            Diagnostic::error(
                Rule::DateMismatch,
                loc,
                format!(
                    "the meeting folder `{}` is not named by its date",
                    meeting.id
                ),
            )
            .with_help(format!(
                "name the folder {} (optionally with a suffix: {}-ekstra)",
                date.value, date.value
            )),
        ),
    }
}
