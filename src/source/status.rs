//! meeting.yaml's `status` and `approved`: whether the referat is a draft
//! or approved, and when it was approved. Which of the two fields go
//! together is judged here; the approval date itself is checked with the
//! meeting's date (`check`).

use crate::model::{Approval, Meeting, Spanned};
use crate::source::fields::{Field, Reader};
use crate::source::findings;
use crate::source::yaml::Node;

/// `status: udkast | godkendt`; anything else is a `bad-value` finding
/// with the status most likely meant (also from English: `draft`).
pub fn read(r: &mut Reader<'_>, node: &Node) -> Option<Spanned<Approval>> {
    // `status:` with nothing after it says nothing, as no `status` does.
    if node.as_str().is_some_and(|t| t.trim().is_empty()) {
        return None;
    }
    let word = super::one_of(r, node, "status", &Approval::ALL.map(Approval::word))?;
    Some(Spanned::new(Approval::parse(word)?, node.span.clone()))
}

/// Which of `status` and `approved` go together: `status: godkendt` needs
/// `approved`; `approved` needs `status: godkendt` (a draft has no
/// approval date, and a referat without a status says nothing of one).
pub fn pair(r: &mut Reader<'_>, fields: &[Field<'_>], meeting: &Meeting) {
    let status_written = fields
        .iter()
        .any(|f| f.name == "status" && f.value.as_str().is_none_or(|t| !t.trim().is_empty()));
    let approved = fields.iter().find(|f| f.name == "approved");
    match (&meeting.status, &meeting.approved) {
        (Some(s), None) if s.value == Approval::Approved => {
            if r.misspelt.contains(&"approved") {
                return;
            }
            let loc = match approved {
                // `approved:` with no value.
                Some(field) => r.loc(field.key.clone()),
                None => r.loc(s.span.clone()),
            };
            r.report(findings::approved_missing(loc, approved.is_some()));
        }
        (Some(s), Some(_)) if s.value == Approval::Draft => {
            let key = approved.map_or(s.span.clone(), |f| f.key.clone());
            r.report(findings::approved_on_a_draft(r.loc(key)));
        }
        (None, Some(_)) if !status_written && !r.misspelt.contains(&"status") => {
            let key = approved.map_or(0..0, |f| f.key.clone());
            r.report(findings::approved_without_status(r.loc(key)));
        }
        _ => {}
    }
}

/// Whether the text of a meeting.yaml says `status: godkendt` (read from
/// an earlier version of it: nothing is reported).
pub fn says_approved(text: &str) -> bool {
    let Ok(Some(root)) = crate::source::yaml::parse(text, 0) else {
        return false;
    };
    let crate::source::yaml::Value::Map(fields) = &root.value else {
        return false;
    };
    fields.iter().any(|(k, v)| {
        k.as_str() == Some("status") && v.as_str().map(str::trim) == Some(Approval::Approved.word())
    })
}

/// The text of meeting.yaml's top-level `key` in `text` (an earlier
/// version of it), trimmed; `None` when it is not there or the file does
/// not parse. Nothing is reported.
pub fn written_value(text: &str, key: &str) -> Option<String> {
    let Ok(Some(root)) = crate::source::yaml::parse(text, 0) else {
        return None;
    };
    let crate::source::yaml::Value::Map(fields) = &root.value else {
        return None;
    };
    fields
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .and_then(|(_, v)| v.as_str())
        .map(|v| v.trim().to_string())
}
