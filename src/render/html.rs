//! The HTML referat: one self-contained page made with the layout's
//! template (see [`template`]), styles inline, images embedded.
//!
//! Item bodies are the Markdown walk's events (`markdown::body`) through
//! pulldown-cmark's HTML writer: headings placed below the item's own
//! heading, images embedded, and footnotes linked both ways.

use std::path::Path;

use anyhow::Result;
use base64::Engine as _;
use minijinja::{Value, context};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd, html};
use serde::Serialize;

use crate::layout::Layout;
use crate::markdown;
use crate::render::context::{self, DocumentView, ItemView, SectionView};
use crate::render::template;

/// What the template sees of one item.
#[derive(Serialize)]
struct HtmlItem<'a> {
    #[serde(flatten)]
    view: &'a ItemView,
    /// `punkt-2-1`.
    anchor: String,
    /// The item's heading: h2 for 2, h3 for 2.1, h4 for 2.9.1.
    heading: usize,
    #[serde(rename = "sag_url")]
    case_url: Option<String>,
    #[serde(rename = "dok_url")]
    document_url: Option<String>,
    body_html: Value,
    /// The public text of a closed item's decision, as HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    public_decision_html: Option<Value>,
    /// The section that starts before this item, if one does.
    opens: Option<SectionHead>,
    /// True when the item is the last of its section: the section's
    /// element ends after it.
    closes: bool,
}

/// What the template sees of a section of the agenda.
#[derive(Serialize)]
struct SectionHead {
    title: String,
    /// `afsnit-1`.
    anchor: String,
    closed: bool,
}

/// One entry of the agenda `nav`, with the items below it; or a section
/// (`section` true, no number) with its items.
#[derive(Serialize)]
pub(crate) struct AgendaEntry {
    number: String,
    title: String,
    kind: Option<&'static str>,
    status: Option<&'static str>,
    anchor: String,
    section: bool,
    children: Vec<AgendaEntry>,
}

/// The heading of an item's footnotes when labels.toml has no `notes`.
pub(crate) const NOTES: &str = "Noter";

/// rk.toml's links for case references and document numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Urls<'a> {
    /// `case.url`, with `{sag}` where the reference goes.
    pub case: Option<&'a str>,
    /// `document.url`, with `{dok}` where the number goes.
    pub document: Option<&'a str>,
    /// `[site] accessibility_statement`: the page's footer links to it.
    pub accessibility_statement: Option<&'a str>,
}

/// Renders referat.html, its case references and document numbers linked
/// as `urls` say.
pub fn render(
    referat: &DocumentView,
    layout: &Layout,
    meeting_dir: &Path,
    urls: Urls<'_>,
) -> Result<String> {
    let notes = layout
        .labels_table
        .get("notes")
        .and_then(|v| v.as_str())
        .unwrap_or(NOTES);
    let starts = section_starts(referat);
    let items = html_items(referat, &starts, meeting_dir, notes, urls);
    let closing = layout
        .closing()
        .map(|text| body(text, 0, context::CLOSING_ANCHOR, meeting_dir, notes))
        .unwrap_or_default();

    template::render(
        layout,
        "referat.html",
        context! {
            referat => referat,
            items => items,
            agenda => agenda(referat, &starts),
            closing_html => Value::from_safe_string(closing),
            accessibility_statement => urls.accessibility_statement,
        },
    )
}

/// What the template sees of each item. `starts` is [`section_starts`].
fn html_items<'r>(
    referat: &'r DocumentView,
    starts: &[Option<usize>],
    meeting_dir: &Path,
    notes: &str,
    urls: Urls<'_>,
) -> Vec<HtmlItem<'r>> {
    referat
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let anchor = item.anchor();
            // An item in a section sits one heading level below it.
            let level = item.level + usize::from(item.section.is_some());
            let content = item.shown();
            let body_html = body(&content.body, level, &anchor, meeting_dir, notes);
            let public_decision_html = item.public_decision().map(|text| {
                let prefix = format!("{anchor}-offentlig");
                Value::from_safe_string(body(text, level, &prefix, meeting_dir, notes))
            });
            let next_opens = starts.get(i + 1).is_some_and(Option::is_some);
            HtmlItem {
                view: item,
                heading: (level + 1).min(6),
                opens: starts.get(i).and_then(|s| s.as_ref()).map(|&index| {
                    let section = &referat.sections[index];
                    SectionHead {
                        title: section.title.clone(),
                        anchor: SectionView::anchor(index),
                        closed: section.closed,
                    }
                }),
                closes: item.section.is_some() && (next_opens || i + 1 == referat.items.len()),
                case_url: content
                    .case
                    .as_ref()
                    .zip(urls.case)
                    .map(|(sag, url)| context::case_url(url, sag)),
                document_url: content
                    .document_number
                    .as_ref()
                    .zip(urls.document)
                    .map(|(dok, url)| context::document_url(url, dok)),
                body_html: Value::from_safe_string(body_html),
                public_decision_html,
                anchor,
            }
        })
        .collect()
}

/// For each item, the index of the section that starts before it, if one
/// does (a section starts at its `from` item).
pub(crate) fn section_starts(referat: &DocumentView) -> Vec<Option<usize>> {
    referat
        .items
        .iter()
        .map(|item| referat.sections.iter().position(|s| s.from == item.number))
        .collect()
}

/// The agenda as a tree: items under their groups, and groups and items
/// under their sections. `starts` is [`section_starts`].
pub(crate) fn agenda(referat: &DocumentView, starts: &[Option<usize>]) -> Vec<AgendaEntry> {
    fn take(
        items: &[ItemView],
        starts: &[Option<usize>],
        at: &mut usize,
        level: usize,
    ) -> Vec<AgendaEntry> {
        let mut entries = Vec::new();
        while let Some(item) = items.get(*at) {
            // A section starting here ends the list of the one before.
            if item.level < level || (!entries.is_empty() && level == 1 && starts[*at].is_some()) {
                break;
            }
            *at += 1;
            let children = take(items, starts, at, item.level + 1);
            entries.push(AgendaEntry {
                number: item.number.clone(),
                title: item.title.clone(),
                kind: item.kind,
                status: item.status,
                anchor: item.anchor(),
                section: false,
                children,
            });
        }
        entries
    }
    let items = &referat.items;
    let mut entries = Vec::new();
    let mut at = 0;
    while at < items.len() {
        match starts[at] {
            Some(index) => {
                let children = take(items, starts, &mut at, 1);
                entries.push(AgendaEntry {
                    number: String::new(),
                    title: referat.sections[index].title.clone(),
                    kind: None,
                    status: None,
                    anchor: SectionView::anchor(index),
                    section: true,
                    children,
                });
            }
            None => entries.extend(take(items, starts, &mut at, 1)),
        }
    }
    entries
}

/// An item body as HTML. Its `##` parts sit one level below the item's
/// heading (h2 + level); footnote ids start with `prefix`, and the
/// footnotes are a section headed `notes` at the level of the parts, with
/// links back.
pub fn body(
    markdown_text: &str,
    level: usize,
    prefix: &str,
    meeting_dir: &Path,
    notes: &str,
) -> String {
    body_html(
        markdown::body(markdown_text, Some(meeting_dir)),
        level,
        prefix,
        notes,
    )
}

/// A body's walk as HTML (see [`body`]); the change page gives it the
/// two versions' walks merged.
pub(crate) fn body_html(
    body: markdown::Body<'_>,
    level: usize,
    prefix: &str,
    notes: &str,
) -> String {
    let mut out = String::new();
    html::push_html(&mut out, events(body.events, level, prefix));
    if body.notes.is_empty() {
        return out;
    }
    let h = (level + 2).min(6);
    out.push_str(&format!(
        "<section class=\"footnotes\" aria-labelledby=\"{prefix}-noter\">\n\
         <h{h} id=\"{prefix}-noter\">{}</h{h}>\n<ol>\n",
        html_escape(notes)
    ));
    for (n, note_events) in body.notes.into_iter().enumerate() {
        let n = n + 1;
        let mut note = String::new();
        html::push_html(&mut note, events(note_events, level, prefix));
        // The arrow is for the eye; a screen reader hears the words
        // (an aria-label would not hold the visible text: WCAG 2.5.3).
        out.push_str(&format!(
            "<li id=\"{prefix}-note-{n}\">{note}<a href=\"#{prefix}-ref-{n}\" class=\"backlink\">\
             <span aria-hidden=\"true\">↩</span><span class=\"visually-hidden\">Tilbage til henvisning {n}</span></a></li>\n"
        ));
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// The walk's events as the HTML writer's, for a body at `level`.
fn events<'a>(
    events: Vec<markdown::Event<'a>>,
    level: usize,
    prefix: &'a str,
) -> impl Iterator<Item = Event<'a>> {
    events.into_iter().map(move |event| match event {
        markdown::Event::Md(event) => place_heading(event, level),
        markdown::Event::Image(image) => Event::Start(Tag::Image {
            dest_url: image
                .file
                .as_ref()
                .and_then(data_uri)
                .map_or(image.url, CowStr::from),
            link_type: image.link_type,
            title: image.title,
            id: image.id,
        }),
        markdown::Event::Note { number, nth } => note_reference(prefix, number, nth),
    })
}

/// A heading of a body at `level`, one below the item's h(level + 1) for
/// a `##` part.
fn place_heading(event: Event<'_>, level: usize) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading {
            level: depth,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(depth, level + 1),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(depth)) => Event::End(TagEnd::Heading(shift(depth, level + 1))),
        other => other,
    }
}

/// The `nth` reference to note `n`. A note referred to twice: the second
/// reference has an id of its own; the note links back to the first.
fn note_reference<'a>(prefix: &str, n: usize, nth: usize) -> Event<'a> {
    let id = if nth == 1 {
        format!("{prefix}-ref-{n}")
    } else {
        format!("{prefix}-ref-{n}-{nth}")
    };
    // Written by rk, not taken from the source: the only HTML that
    // reaches the page as HTML.
    Event::InlineHtml(
        format!("<sup class=\"fnref\"><a id=\"{id}\" href=\"#{prefix}-note-{n}\">{n}</a></sup>")
            .into(),
    )
}

/// Text escaped for HTML, by the same writer as the bodies.
fn html_escape(text: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, std::iter::once(Event::Text(text.into())));
    out
}

/// A heading `depth` levels below the item's heading, which is
/// h(`item`); capped at h6.
fn shift(depth: HeadingLevel, item: usize) -> HeadingLevel {
    match (depth as usize + item).min(6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// An image from the meeting folder as a data: URI, of the type its bytes
/// tell (its name may have no extension, or the wrong one).
fn data_uri(file: &markdown::ImageFile) -> Option<String> {
    let bytes = std::fs::read(&file.path).ok()?;
    let mime = file.format.map_or("application/octet-stream", |f| f.mime());
    Some(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> String {
        body(text, 2, "punkt-2-1", Path::new("."), NOTES)
    }

    #[test]
    fn raw_html_is_text() {
        assert_eq!(
            md("a <script>alert(1)</script> b"),
            "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n"
        );
        assert!(!md("<div>\n<script>x</script>\n</div>\n").contains("<script"));
    }

    #[test]
    fn parts_sit_below_the_item_heading() {
        assert_eq!(md("## Indstilling"), "<h4>Indstilling</h4>\n");
        // A level-1 heading is read as a part, as in the PDF.
        assert_eq!(md("# Overskrift"), "<h4>Overskrift</h4>\n");
        assert_eq!(md("###### Dybt"), "<h6>Dybt</h6>\n");
    }

    #[test]
    fn footnotes_link_both_ways() {
        let html = md("Se[^k].\n\n[^k]: Kilden.\n");
        assert!(
            html.contains("<a id=\"punkt-2-1-ref-1\" href=\"#punkt-2-1-note-1\">1</a>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<li id=\"punkt-2-1-note-1\"><p>Kilden.</p>\n<a href=\"#punkt-2-1-ref-1\""
            ),
            "{html}"
        );
    }
}
