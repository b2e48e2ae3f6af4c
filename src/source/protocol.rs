//! Reading what a beslutningsprotokol records of an item (`votes`,
//! `dissents`, `inhabil`) and the groups meeting.yaml defines (`groups`).
//! Whether the names are right is judged by the checks.

use crate::model::{Choice, Dissent, Inhabil, PartyGroup, Side, Spanned, Vote, VoteOutcome};
use crate::source::fields::{Field, Reader};
use crate::source::findings::{self, Mapping, ProtocolList};
use crate::source::yaml::{Node, Value};

pub const VOTE_FIELDS: &[&str] = &[
    "subject",
    "for",
    "against",
    "abstained",
    "counts",
    "outcome",
];
pub const COUNT_FIELDS: &[&str] = &["for", "against", "abstained"];
pub const DISSENT_FIELDS: &[&str] = &["by", "text"];
pub const INHABIL_FIELDS: &[&str] = &["name", "reason"];

/// The entries of a list field, or a finding when it is none.
fn entries<'n>(r: &mut Reader<'_>, node: &'n Node, list: ProtocolList) -> &'n [Node] {
    match &node.value {
        Value::Seq(entries) => entries,
        _ => {
            if !node.is_null() {
                let loc = r.loc(node.span.clone());
                r.report(findings::not_a_list_of(loc, list));
            }
            &[]
        }
    }
}

/// `votes:`, a list of votes.
pub fn read_votes(r: &mut Reader<'_>, node: &Node) -> Vec<Vote> {
    entries(r, node, ProtocolList::Votes)
        .iter()
        .filter_map(|entry| read_vote(r, entry))
        .collect()
}

fn read_vote(r: &mut Reader<'_>, node: &Node) -> Option<Vote> {
    let outer = std::mem::take(&mut r.misspelt);
    let fields = r.fields(node, VOTE_FIELDS, Mapping::Vote);
    let vote = fields.map(|fields| vote_of(r, node, &fields));
    r.misspelt = outer;
    vote
}

fn vote_of(r: &mut Reader<'_>, node: &Node, fields: &[Field<'_>]) -> Vote {
    let mut vote = Vote {
        subject: None,
        sides: Choice::ALL.map(|choice| Side {
            choice,
            entries: Vec::new(),
            count: None,
        }),
        outcome: None,
        span: node.span.clone(),
    };
    for &Field {
        name: key, value, ..
    } in fields
    {
        match key {
            "subject" => vote.subject = r.text(value, key),
            "outcome" => {
                let words = VoteOutcome::ALL.map(VoteOutcome::key);
                vote.outcome = super::one_of(r, value, key, &words)
                    .and_then(|w| VoteOutcome::ALL.into_iter().find(|o| o.key() == w));
            }
            "counts" => read_counts(r, value, &mut vote.sides),
            _ => {
                if let Some(side) = vote.sides.iter_mut().find(|s| s.choice.key() == key) {
                    side.entries = r.text_list(value, key);
                }
            }
        }
    }
    let at = node.span.start..node.span.start;
    r.require(fields, &findings::VOTE_SUBJECT, at.clone());
    r.require(fields, &findings::VOTE_OUTCOME, at);
    vote
}

/// `counts: { for: 8, against: 1, abstained: 0 }`.
fn read_counts(r: &mut Reader<'_>, node: &Node, sides: &mut [Side; 3]) {
    let Some(fields) = r.fields(node, COUNT_FIELDS, Mapping::VoteCounts) else {
        return;
    };
    for Field {
        name: key, value, ..
    } in fields
    {
        let Some(text) = r.text(value, key) else {
            continue;
        };
        let Ok(count) = text.value.parse::<u32>() else {
            let loc = r.loc(text.span);
            r.report(findings::not_a_count(loc, key, &text.value));
            continue;
        };
        if let Some(side) = sides.iter_mut().find(|s| s.choice.key() == key) {
            side.count = Some(Spanned::new(count, text.span));
        }
    }
}

/// `dissents:`, a list of protokoltilførsler.
pub fn read_dissents(r: &mut Reader<'_>, node: &Node) -> Vec<Dissent> {
    entries(r, node, ProtocolList::Dissents)
        .iter()
        .filter_map(|entry| {
            let outer = std::mem::take(&mut r.misspelt);
            let dissent = read_dissent(r, entry);
            r.misspelt = outer;
            dissent
        })
        .collect()
}

fn read_dissent(r: &mut Reader<'_>, node: &Node) -> Option<Dissent> {
    let fields = r.fields(node, DISSENT_FIELDS, Mapping::Dissent)?;
    let mut dissent = Dissent {
        by: Vec::new(),
        text: None,
        span: node.span.clone(),
    };
    for &Field {
        name: key, value, ..
    } in &fields
    {
        match key {
            "by" => dissent.by = r.text_list(value, key),
            "text" => dissent.text = r.text(value, key),
            _ => {}
        }
    }
    let at = node.span.start..node.span.start;
    r.require(&fields, &findings::DISSENT_BY, at.clone());
    r.require(&fields, &findings::DISSENT_TEXT, at);
    Some(dissent)
}

/// `inhabil:`, the members inhabil for the item: names, or `{ name,
/// reason }`.
pub fn read_inhabil(r: &mut Reader<'_>, node: &Node) -> Vec<Inhabil> {
    if let Value::Scalar { .. } = node.value {
        // `inhabil: Bo Hilsted`, one name.
        return r
            .text_list(node, "inhabil")
            .into_iter()
            .map(|name| Inhabil { name, reason: None })
            .collect();
    }
    let mut out = Vec::new();
    for entry in entries(r, node, ProtocolList::Inhabil) {
        if let Value::Scalar { .. } = entry.value {
            if let Some(name) = r.entry_text(entry, "inhabil") {
                out.push(Inhabil { name, reason: None });
            }
            continue;
        }
        let Some(fields) = r.fields(entry, INHABIL_FIELDS, Mapping::Inhabil) else {
            continue;
        };
        let (mut name, mut reason) = (None, None);
        for &Field {
            name: key, value, ..
        } in &fields
        {
            match key {
                "name" => name = r.text(value, key),
                "reason" => reason = r.text(value, key).map(|s| s.value),
                _ => {}
            }
        }
        match name {
            Some(name) => out.push(Inhabil { name, reason }),
            None => r.missing(entry.span.start..entry.span.start, &findings::PERSON_NAME),
        }
    }
    out
}

/// `groups:` of meeting.yaml: letter -> name.
pub fn read_groups(r: &mut Reader<'_>, node: &Node) -> Vec<PartyGroup> {
    let Value::Map(entries) = &node.value else {
        if !node.is_null() {
            let loc = r.loc(node.span.clone());
            r.report(findings::not_groups(loc));
        }
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|(key, value)| {
            let letter = Spanned::new(key.as_str()?.trim().to_string(), key.span.clone());
            let name = r.text(value, &letter.value)?;
            Some(PartyGroup {
                letter,
                name: name.value,
            })
        })
        .collect()
}
