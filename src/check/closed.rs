//! Closed items' decisions: a kommunalbestyrelse and a regionsråd publish
//! what they decided behind closed doors (SPEC section 10), as a text
//! written for the public edition (`public_decision`).

use crate::check::findings;
use crate::config::ClosedDecisions;
use crate::diag::{Diagnostic, Loc};
use crate::model::{Item, Meeting};

pub fn check(meeting: &Meeting, rule: ClosedDecisions, diags: &mut Vec<Diagnostic>) {
    for item in &meeting.items {
        let closed = item.is_closed_in(&meeting.items);
        match (&item.public_decision, closed) {
            (Some(text), false) => {
                let loc = Loc::new(item.file, text.span.clone());
                diags.push(findings::public_decision_of_open_item(loc));
            }
            (None, true) if rule == ClosedDecisions::Required && decided(item, meeting) => {
                let loc = Loc::new(item.file, item.front_matter_end.clone());
                diags.push(findings::no_public_decision(loc));
            }
            _ => {}
        }
    }
}

/// Whether a decision was taken on the item: not a group heading, not
/// postponed or withdrawn, and its number known.
fn decided(item: &Item, meeting: &Meeting) -> bool {
    item.number.is_some()
        && !item.is_group(&meeting.items)
        && item.status.is_none()
        && !item.already_reported.contains(&"status")
        && !item.already_reported.contains(&"public_decision")
}
