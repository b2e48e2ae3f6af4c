//! `rk check`: report every finding in the named meetings.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{Outcome, selection};
use crate::diag::{Format, Tally};
use crate::project::Project;
use crate::publish::analysis::{Analysis, analyse};
use crate::publish::{Options, Plan, archive, plan};

pub fn run(project: &Project, args: &CheckArgs, cwd: &Path) -> Result<Outcome> {
    let options = Options {
        layout: args.layout.clone(),
        make: plan::make(args.agenda, false),
        format: args.format,
        deny_warnings: args.deny_warnings,
        ..Options::new(selection(&args.meetings))
    };
    let plan = Plan::new(project, &options, cwd)?;
    let coverage = plan.layout.coverage();
    let document = plan.make.document;
    // With --all, each meeting on its own and in parallel.
    let analyses = if args.meetings.all {
        let dirs = archive::shard(plan.dirs.clone(), args.meetings.shard);
        archive::analyse_each(project, &dirs, &coverage, document)?
    } else {
        vec![analyse(project, &plan.dirs, &coverage, document)?]
    };
    for analysis in &analyses {
        plan.reporter.emit(&analysis.files, &analysis.diags)?;
    }
    if args.format == Format::Human {
        for analysis in &analyses {
            checked(analysis)?;
        }
    }
    let failed = analyses
        .iter()
        .any(|analysis| plan.fails(&Tally::of(&analysis.diags)));
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
