//! Meetings at the size limits build (in time that grows about linearly:
//! the figures are in BENCHMARKS.md, from `just limits`) or are refused with a
//! clear finding; none hangs or crashes. Times are not asserted here.
//!
//! What its tests show, one by one: 1,000 items, a 1 MB line (whole in the
//! JSON, the HTML and the PDF's text), a 2,000-row table and a 5 MB item build;
//! 200 levels of nesting and an image of 20,000 × 20,000 pixels are refused
//! with a finding.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{build_ok, have_tool, pdf_text, rk, scratch};

const MEETING: &str = "body: It-Arkitekturrådet\ndate: 2020-11-25\nreferent: Zahra Al-Asfoor\n\
                       members: [Ghita Thiesen]\nothers: [Zahra Al-Asfoor]\n";

fn meeting(name: &str) -> (PathBuf, PathBuf) {
    let root = scratch(&format!("limits-{name}"));
    let dir = root.join("meetings/2020-11-25");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("meeting.yaml"), MEETING).unwrap();
    (root, dir)
}

fn item(dir: &Path, number: usize, body: &str) {
    fs::write(
        dir.join(format!("{number:04}.md")),
        format!("---\nnumber: \"{number}\"\ntitle: Punkt {number}\nsag: none\n---\n{body}\n"),
    )
    .unwrap();
}

/// Danish prose of about `bytes` bytes, in paragraphs or on one line.
fn prose(bytes: usize, paragraphs: bool) -> String {
    let words = [
        "rådet",
        "drøftede",
        "sagen",
        "og",
        "tog",
        "orienteringen",
        "til",
        "efterretning",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(words[n % words.len()]);
        n += 1;
        text.push_str(if paragraphs && n % 80 == 0 {
            ".\n\n"
        } else {
            " "
        });
    }
    text
}

fn built_pages(root: &Path, args: &[&str]) -> String {
    build_ok(root, args).stderr
}

#[test]
fn a_thousand_items_build() {
    let (root, dir) = meeting("items");
    for n in 1..=1000 {
        item(&dir, n, "Rådet tog orienteringen til efterretning.");
    }
    let summary = built_pages(&root, &[]);
    assert!(summary.contains("referat.pdf ("), "{summary}");
    let json = fs::read_to_string(root.join("out/2020-11-25/referat.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["items"].as_array().unwrap().len(), 1000);
}

#[test]
fn a_line_of_a_megabyte_builds_and_reaches_every_output() {
    let (root, dir) = meeting("line");
    let line = prose(1_000_000, false);
    item(&dir, 1, &line);
    built_pages(&root, &[]);
    let out = root.join("out/2020-11-25");
    let line = line.trim_end();
    // The JSON holds the body as written, the HTML as one paragraph.
    let json = fs::read_to_string(out.join("referat.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["items"][0]["body"].as_str().map(str::trim), Some(line));
    let html = fs::read_to_string(out.join("referat.html")).unwrap();
    assert!(
        html.contains(&format!("<p>{line}</p>")),
        "the line is not a paragraph of the page"
    );
    // The PDF has every word of it, on page after page.
    if have_tool("pdftotext", "-v") {
        let text = pdf_text(&out.join("referat.pdf"));
        let words = |text: &str| {
            text.split_whitespace()
                .filter(|w| *w == "efterretning")
                .count()
        };
        assert_eq!(words(&text), words(line));
        assert!(text.matches('\u{c}').count() > 100, "fewer than 100 pages");
    }
}

#[test]
fn a_table_of_two_thousand_rows_builds() {
    let (root, dir) = meeting("table");
    let mut table = String::from("| Nr | Kommune | Svar |\n|---|---|---|\n");
    for n in 1..=2000 {
        table.push_str(&format!("| {n} | Kommune {n} | ja |\n"));
    }
    item(&dir, 1, &table);
    built_pages(&root, &[]);
    let html = fs::read_to_string(root.join("out/2020-11-25/referat.html")).unwrap();
    assert_eq!(html.matches("<tr>").count(), 2001);
}

#[test]
fn an_item_of_five_megabytes_is_checked_and_rendered() {
    // The PDF of it takes about 12 s and 1 GB (see BENCHMARKS.md); the test
    // suite makes the HTML and JSON, which read all of it too.
    let (root, dir) = meeting("big-item");
    item(&dir, 1, &prose(5_000_000, true));
    built_pages(&root, &["--only", "html,json"]);
    let html = fs::metadata(root.join("out/2020-11-25/referat.html")).unwrap();
    assert!(html.len() > 5_000_000);
}

#[test]
fn nesting_two_hundred_levels_deep_is_refused_with_a_finding() {
    let (root, dir) = meeting("nesting");
    item(&dir, 1, &format!("{}dybt", "> ".repeat(200)));
    let list: String = (0..200)
        .map(|i| format!("{}- niveau {i}\n", "  ".repeat(i)))
        .collect();
    item(&dir, 2, &list);
    let run = rk(&root, &["build", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("error[nesting]").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(!root.join("out").exists());
}

/// A PNG's signature and header chunk, of `width` × `height` pixels: what
/// rk reads of an image to know its size (the pixels need not follow).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(width.to_be_bytes());
    png.extend(height.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn an_image_of_too_many_pixels_is_refused_with_a_finding() {
    // 20,000 × 20,000 pixels: a few kilobytes on disk, about 430 MB in the
    // engine. Refused from its header, before anything decodes it.
    let (root, dir) = meeting("pixels");
    fs::write(dir.join("kort.png"), png_header(20_000, 20_000)).unwrap();
    fs::write(dir.join("lille.png"), png_header(8_000, 6_000)).unwrap();
    item(
        &dir,
        1,
        "![Kort over kommunen](kort.png)\n\n![Lille](lille.png)",
    );
    let (code, findings, stderr) = common::check_json(&root, &[]);
    assert_eq!(code, 1, "{stderr}");
    // The small one's size is allowed; having no pixels, it is damaged.
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(
        findings[1]
            .message
            .starts_with("image `lille.png` is damaged"),
        "{findings:#?}"
    );
    let finding = &findings[0];
    assert_eq!(finding.rule, "missing-file");
    assert_eq!(
        (finding.file.as_str(), finding.line, finding.column),
        ("meetings/2020-11-25/0001.md", 6, 23)
    );
    assert_eq!(
        finding.message,
        "image `kort.png` is 20000 × 20000 pixels, more than the 50 million an image may have"
    );
    let run = rk(&root, &["build", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!root.join("out").exists());
}
