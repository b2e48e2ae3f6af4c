//! Item bodies: headings, raw HTML, images, links, files and personal data.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use crate::check::findings::{self, Exposure, FileUse};
use crate::check::glyphs;
use crate::check::markup::{self, SlipKind};
use crate::check::personal;
use crate::diag::{Diagnostic, Loc};
use crate::files::{FileId, Files};
use crate::image;
use crate::markdown;
use crate::model::{Attachment, Item, Meeting, Spanned, Target};
use crate::paths;
use crate::percent;

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
        Exposure::MeetingYaml,
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
            diags.extend(item_files.attachment(attachment));
        }
        // A closed item's title is still published; the rest is not. The
        // text is searched as written, so positions are exact.
        let text = files.get(item.file).text();
        let title = item.title.as_ref().map(|t| t.span.clone());
        if item.closed_itself()
            && let Some(span) = title.clone()
        {
            let place = Exposure::Title { closed: true };
            personal_data(item.file, &text[span.clone()], span.start, place, diags);
        }
        // A closed item's public decision is published; an open item's
        // front matter, searched below, holds it.
        if item.closed_itself()
            && let Some(decision) = &item.public_decision
        {
            let span = decision.span.clone();
            let place = Exposure::PublicDecision;
            personal_data(item.file, &text[span.clone()], span.start, place, diags);
            slips_in_value(item.file, text, decision, diags);
        }
        if !item.closed_itself() {
            let front = item.front_matter.clone();
            let place = Exposure::Item { title };
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
static NOTHING_WITHHELD: BTreeMap<String, Withheld> = BTreeMap::new();

/// Whose file a withheld file is.
#[derive(Debug, Clone)]
struct Withheld {
    /// The item's number as written.
    number: String,
    /// True for a closed attachment of an open item (`closed: true` on the
    /// attachment), false for a file of a closed item.
    attachment: bool,
}

/// The files of closed items (their attachments, the files their bodies
/// link to and their own source files), by their path in the meeting folder, with the item's number:
/// no public item may publish them. Then the closed attachments of open
/// items, which no public item may publish either.
fn withheld(meeting: &Meeting, files: &Files) -> BTreeMap<String, Withheld> {
    let number = |item: &Item| {
        item.number_text
            .as_ref()
            .map_or(String::new(), |n| n.value.clone())
    };
    let mut withheld = BTreeMap::new();
    for item in &meeting.items {
        let closed = item.attachments.iter().filter(|a| a.closed);
        for path in closed.filter_map(|a| paths::normalise(&a.file()?.value)) {
            let owner = Withheld {
                number: number(item),
                attachment: true,
            };
            withheld.insert(path, owner);
        }
    }
    for item in meeting
        .items
        .iter()
        .filter(|item| item.is_closed_in(&meeting.items))
    {
        let number = Withheld {
            number: number(item),
            attachment: false,
        };
        let source = files
            .get(item.file)
            .path()
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let attachments = item
            .attachments
            .iter()
            .filter_map(|a| a.file().map(|f| f.value.clone()));
        let links = markdown::linked_files(&item.body);
        let named = attachments
            .chain(links)
            .filter_map(|name| paths::normalise(&name));
        for path in source.into_iter().chain(named) {
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
    withheld: &'a BTreeMap<String, Withheld>,
}

impl ItemFiles<'_> {
    /// A finding when `name` (an image, link or attachment of this item)
    /// is a file of a closed item.
    fn withheld(&self, what: FileUse, name: &str, loc: Loc) -> Option<Diagnostic> {
        let path = paths::normalise(name)?;
        if paths::is_output_name(&path) {
            return Some(findings::takes_an_outputs_place(loc, what, name));
        }
        let owner = self.withheld.get(&path)?;
        Some(match owner.attachment {
            true => findings::closed_attachment_published(loc, what, name, &owner.number),
            false => findings::file_of_closed_item(loc, what, name, &owner.number),
        })
    }

    /// A finding for an attachment: a file must be in the meeting folder
    /// and not a closed item's; a web address must be a whole one with a
    /// scheme a link may have.
    fn attachment(&self, attachment: &Attachment) -> Option<Diagnostic> {
        let loc = Loc::new(self.item.file, attachment.written().span.clone());
        match &attachment.target {
            Target::File(file) => match paths::resolve_inside(&self.meeting.dir, &file.value) {
                Err(reason) => {
                    let diag = findings::missing_file(FileUse::Attachment, &reason, loc);
                    Some(findings::with_slash_help(diag, &file.value))
                }
                // A closed attachment is withheld itself, not published.
                Ok(_) if attachment.closed => None,
                Ok(_) => self.withheld(FileUse::Attachment, &file.value, loc),
            },
            Target::Url(url) => match markdown::scheme(&url.value) {
                None => Some(findings::not_a_web_address(loc, &url.value)),
                Some(_) => unsafe_link(&url.value, loc),
            },
        }
    }

    /// A finding for an image: it must be an image in the meeting folder,
    /// not too large, and not a closed item's file.
    fn image(&self, url: &str, loc: Loc) -> Option<Diagnostic> {
        let path = match paths::resolve_inside(&self.meeting.dir, url) {
            Ok(path) => path,
            Err(reason) => {
                let diag = findings::missing_file(FileUse::Image, &reason, loc);
                return Some(findings::with_slash_help(diag, url));
            }
        };
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return Some(findings::image_unreadable(loc, url, &e)),
        };
        // The images the layouts can show are known by their first bytes,
        // not their names.
        let Some(format) = image::ImageFormat::of(&bytes) else {
            return Some(findings::not_an_image(loc, url));
        };
        format
            .size(&bytes)
            .and_then(|size| too_large(url, size, loc.clone()))
            .or_else(|| {
                let error = format.decode_error(&bytes)?;
                Some(findings::image_damaged(loc.clone(), url, &error))
            })
            .or_else(|| self.withheld(FileUse::Image, &percent::decode(url), loc))
    }

    /// A finding for a link to a local file: it must exist in the meeting
    /// folder, and not be a closed item's.
    fn link(&self, link_type: pulldown_cmark::LinkType, url: &str, loc: Loc) -> Option<Diagnostic> {
        let local = markdown::local_link(link_type, url)?;
        match paths::resolve_inside(&self.meeting.dir, &local.path) {
            Err(reason) => Some(findings::with_slash_help(
                findings::missing_link_target(&reason, loc),
                &local.path,
            )),
            Ok(_) => self.withheld(FileUse::Link, &local.path, loc),
        }
    }
}

fn check_markdown(files: &ItemFiles, diags: &mut Vec<Diagnostic>) {
    let mut walk = Walk {
        files,
        body: &files.item.body,
        previous_level: 1,
        image: None,
        last_html_line: None,
        depth: 0,
        too_deep: false,
    };
    for (event, range) in markdown::parse(&files.item.body) {
        walk.nesting(&event, &range, diags);
        walk.event(event, range, diags);
    }
    for slip in markup::slips(&files.item.body) {
        diags.push(slip_finding(walk.at(slip.range), slip.kind));
    }
}

/// `markdown-slip` in a value of the front matter that is Markdown (a
/// closed item's public decision, a `|` block): each slip where its text
/// is written in `text`, the file; else at the value, without a fix.
fn slips_in_value(file: FileId, text: &str, value: &Spanned<String>, diags: &mut Vec<Diagnostic>) {
    for slip in markup::slips(&value.value) {
        let written = &value.value[slip.range.clone()];
        let span = glyphs::locate(text, value.span.clone(), written);
        let exact = text.get(span.clone()) == Some(written);
        let mut diag = slip_finding(Loc::new(file, span), slip.kind);
        if !exact {
            diag.fix = None;
        }
        diags.push(diag);
    }
}

/// The finding of a slip at `loc`.
fn slip_finding(loc: Loc, kind: SlipKind) -> Diagnostic {
    match kind {
        SlipKind::AccidentalList { marker, line } => findings::accidental_list(loc, &marker, &line),
        SlipKind::IndentedCode { line, tab } => findings::indented_line(loc, &line, tab),
        SlipKind::BrokenLink { text, target } => findings::not_a_link(loc, &text, &target),
        SlipKind::JoinedLine { .. } => findings::joined_line(loc),
    }
}

/// The walk over one item body's Markdown events, and what it remembers.
struct Walk<'a> {
    files: &'a ItemFiles<'a>,
    body: &'a str,
    /// The item title is the level-1 heading: parts start at level 2.
    previous_level: usize,
    /// The image being read: where it is, its target and its alt text so far.
    image: Option<(std::ops::Range<usize>, String, String)>,
    /// One raw-html warning per line is enough (`<b>x</b>` is two tags).
    last_html_line: Option<usize>,
    /// Lists and quotes inside each other, and whether that was reported.
    depth: usize,
    too_deep: bool,
}

impl Walk<'_> {
    /// `range` of the body as a place in the item file.
    fn at(&self, range: std::ops::Range<usize>) -> Loc {
        let offset = self.files.item.body_offset;
        Loc::new(
            self.files.item.file,
            offset + range.start..offset + range.end,
        )
    }

    /// The line from `start` to its end.
    fn line_at(&self, start: usize) -> Loc {
        self.at(start..line_end(self.body, start))
    }

    /// `nesting`: reported once, where it first goes too deep.
    fn nesting(
        &mut self,
        event: &Event,
        range: &std::ops::Range<usize>,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.depth = (self.depth + usize::from(opens_nesting(event))).saturating_sub(usize::from(
            matches!(event, Event::End(end) if closes_nesting(end)),
        ));
        if self.depth > MAX_NESTING && !self.too_deep {
            self.too_deep = true;
            diags.push(findings::nested_too_deep(
                self.line_at(range.start),
                MAX_NESTING,
            ));
        }
    }

    fn event(&mut self, event: Event, range: std::ops::Range<usize>, diags: &mut Vec<Diagnostic>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = heading_number(level);
                diags.extend(heading(
                    level,
                    self.previous_level,
                    self.line_at(range.start),
                ));
                self.previous_level = level;
            }
            Event::Start(Tag::HtmlBlock) => diags.extend(self.raw_html(range, false)),
            Event::InlineHtml(_) => diags.extend(self.raw_html(range, true)),
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.image = Some((range, dest_url.into_string(), String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, alt)) = &mut self.image {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, url, alt)) = self.image.take() {
                    if alt.trim().is_empty() {
                        diags.push(findings::image_without_alt(self.at(range.clone())));
                    }
                    let url_at = self.at(find_in(self.body, range, &url));
                    diags.extend(self.files.image(&url, url_at));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url_at = self.at(find_in(self.body, range, &dest_url));
                diags.extend(self.files.link(link_type, &dest_url, url_at.clone()));
                diags.extend(unsafe_link(&dest_url, url_at));
            }
            _ => {}
        }
    }

    /// `raw-html` at an HTML block's line or an inline tag, once a line.
    fn raw_html(&mut self, range: std::ops::Range<usize>, inline: bool) -> Option<Diagnostic> {
        let line_start = self.body[..range.start].rfind('\n').map_or(0, |i| i + 1);
        if self.last_html_line.replace(line_start) == Some(line_start) {
            return None;
        }
        let end = if inline {
            range.end
        } else {
            line_end(self.body, range.start)
        };
        Some(findings::raw_html(self.at(range.start..end)))
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

/// A heading of `level` after one of `previous_level`: level 1 is the
/// item's title, and no level may be skipped.
fn heading(level: usize, previous_level: usize, loc: Loc) -> Option<Diagnostic> {
    if level == 1 {
        Some(findings::level_one_heading(loc))
    } else if level > previous_level + 1 {
        Some(findings::heading_skips_level(loc, level, previous_level))
    } else {
        None
    }
}

fn unsafe_link(url: &str, loc: Loc) -> Option<Diagnostic> {
    let scheme = markdown::scheme(url)?;
    (!markdown::is_safe_scheme(&scheme)).then(|| findings::unsafe_link(loc, &scheme))
}

/// `personal-data` findings for `text`, which starts at byte `offset` of
/// `file`.
fn personal_data(
    file: FileId,
    text: &str,
    offset: usize,
    place: Exposure,
    diags: &mut Vec<Diagnostic>,
) {
    for (range, kind) in personal::find(text) {
        let range = offset + range.start..offset + range.end;
        let place = place.of(&range);
        diags.push(findings::personal_data(Loc::new(file, range), kind, &place));
    }
}

/// A `missing-file` finding for an image of more than
/// [`image::MAX_PIXELS`] pixels, which the engine would have to hold.
fn too_large(url: &str, (width, height): (u32, u32), loc: Loc) -> Option<Diagnostic> {
    (u64::from(width) * u64::from(height) > image::MAX_PIXELS)
        .then(|| findings::image_too_large(loc, url, (width, height)))
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
