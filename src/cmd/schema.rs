//! `rk schema FILE`: the JSON Schema of rk.toml, meeting.yaml or an item's
//! front matter, made from the fields rk reads, or the schema of an output
//! (referat.json, index.json), kept in schemas/. The files in schemas/ are
//! what this prints (a test holds them to it).

use std::io::{self, Write};

use anyhow::Result;

use crate::cli::{SchemaArgs, SchemaFile};
use crate::cmd::Outcome;
use crate::{config, source};

pub fn run(args: &SchemaArgs) -> Result<Outcome> {
    io::stdout().lock().write_all(text(args.file).as_bytes())?;
    Ok(Outcome::Success)
}

/// The schema of `file`, as schemas/ holds it.
pub fn text(file: SchemaFile) -> String {
    let made = match file {
        SchemaFile::RkToml => config::schema::schema(),
        SchemaFile::Meeting => source::schema::meeting_schema(),
        SchemaFile::Item => source::schema::item_schema(),
        SchemaFile::Referat => return include_str!("../../schemas/referat.schema.json").into(),
        SchemaFile::Index => return include_str!("../../schemas/index.schema.json").into(),
    };
    let mut text = serde_json::to_string_pretty(&made).expect("a schema is JSON");
    text.push('\n');
    text
}
