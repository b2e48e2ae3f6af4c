//! `rk check`: report every finding in the named meetings.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{Analysis, Outcome, analyse, archive, layout, select};
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
    // With --all, each meeting on its own and in parallel.
    let analyses = if args.meetings.all {
        let dirs = archive::shard(dirs, args.meetings.shard);
        archive::analyse_each(project, &dirs, &coverage, document)?
    } else {
        vec![analyse(project, &dirs, &coverage, document)?]
    };
    let stderr = io::stderr();
    let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for analysis in &analyses {
        diag::emit(
            args.format,
            &analysis.files,
            &analysis.diags,
            color,
            &mut stderr.lock(),
            &mut io::stdout().lock(),
        )?;
    }
    if args.format == Format::Human {
        for analysis in &analyses {
            checked(analysis)?;
        }
    }
    let failed = analyses.iter().any(|analysis| {
        Tally::of(&analysis.diags).errors > 0
            || (args.deny_warnings
                && analysis
                    .diags
                    .iter()
                    .any(|d| d.severity == Severity::Warning))
    });
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

/// A line per meeting: `checked 2020-11-25 (16 items): no findings`.
fn checked(analysis: &Analysis) -> io::Result<()> {
    let mut err = io::stderr().lock();
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
    Ok(())
}
