//! rk.toml: the project's configuration, the base every other part reads.
//! It imports nothing of rk.

pub mod schema;

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::i18n::Language;
use crate::tr;

/// KL's case numbers, `SAG-2019-04651`.
pub const DEFAULT_CASE_PATTERN: &str = r"SAG-\d{4}-\d{5}";

/// rk.toml. Every field is optional; unknown fields are an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub meetings: PathBuf,
    pub out: PathBuf,
    /// Where `rk build --internal` writes: a tree of its own, never under
    /// `out`, so that publishing `out` cannot publish closed items.
    pub out_internal: PathBuf,
    pub layout: String,
    /// Every `rk build` is a publishing build (as `--publish`): a draft
    /// is refused. For the CI job that publishes.
    pub publish: bool,
    /// Whether every meeting names its referent (`referent = "required"`,
    /// the default) or may name none (`"optional"`).
    pub referent: Referent,
    /// How items are numbered: from 1 in each meeting, or through the year.
    pub numbering: Numbering,
    /// Who signs (approves) the protocol: the members who took part, or
    /// the chair and the referent.
    pub approval: Signatories,
    /// Whether an approved referat must name who approved it
    /// (`approvers = "required"`) or may leave it out (the default).
    pub approvers: Approvers,
    /// Whether every closed item carries a public text of its decision
    /// (`closed_decisions = "required"`, for a kommunalbestyrelse or a
    /// regionsråd) or may (`"optional"`, the default).
    pub closed_decisions: ClosedDecisions,
    pub case: CaseConfig,
    /// The second number of an item (`dok`), when the project uses one.
    pub document: DocumentConfig,
    /// Where the archive is published, for `rk index`.
    pub site: SiteConfig,
    /// `[groups]`: the political groups a member's `party` and a vote may
    /// name, letter -> name (`A = "Socialdemokratiet"`).
    pub groups: std::collections::BTreeMap<String, String>,
    /// The language of rk's findings and messages (`"da"`, `"en"`); the
    /// locale's when not given (see [`crate::i18n`]).
    pub language: Option<Language>,
}

/// rk.toml's `referent`: many bodies publish minutes that name no referent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Referent {
    #[default]
    Required,
    Optional,
}

/// rk.toml's `closed_decisions`: a byråd and a regionsråd publish the
/// decisions taken behind closed doors (SPEC section 10); KL's councils and
/// an udvalg need not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClosedDecisions {
    #[default]
    Optional,
    Required,
}

/// rk.toml's `numbering`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Numbering {
    /// Each meeting's items count from 1 (KL's referat).
    #[default]
    Meeting,
    /// Items run through the year per body: a meeting's first item follows
    /// the last item of the same body's previous meeting that year.
    Year,
}

/// rk.toml's `approval`: who signs the protocol (kommunestyrelsesloven
/// § 13, stk. 1: the members who took part; in some kommuner the chair and
/// the secretary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signatories {
    /// The members present (`members`), as the law has it.
    #[default]
    Members,
    /// The chair and the referent.
    ChairAndReferent,
}

/// rk.toml's `approvers`: whether `status: godkendt` needs `approvals`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approvers {
    #[default]
    Optional,
    Required,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CaseConfig {
    pub pattern: String,
    pub url: Option<String>,
}

/// `[document]`: what a document number looks like and where it links to.
/// Without a pattern any document number is taken as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DocumentConfig {
    pub pattern: Option<String>,
    /// A link for the HTML, with `{dok}` where the number goes.
    pub url: Option<String>,
}

/// `[site]`: the published archive, for the pages and the feed of `rk
/// index`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    /// The address `out/` is published at (`https://referater.example.dk/`):
    /// the Atom feed needs absolute links, and is written only with it.
    pub url: Option<String>,
    /// The archive's name, heading index.html and naming the feed (default:
    /// the layout's label).
    pub title: Option<String>,
    /// Whether `rk index` writes the search page, soeg.html, and links it
    /// from the archive's pages; Pagefind makes its index afterwards
    /// (`pagefind --site out`).
    pub search: bool,
    /// The address of the site's tilgængelighedserklæring
    /// (webtilgængelighedsloven § 4), linked from the footer of every HTML
    /// page rk writes.
    pub accessibility_statement: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            meetings: "meetings".into(),
            out: "out".into(),
            out_internal: "out-internt".into(),
            layout: "kl".into(),
            publish: false,
            referent: Referent::Required,
            numbering: Numbering::Meeting,
            approval: Signatories::Members,
            approvers: Approvers::Optional,
            closed_decisions: ClosedDecisions::Optional,
            case: CaseConfig::default(),
            document: DocumentConfig::default(),
            site: SiteConfig::default(),
            groups: std::collections::BTreeMap::new(),
            language: None,
        }
    }
}

impl Default for CaseConfig {
    fn default() -> Self {
        CaseConfig {
            pattern: DEFAULT_CASE_PATTERN.into(),
            url: None,
        }
    }
}

impl Config {
    /// The configuration `text` (read from `path`) gives.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| config_error(path, text, &e))
    }
}

/// rk.toml does not read. A top-level key written after a `[table]` line
/// lands in that table, where it is unknown: say so.
fn config_error(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
    match misplaced_key(text, e) {
        Some(message) => anyhow::anyhow!("{}: {message}", crate::paths::shown(path)),
        None => anyhow::anyhow!(
            "{}: {}",
            crate::paths::shown(path),
            e.to_string().trim_end()
        ),
    }
}

/// The message for an unknown key in a table that the top level would take.
fn misplaced_key(text: &str, e: &toml::de::Error) -> Option<String> {
    let key = e
        .message()
        .strip_prefix("unknown field `")?
        .split('`')
        .next()?;
    let document: toml::Table = text.parse().ok()?;
    let (table, value) = document
        .iter()
        .find_map(|(name, v)| v.as_table()?.get(key).map(|v| (name, v)))?;
    let mut top = toml::Table::new();
    top.insert(key.to_string(), value.clone());
    top.try_into::<Config>().ok()?;
    let line = e
        .span()
        .and_then(|span| text.get(..span.start))
        .map_or(0, |before| before.matches('\n').count() + 1);
    Some(tr!(
        "error-config-misplaced-key",
        key = key,
        line = line.to_string(),
        table = table.as_str()
    ))
}
