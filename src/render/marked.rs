//! Two versions of a body as one walk with the changed words marked: the
//! new version's structure (paragraphs, lists, headings, emphasis) with
//! each inserted run of words in `<ins>` and each deleted one in `<del>`,
//! word by word within a paragraph (the `similar` crate's patience diff
//! over words, spaces and the events between them).
//!
//! A mark never spans an element of the new version: it closes before one
//! and opens again after, so the page stays well formed. Deleted words
//! where the new version has no room for text (between the items of a
//! list) wait for the next place that has; between blocks they make a
//! paragraph of their own.

use pulldown_cmark::{Event as Md, Tag, TagEnd};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::markdown::Event;

/// The HTML that opens and closes a mark: `<ins>` with a word for screen
/// readers (the element alone is not read out by all of them).
#[derive(Debug, Clone)]
pub struct Marks {
    pub ins_open: String,
    pub ins_close: String,
    pub del_open: String,
    pub del_close: String,
}

/// The merged walk and how many words went in and out.
pub struct Marked<'a> {
    pub events: Vec<Event<'a>>,
    pub inserted: usize,
    pub deleted: usize,
    /// Whether anything differs, words or structure.
    pub changed: bool,
}

/// A piece of a body as it is compared.
#[derive(Debug, Clone)]
enum Token<'a> {
    Word(String),
    Space,
    /// Compared and marked whole: inline code, a note's reference, an
    /// image with its description, a hard break.
    Atom(Vec<Event<'a>>),
    /// Structure: the start or end of an element, a rule.
    Other(Event<'a>),
}

impl Token<'_> {
    /// What is compared: the text, or the event as written (an image by
    /// its address, not by where its file was found).
    fn key(&self) -> String {
        match self {
            Token::Word(word) => format!("w{word}"),
            Token::Space => " ".into(),
            Token::Atom(events) => events.iter().map(event_key).collect(),
            Token::Other(event) => event_key(event),
        }
    }
}

fn event_key(event: &Event<'_>) -> String {
    match event {
        Event::Image(image) => format!("img {} {}", image.url, image.title),
        other => format!("{other:?}"),
    }
}

/// Splits a walk into tokens: runs of text merged and cut at white space
/// (a line break in the source is a space), images taken whole.
fn tokens<'a>(events: &[Event<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut in_code = false;
    let mut i = 0;
    while i < events.len() {
        let event = &events[i];
        i += 1;
        match event {
            // Code keeps its lines and spaces: compared line by line.
            Event::Md(Md::Text(t)) if in_code => {
                out.extend(t.split_inclusive('\n').map(|l| Token::Word(l.to_string())));
            }
            Event::Md(Md::Text(t)) => text.push_str(t),
            Event::Md(Md::SoftBreak) => text.push(' '),
            _ => {
                words(&std::mem::take(&mut text), &mut out);
                match event {
                    Event::Image(_) => {
                        let start = i - 1;
                        while i < events.len() && events[i] != Event::Md(Md::End(TagEnd::Image)) {
                            i += 1;
                        }
                        i = (i + 1).min(events.len());
                        out.push(Token::Atom(events[start..i].to_vec()));
                    }
                    Event::Note { .. } | Event::Md(Md::Code(_) | Md::HardBreak) => {
                        out.push(Token::Atom(vec![event.clone()]));
                    }
                    _ => {
                        match event {
                            Event::Md(Md::Start(Tag::CodeBlock(_))) => in_code = true,
                            Event::Md(Md::End(TagEnd::CodeBlock)) => in_code = false,
                            _ => {}
                        }
                        out.push(Token::Other(event.clone()));
                    }
                }
            }
        }
    }
    words(&text, &mut out);
    out
}

fn words(text: &str, out: &mut Vec<Token<'_>>) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                out.push(Token::Word(std::mem::take(&mut word)));
            }
            if !matches!(out.last(), Some(Token::Space)) {
                out.push(Token::Space);
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Ins,
    Del,
}

/// Builds the merged walk.
struct Writer<'a, 'm> {
    marks: &'m Marks,
    out: Vec<Event<'a>>,
    /// The elements of the new version open at this point.
    open: Vec<Tag<'a>>,
    mark: Mark,
    /// Deleted pieces waiting for a place that takes text.
    waiting: Vec<Token<'a>>,
    inserted: usize,
    deleted: usize,
}

impl<'a> Writer<'a, '_> {
    fn set_mark(&mut self, mark: Mark) {
        if self.mark == mark {
            return;
        }
        let close = match self.mark {
            Mark::Ins => Some(self.marks.ins_close.clone()),
            Mark::Del => Some(self.marks.del_close.clone()),
            Mark::None => None,
        };
        if let Some(html) = close {
            self.out.push(Event::Md(Md::InlineHtml(html.into())));
        }
        let open = match mark {
            Mark::Ins => Some(self.marks.ins_open.clone()),
            Mark::Del => Some(self.marks.del_open.clone()),
            Mark::None => None,
        };
        if let Some(html) = open {
            self.out.push(Event::Md(Md::InlineHtml(html.into())));
        }
        self.mark = mark;
    }

    /// Where the new version is now: may text go here, and is it between
    /// blocks (where deleted words make a paragraph of their own)?
    fn place(&self) -> Container {
        match self.open.last() {
            None | Some(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => Container::Blocks,
            Some(Tag::List(_)) => Container::List,
            Some(Tag::Table(_) | Tag::TableHead | Tag::TableRow) => Container::None,
            Some(Tag::Image { .. }) => Container::None,
            Some(_) => Container::Text,
        }
    }

    /// A piece of the new version, marked `mark` (an inserted one) or not.
    fn new_token(&mut self, token: Token<'a>, mark: Mark) {
        match token {
            Token::Other(event) => {
                self.set_mark(Mark::None);
                if let Event::Md(Md::Start(tag)) = &event {
                    self.open.push(tag.clone());
                }
                let ends = matches!(event, Event::Md(Md::End(_)));
                self.out.push(event);
                if ends {
                    self.open.pop();
                }
                self.flush_waiting();
            }
            token => {
                // Text in an image's description cannot be marked.
                let mark = if self.place() == Container::None {
                    Mark::None
                } else {
                    mark
                };
                if mark == Mark::Ins && matches!(token, Token::Word(_)) {
                    self.inserted += 1;
                }
                self.set_mark(mark);
                self.push_text(token);
            }
        }
    }

    fn push_text(&mut self, token: Token<'a>) {
        match token {
            Token::Word(word) => self.out.push(Event::Md(Md::Text(word.into()))),
            Token::Space => self.out.push(Event::Md(Md::Text(" ".into()))),
            Token::Atom(events) => self.out.extend(events),
            Token::Other(_) => {}
        }
    }

    /// A run of pieces of the old version that the new one lacks: its
    /// words (and inline code and images) as deleted; its structure and
    /// its notes' references (the new version numbers its own) left out.
    fn deleted_run(&mut self, run: &[Token<'a>]) {
        let kept = run.iter().filter(|t| match t {
            Token::Other(_) => false,
            Token::Atom(events) => !matches!(events.first(), Some(Event::Note { .. })),
            _ => true,
        });
        let mut pieces: Vec<Token<'a>> = kept.cloned().collect();
        // Spaces only at the edges are the new version's to give.
        while matches!(pieces.last(), Some(Token::Space)) {
            pieces.pop();
        }
        let start = pieces
            .iter()
            .position(|t| !matches!(t, Token::Space))
            .unwrap_or(pieces.len());
        if start == pieces.len() {
            return;
        }
        self.waiting.extend(pieces.drain(start..));
        self.flush_waiting();
    }

    fn flush_waiting(&mut self) {
        if self.waiting.is_empty() {
            return;
        }
        let place = self.place();
        if place == Container::None {
            return;
        }
        let pieces = std::mem::take(&mut self.waiting);
        // Between blocks a paragraph of its own, in a list an item.
        let (start, end) = match place {
            Container::Blocks => (Some(Tag::Paragraph), Some(TagEnd::Paragraph)),
            Container::List => (Some(Tag::Item), Some(TagEnd::Item)),
            _ => (None, None),
        };
        // Code keeps its own spaces.
        let spaced = !matches!(self.open.last(), Some(Tag::CodeBlock(_)));
        self.set_mark(Mark::None);
        match start {
            Some(tag) => self.out.push(Event::Md(Md::Start(tag))),
            // Between words: spaces keep them apart.
            None if spaced && self.ends_with_text() => {
                self.out.push(Event::Md(Md::Text(" ".into())))
            }
            None => {}
        }
        self.set_mark(Mark::Del);
        for piece in pieces {
            if matches!(piece, Token::Word(_)) {
                self.deleted += 1;
            }
            self.push_text(piece);
        }
        self.set_mark(Mark::None);
        match end {
            Some(tag) => self.out.push(Event::Md(Md::End(tag))),
            None if spaced => self.out.push(Event::Md(Md::Text(" ".into()))),
            None => {}
        }
    }

    /// True when the last thing written is a word, not a space.
    fn ends_with_text(&self) -> bool {
        matches!(self.out.last(), Some(Event::Md(Md::Text(t))) if !t.ends_with(' '))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// Text goes here.
    Text,
    /// Between blocks: text needs a paragraph.
    Blocks,
    /// Between a list's items: text needs an item.
    List,
    /// No text here (between a list's items, a table's rows).
    None,
}

/// What [`merge`] compares of a body, notes included: two bodies whose
/// keys are equal merge with nothing marked and `changed` false.
pub fn keys(body: &str) -> Vec<Vec<String>> {
    let body = crate::markdown::body(body, None);
    let mut keys: Vec<Vec<String>> = std::iter::once(&body.events)
        .chain(&body.notes)
        .map(|events| tokens(events).iter().map(Token::key).collect())
        .collect();
    // A missing note compares as an empty one.
    while keys.len() > 1 && keys.last().is_some_and(Vec::is_empty) {
        keys.pop();
    }
    keys
}

/// `new` with what changed from `old` marked.
pub fn merge<'a>(old: &[Event<'a>], new: &[Event<'a>], marks: &Marks) -> Marked<'a> {
    let old = tokens(old);
    let new = tokens(new);
    let old_keys: Vec<String> = old.iter().map(Token::key).collect();
    let new_keys: Vec<String> = new.iter().map(Token::key).collect();
    let mut writer = Writer {
        marks,
        out: Vec::new(),
        open: Vec::new(),
        mark: Mark::None,
        waiting: Vec::new(),
        inserted: 0,
        deleted: 0,
    };
    let mut changed = false;
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        changed |= !matches!(op, DiffOp::Equal { .. });
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let inserted = match op {
            DiffOp::Equal { .. } => Mark::None,
            DiffOp::Delete { .. } | DiffOp::Insert { .. } | DiffOp::Replace { .. } => {
                writer.deleted_run(&old[old_range]);
                Mark::Ins
            }
        };
        for token in &new[new_range] {
            writer.new_token(token.clone(), inserted);
        }
    }
    // Deleted words after the end of the new version.
    if !writer.waiting.is_empty() {
        writer.open.clear();
        writer.flush_waiting();
    }
    writer.set_mark(Mark::None);
    Marked {
        events: writer.out,
        inserted: writer.inserted,
        deleted: writer.deleted,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks() -> Marks {
        Marks {
            ins_open: "[+".into(),
            ins_close: "+]".into(),
            del_open: "[-".into(),
            del_close: "-]".into(),
        }
    }

    fn html(old: &str, new: &str) -> (String, usize, usize) {
        let old_body = crate::markdown::body(old, None);
        let new_body = crate::markdown::body(new, None);
        let marked = merge(&old_body.events, &new_body.events, &marks());
        let mut out = String::new();
        let events = marked.events.into_iter().filter_map(|e| match e {
            Event::Md(e) => Some(e),
            _ => None,
        });
        pulldown_cmark::html::push_html(&mut out, events);
        (out, marked.inserted, marked.deleted)
    }

    #[test]
    fn one_word_changed_is_one_deleted_and_one_inserted() {
        let (out, ins, del) = html(
            "Rådet tog status til efterretning.",
            "Rådet tog sagen til efterretning.",
        );
        assert_eq!(
            out,
            "<p>Rådet tog [-status-] [+sagen+] til efterretning.</p>\n"
        );
        assert_eq!((ins, del), (1, 1));
    }

    #[test]
    fn the_same_text_written_on_other_lines_is_unchanged() {
        let (out, ins, del) = html("a b\nc", "a\nb c");
        assert_eq!(out, "<p>a b c</p>\n");
        assert_eq!((ins, del), (0, 0));
    }

    #[test]
    fn code_keeps_its_lines_and_is_compared_line_by_line() {
        let (out, ins, del) = html(
            "```\nfn a() {\n    1\n}\n```\n",
            "```\nfn a() {\n    2\n}\n```\n",
        );
        assert_eq!(
            out,
            "<pre><code>fn a() {\n[-    1\n-][+    2\n+]}\n</code></pre>\n"
        );
        assert_eq!((ins, del), (1, 1));
    }

    #[test]
    fn marks_never_span_an_element() {
        let (out, _, _) = html("a", "a b *c d* e");
        assert_eq!(out, "<p>a[+ b +]<em>[+c d+]</em>[+ e+]</p>\n");
    }

    #[test]
    fn a_deleted_paragraph_is_a_paragraph_and_a_deleted_list_item_waits_for_an_item() {
        let (out, _, del) = html("Første.\n\nAnden.\n", "Første.\n");
        assert_eq!(out, "<p>Første.</p>\n<p>[-Anden.-]</p>\n");
        assert_eq!(del, 1);
        let (out, _, _) = html("- a\n- b\n", "- a\n");
        assert_eq!(out, "<ul>\n<li>a</li>\n<li>[-b-]</li>\n</ul>\n");
    }
}
