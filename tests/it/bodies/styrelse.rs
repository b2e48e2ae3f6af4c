//! Minutes of a styrelse's standards committee (tests/fixtures/bodies/
//! styrelse): items marked beslutning / orientering / drøftelse, one
//! postponed and one withdrawn, the styrelse's own case numbers
//! (`330-2020-164`, `299835`), a document number per item and a Bilag that
//! is a page on the web. Checked, then built, and every one of those read
//! back from the PDF's text and links, the parsed HTML and the parsed JSON.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    Got, check_json, copy_tree, got, have_tool, pdf_text, project_copy, project_root, replace_in,
    rk, squeeze,
};
use scraper::{Html, Selector};

const MEETING: &str = "2021-03-10";
const STRATEGI: &str = "meetings/2021-03-10/04-strategi.md";
const DOKUMENTUDVEKSLING: &str = "meetings/2021-03-10/02-dokumentudveksling.md";

/// A scratch copy of the styrelse's project.
fn styrelse(name: &str) -> PathBuf {
    project_copy(
        "tests/fixtures/bodies/styrelse",
        &format!("bodies-b-{name}"),
    )
}

fn item_file(dir: &Path, file: &str) -> PathBuf {
    dir.join(file)
}

/// `rk check` of a copy whose `file` has `from` replaced by `to`: exit
/// status, findings and their helps.
fn check_edited(name: &str, file: &str, from: &str, to: &str) -> (i32, Vec<Got>, Vec<String>) {
    let dir = styrelse(name);
    replace_in(&item_file(&dir, file), from, to);
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert!(stderr.is_empty() || code != 2, "{stderr}");
    let helps = findings
        .iter()
        .map(|f| f.help.clone().unwrap_or_default())
        .collect();
    (code, got(&findings), helps)
}

fn finding(rule: &str, file: &str, line: usize, column: usize, message: &str) -> Got {
    (
        rule.into(),
        common::E,
        file.into(),
        line,
        column,
        message.into(),
    )
}

#[test]
fn the_styrelse_meeting_is_clean() {
    let dir = styrelse("clean");
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}\n{stderr}");
}

#[test]
fn a_kind_or_status_outside_the_set_is_bad_value_with_the_value_meant() {
    const KINDS: &str = "(one of `beslutning`, `orientering`, `drøftelse`)";
    // (written, the help's suggestion): no Danish letters, the short form
    // minutes print after a title, a typo (in any case). Another case of
    // the word itself is the word (tests/it/messages.rs).
    for (written, meant) in [
        ("Droftelse", Some("drøftelse")),
        ("droftelse", Some("drøftelse")),
        ("D", Some("drøftelse")),
        ("(D)", Some("drøftelse")),
        ("drøftlse", Some("drøftelse")),
        ("til efterretning", Some("orientering")),
        ("møde", None),
    ] {
        let (code, findings, helps) = check_edited(
            "kind",
            STRATEGI,
            "kind: drøftelse",
            &format!("kind: {written}"),
        );
        assert_eq!(code, 1, "{written}");
        assert_eq!(
            findings,
            [finding(
                "bad-value",
                STRATEGI,
                4,
                7,
                &format!("`{written}` is not a value of `kind` {KINDS}"),
            )],
            "{written}"
        );
        let help = match meant {
            Some(meant) => format!("did you mean `kind: {meant}`?"),
            None => format!(
                "`kind` is one of {}, written as here",
                &KINDS[8..KINDS.len() - 1]
            ),
        };
        assert_eq!(helps, [help], "{written}");
    }
    let (code, findings, helps) = check_edited(
        "status",
        "meetings/2021-03-10/06-kodeliste.md",
        "status: udgik",
        "status: Udgår",
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "bad-value",
            "meetings/2021-03-10/06-kodeliste.md",
            5,
            9,
            "`Udgår` is not a value of `status` (one of `udsat`, `udgik`)",
        )]
    );
    assert_eq!(helps, ["did you mean `status: udgik`?"]);
}

#[test]
fn a_document_number_off_the_pattern_is_bad_document() {
    let (code, findings, _) = check_edited(
        "dok",
        DOKUMENTUDVEKSLING,
        "dok: \"4410277\"",
        "dok: 4410-277",
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "bad-document",
            DOKUMENTUDVEKSLING,
            6,
            6,
            "`4410-277` is not a document number (pattern `\\d{7}`)",
        )]
    );
    // Without a `[document]` table any number is taken as written.
    let dir = styrelse("dok-any");
    let config = fs::read_to_string(dir.join("rk.toml")).unwrap();
    let without = &config[..config.find("[document]").unwrap()];
    fs::write(dir.join("rk.toml"), without).unwrap();
    replace_in(
        &dir.join(DOKUMENTUDVEKSLING),
        "dok: \"4410277\"",
        "dok: 4410-277",
    );
    let (code, findings, stderr) = check_json(&dir, &[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}\n{stderr}");
}

#[test]
fn a_link_attachment_follows_the_rules_of_links() {
    const URL: &str = "url: https://standarder.example.dk/dokumentudveksling/version-2";
    let (code, findings, helps) = check_edited(
        "url-javascript",
        DOKUMENTUDVEKSLING,
        URL,
        "url: javascript:alert(1)",
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "unsafe-link",
            DOKUMENTUDVEKSLING,
            12,
            10,
            "a `javascript:` link in published minutes",
        )]
    );
    assert_eq!(helps, ["links may use http, https or mailto only"]);
    // An address without its scheme would be a file of the meeting folder.
    let (code, findings, _) = check_edited(
        "url-no-scheme",
        DOKUMENTUDVEKSLING,
        URL,
        "url: standarder.example.dk/version-2",
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "bad-value",
            DOKUMENTUDVEKSLING,
            12,
            10,
            "`standarder.example.dk/version-2` is not a web address: it has no `https:`",
        )]
    );
    // Plain http, as a body link may have it, passes.
    let (code, findings, _) = check_edited(
        "url-http",
        DOKUMENTUDVEKSLING,
        URL,
        "url: http://standarder.example.dk/version-2",
    );
    assert_eq!((code, findings), (0, vec![]));
}

#[test]
fn the_styrelses_case_numbers_are_checked_by_its_pattern() {
    const STATUS: &str = "meetings/2021-03-10/03-status.md";
    const PATTERN: &str = "(pattern `\\d{3}-(?<year>\\d{4})-\\d{1,5}|\\d{6}`)";
    // The year of `330-2022-012` is after the meeting's.
    let (code, findings, _) = check_edited(
        "sag-year",
        STRATEGI,
        "sag: 330-2021-012",
        "sag: 330-2022-012",
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "bad-sag",
            STRATEGI,
            5,
            6,
            "case 330-2022-012 is from 2022, after the meeting's year 2021",
        )]
    );
    // Seven digits are neither form.
    let (code, findings, _) =
        check_edited("sag-form", STATUS, "sag: \"299835\"", "sag: \"2998351\"");
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        [finding(
            "bad-sag",
            STATUS,
            5,
            6,
            &format!("`2998351` is not a case reference {PATTERN}"),
        )]
    );
    // A missing case: the help's example is made from the pattern, with
    // the meeting's year.
    let (code, findings, helps) = check_edited("sag-missing", STATUS, "sag: \"299835\"\n", "");
    assert_eq!((code, findings.len()), (1, 1));
    assert_eq!(findings[0].0, "missing-sag");
    assert!(helps[0].contains("`sag: 012-2021-0`"), "{helps:?}");
}

/// The styrelse's meeting built (with the layout `layout`, when given):
/// its output folder.
fn built(name: &str, layout: Option<&str>) -> PathBuf {
    let dir = styrelse(name);
    let mut args = vec!["build", MEETING];
    if let Some(layout) = layout {
        copy_tree(&project_root().join("layouts/kl"), &dir.join("layout"));
        let labels = dir.join("layout/labels.toml");
        replace_in(&labels, "case = \"\"", &format!("case = \"{layout}\""));
        args.extend(["--layout", "layout"]);
    }
    let run = rk(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir.join("out").join(MEETING)
}

/// Asserts that `needles` occur in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let needle = squeeze(needle);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("`{needle}` is missing or out of order in:\n{haystack}"),
        }
    }
}

/// The targets of the PDF's links to web addresses.
fn pdf_links(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("the PDF parses");
    let mut links = Vec::new();
    for page in doc.get_pages().into_values() {
        for annotation in doc.get_page_annotations(page).expect("annotations") {
            let action = annotation
                .get(b"A")
                .and_then(|a| doc.dereference(a))
                .and_then(|(_, a)| a.as_dict());
            if let Ok(uri) = action.and_then(|a| a.get(b"URI")).and_then(|u| u.as_str()) {
                links.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    links
}

#[test]
fn the_pdf_shows_kinds_statuses_numbers_and_link_attachments() {
    if !have_tool("pdftotext", "-v") {
        return;
    }
    let out = built("pdf", None);
    let text = squeeze(&pdf_text(&out.join("referat.pdf")));
    // The Dagsorden, then the items: each kind and status after the title.
    let headings = [
        "1. Godkendelse af dagsorden (Beslutning)",
        "2. Standard for dokumentudveksling - høringssvar (Beslutning)",
        "3. Status på arbejdet med kodelister (Orientering)",
        "4. Strategi for standardisering 2022-2025 (Drøftelse)",
        "5. Ny version af adressestandarden (Beslutning) – Udsat",
        "6. Revision af kodeliste for ejerforhold (Orientering) – Udgik",
        "7. Udbud af valideringstjeneste (Beslutning)",
    ];
    assert_in_order(&text, &headings);
    let rest = &text[text.find(&squeeze(headings[6])).unwrap()..];
    assert_in_order(rest, &headings);
    // The case lines: case number, document number, responsible.
    assert_in_order(
        rest,
        &[
            "Dok.nr. 4410271",
            "330-2020-164 Dok.nr. 4410277 Anders Kjærgaard",
            "Bilag:",
            "Høringsnotat af 1. marts 2021",
            "Standarden, version 2 (høringsudkast)",
            "299835 Dok.nr. 4410302 Mette Thorsager",
            "330-2021-012 Dok.nr. 4410315",
            "330-2020-201 Dok.nr. 4410320",
            "330-2020-188 Dok.nr. 4410322",
            "Lukket punkt",
        ],
    );
    // The closed item's case, document number and linked page stay out.
    for secret in ["330-2021-019", "4410330", "Tilbudsoversigt"] {
        assert!(!text.contains(secret), "{secret} is published");
    }
    let links = pdf_links(&out.join("referat.pdf"));
    assert!(
        links.contains(&"https://standarder.example.dk/dokumentudveksling/version-2".into()),
        "{links:?}"
    );
    assert!(!links.iter().any(|l| l.contains("udbud")), "{links:?}");
    // A link attachment is not a file to copy.
    let copied: Vec<_> = fs::read_dir(out.join("bilag"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(copied, ["hoeringsnotat.txt"]);
}

fn select<'h>(html: &'h Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

#[test]
fn the_html_shows_kinds_statuses_numbers_and_link_attachments() {
    let out = built("html", None);
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let agenda: Vec<String> = select(&html, "nav li a").iter().map(text_of).collect();
    assert_eq!(
        agenda[1],
        "2. Standard for dokumentudveksling - høringssvar (Beslutning)"
    );
    assert_eq!(
        agenda[4],
        "5. Ny version af adressestandarden (Beslutning) – Udsat"
    );
    assert_eq!(
        agenda[5],
        "6. Revision af kodeliste for ejerforhold (Orientering) – Udgik"
    );
    assert_eq!(agenda[7], "8. Eventuelt");
    let heading = select(&html, "#punkt-4-titel");
    assert_eq!(
        text_of(&heading[0]),
        "4. Strategi for standardisering 2022-2025 (Drøftelse)"
    );
    // The case line: the case and the document number, each linked as
    // rk.toml says.
    let line = &select(&html, "#punkt-2 p.sag")[0];
    assert_eq!(
        text_of(line),
        "330-2020-164 Dok.nr. 4410277 Anders Kjærgaard"
    );
    let links: Vec<&str> = select(&html, "#punkt-2 p.sag a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "https://sager.example.dk/sag/330-2020-164",
            "https://sager.example.dk/dokument/4410277"
        ]
    );
    // Item 1 has no case: its line is the document number alone.
    assert_eq!(
        text_of(&select(&html, "#punkt-1 p.sag")[0]),
        "Dok.nr. 4410271"
    );
    let bilag: Vec<(String, String)> = select(&html, "#punkt-2 ul.attachments a")
        .iter()
        .map(|a| (a.value().attr("href").unwrap().to_string(), text_of(a)))
        .collect();
    assert_eq!(
        bilag,
        [
            (
                "bilag/hoeringsnotat.txt".to_string(),
                "Høringsnotat af 1. marts 2021".to_string()
            ),
            (
                "https://standarder.example.dk/dokumentudveksling/version-2".to_string(),
                "Standarden, version 2 (høringsudkast)".to_string()
            ),
        ]
    );
    // The closed item: no case line, no Bilag, no link to its page.
    assert!(select(&html, "#punkt-7 p.sag").is_empty());
    assert!(select(&html, "a[href*='udbud']").is_empty());
}

#[test]
fn the_json_carries_kind_status_dok_and_url() {
    let out = built("json", None);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap()).unwrap();
    let items = json["items"].as_array().unwrap();
    let field = |i: usize, key: &str| items[i].get(key).cloned();
    let kinds: Vec<_> = (0..8).map(|i| field(i, "kind")).collect();
    assert_eq!(
        kinds,
        [
            Some("beslutning".into()),
            Some("beslutning".into()),
            Some("orientering".into()),
            Some("drøftelse".into()),
            Some("beslutning".into()),
            Some("orientering".into()),
            Some("beslutning".into()),
            None,
        ]
    );
    let statuses: Vec<_> = (0..8).map(|i| field(i, "status")).collect();
    assert_eq!(statuses[4], Some("udsat".into()));
    assert_eq!(statuses[5], Some("udgik".into()));
    assert_eq!(statuses.iter().filter(|s| s.is_some()).count(), 2);
    assert_eq!(field(1, "dok"), Some("4410277".into()));
    assert_eq!(field(1, "sag"), Some("330-2020-164".into()));
    assert_eq!(field(2, "sag"), Some("299835".into()));
    let attachments = items[1]["attachments"].as_array().unwrap();
    assert_eq!(attachments[0]["file"], "bilag/hoeringsnotat.txt");
    assert_eq!(
        attachments[1],
        serde_json::json!({
            "url": "https://standarder.example.dk/dokumentudveksling/version-2",
            "title": "Standarden, version 2 (høringsudkast)",
            "href": "https://standarder.example.dk/dokumentudveksling/version-2",
        })
    );
    // The closed item keeps its kind but not its numbers or its Bilag.
    assert_eq!(field(6, "dok"), None);
    assert_eq!(field(6, "sag"), Some(serde_json::Value::Null));
    assert_eq!(items[6]["attachments"], serde_json::json!([]));
}

#[test]
fn the_case_line_has_the_layouts_word_for_a_case() {
    let out = built("case-label", Some("Sagsnr."));
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    assert_eq!(
        text_of(&select(&html, "#punkt-3 p.sag")[0]),
        "Sagsnr. 299835 Dok.nr. 4410302 Mette Thorsager"
    );
    if have_tool("pdftotext", "-v") {
        let text = squeeze(&pdf_text(&out.join("referat.pdf")));
        assert_in_order(
            &text,
            &[
                "Sagsnr. 330-2020-164 Dok.nr. 4410277",
                "Sagsnr. 299835 Dok.nr. 4410302",
            ],
        );
    }
}
