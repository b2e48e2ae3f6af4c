//! A small YAML tree with byte spans, built from saphyr-parser's events.
//!
//! rk reads every scalar as the text that was written (`number: 2.10` stays
//! "2.10"), and needs the position of every key and value for its findings,
//! so it keeps its own tree rather than deserializing into typed structs.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

use crate::tr;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar as written; `plain` is false for quoted and block scalars.
    Scalar {
        text: String,
        plain: bool,
        /// A comment on the same line right after a plain scalar.
        comment: Option<Comment>,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// A `#` comment right after a plain value on its line. YAML ends the value
/// at ` #`, so `title: Budget #2 - forslag` is the title `Budget`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// Byte range of the comment, from `#` to the end of its line.
    pub span: Range<usize>,
    /// The spaces and tabs between the value and `#`.
    pub gap: String,
    /// The comment as written, `#` included.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Byte range in the file the YAML came from.
    pub span: Range<usize>,
}

impl Node {
    /// True for an empty value (`key:`), `~` and `null`.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true, .. }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// What kind of value this is, for messages to word: `empty`, `text`,
    /// `list`, `mapping`.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "empty",
            Value::Scalar { .. } => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "mapping",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub span: Range<usize>,
    /// What is wrong, in the chosen language; the parser's own words (in
    /// English) when `parser`.
    pub message: String,
    /// The usual cause, in a referent's words.
    pub help: Option<String>,
    /// True when `message` is the parser's own, to be put in plain words
    /// (`findings::yaml`).
    pub parser: bool,
    /// The edit the help proposes: bytes of the file and their replacement.
    pub fix: Option<(Range<usize>, String)>,
}

impl YamlError {
    fn new(span: Range<usize>, message: impl Into<String>, help: Option<String>) -> Self {
        YamlError {
            span,
            message: message.into(),
            help,
            parser: false,
            fix: None,
        }
    }

    /// The parser's own error, `info`, at `span`.
    fn parser(span: Range<usize>, info: &str) -> Self {
        YamlError {
            parser: true,
            ..YamlError::new(span, info, None)
        }
    }
}

/// Parses one YAML document. `base` is the byte offset of `text` in its file,
/// so spans point into the file. An empty document gives `Ok(None)`.
pub fn parse(text: &str, base: usize) -> Result<Option<Node>, YamlError> {
    let offsets = CharOffsets::new(text, base);
    let mut builder = Builder {
        text,
        offsets: &offsets,
        stack: Vec::new(),
        root: None,
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| scan_error(text, &offsets, &e))?;
        builder.on_event(event, span)?;
    }
    Ok(builder.root)
}

fn scan_error(text: &str, offsets: &CharOffsets, e: &ScanError) -> YamlError {
    let at = offsets.byte(e.marker().index()) - offsets.base;
    let mut err = explain(text, at, e.info());
    err.span = offsets.base + err.span.start..offsets.base + err.span.end;
    err.fix = err
        .fix
        .map(|(span, text)| (offsets.base + span.start..offsets.base + span.end, text));
    err
}

/// Characters a word processor puts where `"` and `'` were typed. YAML does
/// not take them for quotes.
const CURLY_OPEN: &[char] = &['“', '”', '„', '‘', '’', '‚'];
const CURLY_CLOSE: &[char] = &['”', '“', '’', '‘'];
/// Bullets pasted from a word processor where YAML wants `- `.
const BULLETS: &[char] = &['•', '◦', '▪', '●', '‣', '⁃', '·'];

/// True for a curly quote.
pub fn is_curly(c: char) -> bool {
    CURLY_OPEN.contains(&c) || CURLY_CLOSE.contains(&c)
}

/// The text inside curly quotes when a whole value is wrapped in them
/// (`“Budget”`): YAML keeps such quotes as part of the text.
pub fn curly_quoted(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let (first, last) = (chars.next()?, chars.next_back()?);
    let inner = chars.as_str();
    (CURLY_OPEN.contains(&first) && CURLY_CLOSE.contains(&last) && !inner.contains(is_curly))
        .then_some(inner)
}

/// The entries of a value written as a bulleted list (`• Anna` on one line
/// and `• Bo` on the next), which YAML reads as the one text `• Anna • Bo`.
pub fn bulleted(text: &str) -> Option<Vec<&str>> {
    let first = text.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    Some(
        text.split(BULLETS)
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .collect(),
    )
}

/// `text` in double quotes, as YAML reads it back.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A parser error (at byte `at` of `text`) put in a referent's words, at
/// the place to fix: a bullet instead of `- `, curly quotes, a tab in the
/// indentation, a quote that is not closed. Any other error is the
/// parser's, at its position (with the fix when a value needs quotes).
fn explain(text: &str, at: usize, info: &str) -> YamlError {
    let line = line_at(text, at);
    let bullet = lines(text)
        .take_while(|l| l.start <= line.start)
        .find_map(|l| bullet_at(text, l));
    if let Some(bullet) = bullet {
        return bullet;
    }
    if let Some(curly) = curly_quotes_at(text, line.clone()) {
        return curly;
    }
    if info.contains("tab") {
        let tab = lines(text)
            .skip_while(|l| l.end < line.start)
            .find_map(|l| indentation_tab(text, l));
        if let Some(tab) = tab {
            return YamlError::new(
                tab..tab + 1,
                tr!("load-yaml-tab-in-indentation"),
                Some(tr!("load-yaml-tab-in-indentation.help")),
            );
        }
    }
    let quote = text.get(at..).and_then(|rest| rest.chars().next());
    if let Some(quote @ ('"' | '\'')) = quote.filter(|_| info.contains("quoted scalar")) {
        return unclosed_quote(text, at, quote);
    }
    let mut err = YamlError::parser(at..at, info);
    if info.contains("mapping values are not allowed") {
        err.fix = quote_value(text, line, at);
    }
    err
}

/// `key: Tema: Evaluering` on `line`, the parser stopping at byte `at` in
/// the value: the value after the first `: `, and that value quoted
/// (`"Tema: Evaluering"`).
fn quote_value(text: &str, line: Range<usize>, at: usize) -> Option<(Range<usize>, String)> {
    let content = &text[line.clone()];
    let colon = content.find(": ")?;
    if at < line.start + colon + 2 {
        return None;
    }
    let key = content[..colon].trim_start().trim_start_matches("- ");
    if key.is_empty() || key.contains([' ', '"', '\'', '[', '{']) {
        return None;
    }
    let rest = &content[colon + 2..];
    let value = rest.trim();
    if value.is_empty() || value.starts_with(['"', '\'']) {
        return None;
    }
    let start = line.start + colon + 2 + (rest.len() - rest.trim_start().len());
    Some((start..start + value.len(), quoted(value)))
}

/// A value wrapped in curly quotes on a line that does not parse
/// (`title: “Tema: Evaluering”`).
fn curly_quotes_at(text: &str, line: Range<usize>) -> Option<YamlError> {
    let content = &text[line.clone()];
    let starts_value = |i: usize| {
        let before = content[..i].trim_end();
        before.is_empty() || before.ends_with([':', '-', '[', '{', ','])
    };
    let (i, quote) = content
        .char_indices()
        .find(|&(i, c)| is_curly(c) && starts_value(i))?;
    if !content.trim_end().ends_with(is_curly) {
        return None;
    }
    let straight: String = content
        .trim()
        .chars()
        .map(|c| if is_curly(c) { '"' } else { c })
        .collect();
    let start = line.start + i;
    Some(YamlError::new(
        start..start + quote.len_utf8(),
        tr!("load-yaml-curly-not-a-quote", quote = quote.to_string()),
        Some(tr!("load-yaml-straight-quotes", fixed = straight)),
    ))
}

/// A quote at byte `at` that the value does not close.
fn unclosed_quote(text: &str, at: usize, quote: char) -> YamlError {
    let line = line_at(text, at);
    let quote = quote.to_string();
    let help = if text[line.start..at].contains(['[', '{']) {
        tr!(
            "load-yaml-unclosed-quote.help-in-brackets",
            quote = quote.as_str()
        )
    } else {
        tr!(
            "load-yaml-unclosed-quote.help",
            quote = quote.as_str(),
            line = text[line].trim()
        )
    };
    YamlError::new(
        at..at + 1,
        tr!("load-yaml-unclosed-quote", quote = quote),
        Some(help),
    )
}

/// A line that starts with a bullet instead of `- `.
fn bullet_at(text: &str, line: Range<usize>) -> Option<YamlError> {
    let content = &text[line.clone()];
    let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
    let bullet = content[indent..]
        .chars()
        .next()
        .filter(|c| BULLETS.contains(c))?;
    let start = line.start + indent;
    let entry = content[indent + bullet.len_utf8()..].trim();
    let entry = if entry.is_empty() { "<name>" } else { entry };
    Some(YamlError::new(
        start..start + bullet.len_utf8(),
        tr!("load-yaml-not-a-list-marker", bullet = bullet.to_string()),
        Some(tr!("load-yaml-not-a-list-marker.help", entry = entry)),
    ))
}

/// The first tab in a line's indentation.
fn indentation_tab(text: &str, line: Range<usize>) -> Option<usize> {
    let content = &text[line.clone()];
    let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
    content[..indent].find('\t').map(|i| line.start + i)
}

/// Each line's byte range, without its line ending.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let next = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = start..start + text[start..next].trim_end_matches(['\n', '\r']).len();
        start = next;
        Some(line)
    })
}

/// The line that holds byte `at`, without its line ending.
fn line_at(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..start + text[start..end].trim_end_matches('\r').len()
}

/// Maps saphyr's character indexes to byte offsets in the file.
struct CharOffsets {
    base: usize,
    /// Byte offset of each character, or empty when the text is ASCII.
    bytes: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str, base: usize) -> Self {
        let bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharOffsets {
            base,
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = if self.bytes.is_empty() {
            char_index.min(self.len)
        } else {
            self.bytes.get(char_index).copied().unwrap_or(self.len)
        };
        self.base + local
    }

    fn span(&self, span: Span) -> Range<usize> {
        self.byte(span.start.index())..self.byte(span.end.index())
    }
}

enum OpenCollection {
    Seq(usize, Vec<Node>),
    Map(usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder<'a> {
    text: &'a str,
    offsets: &'a CharOffsets,
    stack: Vec<OpenCollection>,
    root: Option<Node>,
    documents: usize,
}

impl Builder<'_> {
    fn on_event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let range = self.offsets.span(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(YamlError::new(range, tr!("load-yaml-one-document"), None));
                }
            }
            Event::Alias(_) => {
                return Err(YamlError::new(
                    range,
                    tr!("load-yaml-alias"),
                    Some(tr!("load-yaml-alias.help")),
                ));
            }
            Event::Scalar(text, style, _, _) => {
                let plain = style == ScalarStyle::Plain;
                let comment = if plain && !text.is_empty() {
                    self.comment_after(range.end)
                } else {
                    None
                };
                self.push(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain,
                        comment,
                    },
                    span: range,
                })?;
            }
            Event::SequenceStart(..) => self
                .stack
                .push(OpenCollection::Seq(range.start, Vec::new())),
            Event::MappingStart(..) => {
                self.stack
                    .push(OpenCollection::Map(range.start, Vec::new(), None))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(OpenCollection::Seq(start, items)) => Node {
                        value: Value::Seq(items),
                        span: start..range.end.max(start),
                    },
                    Some(OpenCollection::Map(start, entries, _)) => Node {
                        value: Value::Map(entries),
                        span: start..range.end.max(start),
                    },
                    None => return Ok(()),
                };
                self.push(node)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// A comment on the same line after a value that ends at byte `end`.
    fn comment_after(&self, end: usize) -> Option<Comment> {
        let local = end.checked_sub(self.offsets.base)?;
        let rest = self.text.get(local..)?;
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let comment = line.trim_start_matches([' ', '\t']);
        let gap = &line[..line.len() - comment.len()];
        if gap.is_empty() || !comment.starts_with('#') {
            return None;
        }
        let comment = comment.trim_end();
        let start = end + gap.len();
        Some(Comment {
            span: start..start + comment.len(),
            gap: gap.to_string(),
            text: comment.to_string(),
        })
    }

    fn push(&mut self, node: Node) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(OpenCollection::Seq(_, items)) => items.push(node),
            Some(OpenCollection::Map(_, entries, key)) => match key.take() {
                None => {
                    if !matches!(node.value, Value::Scalar { .. }) {
                        return Err(YamlError::new(
                            node.span,
                            tr!("load-yaml-key-not-plain"),
                            None,
                        ));
                    }
                    if entries.iter().any(|(k, _)| k.as_str() == node.as_str()) {
                        return Err(YamlError::new(
                            node.span.clone(),
                            tr!(
                                "load-yaml-key-twice",
                                field = node.as_str().unwrap_or_default()
                            ),
                            Some(tr!("load-yaml-key-twice.help")),
                        ));
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[(Node, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn scalars_keep_their_written_text_and_spans() {
        let text = "number: 2.10\ntitle: Æble\n";
        let root = parse(text, 100).unwrap().unwrap();
        let entries = map(&root);
        assert_eq!(entries[0].1.as_str(), Some("2.10"));
        assert_eq!(entries[0].1.span.start, 100 + 8);
        let title = &entries[1].1;
        assert_eq!(title.as_str(), Some("Æble"));
        assert_eq!(&text[title.span.start - 100..title.span.end - 100], "Æble");
    }

    #[test]
    fn duplicate_keys_and_aliases_are_errors() {
        assert!(
            parse("a: 1\na: 2\n", 0)
                .unwrap_err()
                .message
                .contains("twice")
        );
        assert!(
            parse("a: &x 1\nb: *x\n", 0)
                .unwrap_err()
                .message
                .contains("aliases")
        );
    }

    #[test]
    fn a_comment_after_a_plain_value_is_kept_with_its_place() {
        let text = "title: Budget #2 - forslag\nsag: \"x\" # y\nr: [A, B] # z\n";
        let root = parse(text, 10).unwrap().unwrap();
        let entries = map(&root);
        let Value::Scalar { comment, .. } = &entries[0].1.value else {
            panic!("not a scalar")
        };
        let comment = comment.as_ref().unwrap();
        assert_eq!(comment.text, "#2 - forslag");
        assert_eq!(comment.gap, " ");
        assert_eq!(
            &text[comment.span.start - 10..comment.span.end - 10],
            "#2 - forslag"
        );
        // Quoted values and the last entry of a flow list carry none.
        assert!(matches!(
            &entries[1].1.value,
            Value::Scalar { comment: None, .. }
        ));
        let Value::Seq(items) = &entries[2].1.value else {
            panic!("not a list")
        };
        assert!(matches!(
            &items[1].value,
            Value::Scalar { comment: None, .. }
        ));
    }

    #[test]
    fn word_habits_are_explained_where_they_are() {
        let tab = parse("a: 1\nb:\n  - x\n\t- y\n", 0).unwrap_err();
        assert_eq!(
            (tab.span, tab.message.as_str()),
            (14..15, "a tab in the indentation")
        );
        let bullet = parse("a:\n• x\n• y\n", 0).unwrap_err();
        assert_eq!(bullet.span, 3..6);
        assert_eq!(
            bullet.help.as_deref(),
            Some("write `- x`: a hyphen and a space")
        );
        let curly = parse("t: “a: b”\n", 0).unwrap_err();
        assert_eq!(curly.span, 3..6);
        // Quotes inside a value that does not parse are not the cause.
        let inside = parse("t: “a” og “b”: c\n", 0).unwrap_err();
        assert!(inside.message.contains("mapping values"), "{inside:?}");
        let quote = parse("a: 1\nt: \"abc\nb: 2\n", 0).unwrap_err();
        assert_eq!(quote.span, 8..9);
        assert_eq!(curly_quoted("“Anna”"), Some("Anna"));
        assert_eq!(curly_quoted("“a” og “b”"), None);
        assert_eq!(curly_quoted("”"), None);
        assert_eq!(bulleted("• A • B"), Some(vec!["A", "B"]));
    }

    #[test]
    fn a_value_that_holds_a_colon_is_fixed_by_quoting_it() {
        let text = "number: \"1\"\ntitle: Tema: Evaluering  \n";
        let err = parse(text, 10).unwrap_err();
        let (span, fixed) = err.fix.expect("a fix");
        assert_eq!(&text[span.start - 10..span.end - 10], "Tema: Evaluering");
        assert_eq!(fixed, "\"Tema: Evaluering\"");
        // Nothing to quote when the line is no `key: value`.
        assert_eq!(
            quote_value("- a: b: c", 0..9, 6).map(|f| f.1).as_deref(),
            Some("\"b: c\"")
        );
        assert_eq!(quote_value("\"x\": a: b", 0..9, 6), None);
    }

    #[test]
    fn scan_errors_point_at_the_problem() {
        let err = parse("a: [1, 2\nb: 3\n", 0).unwrap_err();
        assert!(err.span.start > 0, "{err:?}");
    }
}
