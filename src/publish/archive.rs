//! `rk build --all` and `rk check --all`: every meeting of the project as
//! an archive. Each meeting is checked and built on its own, in parallel on
//! every core, with the layout, its fonts and the engine's library made
//! once; one meeting's findings never stop the others. The build is
//! incremental (see [`crate::publish::manifest`] and
//! [`crate::publish::fingerprint`]) and `--shard I/N` takes a
//! share of the meetings, for a CI job matrix.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, SystemTime};

use anyhow::Result;
use rayon::prelude::*;

use crate::diag::Tally;
use crate::layout::Coverage;
use crate::model::Document;
use crate::project::Project;
use crate::publish::analysis::{Analysis, AnalysisContext, Shard, analyse_in};
use crate::publish::build::{self, refuse_drafts, remove_unpublished};
use crate::publish::event::{Event, Sink};
use crate::publish::fingerprint::{Fingerprint, id_of};
use crate::publish::manifest::{self, Entry, Manifest};
use crate::publish::{Outcome, Plan};
use crate::render::typst::Typesetter;
use crate::tr;

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

/// How many meetings are loaded and checked at a time by
/// [`analyse_each`]: enough to keep every core busy, few enough that memory
/// does not grow with the archive.
const BATCH: usize = 64;

/// Loads and checks each meeting on its own, in parallel, and hands each
/// analysis to `each` in the order of `dirs`, with what `keep` made of it
/// (on the thread that checked it, so that the work of `keep` is shared
/// by every core too). The meetings are checked a batch at a time while
/// `each` works through the batch before: at most three batches are held
/// at a time, and what `each` keeps of them is all that stays.
pub fn analyse_each<T: Send>(
    project: &Project,
    dirs: &[PathBuf],
    coverage: &Coverage,
    context: &AnalysisContext,
    sink: &dyn Sink,
    keep: impl Fn(&Analysis) -> T + Sync,
    mut each: impl FnMut(Analysis, T) -> Result<()>,
) -> Result<()> {
    let progress = Progress::start(sink, dirs.len(), "checking");
    let check = |dir: &PathBuf| -> Result<(Analysis, T)> {
        let analysis = analyse_in(
            project,
            context,
            std::slice::from_ref(dir),
            coverage,
            &Default::default(),
        );
        progress.advance();
        let analysis = analysis?;
        let kept = keep(&analysis);
        Ok((analysis, kept))
    };
    std::thread::scope(|scope| {
        // One batch waits while `each` works through the one before it.
        let (batches, checked) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for batch in dirs.chunks(BATCH) {
                let done: Vec<Result<(Analysis, T)>> = batch.par_iter().map(check).collect();
                // `each` has stopped: nothing more is wanted.
                if batches.send(done).is_err() {
                    return;
                }
            }
        });
        for done in checked {
            for result in done {
                let (analysis, kept) = result?;
                each(analysis, kept)?;
            }
        }
        Ok(())
    })
}

/// What became of one meeting in a build.
enum Done {
    Built(Entry),
    Failed,
    /// A problem of I/O or configuration, with its message.
    Error(String),
}

/// A meeting to build, with the keys its build is recorded by.
struct Todo {
    dir: PathBuf,
    id: String,
    inputs: String,
    /// Its stamp, when it can be trusted.
    stamp: Option<String>,
}

/// `rk build --all`: the meetings of `plan` (its selection's share), each
/// checked and built on its own.
pub fn build(plan: &Plan) -> Result<Outcome> {
    let started = Instant::now();
    let now = SystemTime::now();
    plan.check_layout()?;
    let project = plan.project;
    remove_unpublished(plan, plan.root(), 2)?;
    let mut manifest = Manifest::read(plan.root());
    let removed = remove_gone(plan, &mut manifest)?;
    let chosen = shard(plan.dirs.clone(), plan.selection.shard);
    let fingerprint = Fingerprint::new(plan, now);
    let sorted = sort_out(plan, &fingerprint, &chosen, &mut manifest)?;
    let record = Record::new(manifest);
    let results = build_each(project, plan, &sorted.todo, &record)?;
    let mut manifest = record.into_manifest();
    let mut summary = Summary {
        skipped: sorted.skipped,
        removed,
        ..Summary::default()
    };
    for (todo, result) in sorted.todo.iter().zip(results) {
        match result {
            Done::Built(_) => summary.built += 1,
            Done::Failed => summary.failed += 1,
            Done::Error(message) => summary.errors.push(format!("{}: {message}", todo.id)),
        }
    }
    if !sorted.todo.is_empty() || summary.removed > 0 || sorted.restamped {
        manifest.write(plan.root())?;
    }
    summary.report(plan.reporter, started)
}

/// The progress of work on many meetings, told to a sink: begun when
/// made, finished when dropped.
struct Progress<'a> {
    sink: &'a dyn Sink,
}

impl<'a> Progress<'a> {
    fn start(sink: &'a dyn Sink, total: usize, verb: &'static str) -> Progress<'a> {
        // Progress that cannot be shown is no reason to stop.
        let _ = sink.event(Event::Started { total, verb });
        Progress { sink }
    }

    fn advance(&self) {
        let _ = self.sink.event(Event::Advanced);
    }
}

impl Drop for Progress<'_> {
    fn drop(&mut self) {
        let _ = self.sink.event(Event::Finished);
    }
}

/// The meetings of a run sorted out: those to build, and how many are
/// unchanged since their last build.
struct Sorted {
    todo: Vec<Todo>,
    skipped: usize,
    /// Whether a meeting found unchanged by its inputs got its stamp
    /// recorded (the manifest is written then).
    restamped: bool,
}

/// Sorts out `chosen`: a meeting whose stamp is the recorded one is
/// unchanged without reading its sources; the others are digested, and
/// built unless their inputs are the recorded ones (`--force`: all built).
fn sort_out(
    plan: &Plan,
    fingerprint: &Fingerprint,
    chosen: &[PathBuf],
    manifest: &mut Manifest,
) -> Result<Sorted> {
    let stamps = fingerprint.stamps(chosen)?;
    let mut sorted = Sorted {
        todo: Vec::new(),
        skipped: 0,
        restamped: false,
    };
    let mut pending = Vec::new();
    for (dir, stamp) in chosen.iter().zip(stamps) {
        let id = id_of(dir);
        let out_dir = plan.out_dir(&id);
        if !plan.force && manifest.is_stamped(&id, plan.stem(), &stamp.key, &out_dir) {
            skip(plan, &mut sorted, &id)?;
        } else {
            pending.push((dir.clone(), id, stamp));
        }
    }
    let dirs: Vec<PathBuf> = pending.iter().map(|(dir, _, _)| dir.clone()).collect();
    let inputs = fingerprint.inputs(&dirs)?;
    for ((dir, id, stamp), inputs) in pending.into_iter().zip(inputs) {
        let out_dir = plan.out_dir(&id);
        let stamp = stamp.trusted.then_some(stamp.key);
        if !plan.force && manifest.is_current(&id, plan.stem(), &inputs, &out_dir) {
            skip(plan, &mut sorted, &id)?;
            if let Some(stamp) = stamp {
                manifest.restamp(&id, plan.stem(), stamp);
                sorted.restamped = true;
            }
        } else {
            sorted.todo.push(Todo {
                dir,
                id,
                inputs,
                stamp,
            });
        }
    }
    Ok(sorted)
}

/// Counts meeting `id` as unchanged, and says so.
fn skip(plan: &Plan, sorted: &mut Sorted, id: &str) -> Result<()> {
    sorted.skipped += 1;
    plan.reporter.event(Event::Skipped(id))?;
    Ok(())
}

/// Builds each meeting of `todo` on its own, in parallel, with the engine's
/// caches trimmed after each.
fn build_each(project: &Project, plan: &Plan, todo: &[Todo], record: &Record) -> Result<Vec<Done>> {
    if todo.is_empty() {
        return Ok(Vec::new());
    }
    let context = AnalysisContext::new(project, plan.make.document)?;
    let coverage = plan.layout.coverage();
    let progress = Progress::start(plan.reporter, todo.len(), "building");
    let next = AtomicUsize::new(0);
    // One worker per thread, each taking the next meeting until none is
    // left. Not a parallel iterator: the engine lays out in parallel on the
    // same threads, and a thread waiting for its layout there would start
    // other meetings on top of its own, holding them all in memory at once.
    let done: Vec<Vec<(usize, Done)>> = rayon::broadcast(|_| {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(Todo {
                dir,
                id,
                inputs,
                stamp,
            }) = todo.get(index)
            else {
                return done;
            };
            let result = match build_one(project, &context, plan, &coverage, dir) {
                Ok(Outcome::Success) => Done::Built(Entry {
                    inputs: inputs.clone(),
                    stamp: stamp.clone(),
                    outputs: manifest::files_under(&plan.out_dir(id)),
                }),
                Ok(Outcome::Failed) => Done::Failed,
                Err(err) => Done::Error(format!("{err:#}")),
            };
            // What the engine cached for this meeting and no other.
            Typesetter::evict(CACHE_AGE);
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
            let _ = manifest.write(plan.root());
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
        ..
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
        plan.reporter.event(Event::MeetingFails {
            id: &meeting.id,
            tally,
        })?;
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
            let out_dir = plan.out_dir(id);
            for entry in &entries {
                manifest::remove_outputs(&out_dir, entry)?;
            }
            plan.reporter.event(Event::RemovedGone(&out_dir))?;
        }
    }
    Ok(gone.len())
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
    fn report(self, sink: &dyn Sink, started: Instant) -> Result<Outcome> {
        sink.event(Event::Archived {
            built: self.built,
            skipped: self.skipped,
            failed: self.failed + self.errors.len(),
            removed: self.removed,
            seconds: started.elapsed().as_secs_f64(),
        })?;
        match self.errors.as_slice() {
            [] if self.failed > 0 => Ok(Outcome::Failed),
            [] => Ok(Outcome::Success),
            [one] => anyhow::bail!("{one}"),
            several => {
                // A fault of the layout fails every meeting alike.
                let shown = several.len().min(SHOWN_ERRORS);
                let more = match several.len() - shown {
                    0 => String::new(),
                    n => format!("\n  {}", tr!("error-and-more", n = n)),
                };
                let errors = several[..shown].join("\n  ");
                anyhow::bail!(
                    "{}\n  {errors}{more}",
                    tr!("error-not-built-several", n = several.len())
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
