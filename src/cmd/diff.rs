//! `rk diff BASE [MEETING]...`: each meeting compared with its sources at
//! the git revision BASE, the change page written (the work is
//! [`crate::publish::diff`]) and the changes told on standard output.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::DiffArgs;
use crate::cmd::{Outcome, Reporter, selection};
use crate::diag::DiagnosticFormat;
use crate::paths::CHANGES_PAGE;
use crate::project::Project;
use crate::publish::diff::{Compared, Comparison, Report, compare_all};
use crate::publish::plan::{self, Plan, PlanOptions};
use crate::render::changes::{Change, ItemChange};
use crate::source::git::Revision;
use crate::tr;

pub fn run(project: &Project, args: &DiffArgs, cwd: &Path) -> Result<Outcome> {
    let options = PlanOptions {
        layout: args.layout.clone(),
        make: plan::make(false, args.internal),
        out: args.out.clone(),
        format: args.format,
        internal_what: || tr!("error-internal-change-page"),
        ..PlanOptions::new(selection(&args.meetings))
    };
    let reporter = Reporter::new(args.format);
    let comparison = Comparison {
        plan: Plan::new(project, &options, cwd, &reporter)?,
        named: !args.meetings.meetings.is_empty() || project.meeting_around(cwd).is_some(),
    };
    let revision = Revision::find(&project.root, &args.base).map_err(|err| {
        // `rk diff 2020-11-25`: the revision left out.
        if project.resolve(&args.base, cwd).is_ok() {
            anyhow::anyhow!(tr!(
                "error-diff-meeting-as-base",
                error = format!("{err:#}"),
                meeting = args.base.as_str()
            ))
        } else {
            err
        }
    })?;
    if let Some(note) = comparison.plan.layout.fallback_note(&[CHANGES_PAGE]) {
        eprintln!("{note}");
    }
    let reports = match compare_all(project, &comparison, &revision)? {
        Compared::Refused(tally) => {
            eprintln!("{}", tr!("cmd-diff-refused", tally = tally.to_string()));
            return Ok(Outcome::Failed);
        }
        Compared::Reports(reports) => reports,
    };
    tell(
        args.format,
        &revision.name,
        &reports,
        &mut io::stdout().lock(),
    )?;
    Ok(Outcome::Success)
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
        let base = base.replace('`', "");
        writeln!(out, "{}", tr!("cmd-diff-github-none", base = base))?;
    }
    Ok(())
}

/// What changed in an item, in a few words: "1 word changed", "new",
/// "sag changed, 3 words changed", "changed (closed item)".
fn item_summary(item: &ItemChange) -> String {
    match item.change {
        Change::New => tr!("cmd-diff-item-new"),
        Change::Removed => tr!("cmd-diff-item-removed"),
        Change::Changed => {
            let mut parts: Vec<String> = item
                .fields
                .iter()
                .map(|f| tr!("cmd-diff-field-changed", field = f.field))
                .collect();
            match (item.words_inserted, item.words_deleted) {
                (Some(ins), Some(del)) if ins.max(del) > 0 => {
                    parts.push(tr!("cmd-diff-words-changed", n = ins.max(del)));
                }
                (None, _) | (_, None) => parts.push(tr!("cmd-diff-closed-changed")),
                _ if parts.is_empty() => parts.push(tr!("cmd-diff-text-changed")),
                _ => {}
            }
            parts.join(", ")
        }
    }
}

/// Each change of a meeting as a short phrase, with what it is about.
fn phrases(report: &Report) -> Vec<(String, String)> {
    let changes = &report.changes;
    let fields = changes.fields.iter().map(|f| {
        let what = tr!("cmd-diff-field-changed", field = f.field);
        (tr!("cmd-diff-meeting"), what)
    });
    let people = changes.people.iter().map(|p| {
        let (name, group) = (p.name.as_str(), p.group);
        let what = match p.change {
            Change::New => tr!("cmd-diff-person-new", name = name, group = group),
            Change::Removed => tr!("cmd-diff-person-removed", name = name, group = group),
            Change::Changed => tr!("cmd-diff-person-changed", name = name, group = group),
        };
        (tr!("cmd-diff-participants"), what)
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
    let meeting = changes.meeting.as_str();
    let mut line = if changes.new_meeting {
        tr!("cmd-diff-new-meeting", meeting = meeting, base = base)
    } else if changes.is_empty() {
        tr!("cmd-diff-no-changes", meeting = meeting, base = base)
    } else {
        let parts: Vec<String> = phrases(report)
            .into_iter()
            .map(|(about, what)| format!("{about}: {what}"))
            .collect();
        let changes = parts.join("; ");
        tr!(
            "cmd-diff-changes",
            meeting = meeting,
            base = base,
            changes = changes
        )
    };
    if let Some(page) = &report.page {
        line.push('\n');
        line.push_str(&tr!("cmd-diff-wrote", page = page.as_str()));
    }
    line
}

/// Markdown for a pull request's step summary (`$GITHUB_STEP_SUMMARY`).
fn github(base: &str, report: &Report) -> String {
    let changes = &report.changes;
    let base = base.replace('`', "");
    let meeting = changes.meeting.as_str();
    let mut text = format!(
        "### {}\n\n",
        tr!("cmd-diff-github-title", meeting = meeting, base = base)
    );
    if changes.new_meeting {
        text.push_str(&tr!("cmd-diff-github-new-meeting"));
        text.push('\n');
    } else if changes.is_empty() {
        text.push_str(&tr!("cmd-diff-github-no-changes"));
        text.push('\n');
    } else {
        for (about, what) in phrases(report) {
            text.push_str(&format!("- **{}**: {what}\n", markdown_text(&about)));
        }
    }
    if let Some(page) = &report.page {
        let page = page.replace('`', "");
        text.push('\n');
        text.push_str(&tr!("cmd-diff-github-page", page = page));
        text.push('\n');
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
