//! Minutes of a kommune's fagudvalg (tests/fixtures/bodies/udvalg): items
//! numbered through the year (rk.toml `numbering = "year"`) and the agenda
//! grouped under unnumbered sections ("Åbne punkter", "Lukkede punkter",
//! the second closed). Each meeting is checked and built, and what is new
//! is read back from the PDF's text, the parsed HTML and the parsed JSON.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    Got, check_json, got, have_tool, pdf_text, project_copy, project_root, replace_in, rk, scratch,
    squeeze,
};
use scraper::{ElementRef, Html, Selector};

const FIXTURE: &str = "tests/fixtures/bodies/udvalg";
const APRIL: &str = "meetings/2021-04-21";

fn udvalg(name: &str) -> PathBuf {
    project_copy(FIXTURE, &format!("bodies-a-{name}"))
}

/// `rk build ARGS...` in `dir`, which must succeed.
fn build(dir: &Path, args: &[&str]) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = rk(dir, &all);
    assert_eq!(run.code, 0, "rk build failed:\n{}", run.stderr);
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("")
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text).collect()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).expect("referat.json parses")
}

/// The findings of `rk check --all` in `dir`, with the exit status.
fn check_all(dir: &Path) -> (i32, Vec<Got>) {
    let (code, findings, _) = check_json(dir, &["--all"]);
    (code, got(&findings))
}

#[test]
fn the_udvalg_is_clean() {
    let dir = project_root().join(FIXTURE);
    let (code, findings) = check_all(&dir);
    assert_eq!((code, findings), (0, vec![]));
}

#[test]
fn sections_are_in_the_json_on_each_item_and_close_their_items() {
    let dir = udvalg("json");
    build(&dir, &["--all"]);
    let data = json(&dir.join("out/2021-04-21/referat.json"));
    assert_eq!(
        data["sections"],
        serde_json::json!([
            { "title": "Åbne punkter", "from": "42", "closed": false },
            { "title": "Lukkede punkter", "from": "46", "closed": true },
        ])
    );
    let items: Vec<(String, String, bool)> = data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap().to_string(),
                i["section"].as_str().unwrap().to_string(),
                i["closed"].as_bool().unwrap(),
            )
        })
        .collect();
    let open = "Åbne punkter".to_string();
    let closed = "Lukkede punkter".to_string();
    assert_eq!(
        items,
        vec![
            ("42".into(), open.clone(), false),
            ("43".into(), open.clone(), false),
            ("44".into(), open.clone(), false),
            ("45".into(), open, false),
            ("46".into(), closed.clone(), true),
            ("47".into(), closed, true),
        ]
    );
    // A closed section's items publish their number and title only.
    let sale = &data["items"][4];
    assert_eq!(sale["title"], "Salg af grund - Industrivej 12");
    assert_eq!(sale["sag"], serde_json::Value::Null);
    assert_eq!(sale["body"], "");
    assert_eq!(sale["attachments"], serde_json::json!([]));
    // Its attachment is not published beside the referat.
    assert!(!dir.join("out/2021-04-21/bilag").exists());
    // A meeting without sections has none in its JSON, and its items no
    // `section`; its numbers run from 38, as written.
    let march = json(&dir.join("out/2021-03-17/referat.json"));
    assert!(march.get("sections").is_none());
    assert!(march["items"][0].get("section").is_none());
    assert_eq!(march["items"][0]["number"], "38");
}

#[test]
fn sections_head_the_dagsorden_and_their_items_in_the_pdf() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let dir = udvalg("pdf");
    build(&dir, &["2021-04-21"]);
    let pdf = pdf_text(&dir.join("out/2021-04-21/referat.pdf"));
    let lines: Vec<&str> = pdf
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let position = |from: usize, wanted: &str| {
        lines[from..]
            .iter()
            .position(|l| l.starts_with(wanted))
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("no line {wanted:?} after line {from} in:\n{pdf}"))
    };
    // The Dagsorden: each section, then its items, each with its page.
    let agenda = position(0, "Dagsorden");
    let mut at = agenda;
    for wanted in [
        "ÅBNE PUNKTER",
        "42. Godkendelse af dagsorden",
        "45. Meddelelser",
        "LUKKEDE PUNKTER",
        "46. Salg af grund - Industrivej 12",
        "47. Ekspropriation til cykelsti langs Skolevej",
    ] {
        at = position(at, wanted);
        assert!(
            lines[at].trim_end().ends_with(|c: char| c.is_ascii_digit()),
            "no page number: {}",
            lines[at]
        );
    }
    // The body: each section's heading right before its first item.
    let open = position(at + 1, "ÅBNE PUNKTER");
    assert_eq!(lines[open + 1], "42. Godkendelse af dagsorden");
    let closed = position(open, "LUKKEDE PUNKTER");
    assert_eq!(lines[closed + 1], "46. Salg af grund - Industrivej 12");
    // The closed section's items: number, title and "Lukket punkt" only.
    let rest = squeeze(&lines[closed..].join("\n"));
    assert!(rest.contains(&squeeze("46. Salg af grund - Industrivej 12 Lukket punkt")));
    assert!(rest.contains(&squeeze("Lukket punkt 47. Ekspropriation")));
    for secret in [
        "højeste bud",
        "02.00.00-G01-7-21",
        "lodsejerne",
        "Indkomne bud",
    ] {
        assert!(!pdf.contains(secret), "the public PDF shows {secret:?}");
    }
    // The internal edition shows them whole, under the same headings.
    build(&dir, &["2021-04-21", "--internal"]);
    let internal = pdf_text(&dir.join("out-internt/2021-04-21/referat-internt.pdf"));
    assert!(internal.contains("LUKKEDE PUNKTER"));
    for shown in [
        "Det højeste bud er 2,4 mio. kr.",
        "02.00.00-G01-7-21",
        "Indkomne bud",
    ] {
        assert!(internal.contains(shown), "the internal PDF lacks {shown:?}");
    }
}

#[test]
fn sections_head_the_dagsorden_and_their_items_in_the_html() {
    let dir = udvalg("html");
    build(&dir, &["2021-04-21"]);
    let page = fs::read_to_string(dir.join("out/2021-04-21/referat.html")).unwrap();
    let html = Html::parse_document(&page);
    // The Dagsorden: each section with its items below it.
    assert_eq!(
        texts(&html, "nav li.agenda-section > a"),
        ["Åbne punkter", "Lukkede punkter"]
    );
    let under = |n: usize| texts(&html, &format!("nav li.agenda-section:nth-child({n}) li a"));
    assert_eq!(
        under(1),
        [
            "42. Godkendelse af dagsorden",
            "43. Budget 2022 - udvalgets anlægsønsker",
            "44. Status på klimaplanen",
            "45. Meddelelser",
        ]
    );
    assert_eq!(
        under(2),
        [
            "46. Salg af grund - Industrivej 12",
            "47. Ekspropriation til cykelsti langs Skolevej",
        ]
    );
    for link in select(&html, "nav a") {
        let target = &link.value().attr("href").unwrap()[1..];
        assert_eq!(
            select(&html, &format!("[id='{target}']")).len(),
            1,
            "{target}"
        );
    }
    // The body: a heading per section (not an item: no number), the
    // section's items inside it, one level below.
    assert_eq!(
        texts(&html, "main > section.agenda-section > h2"),
        ["Åbne punkter", "Lukkede punkter"]
    );
    assert_eq!(
        texts(&html, "main > section.closed-section > h2"),
        ["Lukkede punkter"]
    );
    assert_eq!(
        texts(&html, "#afsnit-2 > section.item > h3"),
        [
            "46. Salg af grund - Industrivej 12",
            "47. Ekspropriation til cykelsti langs Skolevej",
        ]
    );
    assert_eq!(select(&html, "#afsnit-1 > section.item > h3").len(), 4);
    assert_eq!(texts(&html, "#punkt-43 h4")[0], "Sagsfremstilling");
    // Headings never skip a level.
    let mut previous = 1;
    for heading in select(&html, "h1, h2, h3, h4, h5, h6") {
        let level: usize = heading.value().name()[1..].parse().unwrap();
        assert!(level <= previous + 1, "h{level} after h{previous}");
        previous = level;
    }
    // A closed section's items say "Lukket punkt" and nothing else.
    assert_eq!(texts(&html, "#afsnit-2 p.closed"), ["Lukket punkt"; 2]);
    for secret in ["højeste bud", "02.00.00-G01-7-21", "bilag/", "lodsejerne"] {
        assert!(!page.contains(secret), "the public HTML shows {secret:?}");
    }
    // The internal edition shows the closed items whole.
    build(&dir, &["2021-04-21", "--internal"]);
    let internal =
        fs::read_to_string(dir.join("out-internt/2021-04-21/referat-internt.html")).unwrap();
    let internal = Html::parse_document(&internal);
    assert_eq!(
        texts(&internal, "#punkt-46 .attachments a"),
        ["Indkomne bud"]
    );
    assert_eq!(texts(&internal, "#punkt-46 .sag"), ["02.00.00-G01-7-21"]);
}

/// A meeting folder `id` of `body` in the project `dir`, with one item per
/// number of `numbers`.
fn meeting(dir: &Path, id: &str, body: &str, numbers: &[u32]) {
    let folder = dir.join("meetings").join(id);
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join("meeting.yaml"),
        format!(
            "body: {body}\ndate: {}\nreferent: Lone Kragh\nmembers:\n  - Birgitte Holm\n  - Lone Kragh\n",
            &id[..10]
        ),
    )
    .unwrap();
    for n in numbers {
        fs::write(
            folder.join(format!("{n:02}-punkt.md")),
            format!(
                "---\nnumber: \"{n}\"\ntitle: Punkt {n}\nsag: none\n---\nTaget til efterretning.\n"
            ),
        )
        .unwrap();
    }
}

/// A scratch project numbered through the year.
fn year_project(name: &str) -> PathBuf {
    let dir = scratch(&format!("bodies-a-{name}"));
    fs::write(dir.join("rk.toml"), "numbering = \"year\"\n").unwrap();
    dir
}

#[test]
fn a_meeting_that_does_not_go_on_from_the_last_one_is_one_finding_naming_it() {
    let dir = udvalg("no-continuation");
    // The March meeting now ends at item 40: April should begin at 41.
    fs::remove_file(dir.join("meetings/2021-03-17/41-meddelelser.md")).unwrap();
    let (code, findings) = check_all(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        vec![(
            "numbering".to_string(),
            common::E,
            format!("{APRIL}/42-godkendelse-af-dagsorden.md"),
            2,
            9,
            "the first item is 42, but the previous meeting of the year, 2021-03-17, \
             ended with item 40: item 41 comes next"
                .to_string(),
        )]
    );
    let (_, raw, _) = check_json(&dir, &["2021-04-21"]);
    assert_eq!(
        raw[0].help.as_deref(),
        Some(
            "number this meeting's items from 41: rk.toml's `numbering = \"year\"` runs the items through the year"
        )
    );
}

#[test]
fn numbers_run_on_through_the_year_per_body() {
    let dir = year_project("year");
    // Clean: 56 after 42..55; a body's first meeting of a year may start
    // anywhere; another body's meetings count on their own.
    meeting(
        &dir,
        "2021-04-21",
        "Teknik- og Miljøudvalget",
        &(42..=55).collect::<Vec<_>>(),
    );
    meeting(&dir, "2021-05-05", "Økonomiudvalget", &[1, 2]);
    meeting(&dir, "2021-05-19", "Teknik- og Miljøudvalget", &[56, 57]);
    meeting(&dir, "2022-01-12", "Teknik- og Miljøudvalget", &[1, 2]);
    meeting(&dir, "2022-02-09", "Økonomiudvalget", &[7, 8]);
    assert_eq!(check_all(&dir), (0, vec![]));

    // Within a meeting the count still has no gaps, from its first item.
    let may = dir.join("meetings/2021-05-19");
    replace_in(&may.join("57-punkt.md"), "number: \"57\"", "number: \"58\"");
    let (code, findings) = check_all(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        findings.iter().map(|f| f.5.as_str()).collect::<Vec<_>>(),
        ["item 58 follows 56: item 57 is missing, and this file's name says 57"]
    );
    replace_in(&may.join("57-punkt.md"), "number: \"58\"", "number: \"57\"");

    // Økonomiudvalget's second meeting of 2021 goes on from its first,
    // whose files are read as the loader reads them (BOM, CRLF).
    for entry in fs::read_dir(dir.join("meetings/2021-05-05")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
        fs::write(&path, format!("\u{feff}{text}")).unwrap();
    }
    meeting(&dir, "2021-06-02", "Økonomiudvalget", &[1, 2]);
    let (code, findings) = check_all(&dir);
    assert_eq!(code, 1);
    assert_eq!(
        findings
            .iter()
            .map(|f| (f.2.as_str(), f.5.as_str()))
            .collect::<Vec<_>>(),
        [(
            "meetings/2021-06-02/01-punkt.md",
            "the first item is 1, but the previous meeting of the year, 2021-05-05, \
             ended with item 2: item 3 comes next"
        )]
    );

    // Without `numbering = "year"` every meeting counts from 1 again.
    fs::remove_file(dir.join("rk.toml")).unwrap();
    fs::remove_dir_all(dir.join("meetings/2021-06-02")).unwrap();
    let (_, findings) = check_all(&dir);
    let firsts: Vec<&str> = findings.iter().map(|f| f.5.as_str()).collect();
    assert!(
        firsts.contains(&"item 42 comes first at its level: item 1 is missing"),
        "{firsts:?}"
    );
}

#[test]
fn sections_are_checked() {
    let cases: &[(&str, &str, Got)] = &[
        (
            "    from: 46\n",
            "    from: 50\n",
            (
                "numbering".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                19,
                11,
                "section `Lukkede punkter` starts at item 50, which is not on the agenda".into(),
            ),
        ),
        (
            "    from: 46\n",
            "    from: 46.1\n",
            (
                "numbering".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                19,
                11,
                "section `Lukkede punkter` starts at item 46.1, which is not a top-level item"
                    .into(),
            ),
        ),
        (
            "    from: 46\n",
            "    from: sidst\n",
            (
                "numbering".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                19,
                11,
                "section `Lukkede punkter` starts at `sidst`, which is not an item number".into(),
            ),
        ),
        (
            "    from: 46\n",
            "    from: 42\n",
            (
                "numbering".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                19,
                11,
                "section `Lukkede punkter` starts at item 42, but the section before it, \
                 `Åbne punkter`, starts at item 42"
                    .into(),
            ),
        ),
        (
            "  - title: Lukkede punkter\n",
            "  - titel: Lukkede punkter\n",
            (
                "unknown-field".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                18,
                5,
                "unknown field `titel` in a section".into(),
            ),
        ),
        (
            "  - title: Lukkede punkter\n    from: 46\n",
            "  - from: 46\n",
            (
                "missing-field".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                18,
                5,
                "a section has no `title`".into(),
            ),
        ),
        (
            "    closed: true\n",
            "    closed: ja\n",
            (
                "bad-value".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                20,
                13,
                String::new(),
            ),
        ),
        (
            "  - title: Åbne punkter\n",
            "  - title: Åbne punkter 🐘\n",
            (
                "missing-glyph".into(),
                common::E,
                format!("{APRIL}/meeting.yaml"),
                16,
                25,
                String::new(),
            ),
        ),
    ];
    for (i, (from, to, want)) in cases.iter().enumerate() {
        let dir = udvalg(&format!("sections-{i}"));
        replace_in(&dir.join(APRIL).join("meeting.yaml"), from, to);
        let (code, findings) = check_all(&dir);
        assert_eq!(code, 1, "{to}");
        assert_eq!(findings.len(), 1, "{to}: {findings:?}");
        let mut found = findings[0].clone();
        if want.5.is_empty() {
            found.5 = String::new();
        }
        assert_eq!(&found, want, "{to}");
    }
}

#[test]
fn the_sections_page_is_valid_html_without_accessibility_violations() {
    if !common::browser::browser_tools() {
        return;
    }
    let dir = udvalg("browser");
    build(&dir, &["2021-04-21", "--only", "html"]);
    build(&dir, &["2021-04-21", "--only", "html", "--internal"]);
    for (name, page) in [
        ("udvalg", "out/2021-04-21/referat.html"),
        (
            "udvalg-internal",
            "out-internt/2021-04-21/referat-internt.html",
        ),
    ] {
        common::browser::assert_valid_and_accessible(name, &dir.join(page));
    }
}
