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
use crate::tr;

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
            eprintln!("{}", tr!("cmd-index-refused", tally = tally.to_string()));
            return Ok(Outcome::Failed);
        }
        Indexed::Written(written) => written,
    };
    if let Some(feed) = &written.removed_feed {
        eprintln!(
            "{}",
            tr!("cmd-index-feed-removed", path = paths::shown(feed))
        );
    }
    if !written.feed {
        eprintln!("{}", tr!("cmd-index-no-feeds"));
    }
    if written.files.contains(&search::PAGE) {
        say_search(&written.out, &plan.layout)?;
    }
    let site = &project.config.site;
    if site.url.is_some() && site.accessibility_statement.is_none() {
        eprintln!("{}", tr!("cmd-index-no-accessibility-statement"));
    }
    say_oparl(&written);
    let mut files = written.files.join(", ");
    if written.feeds > 0 {
        files.push_str(&tr!("cmd-index-feeds", n = written.feeds));
    }
    // Tenths of a second, for the catalogue to write with its decimal mark.
    let tenths = (started.elapsed().as_secs_f64() * 10.0).round() as u64;
    eprintln!(
        "{}",
        tr!(
            "cmd-index-done",
            meetings = written.meetings,
            cases = written.cases,
            files = files,
            out = paths::shown(&written.out),
            seconds = (tenths / 10).to_string(),
            tenths = (tenths % 10).to_string()
        )
    );
    Ok(Outcome::Success)
}

/// What the search page needs that rk does not make: the marks in a
/// layout folder's referat.html (warned of when missing) and Pagefind's
/// index, which is made after `rk index`.
fn say_search(out: &Path, layout: &Layout) -> Result<()> {
    if !search::marks_referat(layout)? {
        eprintln!(
            "{}",
            tr!(
                "cmd-index-search-unmarked",
                layout = layout.name.to_string()
            )
        );
    }
    if !out.join(PAGEFIND).is_file() {
        eprintln!(
            "{}",
            tr!(
                "cmd-index-search-needs-pagefind",
                page = search::PAGE,
                out = paths::shown(out)
            )
        );
    }
    Ok(())
}

/// What became of out/oparl/.
fn say_oparl(written: &Written) {
    if let Some(dir) = &written.removed_oparl {
        eprintln!(
            "{}",
            tr!("cmd-index-oparl-removed", path = paths::shown(dir))
        );
    }
    let Some(oparl) = &written.oparl else {
        eprintln!("{}", tr!("cmd-index-no-oparl"));
        return;
    };
    let mut gone = Vec::new();
    if oparl.deleted > 0 {
        gone.push(tr!("cmd-index-oparl-deleted", n = oparl.deleted));
    }
    if oparl.removed > 0 {
        gone.push(tr!("cmd-index-oparl-removed-old", n = oparl.removed));
    }
    let gone = match gone.is_empty() {
        true => String::new(),
        false => format!("; {}", gone.join(", ")),
    };
    eprintln!(
        "{}",
        tr!(
            "cmd-index-oparl",
            files = oparl.files,
            dir = paths::shown(&written.out.join("oparl")),
            changed = oparl.changed.to_string(),
            gone = gone
        )
    );
}
