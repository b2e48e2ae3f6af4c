//! `rk index`: the archive of every meeting (index.html, sager.html,
//! index.json, feed.xml) written into the output folder, from the sources
//! alone, so that it needs none of the builds (a CI job of its own, beside
//! the shards that build the meetings).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result};

use crate::cli::IndexArgs;
use crate::cmd::Outcome;
use crate::diag::Tally;
use crate::layout::Layout;
use crate::model::Document;
use crate::paths;
use crate::project::Project;
use crate::publish::write::write_atomic;
use crate::publish::{Plan, PlanOptions, Selection, archive};
use crate::render::index::{self, Archive, IndexSettings, Summary};

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
    let plan = Plan::new(project, &options, cwd)?;
    let site = &project.config.site;
    if let Some(url) = &site.url {
        check_site_url(url)?;
    }
    let layout = plan.layout;
    let out = plan.out_root.clone();
    let mut summaries = Vec::new();
    let mut tally = Tally::default();
    // One batch of meetings at a time: each is reported, and only its
    // public summary is kept.
    archive::analyse_each(
        project,
        &plan.dirs,
        &layout.coverage(),
        Document::Minutes,
        |analysis| {
            plan.reporter.emit(&analysis.files, &analysis.diags)?;
            let own = Tally::of(&analysis.diags);
            tally.errors += own.errors;
            tally.warnings += own.warnings;
            // Once the archive cannot be made, nothing more is kept.
            if !tally.fails(false) {
                summaries.extend(
                    analysis
                        .meetings
                        .iter()
                        .filter_map(|meeting| Summary::of(meeting, &layout, args.agenda)),
                );
            }
            Ok(())
        },
    )?;
    if tally.fails(false) {
        eprintln!("not indexed: the sources have {tally}; nothing was written");
        return Ok(Outcome::Failed);
    }
    let title = match &site.title {
        Some(title) => title.clone(),
        None => index_label(&layout, "title")?,
    };
    let archive = Archive::new(
        summaries,
        IndexSettings {
            title: &title,
            url: site.url.as_deref(),
            case_url: project.config.case.url.as_deref(),
        },
    );
    let written = write(&archive, &layout, &out)?;
    eprintln!(
        "indexed {} and {}: {} in {} ({:.1} s)",
        count(archive.meetings.len(), "meeting"),
        count(archive.cases.len(), "case"),
        written.join(", "),
        paths::shown(&out),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}

/// Writes the pages, the data and (with a site address) the feed; an old
/// feed is removed when there is no address to make one with.
fn write(archive: &Archive, layout: &Layout, out: &Path) -> Result<Vec<&'static str>> {
    let (index_html, sager_html) = index::pages(archive, layout, archive.url.is_some())?;
    let mut outputs: Vec<(&'static str, String)> = vec![
        ("index.html", index_html),
        ("sager.html", sager_html),
        ("index.json", index::json(archive)?),
    ];
    let feed_path: PathBuf = out.join("feed.xml");
    match &archive.url {
        Some(base) => outputs.push(("feed.xml", index::feed(archive, base))),
        None => {
            if feed_path.is_file() {
                std::fs::remove_file(&feed_path)
                    .with_context(|| format!("cannot remove {}", paths::shown(&feed_path)))?;
                eprintln!(
                    "removed {}: rk.toml has no [site] url for its links",
                    paths::shown(&feed_path)
                );
            }
            eprintln!(
                "no feed.xml: an Atom feed needs the address the archive is published at, \
                 `url` under `[site]` in rk.toml"
            );
        }
    }
    for (name, text) in &outputs {
        write_atomic(&out.join(name), text.as_bytes())?;
    }
    Ok(outputs.into_iter().map(|(name, _)| name).collect())
}

/// The site's address must be a whole web address: the feed's ids and
/// links are made from it.
fn check_site_url(url: &str) -> Result<()> {
    let web = matches!(paths::scheme(url).as_deref(), Some("http" | "https"));
    let host = url
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.trim().is_empty());
    if web && host && !url.chars().any(char::is_whitespace) {
        return Ok(());
    }
    anyhow::bail!(
        "rk.toml: `url` under [site] is `{url}`, not a whole web address: write the address \
         out/ is published at, with https:// (`https://referater.example.dk/`)"
    )
}

/// A label of labels.toml's `[index]` table (the fallback layout's when
/// the layout has none, as for the pages).
fn index_label(layout: &Layout, key: &str) -> Result<String> {
    layout
        .label_table("index")?
        .get(key)
        .and_then(|value| value.as_str())
        .map(str::to_string)
        .with_context(|| format!("{}/labels.toml has no `{key}` under [index]", layout.name))
}

/// "1 meeting", "3 cases".
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
