//! Fuzzes the whole path from bytes to outputs. The input is a meeting:
//! meeting.yaml and up to three item files, separated by the byte 0x1E
//! (the ASCII record separator; the seeds in fuzz/seeds show the form). Loading and every check run on it; when the checks pass, the
//! Markdown becomes Typst (and, for small inputs, is typeset to a PDF),
//! HTML and JSON. A panic anywhere is a finding of the fuzzer.

#![no_main]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rk::check::{self, CheckSettings};
use rk::diag::Severity;
use rk::files::Files;
use rk::layout::Layout;
use rk::model::Document;
use rk::render::context::{Edition, Make, DocumentView};
use rk::render::{html, json, typst as typeset};
use rk::source;

/// A meeting folder of this process, rewritten for every input.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir()
            .join(format!("rk-fuzz-{}", std::process::id()))
            .join("2020-11-25");
        fs::create_dir_all(dir.join("bilag")).expect("a scratch folder");
        // A real image and a text file for the sources to name.
        fs::write(
            dir.join("bilag/graf.png"),
            include_bytes!(
                "../../tests/fixtures/build/constructs/meetings/2020-11-25/bilag/graf.png"
            ),
        )
        .ok();
        fs::write(dir.join("bilag/notat.txt"), b"notat\n").ok();
        dir
    })
}

/// The typesetter of the built-in layout `name` ("kl" or "kommune"),
/// made once for the process.
fn typesetter(name: &str, layout: &Layout) -> &'static typeset::Typesetter {
    static KL: OnceLock<typeset::Typesetter> = OnceLock::new();
    static KOMMUNE: OnceLock<typeset::Typesetter> = OnceLock::new();
    let cell = if name == "kl" { &KL } else { &KOMMUNE };
    cell.get_or_init(|| typeset::Typesetter::new(layout))
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_file() {
            let _ = fs::remove_file(entry.path());
        }
    }
    let mut parts = data.split(|&b| b == 0x1E).take(4);
    if let Some(yaml) = parts.next() {
        let _ = fs::write(dir.join("meeting.yaml"), yaml);
    }
    for (n, item) in parts.enumerate() {
        let _ = fs::write(dir.join(format!("{n:02}.md")), item);
    }

    let mut files = Files::default();
    let mut diags = Vec::new();
    let Ok(meeting) = source::load(dir, &mut files, &mut diags) else {
        return;
    };
    let settings = CheckSettings::default();
    // The first byte picks the layout, so both built-in ones are fuzzed.
    let name = if data.first().is_some_and(|b| b % 2 == 1) { "kommune" } else { "kl" };
    let Ok(layout) = Layout::resolve(name, dir) else {
        return;
    };
    check::check(&meeting, &files, &settings, &layout.coverage(), None, &mut diags);
    for d in &diags {
        let _ = rk::diag::render_human(&files, d, false);
        let _ = rk::diag::render_github(&files, d);
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return;
    }
    let Some(date) = meeting.calendar_date() else {
        return;
    };
    let urls = html::Urls {
        case: Some("https://sager.example.dk/{sag}"),
        document: Some("https://dok.example.dk/{dok}"),
    };
    let makes = [Document::Minutes, Document::Agenda]
        .into_iter()
        .flat_map(|document| {
            [Edition::Public, Edition::Internal].map(|edition| Make { document, edition })
        });
    for make in makes {
        let referat = DocumentView::of(&meeting, date, &layout.labels, make);
        let _ = html::render(&referat, &layout, dir, urls);
        let _ = json::render(&referat);
        let Ok(document) = typeset::document(&referat, &layout, dir) else {
            continue;
        };
        if data.len() < 2048 {
            let date =
                typst::foundations::Datetime::from_ymd_hms(2020, 11, 25, 0, 0, 0).expect("a date");
            // As `rk watch` does: one typesetter per layout for the
            // process, its world kept and reset for each document.
            let _ = typesetter(name, &layout).typeset(&document, dir, date);
        }
    }
    // The engine caches what it compiled in the process: without this a
    // long run grows by gigabytes. (`rk watch` keeps the last 10
    // compilations' parts; the fuzzer keeps none, to stay small.)
    typeset::Typesetter::evict(0);
});
