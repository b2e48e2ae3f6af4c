//! Loading and checking meetings: the meetings a run names, the layout in
//! use, and the findings of each meeting.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;

use crate::check::CheckSettings;
use crate::check::corrections::ApprovedVersion;
use crate::config::Numbering;
use crate::diag::{self, Diagnostic};
use crate::files::Files;
use crate::layout::{Coverage, Layout};
use crate::model::{Approval, Document, Meeting};
use crate::paths;
use crate::project::Project;
use crate::source;
use crate::source::git;
use crate::source::history::History;
use crate::tr;

/// Which meetings a run works on, as the command line names them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Each a meeting's date (2020-11-25) or its folder; none: every one.
    pub meetings: Vec<String>,
    /// Every meeting, as an archive (`--all`).
    pub all: bool,
    /// Only this share of them (`--shard I/N`, with `all`).
    pub shard: Option<Shard>,
}

/// `--shard I/N`: the Ith of N shares of the meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// From 1 to `count`.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// `I/N` with 1 ≤ I ≤ N.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || {
            format!(
                "`{text}` is not a shard: give I/N, the Ith of N shares, with 1 ≤ I ≤ N \
                 (1/3, 2/3, 3/3)"
            )
        };
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let number = |part: &str| part.trim().parse::<usize>().map_err(|_| bad());
        let shard = Shard {
            index: number(index)?,
            count: number(count)?,
        };
        if shard.index == 0 || shard.index > shard.count {
            return Err(bad());
        }
        Ok(shard)
    }

    /// Whether the meeting at `position` (from 0, in date order among all
    /// the project's meetings) is in this share: dealt out round-robin.
    pub fn takes(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

/// The meeting folders named on the command line, or all of them.
pub fn select(project: &Project, args: &Selection, cwd: &Path) -> Result<Vec<PathBuf>> {
    // Inside a meeting folder, no MEETING means that meeting.
    if !args.all
        && args.meetings.is_empty()
        && let Some(meeting) = project.meeting_around(cwd)
    {
        return Ok(vec![meeting]);
    }
    if args.all || args.meetings.is_empty() {
        let all = project.meetings()?;
        if all.is_empty() {
            anyhow::bail!(tr!(
                "error-no-meetings",
                dir = paths::shown(&project.meetings_dir())
            ));
        }
        return Ok(all);
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for arg in &args.meetings {
        let dir = project.resolve(arg, cwd)?;
        // The same meeting named twice is checked once.
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    Ok(dirs)
}

/// The sources of a run: the meetings, their files and every finding.
pub struct Analysis {
    pub files: Files,
    pub meetings: Vec<Meeting>,
    pub diags: Vec<Diagnostic>,
    /// What was not checked, and why: a sentence per meeting (`rk check`
    /// says them after its findings; they fail nothing).
    pub notes: Vec<String>,
}

/// The layout in use: `--layout` (a folder relative to where rk runs), else
/// rk.toml's `layout` (relative to the project), else the built-in kl.
pub fn layout(project: &Project, flag: Option<&str>, cwd: &Path) -> Result<Layout> {
    match flag {
        Some(name) => Layout::resolve(name, cwd),
        None => Layout::resolve(&project.config.layout, &project.root),
    }
}

/// What the checks of every meeting of a run share: the settings from
/// rk.toml and, with items numbered through the year, every meeting
/// folder (a meeting continues from the same body's previous meeting of
/// the year, found among all of them).
pub struct AnalysisContext {
    settings: CheckSettings,
    document: Document,
    folders: Vec<PathBuf>,
    /// Whether an approved meeting is compared with the version git holds
    /// of its approval (`rk check`): then the repository's history, read
    /// once, when the first approved meeting needs it (or why it cannot
    /// be); see [`check_history`].
    history: Option<OnceLock<std::result::Result<History, String>>>,
}

impl AnalysisContext {
    /// For `document`: the referat or the agenda.
    pub fn new(project: &Project, document: Document) -> Result<AnalysisContext> {
        Ok(AnalysisContext {
            settings: CheckSettings {
                purpose: document,
                ..CheckSettings::from_config(&project.config)?
            },
            document,
            folders: match project.config.numbering {
                Numbering::Year => project.meetings()?,
                Numbering::Meeting => Vec::new(),
            },
            history: None,
        })
    }

    /// The same, comparing each approved meeting with the version git
    /// holds of its approval (corrections by addition only).
    pub fn with_history(self) -> AnalysisContext {
        AnalysisContext {
            history: Some(OnceLock::new()),
            ..self
        }
    }
}

/// Loads and checks each meeting folder for `document` (the referat or the
/// agenda). Findings are collected, never fatal; only I/O or
/// configuration problems are errors. `coverage` is what the layout's
/// fonts can show.
pub fn analyse(
    project: &Project,
    dirs: &[PathBuf],
    coverage: &Coverage,
    document: Document,
) -> Result<Analysis> {
    analyse_from(
        project,
        dirs,
        coverage,
        document,
        &source::Overlay::default(),
    )
}

/// [`analyse`], reading the files `overlay` holds from there (an editor's
/// unsaved text) instead of from disk.
pub fn analyse_from(
    project: &Project,
    dirs: &[PathBuf],
    coverage: &Coverage,
    document: Document,
    overlay: &source::Overlay,
) -> Result<Analysis> {
    let context = AnalysisContext::new(project, document)?;
    analyse_in(project, &context, dirs, coverage, overlay)
}

/// [`analyse_from`] with the settings and folders of `context`.
pub fn analyse_in(
    project: &Project,
    context: &AnalysisContext,
    dirs: &[PathBuf],
    coverage: &Coverage,
    overlay: &source::Overlay,
) -> Result<Analysis> {
    let mut files = Files::default();
    let mut meetings = Vec::new();
    let mut diags = Vec::new();
    let mut notes = Vec::new();
    for dir in dirs {
        let options = source::LoadOptions {
            referent: project.config.referent,
            signatories: project.config.approval,
            document: context.document,
        };
        let meeting = source::load_from(dir, options, overlay, &mut files, &mut diags)?;
        let previous = source::previous_meeting(&context.folders, &meeting);
        crate::check::check(
            &meeting,
            &files,
            &context.settings,
            coverage,
            previous.as_ref(),
            &mut diags,
        );
        if let Some(history) = &context.history
            && context.document == Document::Minutes
        {
            notes.extend(check_history(&meeting, &files, history, &mut diags)?);
        }
        meetings.push(meeting);
    }
    diag::sort(&files, &mut diags);
    Ok(Analysis {
        files,
        meetings,
        diags,
        notes,
    })
}

/// The findings about the project as a whole (`rk check`): git tracking
/// the internal edition's tree. They point at the project's .gitignore,
/// or at rk.toml when it has none, read into `files`.
pub fn project_findings(project: &Project, files: &mut Files) -> Vec<Diagnostic> {
    let folder = &project.config.out_internal;
    let Some(tracked) = git::tracked(&project.root, folder).filter(|t| !t.is_empty()) else {
        return Vec::new();
    };
    let gitignore = project.root.join(".gitignore");
    let path = if gitignore.is_file() {
        gitignore
    } else {
        project.root.join("rk.toml")
    };
    let is_gitignore = path.ends_with(".gitignore");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = files.add(path, text);
    let source = crate::check::project::Tracked {
        folder,
        files: &tracked,
        gitignore: is_gitignore.then_some(file),
    };
    vec![crate::check::project::internal_tracked(
        &source, file, files,
    )]
}

/// An approved meeting (`status: godkendt`) compared with the version of
/// the commit that approved it: changed only by new berigtigelser. Without
/// git, outside a repository, or before the approval is committed, a note
/// says that this was not checked.
fn check_history(
    meeting: &Meeting,
    files: &Files,
    history: &OnceLock<std::result::Result<History, String>>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<String>> {
    let approved = meeting
        .status
        .as_ref()
        .is_some_and(|s| s.value == Approval::Approved);
    if !approved {
        return Ok(None);
    }
    let found = match history.get_or_init(|| History::read(&meeting.dir)) {
        Ok(history) => history.approved_version(&meeting.dir, source::says_approved),
        Err(why) => git::Approved::Unknown(why.clone()),
    };
    match found {
        git::Approved::Found {
            commit,
            date,
            files: then,
        } => {
            let now = git::files_now(&meeting.dir)?;
            let version = ApprovedVersion {
                commit: &commit,
                date: &date,
                files: &then,
            };
            crate::check::corrections::check(meeting, files, &version, &now, diags);
            Ok(None)
        }
        git::Approved::Unknown(why) => Ok(Some(tr!(
            "cmd-approval-not-checked",
            meeting = meeting.id.as_str(),
            why = why
        ))),
    }
}
