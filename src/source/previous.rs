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

/// The latest of `folders` held earlier than `date` in the same year by
/// `body`, with its last top-level item.
pub fn previous_of(folders: &[PathBuf], body: &str, date: Date) -> Option<PreviousMeeting> {
    let mut earlier: Vec<(Date, &PathBuf)> = folders
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
                &[n] => Some(n),
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
