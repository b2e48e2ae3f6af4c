//! The project: its root (found like cargo finds Cargo.toml), its
//! configuration (rk.toml, see [`crate::config`]), and the meeting folders
//! under it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::config::Config;
use crate::date::Date;
use crate::paths;
use crate::suggest;
use crate::tr;

pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

impl Project {
    /// The nearest folder from `start` upwards that holds rk.toml or
    /// meetings/.
    pub fn discover(start: &Path) -> Result<Project> {
        let start = paths::canonical(start)
            .with_context(|| tr!("error-cannot-open", path = start.display().to_string()))?;
        let root = start
            .ancestors()
            .find(|dir| dir.join("rk.toml").is_file() || dir.join("meetings").is_dir())
            .with_context(|| tr!("error-no-project", dir = start.display().to_string()))?
            .to_path_buf();
        let config_path = root.join("rk.toml");
        let config = if config_path.is_file() {
            let text = fs::read_to_string(&config_path).with_context(|| {
                tr!(
                    "error-cannot-read",
                    path = config_path.display().to_string()
                )
            })?;
            Config::parse(&config_path, &text)?
        } else {
            Config::default()
        };
        Ok(Project { root, config })
    }

    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join(&self.config.meetings)
    }

    /// The meeting folder that `dir` lies in, if any.
    pub fn meeting_around(&self, dir: &Path) -> Option<PathBuf> {
        let meetings = paths::canonical(&self.meetings_dir()).ok()?;
        let dir = paths::canonical(dir).ok()?;
        let relative = dir.strip_prefix(&meetings).ok()?;
        let first = relative.components().next()?;
        Some(meetings.join(first.as_os_str()))
    }

    /// Every meeting folder, sorted by name: a folder under meetings/ named by
    /// a date (YYYY-MM-DD, optionally with a -suffix), and any other folder
    /// there that holds a meeting.yaml (its name is then a finding, not a
    /// reason to skip it).
    pub fn meetings(&self) -> Result<Vec<PathBuf>> {
        let dir = self.meetings_dir();
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        let cannot_read = || tr!("error-cannot-read", path = dir.display().to_string());
        for entry in fs::read_dir(&dir).with_context(cannot_read)? {
            let path = entry.with_context(cannot_read)?.path();
            let named_by_date = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(Date::of_meeting_name)
                .is_some();
            if path.is_dir() && (named_by_date || path.join("meeting.yaml").is_file()) {
                found.push(path);
            }
        }
        found.sort();
        Ok(found)
    }

    /// A MEETING argument: a date (resolved under meetings/) or a path.
    pub fn resolve(&self, arg: &str, cwd: &Path) -> Result<PathBuf> {
        if Date::of_meeting_name(arg).is_some() {
            let matches: Vec<PathBuf> = self
                .meetings()?
                .into_iter()
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        n == arg
                            || (n.starts_with(arg) && n.as_bytes().get(arg.len()) == Some(&b'-'))
                    })
                })
                .collect();
            match matches.as_slice() {
                [one] => return Ok(one.clone()),
                [] => {}
                several => {
                    let names: Vec<String> = several
                        .iter()
                        .map(|p| format!("  {}", paths::shown(p)))
                        .collect();
                    bail!(tr!(
                        "error-several-meetings",
                        arg = arg,
                        n = several.len(),
                        folders = names.join("\n")
                    ));
                }
            }
        }
        let path = cwd.join(arg);
        if path.join("meeting.yaml").is_file() {
            // `..` from bilag/ or `.` from inside: the folder by its real name.
            return paths::canonical(&path)
                .with_context(|| tr!("error-cannot-open", path = path.display().to_string()));
        }
        let known: Vec<String> = self
            .meetings()?
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let hint = match suggest::closest(arg, known.iter().map(String::as_str)) {
            Some(s) => tr!("error-did-you-mean", name = s),
            None if known.is_empty() => String::new(),
            None => tr!("error-meetings-known", meetings = known.join(", ")),
        };
        bail!(tr!(
            "error-no-meeting",
            arg = arg,
            dir = paths::shown(&self.meetings_dir()),
            hint = hint
        ))
    }
}
