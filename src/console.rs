//! What a command says on standard error while it works, and the progress
//! bar of `rk build --all` / `rk check --all` on a terminal: every line goes
//! above the bar (which is hidden while it is written), so that lines from
//! threads working in parallel never break it.

use std::fmt::Display;
use std::io::{self, IsTerminal};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

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
