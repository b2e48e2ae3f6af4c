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
use crate::publish::index::{self, Indexed};
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
            "no feeds: an Atom feed needs the address the archive is published at, \
             `url` under `[site]` in rk.toml"
        );
    }
    let mut files = written.files.join(", ");
    if written.feeds > 0 {
        files.push_str(&format!(", {} under feeds/", count(written.feeds, "feed")));
    }
    eprintln!(
        "indexed {} and {}: {files} in {} ({:.1} s)",
        count(written.meetings, "meeting"),
        count(written.cases, "case"),
        paths::shown(&written.out),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

/// "1 meeting", "3 cases".
fn count(n: usize, word: &str) -> String {
    crate::plural::english(n, word)
}
