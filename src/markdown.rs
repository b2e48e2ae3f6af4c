//! The one place that decides how item bodies are read as Markdown:
//! CommonMark with tables, footnotes and strikethrough. Front matter is
//! split off before (it is only accepted at the very top of a file), so the
//! parser's own metadata blocks stay off.
//!
//! [`body`] is the walk every renderer sees: footnotes resolved, headings
//! placed below the item, raw HTML turned to text, LINE SEPARATORs made
//! breaks, links pointed at their copies and images typed by their bytes.
//! A renderer only maps these events to its format.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::image;
use crate::paths;
pub use crate::paths::scheme;
use crate::percent;

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// A parser over `text` that yields each event with its byte range.
pub fn parse(text: &str) -> pulldown_cmark::OffsetIter<'_> {
    Parser::new_ext(text, options()).into_offset_iter()
}

/// One event of a body as the renderers see it.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    /// A Markdown event. Never raw HTML (it is text), a footnote reference
    /// or definition, or the start of an image (those are the variants
    /// below). A heading's level is its depth below the item's own
    /// heading: `##` is `H1`, `###` is `H2`, and `#` is read as `##`.
    Md(pulldown_cmark::Event<'a>),
    /// A reference to a note: `number` counts from 1 in the order of the
    /// notes' first references; `nth` counts the references to this note,
    /// from 1. A reference to a note that is not defined is text.
    Note { number: usize, nth: usize },
    /// The start of an image; its description follows, up to
    /// `Md(End(TagEnd::Image))`.
    Image(Image<'a>),
}

/// An image of a body, as written and as found.
#[derive(Debug, Clone, PartialEq)]
pub struct Image<'a> {
    pub link_type: LinkType,
    pub url: CowStr<'a>,
    pub title: CowStr<'a>,
    pub id: CowStr<'a>,
    /// The file, when it is in the folder that images resolve in and can
    /// be read.
    pub file: Option<ImageFile>,
}

/// An image's file and its type by its first bytes (`None`: none of the
/// types the layouts can show), whatever its name says.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFile {
    pub path: PathBuf,
    pub format: Option<image::ImageFormat>,
}

/// A body's events and its notes' events, the notes in the order of their
/// first reference (note 1 first). A note that is never referred to is
/// left out; a reference inside a note is text.
pub struct Body<'a> {
    pub events: Vec<Event<'a>>,
    pub notes: Vec<Vec<Event<'a>>>,
}

/// Walks a body. Its images resolve in `image_dir`, when there is one.
pub fn body<'a>(text: &'a str, image_dir: Option<&Path>) -> Body<'a> {
    let all: Vec<pulldown_cmark::Event<'a>> = line_separators_as_breaks(
        indented_code_as_text(
            parse(text)
                .flat_map(|(event, _)| html_as_text(event))
                .map(event_in_place),
        )
        .into_iter(),
    );
    let (events, definitions) = take_definitions(all);
    let mut order: Vec<(String, usize)> = Vec::new();
    let events = events
        .into_iter()
        .map(|event| resolve(event, image_dir, Some((&definitions, &mut order))))
        .collect();
    let notes = order
        .iter()
        .map(|(label, _)| {
            definitions[label]
                .iter()
                .map(|event| resolve(event.clone(), image_dir, None))
                .collect()
        })
        .collect();
    Body { events, notes }
}

type Definitions<'a> = HashMap<String, Vec<pulldown_cmark::Event<'a>>>;

/// The events of the text, and the events inside each footnote definition
/// by its label.
fn take_definitions(
    all: Vec<pulldown_cmark::Event<'_>>,
) -> (Vec<pulldown_cmark::Event<'_>>, Definitions<'_>) {
    let mut events = Vec::with_capacity(all.len());
    let mut definitions = HashMap::new();
    let mut i = 0;
    while i < all.len() {
        if let pulldown_cmark::Event::Start(Tag::FootnoteDefinition(label)) = &all[i] {
            let end = matching_end(&all, i);
            definitions.insert(label.to_string(), all[i + 1..end].to_vec());
            i = end + 1;
        } else {
            events.push(all[i].clone());
            i += 1;
        }
    }
    (events, definitions)
}

/// A Markdown event as the renderers see it. A footnote reference is
/// numbered when `notes` holds the definitions and the labels in the order
/// of their first reference with their counts; without it, it is text.
fn resolve<'a>(
    event: pulldown_cmark::Event<'a>,
    image_dir: Option<&Path>,
    notes: Option<(&Definitions, &mut Vec<(String, usize)>)>,
) -> Event<'a> {
    use pulldown_cmark::Event as E;
    match event {
        E::FootnoteReference(label) => match notes {
            Some((definitions, order)) if definitions.contains_key(label.as_ref()) => {
                note(&label, order)
            }
            // A reference without a definition stays as written.
            _ => Event::Md(E::Text(format!("[^{label}]").into())),
        },
        E::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Image(Image {
            link_type,
            file: image_dir.and_then(|dir| image_file(dir, &dest_url)),
            url: dest_url,
            title,
            id,
        }),
        other => Event::Md(other),
    }
}

/// The reference to note `label`, counted in `order`.
fn note<'a>(label: &str, order: &mut Vec<(String, usize)>) -> Event<'a> {
    match order.iter_mut().position(|(l, _)| l == label) {
        Some(at) => {
            order[at].1 += 1;
            Event::Note {
                number: at + 1,
                nth: order[at].1,
            }
        }
        None => {
            order.push((label.to_string(), 1));
            Event::Note {
                number: order.len(),
                nth: 1,
            }
        }
    }
}

/// The image `url` of `dir`: its file and its type by its first bytes.
fn image_file(dir: &Path, url: &str) -> Option<ImageFile> {
    use std::io::Read;
    let path = paths::resolve_inside(dir, url).ok()?;
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(&path)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .ok()?;
    Some(ImageFile {
        format: image::ImageFormat::of(&head),
        path,
    })
}

/// Raw HTML as the text it is, never passed through: its lines are lines
/// of a paragraph, an HTML block a paragraph.
fn html_as_text(event: pulldown_cmark::Event<'_>) -> Vec<pulldown_cmark::Event<'_>> {
    use pulldown_cmark::Event as E;
    match event {
        E::Html(html) | E::InlineHtml(html) => {
            let mut out = Vec::new();
            for (i, line) in html.split('\n').enumerate() {
                if i > 0 {
                    out.push(E::SoftBreak);
                }
                if !line.is_empty() {
                    out.push(E::Text(line.to_string().into()));
                }
            }
            out
        }
        E::Start(Tag::HtmlBlock) => vec![E::Start(Tag::Paragraph)],
        E::End(TagEnd::HtmlBlock) => vec![E::End(TagEnd::Paragraph)],
        other => vec![other],
    }
}

/// Only fenced code is code: an indented code block (a line indented by a
/// tab or four spaces after a blank line, most often pasted from Word) is
/// the plain text it was meant to be, its indentation dropped, each line a
/// line (a hard break between), a blank line between paragraphs. Its
/// Markdown is not read, as it was not in code; `markdown-slip` says how
/// to write it.
fn indented_code_as_text<'a>(
    events: impl Iterator<Item = pulldown_cmark::Event<'a>>,
) -> Vec<pulldown_cmark::Event<'a>> {
    use pulldown_cmark::{CodeBlockKind, Event as E};
    let mut out = Vec::new();
    let mut code: Option<String> = None;
    for event in events {
        match (event, code.as_mut()) {
            (E::Start(Tag::CodeBlock(CodeBlockKind::Indented)), _) => code = Some(String::new()),
            (E::Text(text), Some(lines)) => lines.push_str(&text),
            (E::End(TagEnd::CodeBlock), Some(lines)) => {
                out.extend(plain_paragraphs(lines));
                code = None;
            }
            (event, _) => out.push(event),
        }
    }
    out
}

/// `text`'s lines as paragraphs: lines side by side are one paragraph,
/// with a hard break between them; blank lines part paragraphs.
fn plain_paragraphs<'a>(text: &str) -> Vec<pulldown_cmark::Event<'a>> {
    use pulldown_cmark::Event as E;
    let mut out = Vec::new();
    let mut open = false;
    for line in text.lines().map(str::trim) {
        match (line.is_empty(), open) {
            (true, true) => {
                out.push(E::End(TagEnd::Paragraph));
                open = false;
            }
            (true, false) => {}
            (false, true) => out.extend([E::HardBreak, E::Text(line.to_string().into())]),
            (false, false) => {
                out.extend([E::Start(Tag::Paragraph), E::Text(line.to_string().into())]);
                open = true;
            }
        }
    }
    if open {
        out.push(E::End(TagEnd::Paragraph));
    }
    out
}

/// An event with its heading placed below the item's heading, and its
/// link pointed at where the target is in the outputs.
fn event_in_place(event: pulldown_cmark::Event<'_>) -> pulldown_cmark::Event<'_> {
    use pulldown_cmark::Event as E;
    match event {
        E::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => E::Start(Tag::Heading {
            level: part_depth(level),
            id,
            classes,
            attrs,
        }),
        E::End(TagEnd::Heading(level)) => E::End(TagEnd::Heading(part_depth(level))),
        E::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => E::Start(Tag::Link {
            dest_url: link_target(link_type, &dest_url).into(),
            link_type,
            title,
            id,
        }),
        other => other,
    }
}

/// A heading's depth below the item's heading: `##` is one below, and so
/// is `#` (the item's title is its only level-1 heading).
fn part_depth(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H1,
        HeadingLevel::H3 => HeadingLevel::H2,
        HeadingLevel::H4 => HeadingLevel::H3,
        HeadingLevel::H5 => HeadingLevel::H4,
        HeadingLevel::H6 => HeadingLevel::H5,
    }
}

/// The events with each LINE SEPARATOR (U+2028) in text made a hard line
/// break, as the typesetting engine reads it; a browser would show it as a
/// space. Code keeps it as written.
fn line_separators_as_breaks<'a>(
    events: impl Iterator<Item = pulldown_cmark::Event<'a>>,
) -> Vec<pulldown_cmark::Event<'a>> {
    use pulldown_cmark::Event as E;
    let mut out = Vec::new();
    let mut in_code = false;
    for event in events {
        match event {
            E::Start(Tag::CodeBlock(_)) => in_code = true,
            E::End(TagEnd::CodeBlock) => in_code = false,
            E::Text(text) if !in_code && text.contains('\u{2028}') => {
                for (i, part) in text.split('\u{2028}').enumerate() {
                    if i > 0 {
                        out.push(E::HardBreak);
                    }
                    if !part.is_empty() {
                        out.push(E::Text(part.to_string().into()));
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
fn matching_end(events: &[pulldown_cmark::Event], start: usize) -> usize {
    use pulldown_cmark::Event as E;
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            E::Start(_) => depth += 1,
            E::End(_) => {
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
        path: percent::decode(path),
        rest: rest.to_string(),
    })
}

/// The local files a body links to, each as written (decoded), in order.
pub fn linked_files(text: &str) -> Vec<String> {
    parse(text)
        .filter_map(|(event, _)| match event {
            pulldown_cmark::Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => local_link(link_type, &dest_url).map(|link| link.path),
            _ => None,
        })
        .collect()
}

/// `text` without its parts titled one of `titles` (the parts written at
/// the meeting, which the agenda leaves out): each from its heading (`##`,
/// or `#`, which is read as `##`) to the next such heading or the end.
/// Titles compare without regard to case and surrounding space; headings
/// inside a quote or a list bound no part. A footnote or link reference
/// definition inside a part that goes is kept, at the end, for the rest of
/// the body may use it (a note no longer referred to is not shown).
pub fn without_parts(text: &str, titles: &[String]) -> String {
    let wanted: Vec<String> = titles.iter().map(|t| t.trim().to_lowercase()).collect();
    let parts = Parts::of(text, &wanted);
    let mut gone: Vec<Range<usize>> = Vec::new();
    for (i, &(start, goes)) in parts.starts.iter().enumerate() {
        if goes {
            let end = parts
                .starts
                .get(i + 1)
                .map_or(text.len(), |&(next, _)| next);
            gone.push(start..end);
        }
    }
    if gone.is_empty() {
        return text.to_string();
    }
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for range in &gone {
        kept.push_str(&text[at..range.start]);
        at = range.end;
    }
    kept.push_str(&text[at..]);
    let inside = |r: &Range<usize>| gone.iter().any(|g| g.start <= r.start && r.end <= g.end);
    let mut definitions: Vec<&Range<usize>> =
        parts.definitions.iter().filter(|r| inside(r)).collect();
    definitions.sort_by_key(|r| r.start);
    for range in definitions {
        let definition = text[range.clone()].trim_end();
        kept = format!("{}\n\n{definition}\n", kept.trim_end());
    }
    kept
}

/// The parts of a body (see [`without_parts`]).
struct Parts {
    /// Where each part starts, and whether it is one of the titles sought.
    starts: Vec<(usize, bool)>,
    /// The footnote and link reference definitions at the top level.
    definitions: Vec<Range<usize>>,
}

impl Parts {
    /// The parts of `text`; `wanted` are the titles sought, in lower case.
    fn of(text: &str, wanted: &[String]) -> Parts {
        let parser = Parser::new_ext(text, options());
        let mut definitions: Vec<Range<usize>> = parser
            .reference_definitions()
            .iter()
            .map(|(_, definition)| definition.span.clone())
            .collect();
        let mut starts = Vec::new();
        let mut heading: Option<(usize, String)> = None;
        let mut depth = 0usize;
        for (event, range) in parser.into_offset_iter() {
            match event {
                pulldown_cmark::Event::Start(tag) => {
                    let top = depth == 0;
                    depth += 1;
                    match tag {
                        Tag::Heading { level, .. } if top && level <= HeadingLevel::H2 => {
                            heading = Some((range.start, String::new()));
                        }
                        Tag::FootnoteDefinition(_) if top => definitions.push(range),
                        _ => {}
                    }
                }
                pulldown_cmark::Event::End(TagEnd::Heading(_)) if depth == 1 => {
                    depth -= 1;
                    if let Some((start, title)) = heading.take() {
                        starts.push((start, wanted.contains(&title.trim().to_lowercase())));
                    }
                }
                pulldown_cmark::Event::End(_) => depth = depth.saturating_sub(1),
                pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                    if let Some((_, title)) = heading.as_mut() {
                        title.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        Parts {
            starts,
            definitions,
        }
    }
}

/// Where a link of a body points in the outputs: a local file at its copy
/// beside the referat (`./bilag/min%20graf.pdf` is `bilag/min%20graf.pdf`),
/// anything else as written.
fn link_target(link_type: LinkType, url: &str) -> String {
    local_link(link_type, url)
        .and_then(|local| paths::normalise(&local.path).map(|path| href(&path) + &local.rest))
        .unwrap_or_else(|| url.to_string())
}

/// A relative path as a URL path: every byte but letters, digits, `-._~`
/// and `/` percent-escaped, so that spaces, `:` and `æøå` are safe in a
/// link of the HTML and of the PDF.
pub fn href(path: &str) -> String {
    percent::encode(path, percent::LINK_PATH)
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

    fn md(event: pulldown_cmark::Event<'_>) -> Event<'_> {
        Event::Md(event)
    }

    fn text(text: &str) -> Event<'_> {
        md(pulldown_cmark::Event::Text(text.into()))
    }

    #[test]
    fn meeting_parts_are_left_out() {
        let parts = ["Drøftelse".to_string(), "Beslutning".to_string()];
        let body = "Intro.\n\n## Indstilling\n\nDet indstilles.[^1]\n\n\
                    ## drøftelse \n\nVi drøftede [det][ref].\n\n### Under\n\nMere.\n\n\
                    ## Baggrund\n\nSådan.\n\n## Beslutning\n\nVedtaget.\n\n\
                    [^1]: En note.\n\n[ref]: https://example.dk\n";
        assert_eq!(
            without_parts(body, &parts),
            "Intro.\n\n## Indstilling\n\nDet indstilles.[^1]\n\n\
             ## Baggrund\n\nSådan.\n\n[^1]: En note.\n\n[ref]: https://example.dk\n"
        );
        // A body of meeting parts only is empty; one without any is as written.
        assert_eq!(without_parts("## Beslutning\n\nJa.\n", &parts), "");
        let plain = "## Indstilling\n\n> ## Drøftelse\n\nTekst.\n";
        assert_eq!(without_parts(plain, &parts), plain);
        // A setext heading is a part as well.
        assert_eq!(
            without_parts("Før.\n\nBeslutning\n----------\n\nJa.\n", &parts),
            "Før.\n\n"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 500,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Bodies made of blocks that bound parts, notes, quotes, code and
        /// lists, in any order: leaving the parts out never panics and
        /// leaves none behind, and a body without one stays as written.
        #[test]
        fn leaving_parts_out_is_safe_and_complete(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "## Drøftelse\n\n", "## Indstilling\n", "# Beslutning\n", "Beslutning\n---\n\n",
                "[^1]: En note.\n\n", "Tekst[^1] og [et link][a].\n", "[a]: https://example.dk\n\n",
                "> Citat\n> ## Drøftelse\n\n", "- Punkt\n\n  ## Beslutning\n\n", "Æøå.\n\n",
                "```\n## Drøftelse\n```\n\n", "    ## Beslutning\n\n", "---\n\n",
            ]),
            0..24,
        )) {
            let parts = ["Drøftelse".to_string(), "Beslutning".to_string()];
            let body: String = pieces.concat();
            let agenda = without_parts(&body, &parts);
            proptest::prop_assert_eq!(&without_parts(&agenda, &parts), &agenda);
            if !Parts::of(&body, &["drøftelse".into(), "beslutning".into()])
                .starts
                .iter()
                .any(|&(_, goes)| goes)
            {
                proptest::prop_assert_eq!(&agenda, &body);
            }
        }
    }

    #[test]
    fn a_line_separator_is_a_hard_break() {
        let events = body("Før\u{2028}efter.\n\n```\na\u{2028}b\n```\n", None).events;
        assert_eq!(
            &events[..4],
            [
                md(pulldown_cmark::Event::Start(Tag::Paragraph)),
                text("Før"),
                md(pulldown_cmark::Event::HardBreak),
                text("efter."),
            ]
        );
        assert!(events.contains(&text("a\u{2028}b\n")));
    }

    #[test]
    fn an_indented_block_is_plain_text_and_fenced_code_is_code() {
        let events = body(
            "Før.\n\n\tFor stemte: **A**\n    Imod stemte: V\n\n    Ny linje.\n\n```\nkode\n```\n",
            None,
        )
        .events;
        use pulldown_cmark::Event as E;
        assert_eq!(
            &events[3..13],
            [
                md(E::Start(Tag::Paragraph)),
                text("For stemte: **A**"),
                md(E::HardBreak),
                text("Imod stemte: V"),
                md(E::End(TagEnd::Paragraph)),
                md(E::Start(Tag::Paragraph)),
                text("Ny linje."),
                md(E::End(TagEnd::Paragraph)),
                md(E::Start(Tag::CodeBlock(
                    pulldown_cmark::CodeBlockKind::Fenced("".into())
                ))),
                text("kode\n"),
            ]
        );
    }

    #[test]
    fn notes_are_numbered_by_their_first_reference() {
        let body = body(
            "A[^b] B[^a] C[^b] D[^x].\n\n[^a]: Første[^b].\n\n[^b]: Anden.\n\n[^c]: Ubrugt.\n",
            None,
        );
        let notes: Vec<&Event> = body
            .events
            .iter()
            .filter(|e| matches!(e, Event::Note { .. }))
            .collect();
        assert_eq!(
            notes,
            [
                &Event::Note { number: 1, nth: 1 },
                &Event::Note { number: 2, nth: 1 },
                &Event::Note { number: 1, nth: 2 },
            ]
        );
        // A reference without a definition is text, in the body and in a
        // note alike; an unused note is left out.
        let plain = |events: &[Event]| -> String {
            events
                .iter()
                .filter_map(|e| match e {
                    Event::Md(pulldown_cmark::Event::Text(t)) => Some(t.to_string()),
                    _ => None,
                })
                .collect()
        };
        assert!(plain(&body.events).contains("D[^x]."));
        assert_eq!(body.notes.len(), 2);
        assert_eq!(plain(&body.notes[0]), "Anden.");
        assert_eq!(plain(&body.notes[1]), "Første[^b].");
    }

    #[test]
    fn parts_are_below_the_item_and_raw_html_is_text() {
        let events = body("# En\n\n## To\n\n### Tre\n\n<div>\n<b>\n</div>\n", None).events;
        let levels: Vec<HeadingLevel> = events
            .iter()
            .filter_map(|e| match e {
                Event::Md(pulldown_cmark::Event::Start(Tag::Heading { level, .. })) => Some(*level),
                _ => None,
            })
            .collect();
        assert_eq!(
            levels,
            [HeadingLevel::H1, HeadingLevel::H1, HeadingLevel::H2]
        );
        let tail = &events[events.len() - 8..];
        assert_eq!(tail[0], md(pulldown_cmark::Event::Start(Tag::Paragraph)));
        assert_eq!(tail[1], text("<div>"));
        assert_eq!(tail[2], md(pulldown_cmark::Event::SoftBreak));
        assert_eq!(tail[3], text("<b>"));
        assert_eq!(tail[7], md(pulldown_cmark::Event::End(TagEnd::Paragraph)));
    }

    #[test]
    fn images_are_typed_by_their_bytes() {
        let dir = std::env::temp_dir().join(format!("rk-markdown-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("graf"), b"\x89PNG\r\n\x1a\n....").unwrap();
        let image = |text| {
            body(text, Some(&dir))
                .events
                .into_iter()
                .find_map(|e| match e {
                    Event::Image(image) => Some(image.file.map(|f| f.format)),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(image("![g](graf)"), Some(Some(image::ImageFormat::Png)));
        assert_eq!(image("![g](mangler.png)"), None);
        assert_eq!(image("![g](../graf)"), None);
        std::fs::remove_dir_all(&dir).unwrap();
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
