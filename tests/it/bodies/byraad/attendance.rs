//! Attendance per item (issue 19, "attendance per item"): the kommune
//! layout says under each item who was absent from it and why, made from
//! the participant list (Evan Lynnerup sent `afbud`, Preben Lyngsø took
//! his seat; Anne Marie Søgaard attended items 42-46 only, `forfald`);
//! KL's layout keeps its look.

use super::{LAYOUTS, build, byraad, texts, use_layout};
use crate::common::{Severity, check_json, replace_in, squeeze};

const MEETING_YAML: &str = "meetings/2024-05-29/meeting.yaml";

/// What the kommune layout says under each item, in order.
fn expected(number: &str) -> Vec<String> {
    let both = "Fraværende: Anne Marie Søgaard (forfald), Evan Lynnerup (afbud)";
    let one = "Fraværende: Evan Lynnerup (afbud)";
    let substitute = "Preben Lyngsø mødte som stedfortræder for Evan Lynnerup";
    let mut lines = match number {
        "41" | "47" => vec![both.to_string(), substitute.to_string()],
        _ => vec![one.to_string(), substitute.to_string()],
    };
    if number == "46" {
        lines.push("Anne Marie Søgaard forlod mødet efter punkt 46".to_string());
    }
    lines
}

const NUMBERS: [&str; 8] = ["41", "42", "43", "44", "45", "45a", "46", "47"];

#[test]
fn the_kommune_layout_says_under_each_item_who_was_absent_and_why() {
    for internal in [false, true] {
        let dir = byraad(&format!("attendance-kommune-{internal}"));
        let args: &[&str] = if internal { &["--internal"] } else { &[] };
        let out = build(&dir, args);
        // The HTML: the lines of each item, in the item's order.
        let lines = texts(&out.html, ".item-absent, .item-substitute, .item-left");
        let want: Vec<String> = NUMBERS
            .iter()
            .flat_map(|n| expected(n))
            .map(|line| squeeze(&line))
            .collect();
        assert_eq!(lines, want, "internal: {internal}");
        // The PDF: the same lines, in the same order.
        let mut rest = squeeze(&out.pdf);
        for line in &want {
            let at = rest
                .find(line.as_str())
                .unwrap_or_else(|| panic!("`{line}` not (in order) in the PDF"));
            rest = rest[at + line.len()..].to_string();
        }
        // The JSON: the data the lines are made from.
        let items = out.json["items"].as_array().unwrap();
        let absent = &items[0]["attendance"]["absent"];
        assert_eq!(
            absent,
            &serde_json::json!([
                {"name": "Anne Marie Søgaard", "absence": "forfald"},
                {"name": "Evan Lynnerup", "absence": "afbud", "substitute": "Preben Lyngsø"},
            ])
        );
        let item = |number: &str| items.iter().find(|i| i["number"] == number).unwrap();
        assert_eq!(
            item("46")["attendance"]["left"],
            serde_json::json!(["Anne Marie Søgaard"])
        );
        assert!(item("45a")["attendance"].get("left").is_none());
        assert_eq!(out.json["people"]["absent"][0]["absence"], "afbud");
    }
}

#[test]
fn the_kl_layout_keeps_absence_in_the_participant_list() {
    for internal in [false, true] {
        let dir = byraad(&format!("attendance-kl-{internal}"));
        use_layout(&dir, "kl");
        let args: &[&str] = if internal { &["--internal"] } else { &[] };
        let out = build(&dir, args);
        assert!(texts(&out.html, ".item-absent, .item-left").is_empty());
        assert!(!out.pdf_has("Fraværende:"), "internal: {internal}");
        assert!(!out.pdf_has("forlod mødet"), "internal: {internal}");
        for item in out.json["items"].as_array().unwrap() {
            assert!(item.get("attendance").is_none(), "{item}");
        }
        // The participant list names the absent member as before, and
        // the data says why.
        assert!(out.pdf_has("Evan Lynnerup"));
        assert_eq!(out.json["people"]["absent"][0]["absence"], "afbud");
    }
}

#[test]
fn the_kinds_of_absence_are_said_with_the_layouts_words() {
    for layout in LAYOUTS {
        let dir = byraad(&format!("attendance-uden-{layout}"));
        use_layout(&dir, layout);
        replace_in(
            &dir.join(MEETING_YAML),
            "absence: afbud",
            "absence: uden afbud",
        );
        let out = build(&dir, &[]);
        let lines = texts(&out.html, ".item-absent");
        if layout == "kommune" {
            assert_eq!(lines[1], squeeze("Fraværende: Evan Lynnerup (uden afbud)"));
            assert!(out.pdf_has("Fraværende: Evan Lynnerup (uden afbud)"));
        } else {
            assert!(lines.is_empty());
        }
        assert_eq!(out.json["people"]["absent"][0]["absence"], "uden afbud");
    }
}

#[test]
fn an_unknown_kind_of_absence_is_a_bad_value_with_the_kind_it_means() {
    let dir = byraad("attendance-bad-kind");
    replace_in(&dir.join(MEETING_YAML), "absence: afbud", "absence: afbu");
    let (code, found, _) = check_json(&dir, &[]);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(finding.rule, "bad-value");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.file, MEETING_YAML);
    let text = std::fs::read_to_string(dir.join(MEETING_YAML)).unwrap();
    let at = text.find("afbu\n").unwrap();
    assert_eq!(finding.line, text[..at].lines().count());
    assert!(
        finding.help.as_deref().unwrap().contains("afbud"),
        "{finding:?}"
    );
}
