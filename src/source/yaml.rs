//! A small YAML tree with byte spans, built from saphyr-parser's events.
//!
//! rk reads every scalar as the text that was written (`number: 2.10` stays
//! "2.10"), and needs the position of every key and value for its findings,
//! so it keeps its own tree rather than deserializing into typed structs.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar as written; `plain` is false for quoted and block scalars.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
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
        matches!(&self.value, Value::Scalar { text, plain: true }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a list", "a mapping").
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "empty",
            Value::Scalar { .. } => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub span: Range<usize>,
    pub message: String,
}

/// Parses one YAML document. `base` is the byte offset of `text` in its file,
/// so spans point into the file. An empty document gives `Ok(None)`.
pub fn parse(text: &str, base: usize) -> Result<Option<Node>, YamlError> {
    let offsets = CharOffsets::new(text, base);
    let mut builder = Builder {
        offsets: &offsets,
        stack: Vec::new(),
        root: None,
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| scan_error(&offsets, &e))?;
        builder.on_event(event, span)?;
    }
    Ok(builder.root)
}

fn scan_error(offsets: &CharOffsets, e: &ScanError) -> YamlError {
    let at = offsets.byte(e.marker().index());
    YamlError {
        span: at..at,
        message: e.info().to_string(),
    }
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

enum Open {
    Seq(usize, Vec<Node>),
    Map(usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder<'a> {
    offsets: &'a CharOffsets,
    stack: Vec<Open>,
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
                    return Err(YamlError {
                        span: range,
                        message: "only one YAML document is allowed here".into(),
                    });
                }
            }
            Event::Alias(_) => {
                return Err(YamlError {
                    span: range,
                    message: "anchors and aliases (`*name`) are not supported in rk sources".into(),
                });
            }
            Event::Scalar(text, style, _, _) => {
                let plain = style == ScalarStyle::Plain;
                self.push(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                    span: range,
                })?;
            }
            Event::SequenceStart(..) => self.stack.push(Open::Seq(range.start, Vec::new())),
            Event::MappingStart(..) => self.stack.push(Open::Map(range.start, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Seq(start, items)) => Node {
                        value: Value::Seq(items),
                        span: start..range.end.max(start),
                    },
                    Some(Open::Map(start, entries, _)) => Node {
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

    fn push(&mut self, node: Node) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, key)) => match key.take() {
                None => {
                    if !matches!(node.value, Value::Scalar { .. }) {
                        return Err(YamlError {
                            span: node.span,
                            message: "a key must be a plain name, not a list or mapping".into(),
                        });
                    }
                    if let Some((first, _)) =
                        entries.iter().find(|(k, _)| k.as_str() == node.as_str())
                    {
                        let _ = first;
                        return Err(YamlError {
                            span: node.span.clone(),
                            message: format!(
                                "the field `{}` is given twice in one mapping",
                                node.as_str().unwrap_or_default()
                            ),
                        });
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
    fn scan_errors_point_at_the_problem() {
        let err = parse("a: [1, 2\nb: 3\n", 0).unwrap_err();
        assert!(err.span.start > 0, "{err:?}");
    }
}
