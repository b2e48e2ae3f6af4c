//! A meeting folder as it was at a git revision, read from the repository
//! with the `git` program (`rev-parse`, `ls-tree`, `cat-file --batch`)
//! without touching the work tree, and written into a folder of the
//! caller's so that the loader reads it as it reads any meeting.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::tr;

/// Runs `git ARGS` in `dir` and returns its standard output, or `None`
/// when git ran and failed (an `Err` when git cannot be run at all).
fn git(dir: &Path, args: &[&str]) -> Result<Option<Vec<u8>>> {
    git_said(dir, args).map(Result::ok)
}

/// As [`git`], with git's message when it failed.
pub(crate) fn git_said(dir: &Path, args: &[&str]) -> Result<std::result::Result<Vec<u8>, String>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| tr!("error-git-cannot-run-diff"))?;
    Ok(if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    })
}

/// The repository around `dir` and the revision `base` names, checked
/// once for every meeting of a run.
pub struct Revision {
    /// The work tree's top folder.
    top: PathBuf,
    /// The commit `base` names, in full.
    commit: String,
    /// `base` as given, for messages.
    pub name: String,
}

impl Revision {
    /// `base` in the repository that holds `dir`: an error that says which
    /// when `dir` is in no repository or `base` names no commit.
    pub fn find(dir: &Path, base: &str) -> Result<Revision> {
        let top = match git_said(dir, &["rev-parse", "--show-toplevel"])? {
            Ok(top) => top,
            Err(said) => {
                // git refuses a repository owned by another user, too:
                // then its own words say what to do.
                let why = if said.contains("not a git repository") || said.is_empty() {
                    String::new()
                } else {
                    let lines: Vec<&str> = said
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect();
                    tr!("error-git-says-aside", said = lines.join(" "))
                };
                bail!(tr!(
                    "error-git-no-repository",
                    dir = crate::paths::shown(dir),
                    why = why
                ));
            }
        };
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
        // `--end-of-options` keeps a BASE like `--all` from being read as
        // an option of git's.
        let spec = format!("{base}^{{commit}}");
        let commit = match git(
            &top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ],
        )? {
            Some(out) if !base.trim().is_empty() => {
                String::from_utf8_lossy(&out).trim().to_string()
            }
            _ => bail!(tr!(
                "error-git-unknown-revision",
                base = base,
                dir = crate::paths::shown(&top)
            )),
        };
        Ok(Revision {
            top,
            commit,
            name: base.to_string(),
        })
    }

    /// Writes the files of the meeting folder `dir` (in the work tree) as
    /// they were at this revision into `into/<folder name>` and returns
    /// that folder; `None` when the revision has no such folder (a meeting
    /// new since then).
    pub fn meeting_at(&self, dir: &Path, into: &Path) -> Result<Option<PathBuf>> {
        let relative = self.relative(dir)?;
        let name = dir
            .file_name()
            .with_context(|| tr!("error-git-folder-unnamed"))?;
        self.folder_at(&relative, name, into)
    }

    /// The files of the folder `relative` (as git names it at this
    /// revision) written into `into/<name>`, which is returned; `None` when
    /// the revision has no such folder.
    fn folder_at(
        &self,
        relative: &str,
        name: &std::ffi::OsStr,
        into: &Path,
    ) -> Result<Option<PathBuf>> {
        let listing = git(
            &self.top,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--full-tree",
                &self.commit,
                "--",
                relative,
            ],
        )?
        .with_context(|| {
            tr!(
                "error-git-cannot-list",
                folder = relative,
                revision = self.name.as_str()
            )
        })?;
        let blobs = blobs(&listing, relative);
        if blobs.is_empty() {
            return Ok(None);
        }
        let folder = into.join(name);
        std::fs::create_dir_all(&folder)
            .with_context(|| tr!("error-cannot-create", path = folder.display().to_string()))?;
        let contents = self.cat(&blobs)?;
        for ((_, path), bytes) in blobs.iter().zip(contents) {
            let target = folder.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).with_context(|| {
                    tr!("error-cannot-create", path = parent.display().to_string())
                })?;
            }
            std::fs::write(&target, bytes)
                .with_context(|| tr!("error-cannot-write", path = target.display().to_string()))?;
        }
        Ok(Some(folder))
    }

    /// `dir` relative to the top of the work tree, as git names paths.
    fn relative(&self, dir: &Path) -> Result<String> {
        relative_to(&self.top, dir)
    }

    /// The contents of `blobs`, in order, from one `git cat-file --batch`.
    fn cat(&self, blobs: &[(String, PathBuf)]) -> Result<Vec<Vec<u8>>> {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| tr!("error-git-cat-file"))?;
        let mut input = String::new();
        for (id, _) in blobs {
            input.push_str(id);
            input.push('\n');
        }
        let mut stdin = child
            .stdin
            .take()
            .with_context(|| tr!("error-git-cat-file"))?;
        // Written from a thread of its own, so that a large output cannot
        // block git while we still write.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .with_context(|| tr!("error-git-cat-file"))?
            .read_to_end(&mut out)
            .with_context(|| tr!("error-git-cat-file-read"))?;
        child
            .wait()
            .with_context(|| tr!("error-git-cat-file-unfinished"))?;
        let _ = writer.join();
        split_batch(&out, blobs.len()).with_context(|| tr!("error-git-cat-file-unreadable"))
    }
}

/// `dir` relative to `top`, the top of a work tree, with `/` between the
/// folders, as git names paths.
pub(crate) fn relative_to(top: &Path, dir: &Path) -> Result<String> {
    let real = crate::paths::canonical(dir)
        .with_context(|| tr!("error-cannot-open", path = dir.display().to_string()))?;
    let top = crate::paths::canonical(top)
        .with_context(|| tr!("error-cannot-open", path = top.display().to_string()))?;
    let relative = real.strip_prefix(&top).with_context(|| {
        tr!(
            "error-git-outside-work-tree",
            dir = dir.display().to_string(),
            top = top.display().to_string()
        )
    })?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// When a meeting folder was first and last committed: committer times,
/// seconds since 1970.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Committed {
    pub first: i64,
    pub last: i64,
}

/// When each folder right under `meetings` was first and last committed,
/// by the folder's name, from one `git log` of the whole folder (not one
/// per meeting); empty when `meetings` is in no repository, git cannot be
/// run or nothing under it is committed: then nothing can be said.
pub fn committed_folders(meetings: &Path) -> HashMap<String, Committed> {
    let args = [
        "-c",
        "core.quotePath=false",
        "log",
        "--format=%x01%ct",
        "--name-only",
        "--relative",
        "--",
        ".",
    ];
    let Ok(Ok(log)) = git_said(meetings, &args) else {
        return HashMap::new();
    };
    let mut found: HashMap<String, Committed> = HashMap::new();
    for entry in String::from_utf8_lossy(&log).split('\x01') {
        let mut lines = entry.lines();
        let Some(time) = lines.next().and_then(|l| l.trim().parse::<i64>().ok()) else {
            continue;
        };
        for path in lines {
            let Some((folder, _)) = path.split_once('/') else {
                continue;
            };
            found
                .entry(folder.to_string())
                .and_modify(|c| {
                    c.first = c.first.min(time);
                    c.last = c.last.max(time);
                })
                .or_insert(Committed {
                    first: time,
                    last: time,
                });
        }
    }
    found
}

/// The meeting folder as the commit that approved it holds it, or why
/// that is not known.
#[derive(Debug)]
pub enum Approved {
    /// The first commit in which meeting.yaml says `status: godkendt`
    /// (its short id and date), and the folder's files there (path below
    /// the folder, bytes).
    Found {
        commit: String,
        date: String,
        files: Vec<(PathBuf, Vec<u8>)>,
    },
    /// The history could not be read, or holds no approved version: why,
    /// in words that follow "not checked: ".
    Unknown(String),
}

/// The files git tracks at or under `path` (relative to `dir`), as git
/// names them from `dir`; `None` when `dir` is in no repository, `path`
/// lies outside it, or git cannot be run: then nothing can be said.
pub fn tracked(dir: &Path, path: &Path) -> Option<Vec<String>> {
    let path = path.to_str()?;
    let listed = git(dir, &["ls-files", "-z", "--", path]).ok()??;
    Some(
        listed
            .split(|byte| *byte == 0)
            .filter(|name| !name.is_empty())
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect(),
    )
}

/// The meeting folder as the commit that sent its agenda holds it, or why
/// that is not known.
#[derive(Debug)]
pub enum Sent {
    /// The commit since which meeting.yaml's key has had the value it has
    /// now (its short id), and the folder as that commit holds it, written
    /// into the caller's folder.
    Found { commit: String, folder: PathBuf },
    /// No commit has the value: the agenda is being sent now, and the work
    /// tree is the agenda as sent.
    NotCommitted,
    /// The history cannot tell: why, in words that follow "because ".
    Unknown(String),
}

/// The version of the meeting folder `dir` whose agenda was sent: the
/// files at the commit since which meeting.yaml's `key` has said `value`
/// (`value_of` reads a key's value from a meeting.yaml's text), written
/// into `into/<folder name>`. Setting the key to another date (sending a
/// corrected agenda) makes the commit that did so the one.
pub fn sent_version(
    dir: &Path,
    key: &str,
    value: &str,
    value_of: impl Fn(&str, &str) -> Option<String>,
    into: &Path,
) -> Result<Sent> {
    let top = match git_said(dir, &["rev-parse", "--show-toplevel"]) {
        Err(_) => bail!(tr!("error-git-cannot-run-sent")),
        Ok(Err(said)) => {
            // git refuses a repository owned by another user, too: then
            // its own words say what to do.
            let lines: Vec<&str> = said
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let why = if said.contains("not a git repository") || lines.is_empty() {
                tr!("error-sent-no-repository")
            } else {
                tr!("error-git-says", said = lines.join(" "))
            };
            return Ok(Sent::Unknown(why));
        }
        Ok(Ok(top)) => top,
    };
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let mut revision = Revision {
        top,
        commit: String::new(),
        name: "HEAD".into(),
    };
    let relative = revision.relative(dir)?;
    let yaml = format!("{relative}/meeting.yaml");
    let since = sending_commit(&revision.top, &yaml, key, value, value_of)?;
    let Some((commit, path)) = since else {
        return Ok(Sent::NotCommitted);
    };
    if cut_off(&revision.top, &commit)? {
        return Ok(Sent::Unknown(tr!(
            "error-sent-shallow",
            commit = short(&commit)
        )));
    }
    revision.commit.clone_from(&commit);
    revision.name.clone_from(&commit);
    let folder = path.strip_suffix("/meeting.yaml").unwrap_or(&relative);
    let name = dir
        .file_name()
        .with_context(|| tr!("error-git-folder-unnamed"))?;
    match revision.folder_at(folder, name, into)? {
        Some(folder) => Ok(Sent::Found {
            commit: short(&commit),
            folder,
        }),
        None => Ok(Sent::NotCommitted),
    }
}

/// The commit since which meeting.yaml (`yaml`, as git names it now) has
/// said `key: value`, and the file's path in it; `None` when no commit
/// says so.
fn sending_commit(
    top: &Path,
    yaml: &str,
    key: &str,
    value: &str,
    value_of: impl Fn(&str, &str) -> Option<String>,
) -> Result<Option<(String, String)>> {
    // The commits that add or remove a line with the key, each with the
    // path meeting.yaml had in it (`--follow`: across a rename of the
    // folder): the value changes only in them.
    let log = git(
        top,
        &[
            "log",
            "--follow",
            "--format=commit %H",
            "--name-only",
            "-G",
            key,
            "--",
            yaml,
        ],
    )?
    .unwrap_or_default();
    let mut since = None;
    for (commit, path) in changes(&String::from_utf8_lossy(&log)) {
        let spec = format!("{commit}:{path}");
        let text = git(top, &["show", &spec])?.unwrap_or_default();
        let then = value_of(&String::from_utf8_lossy(&text), key);
        if then.as_deref() != Some(value) {
            since = None;
        } else if since.is_none() {
            since = Some((commit, path));
        }
    }
    Ok(since)
}

/// The commits of a `git log --follow --format="commit %H" --name-only`
/// listing of one file, oldest first (the log is newest first: `--follow`
/// does not work with `--reverse`), each with the file's path in it.
fn changes(log: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut commit = None;
    for line in log.lines() {
        if let Some(id) = line.strip_prefix("commit ") {
            commit = Some(id.trim().to_string());
        } else if !line.trim().is_empty()
            && let Some(id) = commit.take()
        {
            out.push((id, line.to_string()));
        }
    }
    out.reverse();
    out
}

/// Whether `commit` is where a shallow clone's history is cut off: its
/// parents, if it has any, are not there.
fn cut_off(top: &Path, commit: &str) -> Result<bool> {
    let shallow = git(top, &["rev-parse", "--is-shallow-repository"])?
        .is_some_and(|out| String::from_utf8_lossy(&out).trim() == "true");
    if !shallow {
        return Ok(false);
    }
    let parent = format!("{commit}^");
    Ok(git(top, &["rev-parse", "--verify", "--quiet", &parent])?.is_none())
}

/// A commit's short id, as messages name it.
fn short(commit: &str) -> String {
    commit.chars().take(7).collect()
}

/// The files of a meeting folder as it is on disk now (path below the
/// folder, bytes), but for hidden ones (`.DS_Store`): what is compared
/// with the approved version.
pub fn files_now(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(dir.join(&folder)).with_context(|| {
            tr!(
                "error-cannot-read",
                path = dir.join(&folder).display().to_string()
            )
        })?;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = folder.join(&name);
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() {
                out.push((path.clone(), std::fs::read(dir.join(&path))?));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The files (object id, path below the meeting folder) of an `ls-tree -r
/// -z` listing of the folder `relative`. Links and submodules are left
/// out, and so is any path that would lead out of the folder.
fn blobs(listing: &[u8], relative: &str) -> Vec<(String, PathBuf)> {
    let prefix = format!("{relative}/");
    listing
        .split(|&b| b == 0)
        .filter_map(|entry| {
            let entry = std::str::from_utf8(entry).ok()?;
            let (meta, path) = entry.split_once('\t')?;
            let mut meta = meta.split(' ');
            let (mode, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
            if kind != "blob" || mode == "120000" {
                return None;
            }
            let inside = Path::new(path.strip_prefix(&prefix)?);
            inside
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
                .then(|| (id.to_string(), inside.to_path_buf()))
        })
        .collect()
}

/// The `count` contents of a `cat-file --batch` output: each is a header
/// line `<id> blob <size>`, the bytes and a line feed.
fn split_batch(out: &[u8], count: usize) -> Option<Vec<Vec<u8>>> {
    let mut rest = out;
    let mut contents = Vec::with_capacity(count);
    for _ in 0..count {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&rest[..end]).ok()?;
        let size: usize = header.rsplit(' ').next()?.parse().ok()?;
        let body = rest.get(end + 1..end + 1 + size)?;
        contents.push(body.to_vec());
        rest = rest.get(end + 2 + size..).unwrap_or_default();
    }
    Some(contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_gives_the_files_below_the_folder() {
        let listing = b"100644 blob aaa\tmeetings/m/meeting.yaml\x00100644 blob bbb\tmeetings/m/bilag/x.png\x00120000 blob ccc\tmeetings/m/link\x00160000 commit ddd\tmeetings/m/sub\0";
        let got = blobs(listing, "meetings/m");
        assert_eq!(
            got,
            vec![
                ("aaa".to_string(), PathBuf::from("meeting.yaml")),
                ("bbb".to_string(), PathBuf::from("bilag/x.png")),
            ]
        );
    }

    #[test]
    fn a_followed_log_gives_each_commit_with_its_path_oldest_first() {
        let log = "commit bbb\n\nmeetings/2026-03-12/meeting.yaml\ncommit aaa\n\nmeetings/2026-03-11/meeting.yaml\n";
        assert_eq!(
            changes(log),
            vec![
                (
                    "aaa".to_string(),
                    "meetings/2026-03-11/meeting.yaml".to_string()
                ),
                (
                    "bbb".to_string(),
                    "meetings/2026-03-12/meeting.yaml".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_batch_output_is_split_by_its_sizes() {
        let out = b"aaa blob 3\nab\n\nbbb blob 0\n\n";
        assert_eq!(
            split_batch(out, 2),
            Some(vec![b"ab\n".to_vec(), Vec::new()])
        );
        assert_eq!(split_batch(b"aaa blob 9\nab\n", 1), None);
    }
}
