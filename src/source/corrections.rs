//! What a change to an approved meeting's file is: the text of a file
//! with its `berigtigelser` block (an item's corrections by addition) cut
//! out, and the entries of that block, so that two versions can be
//! compared as "the same, but for new berigtigelser at the end".

use std::ops::Range;

use crate::source::yaml::{self, Node, Value};

/// An item file's text split around its `berigtigelser` field.
#[derive(Debug, PartialEq, Eq)]
pub struct Corrected<'t> {
    /// The text without the field's lines.
    pub rest: String,
    /// Where the field's lines are in the text (empty when it has none).
    pub block: Range<usize>,
    /// Each entry's date and text as written.
    pub entries: Vec<(String, String)>,
    /// The whole text.
    pub text: &'t str,
}

/// `text`, an item file, with its `berigtigelser` field cut out. A file
/// whose front matter does not parse is taken whole.
pub fn split(text: &str) -> Corrected<'_> {
    let whole = || Corrected {
        rest: text.to_string(),
        block: 0..0,
        entries: Vec::new(),
        text,
    };
    let Ok(Some(found)) = super::split_front_matter(text) else {
        return whole();
    };
    let Ok(Some(root)) = yaml::parse(&text[found.yaml.clone()], found.yaml.start) else {
        return whole();
    };
    let Value::Map(fields) = &root.value else {
        return whole();
    };
    let Some((key, value)) = fields
        .iter()
        .find(|(k, _)| k.as_str() == Some("berigtigelser"))
    else {
        return whole();
    };
    let start = text[..key.span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[value.span.end.max(key.span.end)..]
        .find('\n')
        .map_or(text.len(), |i| value.span.end.max(key.span.end) + i + 1);
    // Not past the front matter's closing line.
    let end = end.min(found.yaml.end);
    Corrected {
        rest: format!("{}{}", &text[..start], &text[end..]),
        block: start..end,
        entries: entries(value),
        text,
    }
}

/// The date and text of each entry of a `berigtigelser` list.
fn entries(value: &Node) -> Vec<(String, String)> {
    let Value::Seq(items) = &value.value else {
        return Vec::new();
    };
    let field = |entry: &Node, name: &str| -> String {
        match &entry.value {
            Value::Map(fields) => fields
                .iter()
                .find(|(k, _)| k.as_str() == Some(name))
                .and_then(|(_, v)| v.as_str())
                .unwrap_or_default()
                .trim()
                .to_string(),
            _ => String::new(),
        }
    };
    items
        .iter()
        .map(|entry| (field(entry, "date"), field(entry, "text")))
        .collect()
}

/// Whether an item file went from `old` to `new` by adding berigtigelser
/// only: the rest byte for byte the same, the old entries unchanged at the
/// start of the new ones. `Err` gives where the new text differs first.
pub fn only_added(old: &str, new: &str) -> Result<(), usize> {
    let (old, new) = (split(old), split(new));
    if old.rest != new.rest {
        let at = first_difference(&old.rest, &new.rest);
        // Back to the new text: after the cut block, shifted by it.
        let at = if at >= new.block.start && !new.block.is_empty() {
            at + new.block.len()
        } else {
            at
        };
        return Err(at.min(new.text.len()));
    }
    if !new.entries.starts_with(&old.entries) {
        return Err(new.block.start);
    }
    Ok(())
}

/// The byte offset (at a character boundary) where two texts first differ.
pub fn first_difference(a: &str, b: &str) -> usize {
    let mut at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    while !b.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "---\nnumber: \"42\"\ntitle: Lokalplan\n---\n## Beslutning\n\nGodkendt.\n";

    #[test]
    fn a_berigtigelse_added_is_no_change() {
        let added = "---\nnumber: \"42\"\ntitle: Lokalplan\nberigtigelser:\n  - date: 2024-07-03\n    text: Rettet.\n---\n## Beslutning\n\nGodkendt.\n";
        assert_eq!(only_added(ITEM, added), Ok(()));
        let two = added.replace(
            "Rettet.\n",
            "Rettet.\n  - { date: 2024-08-01, text: Igen. }\n",
        );
        assert_eq!(only_added(added, &two), Ok(()));
        // An old entry edited, or removed, is a change.
        assert!(only_added(&two, &two.replace("Rettet.", "Ændret.")).is_err());
        assert!(only_added(&two, added).is_err());
    }

    #[test]
    fn any_other_byte_is_a_change() {
        let changed = ITEM.replace("Godkendt.", "Forkastet.");
        let at = only_added(ITEM, &changed).unwrap_err();
        assert_eq!(&changed[at..at + 4], "Fork");
        let with = "---\nnumber: \"42\"\ntitle: Lokalplan\nberigtigelser: [{ date: 2024-07-03, text: R }]\n---\n## Beslutning\n\nGodkendt?\n";
        let at = only_added(ITEM, with).unwrap_err();
        assert_eq!(&with[at..], "?\n");
    }
}
