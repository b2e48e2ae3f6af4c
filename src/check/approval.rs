//! meeting.yaml's `approved`: a real date, not before the meeting. Whether
//! `status` and `approved` go together is judged while reading them.
//! `approvals`: each approver took part in the meeting (or is the chair or
//! the referent, as rk.toml's `approval` says), once, on a real date not
//! before the meeting; with rk.toml's `approvers = "required"` an approved
//! referat names its approvers. An item's `berigtigelser` are dated.

use crate::check::findings::{self, Dated};
use crate::config::Approvers;
use crate::date::Date;
use crate::diag::{Diagnostic, Loc};
use crate::model::{Approval, Approver, Meeting, Spanned, same_name};
use crate::suggest;

pub fn check(meeting: &Meeting, approvers: Approvers, diags: &mut Vec<Diagnostic>) {
    approved_date(meeting, diags);
    approvals(meeting, diags);
    let approved = meeting
        .status
        .as_ref()
        .is_some_and(|s| s.value == Approval::Approved);
    if approved && approvers == Approvers::Required && meeting.approvals.is_empty() {
        let at = meeting
            .approvals_key
            .clone()
            .unwrap_or_else(|| meeting.status.as_ref().map_or(0..0, |s| s.span.clone()));
        diags.push(findings::no_approvers(Loc::new(meeting.file, at)));
    }
    for item in &meeting.items {
        for correction in &item.corrections {
            if let Some(date) = &correction.date {
                let loc = Loc::new(item.file, date.span.clone());
                date_of(meeting, date, Dated::Berigtigelse, loc, diags);
            }
        }
    }
}

fn approved_date(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
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

/// A date of an approval or a berigtigelse (`what`): real, not before the
/// meeting.
fn date_of(
    meeting: &Meeting,
    written: &Spanned<String>,
    what: Dated,
    loc: Loc,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(date) = Date::parse(&written.value) else {
        let suggestion = Date::suggest(&written.value);
        diags.push(findings::dated_not_a_date(
            loc,
            what,
            &written.value,
            suggestion,
        ));
        return;
    };
    if let Some(held) = meeting.calendar_date()
        && date < held
    {
        diags.push(findings::dated_before_meeting(loc, what, date, held));
    }
}

/// Each approver signs once, took part, on a real date.
fn approvals(meeting: &Meeting, diags: &mut Vec<Diagnostic>) {
    // Who took part is not known while meeting.yaml's people are unread.
    let known = meeting.people_known;
    let signers: Vec<&str> = meeting
        .signers()
        .into_iter()
        .map(|s| crate::model::without_party(&s.value))
        .collect();
    for (i, approver) in meeting.approvals.iter().enumerate() {
        let loc = Loc::new(meeting.file, approver.name.span.clone());
        let earlier = &meeting.approvals[..i];
        if earlier
            .iter()
            .any(|a| same_name(&a.name.value, &approver.name.value))
        {
            diags.push(findings::approver_twice(loc, &approver.name.value));
        } else if known && !signers.iter().any(|s| same_name(s, &approver.name.value)) {
            diags.push(not_a_signer(meeting, approver, &signers, loc));
        }
        if let Some(date) = &approver.date {
            let loc = Loc::new(meeting.file, date.span.clone());
            date_of(meeting, date, Dated::Approval, loc, diags);
        }
    }
}

/// `bad-approver`: `approver` is none of `signers`; the help names the
/// signer meant (a part of a name, or did-you-mean).
fn not_a_signer(meeting: &Meeting, approver: &Approver, signers: &[&str], loc: Loc) -> Diagnostic {
    let written = approver.name.value.as_str();
    let in_part = suggest::names_in_part(written, signers.iter().copied());
    let meant = match in_part.as_slice() {
        [full] => Some(*full),
        _ => suggest::closest(written, signers.iter().copied()),
    };
    let absent = meeting
        .people
        .absent
        .iter()
        .any(|p| same_name(&p.name.value, written));
    findings::approver_not_a_signer(loc, written, absent, meeting.signatories, meant)
}
