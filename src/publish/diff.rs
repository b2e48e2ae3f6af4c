//! `rk diff`'s work: each meeting compared with its sources at a git
//! revision and its change page (the referat with every change marked)
//! written.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::diag::Tally;
use crate::files::Files;
use crate::model::{Document, Meeting};
use crate::paths;
use crate::project::Project;
use crate::publish::Plan;
use crate::publish::analysis::{Analysis, analyse};
use crate::publish::build::meeting_date;
use crate::publish::write::write_atomic;
use crate::render::change_page::{self, Shown};
use crate::render::changes::{self, Changes, Version};
use crate::render::context::{DocumentView, Edition};
use crate::source::{self, git::Revision};
use crate::tr;

/// What to compare: the plan's meetings, layout, edition and output
/// folder, and which meetings get a page.
pub struct Comparison<'a> {
    pub plan: Plan<'a>,
    /// Whether meetings were named: then each gets its page, changed or
    /// not; else only the meetings that changed do.
    pub named: bool,
}

impl Comparison<'_> {
    fn page_name(&self) -> &'static str {
        match self.plan.make.edition {
            Edition::Public => paths::CHANGES_PAGE,
            Edition::Internal => paths::INTERNAL_CHANGES_PAGE,
        }
    }
}

/// One meeting's changes and where its page went.
#[derive(Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub changes: Changes,
    /// The change page, as a path shown to the user; none when the
    /// meeting did not change and was not named.
    pub page: Option<String>,
}

/// What comparing did.
pub enum Compared {
    /// The sources have errors: no page was written.
    Refused(Tally),
    /// Each meeting's changes, in the order of the plan's meetings.
    Reports(Vec<Report>),
}

/// Checks the plan's meetings (their findings reported when they fail the
/// run) and compares each with its version at `revision`, writing its
/// change page.
pub fn compare_all(
    project: &Project,
    comparison: &Comparison<'_>,
    revision: &Revision,
) -> Result<Compared> {
    let plan = &comparison.plan;
    let Analysis {
        files,
        meetings,
        diags,
        ..
    } = analyse(
        project,
        &plan.dirs,
        &plan.layout.coverage(),
        Document::Minutes,
    )?;
    let tally = Tally::of(&diags);
    if tally.fails(false) {
        plan.reporter.emit(&files, &diags)?;
        return Ok(Compared::Refused(tally));
    }
    let scratch = tempfile::tempdir().with_context(|| tr!("error-cannot-make-temporary"))?;
    let mut reports = Vec::new();
    for meeting in &meetings {
        reports.push(compare(
            project,
            comparison,
            revision,
            meeting,
            &files,
            scratch.path(),
        )?);
    }
    Ok(Compared::Reports(reports))
}

/// The item files' names, by which the items of two versions are paired.
fn item_files(meeting: &Meeting, files: &Files) -> Vec<String> {
    meeting
        .items
        .iter()
        .map(|item| {
            files
                .get(item.file)
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// Compares one meeting with its version at the revision and writes its
/// change page.
fn compare(
    project: &Project,
    comparison: &Comparison<'_>,
    revision: &Revision,
    meeting: &Meeting,
    files: &Files,
    scratch: &Path,
) -> Result<Report> {
    let date = meeting_date(meeting)?;
    let mut old_files = Files::default();
    let old = load_at(project, revision, meeting, scratch, &mut old_files)?;
    let labels = &comparison.plan.layout.labels;
    // A date the earlier version did not give right is taken as today's.
    let old_date = |m: &Meeting| m.calendar_date().unwrap_or(date);
    // Both versions in the page's edition: the public page compares public
    // views, which hold nothing of a closed item's content.
    let new_view = DocumentView::new(meeting, date, labels, comparison.plan.make.edition);
    let old_view = old
        .as_ref()
        .map(|m| DocumentView::new(m, old_date(m), labels, comparison.plan.make.edition));
    let new_version = Version {
        referat: &new_view,
        files: item_files(meeting, files),
    };
    let old_version = old.as_ref().zip(old_view.as_ref()).map(|(m, r)| Version {
        referat: r,
        files: item_files(m, &old_files),
    });
    let changes = changes::compare(
        &meeting.id,
        &revision.name,
        old_version.as_ref(),
        &new_version,
    );
    if !comparison.named && changes.is_empty() {
        return Ok(Report {
            changes,
            page: None,
        });
    }
    let page = change_page::render(&change_page::Input {
        changes: &changes,
        old: old
            .as_ref()
            .zip(old_view.as_ref())
            .zip(old_version.as_ref())
            .map(|((m, referat), version)| Shown {
                referat,
                dir: &m.dir,
                version,
            }),
        new: Shown {
            referat: &new_view,
            dir: &meeting.dir,
            version: &new_version,
        },
        layout: &comparison.plan.layout,
        urls: comparison.plan.urls,
    })?;
    let path = comparison
        .plan
        .out_dir(&meeting.id)
        .join(comparison.page_name());
    write_atomic(&path, page.as_bytes())?;
    Ok(Report {
        changes,
        page: Some(paths::shown(&path)),
    })
}

/// The meeting as it was at `revision`, read from a copy in `scratch`;
/// `None` when it is new since then.
fn load_at(
    project: &Project,
    revision: &Revision,
    meeting: &Meeting,
    scratch: &Path,
    files: &mut Files,
) -> Result<Option<Meeting>> {
    let Some(dir) = revision.meeting_at(&meeting.dir, scratch)? else {
        return Ok(None);
    };
    let options = source::LoadOptions {
        document: Document::Minutes,
        referent: project.config.referent,
        signatories: project.config.approval,
    };
    // The earlier version's findings are its own history: not told.
    source::load_with(&dir, options, files, &mut Vec::new()).map(Some)
}
