//! Reading typed fields out of the YAML tree. Every problem becomes a
//! finding at the offending key or value; reading always goes on.

use crate::diag::{Diagnostic, Loc, Rule};
use crate::model::Spanned;
use crate::source::files::FileId;
use crate::source::yaml::{Node, Value};
use crate::suggest;

pub struct Reader<'a> {
    pub file: FileId,
    pub diags: &'a mut Vec<Diagnostic>,
    /// Known fields that an unknown key was taken for (`sga` -> `sag`), so
    /// that the field's absence is not reported a second time.
    pub misspelt: Vec<&'static str>,
}

/// One known field of a mapping: its name, where the key is, its value.
pub struct Field<'n> {
    pub name: &'static str,
    pub key: std::ops::Range<usize>,
    pub value: &'n Node,
}

impl Reader<'_> {
    pub fn loc(&self, span: std::ops::Range<usize>) -> Loc {
        Loc::new(self.file, span)
    }

    /// The entries of a mapping whose keys are all in `allowed`; unknown keys
    /// are reported (with a did-you-mean) and left out. `what` names the
    /// mapping in messages ("meeting.yaml", "a person").
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        allowed: &[&'static str],
        what: &str,
    ) -> Option<Vec<Field<'n>>> {
        let Value::Map(entries) = &node.value else {
            self.bad_value(node, &format!("{what} must be a mapping of fields"));
            return None;
        };
        let mut known = Vec::new();
        for (key, value) in entries {
            let name = key.as_str().unwrap_or_default();
            if let Some(known_name) = allowed.iter().find(|a| **a == name) {
                known.push(Field {
                    name: known_name,
                    key: key.span.clone(),
                    value,
                });
            } else {
                let danish = suggest::danish_field(name, allowed.iter().copied());
                let meant = danish.or_else(|| suggest::closest(name, allowed.iter().copied()));
                let help = match meant {
                    Some(s) => {
                        if let Some(field) = allowed.iter().find(|a| **a == s) {
                            self.misspelt.push(field);
                        }
                        match danish {
                            Some(_) => format!("did you mean `{s}`? Field names are in English"),
                            None => format!("did you mean `{s}`?"),
                        }
                    }
                    None => format!("the fields of {what} are: {}", allowed.join(", ")),
                };
                self.diags.push(
                    Diagnostic::error(
                        Rule::UnknownField,
                        self.loc(key.span.clone()),
                        format!("unknown field `{name}` in {what}"),
                    )
                    .with_help(help),
                );
            }
        }
        Some(known)
    }

    pub fn bad_value(&mut self, node: &Node, message: &str) {
        self.bad_value_help(node, message, None);
    }

    pub fn bad_value_help(&mut self, node: &Node, message: &str, help: Option<String>) {
        self.diags.push(
            Diagnostic::error(
                Rule::BadValue,
                self.loc(node.span.clone()),
                message.to_string(),
            )
            .with_help_opt(help),
        );
    }

    /// A text value; an empty value is `None`, a list or mapping a finding.
    pub fn text(&mut self, node: &Node, field: &str) -> Option<Spanned<String>> {
        if node.is_null() {
            return None;
        }
        match node.as_str() {
            Some(text) => Some(Spanned::new(text.trim().to_string(), node.span.clone())),
            None => {
                let help = match &node.value {
                    Value::Seq(_) => format!(
                        "write one value after `{field}:`; if it holds a comma or brackets, put it in quotes"
                    ),
                    _ => format!("write `{field}: <text>` on one line"),
                };
                self.bad_value_help(
                    node,
                    &format!("`{field}` must be text, not {}", node.kind()),
                    Some(help),
                );
                None
            }
        }
    }

    /// One text or a list of texts (`responsible: A` or `[A, B]`).
    pub fn text_list(&mut self, node: &Node, field: &str) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, field))
                .collect(),
            _ => self.text(node, field).into_iter().collect(),
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, node: &Node, field: &str) -> Option<bool> {
        match node.as_str() {
            Some("true" | "True" | "TRUE") => Some(true),
            Some("false" | "False" | "FALSE") => Some(false),
            _ if node.is_null() => None,
            _ => {
                self.bad_value_help(
                    node,
                    &format!("`{field}` must be true or false"),
                    Some(format!("write `{field}: true` or `{field}: false`")),
                );
                None
            }
        }
    }

    /// Checks a required field: absent (reported at `absent_at`, where it
    /// belongs) or empty (reported at its key). A field with a value of the
    /// wrong kind has its own finding already.
    pub fn require(
        &mut self,
        fields: &[Field<'_>],
        field: &str,
        absent_at: std::ops::Range<usize>,
        what: &str,
        help: &str,
    ) {
        match fields.iter().find(|f| f.name == field) {
            None => self.missing(absent_at, field, what, help),
            Some(f)
                if f.value.is_null() || f.value.as_str().is_some_and(|t| t.trim().is_empty()) =>
            {
                self.diags.push(
                    Diagnostic::error(
                        Rule::MissingField,
                        self.loc(f.key.clone()),
                        format!("`{field}` is empty"),
                    )
                    .with_help(help.to_string()),
                );
            }
            Some(_) => {}
        }
    }

    /// A required field that is absent: reported at `at`, unless an unknown
    /// key was already reported as a misspelling of it.
    pub fn missing(&mut self, at: std::ops::Range<usize>, field: &str, what: &str, help: &str) {
        if self.misspelt.contains(&field) {
            return;
        }
        self.diags.push(
            Diagnostic::error(
                Rule::MissingField,
                self.loc(at),
                format!("{what} has no `{field}`"),
            )
            .with_help(help.to_string()),
        );
    }
}
