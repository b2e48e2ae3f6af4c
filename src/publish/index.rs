//! The archive of every meeting (index.html, sager.html, index.json,
//! feed.xml and the feeds of bodies and cases under feeds/, oparl/, and
//! the search page soeg.html when rk.toml asks for it) written into the
//! output folder, from the sources alone, so that it needs none of the
//! builds (`rk index`); of the output folder it only looks which
//! documents are there, to link them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::diag::Tally;
use crate::layout::Layout;
use crate::model::Document;
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::AnalysisContext;
use crate::publish::write::{write_atomic, write_if_changed};
use crate::publish::{Plan, archive, oparl};
use crate::render::index::{self, Archive, IndexSettings, Linked, PageSettings, Summary};
use crate::render::oparl::{MeetingRecord, OparlSettings};
use crate::render::search;
use crate::source::git;
use crate::tr;

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
    /// The names of the files written at the top of the folder, in order.
    pub files: Vec<&'static str>,
    /// How many feeds of bodies and cases were written, under feeds/.
    pub feeds: usize,
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
/// agenda too, built or not (see [`linked`]).
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
            let summaries = meetings.iter().filter_map(|meeting| {
                Summary::of(meeting, layout, linked(plan, &meeting.id, agenda))
            });
            // What OParl keeps, only when there is an address to make it at.
            let records = meetings
                .iter()
                .filter(|_| with_oparl)
                .filter_map(|meeting| {
                    let linked = linked(plan, &meeting.id, agenda);
                    MeetingRecord::of(meeting, &layout.labels, linked.agenda)
                });
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
            search: site.search,
        },
    );
    let mut written = write(&archive, plan)?;
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

/// Writes the pages, the data and (with a site address) the feeds; the
/// feeds an earlier run left that are not written now (every one, when
/// there is no address to make them with) are removed.
fn write(archive: &Archive, plan: &Plan) -> Result<Written> {
    let out = plan.root().to_path_buf();
    let settings = PageSettings {
        feed: archive.url.is_some(),
        accessibility_statement: plan.urls.accessibility_statement,
    };
    // The pages and the data are made at once, on two cores where there
    // are; nothing is written unless all of them could be made.
    let (pages, json) = rayon::join(
        || index::pages(archive, &plan.layout, settings),
        || index::json(archive),
    );
    let (index_html, sager_html) = pages?;
    let mut outputs: Vec<(&'static str, String)> = vec![
        ("index.html", index_html),
        ("sager.html", sager_html),
        ("index.json", json?),
    ];
    if archive.search {
        let page = search::page(archive, &plan.layout, settings)?;
        outputs.push((search::PAGE, page));
    }
    let mut files: Vec<&'static str> = outputs.iter().map(|(name, _)| *name).collect();
    let feeds = match &archive.url {
        Some(base) => index::feeds(archive, base),
        None => Vec::new(),
    };
    if !feeds.is_empty() {
        files.push(index::FEED_PATH);
    }
    let written_feeds: HashSet<String> = feeds.iter().map(|feed| feed.path.clone()).collect();
    let own_feeds = feeds.len().saturating_sub(1);
    outputs
        .par_iter()
        .try_for_each(|(name, text)| write_atomic(&out.join(name), text.as_bytes()))?;
    // The feeds: one per case is thousands of small files, most of them
    // as the last run left them.
    feeds.par_iter().try_for_each(|feed| {
        write_if_changed(&out.join(&feed.path), feed.xml.as_bytes()).map(drop)
    })?;
    let removed_feed = remove_old_feeds(&out, &written_feeds)?;
    Ok(Written {
        meetings: archive.meetings.len(),
        cases: archive.cases.len(),
        files,
        feeds: own_feeds,
        out,
        feed: archive.url.is_some(),
        removed_feed,
        oparl: None,
        removed_oparl: None,
    })
}

/// The documents of meeting `id` the archive links besides its referat
/// (which it always links: the index is made from the sources, often
/// before the builds): each public document whose HTML or PDF is in the
/// meeting's output folder, and the dagsorden also when `agenda` (CI that
/// builds it in another job). The internal editions are in a tree of
/// their own and never linked.
fn linked(plan: &Plan, id: &str, agenda: bool) -> Linked {
    let dir = plan.out_dir(id);
    let built = |stem: &str| {
        paths::OUTPUT_EXTENSIONS
            .iter()
            .filter(|ext| **ext != "json")
            .any(|ext| dir.join(format!("{stem}.{ext}")).is_file())
    };
    Linked {
        agenda: agenda || built(paths::AGENDA_STEM),
        added_agenda: built(paths::ADDED_STEM),
    }
}

/// Removes the feeds under `out` that are not among `written` (paths
/// under `out`): feed.xml and the .xml files of feeds/ and feeds/sager/,
/// which only `rk index` writes. Returns feed.xml's path when it went.
fn remove_old_feeds(out: &Path, written: &HashSet<String>) -> Result<Option<PathBuf>> {
    let mut old: Vec<(String, PathBuf)> = Vec::new();
    for folder in FEED_FOLDERS {
        let Ok(entries) = std::fs::read_dir(out.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".xml") && entry.path().is_file() {
                old.push((format!("{folder}/{name}"), entry.path()));
            }
        }
    }
    let archive_feed = out.join(index::FEED_PATH);
    if archive_feed.is_file() {
        old.push((index::FEED_PATH.to_string(), archive_feed.clone()));
    }
    let mut removed_feed = None;
    for (name, path) in old.into_iter().filter(|(name, _)| !written.contains(name)) {
        std::fs::remove_file(&path)
            .with_context(|| tr!("error-cannot-remove", path = paths::shown(&path)))?;
        if name == index::FEED_PATH {
            removed_feed = Some(path);
        }
    }
    // Empty folders of feeds go too (a folder with other files stays).
    for folder in FEED_FOLDERS.iter().rev() {
        let _ = std::fs::remove_dir(out.join(folder));
    }
    Ok(removed_feed)
}

/// The folders of the bodies' and the cases' feeds, under out/.
const FEED_FOLDERS: [&str; 2] = ["feeds", "feeds/sager"];

/// The site's address must be a whole web address: the feed's ids and
/// links are made from it.
fn check_site_url(url: &str) -> Result<()> {
    if paths::is_web_address(url) {
        return Ok(());
    }
    anyhow::bail!(tr!("error-site-url-not-an-address", url = url))
}

/// A label of labels.toml's `[index]` table (the fallback layout's when
/// the layout has none, as for the pages).
fn index_label(layout: &Layout, key: &str) -> Result<String> {
    layout
        .label_table("index")?
        .get(key)
        .and_then(|value| value.as_str())
        .map(str::to_string)
        .with_context(|| {
            tr!(
                "error-labels-lack-index-word",
                layout = layout.name.as_str(),
                key = key
            )
        })
}
