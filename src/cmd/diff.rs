//! `rk diff BASE [MEETING]...`: each meeting compared with its sources at
//! the git revision BASE, the change page written (the referat with every
//! change marked) and the changes told on standard output.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::cli::DiffArgs;
use crate::cmd::{Outcome, selection};
use crate::diag::{DiagnosticFormat, Tally};
use crate::files::Files;
use crate::layout::Layout;
use crate::model::{Document, Meeting};
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::{Analysis, analyse};
use crate::publish::build::meeting_date;
use crate::publish::plan::{self, Plan, PlanOptions, Reporter};
use crate::publish::write::write_atomic;
use crate::render::change_page::{self, Shown};
use crate::render::changes::{self, Change, Changes, ItemChange, Version};
use crate::render::context::{DocumentView, Edition};
use crate::render::html::Urls;
use crate::source::{self, git::Revision};

/// The arguments settled once: the plan's, and which meetings get a page.
struct Comparison<'a> {
    dirs: Vec<PathBuf>,
    layout: Layout,
    edition: Edition,
    out_root: PathBuf,
    /// Whether meetings were named: then each gets its page, changed or
    /// not; else only the meetings that changed do.
    named: bool,
    urls: Urls<'a>,
    format: DiagnosticFormat,
}

impl<'a> Comparison<'a> {
    fn new(project: &'a Project, args: &DiffArgs, cwd: &Path) -> Result<Comparison<'a>> {
        let options = PlanOptions {
            layout: args.layout.clone(),
            make: plan::make(false, args.internal),
            out: args.out.clone(),
            format: args.format,
            internal_what: "the internal change page",
            ..PlanOptions::new(selection(&args.meetings))
        };
        let plan = Plan::new(project, &options, cwd)?;
        Ok(Comparison {
            dirs: plan.dirs,
            layout: plan.layout,
            edition: plan.make.edition,
            out_root: plan.out_root,
            named: !args.meetings.meetings.is_empty() || project.meeting_around(cwd).is_some(),
            urls: plan.urls,
            format: args.format,
        })
    }

    fn page_name(&self) -> &'static str {
        match self.edition {
            Edition::Public => paths::CHANGES_PAGE,
            Edition::Internal => paths::INTERNAL_CHANGES_PAGE,
        }
    }
}

/// One meeting's changes and where its page went.
#[derive(Serialize)]
struct Report {
    #[serde(flatten)]
    changes: Changes,
    /// The change page, as a path shown to the user; none when the
    /// meeting did not change and was not named.
    page: Option<String>,
}

pub fn run(project: &Project, args: &DiffArgs, cwd: &Path) -> Result<Outcome> {
    let plan = Comparison::new(project, args, cwd)?;
    let revision = Revision::find(&project.root, &args.base).map_err(|err| {
        // `rk diff 2020-11-25`: the revision left out.
        if project.resolve(&args.base, cwd).is_ok() {
            anyhow::anyhow!(
                "{err:#}; `{0}` is a meeting, and the first argument is the revision to compare with: `rk diff main {0}`",
                args.base
            )
        } else {
            err
        }
    })?;
    let Analysis {
        files,
        meetings,
        diags,
    } = analyse(
        project,
        &plan.dirs,
        &plan.layout.coverage(),
        Document::Minutes,
    )?;
    let tally = Tally::of(&diags);
    if tally.fails(false) {
        Reporter::new(DiagnosticFormat::Human).emit(&files, &diags)?;
        eprintln!("no change page: the sources have {tally}; nothing was written");
        return Ok(Outcome::Failed);
    }
    let scratch = tempfile::tempdir().context("cannot make a temporary folder")?;
    let mut reports = Vec::new();
    for meeting in &meetings {
        reports.push(compare(
            project,
            &plan,
            &revision,
            meeting,
            &files,
            scratch.path(),
        )?);
    }
    tell(
        plan.format,
        &revision.name,
        &reports,
        &mut io::stdout().lock(),
    )?;
    Ok(Outcome::Success)
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
    plan: &Comparison<'_>,
    revision: &Revision,
    meeting: &Meeting,
    files: &Files,
    scratch: &Path,
) -> Result<Report> {
    let date = meeting_date(meeting)?;
    let mut old_files = Files::default();
    let old = load_at(project, revision, meeting, scratch, &mut old_files)?;
    let labels = &plan.layout.labels;
    // A date the earlier version did not give right is taken as today's.
    let old_date = |m: &Meeting| m.calendar_date().unwrap_or(date);
    // Both versions in the page's edition: the public page compares public
    // views, which hold nothing of a closed item's content.
    let new_view = DocumentView::new(meeting, date, labels, plan.edition);
    let old_view = old
        .as_ref()
        .map(|m| DocumentView::new(m, old_date(m), labels, plan.edition));
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
    if !plan.named && changes.is_empty() {
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
        layout: &plan.layout,
        urls: plan.urls,
    })?;
    let path = plan.out_root.join(&meeting.id).join(plan.page_name());
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
    };
    // The earlier version's findings are its own history: not told.
    source::load_with(&dir, options, files, &mut Vec::new()).map(Some)
}

/// The changes on standard output, in the format asked for.
fn tell(
    format: DiagnosticFormat,
    base: &str,
    reports: &[Report],
    out: &mut dyn Write,
) -> Result<()> {
    for report in reports {
        match format {
            DiagnosticFormat::Human => writeln!(out, "{}", human(base, report))?,
            DiagnosticFormat::Json => writeln!(out, "{}", serde_json::to_string(report)?)?,
            // A pull request's summary names the meetings it changed.
            DiagnosticFormat::Github if report.page.is_none() => {}
            DiagnosticFormat::Github => write!(out, "{}", github(base, report))?,
        }
    }
    if format == DiagnosticFormat::Github && reports.iter().all(|r| r.page.is_none()) {
        writeln!(out, "No meeting changed since `{}`.", base.replace('`', ""))?;
    }
    Ok(())
}

/// What changed in an item, in a few words: "1 word changed", "new",
/// "sag changed, 3 words changed", "changed (closed item)".
fn item_summary(item: &ItemChange) -> String {
    match item.change {
        Change::New => "new".into(),
        Change::Removed => "removed".into(),
        Change::Changed => {
            let mut parts: Vec<String> = item
                .fields
                .iter()
                .map(|f| format!("{} changed", f.field))
                .collect();
            match (item.words_inserted, item.words_deleted) {
                (Some(ins), Some(del)) if ins.max(del) > 0 => {
                    let n = ins.max(del);
                    parts.push(format!("{n} word{} changed", if n == 1 { "" } else { "s" }));
                }
                (None, _) | (_, None) => parts.push("changed (closed item)".into()),
                _ if parts.is_empty() => parts.push("text changed".into()),
                _ => {}
            }
            parts.join(", ")
        }
    }
}

/// Each change of a meeting as a short phrase, with what it is about.
fn phrases(report: &Report) -> Vec<(String, String)> {
    let changes = &report.changes;
    let fields = changes
        .fields
        .iter()
        .map(|f| ("meeting".to_string(), format!("{} changed", f.field)));
    let people = changes.people.iter().map(|p| {
        let what = match p.change {
            Change::New => "new in",
            Change::Removed => "removed from",
            Change::Changed => "changed in",
        };
        (
            "participants".to_string(),
            format!("{} {what} {}", p.name, p.group),
        )
    });
    let items = changes
        .items
        .iter()
        .map(|i| (format!("{} {}", i.number, i.title), item_summary(i)));
    fields.chain(people).chain(items).collect()
}

/// "2020-11-25 since main: 2.3 Kildetekst: 3 words changed; 2.5 Ny: new",
/// and the page written.
fn human(base: &str, report: &Report) -> String {
    let changes = &report.changes;
    let mut line = if changes.new_meeting {
        format!("{}: new since {base}", changes.meeting)
    } else if changes.is_empty() {
        format!("{}: no changes since {base}", changes.meeting)
    } else {
        let parts: Vec<String> = phrases(report)
            .into_iter()
            .map(|(about, what)| format!("{about}: {what}"))
            .collect();
        format!("{} since {base}: {}", changes.meeting, parts.join("; "))
    };
    if let Some(page) = &report.page {
        line.push_str(&format!("\n  wrote {page}"));
    }
    line
}

/// Markdown for a pull request's step summary (`$GITHUB_STEP_SUMMARY`).
fn github(base: &str, report: &Report) -> String {
    let changes = &report.changes;
    let mut text = format!(
        "### {}: changes since `{}`\n\n",
        changes.meeting,
        base.replace('`', "")
    );
    if changes.new_meeting {
        text.push_str("The meeting is new: all of it.\n");
    } else if changes.is_empty() {
        text.push_str("No changes.\n");
    } else {
        for (about, what) in phrases(report) {
            text.push_str(&format!("- **{}**: {what}\n", markdown_text(&about)));
        }
    }
    if let Some(page) = &report.page {
        text.push_str(&format!(
            "\nThe referat with the changes marked: `{}`\n",
            page.replace('`', "")
        ));
    }
    text.push('\n');
    text
}

/// Text that Markdown shows as written: its punctuation escaped.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]()<>#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
