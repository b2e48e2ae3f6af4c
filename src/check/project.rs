//! Findings about the project as a whole rather than one meeting: what git
//! tracks of the outputs.

use std::path::Path;

use crate::check::findings;
use crate::diag::{Diagnostic, Loc};
use crate::files::{FileId, Files};

/// What git tracks of the internal edition's tree.
pub struct Tracked<'a> {
    /// The tree, as rk.toml's `out_internal` names it.
    pub folder: &'a Path,
    /// The files git tracks in it, as git names them.
    pub files: &'a [String],
    /// The project's .gitignore, when it has one.
    pub gitignore: Option<FileId>,
}

/// `internal-tracked`, at the end of the .gitignore, where the folder's
/// line goes, or at the start of rk.toml `at` when there is none.
pub fn internal_tracked(tracked: &Tracked<'_>, at: FileId, files: &Files) -> Diagnostic {
    let folder = tracked.folder.to_string_lossy().replace('\\', "/");
    let folder = folder.trim_end_matches('/');
    let text = files.get(at).text();
    let ignored = tracked.gitignore.map(|_| ignores(text, folder));
    let end = if tracked.gitignore.is_some() {
        text.len()
    } else {
        0
    };
    findings::internal_tracked(Loc::new(at, end..end), folder, tracked.files, ignored)
}

/// Whether a line of the .gitignore `text` names `folder`.
fn ignores(text: &str, folder: &str) -> bool {
    text.lines()
        .any(|line| line.trim().trim_matches('/') == folder)
}
