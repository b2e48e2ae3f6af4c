//! The manifest of `rk build --all`: `<out>/.rk-manifest.json` records,
//! for each meeting built there and each document of it (by the outputs'
//! stem: `referat`, `referat-internt`), a digest of everything its outputs
//! were made from and the files rk wrote. A meeting whose digest is unchanged
//! and whose files are all still there is skipped; a meeting that is gone
//! from the sources has its recorded files removed.
//!
//! Each record also keeps the meeting's stamp, what the file system says of
//! the same sources without reading them, so that an unchanged meeting is
//! known without reading it again (see the fingerprint module, which reads the manifest).
//!
//! The digest is SipHash-1-3 with 128 bits and fixed keys: a specified
//! algorithm (the same bytes give the same digest in every build of rk, as
//! the std hasher does not promise), fast, and already built with the
//! typesetting engine, which uses it for its own caches.

use std::collections::BTreeMap;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::model::Meeting;
use crate::paths;
use crate::publish::write::write_atomic;
use crate::tr;

/// The manifest's file name in the output tree.
pub const FILE: &str = ".rk-manifest.json";

/// The manifest's format; another one is read as empty (everything is
/// built again).
const FORMAT: u32 = 1;

/// How deep a meeting folder is read for its digest (bilag/ and below).
const MAX_DEPTH: usize = 16;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// By meeting (its folder's name, which is its output folder's), then
    /// by document.
    meetings: BTreeMap<String, BTreeMap<String, Entry>>,
}

/// One meeting's last successful build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The digest of its inputs, 32 hex digits.
    pub inputs: String,
    /// The digest of its inputs' sizes, times and inodes, when it could be
    /// trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<String>,
    /// The files written, relative to the meeting's output folder, with
    /// `/` between the parts.
    pub outputs: Vec<String>,
}

impl Manifest {
    /// The manifest in `out_root`; empty when there is none, or one this
    /// rk cannot read (then every meeting is built).
    pub fn read(out_root: &Path) -> Manifest {
        fs::read(out_root.join(FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|manifest| manifest.format == FORMAT)
            .unwrap_or_default()
    }

    /// Writes the manifest to `out_root` (atomically: a reader sees the
    /// old one or the new one).
    pub fn write(&mut self, out_root: &Path) -> Result<()> {
        self.format = FORMAT;
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        write_atomic(&out_root.join(FILE), text.as_bytes())
    }

    /// Whether the last build of document `stem` of meeting `id` was made
    /// from `inputs` and left every file it wrote in `out_dir`.
    pub fn is_current(&self, id: &str, stem: &str, inputs: &str, out_dir: &Path) -> bool {
        self.entry(id, stem)
            .is_some_and(|entry| entry.inputs == inputs && entry.is_whole(out_dir))
    }

    /// Whether the last build of document `stem` of meeting `id` recorded
    /// `stamp` and left every file it wrote in `out_dir`.
    pub fn is_stamped(&self, id: &str, stem: &str, stamp: &str, out_dir: &Path) -> bool {
        self.entry(id, stem)
            .is_some_and(|entry| entry.stamp.as_deref() == Some(stamp) && entry.is_whole(out_dir))
    }

    /// Records `stamp` for the last build of document `stem` of meeting
    /// `id`, found current by its inputs.
    pub fn restamp(&mut self, id: &str, stem: &str, stamp: String) {
        if let Some(entry) = self
            .meetings
            .get_mut(id)
            .and_then(|documents| documents.get_mut(stem))
        {
            entry.stamp = Some(stamp);
        }
    }

    pub fn entry(&self, id: &str, stem: &str) -> Option<&Entry> {
        self.meetings.get(id)?.get(stem)
    }

    /// Records a successful build of document `stem` of meeting `id`.
    pub fn record(&mut self, id: &str, stem: &str, entry: Entry) {
        self.meetings
            .entry(id.to_string())
            .or_default()
            .insert(stem.to_string(), entry);
    }

    /// Drops the record of document `stem` of meeting `id`; whether there
    /// was one.
    pub fn forget(&mut self, id: &str, stem: &str) -> bool {
        let Some(documents) = self.meetings.get_mut(id) else {
            return false;
        };
        let had = documents.remove(stem).is_some();
        if documents.is_empty() {
            self.meetings.remove(id);
        }
        had
    }

    /// The meetings recorded.
    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.meetings.keys()
    }

    /// Drops every record of meeting `id`, and returns them.
    pub fn remove(&mut self, id: &str) -> Vec<Entry> {
        self.meetings
            .remove(id)
            .map(|documents| documents.into_values().collect())
            .unwrap_or_default()
    }
}

impl Entry {
    /// Whether every file the build wrote is still in `out_dir`.
    fn is_whole(&self, out_dir: &Path) -> bool {
        !self.outputs.is_empty() && self.outputs.iter().all(|file| out_dir.join(file).is_file())
    }
}

/// Drops document `stem` of `meetings` from the manifest in `out_root`,
/// if there is one: a build without `--all` writes their outputs, perhaps
/// with other options, so the next `--all` build makes them again.
pub fn forget(out_root: &Path, stem: &str, meetings: &[Meeting]) -> Result<()> {
    if !out_root.join(FILE).is_file() {
        return Ok(());
    }
    let mut manifest = Manifest::read(out_root);
    let mut changed = false;
    for meeting in meetings {
        changed |= manifest.forget(&meeting.id, stem);
    }
    if changed {
        manifest.write(out_root)?;
    }
    Ok(())
}

/// Every file under `dir` (not the temporary files of a write), relative to
/// it, in name order: what a build left in a meeting's output folder.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    list(dir, "", &mut found);
    found.sort();
    found
}

fn list(dir: &Path, prefix: &str, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let relative = format!("{prefix}{name}");
        if kind.is_dir() {
            list(&entry.path(), &format!("{relative}/"), found);
        } else if kind.is_file() && !(name.starts_with(".rk-") && name.ends_with(".tmp")) {
            found.push(relative);
        }
    }
}

/// Removes the files `entry` records in `out_dir`, then the folders they
/// leave empty, `out_dir` too; files rk did not record stay.
pub fn remove_outputs(out_dir: &Path, entry: &Entry) -> Result<()> {
    for file in &entry.outputs {
        // Recorded by rk, but read from disk: nothing outside `out_dir`.
        if file.split('/').any(|part| part == ".." || part.is_empty()) {
            continue;
        }
        let path = out_dir.join(file);
        if path.is_file() {
            fs::remove_file(&path)
                .with_context(|| tr!("error-cannot-remove", path = paths::shown(&path)))?;
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(out_dir)) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

/// A 128-bit digest, written into in parts.
pub struct Digest(SipHasher13);

impl Default for Digest {
    fn default() -> Self {
        Digest(SipHasher13::new_with_keys(0, 0))
    }
}

impl Digest {
    /// Adds `bytes`, preceded by their length, so that two runs of parts
    /// cannot give the same stream.
    pub fn add(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(&(bytes.len() as u64).to_le_bytes());
        self.0.write(bytes);
        self
    }

    pub fn add_u128(&mut self, value: u128) -> &mut Self {
        self.add(&value.to_le_bytes())
    }

    pub fn finish(&self) -> u128 {
        self.0.finish128().as_u128()
    }
}

/// The digest of a meeting folder: the path and bytes of every file in
/// it, at any depth (links followed), in name order.
pub fn folder_digest(dir: &Path) -> Result<u128> {
    let mut digest = Digest::default();
    add_folder(&mut digest, dir, dir, 0)?;
    Ok(digest.finish())
}

fn add_folder(digest: &mut Digest, root: &Path, dir: &Path, depth: usize) -> Result<()> {
    for path in sorted_entries(dir)? {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        digest.add(relative.to_string_lossy().as_bytes());
        if path.is_dir() {
            if depth < MAX_DEPTH {
                add_folder(digest, root, &path, depth + 1)?;
            }
        } else if path.is_file() {
            let bytes = fs::read(&path)
                .with_context(|| tr!("error-cannot-read", path = paths::shown(&path)))?;
            digest.add(&bytes);
        }
    }
    Ok(())
}

/// What the file system says of a meeting folder's files, without reading
/// them.
pub struct Stat {
    /// The digest of the path, size, times and inode of every file in it,
    /// at any depth (links followed), in name order.
    pub digest: u128,
    /// When the last of them changed (its contents or, where the system
    /// keeps it, its status), in nanoseconds since 1970.
    pub latest: i128,
}

/// The [`Stat`] of a meeting folder.
pub fn folder_stat(dir: &Path) -> Result<Stat> {
    let mut stat = Stat {
        digest: 0,
        latest: i128::MIN,
    };
    let mut digest = Digest::default();
    add_stats(&mut digest, &mut stat.latest, dir, dir, 0)?;
    stat.digest = digest.finish();
    Ok(stat)
}

fn add_stats(
    digest: &mut Digest,
    latest: &mut i128,
    root: &Path,
    dir: &Path,
    depth: usize,
) -> Result<()> {
    for path in sorted_entries(dir)? {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        digest.add(relative.to_string_lossy().as_bytes());
        let Ok(meta) = fs::metadata(&path) else {
            // A dangling link: its name is all there is, as for the digest.
            continue;
        };
        let (modified, changed, inode) = times(&meta);
        *latest = (*latest).max(modified).max(changed);
        if meta.is_dir() {
            if depth < MAX_DEPTH {
                add_stats(digest, latest, root, &path, depth + 1)?;
            }
        } else if meta.is_file() {
            digest.add(&meta.len().to_le_bytes());
            digest.add(&modified.to_le_bytes());
            digest.add(&changed.to_le_bytes());
            digest.add(&inode.to_le_bytes());
        }
    }
    Ok(())
}

/// A file's modification time, its status change time and its inode (the
/// last two where the system has them: an edit that sets the
/// modification time back still changes the status change time).
fn times(meta: &fs::Metadata) -> (i128, i128, u64) {
    let modified = meta.modified().map_or(i128::MAX, nanos);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
        (modified, changed, meta.ino())
    }
    #[cfg(not(unix))]
    {
        (modified, modified, 0)
    }
}

/// A time as nanoseconds since 1970 (negative before).
pub fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

/// The paths in `dir`, in name order.
fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| tr!("error-cannot-read", path = paths::shown(dir)))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .with_context(|| tr!("error-cannot-read", path = paths::shown(dir)))?;
    entries.sort();
    Ok(entries)
}

/// A digest as 32 hex digits.
pub fn hex(value: u128) -> String {
    format!("{value:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_the_same_in_every_build_and_tells_parts_apart() {
        let mut one = Digest::default();
        one.add(b"ab").add(b"c");
        let mut two = Digest::default();
        two.add(b"a").add(b"bc");
        assert_ne!(one.finish(), two.finish());
        // A fixed value: a change of algorithm or keys shows here.
        assert_eq!(
            hex(Digest::default().add(b"rk").finish()),
            "d51d5621f3f5d5edb79d6426c891ad60"
        );
    }
}
