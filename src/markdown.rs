//! The one place that decides how item bodies are read as Markdown:
//! CommonMark with tables, footnotes and strikethrough. Front matter is
//! split off before (it is only accepted at the very top of a file), so the
//! parser's own metadata blocks stay off.

use pulldown_cmark::{Options, Parser};

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// A parser over `text` that yields each event with its byte range.
pub fn parse(text: &str) -> pulldown_cmark::OffsetIter<'_> {
    Parser::new_ext(text, options()).into_offset_iter()
}

/// The scheme of a link target (`https` of `https://…`), if it has one.
/// Tabs and line breaks are skipped, as browsers skip them
/// (`java&#9;script:` is `javascript:`).
pub fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_start()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_string())
}

/// Link schemes that may appear in published minutes.
pub fn is_safe_scheme(scheme: &str) -> bool {
    ["http", "https", "mailto"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://kl.dk").as_deref(), Some("https"));
        assert_eq!(scheme("javascript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(
            scheme("java\tscript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("bilag/x.pdf"), None);
        assert_eq!(scheme("#punkt-2"), None);
        assert!(is_safe_scheme("MAILTO"));
        assert!(!is_safe_scheme("file"));
    }
}
