//! referat.json: the meeting and its items as data, for other systems.

use serde::Serialize;

use crate::render::context::DocumentView;

/// Raised when the shape of referat.json changes incompatibly.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema_version: u32,
    #[serde(flatten)]
    document: &'a DocumentView,
}

pub fn render(referat: &DocumentView) -> serde_json::Result<String> {
    let document = JsonDocument {
        schema_version: SCHEMA_VERSION,
        document: referat,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
