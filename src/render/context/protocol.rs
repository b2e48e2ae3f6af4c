//! What the outputs show of an item's beslutningsprotokol: its votes, its
//! protokoltilførsler and who was inhabil, with each person's name as
//! minutes print it ("Bo Hilsted (A)"). Part of an item's content, so the
//! public edition withholds it for a closed item.

use serde::Serialize;

use crate::model::{Dissent, Inhabil, Item, Meeting, Side, Vote, same_name};

/// An item's votes, protokoltilførsler and inhabil members.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ProtocolView {
    pub votes: Vec<VoteView>,
    pub dissents: Vec<DissentView>,
    pub inhabil: Vec<InhabilView>,
}

/// One vote, as referat.json holds it and the layouts print it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct VoteView {
    /// What was voted on.
    pub subject: String,
    #[serde(rename = "for")]
    pub in_favour: SideView,
    pub against: SideView,
    pub abstained: SideView,
    /// `vedtaget` or `forkastet`.
    pub outcome: Option<&'static str>,
}

/// One side of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SideView {
    /// The group letters written (`A`, `V`).
    pub groups: Vec<String>,
    /// The members named.
    pub names: Vec<String>,
    /// The count, when written.
    pub count: Option<u32>,
    /// Letters and names in the order written, a name with its party's
    /// letter: `["A", "Bo Hilsted (A)"]`.
    pub shown: Vec<String>,
}

/// A protokoltilførsel.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DissentView {
    /// Its authors as written: names and group letters.
    pub by: Vec<String>,
    /// The same as the layouts print them, a name with its party's letter.
    pub shown: Vec<String>,
    pub text: String,
}

/// A member inhabil for the item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct InhabilView {
    pub name: String,
    /// The name with the party's letter: "Bo Hilsted (A)".
    pub shown: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The stedfortræder for the item, as shown, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute: Option<String>,
}

impl ProtocolView {
    pub const EMPTY: ProtocolView = ProtocolView {
        votes: Vec::new(),
        dissents: Vec::new(),
        inhabil: Vec::new(),
    };

    pub fn of(item: &Item, meeting: &Meeting) -> ProtocolView {
        ProtocolView {
            votes: item.votes.iter().map(|v| vote(v, meeting)).collect(),
            dissents: item.dissents.iter().map(|d| dissent(d, meeting)).collect(),
            inhabil: item
                .inhabil
                .iter()
                .map(|i| inhabil(i, item, meeting))
                .collect(),
        }
    }
}

/// Whether `entry` names a person of the meeting (else it is a group's
/// letter: the checks refused anything else).
fn is_person(entry: &str, meeting: &Meeting) -> bool {
    meeting
        .people
        .present()
        .chain(&meeting.people.absent)
        .any(|p| same_name(&p.name.value, entry))
}

/// A name as minutes print it: with the party's letter, when given.
pub fn with_party(name: &str, meeting: &Meeting) -> String {
    match meeting.party_of(name) {
        Some(party) => format!("{name} ({party})"),
        None => name.to_string(),
    }
}

fn shown(entry: &str, meeting: &Meeting) -> String {
    if is_person(entry, meeting) {
        with_party(entry, meeting)
    } else {
        entry.to_string()
    }
}

fn side(side: &Side, meeting: &Meeting) -> SideView {
    let (names, groups): (Vec<&str>, Vec<&str>) = side
        .entries
        .iter()
        .map(|e| e.value.as_str())
        .partition(|e| is_person(e, meeting));
    SideView {
        groups: groups.into_iter().map(String::from).collect(),
        names: names.into_iter().map(String::from).collect(),
        count: side.count.as_ref().map(|c| c.value),
        shown: side
            .entries
            .iter()
            .map(|e| shown(&e.value, meeting))
            .collect(),
    }
}

fn vote(vote: &Vote, meeting: &Meeting) -> VoteView {
    let [in_favour, against, abstained] = &vote.sides;
    VoteView {
        subject: vote
            .subject
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        in_favour: side(in_favour, meeting),
        against: side(against, meeting),
        abstained: side(abstained, meeting),
        outcome: vote.outcome.map(|o| o.key()),
    }
}

fn dissent(dissent: &Dissent, meeting: &Meeting) -> DissentView {
    DissentView {
        by: dissent.by.iter().map(|b| b.value.clone()).collect(),
        shown: dissent
            .by
            .iter()
            .map(|b| shown(&b.value, meeting))
            .collect(),
        text: dissent
            .text
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
    }
}

fn inhabil(inhabil: &Inhabil, item: &Item, meeting: &Meeting) -> InhabilView {
    let name = &inhabil.name.value;
    let substitute = item.number.as_ref().and_then(|number| {
        meeting.people.present().find(|p| {
            p.substitute_for
                .as_ref()
                .is_some_and(|s| same_name(&s.value, name))
                && !p.items.is_empty()
                && p.attended(number)
        })
    });
    InhabilView {
        name: name.clone(),
        shown: with_party(name, meeting),
        reason: inhabil.reason.clone(),
        substitute: substitute.map(|p| with_party(&p.name.value, meeting)),
    }
}
