//! `rk check`: report every finding in the named meetings.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{Outcome, analyse, layout, select};
use crate::diag::{self, Format, Severity, Tally};
use crate::model::Document;
use crate::project::Project;

pub fn run(project: &Project, args: &CheckArgs, cwd: &Path) -> Result<Outcome> {
    let dirs = select(project, &args.meetings, cwd)?;
    let coverage = layout(project, args.layout.as_deref(), cwd)?.coverage();
    let document = if args.agenda {
        Document::Agenda
    } else {
        Document::Referat
    };
    let analysis = analyse(project, &dirs, &coverage, document)?;
    let stderr = io::stderr();
    let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    diag::emit(
        args.format,
        &analysis.files,
        &analysis.diags,
        color,
        &mut stderr.lock(),
        &mut io::stdout().lock(),
    )?;
    let tally = Tally::of(&analysis.diags);
    if args.format == Format::Human {
        let mut err = stderr.lock();
        for meeting in &analysis.meetings {
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
            writeln!(
                err,
                "checked {} ({}): {}",
                meeting.id,
                crate::cmd::plural_items(meeting.items.len() + meeting.unreadable_items),
                Tally::of(&own)
            )?;
        }
    }
    let failed = tally.errors > 0
        || (args.deny_warnings
            && analysis
                .diags
                .iter()
                .any(|d| d.severity == Severity::Warning));
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}
