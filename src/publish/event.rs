//! What the publishing layer reports while it works, as data: the layer
//! prints nothing; the command that runs it hands a [`Sink`] to the plan
//! and says each event in its words (`console::Reporter`).

use std::io;
use std::path::Path;

use crate::diag::{Diagnostic, Tally};
use crate::files::Files;

/// One thing that happened in a run.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// Findings of the sources or of the typesetting engine.
    Findings {
        files: &'a Files,
        diags: &'a [Diagnostic],
    },
    /// The sources' findings fail the run: nothing was built.
    SourcesFail(Tally),
    /// A meeting could not be typeset (`denied`: its typesetting warnings
    /// fail it); `emitted`: the folder of the document `--emit-typst` wrote.
    NotTypeset {
        id: &'a str,
        denied: bool,
        emitted: Option<&'a Path>,
    },
    /// A meeting's outputs written to `out_dir`.
    Built {
        id: &'a str,
        outputs: &'a [Written],
        /// How many of the meeting's files were copied beside them.
        copies: usize,
        out_dir: &'a Path,
        seconds: f64,
    },
    /// An agenda (`what`: "agenda" or "tillægsdagsorden") built as the
    /// commit that sent it on `sent` holds it, not as the work tree has it.
    AsSent {
        id: &'a str,
        what: &'static str,
        sent: &'a str,
        commit: &'a str,
    },
    /// The version sent of an agenda has findings that fail it (`tally`):
    /// nothing of it was written.
    SentFails {
        id: &'a str,
        what: &'static str,
        key: &'static str,
        commit: &'a str,
        tally: Tally,
    },
    /// An output of a kind `--only` left out, removed: it was made from
    /// older sources.
    RemovedLeftOut(&'a Path),
    /// A file of the internal edition found in the published tree, removed.
    RemovedInternal(&'a Path),
    /// A change page of `rk diff` found by a publishing build, removed.
    RemovedChangePage(&'a Path),
    /// A copy of a meeting's file this edition no longer links, removed.
    RemovedStale(&'a Path),
    /// `--all`: work on `total` meetings begins (`verb`: "checking",
    /// "building"); each is [`Event::Advanced`], then [`Event::Finished`].
    Started { total: usize, verb: &'static str },
    /// One more meeting done.
    Advanced,
    /// The work begun by [`Event::Started`] is over.
    Finished,
    /// `--all`: a meeting unchanged since its last build, not built again.
    Skipped(&'a str),
    /// `--all`: one meeting's findings fail it; nothing of it was written.
    MeetingFails { id: &'a str, tally: Tally },
    /// `--all`: the outputs of a meeting no longer among the sources,
    /// removed.
    RemovedGone(&'a Path),
    /// `--all` is done: how many meetings were built, skipped as
    /// unchanged, failed and removed, in how many seconds.
    Archived {
        built: usize,
        skipped: usize,
        failed: usize,
        removed: usize,
        seconds: f64,
    },
}

/// One output file a build wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its file name in the meeting's output folder.
    pub name: String,
    /// The number of pages, for the PDF.
    pub pages: Option<usize>,
}

/// Where a run's events go. Meetings are built in parallel, so a sink is
/// shared between threads.
pub trait Sink: Sync {
    /// Says `event`; an error is one of writing (a closed pipe).
    fn event(&self, event: Event<'_>) -> io::Result<()>;

    /// Says findings.
    fn emit(&self, files: &Files, diags: &[Diagnostic]) -> io::Result<()> {
        self.event(Event::Findings { files, diags })
    }
}
