//! What a beslutningsprotokol records of an item besides its text (SPEC
//! section 10): the votes, the members' protokoltilførsler and who was
//! inhabil; and the political groups (parties) a vote may name.

use std::ops::Range;

use crate::model::{Group, ItemNumber, Meeting, Person, Spanned, same_name};

/// A political group a vote or a person may name by its letter
/// (`A = "Socialdemokratiet"`), from rk.toml's `[groups]` or meeting.yaml's
/// `groups:`.
#[derive(Debug, Clone)]
pub struct PartyGroup {
    pub letter: Spanned<String>,
    pub name: String,
}

/// How a member voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    For,
    Against,
    Abstained,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::For, Choice::Against, Choice::Abstained];

    /// The key in an item's `votes` and in referat.json.
    pub fn key(self) -> &'static str {
        match self {
            Choice::For => "for",
            Choice::Against => "against",
            Choice::Abstained => "abstained",
        }
    }
}

/// One side of a vote: the group letters and names written under its key,
/// and the count written under `counts`.
#[derive(Debug, Clone)]
pub struct Side {
    pub choice: Choice,
    pub entries: Vec<Spanned<String>>,
    pub count: Option<Spanned<u32>>,
}

/// What a vote decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    Adopted,
    Rejected,
}

impl VoteOutcome {
    pub const ALL: [VoteOutcome; 2] = [VoteOutcome::Adopted, VoteOutcome::Rejected];

    /// The word written in an item and in referat.json.
    pub fn key(self) -> &'static str {
        match self {
            VoteOutcome::Adopted => "vedtaget",
            VoteOutcome::Rejected => "forkastet",
        }
    }
}

/// One vote on an item (an amendment, then the proposal).
#[derive(Debug, Clone)]
pub struct Vote {
    /// What was voted on.
    pub subject: Option<Spanned<String>>,
    /// For, against and abstained, in that order.
    pub sides: [Side; 3],
    pub outcome: Option<VoteOutcome>,
    /// Where the vote is written.
    pub span: Range<usize>,
}

/// A protokoltilførsel (kommunestyrelseslovens § 13, stk. 2): members or
/// a group, and what they asked to have recorded.
#[derive(Debug, Clone)]
pub struct Dissent {
    pub by: Vec<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub span: Range<usize>,
}

/// A member inhabil for the item (§ 14), with the reason when given.
#[derive(Debug, Clone)]
pub struct Inhabil {
    pub name: Spanned<String>,
    pub reason: Option<String>,
}

/// Whether and how a name took part in an item: what the checks of a
/// vote, a protokoltilførsel or an approval ask first.
#[derive(Debug, Clone, Copy)]
pub enum Standing<'m> {
    /// A present person who attended the item and was not inhabil.
    TookPart(&'m Person, Group),
    /// Present, attended the item, but inhabil for it.
    Inhabil(&'m Person),
    /// Present, but their `items` leave the item out.
    NotAttending(&'m Person),
    /// Listed under `absent`.
    Absent(&'m Person),
    /// Nobody of the meeting has the name.
    Unknown,
}

/// A letter of the groups `known`, when `entry` is one.
pub fn is_group(entry: &str, known: &[String]) -> bool {
    known.iter().any(|k| k == entry)
}

impl Meeting {
    /// Whether `name` took part in item `number`: present, attended it
    /// (see [`crate::model::Person::attended`]) and was not inhabil for it.
    /// The one question to ask of anyone who votes, presents, dissents or
    /// signs for an item.
    pub fn took_part(&self, name: &str, number: &ItemNumber) -> bool {
        self.people
            .present()
            .any(|p| same_name(&p.name.value, name) && p.attended(number))
            && !self.inhabil_for(name, number)
    }

    /// How `name` stood to item `number` (see [`Standing`]).
    pub fn standing(&self, name: &str, number: &ItemNumber) -> Standing<'_> {
        let present = Group::ALL
            .into_iter()
            .filter(|g| g.is_present())
            .flat_map(|g| self.people.group(g).iter().map(move |p| (p, g)))
            .find(|(p, _)| same_name(&p.name.value, name));
        if let Some((person, group)) = present {
            return if !person.attended(number) {
                Standing::NotAttending(person)
            } else if self.inhabil_for(name, number) {
                Standing::Inhabil(person)
            } else {
                Standing::TookPart(person, group)
            };
        }
        match self
            .people
            .absent
            .iter()
            .find(|p| same_name(&p.name.value, name))
        {
            Some(person) => Standing::Absent(person),
            None => Standing::Unknown,
        }
    }

    /// Whether `name` is written as inhabil for item `number`.
    pub fn inhabil_for(&self, name: &str, number: &ItemNumber) -> bool {
        self.items
            .iter()
            .filter(|item| item.number.as_ref() == Some(number))
            .any(|item| item.inhabil.iter().any(|i| same_name(&i.name.value, name)))
    }

    /// The party letter of the present person `name`, when given.
    pub fn party_of(&self, name: &str) -> Option<&str> {
        self.people
            .present()
            .chain(&self.people.absent)
            .find(|p| same_name(&p.name.value, name))
            .and_then(|p| p.party.as_ref())
            .map(|p| p.value.as_str())
    }
}
