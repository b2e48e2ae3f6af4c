//! A property over mutated meetings: whatever the sources hold, loading and
//! checking never panic, and when the checks pass every output is well
//! formed: the PDF is typeset and parses, the HTML parses and has no script, the JSON
//! parses and holds every item, and each title reaches the HTML and the
//! JSON exactly as written.
//!
//! Runs in-process (a panic fails the case) on a small meeting, 1,000
//! cases; PROPTEST_CASES sets another number.
//!
//! What its tests show, one by one: a proptest property over 1,000 mutated
//! meetings, in-process: loading and checking never panic, and whenever the
//! checks pass, the engine has no complaint about a character (a random title
//! of any characters either fails `missing-glyph` or is typeset), the PDF
//! parses (lopdf), the HTML parses and has no script, the JSON parses and holds
//! every item, and a random title reaches the HTML and the JSON exactly as
//! written.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use rk::check::{self, CheckSettings};
use rk::diag::Severity;
use rk::files::Files;
use rk::layout::Layout;
use rk::model::Document;
use rk::render::context::{DocumentView, Edition, Make};
use rk::render::{html, json, typst as typeset};
use rk::source;

const FRAGMENTS: &[&str] = &[
    "---\n",
    "number: 2.10\n",
    "closed: true\n",
    "sag: SAG-2019-4651\n",
    "- {",
    "[unclosed",
    "\"",
    "# Overskrift\n",
    "### Dybt\n",
    "![](bilag/x.png)",
    "![alt](bilag/fortroligt.txt)",
    "[l](javascript:x)",
    "<script>alert(1)</script>",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "[^1]\n\n[^1]: note\n",
    "```\ncode",
    "> > > citat\n",
    "\r\n",
    "\u{FEFF}",
    "æøå ’ – \u{200B}\u{2028}",
    "#read(\"/etc/passwd\") $x$ @ref <label> // * _ \\ =",
    "010203-1234",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert { at: f64, byte: u8 },
    Delete { at: f64, len: usize },
    Flip { at: f64, bit: u8 },
    Fragment { at: f64, index: usize },
    Title(String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0, any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (0.0..1.0, 1usize..24).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0.0..1.0, 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (0.0..1.0, 0..FRAGMENTS.len()).prop_map(|(at, index)| Mutation::Fragment { at, index }),
        any::<String>().prop_map(Mutation::Title),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    match m {
        Mutation::Insert { at: f, byte } => {
            let i = at(*f, bytes.len());
            bytes.insert(i, *byte);
        }
        Mutation::Delete { at: f, len } => {
            let i = at(*f, bytes.len());
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Flip { at: f, bit } => {
            if !bytes.is_empty() {
                let i = at(*f, bytes.len() - 1);
                bytes[i] ^= 1 << bit;
            }
        }
        Mutation::Fragment { at: f, index } => {
            let i = at(*f, bytes.len());
            bytes.splice(i..i, FRAGMENTS[*index].bytes());
        }
        Mutation::Title(title) => {
            // A double-quoted YAML scalar is a JSON string.
            let quoted = serde_json::to_string(title).unwrap();
            let target = "title: Et åbent punkt".as_bytes();
            if let Some(i) = bytes.windows(target.len()).position(|w| w == target) {
                bytes.splice(i..i + target.len(), format!("title: {quoted}").into_bytes());
            }
        }
    }
}

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/build/closed/meetings/2020-11-25"
    ))
}

/// Collapses white space, as HTML text does.
fn spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run_case(mutations: &[(usize, Mutation)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let meeting_dir = dir.path().join("2020-11-25");
    fs::create_dir_all(meeting_dir.join("bilag")).unwrap();
    let names = ["meeting.yaml", "01-aaben.md", "02-lukket.md"];
    for file in ["fortroligt.txt", "handleplan.pdf", "notat om data.txt"] {
        fs::copy(
            fixture().join("bilag").join(file),
            meeting_dir.join("bilag").join(file),
        )
        .unwrap();
    }
    let mut contents: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(fixture().join(n)).unwrap())
        .collect();
    let mut title = None;
    let mut item_touched = false;
    for (file, m) in mutations {
        let file = file % names.len();
        item_touched |= file == 1 && !matches!(m, Mutation::Title(_));
        if let Mutation::Title(t) = m {
            let before = contents[1].clone();
            apply(&mut contents[1], m);
            if contents[1] != before {
                title = Some(t.clone());
            }
        } else {
            apply(&mut contents[file], m);
        }
    }
    for (name, bytes) in names.iter().zip(&contents) {
        fs::write(meeting_dir.join(name), bytes).unwrap();
    }

    let mut files = Files::default();
    let mut diags = Vec::new();
    let Ok(meeting) = source::load(&meeting_dir, &mut files, &mut diags) else {
        return Ok(()); // an I/O error: exit 2, no panic
    };
    let settings = CheckSettings::default();
    let layout = Layout::resolve("kl", Path::new(".")).unwrap();
    check::check(
        &meeting,
        &files,
        &settings,
        &layout.coverage(),
        None,
        &mut diags,
    );
    // Every finding can be rendered.
    for d in &diags {
        let _ = rk::diag::render_human(&files, d, false);
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Ok(()); // exit 1: nothing is built
    }

    // The checks passed, so the date is real.
    let date = meeting.calendar_date().unwrap();
    let referat = DocumentView::new(&meeting, date, &layout.labels, Edition::Public);
    let internal = DocumentView::new(&meeting, date, &layout.labels, Edition::Internal);

    // Closed by construction: whatever the sources say, the public view of
    // a closed item (closed itself, by its group or its section) has no
    // content, and its JSON no case, nobody, no files, no text; the
    // internal edition has all of every item.
    let data: serde_json::Value = serde_json::from_str(&json::render(&referat).unwrap()).unwrap();
    for (i, item) in meeting.items.iter().enumerate() {
        let closed = item.is_closed_in(&meeting.items);
        prop_assert_eq!(referat.items[i].closed, closed);
        prop_assert_eq!(referat.items[i].content().is_none(), closed);
        prop_assert!(internal.items[i].content().is_some());
        if closed {
            let shown = &data["items"][i];
            prop_assert_eq!(&shown["sag"], &serde_json::Value::Null);
            prop_assert!(shown.get("dok").is_none());
            prop_assert_eq!(&shown["body"], "");
            for list in ["responsible", "presenters", "attachments"] {
                prop_assert_eq!(&shown[list], &serde_json::json!([]));
            }
        }
    }
    // Nothing of a closed item's files is published beside the referat.
    let closed_files = meeting
        .items
        .iter()
        .filter(|item| item.is_closed_in(&meeting.items))
        .flat_map(|item| &item.attachments)
        .filter_map(|a| rk::paths::normalise(&a.written().value));
    let open_files: Vec<String> = meeting
        .items
        .iter()
        .filter(|item| !item.is_closed_in(&meeting.items))
        .flat_map(|item| {
            let links = rk::markdown::linked_files(&item.body);
            let attachments = item.attachments.iter().map(|a| a.written().value.clone());
            attachments.chain(links).collect::<Vec<_>>()
        })
        .filter_map(|name| rk::paths::normalise(&name))
        .collect();
    for file in closed_files.filter(|f| !open_files.contains(f)) {
        prop_assert!(
            referat.files.iter().all(|p| p.path != file),
            "{} is published",
            file
        );
    }

    let page = html::render(&referat, &layout, &meeting_dir, html::Urls::default()).unwrap();
    let parsed = scraper::Html::parse_document(&page);
    let script = scraper::Selector::parse("script").unwrap();
    prop_assert_eq!(parsed.select(&script).count(), 0);

    prop_assert_eq!(data["items"].as_array().unwrap().len(), meeting.items.len());

    // The agenda of the same meeting: every item, its bodies without a
    // part written at the meeting (leaving them out again changes nothing).
    let make = Make {
        document: Document::Agenda,
        edition: Edition::Public,
        added_only: false,
    };
    let agenda = DocumentView::of(&meeting, date, &layout.labels, make);
    html::render(&agenda, &layout, &meeting_dir, html::Urls::default()).unwrap();
    prop_assert_eq!(agenda.items.len(), referat.items.len());
    let parts = layout.labels.meeting_parts.as_deref().unwrap_or_default();
    for content in agenda.items.iter().filter_map(|item| item.content()) {
        prop_assert_eq!(
            &rk::markdown::without_parts(&content.body, parts),
            &content.body
        );
    }

    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        // As read: YAML folds nothing in a double-quoted scalar, rk trims it.
        if let Some(item) = meeting
            .items
            .iter()
            .find(|i| i.number_text.as_ref().is_some_and(|n| n.value == "1"))
        {
            let read = item
                .title
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_default();
            if !item_touched {
                prop_assert_eq!(&read, t.trim());
            }
            prop_assert_eq!(data["items"][0]["title"].as_str().unwrap(), read.as_str());
            let heading = scraper::Selector::parse("#punkt-1-titel").unwrap();
            let text: String = parsed.select(&heading).flat_map(|h| h.text()).collect();
            prop_assert_eq!(spaces(&text), spaces(&format!("1. {read}")));
        }
    }

    let document =
        typeset::document(&referat, &layout, &meeting_dir).expect("the referat serializes");
    let timestamp = typst::foundations::Datetime::from_ymd_hms(2020, 11, 25, 0, 0, 0).unwrap();
    // Checks that pass mean the engine typesets: no character the layout's
    // fonts lack, nor one the PDF standards forbid, gets through.
    // One typesetter for every case, as one for every meeting of a run.
    static TYPESETTER: OnceLock<typeset::Typesetter> = OnceLock::new();
    let typesetter = TYPESETTER.get_or_init(|| typeset::Typesetter::new(&layout));
    match typesetter.typeset(&document, &meeting_dir, timestamp) {
        Ok(output) => prop_assert!(
            lopdf::Document::load_mem(&output.pdf).is_ok(),
            "the PDF does not parse"
        ),
        Err(errors) => prop_assert!(
            errors.iter().all(|e| e.glyph.is_none()),
            "passed the checks, not typeset: {errors:?}"
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(1000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_meeting_either_fails_its_checks_or_builds_well_formed_outputs(
        mutations in prop::collection::vec((0usize..3, mutation()), 0..4)
    ) {
        run_case(&mutations)?;
    }
}
