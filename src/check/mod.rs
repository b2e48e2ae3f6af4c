//! Checking: every rule of the spec over a loaded meeting. Each family of
//! rules lives in its own file and pushes findings; none stops the run.
//! What a finding says is worded in `findings.rs`, one function a message.

mod approval;
mod bilag;
mod body;
pub mod case;
mod closed;
pub mod corrections;
mod findings;
pub mod glyphs;
mod items;
pub mod markup;
mod numbering;
mod pdf;
mod people;
mod personal;
pub mod project;
mod protocol;
mod sections;
mod sent;

use anyhow::{Result, anyhow, bail};

use crate::config::{ClosedDecisions, Config, Numbering};
use crate::diag::Diagnostic;
use crate::files::Files;
use crate::layout::Coverage;
use crate::model::{Document, Meeting, PreviousMeeting};

/// What the checks need from the project configuration.
#[derive(Default)]
pub struct CheckSettings {
    /// What a case reference looks like (rk.toml's `case.pattern`).
    pub case: case::CasePattern,
    /// What a document number looks like (rk.toml's `document.pattern`),
    /// anchored at both ends; `None` takes any.
    pub document: Option<regex::Regex>,
    /// How items are numbered (rk.toml's `numbering`).
    pub numbering: Numbering,
    /// Whether a closed item must carry a public decision (rk.toml's
    /// `closed_decisions`).
    pub closed_decisions: ClosedDecisions,
    /// The document the sources are checked for: the referat, or the
    /// agenda (`--agenda`), whose outcome (referent, presenters present,
    /// approval) is not checked.
    pub purpose: Document,
    /// The letters of rk.toml's `[groups]`.
    pub groups: Vec<String>,
    /// Whether an approved referat names its approvers (rk.toml's
    /// `approvers`).
    pub approvers: crate::config::Approvers,
}

impl CheckSettings {
    /// The settings rk.toml gives; an error names what is wrong in it.
    pub fn from_config(config: &Config) -> Result<CheckSettings> {
        let text = &config.case.pattern;
        if text.trim().is_empty() {
            bail!("rk.toml: case.pattern is empty; write a pattern like 'SAG-\\d{{4}}-\\d{{5}}'");
        }
        // Compiled alone first, so that an error points into what was written.
        regex::Regex::new(text).map_err(|e| {
            anyhow!("rk.toml: case.pattern is not a valid regular expression:\n{e}")
        })?;
        let case = case::CasePattern::new(text)
            .map_err(|e| anyhow!("rk.toml: case.pattern `{text}`: {e}"))?;
        Ok(CheckSettings {
            case,
            document: document_pattern(config)?,
            numbering: config.numbering,
            closed_decisions: config.closed_decisions,
            purpose: Document::Minutes,
            groups: config.groups.keys().cloned().collect(),
            approvers: config.approvers,
        })
    }
}

/// rk.toml's `document.pattern`, compiled to match a whole number.
fn document_pattern(config: &Config) -> Result<Option<regex::Regex>> {
    let Some(text) = &config.document.pattern else {
        return Ok(None);
    };
    if text.trim().is_empty() {
        bail!(
            "rk.toml: document.pattern is empty; write a pattern like '\\d+/\\d{{2}}', or remove it"
        );
    }
    regex::Regex::new(text).map_err(|e| {
        anyhow!("rk.toml: document.pattern is not a valid regular expression:\n{e}")
    })?;
    regex::Regex::new(&format!("^(?:{text})$"))
        .map(Some)
        .map_err(|e| anyhow!("rk.toml: document.pattern `{text}`: {e}"))
}

/// Every check over one meeting. `coverage` is what the layout's fonts
/// can show; `previous` is where the meeting's numbers continue from when
/// items are numbered through the year (see [`crate::source::previous_meeting`]).
pub fn check(
    meeting: &Meeting,
    files: &Files,
    settings: &CheckSettings,
    coverage: &Coverage,
    previous: Option<&PreviousMeeting>,
    diags: &mut Vec<Diagnostic>,
) {
    let in_order = numbering::in_order(meeting, settings.numbering == Numbering::Year);
    people::check(meeting, settings.purpose, in_order, diags);
    protocol::check(meeting, settings, diags);
    if settings.purpose == Document::Minutes {
        approval::check(meeting, settings.approvers, diags);
    }
    items::check(meeting, files, settings, previous, diags);
    sections::check(meeting, in_order, diags);
    sent::check(meeting, diags);
    if settings.purpose == Document::Minutes {
        closed::check(meeting, settings.closed_decisions, diags);
    }
    body::check(meeting, files, diags);
    bilag::check(meeting, diags);
    glyphs::check(meeting, files, coverage, diags);
}
