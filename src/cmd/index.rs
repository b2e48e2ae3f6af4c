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
    if let Some(note) = plan.layout.fallback_note(&["index.html", "sager.html"]) {
        eprintln!("{note}");
    }
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
    let site = &project.config.site;
    if site.url.is_some() && site.accessibility_statement.is_none() {
        eprintln!(
            "no accessibility statement: a public website needs a tilgængelighedserklæring \
             linked from every page (webtilgængelighedsloven § 4); write its address as \
             `accessibility_statement` under `[site]` in rk.toml"
        );
    }
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

/// "1 meeting", "3 cases".
fn count(n: usize, word: &str) -> String {
    crate::plural::english(n, word)
}
