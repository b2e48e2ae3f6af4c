//! How `rk build --all` knows that a meeting is unchanged since its last
//! build (the manifest, [`crate::publish::manifest`], records both keys):
//!
//! - its *inputs*: a digest of the bytes of everything its outputs are made
//!   from: its folder, with items numbered through the year also the
//!   earlier meetings of its year (the previous meeting's last item number
//!   is part of the checks), and what the whole run shares (rk, rk.toml,
//!   the layout, the options);
//! - its *stamp*: the same, with each folder's files known by what the file
//!   system says of them without reading them (name, size, times, inode),
//!   as make, cargo's fingerprints and git's index do.
//!
//! A meeting whose stamp is the one recorded is unchanged without a source
//! being read; else its inputs are digested and compared. A stamp is
//! recorded only when it can be trusted: when no file it covers changed
//! within [`RACY`] before the run began, so that a later edit within the
//! file system's time granularity still changes it (git calls such files
//! "racily clean").

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Result;
use rayon::prelude::*;

use crate::config::Numbering;
use crate::date::Date;
use crate::project::Project;
use crate::publish::Plan;
use crate::publish::manifest::{self, Digest};

/// How long before the run a file must have last changed for a stamp that
/// covers it to be trusted: more than the coarsest time granularity of a
/// common file system (FAT's two seconds).
pub(super) const RACY: Duration = Duration::from_secs(3);

/// A meeting's stamp.
pub(super) struct Stamp {
    pub key: String,
    /// Whether it may be recorded: nothing it covers changed lately.
    pub trusted: bool,
}

/// The meeting folders of a run and which of them each meeting's outputs
/// depend on.
pub(super) struct Fingerprint {
    /// The digest of what every meeting of the run shares.
    run: u128,
    /// Every meeting folder of the project, sorted.
    dirs: Vec<PathBuf>,
    position: HashMap<PathBuf, usize>,
    folders: Folders,
    /// When the run began.
    now: SystemTime,
}

/// The names of a project's meeting folders, and which of them each
/// meeting depends on.
struct Folders {
    /// In name order.
    ids: Vec<String>,
    /// With items numbered through the year: the meetings by year.
    by_year: Option<ByYear>,
}

/// The meetings by the year of their folder's name (positions, in name
/// order), and those whose name gives no date.
struct ByYear {
    years: BTreeMap<u32, Vec<usize>>,
    undated: Vec<usize>,
}

impl Folders {
    fn new(ids: Vec<String>, by_year: bool) -> Folders {
        let by_year = by_year.then(|| {
            let mut years: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
            let mut undated = Vec::new();
            for (position, id) in ids.iter().enumerate() {
                match Date::of_meeting_name(id) {
                    Some(date) => years.entry(date.year()).or_default().push(position),
                    None => undated.push(position),
                }
            }
            ByYear { years, undated }
        });
        Folders { ids, by_year }
    }

    /// The folders meeting `own` is made from, by position in order: its
    /// own and, with items numbered through the year, every meeting held
    /// before it in the same year (see [`is_earlier_same_year`]).
    fn sources(&self, own: usize) -> Vec<usize> {
        let Some(ByYear { years, undated }) = &self.by_year else {
            return vec![own];
        };
        let ids = &self.ids;
        let mut sources: Vec<usize> = match Date::of_meeting_name(&ids[own]) {
            Some(date) => {
                let year = years.get(&date.year()).map_or(&[][..], Vec::as_slice);
                let before = year.partition_point(|&other| ids[other] < ids[own]);
                year[..before].iter().chain(undated).copied().collect()
            }
            None => (0..ids.len()).collect(),
        };
        sources.push(own);
        sources.sort_unstable();
        sources.dedup();
        sources
    }
}

impl Fingerprint {
    pub(super) fn new(plan: &Plan, now: SystemTime) -> Fingerprint {
        let project = plan.project;
        let dirs = plan.dirs.clone();
        let ids = dirs.iter().map(|dir| id_of(dir)).collect();
        Fingerprint {
            run: run_digest(project, plan),
            position: dirs.iter().cloned().zip(0..).collect(),
            dirs,
            folders: Folders::new(ids, project.config.numbering == Numbering::Year),
            now,
        }
    }

    /// The stamp of each of `chosen` (meeting folders of the run).
    pub(super) fn stamps(&self, chosen: &[PathBuf]) -> Result<Vec<Stamp>> {
        let stats = self.for_folders(chosen, manifest::folder_stat)?;
        let trusted_before = self.now.checked_sub(RACY).map(manifest::nanos);
        Ok(self
            .sources(chosen)
            .into_iter()
            .map(|sources| {
                let stat = |position: usize| stats[position].as_ref().map(|s| s.digest);
                let latest = sources
                    .iter()
                    .filter_map(|&position| stats[position].as_ref().map(|s| s.latest))
                    .max();
                Stamp {
                    key: self.key(Some(b"stamp"), &sources, stat),
                    trusted: trusted_before
                        .is_some_and(|before| latest.is_none_or(|latest| latest < before)),
                }
            })
            .collect())
    }

    /// The digest of the inputs of each of `chosen`: their bytes are read.
    pub(super) fn inputs(&self, chosen: &[PathBuf]) -> Result<Vec<String>> {
        let digests = self.for_folders(chosen, manifest::folder_digest)?;
        Ok(self
            .sources(chosen)
            .into_iter()
            // No prefix: the inputs' digest is the one of before stamps
            // were kept, so that a manifest written then still holds.
            .map(|sources| self.key(None, &sources, |position| digests[position]))
            .collect())
    }

    /// `value` of each folder some of `chosen` depend on, by position (in
    /// parallel; `None` for a folder none of them needs).
    fn for_folders<T: Send>(
        &self,
        chosen: &[PathBuf],
        value: impl Fn(&Path) -> Result<T> + Sync,
    ) -> Result<Vec<Option<T>>> {
        let mut needed = vec![false; self.dirs.len()];
        for sources in self.sources(chosen) {
            for position in sources {
                needed[position] = true;
            }
        }
        self.dirs
            .par_iter()
            .zip(needed)
            .map(|(dir, needed)| needed.then(|| value(dir)).transpose())
            .collect()
    }

    /// The folders each of `chosen` is made from (see [`Folders::sources`]).
    fn sources(&self, chosen: &[PathBuf]) -> Vec<Vec<usize>> {
        chosen
            .iter()
            // `chosen` are among the run's folders (a share of them).
            .map(|dir| match self.position.get(dir) {
                Some(&own) => self.folders.sources(own),
                None => Vec::new(),
            })
            .collect()
    }

    /// The key of a meeting made from the folders `sources`, with `value`
    /// the digest of each, after `prefix`, which tells keys of different
    /// kinds apart.
    fn key(
        &self,
        prefix: Option<&[u8]>,
        sources: &[usize],
        value: impl Fn(usize) -> Option<u128>,
    ) -> String {
        let mut digest = Digest::default();
        if let Some(prefix) = prefix {
            digest.add(prefix);
        }
        digest.add_u128(self.run);
        for &position in sources {
            digest.add(self.folders.ids[position].as_bytes());
            if let Some(value) = value(position) {
                digest.add_u128(value);
            }
        }
        manifest::hex(digest.finish())
    }
}

/// Whether the meeting in folder `other` is held before the one in `own`
/// in the same year (by the folders' names); for a folder not named by its
/// date, every other one. What [`Folders::sources`] finds quicker.
#[cfg(test)]
fn is_earlier_same_year(other: &str, own: &str) -> bool {
    match (Date::of_meeting_name(other), Date::of_meeting_name(own)) {
        (Some(a), Some(b)) => a.year() == b.year() && other < own,
        _ => other != own,
    }
}

/// The digest of what every meeting of the run shares: rk (its version and
/// the digest of its code, made when it was built), rk.toml, the layout's
/// files, the options that change the outputs and SOURCE_DATE_EPOCH.
fn run_digest(project: &Project, plan: &Plan) -> u128 {
    let mut digest = Digest::default();
    digest.add(env!("CARGO_PKG_VERSION").as_bytes());
    digest.add(env!("RK_SOURCE_DIGEST").as_bytes());
    digest.add(&std::fs::read(project.root.join("rk.toml")).unwrap_or_default());
    digest.add(plan.layout.name.as_bytes());
    for (path, bytes) in plan.layout.files() {
        digest.add(path.as_bytes()).add(bytes);
    }
    let options = format!(
        "document={:?} edition={:?} pdf={} html={} json={} emit-typst={} deny-warnings={} \
         publish={} source-date-epoch={:?}",
        plan.make.document,
        plan.make.edition,
        plan.only.pdf,
        plan.only.html,
        plan.only.json,
        plan.emit_typst,
        plan.deny_warnings,
        plan.publish.is_some(),
        std::env::var("SOURCE_DATE_EPOCH").ok(),
    );
    digest.add(options.as_bytes());
    digest.finish()
}

/// A meeting's id: its folder's name.
pub fn id_of(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_depends_on_the_earlier_meetings_of_its_year() {
        assert!(is_earlier_same_year("2021-01-10", "2021-03-04"));
        assert!(is_earlier_same_year("2021-03-04", "2021-03-04-ekstra"));
        assert!(!is_earlier_same_year("2021-03-04", "2021-01-10"));
        assert!(!is_earlier_same_year("2020-12-20", "2021-01-10"));
        // A folder not named by its date: every other one, to be safe.
        assert!(is_earlier_same_year("2022-05-01", "ekstra"));
    }

    #[test]
    fn the_sources_of_a_meeting_are_those_is_earlier_same_year_names() {
        let ids: Vec<String> = [
            "2020-12-20",
            "2021-01-10",
            "2021-03-04",
            "2021-03-04-ekstra",
            "2021-05-01",
            "2022-01-05",
            "ekstra",
        ]
        .map(String::from)
        .to_vec();
        let folders = Folders::new(ids.clone(), true);
        for own in 0..ids.len() {
            let expected: Vec<usize> = (0..ids.len())
                .filter(|&other| other == own || is_earlier_same_year(&ids[other], &ids[own]))
                .collect();
            assert_eq!(folders.sources(own), expected, "{}", ids[own]);
        }
        let folders = Folders::new(ids.clone(), false);
        assert_eq!(folders.sources(3), [3]);
    }
}
