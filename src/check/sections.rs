//! meeting.yaml's `sections`: each starts at a top-level item of the
//! agenda, in the order of the items.

use crate::check::findings;
use crate::diag::{Diagnostic, Loc};
use crate::model::{Meeting, Part, Section};

/// `in_order`: the items' numbers count without a numbering finding; a
/// `from` is judged against them only then.
pub fn check(meeting: &Meeting, in_order: bool, diags: &mut Vec<Diagnostic>) {
    let mut before: Option<(&str, Part)> = None;
    for section in &meeting.sections {
        let Some(written) = &section.from_text else {
            continue;
        };
        let title = title(section);
        let loc = Loc::new(meeting.file, written.span.clone());
        let Some(from) = &section.from else {
            diags.push(findings::section_start_malformed(
                loc,
                title,
                &written.value,
            ));
            continue;
        };
        let Some(top) = section.top() else {
            diags.push(findings::section_start_not_top_level(loc, title, from));
            continue;
        };
        let on_agenda = meeting
            .items
            .iter()
            .any(|i| i.number.as_ref() == Some(from));
        if in_order && !on_agenda {
            diags.push(findings::section_start_not_an_item(
                loc.clone(),
                title,
                from,
            ));
        }
        match before {
            Some((before_title, before_from)) if top <= before_from => {
                diags.push(findings::section_out_of_order(
                    loc,
                    title,
                    top,
                    before_title,
                    before_from,
                ));
            }
            _ => before = Some((title, top)),
        }
    }
}

fn title(section: &Section) -> &str {
    section.title.as_ref().map_or("", |t| t.value.as_str())
}
