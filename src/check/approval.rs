//! meeting.yaml's `approved`: a real date, not before the meeting. Whether
//! `status` and `approved` go together is judged while reading them.

use crate::check::findings;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::model::Meeting;

pub fn check(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    let Some(approved) = &meeting.approved else {
        return;
    };
    let loc = Loc::new(meeting.file, approved.span.clone());
    let Some(date) = Date::parse(&approved.value) else {
        diags.push(findings::approved_not_a_date(
            loc,
            &approved.value,
            Date::suggest(&approved.value),
        ));
        return;
    };
    // A meeting date that is not a real date has its own finding.
    if let Some(held) = meeting.calendar_date()
        && date < held
    {
        diags.push(findings::approved_before_meeting(loc, date, held));
    }
}
