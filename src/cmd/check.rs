//! `rk check`: report every finding in the named meetings.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{Outcome, Reporter, selection};
use crate::diag::{DiagnosticFormat, Tally};
use crate::files::Files;
use crate::project::Project;
use crate::publish::analysis::{Analysis, AnalysisContext, analyse_in, project_findings};
use crate::publish::{Plan, PlanOptions, archive, plan};
use crate::tr;

pub fn run(project: &Project, args: &CheckArgs, cwd: &Path) -> Result<Outcome> {
    let options = PlanOptions {
        layout: args.layout.clone(),
        make: plan::make(args.agenda, false),
        format: args.format,
        deny_warnings: args.deny_warnings,
        ..PlanOptions::new(selection(&args.meetings))
    };
    let reporter = Reporter::new(args.format);
    let plan = Plan::new(project, &options, cwd, &reporter)?;
    let coverage = plan.layout.coverage();
    let document = plan.make.document;
    let mut report = Report::default();
    report.add_project(&plan, project)?;
    // An approved meeting is compared with the version of its approval.
    let context = AnalysisContext::new(project, document)?.with_history();
    // With --all, each meeting on its own and in parallel, a batch at a
    // time; only its closing line is kept.
    if args.meetings.all {
        let dirs = archive::shard(plan.dirs.clone(), args.meetings.shard);
        archive::analyse_each(
            project,
            &dirs,
            &coverage,
            &context,
            &reporter,
            |_| (),
            |analysis, ()| report.add(&plan, &analysis),
        )?;
    } else {
        let overlay = Default::default();
        report.add(
            &plan,
            &analyse_in(project, &context, &plan.dirs, &coverage, &overlay)?,
        )?;
    }
    if args.format == DiagnosticFormat::Human {
        let mut err = io::stderr().lock();
        for line in &report.checked {
            writeln!(err, "{line}")?;
        }
    }
    Ok(if report.failed {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

/// What a check keeps of the meetings it has reported: a closing line per
/// meeting, shown after every finding, and whether any failed.
#[derive(Default)]
struct Report {
    checked: Vec<String>,
    failed: bool,
}

impl Report {
    /// Reports the findings about the project as a whole.
    fn add_project(&mut self, plan: &Plan, project: &Project) -> Result<()> {
        let mut files = Files::default();
        let diags = project_findings(project, &mut files);
        plan.reporter.emit(&files, &diags)?;
        self.failed |= plan.fails(&Tally::of(&diags));
        Ok(())
    }

    /// Reports the findings of `analysis` and keeps its closing lines.
    fn add(&mut self, plan: &Plan, analysis: &Analysis) -> Result<()> {
        plan.reporter.emit(&analysis.files, &analysis.diags)?;
        self.checked.extend(checked(analysis));
        self.checked.extend(analysis.notes.iter().cloned());
        self.failed |= plan.fails(&Tally::of(&analysis.diags));
        Ok(())
    }
}

/// A line per meeting: `checked 2020-11-25 (16 items): no findings`.
fn checked(analysis: &Analysis) -> Vec<String> {
    analysis
        .meetings
        .iter()
        .map(|meeting| {
            let own: Vec<_> = analysis
                .diags
                .iter()
                .filter(|d| {
                    analysis
                        .files
                        .get(d.loc.file)
                        .path()
                        .starts_with(&meeting.dir)
                })
                .cloned()
                .collect();
            tr!(
                "cmd-checked",
                meeting = meeting.id.as_str(),
                items = crate::cmd::plural_items(meeting.items.len() + meeting.unreadable_items),
                tally = Tally::of(&own).to_string()
            )
        })
        .collect()
}
