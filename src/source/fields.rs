//! Reading typed fields out of the YAML tree. Every problem becomes a
//! finding at the offending key or value; reading always goes on.

use crate::diag::{Diagnostic, Loc};
use crate::files::FileId;
use crate::model::Spanned;
use crate::source::findings::{self, Mapping, Required};
use crate::source::yaml::{self, Comment, Node, Value};
use crate::suggest;

/// Fields whose values have a fixed form, checked by rules of their own,
/// where a comment after the value (`sag: none # no case yet`) is normal.
const CODE_FIELDS: &[&str] = &["number", "date", "sag", "from"];

/// True when the comment after a value of `field` most likely cuts a text
/// short (`title: Budget #2 - forslag`): the field holds free text and the
/// comment is not set off as one. A comment is taken as meant when two
/// spaces (or a tab) come before `#` and a space after it, as in
/// `- name: Ken Rindsig  # 2.2`.
fn cuts_short(field: &str, comment: &Comment) -> bool {
    let set_off = comment.gap.len() >= 2 || comment.gap.contains('\t');
    let after = comment.text.strip_prefix('#').unwrap_or_default();
    let spaced = after.is_empty() || after.starts_with([' ', '\t']);
    let meant = set_off && spaced;
    !meant && !CODE_FIELDS.contains(&field)
}

/// Where a value was written, so that a help can show the line to write.
#[derive(Clone, Copy)]
enum Form {
    /// `title: <value>`
    Field,
    /// `- <value>`, an entry of a list
    Entry,
}

impl Form {
    fn write(self, field: &str, value: &str) -> String {
        match self {
            Form::Field => format!("{field}: {value}"),
            Form::Entry => format!("- {value}"),
        }
    }
}

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

    /// Records a finding.
    pub fn report(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    /// The entries of a mapping whose keys are all in `allowed`; unknown keys
    /// are reported (with a did-you-mean) and left out. `what` names the
    /// mapping in messages (meeting.yaml, a person).
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        allowed: &[&'static str],
        what: Mapping,
    ) -> Option<Vec<Field<'n>>> {
        let Value::Map(entries) = &node.value else {
            self.report(findings::not_a_mapping(self.loc(node.span.clone()), what));
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
                if let Some(field) = meant.and_then(|s| allowed.iter().find(|a| **a == s)) {
                    self.misspelt.push(field);
                }
                self.report(findings::unknown_field(
                    self.loc(key.span.clone()),
                    name,
                    what,
                    meant,
                    danish.is_some(),
                    allowed,
                ));
            }
        }
        Some(known)
    }

    /// A text value; an empty value is `None`, a list or mapping a finding.
    pub fn text(&mut self, node: &Node, field: &str) -> Option<Spanned<String>> {
        self.text_as(node, field, Form::Field)
    }

    /// A text written as an entry of a list (`- Anna`).
    pub fn entry_text(&mut self, node: &Node, field: &str) -> Option<Spanned<String>> {
        self.text_as(node, field, Form::Entry)
    }

    fn text_as(&mut self, node: &Node, field: &str, form: Form) -> Option<Spanned<String>> {
        if node.is_null() {
            return None;
        }
        let Value::Scalar {
            text,
            plain,
            comment,
        } = &node.value
        else {
            let is_list = matches!(node.value, Value::Seq(_));
            let loc = self.loc(node.span.clone());
            self.report(findings::not_text(loc, field, node.kind(), is_list));
            return None;
        };
        let value = Spanned::new(text.trim().to_string(), node.span.clone());
        if !plain {
            return Some(value);
        }
        let value = self.unquote_curly(node, text, field, form).unwrap_or(value);
        if let Some(comment) = comment.as_ref().filter(|c| cuts_short(field, c)) {
            self.cut_short(&value.value, comment, field, form);
        }
        Some(value)
    }

    /// A plain value wrapped in curly quotes (`“Anna”`): a finding, and the
    /// value without them, so that the checks after it see the name meant.
    fn unquote_curly(
        &mut self,
        node: &Node,
        text: &str,
        field: &str,
        form: Form,
    ) -> Option<Spanned<String>> {
        let inner = yaml::curly_quoted(text)?;
        let fixed = form.write(field, &yaml::quoted(inner));
        let loc = self.loc(node.span.clone());
        self.report(findings::curly_quoted(loc, text, &fixed));
        let open = text.len() - text.trim_start_matches(yaml::is_curly).len();
        let close = text.len() - text.trim_end_matches(yaml::is_curly).len();
        let span = node.span.start + open..node.span.end.saturating_sub(close);
        Some(Spanned::new(inner.trim().to_string(), span))
    }

    /// A warning at a comment that cuts the value `read` short.
    fn cut_short(&mut self, read: &str, comment: &Comment, field: &str, form: Form) {
        let meant = format!("{read}{}{}", comment.gap, comment.text);
        let fixed = form.write(field, &yaml::quoted(&meant));
        let loc = self.loc(comment.span.clone());
        self.report(findings::cut_short_by_comment(loc, field, read, &fixed));
    }

    /// A value written as a bulleted list (`• Anna`, which YAML reads as one
    /// text): a finding, and the entries as they were meant.
    pub fn bulleted(&mut self, node: &Node, field: &str) -> Option<Vec<Spanned<String>>> {
        let Value::Scalar {
            text, plain: true, ..
        } = &node.value
        else {
            return None;
        };
        let entries = yaml::bulleted(text)?;
        let bullet = text.chars().next()?;
        let list: String = entries.iter().map(|e| format!("\n  - {e}")).collect();
        let loc = self.loc(node.span.start..node.span.start + bullet.len_utf8());
        self.report(findings::bulleted_list(loc, bullet, field, &list));
        Some(
            entries
                .into_iter()
                .map(|e| Spanned::new(e.to_string(), node.span.clone()))
                .collect(),
        )
    }

    /// One text or a list of texts (`responsible: A` or `[A, B]`).
    pub fn text_list(&mut self, node: &Node, field: &str) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.entry_text(item, field))
                .collect(),
            _ => match self.bulleted(node, field) {
                Some(entries) => entries,
                None => self.text(node, field).into_iter().collect(),
            },
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, node: &Node, field: &str) -> Option<bool> {
        match node.as_str() {
            Some("true" | "True" | "TRUE") => Some(true),
            Some("false" | "False" | "FALSE") => Some(false),
            _ if node.is_null() => None,
            _ => {
                let loc = self.loc(node.span.clone());
                self.report(findings::not_a_boolean(loc, field));
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
        required: &Required,
        absent_at: std::ops::Range<usize>,
    ) {
        match fields.iter().find(|f| f.name == required.field) {
            None => self.missing(absent_at, required),
            Some(f)
                if f.value.is_null() || f.value.as_str().is_some_and(|t| t.trim().is_empty()) =>
            {
                let loc = self.loc(f.key.clone());
                self.report(findings::field_empty(loc, required));
            }
            Some(_) => {}
        }
    }

    /// A required field that is absent: reported at `at`, unless an unknown
    /// key was already reported as a misspelling of it.
    pub fn missing(&mut self, at: std::ops::Range<usize>, required: &Required) {
        if self.misspelt.contains(&required.field) {
            return;
        }
        let loc = self.loc(at);
        self.report(findings::field_missing(loc, required));
    }
}
