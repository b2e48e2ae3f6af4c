//! What a command says on standard error while it works: the publishing
//! layer's events in words ([`Reporter`]), and the progress bar of `rk
//! build --all` / `rk check --all` on a terminal: every line goes above the
//! bar (which is hidden while it is written), so that lines from threads
//! working in parallel never break it. Only the commands print, through
//! this.

use std::fmt::Display;
use std::io::{self, IsTerminal};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::diag::{self, DiagnosticFormat};
use crate::paths;
use crate::publish::event::Written;
use crate::publish::{Event, Sink};
use crate::tr;

/// The bar being shown, if any.
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Writes one line to standard error, above the progress bar if one is
/// shown.
pub fn line(text: impl Display) {
    suspend(|| eprintln!("{text}"));
}

/// Runs `f` (which writes to standard error or output) with the progress
/// bar hidden, so that what it writes is not drawn over.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    let bar = BAR.lock().ok().and_then(|bar| bar.clone());
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// `eprintln!` for commands: the line goes above the progress bar.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::console::line(format_args!($($arg)*))
    };
}

/// The progress of a run over many meetings: a bar on a terminal, nothing
/// otherwise (the commands' own lines, one per meeting, are the progress
/// there). The bar goes when this is dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `total` meetings, `verb` saying what is done to them
    /// ("building", "checking"), when standard error is a terminal.
    pub fn start(total: usize, verb: &str) -> Progress {
        if total == 0 || !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        let verb = match verb {
            "building" => tr!("console-progress-building"),
            "checking" => tr!("console-progress-checking"),
            other => other.to_string(),
        };
        let meetings = tr!("console-progress-meetings");
        let template = format!("{verb} {{bar:40}} {{pos}}/{{len}} {meetings}, {{elapsed}} {{msg}}");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        if let Ok(mut shown) = BAR.lock() {
            *shown = Some(bar.clone());
        }
        Progress { bar: Some(bar) }
    }

    /// One more meeting done.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Ok(mut shown) = BAR.lock() {
            *shown = None;
        }
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// How a command says what the publishing layer reports: findings in the
/// format asked for (in colour on a terminal, unless NO_COLOR is set), the
/// progress of `--all` as a bar on a terminal, every other event as a line
/// on standard error, above the bar.
pub struct Reporter {
    format: DiagnosticFormat,
    /// Whether standard error is a terminal.
    terminal: bool,
    color: bool,
    progress: Mutex<Option<Progress>>,
}

impl Reporter {
    pub fn new(format: DiagnosticFormat) -> Reporter {
        let terminal = io::stderr().is_terminal();
        Reporter {
            format,
            terminal,
            color: terminal && std::env::var_os("NO_COLOR").is_none(),
            progress: Mutex::new(None),
        }
    }

    /// The progress bar's part of an event; whether it was one.
    fn progress(&self, event: &Event<'_>) -> bool {
        let Ok(mut progress) = self.progress.lock() else {
            return false;
        };
        match *event {
            Event::Started { total, verb } => {
                *progress = Some(Progress::start(total, verb));
            }
            Event::Advanced => {
                if let Some(bar) = progress.as_ref() {
                    bar.advance();
                }
            }
            Event::Finished => *progress = None,
            _ => return false,
        }
        true
    }
}

impl Sink for Reporter {
    fn event(&self, event: Event<'_>) -> io::Result<()> {
        if let Event::Findings { files, diags } = event {
            return suspend(|| {
                diag::emit(
                    self.format,
                    files,
                    diags,
                    self.color,
                    &mut io::stderr().lock(),
                    &mut io::stdout().lock(),
                )
            });
        }
        if self.progress(&event) {
            return Ok(());
        }
        // Without a bar, each meeting's line is the progress.
        if let Event::Skipped(id) = event
            && !self.terminal
        {
            line(tr!("console-skipped", id = id));
        }
        if let Some(text) = words(&event) {
            line(text);
        }
        Ok(())
    }
}

/// An event other than findings as the line that says it.
fn words(event: &Event<'_>) -> Option<String> {
    let text = match *event {
        Event::Findings { .. }
        | Event::Started { .. }
        | Event::Advanced
        | Event::Finished
        | Event::Skipped(_) => return None,
        Event::MeetingFails { .. } | Event::RemovedGone(_) | Event::Archived { .. } => {
            return archive_line(event);
        }
        Event::AsSent { .. } | Event::SentFails { .. } => return sent_line(event),

        Event::SourcesFail(tally) => tr!(
            "console-sources-fail",
            tally = tally.to_string(),
            denied = tally.denied()
        ),
        Event::NotTypeset {
            id,
            denied,
            emitted,
        } => not_typeset(id, denied, emitted),
        Event::Built {
            id,
            outputs,
            copies,
            out_dir,
            seconds,
        } => tr!(
            "console-built",
            id = id,
            written = written(outputs, copies),
            dir = paths::shown(out_dir),
            seconds = self::seconds(seconds)
        ),
        Event::RemovedLeftOut(path) => tr!("console-removed-left-out", path = paths::shown(path)),
        Event::RemovedInternal(path) => tr!("console-removed-internal", path = paths::shown(path)),
        Event::RemovedChangePage(path) => {
            tr!("console-removed-change-page", path = paths::shown(path))
        }
        Event::RemovedStale(path) => tr!("console-removed-stale", path = paths::shown(path)),
    };
    Some(text)
}

/// The line of a meeting that could not be typeset (`denied`: its
/// typesetting warnings fail it); `emitted`: the folder of the document
/// `--emit-typst` wrote.
fn not_typeset(id: &str, denied: bool, emitted: Option<&std::path::Path>) -> String {
    let dir = emitted.map(paths::shown);
    match (denied, dir) {
        (false, None) => tr!("console-not-typeset", id = id),
        (false, Some(dir)) => tr!("console-not-typeset.emitted", id = id, dir = dir),
        (true, None) => tr!("console-not-typeset-denied", id = id),
        (true, Some(dir)) => tr!("console-not-typeset-denied.emitted", id = id, dir = dir),
    }
}

/// A number of seconds with two decimals, with the language's decimal
/// point: `1.25`.
fn seconds(seconds: f64) -> String {
    format!("{seconds:.2}").replace('.', &tr!("console-decimal-point"))
}

/// A line about an agenda built as it was sent.
fn sent_line(event: &Event<'_>) -> Option<String> {
    let text = match *event {
        Event::AsSent {
            id,
            what,
            sent,
            commit,
        } => tr!(
            "console-as-sent",
            id = id,
            what = what,
            sent = sent,
            commit = commit
        ),
        Event::SentFails {
            id,
            what,
            key,
            commit,
            tally,
        } => tr!(
            "console-sent-fails",
            what = what,
            id = id,
            commit = commit,
            tally = tally.to_string(),
            key = key
        ),
        _ => return None,
    };
    Some(text)
}

/// A line of `--all`'s own events.
fn archive_line(event: &Event<'_>) -> Option<String> {
    let text = match *event {
        Event::MeetingFails { id, tally } => tr!(
            "console-meeting-fails",
            id = id,
            tally = tally.to_string(),
            denied = tally.denied()
        ),
        Event::RemovedGone(out_dir) => tr!("console-removed-gone", path = paths::shown(out_dir)),
        Event::Archived {
            built,
            skipped,
            failed,
            removed,
            seconds,
        } => {
            let seconds = self::seconds(seconds);
            if removed > 0 {
                tr!(
                    "console-archived.removed",
                    built = built,
                    skipped = skipped,
                    failed = failed,
                    removed = removed,
                    seconds = seconds
                )
            } else {
                tr!(
                    "console-archived",
                    built = built,
                    skipped = skipped,
                    failed = failed,
                    seconds = seconds
                )
            }
        }
        _ => return None,
    };
    Some(text)
}

/// What a build wrote, for its closing line: `referat.pdf (16 pages),
/// referat.html, referat.json, 1 linked file`.
fn written(outputs: &[Written], copies: usize) -> String {
    let mut written: Vec<String> = outputs
        .iter()
        .map(|output| match output.pages {
            Some(n) => format!("{} ({})", output.name, tr!("console-pages", n = n)),
            None => output.name.clone(),
        })
        .collect();
    if copies > 0 {
        written.push(tr!("console-linked-files", n = copies));
    }
    written.join(", ")
}
