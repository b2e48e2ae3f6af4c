//! A synthetic archive for tests and benchmarks: N meetings of the size of
//! the example (meetings/2020-11-25), made from its items, held weekly by
//! three bodies over the years, each meeting's text its own, with case
//! references that recur across consecutive meetings.
//!
//! Used by tests/it/archive.rs and by `cargo run --example gen-archive`
//! (`just archive`, `just bench`).

#![allow(dead_code)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The bodies the meetings are held by, in turn.
pub const BODIES: &[&str] = &[
    "It-Arkitekturrådet",
    "Digitaliseringsudvalget",
    "Styregruppen for den fælleskommunale rammearkitektur",
];

/// The first meeting's date, as days since 1970-01-01 (2015-01-07).
const FIRST_DAY: i64 = 16_442;

/// How many consecutive meetings carry the same case.
pub const CASE_RUN: usize = 4;

/// The example meeting the archive is made from.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("meetings/2020-11-25")
}

/// Writes `n` meetings under `root/meetings` (made if missing) and returns
/// their folder names, in date order.
pub fn generate(root: &Path, n: usize) -> io::Result<Vec<String>> {
    let example = example();
    let mut sources: Vec<(String, String)> = Vec::new();
    for entry in fs::read_dir(&example)? {
        let path = entry?.path();
        if path.is_file() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            sources.push((name, fs::read_to_string(&path)?));
        }
    }
    sources.sort();
    let mut names = Vec::with_capacity(n);
    for k in 0..n {
        let date = date_of(k);
        let dir = root.join("meetings").join(&date);
        fs::create_dir_all(&dir)?;
        for (name, text) in &sources {
            let text = if name == "meeting.yaml" {
                meeting_yaml(text, k, &date)
            } else {
                item(text, k, &date)
            };
            fs::write(dir.join(name), text)?;
        }
        names.push(date);
    }
    Ok(names)
}

/// The date of meeting `k`: one week per three meetings, the bodies a day
/// apart.
pub fn date_of(k: usize) -> String {
    let days = FIRST_DAY + (k / BODIES.len()) as i64 * 7 + (k % BODIES.len()) as i64;
    let (year, month, day) = rk::date::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The example's meeting.yaml for meeting `k`: its date and body.
fn meeting_yaml(text: &str, k: usize, date: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with("date:") {
                format!("date: {date}")
            } else if line.starts_with("body:") {
                format!("body: {}", BODIES[k % BODIES.len()])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// An item of the example for meeting `k`: its case numbers moved on
/// every [`CASE_RUN`] meetings (so each case recurs in that many meetings
/// in a row), and a closing line of its own.
fn item(text: &str, k: usize, date: &str) -> String {
    let shift = (k / CASE_RUN) as u32;
    // The year of the run's first meeting (a case is never from after the
    // meeting), less the years the example's case is older than it.
    let run_year: u32 = date_of(k / CASE_RUN * CASE_RUN)[..4].parse().unwrap();
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find("SAG-") {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at + 4..];
        let digits = rest.as_bytes();
        let is_case = digits.len() >= 10
            && digits[..4].iter().all(u8::is_ascii_digit)
            && digits[4] == b'-'
            && digits[5..10].iter().all(u8::is_ascii_digit);
        if is_case {
            let year: u32 = rest[..4].parse().unwrap();
            let number: u32 = rest[5..10].parse().unwrap();
            out.push_str(&format!(
                "{}-{:05}",
                run_year - 2020u32.saturating_sub(year).min(run_year),
                (number + shift * 7) % 90_000 + 10_000
            ));
            rest = &rest[10..];
        }
    }
    out.push_str(rest);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&format!("\nMødet {date} er nr. {} i arkivet.\n", k + 1));
    out
}
