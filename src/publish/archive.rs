//! `rk build --all` and `rk check --all`: every meeting of the project as
//! an archive. Each meeting is checked and built on its own, in parallel on
//! every core, with the layout, its fonts and the engine's library made
//! once; one meeting's findings never stop the others. The build is
//! incremental (see [`crate::publish::manifest`]) and `--shard I/N` takes a
//! share of the meetings, for a CI job matrix.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::config::Numbering;
use crate::console::Progress;
use crate::date::Date;
use crate::diag::Tally;
use crate::layout::Coverage;
use crate::model::Document;
use crate::paths;
use crate::project::Project;
use crate::publish::analysis::{Analysis, AnalysisContext, Shard, analyse_in};
use crate::publish::build::{self, refuse_drafts, remove_internal_files};
use crate::publish::manifest::{self, Digest, Entry, Manifest};
use crate::publish::{Outcome, Plan};
use crate::render::context::Edition;
use crate::say;

/// How the engine's caches are kept between meetings: what no meeting used
/// in the last this many meetings is dropped, so that memory stays bounded
/// while the layout's own parts stay cached.
const CACHE_AGE: usize = 4;

/// The meetings of `--shard I/N` among `dirs` (every meeting, sorted): the
/// Ith of every N, counted from the first.
pub fn shard(dirs: Vec<PathBuf>, shard: Option<Shard>) -> Vec<PathBuf> {
    match shard {
        None => dirs,
        Some(shard) => dirs
            .into_iter()
            .enumerate()
            .filter(|(position, _)| shard.takes(*position))
            .map(|(_, dir)| dir)
            .collect(),
    }
}

/// Loads and checks each meeting on its own, in parallel: one analysis per
/// meeting, in the order of `dirs`.
pub fn analyse_each(
    project: &Project,
    dirs: &[PathBuf],
    coverage: &Coverage,
    document: Document,
) -> Result<Vec<Analysis>> {
    let context = AnalysisContext::new(project, document)?;
    let progress = Progress::start(dirs.len(), "checking");
    let analyses = dirs
        .par_iter()
        .map(|dir| {
            let analysis = analyse_in(
                project,
                &context,
                std::slice::from_ref(dir),
                coverage,
                &Default::default(),
            );
            progress.advance();
            analysis
        })
        .collect();
    drop(progress);
    analyses
}

/// What became of one meeting in a build.
enum Done {
    Built(Entry),
    Failed,
    /// A problem of I/O or configuration, with its message.
    Error(String),
}

/// `rk build --all`: the meetings of `plan` (its selection's share), each
/// checked and built on its own.
pub fn build(plan: &Plan) -> Result<Outcome> {
    let started = Instant::now();
    plan.check_layout()?;
    let project = plan.project;
    if plan.make.edition == Edition::Public {
        remove_internal_files(&plan.out_root, 2)?;
    }
    let mut manifest = Manifest::read(&plan.out_root);
    let removed = remove_gone(plan, &mut manifest)?;
    let chosen = shard(plan.dirs.clone(), plan.selection.shard);
    let inputs = inputs(project, plan, &chosen)?;
    let mut todo = Vec::new();
    let mut skipped = 0;
    for (dir, digest) in chosen.iter().zip(inputs) {
        let id = id_of(dir);
        let out_dir = plan.out_root.join(&id);
        if !plan.force && manifest.is_current(&id, plan.stem(), &digest, &out_dir) {
            skipped += 1;
            if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                say!("skipped {id}: unchanged since its last build");
            }
        } else {
            todo.push((dir, id, digest));
        }
    }
    let record = Record::new(manifest);
    let results = build_each(project, plan, &todo, &record)?;
    let mut manifest = record.into_manifest();
    let mut summary = Summary {
        skipped,
        removed,
        ..Summary::default()
    };
    for ((_, id, _), result) in todo.iter().zip(results) {
        match result {
            Done::Built(_) => summary.built += 1,
            Done::Failed => summary.failed += 1,
            Done::Error(message) => summary.errors.push(format!("{id}: {message}")),
        }
    }
    if !todo.is_empty() || summary.removed > 0 {
        manifest.write(&plan.out_root)?;
    }
    summary.report(started)
}

/// Builds each meeting of `todo` on its own, in parallel, with the engine's
/// caches trimmed after each.
fn build_each(
    project: &Project,
    plan: &Plan,
    todo: &[(&PathBuf, String, String)],
    record: &Record,
) -> Result<Vec<Done>> {
    if todo.is_empty() {
        return Ok(Vec::new());
    }
    let context = AnalysisContext::new(project, plan.make.document)?;
    let coverage = plan.layout.coverage();
    let progress = Progress::start(todo.len(), "building");
    let next = AtomicUsize::new(0);
    // One worker per thread, each taking the next meeting until none is
    // left. Not a parallel iterator: the engine lays out in parallel on the
    // same threads, and a thread waiting for its layout there would start
    // other meetings on top of its own, holding them all in memory at once.
    let done: Vec<Vec<(usize, Done)>> = rayon::broadcast(|_| {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some((dir, id, digest)) = todo.get(index) else {
                return done;
            };
            let result = match build_one(project, &context, plan, &coverage, dir) {
                Ok(Outcome::Success) => Done::Built(Entry {
                    inputs: digest.clone(),
                    outputs: manifest::files_under(&plan.out_root.join(id)),
                }),
                Ok(Outcome::Failed) => Done::Failed,
                Err(err) => Done::Error(format!("{err:#}")),
            };
            // What the engine cached for this meeting and no other.
            typst::comemo::evict(CACHE_AGE);
            record.note(plan, id, &result);
            progress.advance();
            done.push((index, result));
        }
    });
    drop(progress);
    let mut done: Vec<(usize, Done)> = done.into_iter().flatten().collect();
    done.sort_by_key(|(index, _)| *index);
    Ok(done.into_iter().map(|(_, result)| result).collect())
}

/// The manifest while meetings are built: each result is noted as it
/// comes, and the manifest written every [`CHECKPOINT`] seconds, so that
/// a long run stopped half-way (a CI job's time limit) keeps what it built.
struct Record {
    manifest: Mutex<(Manifest, Instant)>,
}

/// How often a running build writes its manifest, in seconds.
const CHECKPOINT: u64 = 10;

impl Record {
    fn new(manifest: Manifest) -> Record {
        Record {
            manifest: Mutex::new((manifest, Instant::now())),
        }
    }

    /// Notes what became of meeting `id`: a built meeting is recorded, any
    /// other is not (its earlier record goes).
    fn note(&self, plan: &Plan, id: &str, done: &Done) {
        let Ok(mut guard) = self.manifest.lock() else {
            return;
        };
        let (manifest, written) = &mut *guard;
        match done {
            Done::Built(entry) => manifest.record(id, plan.stem(), entry.clone()),
            Done::Failed | Done::Error(_) => {
                manifest.forget(id, plan.stem());
            }
        }
        if written.elapsed().as_secs() >= CHECKPOINT {
            // A write that fails here fails again at the end, and is
            // reported there.
            let _ = manifest.write(&plan.out_root);
            *written = Instant::now();
        }
    }

    fn into_manifest(self) -> Manifest {
        match self.manifest.into_inner() {
            Ok((manifest, _)) => manifest,
            Err(poisoned) => poisoned.into_inner().0,
        }
    }
}

/// Checks one meeting and, when its findings allow, builds it.
fn build_one(
    project: &Project,
    context: &AnalysisContext,
    plan: &Plan,
    coverage: &Coverage,
    dir: &Path,
) -> Result<Outcome> {
    let Analysis {
        mut files,
        meetings,
        diags,
    } = analyse_in(
        project,
        context,
        &[dir.to_path_buf()],
        coverage,
        &Default::default(),
    )?;
    plan.reporter.emit(&files, &diags)?;
    let tally = Tally::of(&diags);
    let Some(meeting) = meetings.first() else {
        return Ok(Outcome::Failed);
    };
    if plan.fails(&tally) {
        let denied = tally.denied();
        say!(
            "not built: {} has {tally}{denied}; nothing was written",
            meeting.id
        );
        return Ok(Outcome::Failed);
    }
    // An agenda is sent before the referat is written: drafts are no matter.
    if let Some(why) = plan.publish
        && plan.make.document == Document::Minutes
    {
        refuse_drafts(&meetings, why)?;
    }
    build::build(plan, meeting, &mut files)
}

/// Removes the outputs the manifest records for meetings that are no
/// longer among the sources, and their entries; the number removed.
fn remove_gone(plan: &Plan, manifest: &mut Manifest) -> Result<usize> {
    let present: HashSet<String> = plan.dirs.iter().map(|dir| id_of(dir)).collect();
    let gone: Vec<String> = manifest
        .ids()
        .filter(|id| !present.contains(*id))
        .cloned()
        .collect();
    for id in &gone {
        let entries = manifest.remove(id);
        // An id is a folder name; anything else was not written by rk.
        let is_name = !id.is_empty() && !id.contains(['/', '\\']) && id != "." && id != "..";
        if is_name {
            let out_dir = plan.out_root.join(id);
            for entry in &entries {
                manifest::remove_outputs(&out_dir, entry)?;
            }
            say!(
                "removed {}: the meeting is no longer among the sources",
                paths::shown(&out_dir)
            );
        }
    }
    Ok(gone.len())
}

/// The digest of each of `chosen`'s inputs: its folder, the layout, rk
/// itself, rk.toml and the options that change what is written; with items
/// numbered through the year, also every earlier meeting of the same year
/// (the previous meeting's last item number is part of the checks).
fn inputs(project: &Project, plan: &Plan, chosen: &[PathBuf]) -> Result<Vec<String>> {
    let run = run_digest(project, plan);
    let by_year = project.config.numbering == Numbering::Year;
    // Every folder's digest is needed when a meeting depends on others.
    let folders: &[PathBuf] = if by_year { &plan.dirs } else { chosen };
    let digests: Vec<u128> = folders
        .par_iter()
        .map(|dir| manifest::folder_digest(dir))
        .collect::<Result<_>>()?;
    let ids: Vec<String> = folders.iter().map(|dir| id_of(dir)).collect();
    let digest_of = |own: usize| {
        let mut digest = Digest::default();
        digest.add_u128(run);
        for (other, folder) in digests.iter().enumerate() {
            let earlier = by_year && other != own && is_earlier_same_year(&ids[other], &ids[own]);
            if other == own || earlier {
                digest.add(ids[other].as_bytes()).add_u128(*folder);
            }
        }
        manifest::hex(digest.finish())
    };
    Ok(chosen
        .iter()
        .enumerate()
        .map(|(index, dir)| {
            // `folders` is sorted, as is `chosen`, a part of it.
            let own = if by_year {
                folders.binary_search(dir).unwrap_or(index)
            } else {
                index
            };
            digest_of(own)
        })
        .collect())
}

/// Whether the meeting in folder `other` is held before the one in `own`
/// in the same year (by the folders' names); for a folder not named by its
/// date, every other one.
fn is_earlier_same_year(other: &str, own: &str) -> bool {
    match (Date::of_meeting_name(other), Date::of_meeting_name(own)) {
        (Some(a), Some(b)) => a.year() == b.year() && other < own,
        _ => other != own,
    }
}

/// The digest of what every meeting of the run shares: rk (its version and
/// the digest of its code, made when it was built), rk.toml, the layout's
/// files, the options that change the outputs and SOURCE_DATE_EPOCH.
fn run_digest(project: &Project, plan: &Plan) -> u128 {
    let mut digest = Digest::default();
    digest.add(env!("CARGO_PKG_VERSION").as_bytes());
    digest.add(env!("RK_SOURCE_DIGEST").as_bytes());
    digest.add(&std::fs::read(project.root.join("rk.toml")).unwrap_or_default());
    digest.add(plan.layout.name.as_bytes());
    for (path, bytes) in plan.layout.files() {
        digest.add(path.as_bytes()).add(bytes);
    }
    let options = format!(
        "document={:?} edition={:?} pdf={} html={} json={} emit-typst={} deny-warnings={} \
         publish={} source-date-epoch={:?}",
        plan.make.document,
        plan.make.edition,
        plan.only.pdf,
        plan.only.html,
        plan.only.json,
        plan.emit_typst,
        plan.deny_warnings,
        plan.publish.is_some(),
        std::env::var("SOURCE_DATE_EPOCH").ok(),
    );
    digest.add(options.as_bytes());
    digest.finish()
}

/// A meeting's id: its folder's name.
fn id_of(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How many of the meetings that could not be built are named.
const SHOWN_ERRORS: usize = 10;

/// The counts of a build, for its closing line and exit status.
#[derive(Default)]
struct Summary {
    built: usize,
    skipped: usize,
    failed: usize,
    removed: usize,
    /// Problems of I/O or configuration, by meeting.
    errors: Vec<String>,
}

impl Summary {
    /// The closing line; the outcome, or an error (exit 2) when a meeting
    /// could not be built for a reason other than its findings.
    fn report(self, started: Instant) -> Result<Outcome> {
        let mut parts = vec![
            format!("{} built", self.built),
            format!("{} skipped (unchanged)", self.skipped),
            format!("{} failed", self.failed + self.errors.len()),
        ];
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        say!(
            "archive: {} ({:.2} s)",
            parts.join(", "),
            started.elapsed().as_secs_f64()
        );
        match self.errors.as_slice() {
            [] if self.failed > 0 => Ok(Outcome::Failed),
            [] => Ok(Outcome::Success),
            [one] => anyhow::bail!("{one}"),
            several => {
                // A fault of the layout fails every meeting alike.
                let shown = several.len().min(SHOWN_ERRORS);
                let more = match several.len() - shown {
                    0 => String::new(),
                    n => format!("\n  and {n} more"),
                };
                anyhow::bail!(
                    "{} meetings could not be built:\n  {}{more}",
                    several.len(),
                    several[..shown].join("\n  ")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_depends_on_the_earlier_meetings_of_its_year() {
        assert!(is_earlier_same_year("2021-01-10", "2021-03-04"));
        assert!(is_earlier_same_year("2021-03-04", "2021-03-04-ekstra"));
        assert!(!is_earlier_same_year("2021-03-04", "2021-01-10"));
        assert!(!is_earlier_same_year("2020-12-20", "2021-01-10"));
        // A folder not named by its date: every other one, to be safe.
        assert!(is_earlier_same_year("2022-05-01", "ekstra"));
    }

    #[test]
    fn shards_deal_the_meetings_out_in_turn() {
        let dirs: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(format!("m{i}"))).collect();
        let share = |text: &str| shard(dirs.clone(), Some(Shard::parse(text).unwrap()));
        assert_eq!(
            share("1/3"),
            [&dirs[0], &dirs[3], &dirs[6]].map(Clone::clone)
        );
        assert_eq!(share("3/3"), [&dirs[2], &dirs[5]].map(Clone::clone));
        assert_eq!(share("1/1"), dirs);
    }
}
