//! Minutes of other Danish public bodies, part C: people and attendance.
//! A kommunalbestyrelse (tests/fixtures/bodies/kommunalbestyrelse) names no
//! referent (`referent = "optional"` in rk.toml), has a member who attended
//! items 7 and 8 only, a suppleant shown with its layout's word, a chair
//! and presenters. Each is checked, built and read back from the PDF's
//! text, the parsed HTML and the parsed JSON. Also the names of people as
//! minutes write them (`Jakob Harder` for `Jakob Aagaard Harder`), and the
//! KL example's chair and presenters, now shown.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    E, Expected, build_ok, check_json, copy_tree, example_copy, got, pdf_text, project_root,
    replace_in, rk, scratch, squeeze, want,
};
use scraper::{ElementRef, Html, Selector};

const MEETING: &str = "meetings/2021-03-25/meeting.yaml";
const MEDDELELSER: &str = "meetings/2021-03-25/02-meddelelser.md";
const REGNSKAB: &str = "meetings/2021-03-25/03-regnskab-2020.md";
const TRAFIK: &str = "meetings/2021-03-25/08-trafiksikkerhedsplan.md";

/// A scratch copy of the kommunalbestyrelse with its layout folder: KL's,
/// with the word for a substitute changed to "suppleant for".
fn project(scratch_name: &str) -> PathBuf {
    let dir = scratch(scratch_name);
    copy_tree(
        &project_root().join("tests/fixtures/bodies/kommunalbestyrelse"),
        &dir,
    );
    let layout = dir.join("layout");
    copy_tree(&project_root().join("layouts/kl"), &layout);
    replace_in(
        &layout.join("labels.toml"),
        "substitute_for = \"substitut for\"",
        "substitute_for = \"suppleant for\"",
    );
    dir
}

/// `rk check --format json` in `dir`: exit status and the findings.
fn findings(dir: &Path) -> (i32, Vec<common::Got>) {
    let (code, found, stderr) = check_json(dir, &[]);
    assert_eq!(stderr, "", "rk check wrote to stderr");
    (code, got(&found))
}

/// The help of the only finding in `dir`.
fn only_help(dir: &Path) -> String {
    let (_, found, _) = check_json(dir, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].help.clone().unwrap_or_default()
}

// ---- check -------------------------------------------------------------------

#[test]
fn the_kommunalbestyrelse_is_clean() {
    let dir = project("c-clean");
    assert_eq!(findings(&dir), (0, Vec::new()));
}

#[test]
fn without_referent_optional_a_missing_referent_is_a_finding() {
    let dir = project("c-referent-required");
    replace_in(&dir.join("rk.toml"), "referent = \"optional\"\n", "");
    let expected: &[Expected] = &[(
        "missing-field",
        E,
        MEETING,
        1,
        1,
        "meeting.yaml has no `referent`",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
}

#[test]
fn an_optional_referent_when_given_must_be_present() {
    let dir = project("c-referent-absent");
    replace_in(
        &dir.join(MEETING),
        "chair: Jakob Aagaard Harder\n",
        "chair: Jakob Aagaard Harder\nreferent: Hanne Vestergaard\n",
    );
    let expected: &[Expected] = &[(
        "unknown-person",
        E,
        MEETING,
        7,
        11,
        "the referent Hanne Vestergaard is listed as absent",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
}

#[test]
fn a_short_name_in_presenters_is_taken_for_the_full_name() {
    let dir = project("c-short-name");
    replace_in(
        &dir.join(MEDDELELSER),
        "presenters: [Jakob Aagaard Harder]",
        "presenters: [Jakob Harder]",
    );
    let expected: &[Expected] = &[(
        "unknown-person",
        E,
        MEDDELELSER,
        5,
        14,
        "the presenter Jakob Harder is not among the people present",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    assert_eq!(
        only_help(&dir),
        "did you mean `Jakob Aagaard Harder`? Write the name as the participant list has it"
    );
}

#[test]
fn a_short_name_in_presenters_reads_in_the_human_format() {
    let dir = project("c-short-name-human");
    replace_in(
        &dir.join(MEDDELELSER),
        "presenters: [Jakob Aagaard Harder]",
        "presenters: [Jakob Harder]",
    );
    let run = rk(&dir, &["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        r#"error[unknown-person]: the presenter Jakob Harder is not among the people present
  ┌─ meetings/2021-03-25/02-meddelelser.md:5:14
  │
5 │ presenters: [Jakob Harder]
  │              ^^^^^^^^^^^^
  │
  = help: did you mean `Jakob Aagaard Harder`? Write the name as the participant list has it

checked 2021-03-25 (9 items): 1 error
"#
    );
}

#[test]
fn a_first_name_two_people_share_is_not_taken_for_either() {
    let dir = project("c-two-christians");
    replace_in(
        &dir.join(TRAFIK),
        "presenters: [Christian Bach, Christian Holm]",
        "presenters: [Christian]",
    );
    let expected: &[Expected] = &[(
        "unknown-person",
        E,
        TRAFIK,
        6,
        14,
        "the presenter Christian is not among the people present",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    let help = only_help(&dir);
    assert_eq!(
        help,
        "`Christian` could be Christian Bach or Christian Holm: \
         write the full name as the participant list has it"
    );
    assert!(!help.contains("add"), "{help}");
}

#[test]
fn an_absent_presenter_is_said_to_be_absent_not_to_be_added() {
    let dir = project("c-absent-presenter");
    replace_in(
        &dir.join(REGNSKAB),
        "presenters: [Mads Ørum]",
        "presenters: [Hanne Vestergaard, Peter Lykke]",
    );
    let expected: &[Expected] = &[(
        "unknown-person",
        E,
        REGNSKAB,
        6,
        14,
        "the presenter Hanne Vestergaard is listed as absent",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    let help = only_help(&dir);
    assert!(
        help.starts_with("Hanne Vestergaard is listed under `absent`"),
        "{help}"
    );
    assert!(!help.contains("add Hanne"), "{help}");
    // Named by a part of the name, the same.
    replace_in(&dir.join(REGNSKAB), "[Hanne Vestergaard,", "[Hanne,");
    let (_, found, _) = check_json(&dir, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message, "the presenter Hanne is listed as absent");
    assert!(
        found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.starts_with("Hanne Vestergaard is listed under `absent`")),
        "{:?}",
        found[0].help
    );
}

#[test]
fn items_naming_no_item_are_an_unknown_item() {
    let dir = project("c-unknown-item");
    replace_in(&dir.join(MEETING), "items: [7, 8]", "items: [7, 10]");
    let expected: &[Expected] = &[(
        "unknown-item",
        E,
        MEETING,
        19,
        16,
        "Birgitte Sloth attended item 10, which this meeting does not have",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    assert_eq!(only_help(&dir), "this meeting's items run from 1 to 9");
}

#[test]
fn items_that_are_no_number_are_a_bad_value() {
    let dir = project("c-items-bad-value");
    replace_in(&dir.join(MEETING), "items: [7, 8]", "items: [7, punkt 8]");
    let expected: &[Expected] = &[(
        "bad-value",
        E,
        MEETING,
        19,
        16,
        "`punkt 8` in `items` is not an item number",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    assert_eq!(
        only_help(&dir),
        "write `8`: `items` lists item numbers, like `items: [7, 8]`"
    );
}

#[test]
fn a_presenter_who_attended_other_items_only_is_a_finding() {
    let dir = project("c-not-attending");
    replace_in(
        &dir.join(REGNSKAB),
        "presenters: [Mads Ørum]",
        "presenters: [Mads Ørum, Birgitte Sloth]",
    );
    let expected: &[Expected] = &[(
        "unknown-person",
        E,
        REGNSKAB,
        6,
        25,
        "the presenter Birgitte Sloth attended only items 7 and 8, not item 3",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
}

// ---- build: the PDF, the HTML and the JSON --------------------------------------

fn build(dir: &Path) -> PathBuf {
    let run = rk(dir, &["build", "2021-03-25"]);
    assert_eq!(run.code, 0, "rk build failed:\n{}", run.stderr);
    dir.join("out/2021-03-25")
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("")
}

const BIRGITTE: &str = "Birgitte Sloth, SF (deltog under punkt 7 og 8)";
const PETER: &str = "Peter Lykke, Enhedslisten (suppleant for Hanne Vestergaard)";
const CHAIR: &str = "Jakob Aagaard Harder, Borgmester, Socialdemokratiet (Formand)";
const TRAFIK_PRESENTERS: &str = "Oplæg ved Christian Bach og Christian Holm";

#[test]
fn the_pdf_shows_attendance_the_suppleant_the_chair_and_presenters() {
    let out = build(&project("c-build-pdf"));
    let pdf = pdf_text(&out.join("referat.pdf"));
    let lines: Vec<&str> = pdf.lines().map(str::trim).collect();
    for line in [
        format!("• {CHAIR}"),
        format!("• {BIRGITTE}"),
        format!("• {PETER}"),
        "• Lene Kjær Mortensen, Venstre".to_string(),
        "Oplæg ved Mads Ørum".to_string(),
        "Oplæg ved Jakob Aagaard Harder".to_string(),
        TRAFIK_PRESENTERS.to_string(),
    ] {
        assert!(
            lines.contains(&line.as_str()),
            "no line {line:?} in:\n{pdf}"
        );
    }
    // The presenters come right under the case line.
    let case = lines
        .iter()
        .position(|l| *l == "05.13.00-P15-1-21 Teknik og Miljø")
        .expect("item 8's case line");
    assert_eq!(lines[case + 1], TRAFIK_PRESENTERS);
    // No referent line, and the layout's word only.
    assert!(!pdf.contains("Referent"), "{pdf}");
    assert!(!pdf.contains("substitut"), "{pdf}");
}

#[test]
fn the_html_shows_attendance_the_suppleant_the_chair_and_presenters() {
    let out = build(&project("c-build-html"));
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let members: Vec<String> = select(&html, "#gruppe-members + ul > li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        members,
        [
            CHAIR,
            "Lene Kjær Mortensen, Venstre",
            "Christian Bach, Socialdemokratiet",
            "Christian Holm, Det Konservative Folkeparti",
            BIRGITTE,
            PETER,
        ]
    );
    let presenters = |anchor: &str| -> Vec<String> {
        select(&html, &format!("#{anchor} > p.presenters"))
            .iter()
            .map(text)
            .collect()
    };
    assert_eq!(presenters("punkt-8"), [TRAFIK_PRESENTERS]);
    assert_eq!(presenters("punkt-2"), ["Oplæg ved Jakob Aagaard Harder"]);
    assert!(presenters("punkt-4").is_empty());
    // Under the case line.
    let after_case = select(&html, "#punkt-3 > p.sag + p.presenters");
    assert_eq!(after_case.len(), 1);
    assert!(select(&html, "#gruppe-referent").is_empty());
}

#[test]
fn the_json_carries_attendance_the_suppleant_the_chair_and_presenters() {
    let out = build(&project("c-build-json"));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap()).unwrap();
    assert_eq!(json["referent"], serde_json::Value::Null);
    assert_eq!(json["chair"], "Jakob Aagaard Harder");
    let members = json["people"]["members"].as_array().unwrap();
    let birgitte = members
        .iter()
        .find(|p| p["name"] == "Birgitte Sloth")
        .unwrap();
    assert_eq!(birgitte["items"], serde_json::json!(["7", "8"]));
    let peter = members.iter().find(|p| p["name"] == "Peter Lykke").unwrap();
    assert_eq!(peter["substitute_for"], "Hanne Vestergaard");
    // Who attended every item has no `items`.
    assert!(members[0].get("items").is_none(), "{}", members[0]);
    let item8 = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == "8")
        .unwrap();
    assert_eq!(
        item8["presenters"],
        serde_json::json!(["Christian Bach", "Christian Holm"])
    );
}

// ---- the KL example: the chair and the presenters, now shown ------------------

#[test]
fn the_kl_example_shows_its_chair_and_presenters() {
    let dir = example_copy("c-example");
    build_ok(&dir, &[]);
    let out = dir.join("out/2020-11-25");
    let pdf = squeeze(&pdf_text(&out.join("referat.pdf")));
    for shown in [
        "• Ghita Thiesen (Formand)",
        "SAG-2019-04651 Line Laudrup Oplæg ved Christian Plaschke",
        "Oplæg ved Ken Rindsig, Jørgen Pedersen og Pia Vendelbo Danielsen",
    ] {
        let shown = squeeze(shown);
        assert!(pdf.contains(&shown), "no {shown:?} in the PDF");
    }
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let members: Vec<String> = select(&html, "#gruppe-members + ul > li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(members[0], "Ghita Thiesen (Formand)");
    assert_eq!(
        select(&html, "#punkt-2-2 > p.presenters")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["Oplæg ved Ken Rindsig, Jørgen Pedersen og Pia Vendelbo Danielsen"]
    );
}

#[test]
fn a_chair_whose_role_is_the_chairs_word_is_marked_once() {
    let dir = project("c-chair-role");
    replace_in(
        &dir.join(MEETING),
        "    title: Borgmester\n",
        "    title: Borgmester\n    role: formand\n",
    );
    let out = build(&dir);
    let chair = "Jakob Aagaard Harder, Borgmester, Socialdemokratiet (formand)";
    let pdf = pdf_text(&out.join("referat.pdf"));
    assert!(
        pdf.lines().any(|l| l.trim() == format!("• {chair}")),
        "{pdf}"
    );
    let html = Html::parse_document(&fs::read_to_string(out.join("referat.html")).unwrap());
    let first = select(&html, "#gruppe-members + ul > li").first().map(text);
    assert_eq!(first.as_deref(), Some(chair));
}

#[test]
fn a_suppleant_for_a_short_name_is_told_the_full_name() {
    let dir = project("c-substitute-short");
    replace_in(
        &dir.join(MEETING),
        "substitute_for: Hanne Vestergaard",
        "substitute_for: Hanne",
    );
    let expected: &[Expected] = &[(
        "bad-substitute",
        E,
        MEETING,
        22,
        21,
        "Peter Lykke is a substitute for Hanne, who is not listed under `absent`",
    )];
    assert_eq!(findings(&dir), (1, want(expected)));
    assert_eq!(only_help(&dir), "did you mean `Hanne Vestergaard`?");
}

#[test]
fn items_are_shown_in_number_order_each_once() {
    let dir = project("c-items-order");
    replace_in(&dir.join(MEETING), "items: [7, 8]", "items: [8, 7, 8]");
    let out = build(&dir);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("referat.json")).unwrap()).unwrap();
    assert_eq!(
        json["people"]["members"][4]["items"],
        serde_json::json!(["7", "8"])
    );
    let pdf = pdf_text(&out.join("referat.pdf"));
    assert!(
        pdf.lines().any(|l| l.trim() == format!("• {BIRGITTE}")),
        "{pdf}"
    );
}
