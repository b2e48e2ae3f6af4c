//! Checking: every rule of the spec over a loaded meeting. Each family of
//! rules lives in its own file and pushes findings; none stops the run.

mod body;
pub mod case;
pub mod glyphs;
mod items;
mod people;
mod personal;

use crate::diag::Diagnostic;
use crate::layout::Coverage;
use crate::model::Meeting;
use crate::source::files::Files;

/// What the checks need from the project configuration.
#[derive(Default)]
pub struct Settings {
    /// What a case reference looks like (rk.toml's `case.pattern`).
    pub case: case::CasePattern,
}

/// Every check over one meeting. `coverage` is what the layout's fonts
/// can show.
pub fn check(
    meeting: &Meeting,
    files: &Files,
    settings: &Settings,
    coverage: &Coverage,
    diags: &mut Vec<Diagnostic>,
) {
    people::check(meeting, diags);
    items::check(meeting, files, settings, diags);
    body::check(meeting, files, diags);
    glyphs::check(meeting, files, coverage, diags);
}
