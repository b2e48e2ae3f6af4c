//! The approved versions of a project's meetings, read from git once per
//! run: one `git log` names, for every meeting.yaml, the commits that add
//! or remove a line with "godkendt", and one `git cat-file --batch`,
//! asked object by object, gives the texts and folders of those commits.
//! So an archive of approved meetings costs two git processes, not a few
//! per meeting.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use crate::source::git::{Approved, git_said, relative_to};
use crate::tr;

/// A commit that touched a line with "godkendt" in a meeting.yaml: its
/// full id and its date (YYYY-MM-DD).
struct Candidate {
    commit: String,
    date: String,
}

/// The repository's history of approvals, and a reader of its objects.
pub struct History {
    /// The top of the work tree.
    top: PathBuf,
    /// Each meeting.yaml's candidates (path from the top), oldest first.
    candidates: HashMap<String, Vec<Candidate>>,
    objects: Mutex<Objects>,
}

impl History {
    /// The history of the repository that holds `dir`, or why it cannot
    /// be read, in words that follow "not checked: ".
    pub fn read(dir: &Path) -> std::result::Result<History, String> {
        let top = match git_said(dir, &["rev-parse", "--show-toplevel"]) {
            Err(_) => return Err(tr!("error-history-no-git")),
            Ok(Err(_)) => return Err(tr!("error-sent-no-repository")),
            Ok(Ok(top)) => top,
        };
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
        let read = || -> Result<History> {
            Ok(History {
                candidates: candidates(&top)?,
                objects: Mutex::new(Objects::start(&top)?),
                top: top.clone(),
            })
        };
        read().map_err(|e| tr!("error-history-unreadable", error = format!("{e:#}")))
    }

    /// The meeting folder `dir` as the first commit whose meeting.yaml
    /// `approved` holds for (`status: godkendt`) has it.
    pub fn approved_version(&self, dir: &Path, approved: impl Fn(&str) -> bool) -> Approved {
        match self.find(dir, approved) {
            Ok(found) => found,
            Err(e) => Approved::Unknown(format!("{e:#}")),
        }
    }

    fn find(&self, dir: &Path, approved: impl Fn(&str) -> bool) -> Result<Approved> {
        let relative = relative_to(&self.top, dir)?;
        let yaml = format!("{relative}/meeting.yaml");
        let mut objects = self
            .objects
            .lock()
            .map_err(|_| anyhow::anyhow!(tr!("error-history-reader-failed")))?;
        for candidate in self.candidates.get(&yaml).into_iter().flatten() {
            let spec = format!("{}:{yaml}", candidate.commit);
            let Some(text) = objects.get(&spec, "blob")? else {
                continue;
            };
            if approved(&String::from_utf8_lossy(&text)) {
                let mut files = Vec::new();
                let tree = format!("{}:{relative}", candidate.commit);
                let width = candidate.commit.len() / 2;
                objects.files(&tree, width, Path::new(""), &mut files)?;
                files.sort();
                return Ok(Approved::Found {
                    commit: candidate.commit.chars().take(7).collect(),
                    date: candidate.date.clone(),
                    files,
                });
            }
        }
        Ok(Approved::Unknown(tr!(
            "error-history-approval-not-committed"
        )))
    }
}

/// Every meeting.yaml's commits that add or remove a line with
/// "godkendt", oldest first, from one `git log`.
fn candidates(top: &Path) -> Result<HashMap<String, Vec<Candidate>>> {
    let log = git_said(
        top,
        &[
            "-c",
            "core.quotePath=false",
            "log",
            "--reverse",
            "--format=%x01%H %as",
            "--name-only",
            "-G",
            "godkendt",
            "--",
            ":(glob)**/meeting.yaml",
        ],
    )?;
    let log = match log {
        Ok(log) => log,
        // A repository without a commit yet has no history.
        Err(_) => return Ok(HashMap::new()),
    };
    let mut found: HashMap<String, Vec<Candidate>> = HashMap::new();
    for entry in String::from_utf8_lossy(&log).split('\x01') {
        let mut lines = entry.lines();
        let Some((commit, date)) = lines.next().and_then(|l| l.split_once(' ')) else {
            continue;
        };
        for path in lines.filter(|l| !l.is_empty()) {
            found.entry(path.to_string()).or_default().push(Candidate {
                commit: commit.to_string(),
                date: date.to_string(),
            });
        }
    }
    Ok(found)
}

/// A `git cat-file --batch` process, asked one object at a time.
struct Objects {
    child: Child,
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
}

impl Objects {
    fn start(top: &Path) -> Result<Objects> {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| tr!("error-git-cat-file"))?;
        let input = child
            .stdin
            .take()
            .with_context(|| tr!("error-git-cat-file"))?;
        let output = child
            .stdout
            .take()
            .with_context(|| tr!("error-git-cat-file"))?;
        Ok(Objects {
            child,
            input: Some(input),
            output: BufReader::new(output),
        })
    }

    /// The object `spec` names (`<commit>:<path>` or an id) when it is of
    /// the type `kind`; `None` when there is no such object.
    fn get(&mut self, spec: &str, kind: &str) -> Result<Option<Vec<u8>>> {
        if spec.contains('\n') {
            return Ok(None);
        }
        let input = self
            .input
            .as_mut()
            .with_context(|| tr!("error-git-cat-file-closed"))?;
        writeln!(input, "{spec}")
            .and_then(|()| input.flush())
            .with_context(|| tr!("error-git-cat-file-write"))?;
        let mut header = String::new();
        self.output
            .read_line(&mut header)
            .with_context(|| tr!("error-git-cat-file-read"))?;
        let mut words = header.trim_end().rsplitn(3, ' ');
        let (Some(size), Some(found)) = (words.next(), words.next()) else {
            bail!(tr!("error-git-cat-file-said", said = format!("{header:?}")));
        };
        // `<spec> missing`: no such object, and nothing follows.
        let Ok(size) = size.parse::<usize>() else {
            return Ok(None);
        };
        let mut body = vec![0; size + 1];
        self.output
            .read_exact(&mut body)
            .with_context(|| tr!("error-git-cat-file-read"))?;
        body.pop();
        Ok((found == kind).then_some(body))
    }

    /// The files of the tree `spec` (path below it, bytes), pushed to
    /// `files` with `prefix` before each path; ids are `width` bytes.
    /// Links, submodules and hidden names (`.DS_Store`) are left out, as
    /// the folder on disk is read.
    fn files(
        &mut self,
        spec: &str,
        width: usize,
        prefix: &Path,
        files: &mut Vec<(PathBuf, Vec<u8>)>,
    ) -> Result<()> {
        let Some(tree) = self.get(spec, "tree")? else {
            return Ok(());
        };
        for entry in entries(&tree, width) {
            if entry.name.starts_with('.') || entry.name.contains(['/', '\\']) {
                continue;
            }
            let path = prefix.join(&entry.name);
            match entry.mode.as_str() {
                "40000" => self.files(&entry.id, width, &path, files)?,
                "100644" | "100755" => {
                    if let Some(bytes) = self.get(&entry.id, "blob")? {
                        files.push((path, bytes));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

impl Drop for Objects {
    fn drop(&mut self) {
        // Closing its input ends git cat-file.
        self.input.take();
        let _ = self.child.wait();
    }
}

/// One entry of a git tree object: `<mode> <name>\0<id bytes>`.
#[derive(Debug, PartialEq)]
struct Entry {
    mode: String,
    name: String,
    /// In hex.
    id: String,
}

/// The entries of a tree object whose ids are `width` bytes; a malformed
/// rest is left out.
fn entries(tree: &[u8], width: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut rest = tree;
    while let Some(space) = rest.iter().position(|&b| b == b' ') {
        let Some(nul) = rest[space..]
            .iter()
            .position(|&b| b == 0)
            .map(|n| n + space)
        else {
            break;
        };
        let Some(id) = rest.get(nul + 1..nul + 1 + width) else {
            break;
        };
        out.push(Entry {
            mode: String::from_utf8_lossy(&rest[..space]).into_owned(),
            name: String::from_utf8_lossy(&rest[space + 1..nul]).into_owned(),
            id: id.iter().map(|b| format!("{b:02x}")).collect(),
        });
        rest = &rest[nul + 1 + width..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_object_is_read_entry_by_entry() {
        let mut tree = b"100644 meeting.yaml\0".to_vec();
        tree.extend([0xab; 20]);
        tree.extend(b"40000 bilag\0");
        tree.extend([0x01; 20]);
        let got = entries(&tree, 20);
        assert_eq!(
            got,
            vec![
                Entry {
                    mode: "100644".into(),
                    name: "meeting.yaml".into(),
                    id: "ab".repeat(20),
                },
                Entry {
                    mode: "40000".into(),
                    name: "bilag".into(),
                    id: "01".repeat(20),
                },
            ]
        );
        // Cut short: what is whole is kept.
        assert_eq!(entries(&tree[..50], 20).len(), 1);
    }
}
