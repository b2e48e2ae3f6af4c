//! Applying a renumbering: the files renamed and rewritten in steps that
//! are undone when one fails, then the renames put in git's index as `git
//! mv` puts them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Plan;
use crate::tr;

/// Writes the plan: each new text beside its file, then every file out of
/// the way, then every new text into place, then the old texts removed.
/// When a step fails, the steps done are undone, so the folder is as it
/// was, and the error says so.
pub fn apply(plan: &Plan, dir: &Path) -> Result<()> {
    apply_with(plan, dir, &mut |from, to| fs::rename(from, to))
}

/// [`apply`] with the renames of the way forward done by `rename`, so that
/// a test can make one fail.
pub fn apply_with(
    plan: &Plan,
    dir: &Path,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> Result<()> {
    let new_of = |i: usize| dir.join(format!(".rk-renumber-{i}.new"));
    let old_of = |i: usize| dir.join(format!(".rk-renumber-{i}.old"));
    for (i, edit) in plan.edits.iter().enumerate() {
        if let Err(err) = fs::write(new_of(i), &edit.bytes) {
            (0..=i).for_each(|j| drop(fs::remove_file(new_of(j))));
            return Err(err).with_context(|| {
                tr!(
                    "error-renumber-cannot-write-in",
                    path = crate::paths::shown(dir)
                )
            });
        }
    }
    let mut moved_out = 0;
    let mut moved_in = 0;
    let mut result = Ok(());
    for (i, edit) in plan.edits.iter().enumerate() {
        result = rename(&edit.from, &old_of(i))
            .with_context(|| tr!("error-cannot-move", path = crate::paths::shown(&edit.from)));
        if result.is_err() {
            break;
        }
        moved_out += 1;
    }
    if result.is_ok() {
        for (i, edit) in plan.edits.iter().enumerate() {
            result = rename(&new_of(i), &edit.to)
                .with_context(|| tr!("error-cannot-write", path = crate::paths::shown(&edit.to)));
            if result.is_err() {
                break;
            }
            moved_in += 1;
        }
    }
    if let Err(err) = result {
        undo(plan, moved_in, moved_out, &new_of, &old_of);
        return Err(err.context(tr!("error-renumber-undone")));
    }
    for i in 0..plan.edits.len() {
        let _ = fs::remove_file(old_of(i));
    }
    Ok(())
}

/// Puts back what [`apply_with`] did: the first `moved_in` new texts out of
/// their places, the first `moved_out` files back under their names.
fn undo(
    plan: &Plan,
    moved_in: usize,
    moved_out: usize,
    new_of: &dyn Fn(usize) -> PathBuf,
    old_of: &dyn Fn(usize) -> PathBuf,
) {
    for (i, edit) in plan.edits.iter().enumerate().take(moved_in).rev() {
        let _ = fs::rename(&edit.to, new_of(i));
    }
    for (i, edit) in plan.edits.iter().enumerate().take(moved_out).rev() {
        let _ = fs::rename(old_of(i), &edit.from);
    }
    for i in 0..plan.edits.len() {
        let _ = fs::remove_file(new_of(i));
    }
}

/// What became of the renames in git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staged {
    /// The folder is in no git work tree (or git cannot be run): the files
    /// were renamed, and that is all.
    NoGit,
    /// The renames of the files git tracks are in git's index, as `git mv`
    /// puts them (the old content under the new name); how many.
    Renames(usize),
}

/// Moves the index entries of the renamed files that git tracks to their
/// new names, as `git mv` does: `git status` then shows each as a rename,
/// and the new numbers inside as a change not staged. One update of the
/// index (`git update-index --index-info`), after the files are in place.
pub fn stage_renames(plan: &Plan, dir: &Path) -> Result<Staged> {
    let renamed: Vec<(&str, &str)> = plan
        .edits
        .iter()
        .filter(|e| e.from != e.to)
        .filter_map(|e| Some((e.from.file_name()?.to_str()?, e.to.file_name()?.to_str()?)))
        .collect();
    if renamed.is_empty() || git(dir, &["rev-parse", "--is-inside-work-tree"], None).is_err() {
        return Ok(Staged::NoGit);
    }
    // Paths as the index holds them: from the work tree's top.
    let mut args = vec!["ls-files", "--stage", "--full-name", "-z", "--"];
    args.extend(renamed.iter().map(|(from, _)| *from));
    let listing = git(dir, &args, None).map_err(anyhow::Error::msg)?;
    let mut input = Vec::new();
    let mut count = 0;
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((head, name)) = entry.split_once('\t') else {
            continue;
        };
        let (folder, file) = name.rsplit_once('/').unwrap_or(("", name));
        let Some((_, to)) = renamed.iter().find(|(from, _)| *from == file) else {
            continue;
        };
        let to = if folder.is_empty() {
            (*to).to_string()
        } else {
            format!("{folder}/{to}")
        };
        let mut fields = head.split(' ');
        let (Some(mode), Some(object), Some("0")) = (fields.next(), fields.next(), fields.next())
        else {
            bail!(tr!("error-renumber-merge-conflict", file = name));
        };
        input.extend_from_slice(format!("0 {object}\t{name}\0{mode} {object}\t{to}\0").as_bytes());
        count += 1;
    }
    if count > 0 {
        git(dir, &["update-index", "-z", "--index-info"], Some(&input))
            .map_err(anyhow::Error::msg)
            .with_context(|| tr!("error-renumber-index-not-updated"))?;
    }
    Ok(Staged::Renames(count))
}

/// Runs `git ARGS` in `dir` with `input` on its standard input: its
/// standard output, or what it said when it failed or could not be run.
fn git(dir: &Path, args: &[&str], input: Option<&[u8]>) -> std::result::Result<Vec<u8>, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| tr!("error-renumber-git-cannot-run", error = e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.unwrap_or_default())
            .map_err(|e| format!("git: {e}"))?;
    }
    let output = child.wait_with_output().map_err(|e| format!("git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::renumber::FileEdit;

    #[test]
    fn a_failure_at_any_step_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let files = [("29-a.md", "a29"), ("30-b.md", "b30"), ("31-c.md", "c31")];
        for (name, text) in files {
            fs::write(dir.path().join(name), text).unwrap();
        }
        let edit = |from: &str, to: &str, text: &str| FileEdit {
            from: dir.path().join(from),
            to: dir.path().join(to),
            bytes: text.as_bytes().to_vec(),
            changes: Vec::new(),
        };
        // A cycle of names: 31 to 29, 29 to 30, 30 to 31.
        let plan = Plan {
            numbers: Vec::new(),
            edits: vec![
                edit("29-a.md", "30-a.md", "a30"),
                edit("30-b.md", "31-b.md", "b31"),
                edit("31-c.md", "29-c.md", "c29"),
            ],
            mentions: Vec::new(),
        };
        let snapshot = || {
            let mut all: Vec<(String, String)> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| {
                    let e = e.unwrap();
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read_to_string(e.path()).unwrap(),
                    )
                })
                .collect();
            all.sort();
            all
        };
        let before = snapshot();
        // Six renames on the way forward: fail each one in turn.
        for failing in 0..6 {
            let mut count = 0;
            let err = apply_with(&plan, dir.path(), &mut |from, to| {
                count += 1;
                if count == failing + 1 {
                    return Err(io::Error::other("disk full"));
                }
                fs::rename(from, to)
            })
            .unwrap_err();
            assert!(
                format!("{err:#}").contains("nothing was changed"),
                "{err:#}"
            );
            assert_eq!(snapshot(), before, "failing rename {failing}");
        }
        apply(&plan, dir.path()).unwrap();
        let names: Vec<(String, String)> = snapshot();
        assert_eq!(
            names,
            [
                ("29-c.md".to_string(), "c29".to_string()),
                ("30-a.md".to_string(), "a30".to_string()),
                ("31-b.md".to_string(), "b31".to_string())
            ]
        );
    }
}
