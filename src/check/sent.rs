//! meeting.yaml's `agenda_sent` and `added_agenda_sent`: real dates, not
//! after the meeting, the tillægsdagsorden not before the agenda. From
//! those dates on, the agenda is built as it was sent
//! (`crate::source::git::sent_version`).

use std::ops::Range;

use crate::check::findings;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::model::{Meeting, Spanned};

pub fn check(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    let agenda = sent_date(meeting, &meeting.agenda_sent, "agenda_sent", diags);
    let added = sent_date(
        meeting,
        &meeting.added_agenda_sent,
        "added_agenda_sent",
        diags,
    );
    if let (Some((agenda, _)), Some((added, span))) = (agenda, added)
        && added < agenda
    {
        let loc = Loc::new(meeting.file, span);
        diags.push(findings::added_sent_before_agenda(loc, added, agenda));
    }
}

/// A sending date that is real, with its place; a finding where it is not
/// real or lies after the meeting. `key` names the date and, for the
/// findings, what was sent.
fn sent_date(
    meeting: &Meeting,
    written: &Option<Spanned<String>>,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Date, Range<usize>)> {
    let written = written.as_ref()?;
    let loc = Loc::new(meeting.file, written.span.clone());
    let Some(date) = Date::parse(written.value.trim()) else {
        let suggestion = Date::suggest(&written.value);
        diags.push(findings::sent_not_a_date(
            loc,
            key,
            &written.value,
            suggestion,
        ));
        return None;
    };
    // A meeting date that is not a real date has its own finding.
    if let Some(held) = meeting.calendar_date()
        && date > held
    {
        diags.push(findings::sent_after_meeting(loc, key, date, held));
    }
    Some((date, written.span.clone()))
}
