//! Item bodies: headings, raw HTML, images, links, files and personal data.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use crate::check::personal::{self, Kind};
use crate::diag::{Diagnostic, Loc, Rule};
use crate::files::{FileId, Files};
use crate::image;
use crate::markdown;
use crate::model::{Item, Meeting};
use crate::paths;

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
    let withheld = withheld(meeting, files);
    for item in &meeting.items {
        let item_files = ItemFiles {
            meeting,
            item,
            withheld: if item.is_closed_in(&meeting.items) {
                &NOTHING_WITHHELD
            } else {
                &withheld
            },
        };
        check_markdown(&item_files, diags);
        for attachment in &item.attachments {
            let loc = Loc::new(item.file, attachment.file.span.clone());
            if let Err(reason) = paths::resolve_inside(&meeting.dir, &attachment.file.value) {
                diags.push(missing_file("attachment", &reason, loc));
            } else if let Some(diag) =
                item_files.withheld("attachment", &attachment.file.value, loc)
            {
                diags.push(diag);
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

/// No file is withheld from a closed item: it is published only in the
/// internal edition, which has every file.
static NOTHING_WITHHELD: BTreeMap<String, String> = BTreeMap::new();

/// The files of closed items (their attachments and their own source
/// files), by their path in the meeting folder, with the item's number:
/// no public item may publish them.
fn withheld(meeting: &Meeting, files: &Files) -> BTreeMap<String, String> {
    let mut withheld = BTreeMap::new();
    for item in meeting
        .items
        .iter()
        .filter(|item| item.is_closed_in(&meeting.items))
    {
        let number = item
            .number_text
            .as_ref()
            .map_or(String::new(), |n| n.value.clone());
        let source = files
            .get(item.file)
            .path()
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let attachments = item
            .attachments
            .iter()
            .filter_map(|a| paths::normalise(&a.file.value));
        for path in source.into_iter().chain(attachments) {
            withheld.insert(path, number.clone());
        }
    }
    withheld
}

/// What the checks of one item's files need.
struct ItemFiles<'a> {
    meeting: &'a Meeting,
    item: &'a Item,
    /// The closed items' files this item may not publish.
    withheld: &'a BTreeMap<String, String>,
}

impl ItemFiles<'_> {
    /// A finding when `name` (an image, link or attachment of this item)
    /// is a file of a closed item.
    fn withheld(&self, what: &str, name: &str, loc: Loc) -> Option<Diagnostic> {
        let path = paths::normalise(name)?;
        let number = self.withheld.get(&path)?;
        Some(
            Diagnostic::error(
                Rule::MissingFile,
                loc,
                format!("{what} `{name}` is a file of closed item {number}, which is not published"),
            )
            .with_help("a closed item's files are never published: remove it here, or publish a copy under a name of its own"),
        )
    }

    /// A finding for an image: it must be an image in the meeting folder,
    /// not too large, and not a closed item's file.
    fn image(&self, url: &str, loc: Loc) -> Option<Diagnostic> {
        let resolved = paths::resolve_inside(&self.meeting.dir, url)
            .and_then(|path| image_format(&path).map_err(|e| format!("`{url}` {e}")));
        match resolved {
            Err(reason) => Some(missing_file("image", &reason, loc)),
            Ok(size) => size
                .and_then(|size| too_large(url, size, loc.clone()))
                .or_else(|| self.withheld("image", &paths::percent_decode(url), loc)),
        }
    }

    /// A finding for a link to a local file: it must exist in the meeting
    /// folder, and not be a closed item's.
    fn link(&self, link_type: pulldown_cmark::LinkType, url: &str, loc: Loc) -> Option<Diagnostic> {
        let local = markdown::local_link(link_type, url)?;
        match paths::resolve_inside(&self.meeting.dir, &local.path) {
            Err(reason) => Some(missing_file("link", &reason, loc).with_help(
                "put the file in the meeting folder (e.g. bilag/) and link it relative to the folder; \
                 a web address starts with https://",
            )),
            Ok(_) => self.withheld("link", &local.path, loc),
        }
    }
}

/// A `missing-file` finding: `what` (image, link, attachment) `reason`.
fn missing_file(what: &str, reason: &str, loc: Loc) -> Diagnostic {
    Diagnostic::error(Rule::MissingFile, loc, format!("{what} {reason}")).with_help(format!(
        "put the {} in the meeting folder (e.g. bilag/) and name it relative to the folder",
        if what == "image" { "image" } else { "file" }
    ))
}

fn check_markdown(files: &ItemFiles, diags: &mut Vec<Diagnostic>) {
    let item = files.item;
    let body = &item.body;
    let at = |range: std::ops::Range<usize>| {
        Loc::new(
            item.file,
            item.body_offset + range.start..item.body_offset + range.end,
        )
    };
    let line_at = |start: usize| at(start..line_end(body, start));
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
        depth = (depth + usize::from(opens_nesting(&event))).saturating_sub(usize::from(
            matches!(&event, Event::End(end) if closes_nesting(end)),
        ));
        if depth > MAX_NESTING && !too_deep {
            too_deep = true;
            diags.push(nesting(line_at(range.start)));
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = heading_number(level);
                diags.extend(heading(level, previous_level, line_at(range.start)));
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
                diags.push(raw_html(at(range.start..end)));
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
                    if alt.trim().is_empty() {
                        diags.push(
                            Diagnostic::error(Rule::ImageAlt, at(range.clone()), "an image without alt text")
                                .with_help("describe the image between the brackets: ![Graf over ...](bilag/graf.png)"),
                        );
                    }
                    let url_at = at(find_in(body, range, &url));
                    diags.extend(files.image(&url, url_at));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url_at = at(find_in(body, range, &dest_url));
                diags.extend(files.link(link_type, &dest_url, url_at.clone()));
                diags.extend(unsafe_link(&dest_url, url_at));
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

/// Lists, quotes, emphasis and links: what nests.
fn opens_nesting(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. },
        )
    )
}

fn closes_nesting(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::List(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
    )
}

fn nesting(loc: Loc) -> Diagnostic {
    Diagnostic::error(
        Rule::Nesting,
        loc,
        format!("lists, quotes and emphasis nested more than {MAX_NESTING} levels deep"),
    )
    .with_help("flatten the structure: minutes rarely need more than a few levels")
}

/// A heading of `level` after one of `previous_level`: level 1 is the
/// item's title, and no level may be skipped.
fn heading(level: usize, previous_level: usize, loc: Loc) -> Option<Diagnostic> {
    if level == 1 {
        Some(
            Diagnostic::error(Rule::HeadingLevel, loc, "a level-1 heading in an item body")
                .with_help("the item's title is its heading: write parts as `## Indstilling`"),
        )
    } else if level > previous_level + 1 {
        let expected = previous_level + 1;
        Some(
            Diagnostic::error(
                Rule::HeadingLevel,
                loc,
                format!(
                    "a level-{level} heading follows level {previous_level}: level {expected} is skipped"
                ),
            )
            .with_help(format!(
                "write it as a level-{expected} heading (`{} `)",
                "#".repeat(expected)
            )),
        )
    } else {
        None
    }
}

fn raw_html(loc: Loc) -> Diagnostic {
    Diagnostic::warning(
        Rule::RawHtml,
        loc,
        "raw HTML in an item: it is shown as literal text, not as HTML",
    )
    .with_help("write it in Markdown instead, or escape the `<` as `\\<` to mean the text")
}

fn unsafe_link(url: &str, loc: Loc) -> Option<Diagnostic> {
    let scheme = markdown::scheme(url)?;
    (!markdown::is_safe_scheme(&scheme)).then(|| {
        Diagnostic::error(
            Rule::UnsafeLink,
            loc,
            format!("a `{scheme}:` link in published minutes"),
        )
        .with_help("links may use http, https or mailto only")
    })
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
/// their first bytes, not their names; with their size in pixels when the
/// header tells it.
fn image_format(path: &std::path::Path) -> Result<Option<(u32, u32)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let format = image::Format::of(&bytes)
        .ok_or_else(|| "is not a PNG, JPEG, GIF, WebP or SVG image".to_string())?;
    Ok(format.size(&bytes))
}

/// A `missing-file` finding for an image of more than
/// [`image::MAX_PIXELS`] pixels, which the engine would have to hold.
fn too_large(url: &str, (width, height): (u32, u32), loc: Loc) -> Option<Diagnostic> {
    (u64::from(width) * u64::from(height) > image::MAX_PIXELS).then(|| {
        Diagnostic::error(
            Rule::MissingFile,
            loc,
            format!(
                "image `{url}` is {width} × {height} pixels, more than the {} million an image may have",
                image::MAX_PIXELS / 1_000_000
            ),
        )
        .with_help("save a smaller copy of the image: 2,000 pixels across is plenty for a page")
    })
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
