//! out/oparl/: the archive as OParl 1.1 (the objects are made in
//! [`crate::render::oparl`]), each file written through a temporary file
//! and a rename, and only when its text changed, so that a run over an
//! unchanged archive writes nothing. A file an earlier run wrote that this
//! run does not make is a deleted object: marked deleted where OParl keeps
//! it, removed where not.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::paths;
use crate::publish::write::write_atomic;
use crate::render::oparl::{self, FOLDER, MeetingRecord, OparlSettings};
use crate::tr;

/// What writing out/oparl/ did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OparlWritten {
    /// The files of this run's objects and lists.
    pub files: usize,
    /// Of these, the ones whose text changed (or that are new).
    pub changed: usize,
    /// Files of an earlier run whose objects are gone, marked deleted.
    pub deleted: usize,
    /// Files of an earlier run that are gone (list pages, parts of a
    /// meeting), removed.
    pub removed: usize,
}

/// How many files are written at once, on every core: enough to keep
/// them busy, few enough that the archive is never held whole.
const BATCH: usize = 256;

/// Writes the objects of `records` into `out`/oparl/, a batch at a time as
/// they are made; then marks deleted (or removes) what an earlier run
/// wrote and this one did not.
pub fn write(
    records: &[MeetingRecord],
    settings: OparlSettings<'_>,
    out: &Path,
) -> Result<OparlWritten> {
    let mut made: HashSet<PathBuf> = HashSet::new();
    let mut batch: Vec<(PathBuf, String)> = Vec::with_capacity(BATCH);
    let mut written = OparlWritten::default();
    let flush = |batch: &mut Vec<(PathBuf, String)>, written: &mut OparlWritten| {
        let changed = batch
            .par_iter()
            .map(|(path, text)| write_changed(path, text))
            .collect::<Result<Vec<bool>>>()?;
        written.files += batch.len();
        written.changed += changed.into_iter().filter(|c| *c).count();
        batch.clear();
        anyhow::Ok(())
    };
    oparl::files(records, settings, &mut |(path, text)| {
        let path = out.join(path);
        made.insert(path.clone());
        batch.push((path, text));
        if batch.len() == BATCH {
            flush(&mut batch, &mut written)?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut written)?;
    mark_gone(out, &made, &mut written)?;
    Ok(written)
}

/// The files under `out`/oparl/ that this run did not make: an object
/// OParl keeps is marked deleted, anything else removed.
fn mark_gone(out: &Path, made: &HashSet<PathBuf>, written: &mut OparlWritten) -> Result<()> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    for old in json_files(&out.join(FOLDER))? {
        if made.contains(&old) {
            continue;
        }
        let text = fs::read_to_string(&old).unwrap_or_default();
        match oparl::deleted(&text, now) {
            Some(marked) => {
                if write_changed(&old, &marked)? {
                    written.deleted += 1;
                }
            }
            None => {
                fs::remove_file(&old)
                    .with_context(|| tr!("error-cannot-remove", path = paths::shown(&old)))?;
                written.removed += 1;
            }
        }
    }
    Ok(())
}

/// Writes `text` to `path` unless it holds that already; true when it
/// wrote.
fn write_changed(path: &Path, text: &str) -> Result<bool> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    write_atomic(path, text.as_bytes())?;
    Ok(true)
}

/// Every `.json` file under `dir`, none when it does not exist.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .with_context(|| tr!("error-cannot-read", path = paths::shown(&folder)))?
                .path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Removes `out`/oparl/, which an earlier run with a site address wrote:
/// without the address its objects' ids would be wrong. Returns the folder
/// when there was one.
pub fn remove(out: &Path) -> Result<Option<PathBuf>> {
    let dir = out.join(FOLDER);
    if !dir.is_dir() {
        return Ok(None);
    }
    fs::remove_dir_all(&dir)
        .with_context(|| tr!("error-cannot-remove", path = paths::shown(&dir)))?;
    Ok(Some(dir))
}
