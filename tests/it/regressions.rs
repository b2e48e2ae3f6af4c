//! Defects found in review, each pinned by what a referent sees: the
//! findings of `rk check`, the errors of `rk build`, the outputs.
//!
//! What its tests show, one by one: defects found in review, each as a referent
//! meets it (an empty meeting, a layout's closing text that is not UTF-8, a
//! word longer than a line, U+2028, names in two Unicode forms).

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{check_json, copy_tree, have_tool, pdf_text, project_root, rk, run_tool, scratch};

const MEETING: &str = "body: It-Arkitekturrådet\ndate: 2020-11-25\nreferent: Zahra Al-Asfoor\n\
                       members: [Ghita Thiesen]\nothers: [Zahra Al-Asfoor]\n";

/// A scratch project with meeting 2020-11-25 holding `meeting_yaml`:
/// the project root and the meeting folder.
fn meeting(name: &str, meeting_yaml: &str) -> (PathBuf, PathBuf) {
    let root = scratch(&format!("regressions-{name}"));
    let dir = root.join("meetings/2020-11-25");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("meeting.yaml"), meeting_yaml).unwrap();
    (root, dir)
}

fn item(dir: &Path, number: &str, title: &str, body: &str) {
    fs::write(
        dir.join(format!("{}.md", number.replace('.', "-"))),
        format!("---\nnumber: \"{number}\"\ntitle: {title}\nsag: none\n---\n{body}\n"),
    )
    .unwrap();
}

#[test]
fn a_meeting_without_items_is_a_warning_at_meeting_yaml() {
    let (root, _) = meeting("no-items", MEETING);
    let (code, findings, stderr) = check_json(&root, &[]);
    assert_eq!(code, 0, "a warning alone does not fail: {stderr}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(finding.rule, "empty-item");
    assert_eq!(
        (finding.file.as_str(), finding.line, finding.column),
        ("meetings/2020-11-25/meeting.yaml", 1, 1)
    );
    assert_eq!(finding.message, "this meeting has no agenda items");
    let run = rk(&root, &["build", "2020-11-25", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[empty-item]: this meeting has no agenda items"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_layout_closing_text_that_is_not_utf8_is_a_configuration_error() {
    let (root, dir) = meeting("closing-latin1", MEETING);
    item(&dir, "1", "Godkendelse", "Godkendt.");
    let layout = root.join("latin1");
    copy_tree(&project_root().join("layouts/kl"), &layout);
    // "Mødet sluttede." in Latin-1: the ø is one byte, 0xF8.
    fs::write(layout.join("closing.md"), b"M\xF8det sluttede.\n").unwrap();
    for command in ["check", "build"] {
        let run = rk(&root, &[command, "2020-11-25", "--layout", "latin1"]);
        assert_eq!(run.code, 2, "rk {command}: {}", run.stderr);
        assert!(
            run.stderr.contains("latin1/closing.md is not UTF-8"),
            "rk {command}: {}",
            run.stderr
        );
    }
    assert!(!root.join("out").exists());
}

/// Each word pdftotext finds in a PDF: its text and its right edge, in
/// points.
fn word_boxes(pdf: &Path) -> Vec<(String, f64)> {
    let xhtml = run_tool("pdftotext", &["-bbox", &pdf.to_string_lossy(), "-"]);
    xhtml
        .lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("<word ")?;
            let x_max = line.split("xMax=\"").nth(1)?.split('"').next()?;
            let text = line.split('>').nth(1)?.strip_suffix("</word")?;
            Some((text.to_string(), x_max.parse().ok()?))
        })
        .collect()
}

#[test]
fn a_word_longer_than_a_line_breaks_inside_the_margins() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let (root, dir) = meeting("long-word", MEETING);
    let title = "Arkitektur".repeat(25);
    let word = "Brød".repeat(60);
    item(
        &dir,
        "1",
        &title,
        &format!("Tekst med {word} i brødteksten."),
    );
    let run = rk(&root, &["build", "2020-11-25", "--only", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = root.join("out/2020-11-25/referat.pdf");
    // A4 is 595.3 points wide; the KL layout's right margin is 2.5 cm.
    let right_margin = 595.3 - 2.5 / 2.54 * 72.0;
    let words = word_boxes(&pdf);
    for (text, x_max) in &words {
        assert!(
            *x_max <= right_margin + 0.5,
            "`{text}` ends at {x_max:.1} pt, past the margin at {right_margin:.1} pt"
        );
    }
    // Broken, but all there, in order, and nothing added.
    let all: String = words.iter().map(|(text, _)| text.as_str()).collect();
    assert!(all.contains(&format!("1.{title}")), "{all}");
    assert!(all.contains(&format!("med{word}i")), "{all}");
}

#[test]
fn a_line_separator_is_a_line_break_in_the_pdf_and_the_html() {
    let (root, dir) = meeting("line-separator", MEETING);
    item(&dir, "1", "\"Første\u{2028}del\"", "Før\u{2028}efter.");
    let run = rk(&root, &["build", "2020-11-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = root.join("out/2020-11-25");
    let html =
        scraper::Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let paragraph = html
        .select(&scraper::Selector::parse("main p").unwrap())
        .find(|p| p.text().any(|t| t.contains("Før")))
        .expect("the paragraph is in the page");
    assert_eq!(paragraph.inner_html().trim(), "Før<br>\nefter.");
    // The title, in its heading and in the agenda.
    for css in ["#punkt-1-titel", "nav a[href='#punkt-1']"] {
        let title = html
            .select(&scraper::Selector::parse(css).unwrap())
            .next()
            .unwrap_or_else(|| panic!("no {css}"));
        assert_eq!(title.inner_html(), "1. Første<br>del", "{css}");
    }
    if have_tool("pdftotext", "-v") {
        let text = pdf_text(&out.join("referat.pdf"));
        assert!(text.contains("Før\nefter."), "{text}");
        assert!(text.contains("1. Første\ndel"), "{text}");
    }
}

#[test]
fn a_name_is_the_same_person_with_a_composed_or_a_decomposed_letter() {
    // "Kåre" with å as one character (U+00E5), and as a and a combining
    // ring above (U+0061 U+030A), as some keyboards and copied text give it.
    let composed = "K\u{E5}re Holm";
    let decomposed = "Ka\u{30A}re Holm";
    let yaml = format!(
        "body: It-Arkitekturrådet\ndate: 2020-11-25\nreferent: {decomposed}\n\
         members: [Ghita Thiesen]\nothers: [{composed}]\n"
    );
    let (root, dir) = meeting("nfc", &yaml);
    item(&dir, "1", "Godkendelse", "Godkendt.");
    let (code, findings, stderr) = check_json(&root, &[]);
    assert_eq!((code, findings), (0, vec![]), "{stderr}");

    // Listed twice, once in each form: the same person twice.
    let twice = format!("{yaml}guests: [{decomposed}]\n");
    fs::write(dir.join("meeting.yaml"), twice).unwrap();
    let (code, findings, stderr) = check_json(&root, &[]);
    assert_eq!(code, 1, "{stderr}");
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["duplicate-person"], "{findings:#?}");
    assert_eq!(findings[0].line, 6);
}

/// An empty value says it is empty, not that "``" is wrong.
#[test]
fn empty_case_and_attachment_values_say_they_are_empty() {
    let dir = common::clean_with(
        "regressions-empty-values",
        "03-eventuelt.md",
        "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: \"\"\nattachments:\n  - { file: \"\", title: Bilag }\n---\nIntet.\n",
    );
    let (code, findings, stderr) = common::check_json(&dir, &[]);
    assert_eq!(code, 1, "{stderr}");
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages.contains(&"`sag` is empty (pattern `SAG-\\d{4}-\\d{5}`)"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"attachment names no file"),
        "{messages:?}"
    );
}

/// A folder with an item's name is not skipped in silence.
#[test]
fn a_folder_named_like_an_item_is_an_error() {
    let dir = common::fixture_copy("clean", "regressions-folder-item");
    std::fs::create_dir_all(dir.join("meetings/2020-11-25/04-mappe.md")).unwrap();
    let run = common::rk(&dir, &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot read meetings/2020-11-25/04-mappe.md"),
        "{}",
        run.stderr
    );
}
