//! `rk build`: the arguments as the options of a plan, then the meetings
//! built (see [`crate::publish::build`]; with `--all`,
//! [`crate::publish::archive`]).

use std::path::Path;

use anyhow::Result;

use crate::cli::{BuildArgs, OutputKind};
use crate::cmd::{Outcome, Reporter, selection};
use crate::project::Project;
use crate::publish::{Only, Plan, PlanOptions, archive, build, plan};
use crate::render::context::Make;

pub fn run(project: &Project, args: &BuildArgs, cwd: &Path) -> Result<Outcome> {
    // The plan first: a layout or an output folder that cannot be used is
    // a configuration problem, said before any finding.
    let reporter = Reporter::new(args.format);
    let plan = Plan::new(project, &options(args), cwd, &reporter)?;
    if args.meetings.all {
        archive::build(&plan)
    } else {
        build::run(&plan)
    }
}

/// The options of `rk build`.
fn options(args: &BuildArgs) -> PlanOptions {
    PlanOptions {
        layout: args.layout.clone(),
        make: Make {
            added_only: args.added,
            ..plan::make(args.agenda, args.internal)
        },
        out: args.out.clone(),
        only: only(&args.only),
        emit_typst: args.emit_typst,
        publish: match (args.publish, args.no_publish) {
            (true, _) => Some(true),
            (false, true) => Some(false),
            (false, false) => None,
        },
        format: args.format,
        deny_warnings: args.deny_warnings,
        force: args.force,
        ..PlanOptions::new(selection(&args.meetings))
    }
}

/// Which outputs `--only` asks for (all three when it is not given).
pub fn only(kinds: &[OutputKind]) -> Only {
    let wants = |kind| kinds.is_empty() || kinds.contains(&kind);
    Only {
        pdf: wants(OutputKind::Pdf),
        html: wants(OutputKind::Html),
        json: wants(OutputKind::Json),
    }
}
