//! Corrections by addition: an approved meeting's files compared with the
//! version that was approved (the first commit in which meeting.yaml says
//! `status: godkendt`). Any difference is a `changed-after-approval`
//! finding, but for new entries at the end of an item's `berigtigelser`:
//! every byte of meeting.yaml, of the items and of the files beside them
//! (bilag, images) is the approved protocol's.

use std::path::{Path, PathBuf};

use crate::check::findings;
use crate::diag::{Diagnostic, Loc};
use crate::files::{FileId, Files};
use crate::model::Meeting;
use crate::source::corrections::{first_difference, only_added};

/// The approved version of a meeting: the approving commit's short id and
/// date, and its files (path below the meeting folder, bytes).
pub struct ApprovedVersion<'a> {
    pub commit: &'a str,
    pub date: &'a str,
    pub files: &'a [(PathBuf, Vec<u8>)],
}

/// Compares `now` (the meeting folder's files on disk) with `approved`.
pub fn check(
    meeting: &Meeting,
    files: &Files,
    approved: &ApprovedVersion<'_>,
    now: &[(PathBuf, Vec<u8>)],
    diags: &mut Vec<Diagnostic>,
) {
    let yaml_start = Loc::new(meeting.file, 0..0);
    let approving = findings::Approving {
        commit: approved.commit,
        date: approved.date,
    };
    for (path, bytes) in now {
        let loc_at = |at: usize| source_loc(meeting, files, path, bytes, at);
        let Some((_, old)) = approved.files.iter().find(|(p, _)| p == path) else {
            let loc = loc_at(0).unwrap_or_else(|| yaml_start.clone());
            diags.push(findings::added_after_approval(loc, &shown(path), approving));
            continue;
        };
        if old == bytes {
            continue;
        }
        // Line endings aside: git may check a file out with CRLF (Windows'
        // `core.autocrlf`) that it holds with LF, and the outputs are the
        // same.
        let (old_text, new_text) = (lf(old), lf(bytes));
        let at = if is_item(path) {
            match only_added(&old_text, &new_text) {
                Ok(()) => continue,
                Err(at) => at,
            }
        } else if old_text == new_text {
            continue;
        } else {
            first_difference(&old_text, &new_text)
        };
        let loc = loc_at(on_disk(bytes, at)).unwrap_or_else(|| yaml_start.clone());
        diags.push(findings::changed_after_approval(
            loc,
            &shown(path),
            approving,
        ));
    }
    for (path, _) in approved.files {
        if !now.iter().any(|(p, _)| p == path) {
            let loc = yaml_start.clone();
            diags.push(findings::removed_after_approval(
                loc,
                &shown(path),
                approving,
            ));
        }
    }
}

/// A file's text with CRLF line endings as LF (a file that is not UTF-8,
/// such as a PDF, as it is: compared byte for byte, in effect).
fn lf(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.replace("\r\n", "\n"),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The offset in `bytes` of the offset `at` in its [`lf`] text: after as
/// many more bytes as CRLFs came before it.
fn on_disk(bytes: &[u8], at: usize) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return at;
    };
    let (mut seen, mut offset) = (0, 0);
    for (i, c) in text.char_indices() {
        if seen >= at {
            return i;
        }
        if c == '\r' && text[i..].starts_with("\r\n") {
            continue;
        }
        seen += c.len_utf8();
        offset = i + c.len_utf8();
    }
    offset
}

/// An agenda item file: a `.md` directly in the folder, not README.md.
fn is_item(path: &Path) -> bool {
    path.parent().is_some_and(|p| p.as_os_str().is_empty())
        && path.extension().is_some_and(|e| e == "md")
        && path.file_name().is_some_and(|n| n != "README.md")
}

/// The place `at` in a file the run read (meeting.yaml, an item), when its
/// text there is the bytes on disk.
fn source_loc(
    meeting: &Meeting,
    files: &Files,
    path: &Path,
    bytes: &[u8],
    at: usize,
) -> Option<Loc> {
    let full = meeting.dir.join(path);
    let (id, _): (FileId, _) = files
        .iter()
        .find(|(_, f)| f.path() == full && f.text().as_bytes() == bytes)?;
    Some(Loc::new(id, at..at))
}

/// A path below the meeting folder with `/`, as git shows it.
fn shown(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_the_lf_text_map_back_past_each_crlf() {
        let bytes = b"a\r\nb\r\nc";
        let text = lf(bytes);
        assert_eq!(text, "a\nb\nc");
        for (at, want) in [(0, 0), (2, 3), (4, 6)] {
            assert_eq!(
                &text[at..at + 1],
                std::str::from_utf8(&bytes[want..want + 1]).unwrap()
            );
            assert_eq!(on_disk(bytes, at), want, "{at}");
        }
        // A line ending maps to where it starts.
        assert_eq!(on_disk(bytes, 1), 1);
        assert_eq!(on_disk(b"ab", 2), 2);
    }
}
