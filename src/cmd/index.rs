//! `rk index`: the archive of every meeting written into the output folder
//! (the work is [`crate::publish::index`]); this translates the arguments
//! and says what was written.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use crate::cli::IndexArgs;
use crate::cmd::{Outcome, Reporter};
use crate::layout::Layout;
use crate::paths;
use crate::project::Project;
use crate::publish::index::{self, Indexed, Written};
use crate::publish::{Plan, PlanOptions, Selection};
use crate::render::search;

/// The script Pagefind writes beside the archive's pages: the search page
/// loads it.
const PAGEFIND: &str = "pagefind/pagefind.js";

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
            "no feeds: an Atom feed needs the address the archive is published at, \
             `url` under `[site]` in rk.toml"
        );
    }
    if written.files.contains(&search::PAGE) {
        say_search(&written.out, &plan.layout)?;
    }
    let site = &project.config.site;
    if site.url.is_some() && site.accessibility_statement.is_none() {
        eprintln!(
            "no accessibility statement: a public website needs a tilgængelighedserklæring \
             linked from every page (webtilgængelighedsloven § 4); write its address as \
             `accessibility_statement` under `[site]` in rk.toml"
        );
    }
    say_oparl(&written);
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

/// What the search page needs that rk does not make: the marks in a
/// layout folder's referat.html (warned of when missing) and Pagefind's
/// index, which is made after `rk index`.
fn say_search(out: &Path, layout: &Layout) -> Result<()> {
    if !search::marks_referat(layout)? {
        eprintln!(
            "warning: {}/referat.html does not mark what the search may index \
             (data-pagefind-body): Pagefind would take whole pages, the titles of closed items \
             too; copy the lines marked \"Search\" from the built-in layout's referat.html",
            layout.name
        );
    }
    if !out.join(PAGEFIND).is_file() {
        eprintln!(
            "{} needs its search index: run Pagefind after rk index, `npx pagefind --site {}`",
            search::PAGE,
            paths::shown(out)
        );
    }
    Ok(())
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
