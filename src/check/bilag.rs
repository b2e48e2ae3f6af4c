//! `inaccessible-pdf`: the PDF bilag a public item publishes must be
//! tagged and name their language, as the law on the accessibility of
//! public websites asks of every published document (what is read of a
//! PDF is in pdf.rs).

use crate::check::findings;
use crate::check::pdf::{self, Verdict};
use crate::diag::{Diagnostic, Loc};
use crate::model::Meeting;
use crate::paths;

/// Every public attachment of `meeting` that is a file and a PDF (by its
/// name or its first bytes) is checked. A closed item's attachments and a
/// closed attachment are not published, so not checked; a file that is
/// missing has its `missing-file` finding.
pub fn check(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    for item in &meeting.items {
        if item.is_closed_in(&meeting.items) {
            continue;
        }
        for attachment in item.attachments.iter().filter(|a| !a.closed) {
            let Some(file) = attachment.file() else {
                continue;
            };
            let Ok(path) = paths::resolve_inside(&meeting.dir, &file.value) else {
                continue;
            };
            let loc = Loc::new(item.file, file.span.clone());
            match pdf::verdict(&path) {
                Verdict::Fine => {}
                Verdict::Lacks(lacks) => {
                    diags.push(findings::inaccessible_pdf(loc, &file.value, lacks));
                }
                Verdict::Unreadable(why) => {
                    diags.push(findings::unreadable_pdf(loc, &file.value, &why));
                }
            }
        }
    }
}
