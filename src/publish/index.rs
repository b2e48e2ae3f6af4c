//! The archive of every meeting (index.html, sager.html, index.json,
//! feed.xml, oparl/) written into the output folder, from the sources alone, so
//! that it needs none of the builds (`rk index`).

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::diag::Tally;
use crate::layout::Layout;
use crate::model::Document;
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::AnalysisContext;
use crate::publish::write::write_atomic;
use crate::publish::{Plan, archive, oparl};
use crate::render::index::{self, Archive, IndexSettings, Summary};
use crate::render::oparl::{MeetingRecord, OparlSettings};
use crate::source::git;

/// What indexing did.
pub enum Indexed {
    /// The sources have findings that fail the run: nothing was written.
    Refused(Tally),
    Written(Written),
}

/// The archive written.
pub struct Written {
    pub meetings: usize,
    pub cases: usize,
    /// The names of the files written, in order.
    pub files: Vec<&'static str>,
    /// The folder they went to.
    pub out: PathBuf,
    /// Whether the feed was written (rk.toml gives the site's address).
    pub feed: bool,
    /// An old feed removed because there is no address to make one with.
    pub removed_feed: Option<PathBuf>,
    /// What was written of OParl (rk.toml gives the site's address).
    pub oparl: Option<oparl::OparlWritten>,
    /// An old out/oparl/ removed because there is no address for it.
    pub removed_oparl: Option<PathBuf>,
}

/// Checks every meeting of `plan`, a batch at a time (its findings
/// reported, only its public summary kept) and, when they
/// allow, writes the archive; `agenda`: the pages link each meeting's
/// agenda too.
pub fn index(project: &Project, plan: &Plan, agenda: bool) -> Result<Indexed> {
    let site = &project.config.site;
    if let Some(url) = &site.url {
        check_site_url(url)?;
    }
    let layout = &plan.layout;
    let with_oparl = site.url.is_some();
    let mut summaries = Vec::new();
    let mut records = Vec::new();
    let mut tally = Tally::default();
    // One batch of meetings at a time: each is reported, and only its
    // public summary is kept, made where the meeting was checked. A
    // meeting that fails its checks has none: the archive is not made.
    archive::analyse_each(
        project,
        &plan.dirs,
        &layout.coverage(),
        &AnalysisContext::new(project, Document::Minutes)?,
        plan.reporter,
        |analysis| -> (Vec<Summary>, Vec<MeetingRecord>) {
            if Tally::of(&analysis.diags).fails(false) {
                return (Vec::new(), Vec::new());
            }
            let meetings = &analysis.meetings;
            let summaries = meetings
                .iter()
                .filter_map(|meeting| Summary::of(meeting, layout, agenda));
            // What OParl keeps, only when there is an address to make it at.
            let records = meetings
                .iter()
                .filter(|_| with_oparl)
                .filter_map(|meeting| MeetingRecord::of(meeting, &layout.labels, agenda));
            (summaries.collect(), records.collect())
        },
        |analysis, (summary, record)| {
            plan.reporter.emit(&analysis.files, &analysis.diags)?;
            let own = Tally::of(&analysis.diags);
            tally.errors += own.errors;
            tally.warnings += own.warnings;
            // Once the archive cannot be made, nothing more is kept.
            if !tally.fails(false) {
                summaries.extend(summary);
                records.extend(record);
            }
            Ok(())
        },
    )?;
    if tally.fails(false) {
        return Ok(Indexed::Refused(tally));
    }
    let title = match &site.title {
        Some(title) => title.clone(),
        None => index_label(layout, "title")?,
    };
    let archive = Archive::new(
        summaries,
        IndexSettings {
            title: &title,
            url: site.url.as_deref(),
            case_url: project.config.case.url.as_deref(),
        },
    );
    let mut written = write(&archive, layout, plan.root().to_path_buf())?;
    write_oparl(project, &archive, &records, &mut written)?;
    Ok(Indexed::Written(written))
}

/// With a site address, the archive as OParl (out/oparl/), its objects'
/// times from one `git log` of the meetings; without, an old out/oparl/
/// is removed, as the feed is.
fn write_oparl(
    project: &Project,
    archive: &Archive,
    records: &[MeetingRecord],
    written: &mut Written,
) -> Result<()> {
    let Some(site) = &archive.url else {
        written.removed_oparl = oparl::remove(&written.out)?;
        return Ok(());
    };
    let committed = git::committed_folders(&project.meetings_dir());
    let settings = OparlSettings {
        site,
        title: &archive.title,
        case_url: project.config.case.url.as_deref(),
        committed: &committed,
    };
    written.oparl = Some(oparl::write(records, settings, &written.out)?);
    Ok(())
}

/// Writes the pages, the data and (with a site address) the feed; an old
/// feed is removed when there is no address to make one with.
fn write(archive: &Archive, layout: &Layout, out: PathBuf) -> Result<Written> {
    // The pages and the data are made at once, on two cores where there
    // are; nothing is written unless all of them could be made.
    let (pages, json) = rayon::join(
        || index::pages(archive, layout, archive.url.is_some()),
        || index::json(archive),
    );
    let (index_html, sager_html) = pages?;
    let mut outputs: Vec<(&'static str, String)> = vec![
        ("index.html", index_html),
        ("sager.html", sager_html),
        ("index.json", json?),
    ];
    let feed_path = out.join("feed.xml");
    let mut removed_feed = None;
    match &archive.url {
        Some(base) => outputs.push(("feed.xml", index::feed(archive, base))),
        None if feed_path.is_file() => {
            std::fs::remove_file(&feed_path)
                .with_context(|| format!("cannot remove {}", paths::shown(&feed_path)))?;
            removed_feed = Some(feed_path);
        }
        None => {}
    }
    outputs
        .par_iter()
        .try_for_each(|(name, text)| write_atomic(&out.join(name), text.as_bytes()))?;
    Ok(Written {
        meetings: archive.meetings.len(),
        cases: archive.cases.len(),
        files: outputs.into_iter().map(|(name, _)| name).collect(),
        out,
        feed: archive.url.is_some(),
        removed_feed,
        oparl: None,
        removed_oparl: None,
    })
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
