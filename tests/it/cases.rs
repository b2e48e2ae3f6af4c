//! A body's own case references (rk.toml's `case.pattern` with named
//! parts, `case.url`), personal data in what is always published, and the
//! referent shown once (in a project `rk init` starts; `rk init` itself is
//! tested in `cli.rs`).
//!
//! What its tests show, one by one: a fixture with a body's own case pattern
//! (`(?<year>\d{2})/(?<number>\d{5})`): the `missing-sag` help's example
//! matches it, a year after the meeting's and a short number are found and
//! fixed, the HTML link keeps the `/`; personal data in titles and character
//! references; a referent listed with the role Referent is printed once, in the
//! PDF and the HTML.

use crate::common;

use std::fs;
use std::path::PathBuf;

use common::{
    Finding, check_json, clean_with, fixture_copy, have_tool, init, pdf_text, project_copy,
    project_root, rk,
};
use scraper::{Html, Selector};

/// The item of the custom-pattern fixture that has a case.
const TRIVSEL: &str = "meetings/2021-06-15/01-trivsel.md";
const PATTERN: &str = r"(?<year>\d{2})/(?<number>\d{5})";

/// A scratch copy of `tests/fixtures/cases/custom-pattern`: a kommune's
/// meeting whose rk.toml makes `21/04651` the form of a case reference.
fn custom_pattern(name: &str) -> PathBuf {
    project_copy(
        "tests/fixtures/cases/custom-pattern",
        &format!("cases-{name}"),
    )
}

/// The custom-pattern item with its `sag:` line replaced by `line`.
fn with_sag_line(name: &str, line: &str) -> PathBuf {
    let dir = custom_pattern(name);
    let path = dir.join(TRIVSEL);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("sag: 21/04651\n", line)).unwrap();
    dir
}

/// (rule, line, column, message, help) of each finding.
fn summary(findings: &[Finding]) -> Vec<(String, usize, usize, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.line,
                f.column,
                f.message.clone(),
                f.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn one(
    rule: &str,
    line: usize,
    column: usize,
    message: &str,
    help: &str,
) -> Vec<(String, usize, usize, String, String)> {
    vec![(rule.into(), line, column, message.into(), help.into())]
}

// ---- a custom case pattern -------------------------------------------------

#[test]
fn the_custom_pattern_fixture_is_clean() {
    let (code, findings, stderr) = check_json(&custom_pattern("clean"), &[]);
    assert_eq!((code, findings, stderr), (0, vec![], String::new()));
}

/// The example in a `missing-sag` help: `write the case reference, like
/// `sag: X`, ...` gives X.
fn example_in(help: &str) -> String {
    help.split("`sag: ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no example in: {help}"))
        .to_string()
}

#[test]
fn missing_sag_help_shows_an_example_of_the_configured_pattern() {
    let dir = with_sag_line("missing", "");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&findings),
        one(
            "missing-sag",
            5,
            1,
            "this item has no `sag`",
            "write the case reference, like `sag: 21/01234`, or `sag: none` for an item without a case",
        )
    );
    assert_eq!(findings[0].file, TRIVSEL);
    // The example is a reference the pattern accepts: written in, it passes.
    let fixed = with_sag_line(
        "missing-fixed",
        &format!(
            "sag: {}\n",
            example_in(findings[0].help.as_deref().unwrap())
        ),
    );
    assert_eq!(check_json(&fixed, &[]).0, 0);

    // A pattern that names no parts still gives a matching example.
    fs::write(dir.join("rk.toml"), "[case]\npattern = '\\d{2}/\\d{5}'\n").unwrap();
    let (_, findings, _) = check_json(&dir, &[]);
    let help = findings[0].help.clone().unwrap();
    assert_eq!(
        help,
        "write the case reference, like `sag: 01/01234`, or `sag: none` for an item without a case"
    );
    let text = fs::read_to_string(dir.join(TRIVSEL)).unwrap();
    let text = text.replace("title:", &format!("sag: {}\ntitle:", example_in(&help)));
    fs::write(dir.join(TRIVSEL), text).unwrap();
    assert_eq!(check_json(&dir, &[]), (0, vec![], String::new()));
}

#[test]
fn the_default_pattern_keeps_its_help() {
    let dir = fixture_copy("missing-sag", "cases-default-missing-sag");
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(
        findings[0].help.as_deref(),
        Some("write `sag: SAG-YYYY-NNNNN`, or `sag: none` for an item without a case")
    );
}

#[test]
fn a_named_year_after_the_meetings_is_a_finding() {
    let dir = with_sag_line("year", "sag: 25/00012\n");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&findings),
        one(
            "bad-sag",
            4,
            6,
            "case 25/00012 is from 2025, after the meeting's year 2021",
            "check the year in the case reference",
        )
    );
    // The meeting's own year is fine.
    let dir = with_sag_line("year-same", "sag: 21/00012\n");
    assert_eq!(check_json(&dir, &[]).0, 0);
}

#[test]
fn a_named_number_written_short_gets_its_padding_suggested() {
    let dir = with_sag_line("padding", "sag: 21/4651\n");
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&findings),
        one(
            "bad-sag",
            4,
            6,
            &format!("`21/4651` is not a case reference (pattern `{PATTERN}`)"),
            "write `21/04651`",
        )
    );
    // Another separator is fixed the same way.
    let dir = with_sag_line("separator", "sag: 21-4651\n");
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(findings[0].help.as_deref(), Some("write `21/04651`"));
    // No fix is obvious: the help shows the form.
    let dir = with_sag_line("no-fix", "sag: 2021/4651\n");
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(
        findings[0].help.as_deref(),
        Some("a case reference looks like `21/01234`; an item without a case has `sag: none`")
    );
}

#[test]
fn a_year_group_that_is_not_two_or_four_digits_is_a_config_error() {
    let dir = custom_pattern("bad-year-group");
    fs::write(
        dir.join("rk.toml"),
        "[case]\npattern = '(?<year>\\d{3})/\\d{5}'\n",
    )
    .unwrap();
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: rk.toml: case.pattern `(?<year>\\d{3})/\\d{5}`: its `year` group must match four digits"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_case_link_keeps_the_slash_of_the_reference() {
    let dir = custom_pattern("url");
    let run = rk(&dir, &["build", "2021-06-15", "--only", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        Html::parse_document(&fs::read_to_string(dir.join("out/2021-06-15/referat.html")).unwrap());
    let links: Vec<_> = html
        .select(&Selector::parse("#punkt-1 .sag a").unwrap())
        .collect();
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://sager.example.dk/sag/21/04651")
    );
    assert_eq!(links[0].text().collect::<String>(), "21/04651");
}

// ---- personal data in what is always published ------------------------------

/// A scratch copy of the `clean` rule fixture with 03-eventuelt.md replaced.
fn clean_with_eventuelt(name: &str, text: &str) -> PathBuf {
    clean_with(&format!("cases-{name}"), "03-eventuelt.md", text)
}

#[test]
fn a_cpr_number_in_a_closed_items_title_says_titles_are_published() {
    let dir = clean_with_eventuelt(
        "cpr-closed-title",
        "---\nnumber: \"3\"\ntitle: Klage fra 120385-1234\nsag: none\nclosed: true\n---\nKlagen.\n",
    );
    let (code, findings, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&findings),
        one(
            "personal-data",
            3,
            18,
            "a CPR number in the title of a closed item",
            "remove it from the title: titles are published, even for closed items",
        )
    );
    // In a public item's title, closing the item would not help either.
    let dir = clean_with_eventuelt(
        "cpr-public-title",
        "---\nnumber: \"3\"\ntitle: Klage fra 120385-1234\nsag: none\n---\nKlagen.\n",
    );
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(
        summary(&findings),
        one(
            "personal-data",
            3,
            18,
            "a CPR number in a public item",
            "remove it from the title: titles are published, even for closed items",
        )
    );
}

#[test]
fn the_digits_of_a_character_reference_are_not_a_phone_number() {
    let body = "Tegnene &#87654321; og &#0102031234; og &#x1F600; er ikke numre.\n";
    let dir = clean_with_eventuelt(
        "char-reference",
        &format!("---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\n{body}"),
    );
    assert_eq!(check_json(&dir, &[]), (0, vec![], String::new()));
    // The same digits as text are.
    let dir = clean_with_eventuelt(
        "char-reference-digits",
        "---\nnumber: \"3\"\ntitle: Eventuelt\nsag: none\n---\nRing 87654321.\n",
    );
    let (_, findings, _) = check_json(&dir, &[]);
    assert_eq!(findings.len(), 1, "{findings:?}");
}

// ---- the referent shown once ---------------------------------------------

/// The participants part of the HTML: the text of `header .people`.
fn people_html(html: &Html) -> (String, bool) {
    let people: String = html
        .select(&Selector::parse("header .people").unwrap())
        .flat_map(|e| e.text())
        .collect();
    let referent_section = html
        .select(&Selector::parse("#gruppe-referent").unwrap())
        .next()
        .is_some();
    (people, referent_section)
}

#[test]
fn a_referent_listed_with_the_role_referent_is_shown_once() {
    // The example meeting, as the seed referat shows it: the referent only
    // under Andre deltagere, "Zahra Al-Asfoor, KL (Referent)".
    // (tests/build.rs checks the example's PDF against that.)
    let seed = project_root().join("tests/fixtures/seed/referat-2020-11-25.txt");
    let seed = fs::read_to_string(seed).unwrap();
    assert_eq!(seed.matches("Zahra Al-Asfoor").count(), 1);
    assert!(!seed.contains("Referent:"));
    let (dir, date) = init("cases-referent");
    let run = rk(&dir, &["build", &date]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out").join(&date);
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let (people, referent_section) = people_html(&html);
    assert_eq!(people.matches("Jonas Berg").count(), 1, "{people}");
    assert!(people.contains("(Referent)"), "{people}");
    assert!(!referent_section);
    if have_tool("pdftotext", "-v") {
        let text = pdf_text(&out.join("referat.pdf"));
        assert_eq!(text.matches("Jonas Berg").count(), 1, "{text}");
        assert!(!text.contains("Referent: Jonas Berg"), "{text}");
        assert!(
            text.contains("Børne- og Ungeforvaltningen (Referent)"),
            "{text}"
        );
    }

    // A referent listed without that role gets the line of their own.
    let yaml = dir.join("meetings").join(&date).join("meeting.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, text.replace("    role: Referent\n", "")).unwrap();
    let run = rk(&dir, &["build", &date]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let (people, referent_section) = people_html(&html);
    assert!(referent_section);
    assert_eq!(people.matches("Jonas Berg").count(), 2, "{people}");
    if have_tool("pdftotext", "-v") {
        let text = pdf_text(&out.join("referat.pdf"));
        assert!(text.contains("Referent: Jonas Berg"), "{text}");
    }
}
