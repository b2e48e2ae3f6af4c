//! The projects of examples/: each checks clean and builds, and shows what
//! it is there to show. examples/kommune-udvalg is a kommune's udvalg in
//! the kommune layout (picked by its rk.toml): items numbered through the
//! year, sections with a closed item, kinds, a postponed item, KLE case
//! numbers, document numbers and link attachments; an approved meeting and
//! a short extra meeting, a draft.
//!
//! What its tests show, one by one: examples/kommune-udvalg checks clean with
//! `--all`, its second meeting's numbers go on from the first's (a gap is a
//! `numbering` finding), each meeting builds; the short meeting's PDF is at
//! most 2 pages (pdfinfo) and marked UDKAST on every page; the regular one
//! shows its sections, kinds, the postponed item, the stedfortræder and partial
//! attendance, the closed item without its case, number or text, and links its
//! attachment and document numbers in the HTML; `rk layout copy kommune DIR`
//! then `--layout DIR` gives byte-identical outputs.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{check_json, have_tool, project_copy, rk, run_tool};
use scraper::{Html, Selector};

const REGULAR: &str = "2021-05-05";
const SHORT: &str = "2021-05-26";

/// Text without white space or hyphens: line breaks and the engine's
/// hyphenation do not matter when comparing prose.
fn squeeze_ws(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '‐'))
        .collect()
}

fn kommune_udvalg(name: &str) -> PathBuf {
    project_copy("examples/kommune-udvalg", &format!("examples-{name}"))
}

/// `rk build MEETING EXTRA...`, which must succeed; the meeting's out folder.
fn build(dir: &Path, meeting: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec!["build", meeting];
    args.extend_from_slice(extra);
    let run = rk(dir, &args);
    assert_eq!(run.code, 0, "rk build {meeting}: {}", run.stderr);
    dir.join("out").join(meeting)
}

/// The PDF's text in the order of its content (and of its tags), squeezed
/// of white space, and its number of pages.
fn pdf_text_and_pages(pdf: &Path) -> (String, usize) {
    let path = pdf.to_string_lossy();
    let text = run_tool("pdftotext", &["-raw", "-enc", "UTF-8", &path, "-"]);
    let pages = run_tool("pdfinfo", &[&path])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the number of pages");
    (squeeze_ws(&text), pages)
}

fn assert_has(text: &str, expected: &[&str], what: &str) {
    for e in expected {
        assert!(text.contains(&squeeze_ws(e)), "no `{e}` in {what}");
    }
}

#[test]
fn the_kommune_example_checks_clean() {
    let dir = kommune_udvalg("check");
    let (code, findings, stderr) = check_json(&dir, &["--all"]);
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
}

/// The second meeting's numbers go on from the first's: a gap is found.
#[test]
fn the_second_meeting_continues_the_first_meetings_numbers() {
    let dir = kommune_udvalg("numbering");
    let first = dir.join("meetings").join(REGULAR);
    fs::remove_file(first.join("47-koeb-af-areal.md")).unwrap();
    common::replace_in(
        &first.join("meeting.yaml"),
        "  - title: Lukkede punkter\n    from: 47\n    closed: true\n",
        "",
    );
    let (code, findings, _) = check_json(&dir, &["--all"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "numbering");
    assert_eq!(
        findings[0].file,
        format!("meetings/{SHORT}/48-godkendelse-af-dagsorden.md")
    );
}

#[test]
fn the_short_meeting_is_a_short_document() {
    if !have_tool("pdfinfo", "-v") {
        return;
    }
    let dir = kommune_udvalg("short");
    let out = build(&dir, SHORT, &[]);
    let (text, pages) = pdf_text_and_pages(&out.join("referat.pdf"));
    assert!(pages <= 2, "two short items take {pages} pages");
    assert_has(
        &text,
        &[
            "REFERAT",
            "Klima- og Miljøudvalget",
            "6. møde 2021",
            "Dato Onsdag den 26. maj 2021, 15.00-15.30",
            "Deltagere Mette Søgaard Lund, Socialdemokratiet (Formand)",
            "Dagsorden",
            "48. Godkendelse af dagsorden (Beslutning)",
            "49. Høringssvar til Regional Udviklingsstrategi 2021-2024 (Beslutning)",
            "Sagsnr. 01.02.03-A00-2-21 · Dok.nr. 223018",
            "Fremlagt af Kirsten Dalgaard",
            "Bilag",
            "Regional Udviklingsstrategi 2021-2024, høringsudkast",
            &format!("Side 1 af {pages}"),
        ],
        "the short meeting's PDF",
    );
    // A draft: UDKAST at the top of every page, and beside REFERAT.
    assert!(
        text.matches("UDKAST").count() > pages,
        "UDKAST is not on every page"
    );
    let info = run_tool("pdfinfo", &[&out.join("referat.pdf").to_string_lossy()]);
    assert!(
        info.contains("UDKAST - Referat - Klima- og Miljøudvalget - 26. maj 2021"),
        "{info}"
    );
}

#[test]
fn the_regular_meeting_shows_sections_kinds_and_a_closed_item() {
    if !have_tool("pdfinfo", "-v") {
        return;
    }
    let dir = kommune_udvalg("regular");
    let out = build(&dir, REGULAR, &[]);
    let (text, _) = pdf_text_and_pages(&out.join("referat.pdf"));
    assert_has(
        &text,
        &[
            "Godkendt Onsdag den 26. maj 2021",
            "Lise Holm Nielsen, Venstre (stedfortræder for Jens Otto Kragh)",
            "(forlod mødet kl. 17.15; deltog under punkt 41, 42, 43 og 44)",
            "Afbud Jens Otto Kragh, Venstre",
            "ÅBNE PUNKTER",
            "45. Nyt regulativ for husholdningsaffald (Beslutning) – Udsat",
            "Sagsnr. 01.02.05-P15-2-21 · Dok.nr. 221734 · Teknik og Miljø",
            "LUKKEDE PUNKTER",
            "47. Køb af areal til regnvandsbassin ved Engvej (Beslutning) Lukket punkt",
        ],
        "the regular meeting's PDF",
    );
    // The closed item's case, document number and text are not published.
    for closed in ["02.34.02-G01-4-21", "221090", "matr.nr. 12b"] {
        assert!(!text.contains(&squeeze_ws(closed)), "`{closed}` published");
    }

    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let texts = |css: &str| -> Vec<String> {
        html.select(&Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    };
    assert_eq!(
        texts("nav li.agenda-section > a"),
        ["Åbne punkter", "Lukkede punkter"]
    );
    assert_eq!(
        texts("main section.closed-section .item > p.closed"),
        ["Lukket punkt"]
    );
    assert_eq!(
        texts("a[href='https://www.example.dk/hoeringer/klimahandleplan-2021-2025']"),
        ["Udkast til Klimahandleplan 2021-2025 på kommunens høringsportal"]
    );
    assert_eq!(
        texts("a[href='https://sager.example.dk/dokument/221734']"),
        ["221734"]
    );
    assert_eq!(
        texts("title"),
        ["Referat - Klima- og Miljøudvalget - 5. maj 2021"]
    );

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap()).unwrap();
    let numbers: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["41", "42", "43", "44", "45", "46", "47"]);
    assert_eq!(json["items"][4]["status"], "udsat");
    assert_eq!(json["items"][6]["section"], "Lukkede punkter");
}

/// `rk layout copy kommune DIR` and `--layout DIR` give the outputs of the
/// built-in layout, byte for byte.
#[test]
fn the_kommune_layout_copied_to_a_folder_gives_the_same_outputs() {
    let dir = kommune_udvalg("copy");
    let out = build(&dir, REGULAR, &[]);
    let read = |name: &str| fs::read(out.join(name)).unwrap();
    let built_in: Vec<Vec<u8>> = ["referat.pdf", "referat.html", "referat.json"]
        .iter()
        .map(|n| read(n))
        .collect();
    let run = rk(&dir, &["layout", "copy", "kommune", "egen-layout"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    build(&dir, REGULAR, &["--layout", "egen-layout"]);
    for (name, before) in ["referat.pdf", "referat.html", "referat.json"]
        .iter()
        .zip(&built_in)
    {
        assert!(read(name) == *before, "{name} differs from the built-in's");
    }
    // The archive pages too: the copy has every page of the layout and the
    // macros they import.
    let index = |layout: &str| {
        let run = rk(&dir, &["index", "--layout", layout]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        ["index.html", "sager.html"].map(|name| fs::read(dir.join("out").join(name)).unwrap())
    };
    assert!(index("kommune") == index("egen-layout"));
    for file in ["item.html", "aendringer.html", "index.html", "sager.html"] {
        assert!(dir.join("egen-layout").join(file).is_file(), "{file}");
    }
}
