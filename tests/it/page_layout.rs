//! The printed page as a reader meets it: the kommune layout's cover table
//! writes its two dates alike, and a heading is never alone at the foot
//! of a page (an item's heading, with "Lukket punkt" and the case line
//! under it, and the parts' headings), in both layouts and both editions.
//! The pages are read one by one with pdftotext, as a reader turns them.
//!
//! What its tests show, one by one: the printed page. Item 41 of
//! examples/kommune-udvalg padded by 0 to 50 lines, so that every later heading
//! passes the foot of a page: no page (pdftotext, page by page) ends with an
//! item's heading, a part's heading, *Lukket punkt*, *Bilag* or a case line, in
//! both layouts, public and internal; the kommune cover table's *Dato* and
//! *Godkendt* dates start alike (PDF and HTML); the change page and a draft
//! referat printed to PDF by Chromium (tests/browser/print.mjs, the page's
//! print styles) carry their mark on every page, and the mark's painted box
//! (its words in `pdftotext -bbox`, widened by its border and padding as
//! Chromium measures them in print media) covers no word, in both layouts.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{have_tool, project_copy, rk, run_tool};
use scraper::{Html, Selector};

const MEETING: &str = "2021-05-05";
const PADDED: &str = "41-godkendelse-af-dagsorden.md";

fn kommune_udvalg(name: &str) -> PathBuf {
    project_copy("examples/kommune-udvalg", &format!("page-{name}"))
}

/// `rk build MEETING EXTRA...`, which must succeed.
fn build(dir: &Path, extra: &[&str]) {
    let mut args = vec!["build", MEETING];
    args.extend_from_slice(extra);
    let run = rk(dir, &args);
    assert_eq!(run.code, 0, "rk build {args:?}: {}", run.stderr);
}

/// The number of pages of a PDF, by pdfinfo.
fn pages(pdf: &Path) -> usize {
    let info = run_tool("pdfinfo", &[&pdf.to_string_lossy()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gave no page count: {info}"))
}

/// The text lines of page `page`, without the running header and footer
/// (the meeting's short date, the page number, the edition's marks) and
/// without empty lines.
fn page_lines(pdf: &Path, page: usize) -> Vec<String> {
    let n = page.to_string();
    let text = run_tool(
        "pdftotext",
        &[
            "-enc",
            "UTF-8",
            "-f",
            &n,
            "-l",
            &n,
            &pdf.to_string_lossy(),
            "-",
        ],
    );
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|l| !l.contains("05-05-2021"))
        .filter(|l| !(l.starts_with("Side ") && l.contains(" af ")))
        .filter(|l| !l.starts_with("SIDE |"))
        .filter(|l| !l.contains("Internt - ikke til offentliggørelse"))
        .map(str::to_string)
        .collect()
}

/// What must never end a page: the items' headings (the number and title,
/// or the end of a title that wrapped), the case lines, and the words that
/// head what follows them: the parts' headings of the item files, the
/// section titles, "Lukket punkt" and "Bilag".
struct Headings {
    items: Vec<String>,
    cases: Vec<String>,
    words: Vec<String>,
}

impl Headings {
    fn of(meeting: &Path) -> Headings {
        let mut headings = Headings {
            items: Vec::new(),
            cases: Vec::new(),
            words: [
                "Lukket punkt",
                "Bilag",
                "Bilag:",
                "Åbne punkter",
                "Lukkede punkter",
            ]
            .map(str::to_uppercase)
            .to_vec(),
        };
        for entry in fs::read_dir(meeting).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let field = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.trim().trim_matches('"').to_string())
            };
            let (number, title) = (field("number:").unwrap(), field("title:").unwrap());
            headings.items.push(format!("{number}. {title}"));
            headings.cases.extend(field("sag:").filter(|s| s != "none"));
            let parts = text.lines().filter_map(|l| l.strip_prefix("## "));
            headings.words.extend(parts.map(str::to_uppercase));
        }
        headings
    }

    /// True when `line` is (a piece of) a heading; the Dagsorden's lines
    /// (a title, dotted leaders and the page) are none.
    fn is_heading(&self, line: &str) -> bool {
        if line.contains(". . .") {
            return false;
        }
        let title = self
            .items
            .iter()
            .any(|h| h.contains(line) || line.starts_with(h.as_str()));
        let wrapped_end = (line.starts_with('(') && line.ends_with(')')) || line.starts_with("– ");
        let case = self
            .cases
            .iter()
            .any(|s| line.starts_with(s.as_str()) || line.starts_with(&format!("Sagsnr. {s}")));
        title || wrapped_end || case || self.words.contains(&line.to_uppercase())
    }
}

/// Item 41 followed by `lines` lines of text, one paragraph with hard line
/// breaks, so that every later heading moves down one line a step.
fn pad(meeting: &Path, lines: usize) {
    let fill: Vec<String> = (1..=lines)
        .map(|i| format!("Fyldlinje nummer {i} i referatet."))
        .collect();
    let text = format!(
        "---\nnumber: \"41\"\ntitle: Godkendelse af dagsorden\nkind: beslutning\nsag: none\n---\n## Beslutning\n\nDagsordenen blev godkendt.\n\n{}\n",
        fill.join("\\\n")
    );
    fs::write(meeting.join(PADDED), text).unwrap();
}

/// Builds the meeting with item 41 padded by 0, 1, 2, ... lines, one page
/// of lines in all, so that every heading after it passes the foot of a
/// page, and asserts after each build that no page but the last ends with
/// a heading (nor the last page of the items, when a closing page follows).
fn no_heading_ends_a_page(name: &str, extra: &[&str]) {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let dir = kommune_udvalg(name);
    let meeting = dir.join("meetings").join(MEETING);
    let headings = Headings::of(&meeting);
    let internal = extra.contains(&"--internal");
    let pdf = if internal {
        dir.join("out-internt")
            .join(MEETING)
            .join("referat-internt.pdf")
    } else {
        dir.join("out").join(MEETING).join("referat.pdf")
    };
    let mut feet = Vec::new();
    for lines in 0..=50 {
        pad(&meeting, lines);
        build(&dir, extra);
        let count = pages(&pdf);
        // KL's closing page (Mission and Vision) follows the last item on
        // a page of its own: the page before it ends with the last item.
        let closing = page_lines(&pdf, count).iter().any(|l| l == "Mission");
        let last = if closing { count - 1 } else { count };
        for page in 1..last {
            let text = page_lines(&pdf, page);
            let foot = text.last().cloned().unwrap_or_default();
            assert!(
                !headings.is_heading(&foot),
                "{name}, item 41 padded by {lines} lines: page {page} of {count} ends with the heading {foot:?}:\n{}",
                text.join("\n")
            );
            feet.push(foot);
        }
    }
    // The padding moved the page breaks through the items: many pages
    // ended in many places.
    feet.sort();
    feet.dedup();
    assert!(feet.len() > 20, "{name}: the pages ended at {feet:?} only");
}

#[test]
fn no_heading_alone_at_the_foot_kommune_public() {
    no_heading_ends_a_page("kommune-public", &[]);
}

#[test]
fn no_heading_alone_at_the_foot_kommune_internal() {
    no_heading_ends_a_page("kommune-internal", &["--internal"]);
}

#[test]
fn no_heading_alone_at_the_foot_kl_public() {
    no_heading_ends_a_page("kl-public", &["--layout", "kl"]);
}

#[test]
fn no_heading_alone_at_the_foot_kl_internal() {
    no_heading_ends_a_page("kl-internal", &["--layout", "kl", "--internal"]);
}

/// The kommune layout's cover table: "Dato" and "Godkendt" give their
/// dates alike, each starting with a capital ("Onsdag den 5. maj 2021",
/// "Onsdag den 26. maj 2021"), in the PDF and in the HTML.
#[test]
fn the_cover_table_writes_both_dates_alike() {
    let dir = kommune_udvalg("cover");
    build(&dir, &[]);
    let out = dir.join("out").join(MEETING);
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let (dt, dd) = (
        Selector::parse("dt").unwrap(),
        Selector::parse("dd").unwrap(),
    );
    let value = |label: &str| {
        let terms: Vec<String> = html.select(&dt).map(|e| e.text().collect()).collect();
        let at = terms
            .iter()
            .position(|t| t == label)
            .unwrap_or_else(|| panic!("no {label} in {terms:?}"));
        html.select(&dd).nth(at).unwrap().text().collect::<String>()
    };
    assert_eq!(value("Dato"), "Onsdag den 5. maj 2021, 16.00-18.00");
    assert_eq!(value("Godkendt"), "Onsdag den 26. maj 2021");
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let text = run_tool(
        "pdftotext",
        &[
            "-layout",
            "-enc",
            "UTF-8",
            "-l",
            "1",
            &out.join("referat.pdf").to_string_lossy(),
            "-",
        ],
    );
    let row = |label: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(label))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {label} row on the first page:\n{text}"))
            .to_string()
    };
    assert_eq!(row("Dato"), "Onsdag den 5. maj 2021, 16.00-18.00");
    assert_eq!(row("Godkendt"), "Onsdag den 26. maj 2021");
}

/// A word of a PDF page and its box, in points from the top left.
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// The words of each page of a PDF, by `pdftotext -bbox`.
fn words_by_page(pdf: &Path) -> Vec<Vec<Word>> {
    let xhtml = run_tool(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", &pdf.to_string_lossy(), "-"],
    );
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&xhtml, options)
        .expect("pdftotext -bbox gives XHTML");
    let number = |node: roxmltree::Node<'_, '_>, name: &str| -> f64 {
        node.attribute(name).and_then(|v| v.parse().ok()).unwrap()
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("page"))
        .map(|page| {
            page.descendants()
                .filter(|n| n.has_tag_name("word"))
                .map(|w| Word {
                    text: w.text().unwrap_or_default().to_string(),
                    x0: number(w, "xMin"),
                    y0: number(w, "yMin"),
                    x1: number(w, "xMax"),
                    y1: number(w, "yMax"),
                })
                .collect()
        })
        .collect()
}

/// Prints `html` to PDF in Chromium (tests/browser/print.mjs, the page's
/// print styles) and asserts that its edition mark (the change page's
/// "Ændringer siden main · UDKAST", a draft's "UDKAST") is on every
/// printed page, and that the box it paints (its words, and its border
/// and padding as Chromium measures them in print media) covers no other
/// word of the page.
fn printed_mark_covers_no_text(html: &Path, name: &str) {
    let pdf = html.with_file_name(format!("{name}-printed.pdf"));
    let output = std::process::Command::new("node")
        .arg(common::project_root().join("tests/browser/print.mjs"))
        .arg(html)
        .arg(&pdf)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "print.mjs: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let measured: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mark: Vec<&str> = measured["mark"]
        .as_str()
        .expect("the page has a mark")
        .split_whitespace()
        .collect();
    let inset = |side: &str| measured["insets"][side].as_f64().unwrap_or(0.0);
    let pages = words_by_page(&pdf);
    assert!(
        pages.len() > 3,
        "{name}: only {} printed pages",
        pages.len()
    );
    for (page, words) in pages.iter().enumerate() {
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        // Every run of the mark's words (the cover may say UDKAST too):
        // none may cover a word.
        let runs: Vec<usize> = texts
            .windows(mark.len())
            .enumerate()
            .filter(|(_, run)| *run == mark.as_slice())
            .map(|(at, _)| at)
            .collect();
        assert!(
            !runs.is_empty(),
            "{name}: printed page {} has no {mark:?}: {texts:?}",
            page + 1
        );
        for at in runs {
            let run = &words[at..at + mark.len()];
            let (x0, y0) = (
                run.iter().map(|w| w.x0).fold(f64::MAX, f64::min) - inset("left"),
                run.iter().map(|w| w.y0).fold(f64::MAX, f64::min) - inset("top"),
            );
            let (x1, y1) = (
                run.iter().map(|w| w.x1).fold(f64::MIN, f64::max) + inset("right"),
                run.iter().map(|w| w.y1).fold(f64::MIN, f64::max) + inset("bottom"),
            );
            let covered: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(i, _)| !(at..at + mark.len()).contains(i))
                .filter(|(_, w)| w.x0 < x1 && w.x1 > x0 && w.y0 < y1 && w.y1 > y0)
                .map(|(_, w)| w.text.as_str())
                .collect();
            assert!(
                covered.is_empty(),
                "{name}: on printed page {} the mark {mark:?} covers {covered:?}",
                page + 1
            );
        }
    }
}

/// The example meeting as a draft in a git repository, a word changed
/// since `main`: its change page and its draft referat, in `layout`.
fn draft_and_change_page(name: &str, layout: &str) -> (PathBuf, PathBuf) {
    let dir = common::example_copy(&format!("print-{name}"));
    let meeting = dir.join("meetings/2020-11-25");
    common::replace_in(
        &meeting.join("meeting.yaml"),
        "\nreferent:",
        "\nstatus: udkast\nreferent:",
    );
    common::git(&dir, &["init", "-q", "-b", "main"]);
    common::git(&dir, &["add", "."]);
    common::git(&dir, &["commit", "-q", "-m", "Udkast"]);
    common::replace_in(
        &meeting.join("03-eventuelt.md"),
        "viste en graf",
        "viste en ny graf",
    );
    let run = rk(&dir, &["diff", "main", "2020-11-25", "--layout", layout]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = rk(
        &dir,
        &["build", "2020-11-25", "--only", "html", "--layout", layout],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out/2020-11-25");
    (out.join("aendringer.html"), out.join("referat.html"))
}

#[test]
fn printed_from_chromium_the_marks_cover_no_text_kl() {
    if !common::browser::browser_tools() || !have_tool("pdftotext", "-v") {
        return;
    }
    let (changes, draft) = draft_and_change_page("kl", "kl");
    printed_mark_covers_no_text(&changes, "kl-aendringer");
    printed_mark_covers_no_text(&draft, "kl-udkast");
}

#[test]
fn printed_from_chromium_the_marks_cover_no_text_kommune() {
    if !common::browser::browser_tools() || !have_tool("pdftotext", "-v") {
        return;
    }
    let (changes, draft) = draft_and_change_page("kommune", "kommune");
    printed_mark_covers_no_text(&changes, "kommune-aendringer");
    printed_mark_covers_no_text(&draft, "kommune-udkast");
}
