//! The text of every file a run reads, with line tables so that a byte
//! offset becomes `line:column` (both from 1, columns counted in characters).
//! Findings, the model and the loader name a file by its [`FileId`].

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use codespan_reporting::files::{self as cs_files, Files as CsFiles};

use crate::paths;

/// A file of the run's [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(usize);

/// A file's text, with its path as findings show it and its line table
/// made when first asked for: most files of a run have no finding.
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    display: OnceLock<String>,
    text: String,
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        SourceFile {
            path,
            display: OnceLock::new(),
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// The byte offset where each line starts.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as findings show it: relative to the working directory
    /// where possible, with forward slashes (see [`crate::paths::shown`]).
    pub fn display(&self) -> &str {
        self.display.get_or_init(|| paths::shown(&self.path))
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line and column (from 1) of a byte offset; offsets past the end or
    /// inside a character are clamped to a valid position.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let start = line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Line and column (from 0) of a byte offset, the column in UTF-16
    /// code units: a position as the Language Server Protocol counts it.
    pub fn utf16_position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset) - 1;
        let start = line_starts[line];
        let column = self.text[start..offset].encode_utf16().count();
        (line, column)
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// All files of a run. Ids are indexes and stay valid for the whole run.
#[derive(Debug, Default)]
pub struct Files {
    files: Vec<SourceFile>,
}

impl Files {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile::new(path, text));
        FileId(self.files.len() - 1)
    }

    /// Findings name the file `id` as `display` instead of by its path
    /// (a file read from a scratch copy, named as the file it copies).
    pub fn show_as(&mut self, id: FileId, display: String) {
        if let Some(file) = self.files.get_mut(id.0) {
            file.display = OnceLock::from(display);
        }
    }

    /// How many files the run has read: the id the next one gets.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }

    fn find(&self, id: FileId) -> Result<&SourceFile, cs_files::Error> {
        self.files.get(id.0).ok_or(cs_files::Error::FileMissing)
    }
}

impl<'a> CsFiles<'a> for Files {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, cs_files::Error> {
        self.find(id).map(SourceFile::display)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, cs_files::Error> {
        self.find(id).map(SourceFile::text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, cs_files::Error> {
        let file = self.find(id)?;
        Ok(file.line_col(byte_index).0 - 1)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<Range<usize>, cs_files::Error> {
        let file = self.find(id)?;
        // codespan wants the range including the line ending.
        let line_starts = file.line_starts();
        let start = *line_starts
            .get(line_index)
            .ok_or(cs_files::Error::LineTooLarge {
                given: line_index,
                max: line_starts.len() - 1,
            })?;
        let end = line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_and_survive_crlf() {
        let file = SourceFile::new("x".into(), "ab\r\næøå: x\r\n".into());
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(4), (2, 1));
        // "x" after "æøå: " is the 6th character of line 2.
        let x = file.text().rfind('x').unwrap();
        assert_eq!(file.line_col(x), (2, 6));
    }
}
