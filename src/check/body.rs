//! Item bodies: headings, raw HTML, images, links, files and personal data.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use crate::check::personal::{self, Kind};
use crate::diag::{Diagnostic, Loc, Rule};
use crate::markdown;
use crate::model::{Item, Meeting};
use crate::source::files::{FileId, Files};
use crate::source::paths;

/// How deep lists, block quotes and emphasis may nest together. Far beyond
/// what minutes use, and well inside what the typesetting engine can lay out
/// (it gives up at 32 nested lists).
const MAX_NESTING: usize = 16;

pub fn check(meeting: &Meeting, files: &Files, diags: &mut Vec<Diagnostic>) {
    // Everything in meeting.yaml is published.
    personal_data(
        meeting.file,
        files.get(meeting.file).text(),
        0,
        Place::MeetingYaml,
        diags,
    );
    for item in &meeting.items {
        check_markdown(meeting, item, diags);
        for attachment in &item.attachments {
            if let Err(reason) = paths::resolve_inside(&meeting.dir, &attachment.file.value) {
                diags.push(
                    Diagnostic::error(
                        Rule::MissingFile,
                        Loc::new(item.file, attachment.file.span.clone()),
                        format!("attachment {reason}"),
                    )
                    .with_help("put the file in the meeting folder (e.g. bilag/) and name it relative to the folder"),
                );
            }
        }
        // A closed item's title is still published; the rest is not. The
        // text is searched as written, so positions are exact.
        let text = files.get(item.file).text();
        let title = item.title.as_ref().map(|t| t.span.clone());
        if item.closed {
            if let Some(span) = title {
                let place = Place::Title { closed: true };
                personal_data(item.file, &text[span.clone()], span.start, place, diags);
            }
        } else {
            let front = item.front_matter.clone();
            let place = Place::Item { title };
            personal_data(
                item.file,
                &text[front.clone()],
                front.start,
                place.clone(),
                diags,
            );
            personal_data(item.file, &item.body, item.body_offset, place, diags);
        }
    }
}

fn check_markdown(meeting: &Meeting, item: &Item, diags: &mut Vec<Diagnostic>) {
    let body = &item.body;
    let at = |range: std::ops::Range<usize>| {
        Loc::new(
            item.file,
            item.body_offset + range.start..item.body_offset + range.end,
        )
    };
    // The item title is the level-1 heading: parts start at level 2.
    let mut previous_level = 1;
    // The image being read: where it is, its target and its alt text so far.
    let mut image: Option<(std::ops::Range<usize>, String, String)> = None;
    // One raw-html warning per line is enough (`<b>x</b>` is two tags).
    let mut last_html_line = None;
    // Lists and quotes inside each other, and whether that was reported.
    let mut depth = 0usize;
    let mut too_deep = false;
    for (event, range) in markdown::parse(body) {
        match &event {
            Event::Start(
                Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. },
            ) => {
                depth += 1;
                if depth > MAX_NESTING && !too_deep {
                    too_deep = true;
                    diags.push(
                        Diagnostic::error(
                            Rule::Nesting,
                            at(range.start..line_end(body, range.start)),
                            format!(
                                "lists, quotes and emphasis nested more than {MAX_NESTING} levels deep"
                            ),
                        )
                        .with_help(
                            "flatten the structure: minutes rarely need more than a few levels",
                        ),
                    );
                }
            }
            Event::End(
                TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link,
            ) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = heading_number(level);
                let heading_at = at(range.start..line_end(body, range.start));
                if level == 1 {
                    diags.push(
                        Diagnostic::error(
                            Rule::HeadingLevel,
                            heading_at,
                            "a level-1 heading in an item body",
                        )
                        .with_help(
                            "the item's title is its heading: write parts as `## Indstilling`",
                        ),
                    );
                } else if level > previous_level + 1 {
                    diags.push(
                        Diagnostic::error(
                            Rule::HeadingLevel,
                            heading_at,
                            format!(
                                "a level-{level} heading follows level {previous_level}: level {} is skipped",
                                previous_level + 1
                            ),
                        )
                        .with_help(format!(
                            "write it as a level-{} heading (`{} `)",
                            previous_level + 1,
                            "#".repeat(previous_level + 1)
                        )),
                    );
                }
                previous_level = level;
            }
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                let line_start = body[..range.start].rfind('\n').map_or(0, |i| i + 1);
                if last_html_line.replace(line_start) == Some(line_start) {
                    continue;
                }
                let end = if matches!(event, Event::InlineHtml(_)) {
                    range.end
                } else {
                    line_end(body, range.start)
                };
                diags.push(
                    Diagnostic::warning(
                        Rule::RawHtml,
                        at(range.start..end),
                        "raw HTML in an item: it is shown as literal text, not as HTML",
                    )
                    .with_help(
                        "write it in Markdown instead, or escape the `<` as `\\<` to mean the text",
                    ),
                );
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((range, dest_url.into_string(), String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, alt)) = &mut image {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, url, alt)) = image.take() {
                    let url_range = find_in(body, range.clone(), &url);
                    if alt.trim().is_empty() {
                        diags.push(
                            Diagnostic::error(Rule::ImageAlt, at(range), "an image without alt text")
                                .with_help("describe the image between the brackets: ![Graf over ...](bilag/graf.png)"),
                        );
                    }
                    let resolved = paths::resolve_inside(&meeting.dir, &url)
                        .and_then(|path| image_format(&path).map_err(|e| format!("`{url}` {e}")));
                    if let Err(reason) = resolved {
                        diags.push(
                            Diagnostic::error(Rule::MissingFile, at(url_range), format!("image {reason}"))
                                .with_help("put the image in the meeting folder (e.g. bilag/) and name it relative to the folder"),
                        );
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(scheme) = markdown::scheme(&dest_url)
                    && !markdown::is_safe_scheme(&scheme)
                {
                    let url_range = find_in(body, range, &dest_url);
                    diags.push(
                        Diagnostic::error(
                            Rule::UnsafeLink,
                            at(url_range),
                            format!("a `{scheme}:` link in published minutes"),
                        )
                        .with_help("links may use http, https or mailto only"),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Where personal data was found, which decides what to say about it.
#[derive(Clone)]
enum Place {
    MeetingYaml,
    /// A public item; `title` is where its title is in the file.
    Item {
        title: Option<std::ops::Range<usize>>,
    },
    Title {
        closed: bool,
    },
}

impl Place {
    /// The place of a finding at `range` (bytes of the file).
    fn of(&self, range: &std::ops::Range<usize>) -> Place {
        match self {
            Place::Item { title: Some(title) }
                if title.start <= range.start && range.end <= title.end =>
            {
                Place::Title { closed: false }
            }
            other => other.clone(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Place::MeetingYaml => "meeting.yaml",
            Place::Item { .. } | Place::Title { closed: false } => "a public item",
            Place::Title { closed: true } => "the title of a closed item",
        }
    }

    fn help(&self) -> &'static str {
        match self {
            Place::MeetingYaml => "remove it: everything in meeting.yaml is published",
            Place::Item { .. } => {
                "remove it from the text, or mark the item `closed: true` so it is not published"
            }
            Place::Title { .. } => {
                "remove it from the title: titles are published, even for closed items"
            }
        }
    }
}

/// `personal-data` findings for `text`, which starts at byte `offset` of
/// `file`.
fn personal_data(
    file: FileId,
    text: &str,
    offset: usize,
    place: Place,
    diags: &mut Vec<Diagnostic>,
) {
    for (range, kind) in personal::find(text) {
        let range = offset + range.start..offset + range.end;
        let place = place.of(&range);
        let name = place.name();
        let loc = Loc::new(file, range);
        let diag = match kind {
            Kind::Cpr => {
                Diagnostic::error(Rule::PersonalData, loc, format!("a CPR number in {name}"))
            }
            Kind::Email => Diagnostic::warning(
                Rule::PersonalData,
                loc,
                format!("an e-mail address in {name}"),
            ),
            Kind::Phone => {
                Diagnostic::warning(Rule::PersonalData, loc, format!("a phone number in {name}"))
            }
        };
        diags.push(diag.with_help(place.help()));
    }
}

/// The images the layouts can show: PNG, JPEG, GIF, WebP and SVG, known by
/// their first bytes, not their names.
fn image_format(path: &std::path::Path) -> Result<(), String> {
    use std::io::Read;
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| format!("cannot be read: {e}"))?;
    let head = &head[..n];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let known = head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"\xFF\xD8\xFF")
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
        || text.contains("<svg");
    if known {
        Ok(())
    } else {
        Err("is not a PNG, JPEG, GIF, WebP or SVG image".to_string())
    }
}

fn heading_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The end of the line that starts at or contains `start`, without its
/// line ending.
fn line_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i)
}

/// The range of `needle` inside `range` of `text` (the URL inside a link),
/// or the whole range when it is written elsewhere (reference links).
fn find_in(text: &str, range: std::ops::Range<usize>, needle: &str) -> std::ops::Range<usize> {
    if needle.is_empty() {
        return range;
    }
    text.get(range.clone())
        .and_then(|s| s.rfind(needle))
        .map_or(range.clone(), |i| {
            range.start + i..range.start + i + needle.len()
        })
}
