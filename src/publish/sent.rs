//! The agenda as it was sent. Once meeting.yaml says when the agenda went
//! out (`agenda_sent`; the tillægsdagsorden's `added_agenda_sent`), the
//! agenda is built from the meeting folder as the commit that set that date
//! holds it: the afbud, the stedfortrædere, the notes and the actual time
//! written after it, and any later edit of the items, stay out of it. An
//! item or a bilag closed since is closed in it too, so that closing keeps
//! something out of the published agenda.

use anyhow::Result;
use tempfile::TempDir;

use crate::check::CheckSettings;
use crate::diag::{Severity, Tally};
use crate::files::Files;
use crate::model::{Document, Meeting, Spanned};
use crate::paths;
use crate::publish::event::Event;
use crate::publish::plan::Plan;
use crate::source::{self, git};
use crate::tr;

/// Which version of a meeting an agenda is built from.
pub enum Version {
    /// The meeting as it is: its agenda is not sent yet (or is being sent
    /// now, and the sending is not committed).
    Now,
    /// The meeting as its agenda was sent.
    Sent(Box<AsSent>),
    /// The version sent has errors (reported): nothing is built.
    Fails,
}

/// A meeting as the commit that sent its agenda holds it, loaded from a
/// scratch folder that lives as long as this.
pub struct AsSent {
    pub meeting: Meeting,
    /// The sending commit's short id.
    pub commit: String,
    _folder: TempDir,
}

/// The key that freezes the document `plan` makes, and its name in words:
/// the agenda's `agenda_sent`, the tillægsdagsorden's `added_agenda_sent`.
fn key(plan: &Plan) -> (&'static str, &'static str) {
    if plan.make.added_only {
        ("added_agenda_sent", "tillægsdagsorden")
    } else {
        ("agenda_sent", "agenda")
    }
}

/// The version of `meeting` (as it is now, checked) that `plan`'s agenda
/// is built from. An error, before anything is written, when the agenda
/// was sent and the version sent cannot be had (no git repository, a
/// shallow clone that does not reach the sending commit).
pub fn version(plan: &Plan, meeting: &Meeting, files: &mut Files) -> Result<Version> {
    if plan.make.document != Document::Agenda {
        return Ok(Version::Now);
    }
    let (key, what) = key(plan);
    let written = if plan.make.added_only {
        &meeting.added_agenda_sent
    } else {
        &meeting.agenda_sent
    };
    let Some(Spanned { value: sent, .. }) = written else {
        return Ok(Version::Now);
    };
    let sent = sent.trim();
    let scratch = tempfile::tempdir()?;
    let found = git::sent_version(
        &meeting.dir,
        key,
        sent,
        source::written_value,
        scratch.path(),
    )?;
    let (commit, folder) = match found {
        git::Sent::NotCommitted => return Ok(Version::Now),
        git::Sent::Found { commit, folder } => (commit, folder),
        git::Sent::Unknown(why) => anyhow::bail!(tr!(
            "error-sent-not-found",
            what = if plan.make.added_only {
                tr!("error-sent-added-agenda")
            } else {
                tr!("error-sent-agenda")
            },
            meeting = meeting.id.as_str(),
            sent = sent,
            key = key,
            file = paths::shown(&meeting.dir.join("meeting.yaml")),
            why = why
        )),
    };
    let Some(mut then) = load_sent(plan, meeting, &folder, &commit, files)? else {
        return Ok(Version::Fails);
    };
    close_as_now(&mut then, meeting, files);
    plan.reporter.event(Event::AsSent {
        id: &meeting.id,
        what,
        sent,
        commit: &commit,
    })?;
    Ok(Version::Sent(Box::new(AsSent {
        meeting: then,
        commit,
        _folder: scratch,
    })))
}

/// The meeting in `folder` (the version sent) loaded and checked with the
/// agenda's rules, its files named as the work tree's with the commit;
/// `None` when it has errors (reported, as the build's are).
fn load_sent(
    plan: &Plan,
    now: &Meeting,
    folder: &std::path::Path,
    commit: &str,
    files: &mut Files,
) -> Result<Option<Meeting>> {
    let config = &plan.project.config;
    let options = source::LoadOptions {
        referent: config.referent,
        signatories: config.approval,
        document: Document::Agenda,
    };
    let first = files.len();
    let mut diags = Vec::new();
    let mut then = source::load_with(folder, options, files, &mut diags)?;
    let settings = CheckSettings {
        purpose: Document::Agenda,
        ..CheckSettings::from_config(config)?
    };
    let coverage = plan.layout.coverage();
    crate::check::check(&then, files, &settings, &coverage, None, &mut diags);
    let renamed: Vec<_> = files
        .iter()
        .skip(first)
        .filter_map(|(id, file)| {
            let inside = file.path().strip_prefix(folder).ok()?;
            let shown = paths::shown(&now.dir.join(inside));
            Some((id, format!("{shown} (as sent, commit {commit})")))
        })
        .collect();
    for (id, shown) in renamed {
        files.show_as(id, shown);
    }
    // Its warnings were there when it was sent; an error stops the build.
    diags.retain(|d| d.severity == Severity::Error);
    if !diags.is_empty() {
        crate::diag::sort(files, &mut diags);
        plan.reporter.emit(files, &diags)?;
        let (key, what) = key(plan);
        plan.reporter.event(Event::SentFails {
            id: &now.id,
            what,
            key,
            commit,
            tally: Tally::of(&diags),
        })?;
        return Ok(None);
    }
    then.id.clone_from(&now.id);
    Ok(Some(then))
}

/// Closes in the version sent what is closed now: an item closed since
/// (itself or by its section or group; matched by its file's name) and a
/// bilag closed since (by its file or address).
fn close_as_now(then: &mut Meeting, now: &Meeting, files: &Files) {
    let name = |item: &crate::model::Item| {
        files
            .get(item.file)
            .path()
            .file_name()
            .map(|n| n.to_os_string())
    };
    for item in &mut then.items {
        let Some(same) = now.items.iter().find(|i| name(i) == name(item)) else {
            continue;
        };
        if same.is_closed_in(&now.items) {
            item.closed = true;
        }
        for attachment in &mut item.attachments {
            let closed_now = same
                .attachments
                .iter()
                .any(|a| a.closed && a.written().value == attachment.written().value);
            if closed_now {
                attachment.closed = true;
            }
        }
    }
}
