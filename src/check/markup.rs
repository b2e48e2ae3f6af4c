//! `markdown-slip`: Markdown that changes the text without the writer
//! seeing it. Four slips a referent makes, each found where it was made:
//! a wrapped line that starts a list (`1. september 2026 og …`), a line
//! indented like code (pasted from Word), a link that does not parse
//! (`[bilag 1](bilag/Bilag 1.pdf)`, a space in the target) and lines of
//! one paragraph that look like separate facts (`For stemte: …` /
//! `Imod stemte: …`), which Markdown joins into one line.
//!
//! Each test is narrow, so that Markdown written on purpose is not
//! flagged: a list after a line ending in `:`, of more than one item, or
//! whose item starts with a capital, is meant; only lines that both start
//! with a label (`Word:`) are facts.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use regex::Regex;

use crate::markdown;

/// One slip: what it is, and where in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub kind: SlipKind,
    /// The bytes of the body it is about: the line that starts the list,
    /// the indented line, the link's target, the joined line.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipKind {
    /// A line of a paragraph starts a list of one item: `marker` is `1.`,
    /// `-`, ...; `line` is the line as written.
    AccidentalList { marker: String, line: String },
    /// An indented code block: its first line as written; the
    /// indentation was a tab (else spaces).
    IndentedCode { line: String, tab: bool },
    /// `[text](target)` that is text, not a link: `target` as written.
    BrokenLink { text: String, target: String },
    /// A line joined to the line before it, both looking like facts:
    /// the line as written.
    JoinedLine { line: String },
}

/// Every slip of a body, in order.
pub fn slips(body: &str) -> Vec<Slip> {
    let mut walk = Walk {
        body,
        slips: Vec::new(),
        previous: None,
        lists: Vec::new(),
        code: 0,
        open: Vec::new(),
        run: None,
    };
    for (event, range) in markdown::parse(body) {
        walk.event(&event, range);
    }
    walk.flush_run();
    walk.slips.sort_by_key(|s| s.range.start);
    walk.slips
}

/// A list being read: where it starts when it may be a slip, and how many
/// items it has.
struct List {
    suspect: Option<usize>,
    items: usize,
}

struct Walk<'a> {
    body: &'a str,
    slips: Vec<Slip>,
    /// The previous event, when it ended a paragraph: the paragraph's range.
    previous: Option<Range<usize>>,
    lists: Vec<List>,
    /// Inside a code block.
    code: usize,
    /// The open tags, innermost last: whether each is a list item.
    open: Vec<bool>,
    /// Text events side by side: their range in the body.
    run: Option<Range<usize>>,
}

impl Walk<'_> {
    fn event(&mut self, event: &Event, range: Range<usize>) {
        if let Event::Text(_) = event
            && self.code == 0
        {
            match &mut self.run {
                Some(run) if run.end == range.start => run.end = range.end,
                _ => {
                    self.flush_run();
                    self.run = Some(range.clone());
                }
            }
        } else {
            self.flush_run();
        }
        let paragraph = self.previous.take();
        // A list in a list item is nested on purpose.
        let in_item = self.open.last() == Some(&true);
        match event {
            Event::Start(tag) => self.open.push(matches!(tag, Tag::Item)),
            Event::End(_) => {
                self.open.pop();
            }
            _ => {}
        }
        match event {
            Event::End(TagEnd::Paragraph) => self.previous = Some(range),
            Event::Start(Tag::List(_)) => {
                let suspect = paragraph
                    .filter(|p| !in_item && self.interrupts(p, &range))
                    .map(|_| range.start);
                self.lists.push(List { suspect, items: 0 });
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = self.lists.last_mut() {
                    list.items += 1;
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(List {
                    suspect: Some(start),
                    items: 1,
                }) = self.lists.pop()
                {
                    self.accidental_list(start);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.code += 1;
                if let CodeBlockKind::Indented = kind {
                    self.indented_code(range.start);
                }
            }
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::SoftBreak if self.code == 0 => self.soft_break(range),
            _ => {}
        }
    }

    /// Whether a list at `list` starts on the line right after paragraph
    /// `paragraph` (no blank line between) whose last line does not lead
    /// into a list (`Det indstilles, at rådet:`).
    fn interrupts(&self, paragraph: &Range<usize>, list: &Range<usize>) -> bool {
        let text = self.body[..paragraph.end].trim_end();
        let last = &text[line_start(self.body, text.len())..];
        let between = self.body.get(text.len()..list.start).unwrap_or("\n\n");
        line_endings(between) == 1 && !last.ends_with(':')
    }

    fn accidental_list(&mut self, start: usize) {
        let end = line_end(self.body, start);
        let line = self.body[start..end].trim_end().to_string();
        let marker = line.split_whitespace().next().unwrap_or("").to_string();
        // A sentence goes on in lower case or with a number (`1. september`,
        // `- og`, `- 2025`); an item meant starts with a capital (`1. Velkomst`).
        let goes_on = line[marker.len()..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if !goes_on {
            return;
        }
        self.slips.push(Slip {
            kind: SlipKind::AccidentalList { marker, line },
            range: start..end,
        });
    }

    /// An indented code block starting in the line of `at`: its first line.
    fn indented_code(&mut self, at: usize) {
        let start = line_start(self.body, at);
        let end = line_end(self.body, at);
        let line = &self.body[start..end];
        let indent = &line[..line.len() - line.trim_start().len()];
        self.slips.push(Slip {
            kind: SlipKind::IndentedCode {
                tab: indent.contains('\t'),
                line: line.to_string(),
            },
            range: start..end,
        });
    }

    /// A line break that Markdown makes a space: a slip when the lines on
    /// both sides start with a label (`For stemte:`).
    fn soft_break(&mut self, range: Range<usize>) {
        let before = &self.body[line_start(self.body, range.start)..range.start];
        let next = skip_space(self.body, range.end);
        let after = &self.body[next..line_end(self.body, next)];
        if is_fact(before) && is_fact(after) {
            let line = after.trim_end().to_string();
            self.slips.push(Slip {
                range: next..next + line.len(),
                kind: SlipKind::JoinedLine { line },
            });
        }
    }

    /// The text events just read: `[text](target)` written in them is a
    /// link that did not parse.
    fn flush_run(&mut self) {
        let Some(run) = self.run.take() else { return };
        let Some(written) = self.body.get(run.clone()) else {
            return;
        };
        for found in LINK.captures_iter(written) {
            let (Some(whole), Some(text)) = (found.get(0), found.get(2)) else {
                continue;
            };
            let bracket = run.start + text.start() - 1;
            let escaped = self.body[..bracket].ends_with('\\') || text.as_str().ends_with('\\');
            if escaped {
                continue;
            }
            let open = run.start + whole.end();
            let end = target_end(self.body, open);
            let target = self.body[open..end].to_string();
            if target.trim().is_empty() {
                continue;
            }
            self.slips.push(Slip {
                kind: SlipKind::BrokenLink {
                    text: text.as_str().to_string(),
                    target,
                },
                range: open..end,
            });
        }
    }
}

/// `[text](` or `![text](` as written.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(!?)\[([^\[\]\n]*)\]\(").expect("a valid pattern"));

/// A line that reads as a fact of its own: it starts with a label (`For
/// stemte: A, B`, `Tid: kl. 16`; in a list item after its marker) or
/// ends with a count (`A, B, F og Ø stemte for (4)`).
static FACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*+]\s+|\d{1,9}[.)]\s+)?\p{Lu}[\p{L}\p{N} ./-]{0,40}:\s+\S|\(\d+\)$")
        .expect("a valid pattern")
});

fn is_fact(line: &str) -> bool {
    FACT.is_match(line.trim_start_matches(['>', ' ', '\t']).trim_end())
}

/// Where the target that starts at `open` ends: at its closing `)` (the
/// parentheses inside it balanced), else at the end of the line.
fn target_end(text: &str, open: usize) -> usize {
    let end = line_end(text, open);
    let mut depth = 0usize;
    for (i, c) in text[open..end].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return open + i,
            ')' => depth -= 1,
            _ => {}
        }
    }
    end
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// How many line endings `text` holds (`\r\n`, `\n` or `\r` each one).
fn line_endings(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i)
}

/// The first byte from `at` that is not a space, tab or line ending.
fn skip_space(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !c.is_whitespace() || c == '\u{2028}')
        .map_or(text.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Vec<(SlipKind, &str)> {
        slips(body)
            .into_iter()
            .map(|s| (s.kind, &body[s.range]))
            .collect()
    }

    #[test]
    fn a_wrapped_date_starts_a_list() {
        let body = "Planen træder i kraft den\n1. september 2026 og gælder alle skoler.\n";
        assert_eq!(
            kinds(body),
            [(
                SlipKind::AccidentalList {
                    marker: "1.".into(),
                    line: "1. september 2026 og gælder alle skoler.".into()
                },
                "1. september 2026 og gælder alle skoler."
            )]
        );
        let dash = "Rådet drøftede budgettet\n- og godkendte det.\n";
        assert_eq!(kinds(dash).len(), 1);
        // A list meant as one: after a colon, after a blank line, or of
        // more items.
        for meant in [
            "Det indstilles, at rådet:\n- godkender budgettet\n",
            "Rådet drøftede\n\n1. september\n",
            "Punkter\n- et\n- to\n",
            "Dagsorden\n1. Velkomst\n",
            "Bilag\n- Notat om støj\n",
        ] {
            assert_eq!(kinds(meant), [], "{meant:?}");
        }
    }

    #[test]
    fn an_indented_line_is_a_slip_and_fenced_code_is_not() {
        let body = "Tekst.\n\n\tIndrykket fra Word.\n\n```\nkode\n```\n";
        assert_eq!(
            kinds(body),
            [(
                SlipKind::IndentedCode {
                    line: "\tIndrykket fra Word.".into(),
                    tab: true
                },
                "\tIndrykket fra Word."
            )]
        );
    }

    #[test]
    fn a_link_with_a_space_is_a_slip() {
        let body = "Se [bilag 1](bilag/Bilag 1 - Notat om støj.pdf).\n";
        assert_eq!(
            kinds(body),
            [(
                SlipKind::BrokenLink {
                    text: "bilag 1".into(),
                    target: "bilag/Bilag 1 - Notat om støj.pdf".into()
                },
                "bilag/Bilag 1 - Notat om støj.pdf"
            )]
        );
        for fine in [
            "Se [bilag 1](<bilag/Bilag 1.pdf>).\n",
            "Se [bilag 1](bilag/Bilag%201.pdf).\n",
            "Se \\[bilag 1](bilag/Bilag 1.pdf).\n",
            "`[a](b c)`\n",
        ] {
            assert_eq!(kinds(fine), [], "{fine:?}");
        }
    }

    #[test]
    fn votes_in_a_list_item_or_by_count_and_lines_ending_in_cr() {
        for body in [
            "- For stemte: A, B\n  Imod stemte: V\n",
            "A, B, F og Ø stemte for (4)\nV, O og C stemte imod (3)\n",
            "For stemte: A, B\rImod stemte: V\r",
        ] {
            assert_eq!(slips(body).len(), 1, "{body:?}");
        }
        assert_eq!(slips("Planen gælder fra den\r1. september.\r").len(), 1);
        assert_eq!(slips("Planen gælder fra den\r\r1. september.\r").len(), 0);
    }

    #[test]
    fn vote_lines_joined_are_a_slip_and_wrapped_prose_is_not() {
        let body = "For stemte: A, B, F og Ø (4)\nImod stemte: V, O og C (3)\n";
        assert_eq!(
            kinds(body),
            [(
                SlipKind::JoinedLine {
                    line: "Imod stemte: V, O og C (3)".into()
                },
                "Imod stemte: V, O og C (3)"
            )]
        );
        for fine in [
            "For stemte: A, B, F og Ø (4)\\\nImod stemte: V, O og C (3)\n",
            "Rådet godkendte budgettet for 2022 og bad\nforvaltningen om en plan.\n",
            "Bemærk: rådet godkendte\nbudgettet.\n",
            "Anne Holm forlod mødet kl. 16.45.\nMødet blev hævet kl. 17.10.\n",
        ] {
            assert_eq!(kinds(fine), [], "{fine:?}");
        }
    }
}
