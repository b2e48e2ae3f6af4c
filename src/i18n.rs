//! The language rk speaks: every finding, help and line a command says is
//! worded in a Fluent catalogue per language (`locales/en/*.ftl`,
//! `locales/da/*.ftl`, built into the binary), and looked up here by its
//! id with [`tr!`](crate::tr). English is the default; Danish is chosen by
//! `language = "da"` in rk.toml, or by the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`) when rk.toml says nothing; `RK_LANG=en` or
//! `RK_LANG=da` overrides both for one run. The language is one setting
//! of the process ([`choose`]), read by every thread.
//!
//! A message is `id = text`; its help and note are attributes of it
//! (`.help = ...`), looked up as `id.help`. Variables are `{ $name }`;
//! counts are passed as numbers, so that a catalogue can choose the word
//! by Fluent's plural rules (`{ $n -> [one] ... *[other] ... }`).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// A language rk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "da")]
    Danish,
}

impl Language {
    /// Every language, in the order of [`CATALOGUES`].
    pub const ALL: [Language; 2] = [Language::English, Language::Danish];

    /// The language's code: `en`, `da`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Danish => "da",
        }
    }

    /// The language a code or locale names (`da`, `da_DK.UTF-8`, `en-GB`),
    /// if rk speaks it.
    pub fn from_code(code: &str) -> Option<Language> {
        let lang = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == lang)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The catalogue files of each language, as built into the binary: the
/// file's name (without `.ftl`) and its text. A test holds this list to
/// the files in locales/.
macro_rules! catalogue {
    ($lang:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../locales/", $lang, "/", $file, ".ftl")))),*]
    };
}

/// Every catalogue, English first, in the order of [`Language::ALL`].
pub const CATALOGUES: [&[(&str, &str)]; 2] = [
    catalogue!("en": "report", "meeting", "items", "loading", "console", "commands", "errors"),
    catalogue!("da": "report", "meeting", "items", "loading", "console", "commands", "errors"),
];

/// The language chosen for this process ([`Language::index`]).
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message from now on.
pub fn choose(language: Language) {
    CHOSEN.store(language.index() as u8, Ordering::Relaxed);
}

/// The language messages are worded in now.
pub fn chosen() -> Language {
    Language::ALL[usize::from(CHOSEN.load(Ordering::Relaxed)).min(Language::ALL.len() - 1)]
}

/// The language the first of the environment variables `names` that is
/// set names (English for a locale rk does not speak, `C.UTF-8`).
fn from_environment(names: &[&str]) -> Option<Language> {
    let value = names
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())?;
    Some(Language::from_code(&value).unwrap_or_default())
}

/// Settles the language of a run: `RK_LANG`, else the project's
/// (`configured`), else the locale, else English.
pub fn settle(configured: Option<Language>) {
    let language = from_environment(&["RK_LANG"])
        .or(configured)
        .or_else(|| from_environment(&["LC_ALL", "LC_MESSAGES", "LANG"]))
        .unwrap_or_default();
    choose(language);
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.map(bundle))
}

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language.code().parse().expect("a language code parses");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The text goes to terminals and JSON: no Unicode isolation marks.
    bundle.set_use_isolating(false);
    for (_, text) in CATALOGUES[language.index()] {
        // A catalogue that does not parse fails the catalogue test; what
        // parsed of it is still used.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The text of message `id` (or `id.attribute`) in the chosen language,
/// with `args`; the English text when the chosen catalogue lacks it, and
/// the id itself when no catalogue has it (the catalogue test forbids both).
pub fn text(id: &str, args: &[(&str, FluentValue)]) -> String {
    let fluent_args = fluent_args(args);
    format_in(chosen(), id, &fluent_args)
        .or_else(|| format_in(Language::English, id, &fluent_args))
        .unwrap_or_else(|| id.to_string())
}

/// The text of `id` in `language`, if its catalogue has it.
pub fn text_in(language: Language, id: &str, args: &[(&str, FluentValue)]) -> Option<String> {
    format_in(language, id, &fluent_args(args))
}

fn fluent_args<'a>(args: &[(&str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(name.to_string(), value.clone());
    }
    fluent_args
}

fn format_in(language: Language, id: &str, args: &FluentArgs) -> Option<String> {
    let bundle = &bundles()[language.index()];
    let (message, attribute) = match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned(),
    )
}

/// The text of a message in the chosen language: `tr!("id")`, or with
/// variables, `tr!("id", name = value, count = n)`. A value is text (`&str`,
/// `String`; anything else `.to_string()`) or a number (a count, which the
/// catalogue may choose a plural by).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
