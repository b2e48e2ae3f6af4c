//! rk.toml's JSON Schema, for taplo, VS Code's Even Better TOML and
//! check-jsonschema. The keys of each table and the words of each choice
//! are the ones serde reads into [`Config`] (asked of its `Deserialize`
//! implementation, so a key added there is in the schema); what serde
//! cannot say, a key's shape and its description, is kept here by the
//! key's name, and a key without it fails the schema test.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value, json};

use crate::i18n::Language;

use super::{
    Approvers, CaseConfig, ClosedDecisions, Config, DocumentConfig, Numbering, Referent,
    Signatories, SiteConfig,
};

/// What a key's value is.
enum Shape {
    Text,
    Boolean,
    /// One of the words serde reads for the enum.
    Words(&'static [&'static str]),
    /// A regular expression (the `regex` crate's syntax).
    Pattern,
    /// A link made for each number, `{sag}` or `{dok}` where it goes (any
    /// text: a relative link is one too).
    Link,
    /// A whole web address, `http://` or `https://` and a host, as rk
    /// requires of `[site] url`.
    Address,
    /// A table of the keys of `T`, with their descriptions.
    Table(
        &'static [&'static str],
        fn(&str) -> Option<(Shape, &'static str)>,
    ),
    /// A table of a group's letter to its name.
    Groups,
}

/// rk.toml's JSON Schema.
pub fn schema() -> Value {
    let mut schema = table(names::<Config>(), top_key, "rk.toml");
    schema["$schema"] = "http://json-schema.org/draft-07/schema#".into();
    schema["title"] = "rk.toml: the project's configuration".into();
    schema
}

fn table(
    keys: &'static [&'static str],
    describe: fn(&str) -> Option<(Shape, &'static str)>,
    what: &str,
) -> Value {
    let mut properties = Map::new();
    for &key in keys {
        let (shape, description) = describe(key).unwrap_or_else(|| {
            panic!("`{key}` of {what} has no shape and description in src/config/schema.rs")
        });
        let mut schema = shape.schema(key);
        schema["description"] = description.into();
        properties.insert(key.to_string(), schema);
    }
    json!({ "type": "object", "properties": properties, "additionalProperties": false })
}

impl Shape {
    fn schema(&self, key: &str) -> Value {
        match self {
            Shape::Text => json!({ "type": "string" }),
            Shape::Boolean => json!({ "type": "boolean" }),
            Shape::Words(words) => json!({ "type": "string", "enum": words }),
            Shape::Pattern => json!({ "type": "string" }),
            Shape::Link => json!({ "type": "string" }),
            Shape::Address => {
                json!({ "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$" })
            }
            Shape::Table(keys, describe) => table(keys, *describe, &format!("[{key}]")),
            Shape::Groups => json!({
                "type": "object",
                "additionalProperties": { "type": "string" },
            }),
        }
    }
}

fn top_key(key: &str) -> Option<(Shape, &'static str)> {
    use Shape::*;
    Some(match key {
        "meetings" => (Text, "Where meeting folders live (default \"meetings\")."),
        "out" => (Text, "Where builds go (default \"out\")."),
        "out_internal" => (
            Text,
            "Where `rk build --internal` goes (default \"out-internt\"); never inside `out`.",
        ),
        "layout" => (
            Text,
            "The layout: \"kl\" (the default), \"kommune\", or a layout folder.",
        ),
        "publish" => (
            Boolean,
            "true: every build is `rk build --publish` (a draft is refused).",
        ),
        "referent" => (
            Words(names::<Referent>()),
            "\"required\" (the default), or \"optional\": meetings may name no referent.",
        ),
        "numbering" => (
            Words(names::<Numbering>()),
            "\"meeting\" (the default): each meeting's items count from 1; \"year\": items run \
             on through the year.",
        ),
        "approval" => (
            Words(names::<Signatories>()),
            "Who signs the protocol: \"members\" (the default) or \"chair-and-referent\".",
        ),
        "approvers" => (
            Words(names::<Approvers>()),
            "\"optional\" (the default), or \"required\": `status: godkendt` needs `approvals`.",
        ),
        "closed_decisions" => (
            Words(names::<ClosedDecisions>()),
            "\"optional\" (the default), or \"required\": every closed item that was decided \
             carries `public_decision`.",
        ),
        "case" => (
            Table(names::<CaseConfig>(), case_key),
            "What a case reference (`sag`) looks like and where it links to.",
        ),
        "document" => (
            Table(names::<DocumentConfig>(), document_key),
            "What an item's document number (`dok`) looks like and where it links to.",
        ),
        "site" => (
            Table(names::<SiteConfig>(), site_key),
            "Where the archive of `rk index` is published.",
        ),
        "groups" => (
            Groups,
            "The letters of `party` and of votes, letter to name: `A = \"Socialdemokratiet\"`.",
        ),
        "language" => (
            Words(names::<Language>()),
            "The language of rk's findings and messages: \"da\" (dansk) or \"en\"; by default \
             the locale's (LANG), and RK_LANG overrides it for one run.",
        ),
        _ => return None,
    })
}

fn case_key(key: &str) -> Option<(Shape, &'static str)> {
    Some(match key {
        "pattern" => (
            Shape::Pattern,
            "A regular expression a whole case reference must match (default \
             'SAG-\\d{4}-\\d{5}'); named groups `year` and `number` name its parts.",
        ),
        "url" => (
            Shape::Link,
            "A link for each case reference in the HTML, `{sag}` where the reference goes: \
             \"https://sager.example.dk/{sag}\".",
        ),
        _ => return None,
    })
}

fn document_key(key: &str) -> Option<(Shape, &'static str)> {
    Some(match key {
        "pattern" => (
            Shape::Pattern,
            "A regular expression a whole document number must match: '\\d{7}'.",
        ),
        "url" => (
            Shape::Link,
            "A link for each document number in the HTML, `{dok}` where the number goes.",
        ),
        _ => return None,
    })
}

fn site_key(key: &str) -> Option<(Shape, &'static str)> {
    Some(match key {
        "url" => (
            Shape::Address,
            "The address `out/` is published at: \"https://referater.example.dk/\" (the Atom \
             feeds are written only with it).",
        ),
        "title" => (
            Shape::Text,
            "The archive's name (default: the layout's label).",
        ),
        "search" => (
            Shape::Boolean,
            "true: `rk index` writes the search page soeg.html and links it from the archive's \
             pages; Pagefind makes its index after it (`npx pagefind --site out`).",
        ),
        "accessibility_statement" => (
            Shape::Address,
            "The address of the site's tilgængelighedserklæring (webtilgængelighedsloven § 4), \
             linked from the footer of every HTML page: \
             \"https://www.was.digst.dk/referater-example-dk\".",
        ),
        _ => return None,
    })
}

/// The names serde reads for `T`: a struct's keys or an enum's words, as
/// its derived `Deserialize` passes them to the deserializer.
fn names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = None;
    // The recorder refuses every value once it has the names.
    let _ = T::deserialize(Names(&mut names));
    names.unwrap_or_default()
}

/// A deserializer that records the names a struct or an enum asks for.
struct Names<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Names<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only names are recorded"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("only names are recorded"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(variants);
        Err(de::Error::custom("only names are recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_and_words_are_the_ones_serde_reads() {
        let schema = schema();
        let keys: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
        assert!(keys.len() >= 14, "{keys:?}");
        assert_eq!(
            schema["properties"]["approval"]["enum"],
            json!(["members", "chair-and-referent"])
        );
        assert_eq!(
            schema["properties"]["case"]["properties"]["pattern"]["type"],
            json!("string")
        );
        // Every key the schema names is one rk.toml takes.
        for key in keys {
            let text = match &schema["properties"][key]["type"] {
                Value::String(t) if t == "object" => format!("[{key}]\n"),
                Value::String(t) if t == "boolean" => format!("{key} = true\n"),
                _ => continue,
            };
            Config::parse(std::path::Path::new("rk.toml"), &text).unwrap();
        }
    }
}
