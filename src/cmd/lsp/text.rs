//! Between the editor's terms and rk's: `file:` URIs and paths (through
//! the `url` crate, as rust-analyzer converts them: `file:///C:/x` and
//! `file:///c%3A/x` both name `C:\x` on Windows), LSP positions (line and
//! UTF-16 column from 0) and byte offsets.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Url};

use crate::files::SourceFile;

/// The path of a `file:` URI, or `None` for any other scheme or a URI that
/// names no path on this system (`file:///c%3A/x` is none on Linux).
pub fn path_of(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    uri.to_file_path().ok()
}

/// The `file:` URI of an absolute path; `None` for a relative one.
pub fn uri_of(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

/// The LSP range of the bytes `span` of `file`.
pub fn range(file: &SourceFile, span: &std::ops::Range<usize>) -> Range {
    Range::new(position(file, span.start), position(file, span.end))
}

fn position(file: &SourceFile, offset: usize) -> Position {
    let (line, character) = file.utf16_position(offset);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Position::new(count(line), count(character))
}

/// The byte offset of an LSP position in `text`; a position past a line's
/// end is that line's end, past the last line the text's end.
pub fn offset(text: &str, at: Position) -> usize {
    let (line, character) = (at.line as usize, at.character as usize);
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let file = SourceFile::new("x".into(), "æø: 😀 x\nb".into());
        let x = file.text().find('x').unwrap();
        // æ ø : space (4), the emoji (2 units), space: x at 7.
        assert_eq!(file.utf16_position(x), (0, 7));
        assert_eq!(
            range(&file, &(x..x + 1)),
            Range::new(Position::new(0, 7), Position::new(0, 8))
        );
        assert_eq!(offset(file.text(), Position::new(0, 7)), x);
        assert_eq!(
            offset(file.text(), Position::new(1, 0)),
            file.text().len() - 1
        );
        assert_eq!(offset(file.text(), Position::new(9, 0)), file.text().len());
    }

    /// The URI a client sends is the one rk answers under, spelt as the
    /// client spelt it: VS Code's `c%3A` and the `C:` of others alike.
    #[test]
    fn a_clients_uri_is_kept_as_written() {
        for uri in [
            "file:///C:/Users/Referent/r%C3%A5d/meetings/2020-11-25/02-01-x.md",
            "file:///c%3A/Users/Referent/r%C3%A5d/meetings/2020-11-25/02-01-x.md",
            "file:///home/referent/r%C3%A5d/meetings/2020-11-25/02-01-x.md",
        ] {
            assert_eq!(Url::parse(uri).unwrap().as_str(), uri);
        }
    }

    #[test]
    fn only_file_uris_are_paths() {
        let not_files = [
            "untitled:Untitled-1",
            "https://kl.dk/x.md",
            "vscode-notebook-cell:/x.md",
        ];
        for uri in not_files {
            assert_eq!(path_of(&Url::parse(uri).unwrap()), None, "{uri}");
        }
        assert_eq!(uri_of(Path::new("meetings/2020-11-25/01.md")), None);
    }

    #[cfg(unix)]
    #[test]
    fn unix_paths_and_uris_round_trip() {
        let path = Path::new("/home/a b/møde/01-æ%#?.md");
        let uri = uri_of(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/a%20b/m%C3%B8de/01-%C3%A6%25%23%3F.md"
        );
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let parse = |uri| path_of(&Url::parse(uri).unwrap());
        // As editors write it: every byte but the unreserved escaped.
        assert_eq!(
            parse("file:///home/a%20b/m%C3%B8de/01-%C3%A6%25%23%3F.md").as_deref(),
            Some(path)
        );
        assert_eq!(
            parse("file://localhost/home/x.md").as_deref(),
            Some(Path::new("/home/x.md"))
        );
        // A Windows drive names no path here: the file is not found, not
        // taken for another.
        assert_eq!(
            parse("file:///c%3A/x.md").as_deref(),
            Some(Path::new("/c:/x.md"))
        );
    }

    /// What the Wine step of scripts/windows.sh shows end to end; run by
    /// `cargo test` on Windows.
    #[cfg(windows)]
    #[test]
    fn windows_paths_and_uris_round_trip() {
        let parse = |uri| path_of(&Url::parse(uri).unwrap());
        let path = Path::new(r"C:\Users\a b\møde\01-æ.md");
        for uri in [
            "file:///C:/Users/a%20b/m%C3%B8de/01-%C3%A6.md",
            "file:///C%3A/Users/a%20b/m%C3%B8de/01-%C3%A6.md",
        ] {
            assert_eq!(parse(uri).as_deref(), Some(path), "{uri}");
        }
        assert_eq!(
            parse("file:///c%3A/Users/x.md").as_deref(),
            Some(Path::new(r"c:\Users\x.md"))
        );
        assert_eq!(
            uri_of(path).unwrap().as_str(),
            "file:///C:/Users/a%20b/m%C3%B8de/01-%C3%A6.md"
        );
        assert_eq!(
            parse("file://server/share/x.md").as_deref(),
            Some(Path::new(r"\\server\share\x.md"))
        );
    }
}
