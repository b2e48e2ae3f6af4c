//! The beslutningsprotokol (SPEC section 10): every party letter is a
//! known group; a vote and a protokoltilførsel name only members who took
//! part in the item (attended it and were not inhabil), each once a vote;
//! counts add up; an inhabil member neither votes, presents nor dissents.

use std::ops::Range;

use crate::check::CheckSettings;
use crate::check::findings::{self, Role};
use crate::diag::{Diagnostic, Loc};
use crate::model::{
    Group, Item, ItemNumber, Meeting, Spanned, Standing, Vote, is_group, name_key, party_in_name,
    same_name,
};
use crate::suggest;

pub fn check(meeting: &Meeting, settings: &CheckSettings, diags: &mut Vec<Diagnostic>) {
    let mut known: Vec<String> = settings.groups.clone();
    known.extend(meeting.groups.iter().map(|g| g.letter.value.clone()));
    parties(meeting, &known, diags);
    // The votes and who was inhabil are the meeting's outcome: an agenda,
    // made before it, neither shows nor judges them.
    if !meeting.people_known || settings.purpose == crate::model::Document::Agenda {
        return;
    }
    for item in &meeting.items {
        let Some(number) = &item.number else {
            continue;
        };
        let at = |span: &Range<usize>| Loc::new(item.file, span.clone());
        inhabil(meeting, item, number, diags);
        for vote in &item.votes {
            vote_names(meeting, number, vote, &known, at, diags);
            counts(meeting, number, vote, &known, at, diags);
        }
        for dissent in &item.dissents {
            for name in &dissent.by {
                entry(meeting, number, name, Role::Dissenter, &known, at, diags);
            }
        }
    }
}

/// Each person's `party` is a group's letter, and a name carries none in
/// brackets (`Charlotte Brix (C)`: the letter belongs in `party`).
fn parties(meeting: &Meeting, known: &[String], diags: &mut Vec<Diagnostic>) {
    for group in Group::ALL {
        for person in meeting.people.group(group) {
            if let Some((name, letter)) = party_in_name(&person.name.value) {
                let loc = Loc::new(meeting.file, person.name.span.clone());
                let party = person.party.as_ref().map(|p| p.value.as_str());
                let defined = is_group(letter, known);
                diags.push(findings::party_in_name(loc, name, letter, party, defined));
            }
            if let Some(party) = &person.party
                && !is_group(&party.value, known)
            {
                let loc = Loc::new(meeting.file, party.span.clone());
                diags.push(unknown_group(loc, &party.value, known));
            }
        }
    }
}

fn unknown_group(loc: Loc, letter: &str, known: &[String]) -> Diagnostic {
    let meant = known
        .iter()
        .find(|k| k.to_lowercase() == letter.to_lowercase())
        .map(String::as_str)
        .or_else(|| suggest::closest(letter, known.iter().map(String::as_str)));
    findings::unknown_group(loc, letter, known, meant)
}

/// The inhabil of an item are members present at it; none of them
/// presents it.
fn inhabil(meeting: &Meeting, item: &Item, number: &ItemNumber, diags: &mut Vec<Diagnostic>) {
    for inhabil in &item.inhabil {
        let name = &inhabil.name;
        let loc = Loc::new(item.file, name.span.clone());
        match meeting.standing(&name.value, number) {
            Standing::Inhabil(_) | Standing::TookPart(..) => {}
            standing => {
                let meant = took_part_like(meeting, number, &name.value);
                diags.push(findings::inhabil_not_present(
                    loc,
                    &name.value,
                    number,
                    standing,
                    meant,
                ));
            }
        }
    }
    for presenter in &item.presenters {
        if let Standing::Inhabil(_) = meeting.standing(&presenter.value, number) {
            let loc = Loc::new(item.file, presenter.span.clone());
            let stand_in = substitute(meeting, &presenter.value, number);
            diags.push(findings::inhabil_takes_part(
                loc,
                Role::Presenter,
                &presenter.value,
                number,
                stand_in,
            ));
        }
    }
}

/// The stedfortræder of `name` for item `number`, if there is one.
fn substitute<'m>(meeting: &'m Meeting, name: &str, number: &ItemNumber) -> Option<&'m str> {
    meeting
        .people
        .present()
        .find(|p| {
            p.substitute_for
                .as_ref()
                .is_some_and(|s| same_name(&s.value, name))
                && p.attended(number)
        })
        .map(|p| p.name.value.as_str())
}

/// The name of a member who took part in the item most like `written`.
fn took_part_like<'m>(meeting: &'m Meeting, number: &ItemNumber, written: &str) -> Option<&'m str> {
    let members: Vec<&str> = meeting
        .people
        .members
        .iter()
        .map(|p| p.name.value.as_str())
        .filter(|n| meeting.took_part(n, number))
        .map(crate::model::without_party)
        .collect();
    match suggest::names_in_part(written, members.iter().copied()).as_slice() {
        [full] => Some(*full),
        _ => suggest::closest(written, members),
    }
}

/// Every name of a vote took part, and is named once.
fn vote_names(
    meeting: &Meeting,
    number: &ItemNumber,
    vote: &Vote,
    known: &[String],
    at: impl Fn(&Range<usize>) -> Loc + Copy,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<String> = Vec::new();
    for side in &vote.sides {
        for name in &side.entries {
            let key = name_key(&name.value);
            if seen.contains(&key) {
                diags.push(findings::named_twice_in_vote(at(&name.span), &name.value));
                continue;
            }
            seen.push(key);
            entry(meeting, number, name, Role::Voter, known, at, diags);
        }
    }
}

/// One entry of a vote or a protokoltilførsel: a known group, or a member
/// who took part in the item.
fn entry(
    meeting: &Meeting,
    number: &ItemNumber,
    name: &Spanned<String>,
    role: Role,
    known: &[String],
    at: impl Fn(&Range<usize>) -> Loc,
    diags: &mut Vec<Diagnostic>,
) {
    let loc = at(&name.span);
    if is_group(&name.value, known) {
        let parties_given = meeting.people.present().any(|p| p.party.is_some());
        let of_group = meeting.people.members.iter().any(|p| {
            p.party.as_ref().is_some_and(|l| l.value == name.value)
                && meeting.took_part(&p.name.value, number)
        });
        if parties_given && !of_group {
            diags.push(findings::group_took_no_part(loc, role, &name.value, number));
        }
        return;
    }
    let written = name.value.as_str();
    match meeting.standing(written, number) {
        Standing::TookPart(_, Group::Members) => {}
        Standing::TookPart(_, group) => {
            diags.push(findings::not_a_member(loc, role, written, group.key()));
        }
        Standing::Inhabil(_) => {
            let stand_in = substitute(meeting, written, number);
            diags.push(findings::inhabil_takes_part(
                loc, role, written, number, stand_in,
            ));
        }
        Standing::Unknown if looks_like_a_letter(written) => {
            diags.push(unknown_group(loc, written, known));
        }
        standing => {
            let meant = took_part_like(meeting, number, written);
            diags.push(findings::took_no_part(
                loc, role, written, number, standing, meant,
            ));
        }
    }
}

/// A short word in capitals (`Ø`, `SF`, `LA`): meant as a group's letter.
fn looks_like_a_letter(written: &str) -> bool {
    let count = written.chars().count();
    (1..=3).contains(&count)
        && written
            .chars()
            .all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// The counts written agree with the names and groups of each side, and
/// together are not more than the members who took part.
fn counts(
    meeting: &Meeting,
    number: &ItemNumber,
    vote: &Vote,
    known: &[String],
    at: impl Fn(&Range<usize>) -> Loc,
    diags: &mut Vec<Diagnostic>,
) {
    let voters: Vec<&str> = meeting
        .people
        .members
        .iter()
        .map(|p| p.name.value.as_str())
        .filter(|n| meeting.took_part(n, number))
        .collect();
    let named: Vec<&str> = vote
        .sides
        .iter()
        .flat_map(|s| &s.entries)
        .map(|e| e.value.as_str())
        .filter(|e| !is_group(e, known))
        .collect();
    for side in &vote.sides {
        let Some(count) = &side.count else { continue };
        if side.entries.is_empty() {
            continue;
        }
        let members = side.entries.iter().map(|entry| {
            if !is_group(&entry.value, known) {
                return 1;
            }
            let of_group = voters.iter().filter(|v| {
                meeting.party_of(v) == Some(entry.value.as_str())
                    && !named.iter().any(|n| same_name(n, v))
            });
            of_group.count()
        });
        let expected: usize = members.sum();
        if expected != count.value as usize {
            let entries: Vec<&str> = side.entries.iter().map(|e| e.value.as_str()).collect();
            diags.push(findings::count_differs(
                at(&count.span),
                side.choice.key(),
                count.value,
                &entries,
                expected,
            ));
        }
    }
    let total: u32 = vote
        .sides
        .iter()
        .filter_map(|s| s.count.as_ref())
        .map(|c| c.value)
        .sum();
    if let Some(first) = vote.sides.iter().find_map(|s| s.count.as_ref())
        && total as usize > voters.len()
    {
        diags.push(findings::counts_exceed(
            at(&first.span),
            total,
            voters.len(),
            number,
        ));
    }
}
