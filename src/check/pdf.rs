//! What `inaccessible-pdf` reads of a PDF: whether its catalog has tags
//! (`/StructTreeRoot`, `/MarkInfo` with `/Marked true`) and a language
//! (`/Lang`), or why it cannot be read. Only the catalog is looked at (the
//! parser opens the page tree, not the pages' content), and what was found is kept by the file's size and time of
//! change, so that `rk lsp` and `rk watch`, which check on every save,
//! read a PDF again only when it changed. The rule is in bilag.rs.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use std::time::SystemTime;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, String as PdfString};

/// What a PDF lacks, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Tagged, marked and with a language; or not a PDF at all.
    Fine,
    Lacks(Lacks),
    Unreadable(Unreadable),
}

/// What an accessible PDF has and this one does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lacks {
    /// No `/StructTreeRoot` in the catalog: no tags.
    pub structure: bool,
    /// No `/MarkInfo << /Marked true >>`: not declared a tagged PDF.
    pub marked: bool,
    /// No `/Lang` (or an empty one) in the catalog.
    pub language: bool,
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The file could not be read (the I/O error's text).
    Io(String),
    /// Named `.pdf`, but its bytes are not a PDF's.
    NotPdf,
    /// Encrypted with a password to open it.
    Encrypted,
    /// A PDF whose structure cannot be parsed.
    Damaged,
}

/// What is known of a file by its path: its size and time of change then,
/// and the verdict.
type Known = HashMap<PathBuf, (u64, Option<SystemTime>, Verdict)>;

/// The verdicts of this process, for a long-running `rk lsp` or `rk
/// watch`; emptied when it holds [`KEPT`] files, so that it stays small.
static KNOWN: LazyLock<Mutex<Known>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// How many files' verdicts are kept at most.
const KEPT: usize = 4096;

/// The verdict on the file at `path`: kept from an earlier look when its
/// size and time of change are the same.
pub fn verdict(path: &Path) -> Verdict {
    let stamp = std::fs::metadata(path).map(|m| (m.len(), m.modified().ok()));
    let Ok((size, modified)) = stamp else {
        return look(path);
    };
    if let Ok(known) = KNOWN.lock()
        && let Some((s, m, verdict)) = known.get(path)
        && (*s, *m) == (size, modified)
    {
        return verdict.clone();
    }
    let verdict = look(path);
    if let Ok(mut known) = KNOWN.lock() {
        if known.len() >= KEPT {
            known.clear();
        }
        known.insert(path.to_path_buf(), (size, modified, verdict.clone()));
    }
    verdict
}

/// Reads the file at `path`: a PDF's catalog is looked at; a file that is
/// neither named `.pdf` nor starts as a PDF is none of this rule's.
fn look(path: &Path) -> Verdict {
    let named_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(_) if !named_pdf => return Verdict::Fine,
        Err(e) => return Verdict::Unreadable(Unreadable::Io(e.to_string())),
    };
    // A PDF may have a few bytes before its header; 1024 is what readers allow.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return if named_pdf {
            Verdict::Unreadable(Unreadable::NotPdf)
        } else {
            Verdict::Fine
        };
    }
    // The parser is not ours: whatever a damaged file does to it, rk goes on.
    catch_unwind(AssertUnwindSafe(|| catalog_verdict(bytes)))
        .unwrap_or(Verdict::Unreadable(Unreadable::Damaged))
}

/// The verdict on a PDF's catalog.
fn catalog_verdict(bytes: Vec<u8>) -> Verdict {
    let pdf = match Pdf::new(bytes) {
        Ok(pdf) => pdf,
        Err(hayro_syntax::LoadPdfError::Decryption(_)) => {
            return Verdict::Unreadable(Unreadable::Encrypted);
        }
        Err(_) => return Verdict::Unreadable(Unreadable::Damaged),
    };
    let xref = pdf.xref();
    let Some(catalog) = xref.get::<Dict<'_>>(xref.root_id()) else {
        return Verdict::Unreadable(Unreadable::Damaged);
    };
    let marked = catalog
        .get::<Dict<'_>>(b"MarkInfo")
        .and_then(|info| info.get::<bool>(b"Marked"))
        .unwrap_or(false);
    let language = catalog
        .get::<PdfString<'_>>(b"Lang")
        .is_some_and(|lang| has_text(lang.as_bytes()));
    let tree = catalog.get::<Dict<'_>>(b"StructTreeRoot");
    // Named but not there: the file lost what it had.
    if tree.is_none() && catalog.contains_key(b"StructTreeRoot") {
        return Verdict::Unreadable(Unreadable::Damaged);
    }
    let lacks = Lacks {
        structure: tree.is_none(),
        marked: !marked,
        language: !language,
    };
    if lacks == Lacks::default() {
        Verdict::Fine
    } else {
        Verdict::Lacks(lacks)
    }
}

/// True when a PDF text string holds more than spaces and a byte order mark.
fn has_text(bytes: &[u8]) -> bool {
    let bytes = bytes
        .strip_prefix(b"\xFE\xFF")
        .or_else(|| bytes.strip_prefix(b"\xEF\xBB\xBF"))
        .unwrap_or(bytes);
    bytes.iter().any(|b| !b.is_ascii_whitespace() && *b != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_string_of_only_a_byte_order_mark_is_empty() {
        assert!(!has_text(b"\xFE\xFF"));
        assert!(!has_text(b"  "));
        assert!(has_text(b"da"));
        assert!(has_text(b"\xFE\xFF\x00d\x00a"));
    }

    #[test]
    fn the_verdict_is_kept_until_the_file_changes() {
        use crate::rules::{TAGGED_PDF, UNTAGGED_PDF};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bilag.pdf");
        std::fs::write(&path, UNTAGGED_PDF).unwrap();
        let lacks = Lacks {
            structure: true,
            marked: true,
            language: true,
        };
        assert_eq!(verdict(&path), Verdict::Lacks(lacks));
        assert_eq!(verdict(&path), Verdict::Lacks(lacks));
        // Exported again with tags: another size, read again.
        std::fs::write(&path, TAGGED_PDF).unwrap();
        assert_eq!(verdict(&path), Verdict::Fine);
        std::fs::write(&path, "Notat").unwrap();
        assert_eq!(verdict(&path), Verdict::Unreadable(Unreadable::NotPdf));
    }

    #[test]
    fn garbage_after_a_header_is_damaged_not_a_panic() {
        for bytes in [
            &b"%PDF-1.7\n"[..],
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>",
            b"%PDF-1.7\nxref\n0 99999999999\ntrailer\n<<>>\nstartxref\n9\n%%EOF",
        ] {
            assert!(
                matches!(catalog_verdict(bytes.to_vec()), Verdict::Unreadable(_)),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
