//! The one place that decides how item bodies are read as Markdown:
//! CommonMark with tables, footnotes and strikethrough. Front matter is
//! split off before (it is only accepted at the very top of a file), so the
//! parser's own metadata blocks stay off.

use std::collections::HashMap;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use crate::paths;
pub use crate::paths::scheme;

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// A parser over `text` that yields each event with its byte range.
pub fn parse(text: &str) -> pulldown_cmark::OffsetIter<'_> {
    Parser::new_ext(text, options()).into_offset_iter()
}

/// A body's events, with its footnote definitions taken out: the events of
/// the text, and the events inside each definition by its label. Both
/// renderers place a note at its first reference.
pub struct Body<'a> {
    pub events: Vec<Event<'a>>,
    pub footnotes: HashMap<String, Vec<Event<'a>>>,
}

pub fn body(text: &str) -> Body<'_> {
    let all = line_separators_as_breaks(parse(text).map(|(event, _)| event));
    let mut body = Body {
        events: Vec::with_capacity(all.len()),
        footnotes: HashMap::new(),
    };
    let mut i = 0;
    while i < all.len() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &all[i] {
            let end = matching_end(&all, i);
            body.footnotes
                .insert(label.to_string(), all[i + 1..end].to_vec());
            i = end + 1;
        } else {
            body.events.push(all[i].clone());
            i += 1;
        }
    }
    body
}

/// The events with each LINE SEPARATOR (U+2028) in text made a hard line
/// break, as the typesetting engine reads it; a browser would show it as a
/// space. Code keeps it as written.
fn line_separators_as_breaks<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut in_code = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if !in_code && text.contains('\u{2028}') => {
                for (i, part) in text.split('\u{2028}').enumerate() {
                    if i > 0 {
                        out.push(Event::HardBreak);
                    }
                    if !part.is_empty() {
                        out.push(Event::Text(part.to_string().into()));
                    }
                }
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// The index of the event that ends the container starting at `start`.
fn matching_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1).max(start)
}

/// A link to a file in the meeting folder: `[bilag 1](bilag/x.pdf)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalLink {
    /// The file, relative to the meeting folder, percent escapes decoded
    /// (`bilag/min graf.pdf` for `bilag/min%20graf.pdf`).
    pub path: String,
    /// What followed the path: `#page=2`, `?v=1`, or nothing.
    pub rest: String,
}

/// The local file a link points at, if it points at one: not a web or
/// mail address (anything with a scheme), not an anchor in the page
/// (`#punkt-2-1`), not empty.
pub fn local_link(link_type: LinkType, url: &str) -> Option<LocalLink> {
    if matches!(link_type, LinkType::Email) || scheme(url).is_some_and(|s| s.len() > 1) {
        return None;
    }
    let url = url.trim();
    let end = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    (!path.is_empty()).then(|| LocalLink {
        path: paths::percent_decode(path),
        rest: rest.to_string(),
    })
}

/// Where a link of a body points in the outputs: a local file at its copy
/// beside the referat (`./bilag/min%20graf.pdf` is `bilag/min%20graf.pdf`),
/// anything else as written.
pub fn link_target(link_type: LinkType, url: &str) -> String {
    local_link(link_type, url)
        .and_then(|local| paths::normalise(&local.path).map(|path| href(&path) + &local.rest))
        .unwrap_or_else(|| url.to_string())
}

/// A relative path as a URL path: every byte but letters, digits, `-._~`
/// and `/` percent-escaped, so that spaces, `:` and `æøå` are safe in a
/// link of the HTML and of the PDF.
pub fn href(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
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
    fn a_line_separator_is_a_hard_break() {
        let events = body("Før\u{2028}efter.\n\n```\na\u{2028}b\n```\n").events;
        assert_eq!(
            &events[..4],
            [
                Event::Start(Tag::Paragraph),
                Event::Text("Før".into()),
                Event::HardBreak,
                Event::Text("efter.".into()),
            ]
        );
        assert!(events.contains(&Event::Text("a\u{2028}b\n".into())));
    }

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

    #[test]
    fn local_links() {
        let local = |url| local_link(LinkType::Inline, url);
        assert_eq!(
            local("bilag/min%20graf.pdf#page=2"),
            Some(LocalLink {
                path: "bilag/min graf.pdf".into(),
                rest: "#page=2".into()
            })
        );
        for not_local in ["#punkt-2-1", "https://kl.dk/x.pdf", "mailto:a@kl.dk", ""] {
            assert_eq!(local(not_local), None, "{not_local}");
        }
        assert_eq!(local_link(LinkType::Email, "a@kl.dk"), None);
        assert_eq!(
            href("bilag/søjler 2:1.pdf"),
            "bilag/s%C3%B8jler%202%3A1.pdf"
        );
    }
}
