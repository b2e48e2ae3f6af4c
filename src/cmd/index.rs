//! `rk index`: the archive of every meeting written into the output folder
//! (the work is [`crate::publish::index`]); this translates the arguments
//! and says what was written.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use crate::cli::IndexArgs;
use crate::cmd::{Outcome, Reporter};
use crate::paths;
use crate::project::Project;
use crate::publish::index::{self, Indexed, Written};
use crate::publish::{Plan, PlanOptions, Selection};

pub fn run(project: &Project, args: &IndexArgs, cwd: &Path) -> Result<Outcome> {
    let started = Instant::now();
    let every = Selection {
        all: true,
        ..Selection::default()
    };
    let options = PlanOptions {
        layout: args.layout.clone(),
        out: args.out.clone(),
        format: args.format,
        ..PlanOptions::new(every)
    };
    let reporter = Reporter::new(args.format);
    let plan = Plan::new(project, &options, cwd, &reporter)?;
    let written = match index::index(project, &plan, args.agenda)? {
        Indexed::Refused(tally) => {
            eprintln!("not indexed: the sources have {tally}; nothing was written");
            return Ok(Outcome::Failed);
        }
        Indexed::Written(written) => written,
    };
    if let Some(feed) = &written.removed_feed {
        eprintln!(
            "removed {}: rk.toml has no [site] url for its links",
            paths::shown(feed)
        );
    }
    if !written.feed {
        eprintln!(
            "no feed.xml: an Atom feed needs the address the archive is published at, \
             `url` under `[site]` in rk.toml"
        );
    }
    say_oparl(&written);
    eprintln!(
        "indexed {} and {}: {} in {} ({:.1} s)",
        count(written.meetings, "meeting"),
        count(written.cases, "case"),
        written.files.join(", "),
        paths::shown(&written.out),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

/// What became of out/oparl/.
fn say_oparl(written: &Written) {
    if let Some(dir) = &written.removed_oparl {
        eprintln!(
            "removed {}: rk.toml has no [site] url for its objects' addresses",
            paths::shown(dir)
        );
    }
    let Some(oparl) = &written.oparl else {
        eprintln!(
            "no oparl/: OParl's objects are known by their addresses, which need the \
             address the archive is published at, `url` under `[site]` in rk.toml"
        );
        return;
    };
    let mut gone = Vec::new();
    if oparl.deleted > 0 {
        gone.push(format!("{} marked deleted", count(oparl.deleted, "object")));
    }
    if oparl.removed > 0 {
        gone.push(format!("{} removed", count(oparl.removed, "old file")));
    }
    let gone = match gone.is_empty() {
        true => String::new(),
        false => format!("; {}", gone.join(", ")),
    };
    eprintln!(
        "OParl 1.1: {} in {} ({} changed{gone})",
        count(oparl.files, "file"),
        paths::shown(&written.out.join("oparl")),
        oparl.changed
    );
}

/// "1 meeting", "3 cases".
fn count(n: usize, word: &str) -> String {
    crate::plural::english(n, word)
}
