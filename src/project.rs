//! The project: its root (found like cargo finds Cargo.toml), rk.toml, and
//! the meeting folders under it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::check::Settings;
use crate::check::case::{CasePattern, DEFAULT_CASE_PATTERN};
use crate::date::Date;

/// rk.toml. Every field is optional; unknown fields are an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub meetings: PathBuf,
    pub out: PathBuf,
    /// Where `rk build --internal` writes: a tree of its own, never under
    /// `out`, so that publishing `out` cannot publish closed items.
    pub out_internal: PathBuf,
    pub layout: String,
    pub case: CaseConfig,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CaseConfig {
    pub pattern: String,
    pub url: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            meetings: "meetings".into(),
            out: "out".into(),
            out_internal: "out-internt".into(),
            layout: "kl".into(),
            case: CaseConfig::default(),
        }
    }
}

impl Default for CaseConfig {
    fn default() -> Self {
        CaseConfig {
            pattern: DEFAULT_CASE_PATTERN.into(),
            url: None,
        }
    }
}

pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

impl Project {
    /// The nearest folder from `start` upwards that holds rk.toml or
    /// meetings/.
    pub fn discover(start: &Path) -> Result<Project> {
        let start = crate::source::paths::canonical(start)
            .with_context(|| format!("cannot open {}", start.display()))?;
        let root = start
            .ancestors()
            .find(|dir| dir.join("rk.toml").is_file() || dir.join("meetings").is_dir())
            .with_context(|| {
                format!(
                    "no rk project found: neither {} nor any folder above it holds rk.toml or meetings/",
                    start.display()
                )
            })?
            .to_path_buf();
        let config_path = root.join("rk.toml");
        let config = if config_path.is_file() {
            let text = fs::read_to_string(&config_path)
                .with_context(|| format!("cannot read {}", config_path.display()))?;
            toml::from_str(&text).map_err(|e| config_error(&config_path, &text, &e))?
        } else {
            Config::default()
        };
        Ok(Project { root, config })
    }

    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join(&self.config.meetings)
    }

    pub fn check_settings(&self) -> Result<Settings> {
        let text = &self.config.case.pattern;
        if text.trim().is_empty() {
            bail!("rk.toml: case.pattern is empty; write a pattern like 'SAG-\\d{{4}}-\\d{{5}}'");
        }
        // Compiled alone first, so that an error points into what was written.
        regex::Regex::new(text).map_err(|e| {
            anyhow::anyhow!("rk.toml: case.pattern is not a valid regular expression:\n{e}")
        })?;
        let case = CasePattern::new(text)
            .map_err(|e| anyhow::anyhow!("rk.toml: case.pattern `{text}`: {e}"))?;
        Ok(Settings { case })
    }

    /// The meeting folder that `dir` lies in, if any.
    pub fn meeting_around(&self, dir: &Path) -> Option<PathBuf> {
        let meetings = crate::source::paths::canonical(&self.meetings_dir()).ok()?;
        let dir = crate::source::paths::canonical(dir).ok()?;
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
        for entry in fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
            let path = entry
                .with_context(|| format!("cannot read {}", dir.display()))?
                .path();
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
                        .map(|p| format!("  {}", crate::source::paths::shown(p)))
                        .collect();
                    bail!(
                        "{arg} names {} meetings; give the folder instead:\n{}",
                        several.len(),
                        names.join("\n")
                    );
                }
            }
        }
        let path = cwd.join(arg);
        if path.join("meeting.yaml").is_file() {
            // `..` from bilag/ or `.` from inside: the folder by its real name.
            return crate::source::paths::canonical(&path)
                .with_context(|| format!("cannot open {}", path.display()));
        }
        let known: Vec<String> = self
            .meetings()?
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let hint = match crate::suggest::closest(arg, known.iter().map(String::as_str)) {
            Some(s) => format!(" (did you mean {s}?)"),
            None if known.is_empty() => String::new(),
            None => format!(" (meetings: {})", known.join(", ")),
        };
        bail!(
            "no meeting `{arg}`: not a meeting under {} nor a folder with a meeting.yaml{hint}",
            crate::source::paths::shown(&self.meetings_dir())
        )
    }
}

/// rk.toml does not read. A top-level key written after a `[table]` line
/// lands in that table, where it is unknown: say so.
fn config_error(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
    match misplaced_key(text, e) {
        Some(message) => anyhow::anyhow!("{}: {message}", path.display()),
        None => anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()),
    }
}

/// The message for an unknown key in a table that the top level would take.
fn misplaced_key(text: &str, e: &toml::de::Error) -> Option<String> {
    let key = e
        .message()
        .strip_prefix("unknown field `")?
        .split('`')
        .next()?;
    let document: toml::Table = text.parse().ok()?;
    let (table, value) = document
        .iter()
        .find_map(|(name, v)| v.as_table()?.get(key).map(|v| (name, v)))?;
    let mut top = toml::Table::new();
    top.insert(key.to_string(), value.clone());
    top.try_into::<Config>().ok()?;
    let line = e
        .span()
        .and_then(|span| text.get(..span.start))
        .map_or(0, |before| before.matches('\n').count() + 1);
    Some(format!(
        "`{key}` on line {line} landed inside `[{table}]`: every key after a `[{table}]` line \
         belongs to that table, which has no `{key}`. Top-level keys go before the first \
         table: move `{key}` above `[{table}]`"
    ))
}
