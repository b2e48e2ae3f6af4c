//! `missing-glyph`: a character of the published text that no font of the
//! layout has. The PDF cannot show it (PDF/A and PDF/UA forbid a missing
//! glyph), so the build would fail; the check finds it first, at the
//! character itself.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::check::findings;
use crate::diag::{Diagnostic, Loc};
use crate::files::{FileId, Files};
use crate::layout::Coverage;
use crate::markdown;
use crate::model::{CaseRef, Group, Item, Meeting, Person, Spanned};
use crate::tr;

/// Every text of the meeting that reaches the PDF: the printed fields of
/// meeting.yaml (the sections' titles too) and of each item's front
/// matter, and the item bodies.
pub fn check(meeting: &Meeting, files: &Files, coverage: &Coverage, diags: &mut Vec<Diagnostic>) {
    let shown = latin1_shown(coverage);
    let mut yaml = Finder::new(meeting.file, files, coverage, shown);
    let whole = 0..yaml.text.len();
    let fields = [
        &meeting.body,
        &meeting.date,
        &meeting.number,
        &meeting.chair,
        &meeting.referent,
    ];
    let sections = meeting.sections.iter().map(|s| &s.title);
    for field in fields.into_iter().chain(sections).flatten() {
        yaml.spanned(field);
    }
    for text in [&meeting.time, &meeting.actual_time, &meeting.location]
        .into_iter()
        .flatten()
    {
        yaml.text(text, whole.clone());
    }
    for group in Group::ALL {
        for person in meeting.people.group(group) {
            yaml.person(person, whole.clone());
        }
    }
    diags.append(&mut yaml.found);
    for item in &meeting.items {
        let mut finder = Finder::new(item.file, files, coverage, shown);
        finder.item(item);
        diags.append(&mut finder.found);
    }
}

/// The characters below U+0100 (ASCII and Latin-1: `æ`, `ø`, `å`, `é`)
/// that can be shown with `coverage`: entry `n` for U+00nn.
fn latin1_shown(coverage: &Coverage) -> [bool; 256] {
    std::array::from_fn(|b| !cannot_show(coverage, char::from(b as u8)))
}

/// True when `c` cannot be shown: no font has it, or the PDF forbids it.
fn cannot_show(coverage: &Coverage, c: char) -> bool {
    (!coverage.contains(c) && needs_glyph(c)) || is_forbidden(c)
}

/// The finding for `text`, characters no font of `layout` has, at `loc`.
/// The build words an engine error about a missing glyph with it too.
pub fn finding(text: &str, loc: Loc, layout: &str) -> Diagnostic {
    if let Some(c) = text.chars().find(|c| is_forbidden(*c)) {
        return findings::forbidden_mark(loc, c);
    }
    let mut points: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| needs_glyph(*c)) {
        let point = format!("U+{:04X}", u32::from(c));
        if !points.contains(&point) {
            points.push(point);
        }
    }
    if points.len() > 6 {
        points.truncate(6);
        points.push("…".into());
    }
    let kind = text.chars().find_map(kind);
    // A control character is named, never written to a terminal; a
    // private-use one shows as nothing there.
    let text: String = text
        .chars()
        .map(|c| match c.is_control() || is_private(c) {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect();
    findings::not_in_fonts(loc, &text, &points.join(" "), kind.as_deref(), layout)
}

/// True when the engine needs a glyph for `c`: not for white space and
/// line breaks, nor for the invisible format characters (joiners,
/// variation selectors, direction marks, the soft hyphen). Other control
/// characters do need one, and no font has it.
pub fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace() || is_invisible(c))
}

/// Characters the PDF standards forbid in text (PDF/UA-1), whatever the
/// fonts: a byte order mark inside the text, a noncharacter, NUL.
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\0' | '\u{FEFF}' | '\u{FFFE}')
}

/// A code point of Unicode's private use areas: its meaning is the font's.
fn is_private(c: char) -> bool {
    matches!(u32::from(c), 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Unicode's default ignorable code points: shaping hides them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// What kind of character `c` is, where a referent may not know it.
fn kind(c: char) -> Option<String> {
    if c.is_control() {
        return Some(tr!("items-glyph-kind.control"));
    }
    Some(match u32::from(c) {
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF => tr!("items-glyph-kind.emoji"),
        _ if is_private(c) => tr!("items-glyph-kind.private"),
        0x1100..=0x11FF | 0xAC00..=0xD7AF => tr!("items-glyph-kind.korean"),
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => tr!("items-glyph-kind.cjk"),
        0x0900..=0x097F => tr!("items-glyph-kind.devanagari"),
        0x0980..=0x09FF => tr!("items-glyph-kind.bengali"),
        0x0B80..=0x0BFF => tr!("items-glyph-kind.tamil"),
        0x0C00..=0x0C7F => tr!("items-glyph-kind.telugu"),
        0x0C80..=0x0CFF => tr!("items-glyph-kind.kannada"),
        0x0D00..=0x0D7F => tr!("items-glyph-kind.malayalam"),
        0x0E00..=0x0E7F => tr!("items-glyph-kind.thai"),
        _ => return None,
    })
}

/// The findings of one file: a run of characters no font has (a word in
/// a script the fonts lack, an emoji with its joiners) is one finding at
/// each place it is written (a field read without its own position is
/// looked for near it, so its run is found once there).
struct Finder<'a> {
    file: FileId,
    text: &'a str,
    coverage: &'a Coverage,
    /// Entry `n` true when U+00nn can be shown.
    latin1: [bool; 256],
    /// Whether every printable ASCII character (space to `~`) can be.
    printable: bool,
    seen: HashSet<(String, usize)>,
    found: Vec<Diagnostic>,
}

impl<'a> Finder<'a> {
    fn new(file: FileId, files: &'a Files, coverage: &'a Coverage, latin1: [bool; 256]) -> Self {
        Finder {
            file,
            text: files.get(file).text(),
            coverage,
            latin1,
            printable: latin1[usize::from(b' ')..=usize::from(b'~')]
                .iter()
                .all(|&shown| shown),
            seen: HashSet::new(),
            found: Vec::new(),
        }
    }

    /// `value` as read from the source, written within `span` of the file.
    fn text(&mut self, value: &str, span: Range<usize>) {
        // Nearly every text has only characters the fonts have: one quick
        // pass finds that, without building runs.
        if self.all_shown(value) {
            return;
        }
        // Where to look for the next run: after the one found before.
        let mut after = span.start;
        let mut run = String::new();
        for c in value.chars() {
            let missing = self.is_missing(c);
            // An invisible joiner or selector inside a run belongs to it.
            let joins = !run.is_empty() && !needs_glyph(c) && !c.is_whitespace();
            if missing || joins {
                run.push(c);
            } else {
                self.report(&run, &span, &mut after);
                run.clear();
            }
        }
        self.report(&run, &span, &mut after);
    }

    /// True when every character of `text` can be shown: those below
    /// U+0100 looked up in one table (printable ASCII sixteen at a time,
    /// when the fonts have it all), the others in the fonts' coverage.
    fn all_shown(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // No early exit: the compiler checks the sixteen at once.
            let plain = self.printable
                && bytes.get(at..at + 16).is_some_and(|chunk| {
                    chunk
                        .iter()
                        .fold(true, |all, &b| all & (b.wrapping_sub(b' ') < 0x5F))
                });
            if plain {
                at += 16;
                continue;
            }
            // Else the characters that start in these sixteen bytes, one by one.
            let end = (at + 16).min(bytes.len());
            while at < end {
                match self.shown_at(text, at) {
                    Some(len) => at += len,
                    None => return false,
                }
            }
        }
        true
    }

    /// The length of the character at byte `at` of `text` when it can be
    /// shown, else `None`. A character below U+0100 is one byte, or two
    /// that start with C2 or C3 (`æ` is C3 A6): looked up in the table.
    fn shown_at(&self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let b = *bytes.get(at)?;
        let (n, len) = match b {
            0..=0x7F => (usize::from(b), 1),
            0xC2 | 0xC3 => {
                let next = *bytes.get(at + 1)?;
                ((usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F), 2)
            }
            _ => {
                let c = text.get(at..)?.chars().next()?;
                return (!self.is_missing(c)).then_some(c.len_utf8());
            }
        };
        self.latin1[n].then_some(len)
    }

    fn is_missing(&self, c: char) -> bool {
        cannot_show(self.coverage, c)
    }

    fn report(&mut self, run: &str, span: &Range<usize>, after: &mut usize) {
        let run = run.trim_end_matches(|c| !needs_glyph(c) && !is_forbidden(c));
        if run.is_empty() {
            return;
        }
        let rest = (*after).clamp(span.start, span.end)..span.end;
        let range = match locate(self.text, rest.clone(), run) {
            found if found != rest => found,
            _ => locate(self.text, span.clone(), run),
        };
        *after = range.end;
        if !self.seen.insert((run.to_string(), range.start)) {
            return;
        }
        let loc = Loc::new(self.file, range);
        self.found.push(finding(run, loc, &self.coverage.layout));
    }

    fn spanned(&mut self, value: &Spanned<String>) {
        self.text(&value.value, value.span.clone());
    }

    /// A person; the fields read without a position are looked for in
    /// `around`.
    fn person(&mut self, person: &Person, around: Range<usize>) {
        self.spanned(&person.name);
        let fields = [
            &person.title,
            &person.organisation,
            &person.role,
            &person.note,
        ];
        for text in fields.into_iter().flatten() {
            self.text(text, around.clone());
        }
        if let Some(substitute) = &person.substitute_for {
            self.spanned(substitute);
        }
    }

    fn item(&mut self, item: &Item) {
        let front = item.front_matter.clone();
        for field in [&item.number_text, &item.title, &item.document_number]
            .into_iter()
            .flatten()
        {
            self.spanned(field);
        }
        if let Some(Spanned {
            value: CaseRef::Ref(sag),
            span,
        }) = &item.case
        {
            self.text(sag, span.clone());
        }
        for name in item.responsible.iter().chain(&item.presenters) {
            self.spanned(name);
        }
        for attachment in &item.attachments {
            self.spanned(attachment.written());
            if let Some(title) = &attachment.title {
                self.text(title, front.clone());
            }
        }
        self.body(&item.body, item.body_offset);
    }

    /// The text of a Markdown body as the PDF shows it: text, code and raw
    /// HTML (shown as text), not link targets or an image's alt text.
    fn body(&mut self, body: &str, offset: usize) {
        // The texts the parser gives are pieces of the body, with white
        // space added, except the characters an entity (`&#x1F600;`)
        // stands for: a body without `&` whose characters the fonts all
        // have needs no parsing.
        if !body.contains('&') && self.all_shown(body) {
            return;
        }
        let mut in_image = 0usize;
        for (event, range) in markdown::parse(body) {
            let at = range.start + offset..range.end + offset;
            match event {
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
                Event::Text(text)
                | Event::Code(text)
                | Event::Html(text)
                | Event::InlineHtml(text)
                    if in_image == 0 =>
                {
                    self.text(&text, at)
                }
                _ => {}
            }
        }
    }
}

/// Where `run` is written within `span` of `text`: the characters
/// themselves, or all of `span` when they are written another way
/// (`&#x1F600;`, `\U0001F600`).
pub fn locate(text: &str, span: Range<usize>, run: &str) -> Range<usize> {
    text.get(span.clone())
        .and_then(|s| s.find(run))
        .map(|i| span.start + i..span.start + i + run.len())
        .unwrap_or(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_need_no_glyph() {
        for c in [
            '\u{200D}', '\u{FE0F}', '\u{AD}', ' ', '\u{A0}', '\t', '\u{3000}',
        ] {
            assert!(!needs_glyph(c), "U+{:04X}", u32::from(c));
        }
        for c in ['a', 'ø', '😀', '中'] {
            assert!(needs_glyph(c), "{c}");
        }
    }

    #[test]
    fn the_quick_pass_agrees_with_the_fonts_coverage() {
        let layout = crate::layout::Layout::resolve("kl", std::path::Path::new(".")).unwrap();
        let coverage = layout.coverage();
        let mut files = Files::default();
        let file = files.add("x.md".into(), String::new());
        let finder = Finder::new(file, &files, &coverage, latin1_shown(&coverage));
        let texts = (0..0x800)
            .filter_map(char::from_u32)
            .map(|c| format!("Referat af mødet på Århus Rådhus {c} – é ü ß."));
        for text in texts {
            let one_by_one = !text.chars().any(|c| finder.is_missing(c));
            assert_eq!(finder.all_shown(&text), one_by_one, "{text:?}");
        }
    }

    #[test]
    fn a_character_is_found_where_it_is_written() {
        let text = "title: \"Hej 😀\"\n";
        assert_eq!(locate(text, 7..17, "😀"), 12..16);
        assert_eq!(locate("a &#x1F600; b", 2..11, "😀"), 2..11);
    }
}
