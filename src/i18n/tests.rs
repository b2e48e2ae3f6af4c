//! The catalogues hold together: every file of locales/ is built in, each
//! parses, both languages have the same messages with the same variables,
//! every `tr!` of the code names a message, and every message is used.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::*;

/// A message's key (`id` or `id.attribute`) -> the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages_of(language: Language) -> Messages {
    let mut messages = Messages::new();
    for (file, text) in CATALOGUES[language.index()] {
        let resource = parser::parse(*text).unwrap_or_else(|(_, errors)| {
            panic!(
                "locales/{}/{file}.ftl does not parse: {errors:?}",
                language.code()
            )
        });
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name.to_string();
                if let Some(value) = &message.value {
                    add(&mut messages, id.clone(), value, language, file);
                }
                for attribute in &message.attributes {
                    let key = format!("{id}.{}", attribute.id.name);
                    add(&mut messages, key, &attribute.value, language, file);
                }
            }
        }
    }
    messages
}

fn add(
    messages: &mut Messages,
    key: String,
    pattern: &ast::Pattern<&str>,
    language: Language,
    file: &str,
) {
    let mut variables = BTreeSet::new();
    pattern_variables(pattern, &mut variables);
    let twice = messages.insert(key.clone(), variables).is_some();
    assert!(
        !twice,
        "locales/{}/{file}.ftl: `{key}` is defined twice",
        language.code()
    );
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

#[test]
fn every_catalogue_file_is_built_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for language in Language::ALL {
        let on_disk: BTreeSet<String> = fs::read_dir(root.join(language.code()))
            .expect("locales/<language>/ reads")
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".ftl").map(String::from)
            })
            .collect();
        let built_in: BTreeSet<String> = CATALOGUES[language.index()]
            .iter()
            .map(|(file, _)| file.to_string())
            .collect();
        assert_eq!(
            on_disk,
            built_in,
            "locales/{}/ and i18n::CATALOGUES",
            language.code()
        );
    }
}

#[test]
fn every_message_has_both_languages_with_the_same_variables() {
    let english = messages_of(Language::English);
    let danish = messages_of(Language::Danish);
    let mut problems = Vec::new();
    for (key, variables) in &english {
        match danish.get(key) {
            None => problems.push(format!("`{key}` has no Danish text")),
            Some(theirs) if theirs != variables => problems.push(format!(
                "`{key}` uses {variables:?} in English but {theirs:?} in Danish"
            )),
            Some(_) => {}
        }
    }
    for key in danish.keys().filter(|key| !english.contains_key(*key)) {
        problems.push(format!("`{key}` has no English text"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The ids of every `tr!("...")` in src/, with the file it is in (not
/// the catalogue's own code, whose comments show `tr!`).
fn used_ids() -> BTreeMap<String, String> {
    let pattern = regex::Regex::new(r#"\btr!\(\s*"([^"]+)""#).unwrap();
    let mut used = BTreeMap::new();
    for (file, text) in crate::layers::sources() {
        if file.starts_with("i18n") {
            continue;
        }
        for found in pattern.captures_iter(&text) {
            used.insert(found[1].to_string(), file.clone());
        }
    }
    used
}

#[test]
fn every_message_the_code_asks_for_exists_and_every_message_is_asked_for() {
    let english = messages_of(Language::English);
    let used = used_ids();
    let mut problems: Vec<String> = used
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .map(|(id, file)| format!("src/{file} asks for `{id}`, which locales/en/ lacks"))
        .collect();
    problems.extend(
        english
            .keys()
            .filter(|key| !used.contains_key(*key))
            .map(|key| format!("`{key}` is in locales/en/ but no `tr!` asks for it")),
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_message_is_worded_in_the_chosen_language_with_its_variables() {
    let args = [
        ("errors", FluentValue::from(2)),
        ("warnings", FluentValue::from(1)),
    ];
    let english = text_in(Language::English, "tally", &args).unwrap();
    let danish = text_in(Language::Danish, "tally", &args).unwrap();
    assert_eq!(english, "2 errors, 1 warning");
    assert_eq!(danish, "2 fejl, 1 advarsel");
}

#[test]
fn a_locale_names_its_language() {
    assert_eq!(Language::from_code("da_DK.UTF-8"), Some(Language::Danish));
    assert_eq!(Language::from_code("en-GB"), Some(Language::English));
    assert_eq!(Language::from_code("C.UTF-8"), None);
    assert_eq!(Language::from_code("DA"), Some(Language::Danish));
}
