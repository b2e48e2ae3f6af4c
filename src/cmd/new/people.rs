//! Who the next meeting starts with: the people of the last one, in the
//! order the body lists them. A member who sent apologies is a member
//! again, in the place of the substitute who took the seat, or, without
//! one, where an earlier meeting of the body listed them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::{Meeting, Person, same_name};
use crate::source::yaml::{self, Node, Value};
use crate::tr;

/// How many earlier meetings are read to find an absent member's place.
const LOOK_BACK: usize = 24;

/// The members and others of the new meeting, and what could not be
/// placed as the body lists it (said to the referent).
pub struct Roster<'m> {
    pub members: Vec<&'m Person>,
    pub others: Vec<&'m Person>,
    pub notes: Vec<String>,
}

/// The roster after `previous`; `earlier` are the project's meeting folders
/// before it, oldest first, read (newest first) only when an absent member
/// had no substitute.
pub fn roster<'m>(previous: &'m Meeting, earlier: &[PathBuf]) -> Roster<'m> {
    let absent = &previous.people.absent;
    let took_seat = |p: &Person| {
        p.substitute_for
            .as_ref()
            .and_then(|s| absent.iter().find(|a| same_name(&a.name.value, &s.value)))
    };
    let mut placed: Vec<&Person> = Vec::new();
    let mut members = Vec::new();
    for person in &previous.people.members {
        match (took_seat(person), &person.substitute_for) {
            (Some(absentee), _) if !placed.iter().any(|p| std::ptr::eq(*p, absentee)) => {
                placed.push(absentee);
                members.push(absentee);
            }
            (_, Some(_)) => {}
            (_, None) => members.push(person),
        }
    }
    let mut others: Vec<&Person> = previous
        .people
        .others
        .iter()
        .filter(|p| p.substitute_for.is_none())
        .collect();
    let unplaced: Vec<&Person> = absent
        .iter()
        .filter(|a| !placed.iter().any(|p| std::ptr::eq(*p, *a)))
        .collect();
    let mut notes = Vec::new();
    if !unplaced.is_empty() {
        let lists = earlier_lists(earlier, previous);
        for person in unplaced {
            if !place(person, &lists, &mut members, &mut others) {
                members.push(person);
                notes.push(tr!(
                    "cmd-new-unplaced",
                    name = person.name.value.as_str(),
                    meeting = previous.id.as_str()
                ));
            }
        }
    }
    Roster {
        members,
        others,
        notes,
    }
}

/// The names under `members` and under `others` of one earlier meeting.
struct Listed {
    members: Vec<String>,
    others: Vec<String>,
}

/// Puts `person` where the latest of `lists` that names them has them:
/// after the person listed before them there (or before the one after
/// them), among the members or the others as there. False when no list
/// names them.
fn place<'m>(
    person: &'m Person,
    lists: &[Listed],
    members: &mut Vec<&'m Person>,
    others: &mut Vec<&'m Person>,
) -> bool {
    let name = &person.name.value;
    for listed in lists {
        for (list, into) in [
            (&listed.members, &mut *members),
            (&listed.others, &mut *others),
        ] {
            let Some(at) = list.iter().position(|n| same_name(n, name)) else {
                continue;
            };
            let index_of = |n: &String, into: &Vec<&Person>| {
                into.iter().position(|p| same_name(&p.name.value, n))
            };
            let after = list[..at].iter().rev().find_map(|n| index_of(n, into));
            let before = list[at + 1..].iter().find_map(|n| index_of(n, into));
            let index = after.map(|i| i + 1).or(before).unwrap_or(into.len());
            into.insert(index, person);
            return true;
        }
    }
    false
}

/// The member and other lists of the body's meetings in `earlier`, newest
/// first, at most [`LOOK_BACK`] of them.
fn earlier_lists(earlier: &[PathBuf], previous: &Meeting) -> Vec<Listed> {
    let body = previous.body.as_ref().map(|b| b.value.as_str());
    earlier
        .iter()
        .rev()
        .filter(|dir| **dir != previous.dir)
        .filter_map(|dir| read_lists(dir, body))
        .take(LOOK_BACK)
        .collect()
}

/// The lists of the meeting.yaml in `dir`, when it is `body`'s.
fn read_lists(dir: &Path, body: Option<&str>) -> Option<Listed> {
    let text = fs::read_to_string(dir.join("meeting.yaml")).ok()?;
    let root = yaml::parse(&text, 0).ok()??;
    let Value::Map(entries) = &root.value else {
        return None;
    };
    let get = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    };
    let its_body = get("body").and_then(Node::as_str).map(str::trim);
    if let (Some(want), Some(its)) = (body, its_body)
        && !same_name(want, its)
    {
        return None;
    }
    Some(Listed {
        members: names(get("members")),
        others: names(get("others")),
    })
}

/// The names of a list of people: each a name, or a mapping with `name`.
fn names(list: Option<&Node>) -> Vec<String> {
    let Some(Node {
        value: Value::Seq(people),
        ..
    }) = list
    else {
        return Vec::new();
    };
    people
        .iter()
        .filter_map(|person| match &person.value {
            Value::Scalar { text, .. } => Some(text.trim().to_string()),
            Value::Map(fields) => fields
                .iter()
                .find(|(k, _)| k.as_str() == Some("name"))
                .and_then(|(_, v)| v.as_str())
                .map(|n| n.trim().to_string()),
            Value::Seq(_) => None,
        })
        .collect()
}
