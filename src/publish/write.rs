//! Writing outputs: each file through a temporary file and a rename, and
//! whether a path lies inside a tree.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::paths;
use crate::tr;

/// Writes `bytes` to a temporary file beside `path` and renames it into
/// place, so that readers see the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_through_temporary(path, bytes, true)
}

/// Writes `bytes` to `path` as [`write_atomic`] does, unless the file holds
/// them already (then it is left alone, its time of change too, so a
/// deployment copies only what changed), and without waiting for the disk
/// to have each file: for the many small files `rk index` makes anew on
/// every run (a feed per case), which the next run makes again, so that
/// thousands are written without a sync each. True when it wrote.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    write_through_temporary(path, bytes, false)?;
    Ok(true)
}

/// A temporary file beside `path` with `bytes`, synced to the disk when
/// `sync`, renamed into place.
fn write_through_temporary(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)
        .with_context(|| tr!("error-cannot-create", path = dir.display().to_string()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rk-").suffix(".tmp");
    // Outputs get the permissions of any new file (0666 less the umask),
    // not the owner-only ones of a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| tr!("error-cannot-write-in", path = dir.display().to_string()))?;
    file.write_all(bytes)
        .and_then(|()| {
            if sync {
                file.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .with_context(|| tr!("error-cannot-write", path = path.display().to_string()))?;
    file.persist(path)
        .with_context(|| tr!("error-cannot-write", path = path.display().to_string()))?;
    Ok(())
}

/// True when `path` lies inside `tree`, as written or through links: the
/// part of each that exists is resolved by the file system.
pub fn is_inside(path: &Path, tree: &Path) -> bool {
    lexical(path).starts_with(lexical(tree)) || resolved(path).starts_with(resolved(tree))
}

/// `path` with its longest existing part resolved (links followed) and
/// the rest appended as written.
fn resolved(path: &Path) -> PathBuf {
    let path = lexical(path);
    let mut rest = Vec::new();
    let mut existing = path.as_path();
    loop {
        if let Ok(real) = paths::canonical(existing) {
            return rest.iter().rev().fold(real, |acc, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return path,
        }
    }
}

/// A path with `.` and `..` worked out, without asking the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
