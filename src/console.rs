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
use crate::plural;
use crate::publish::event::Written;
use crate::publish::{Event, Sink};

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
        let template = format!("{verb} {{bar:40}} {{pos}}/{{len}} meetings, {{elapsed}} {{msg}}");
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
            line(format!("skipped {id}: unchanged since its last build"));
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

        Event::SourcesFail(tally) => format!(
            "not built: the sources have {tally}{}; nothing was written",
            tally.denied()
        ),
        Event::NotTypeset {
            id,
            denied,
            emitted,
        } => {
            let why = if denied {
                "has typesetting warnings and --deny-warnings is given"
            } else {
                "could not be typeset"
            };
            let look = emitted.map_or(String::new(), |dir| {
                format!(" (the generated document is in {})", paths::shown(dir))
            });
            format!("not built: {id} {why}; no output was written{look}")
        }
        Event::Built {
            id,
            outputs,
            copies,
            out_dir,
            seconds,
        } => format!(
            "built {id}: {} in {} ({seconds:.2} s)",
            written(outputs, copies),
            paths::shown(out_dir)
        ),
        Event::RemovedLeftOut(path) => format!(
            "warning: removed {}: made from older sources; build without --only to make it again",
            paths::shown(path)
        ),
        Event::RemovedInternal(path) => format!(
            "warning: removed {}: the internal edition never stays in the published tree \
             (`rk build --internal` writes it to a tree of its own)",
            paths::shown(path)
        ),
        Event::RemovedChangePage(path) => format!(
            "removed {}: the change page of `rk diff` is for review, and a publishing build leaves it out",
            paths::shown(path)
        ),
        Event::RemovedStale(path) => format!(
            "removed {}: no longer linked from this edition",
            paths::shown(path)
        ),
    };
    Some(text)
}

/// A line about an agenda built as it was sent.
fn sent_line(event: &Event<'_>) -> Option<String> {
    let text = match *event {
        Event::AsSent {
            id,
            what,
            sent,
            commit,
        } => format!(
            "{id}: the {what} as it was sent on {sent} (commit {commit}); what was written in \
             the sources since is for the referat"
        ),
        Event::SentFails {
            id,
            what,
            key,
            commit,
            tally,
        } => format!(
            "not built: the {what} of {id} as it was sent (commit {commit}) has {tally}; nothing \
             was written. A fix committed since is not in the {what} as sent: to publish it, \
             send the {what} again and write the new date in `{key}`"
        ),
        _ => return None,
    };
    Some(text)
}

/// A line of `--all`'s own events.
fn archive_line(event: &Event<'_>) -> Option<String> {
    let text = match *event {
        Event::MeetingFails { id, tally } => format!(
            "not built: {id} has {tally}{}; nothing was written",
            tally.denied()
        ),
        Event::RemovedGone(out_dir) => format!(
            "removed {}: the meeting is no longer among the sources",
            paths::shown(out_dir)
        ),
        Event::Archived {
            built,
            skipped,
            failed,
            removed,
            seconds,
        } => {
            let mut parts = vec![
                format!("{built} built"),
                format!("{skipped} skipped (unchanged)"),
                format!("{failed} failed"),
            ];
            if removed > 0 {
                parts.push(format!("{removed} removed"));
            }
            format!("archive: {} ({seconds:.2} s)", parts.join(", "))
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
            Some(n) => format!("{} ({})", output.name, plural::english(n, "page")),
            None => output.name.clone(),
        })
        .collect();
    if copies > 0 {
        written.push(plural::count(copies, "linked file", "linked files"));
    }
    written.join(", ")
}
