//! meeting.yaml's `approvals` (who signed the protocol, when, with what
//! forbehold) and an item's `berigtigelser` (corrections added after the
//! approval). Whether the people took part and the dates are right is
//! judged by the checks.

use crate::model::{Approver, Correction};
use crate::source::fields::{Field, Reader};
use crate::source::findings::{self, Mapping};
use crate::source::yaml::{Node, Value};

pub const APPROVER_FIELDS: &[&str] = &["name", "date", "forbehold"];
pub const CORRECTION_FIELDS: &[&str] = &["date", "text"];

/// `approvals:`, a list of `{ name, date, forbehold }` (or of names).
pub fn read_approvals(r: &mut Reader<'_>, node: &Node) -> Vec<Approver> {
    let Value::Seq(entries) = &node.value else {
        if !node.is_null() {
            let loc = r.loc(node.span.clone());
            r.report(findings::not_a_list_of_approvals(loc));
        }
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| read_approver(r, entry))
        .collect()
}

fn read_approver(r: &mut Reader<'_>, node: &Node) -> Option<Approver> {
    if let Value::Scalar { .. } = node.value {
        let name = r.entry_text(node, "name")?;
        return Some(Approver {
            name,
            date: None,
            forbehold: None,
            span: node.span.clone(),
        });
    }
    if node.is_null() {
        r.missing(node.span.start..node.span.start, &findings::ENTRY_NAME);
        return None;
    }
    let outer = std::mem::take(&mut r.misspelt);
    let fields = r.fields(node, APPROVER_FIELDS, Mapping::Approval);
    let approver = fields.and_then(|fields| approver_fields(r, node, &fields));
    r.misspelt = outer;
    approver
}

fn approver_fields(r: &mut Reader<'_>, node: &Node, fields: &[Field<'_>]) -> Option<Approver> {
    let (mut name, mut date, mut forbehold) = (None, None, None);
    for Field {
        name: key, value, ..
    } in fields
    {
        match *key {
            "name" => name = r.text(value, key),
            "date" => date = r.text(value, key),
            "forbehold" => forbehold = r.text(value, key).map(|s| s.value),
            _ => {}
        }
    }
    let at = node.span.start..node.span.start;
    r.require(fields, &findings::PERSON_NAME, at);
    Some(Approver {
        name: name?,
        date,
        forbehold,
        span: node.span.clone(),
    })
}

/// `berigtigelser:`, a list of `{ date, text }`.
pub fn read_corrections(r: &mut Reader<'_>, node: &Node) -> Vec<Correction> {
    let Value::Seq(entries) = &node.value else {
        if !node.is_null() {
            let loc = r.loc(node.span.clone());
            r.report(findings::not_a_list_of_corrections(loc));
        }
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries {
        let outer = std::mem::take(&mut r.misspelt);
        if let Some(fields) = r.fields(entry, CORRECTION_FIELDS, Mapping::Correction) {
            out.push(correction(r, entry, &fields));
        }
        r.misspelt = outer;
    }
    out
}

fn correction(r: &mut Reader<'_>, node: &Node, fields: &[Field<'_>]) -> Correction {
    let mut correction = Correction {
        date: None,
        text: None,
        span: node.span.clone(),
    };
    for Field {
        name: key, value, ..
    } in fields
    {
        match *key {
            "date" => correction.date = r.text(value, key),
            "text" => correction.text = r.text(value, key),
            _ => {}
        }
    }
    let at = node.span.start..node.span.start;
    r.require(fields, &findings::CORRECTION_DATE, at.clone());
    r.require(fields, &findings::CORRECTION_TEXT, at);
    correction
}
