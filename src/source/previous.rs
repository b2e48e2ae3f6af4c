//! For items numbered through the year: the same body's previous meeting
//! of the year, read only as far as the numbering needs (its body and its
//! items' numbers), with the loader's own readers.

use std::fs;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::model::{ItemNumber, Meeting, PreviousMeeting};
use crate::source::decode::{self, Decoded};
use crate::source::yaml::{self, Node, Value};
use crate::source::{item_paths, split_front_matter};

/// The latest of `folders` (the project's meeting folders) held earlier
/// than `meeting` in the same year by the same body, with its last
/// top-level item. `None` when there is none, or when the meeting's own
/// body or date is not known, or when that meeting's numbers cannot be read.
pub fn previous_meeting(folders: &[PathBuf], meeting: &Meeting) -> Option<PreviousMeeting> {
    previous_of(
        folders,
        &meeting.body.as_ref()?.value,
        meeting.calendar_date()?,
    )
}

/// The latest of `folders` (sorted by name, as [`crate::project::Project::meetings`]
/// gives them) held earlier than `date` in the same year by `body`, with its
/// last top-level item.
pub fn previous_of(folders: &[PathBuf], body: &str, date: Date) -> Option<PreviousMeeting> {
    // A folder named by a date begins with it: those of the year before
    // `date` lie together, found without reading every name of a large
    // archive.
    let name = |dir: &PathBuf| dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let (year, day) = (format!("{:04}-", date.year()), date.to_string());
    let first = folders.partition_point(|dir| name(dir).is_some_and(|n| n < year));
    let end = folders.partition_point(|dir| name(dir).is_some_and(|n| n < day));
    let mut earlier: Vec<(Date, &PathBuf)> = folders[first..end.max(first)]
        .iter()
        .filter_map(|dir| {
            let name = dir.file_name()?.to_str()?;
            let held = Date::of_meeting_name(name)?;
            (held.year() == date.year() && held < date).then_some((held, dir))
        })
        .collect();
    earlier.sort();
    let dir = earlier
        .into_iter()
        .rev()
        .map(|(_, dir)| dir)
        .find(|dir| body_of(dir).is_some_and(|b| crate::model::same_name(&b, body)))?;
    Some(PreviousMeeting {
        id: dir.file_name()?.to_string_lossy().into_owned(),
        last: last_top_level_item(dir)?,
    })
}

/// The `body` of the meeting.yaml in `dir`.
fn body_of(dir: &Path) -> Option<String> {
    let text = read(&dir.join("meeting.yaml"))?;
    let root = yaml::parse(&text, 0).ok()??;
    field(&root, "body").map(|b| b.trim().to_string())
}

/// The greatest top-level item number of the meeting in `dir`.
fn last_top_level_item(dir: &Path) -> Option<u32> {
    item_paths(dir, &super::Overlay::default())
        .ok()?
        .iter()
        .filter_map(|path| {
            let text = read(path)?;
            let split = split_front_matter(&text).ok()??;
            let root = yaml::parse(&text[split.yaml.clone()], 0).ok()??;
            match ItemNumber::parse(field(&root, "number")?)?.0.as_slice() {
                &[part] => Some(part.n),
                _ => None,
            }
        })
        .max()
}

/// A file's text, decoded as the loader decodes it (a BOM, UTF-16).
fn read(path: &Path) -> Option<String> {
    match decode::decode(fs::read(path).ok()?) {
        Decoded::Text(text) => Some(text),
        Decoded::Invalid { .. } => None,
    }
}

/// The text of the field `name` of a mapping.
fn field<'n>(node: &'n Node, name: &str) -> Option<&'n str> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(key, _)| key.as_str() == Some(name))
        .and_then(|(_, value)| value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Meeting folders in a scratch folder, each `(name, body, last item)`.
    fn folders(meetings: &[(&str, &str, u32)]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let root = tempfile::tempdir().unwrap();
        let mut dirs = Vec::new();
        for (name, body, last) in meetings {
            let dir = root.path().join(name);
            fs::create_dir(&dir).unwrap();
            fs::write(dir.join("meeting.yaml"), format!("body: {body}\n")).unwrap();
            for number in [1, *last] {
                let item = format!("---\nnumber: \"{number}\"\ntitle: Et punkt\n---\nTekst.\n");
                fs::write(dir.join(format!("{number:02}-punkt.md")), item).unwrap();
            }
            dirs.push(dir);
        }
        dirs.sort();
        (root, dirs)
    }

    #[test]
    fn the_previous_meeting_is_the_same_bodys_latest_earlier_one_of_the_year() {
        let (_root, dirs) = folders(&[
            ("2020-12-01", "Udvalget", 9),
            ("2021-01-05", "Rådet", 3),
            ("2021-02-01", "Udvalget", 5),
            ("2021-02-01-ekstra", "Udvalget", 7),
            ("2021-03-01", "Udvalget", 12),
            ("2022-01-01", "Udvalget", 4),
            ("ekstra", "Udvalget", 20),
        ]);
        let previous = |body: &str, date: &str| {
            previous_of(&dirs, body, Date::parse(date).unwrap()).map(|p| (p.id, p.last))
        };
        assert_eq!(
            previous("Udvalget", "2021-03-01"),
            Some(("2021-02-01-ekstra".to_string(), 7))
        );
        assert_eq!(
            previous("Rådet", "2021-12-31"),
            Some(("2021-01-05".to_string(), 3))
        );
        // Not the year before, not the same day, not another body.
        assert_eq!(previous("Udvalget", "2021-02-01"), None);
        assert_eq!(previous("Udvalget", "2022-01-01"), None);
        assert_eq!(
            previous("Udvalget", "2023-06-01"),
            None,
            "a year without meetings"
        );
        assert_eq!(
            previous("Udvalget", "2022-06-01"),
            Some(("2022-01-01".to_string(), 4))
        );
    }
}
