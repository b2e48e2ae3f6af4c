//! Between the editor's terms and rk's: `file:` URIs and paths, LSP
//! positions (line and UTF-16 column from 0) and byte offsets.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::files::SourceFile;

/// The path of a `file:` URI, or `None` for any other scheme.
pub fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match (bytes[i], hex().and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(out).ok()?;
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path, percent-encoded as editors write it.
pub fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// The LSP range of the bytes `span` of `file`.
pub fn range(file: &SourceFile, span: &std::ops::Range<usize>) -> Value {
    let (line, character) = file.utf16_position(span.start);
    let (end_line, end_character) = file.utf16_position(span.end);
    json!({
        "start": { "line": line, "character": character },
        "end": { "line": end_line, "character": end_character },
    })
}

/// The byte offset of an LSP position in `text`; a position past a line's
/// end is that line's end, past the last line the text's end.
pub fn offset(text: &str, line: usize, character: usize) -> usize {
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

/// The line (from 0) and column (from 0) of a request's `position`.
pub fn position(params: &Value) -> Option<(usize, usize)> {
    let position = params.get("position")?;
    let line = position.get("line")?.as_u64()?;
    let character = position.get("character")?.as_u64()?;
    Some((
        usize::try_from(line).ok()?,
        usize::try_from(character).ok()?,
    ))
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
        assert_eq!(offset(file.text(), 0, 7), x);
        assert_eq!(offset(file.text(), 1, 0), file.text().len() - 1);
        assert_eq!(offset(file.text(), 9, 0), file.text().len());
    }

    #[test]
    fn uris_and_paths_round_trip() {
        let path = Path::new("/home/a b/møde/01-æ.md");
        let uri = uri_of(path);
        assert_eq!(uri, "file:///home/a%20b/m%C3%B8de/01-%C3%A6.md");
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        assert_eq!(path_of("untitled:1"), None);
    }
}
