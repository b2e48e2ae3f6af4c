//! `rk watch MEETING`: builds the meeting, then again on every change to
//! its folder, in one process, from one plan: its typesetter keeps the
//! engine's fonts, its cache and the meeting's world between builds, reset
//! before each (see `render::typst::Typesetter`). Each build says how long
//! it took ("built" until one has written outputs, "rebuilt" after) and whether the
//! engine was kept; one with findings reports them and the last good
//! outputs stay. `--serve` serves them on 127.0.0.1 (`serve.rs`), with the
//! findings of a failed save over the page until a save builds again.

mod serve;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::cli::WatchArgs;
use crate::cmd::{Outcome, Reporter};
use crate::diag::{self, DiagnosticFormat};
use crate::paths;
use crate::project::Project;
use crate::publish::{Event, Plan, PlanOptions, Selection, Sink, build, fingerprint};
use crate::render::typst::Typesetter;
use crate::tr;

use serve::Live;

/// How long to wait after a change for the rest of one save (editors
/// write a file in several steps).
const SETTLE: Duration = Duration::from_millis(20);

/// How many compilations the engine's cache keeps what they used for, as
/// typst-cli's watch does.
const CACHE_AGE: usize = 10;

pub fn run(project: &Project, args: &WatchArgs, cwd: &Path) -> Result<Outcome> {
    let dir = project.resolve(&args.meeting, cwd)?;
    let dir = paths::canonical(&dir).unwrap_or(dir);
    let id = fingerprint::id_of(&dir);
    let recorder = Recorder::new();
    let plan = Plan::new(project, &options(args, &dir), cwd, &recorder)?;
    let out_dir = plan.out_dir(&id);
    let live = Arc::new(Live::default());
    let mut built = snapshot(&dir);
    // "built" until a build has written outputs, "rebuilt" after.
    let mut any = rebuild(&plan, &recorder, &live, false);
    if args.serve {
        serve::start(args.port, out_dir.clone(), Arc::clone(&live))?;
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).with_context(|| tr!("error-watch-cannot"))?;
    watcher
        .watch(&dir, RecursiveMode::Recursive)
        .with_context(|| tr!("error-watch-cannot-dir", dir = paths::shown(&dir)))?;
    eprintln!("{}", tr!("cmd-watch-watching", dir = paths::shown(&dir)));
    loop {
        let event = rx.recv().with_context(|| tr!("error-watch-stopped"))?;
        if !is_change(&event, &out_dir) {
            continue;
        }
        // The rest of this save.
        while rx.recv_timeout(SETTLE).is_ok() {}
        // Events that came after a build, of the save it built, change
        // nothing: no second build.
        let now = snapshot(&dir);
        if now != built {
            built = now;
            any |= rebuild(&plan, &recorder, &live, any);
        }
    }
}

/// The options of each rebuild: the public edition of the meeting in
/// `dir`, all three outputs, drafts too.
fn options(args: &WatchArgs, dir: &Path) -> PlanOptions {
    let meeting = Selection {
        meetings: vec![dir.to_string_lossy().into_owned()],
        ..Selection::default()
    };
    PlanOptions {
        layout: args.layout.clone(),
        out: args.out.clone(),
        publish: Some(false),
        ..PlanOptions::new(meeting)
    }
}

/// Whether a file-system event is a change to the sources (not a read,
/// and not rk's own outputs when they are written inside the folder).
fn is_change(event: &notify::Result<notify::Event>, out_dir: &Path) -> bool {
    let Ok(event) = event else {
        return false;
    };
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    kind && event.paths.iter().any(|p| !p.starts_with(out_dir))
}

/// A file as a build saw it: its size, its time of change and, for the
/// text files (whose edits may keep both), a hash of its bytes.
type Seen = (PathBuf, u64, Option<SystemTime>, u64);

/// Each file under `dir` as a build sees it.
fn snapshot(dir: &Path) -> Vec<Seen> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if meta.is_dir() {
                folders.push(entry.path());
            } else {
                let path = entry.path();
                let text = path.extension().is_some_and(|e| e == "md" || e == "yaml");
                let hash = match text.then(|| std::fs::read(&path)) {
                    Some(Ok(bytes)) => {
                        let mut hasher = std::hash::DefaultHasher::new();
                        std::hash::Hash::hash(&bytes, &mut hasher);
                        std::hash::Hasher::finish(&hasher)
                    }
                    _ => 0,
                };
                files.push((path, meta.len(), meta.modified().ok(), hash));
            }
        }
    }
    files.sort();
    files
}

/// One build, timed, said as a rebuild when an earlier build of this
/// watch wrote outputs (`again`), else as a build; the served page learns
/// of it: the new outputs, or the findings of a build that failed.
/// Whether it wrote outputs.
fn rebuild(plan: &Plan, recorder: &Recorder, live: &Live, again: bool) -> bool {
    let started = Instant::now();
    let worlds = plan.typesetter().worlds_made();
    recorder.clear();
    let outcome = build::run(plan);
    let ms = started.elapsed().as_millis();
    // As typst-cli's watch: what the last compilations did not use goes.
    Typesetter::evict(CACHE_AGE);
    let ms = ms.to_string();
    let failed = match outcome {
        Ok(Outcome::Success) => {
            live.built();
            // No new world: the engine typeset in the one it kept.
            let kept = worlds > 0 && plan.typesetter().worlds_made() == worlds;
            let said = match (again, kept) {
                (false, false) => tr!("cmd-watch-built", ms = ms),
                (false, true) => tr!("cmd-watch-built-kept", ms = ms),
                (true, false) => tr!("cmd-watch-rebuilt", ms = ms),
                (true, true) => tr!("cmd-watch-rebuilt-kept", ms = ms),
            };
            eprintln!("{said}");
            return true;
        }
        Ok(Outcome::Failed) => not_built(again, ms),
        Err(err) => {
            let error = tr!("cmd-error", message = format!("{err:#}"));
            recorder.note(&format!("{error}\n"));
            format!("{error}\n{}", not_built(again, ms))
        }
    };
    live.failed(recorder.text());
    eprintln!("{failed}");
    false
}

/// The line of a build that failed: what stays of the last one.
fn not_built(again: bool, ms: String) -> String {
    if again {
        tr!("cmd-watch-not-rebuilt", ms = ms)
    } else {
        tr!("cmd-watch-not-built", ms = ms)
    }
}

/// The sink of a watch's builds: says everything as `rk build` does, and
/// keeps the findings of the build under way as text (as the terminal
/// shows them, without colour), for the served page to show when the
/// build fails.
struct Recorder {
    reporter: Reporter,
    text: Mutex<String>,
}

impl Recorder {
    fn new() -> Recorder {
        Recorder {
            reporter: Reporter::new(DiagnosticFormat::Human),
            text: Mutex::new(String::new()),
        }
    }

    fn clear(&self) {
        if let Ok(mut text) = self.text.lock() {
            text.clear();
        }
    }

    fn note(&self, more: &str) {
        if let Ok(mut text) = self.text.lock() {
            text.push_str(more);
        }
    }

    fn text(&self) -> String {
        self.text.lock().map(|t| t.clone()).unwrap_or_default()
    }
}

impl Sink for Recorder {
    fn event(&self, event: Event<'_>) -> io::Result<()> {
        if let Event::Findings { files, diags } = event {
            for finding in diags {
                self.note(&diag::render_human(files, finding, false));
            }
        }
        self.reporter.event(event)
    }
}
